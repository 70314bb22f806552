package lessons

import (
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// Verdict is what Check found. Exactly one of these holds: Errors (the
// learner's text does not parse), Refused (it uses verbs the exercise does
// not allow; nothing ran), Interrupted (see CheckUntil), or the outcome:
// Failures (expectations that did not hold, each explained) and, for a
// predict exercise, Rows. Pass is true when nothing failed.
type Verdict struct {
	Pass bool
	// Interrupted: the check was stopped before it could judge.
	Interrupted bool
	// Said is the exercise's pass sentence: what the learner demonstrated.
	Said    string
	Errors  scenarios.ErrorList
	Refused []Refusal
	// Failures are the expectations that failed, in the order of the
	// exercise's expect block.
	Failures []Failure
	// CommandErrors are the learner's commands that failed (noproc,
	// badarg, …), each "your line N: `text`: error".
	CommandErrors []string
	// Rows compare a prediction with the outcome, one row per process
	// that was predicted or that died or restarted, in the order they
	// first exited (predicted-only ones last, by name).
	Rows []Row
	// Notes are remarks about the run itself (a safety bound was hit).
	Notes []string
	// World is the world as the check left it, for views that draw the
	// learner's cascade beside the expected one (its trace since the
	// faults, `why`); nil when nothing ran (Errors, Refused).
	World *sim.World
	// Faults is the first trace entry the faults caused: the learner's
	// cascade is World's trace from there.
	Faults sim.Seq
}

// Refusal is a learner's command whose verb the exercise does not allow.
type Refusal struct {
	Line int    // in the learner's text
	Verb string // the verb refused, or its form (exit/1) when it has forms
	Text string // the command as written
}

// Failure is an expectation that did not hold.
type Failure struct {
	Expect string // the expect line of the exercise
	Want   string // what was expected, in words
	Got    string // what happened instead
	// Because explains Got: what the process did and why, from its death
	// (or survival) back to the first cause, each step naming the line
	// that made it ("your line 3", "the exercise's fault `db: crash`").
	Because []string
}

// Row is one process of a predict exercise's side-by-side comparison.
type Row struct {
	Name                        string
	PredictedDie, Died          bool
	PredictedRestart, Restarted bool
	// Explain says why the outcome differs from the prediction; empty
	// when they agree.
	Explain []string
}

// Agrees reports whether the prediction was right about this process.
func (r Row) Agrees() bool {
	return r.PredictedDie == r.Died && r.PredictedRestart == r.Restarted
}
