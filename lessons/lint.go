package lessons

import (
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// Problem is what Lint found wrong with an exercise: where (the block
// concerned, or the exercise's heading), what, and the checker's report.
type Problem struct {
	Pos    scenarios.Pos
	Msg    string
	Report string
}

// String is "file:line:col: exN: msg:" and the report indented under it.
func (p Problem) String() string {
	return p.Pos.String() + ": " + p.Msg + ":\n" + indent(p.Report)
}

// Lint checks what Parse cannot: the worked example runs without a
// failing command, and for every exercise the reference solution passes
// (and the exercise's own commands run cleanly), the starting state
// fails, and the typical mistake (when given) fails.
func Lint(l *Lesson) []Problem {
	errs := lintExample(l)
	for _, ex := range l.Exercises {
		errs = append(errs, lintExercise(ex)...)
	}
	return errs
}

func lintExercise(ex *Exercise) []Problem {
	var errs []Problem
	problem := func(b Block, msg string, v Verdict) {
		pos := b.Pos
		if !b.Present() {
			pos = ex.Pos
		}
		errs = append(errs, Problem{Pos: pos, Msg: ex.ID + ": " + msg, Report: v.Report()})
	}
	v := Check(ex, "solution", []byte(ex.Solution.Text))
	switch {
	case !v.Pass:
		problem(ex.Solution, "the reference solution does not pass", v)
	case len(v.Notes) > 0:
		problem(ex.Setup, "the exercise's own commands do not run cleanly", v)
	}
	if v := Check(ex, ex.FileName(), ex.StartFile()); v.Pass {
		problem(ex.Start, "the starting state already passes", v)
	}
	if ex.Mistake.Present() {
		if v := Check(ex, "mistake", []byte(ex.Mistake.Text)); v.Pass {
			problem(ex.Mistake, "the typical mistake passes", v)
		}
	}
	return errs
}

func indent(s string) string {
	return "  " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n  ")
}

// lintExample runs the worked example as the learner will, reporting each
// command that fails.
func lintExample(l *Lesson) []Problem {
	if !l.Example.Present() {
		return nil
	}
	cmds, _ := scenarios.ParseLine(l.File, l.Example.Pos.Line, l.Example.Text)
	s := scenarios.NewSession(checkSeed)
	var out []Problem
	for _, c := range cmds {
		if res := s.Exec(c); res.Err != nil && !res.Outcome {
			out = append(out, Problem{Pos: c.Pos, Msg: "the worked example's command `" + c.Text + "` fails", Report: res.Err.Message()})
		}
	}
	return out
}
