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

// Lint checks what Parse cannot: for every exercise, the reference
// solution passes, the starting state fails, and the typical mistake
// (when given) fails.
func Lint(l *Lesson) []Problem {
	var errs []Problem
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
	if v := Check(ex, "solution", []byte(ex.Solution.Text)); !v.Pass {
		problem(ex.Solution, "the reference solution does not pass", v)
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
