package lessons

import (
	"errors"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// checkSeed is the seed of every check's world: checks are deterministic.
const checkSeed = 0

// Check checks a learner's answer to ex: their commands (a command
// exercise) or their prediction (a predict exercise). name is the file
// name errors in src are positioned in. Check runs a fresh world each
// time: the exercise's setup, the learner's commands (after refusing any
// verb the exercise does not allow), a mark, the faults, then the
// expectations. It is pure and deterministic.
func Check(ex *Exercise, name string, src []byte) Verdict {
	return CheckWith(ex, name, src, sim.Options{})
}

// CheckWith is Check on a world bounded by o's limits (see sim.Options;
// only the limits are used): a server checks each learner's answer within
// their own bounds. A check that hits a bound is judged on what ran, with
// the bound's note among its notes.
func CheckWith(ex *Exercise, name string, src []byte, o sim.Options) Verdict {
	return CheckUntil(ex, name, src, o, nil)
}

// CheckUntil is CheckWith that asks stop between the events of the
// learner's commands and the faults (see scenarios.Session.SetInterrupt),
// so that a face can stop a long check on Ctrl-C. Once stop returns true
// the check ends unjudged: its verdict is Interrupted, and nothing else.
// A nil stop never stops it. The setup and a prediction's run, the
// lesson's own, are short and not asked.
func CheckUntil(ex *Exercise, name string, src []byte, o sim.Options, stop func() bool) Verdict {
	if ex.Predict() {
		return checkPrediction(ex, name, src, o)
	}
	cmds, err := scenarios.Parse(name, src)
	var list scenarios.ErrorList
	if errors.As(err, &list) {
		return Verdict{Errors: list}
	}
	if refused := refusals(ex, cmds); len(refused) > 0 {
		return Verdict{Refused: refused}
	}
	r := newReplay(ex, o)
	r.s.SetInterrupt(stop)
	v := Verdict{}
	r.learner(cmds, &v)
	r.faults()
	if stop != nil && stop() {
		return Verdict{Interrupted: true}
	}
	r.expectations(&v)
	v.Notes = r.notes
	v.World, v.Faults = r.s.World(), r.marked+1
	v.Pass = len(v.Failures) == 0
	if v.Pass {
		v.Said = ex.Pass
	}
	return v
}

// refusals lists the learner's commands whose verb, or form of a verb
// (exit/1), ex does not allow.
func refusals(ex *Exercise, cmds []*scenarios.Command) []Refusal {
	var out []Refusal
	for _, c := range cmds {
		if form := formOf(c); !ex.Allows(form) {
			out = append(out, Refusal{Line: c.Pos.Line, Verb: form, Text: c.Text})
		}
	}
	return out
}

// origin says which line of which part made a command run.
type origin struct {
	part string // "setup", "learner", "fault"
	line int
	text string
}

// String names the origin as a failure message does. A command that spans
// lines (a sup block) is quoted by its first line, so the sentence stays
// one line.
func (o origin) String() string {
	text, _, more := strings.Cut(o.text, "\n")
	if more {
		text = strings.TrimSpace(text) + " …"
	}
	switch o.part {
	case "learner":
		return sprintf("your line %d: `%s`", o.line, text)
	case "fault":
		return sprintf("the exercise's fault `%s`", text)
	}
	return sprintf("the exercise's setup `%s`", text)
}

// span is the trace entries one command caused.
type span struct {
	from, to sim.Seq
	o        origin
}

// replay is one run of an exercise on a fresh world.
type replay struct {
	ex    *Exercise
	s     *scenarios.Session
	spans []span
	notes []string
	// setupEnd is the last trace entry of the setup: what the learner's
	// commands and the faults did comes after it.
	setupEnd sim.Seq
	// marked is the last trace entry before the faults.
	marked sim.Seq
}

// newReplay runs ex's setup on a fresh world under o's limits; only the
// limits are taken from o, so a check always runs OTP's own rules in the
// kernel's fixed order.
func newReplay(ex *Exercise, o sim.Options) *replay {
	limits := sim.Options{MaxProcesses: o.MaxProcesses, MaxEvents: o.MaxEvents, MaxTrace: o.MaxTrace}
	r := &replay{ex: ex, s: scenarios.NewSessionWithOptions(checkSeed, limits)}
	r.block(ex.Setup, "setup")
	r.setupEnd = sim.Seq(r.s.World().TraceLen())
	return r
}

// Start returns a fresh session in ex's starting state, the world every
// check starts from: seed 0 and the setup run. The REPL's `lesson N` and
// `lesson reset` hand it to the learner to explore.
func Start(ex *Exercise) *scenarios.Session { return StartWith(ex, sim.Options{}) }

// StartWith is Start on a world bounded by o's limits (see sim.Options).
func StartWith(ex *Exercise, o sim.Options) *scenarios.Session { return newReplay(ex, o).s }

// block runs the commands of one of the exercise's blocks. They parsed
// when the lesson did, so errors here are not expected.
func (r *replay) block(b Block, part string) {
	cmds, _ := scenarios.ParseLine(r.ex.Pos.File, b.Pos.Line, b.Text)
	for _, c := range cmds {
		r.exec(c, part)
	}
}

func (r *replay) exec(c *scenarios.Command, part string) scenarios.Result {
	res := r.s.Exec(c)
	if res.To >= res.From {
		r.spans = append(r.spans, span{res.From, res.To, origin{part, c.Pos.Line, c.Text}})
	}
	if res.Note != "" {
		r.notes = append(r.notes, res.Note)
	}
	switch {
	case res.Err == nil || res.Outcome:
	case part == "setup":
		r.notes = append(r.notes, sprintf("%s failed: %s (a mistake in the lesson file, line %d)",
			origin{part, c.Pos.Line, c.Text}, res.Err.Message(), c.Pos.Line))
	case part == "fault":
		// A fault acts on what the learner's commands built or left alive:
		// that it failed is part of their outcome, not the lesson's doing.
		r.notes = append(r.notes, sprintf("%s did not happen: %s", origin{part, c.Pos.Line, c.Text}, res.Err.Message()))
	}
	return res
}

// learner runs the learner's commands, noting those that failed.
func (r *replay) learner(cmds []*scenarios.Command, v *Verdict) {
	for _, c := range cmds {
		if c.Expect != nil {
			continue
		}
		res := r.exec(c, "learner")
		if res.Err != nil && !res.Outcome {
			v.CommandErrors = append(v.CommandErrors,
				sprintf("your line %d: `%s` failed: %s", c.Pos.Line, c.Text, res.Err.Message()))
		}
	}
}

// faults marks the trace and fires the exercise's faults.
func (r *replay) faults() {
	mark, _ := scenarios.ParseLine("", 1, "mark")
	r.s.Exec(mark[0])
	r.marked = sim.Seq(r.s.World().TraceLen())
	r.block(r.ex.Faults, "fault")
}

// expectations evaluates the expect block, explaining each failure.
func (r *replay) expectations(v *Verdict) {
	cmds, _ := scenarios.ParseLine(r.ex.Pos.File, r.ex.Expect.Pos.Line, r.ex.Expect.Text)
	for _, c := range cmds {
		res := r.s.Exec(c)
		if res.Check == nil || res.Check.Pass {
			continue
		}
		f := Failure{Expect: c.Text, Want: res.Check.Want, Got: res.Check.Got}
		f.Because = r.explainExpect(c.Expect)
		v.Failures = append(v.Failures, f)
	}
}

// originOf is the origin of the command that caused trace entry s.
func (r *replay) originOf(s sim.Seq) (origin, bool) {
	for _, sp := range r.spans {
		if s >= sp.from && s <= sp.to {
			return sp.o, true
		}
	}
	return origin{}, false
}

// pidOf resolves a process as an expectation names it, now.
func (r *replay) pidOf(p scenarios.ProcRef) (sim.Pid, bool) {
	w := r.s.World()
	switch {
	case p.IsPid:
		return sim.Pid(p.Pid), w.Exists(sim.Pid(p.Pid))
	case p.Registered != "":
		return w.Whereis(p.Registered)
	}
	return w.Lookup(p.Name)
}

func quote(s string) string { return "`" + strings.TrimSpace(s) + "`" }
