package lessons

import (
	"errors"
	"fmt"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// Tutor is one learner working through a catalogue, as the REPL and the
// TUI drive it: the open lesson and exercise, the learner's progress and
// the file it is saved in, and what the last hint and check said. It
// holds no world: Open, Reset, Next and Previous return the session in the
// exercise's starting state for the face to show, and every command the
// learner types there from then on is their answer.
//
// Every move that changes the progress saves it (a Recorder store is told
// every move, see Recorder); a save that fails is returned as an error
// beside the move's result, which still happened.
type Tutor struct {
	Catalogue *Catalogue
	N         int       // the open lesson's number in Catalogue; 0 when none is open
	Lesson    *Lesson   // nil when none is open
	Exercise  *Exercise // the open exercise of Lesson
	Progress  *Progress
	Store     ProgressStore // where Progress is saved; nil saves nothing
	// Limits bound every world the tutor starts and checks (see
	// sim.Options: only the limits are used); the zero value keeps the
	// global bounds, as the REPL and the TUI do.
	Limits sim.Options
	// Stop, when set, is asked between the events of a check (see
	// CheckUntil): the REPL's Ctrl-C. nil: checks run to their end.
	Stop func() bool

	// Verdict is the last check of the open exercise; nil since it opened.
	Verdict *Verdict
	// Hint is the last hint shown for the open exercise, "hint K of N: …".
	Hint string
	// Prediction is the last prediction checked for the open exercise.
	Prediction string
}

// NewTutor returns a tutor over cat with the learner's progress read from
// DefaultStore, as OpenTutor reads it; without a state directory the
// progress is kept but not saved, and the error says so.
func NewTutor(cat *Catalogue) (*Tutor, error) {
	store, err := DefaultStore()
	if err != nil {
		t := &Tutor{Catalogue: cat, Progress: &Progress{Version: progressVersion}}
		return t, fmt.Errorf("progress will not be saved: %w", err)
	}
	return OpenTutor(cat, store)
}

// OpenTutor returns a tutor over cat with the learner's progress read from
// store. The error is a warning, never fatal; the tutor is usable either
// way. A *CorruptError (a corrupt progress file was set aside) keeps the
// store, to save the fresh progress; any other error leaves the tutor with
// an empty progress and no store (it is kept but not saved).
func OpenTutor(cat *Catalogue, store ProgressStore) (*Tutor, error) {
	t := &Tutor{Catalogue: cat, Progress: &Progress{Version: progressVersion}}
	p, err := store.Load()
	var corrupt *CorruptError
	if err != nil && !errors.As(err, &corrupt) {
		return t, fmt.Errorf("progress will not be saved: %w", err)
	}
	t.Store = store
	if p != nil {
		t.Progress = p
	}
	return t, err
}

// List is the catalogue, one line a lesson, with the learner's progress:
// "  1. Links and exit reasons  (1 of 3 passed, 2 hints)"; the open
// lesson is marked with "▸".
func (t *Tutor) List() []string {
	lines := make([]string, len(t.Catalogue.Lessons))
	for i, l := range t.Catalogue.Lessons {
		mark := " "
		if l == t.Lesson {
			mark = "▸"
		}
		passed, hints := t.Progress.Passed(l)
		lines[i] = fmt.Sprintf("%s %2d. %s  (%d of %d passed", mark, i+1, l.Title, passed, len(l.Exercises))
		if hints > 0 {
			lines[i] += ", " + plural(hints, "hint", "hints")
		}
		lines[i] += ")"
	}
	return lines
}

// Open opens lesson n, l of the catalogue, at the exercise the learner
// was on, and returns the world it starts from.
func (t *Tutor) Open(n int, l *Lesson) (*scenarios.Session, error) {
	return t.OpenExercise(n, l, 0)
}

// OpenExercise opens exercise k (from 1) of lesson n, l of the catalogue,
// and returns the world it starts from; when l has no exercise k (0 names
// none), it opens the one the learner was on, as Open does.
func (t *Tutor) OpenExercise(n int, l *Lesson, k int) (*scenarios.Session, error) {
	t.N, t.Lesson = n, l
	ex, ok := l.Exercise(k)
	if !ok {
		ex = t.Progress.Current(l)
	}
	return t.open(ex, MoveOpen)
}

// Reset returns the open exercise's starting world again, and forgets
// its last hint and check; the hints counted stay counted.
func (t *Tutor) Reset() (*scenarios.Session, error) {
	return t.open(t.Exercise, MoveReset)
}

// Next opens the exercise after the open one and returns its world, or
// nil after the last exercise of the lesson.
func (t *Tutor) Next() (*scenarios.Session, error) { return t.step(1) }

// Previous opens the exercise before the open one and returns its world,
// or nil on the first exercise of the lesson.
func (t *Tutor) Previous() (*scenarios.Session, error) { return t.step(-1) }

// step opens the exercise d away from the open one, or returns nil when
// the lesson has none there.
func (t *Tutor) step(d int) (*scenarios.Session, error) {
	ex, ok := t.Lesson.Exercise(t.Lesson.Number(t.Exercise) + d)
	if !ok {
		return nil, nil
	}
	return t.open(ex, MoveOpen)
}

// open makes ex the open exercise and the learner's current one; kind
// says how it was opened.
func (t *Tutor) open(ex *Exercise, kind MoveKind) (*scenarios.Session, error) {
	t.Exercise, t.Verdict, t.Hint, t.Prediction = ex, nil, "", ""
	changed := t.Progress.SetCurrent(t.Lesson, ex)
	return StartWith(ex, t.Limits), t.save(Move{Kind: kind}, changed)
}

// Check checks src, the learner's answer (positioned in the file name),
// keeps the verdict, and records and saves a pass (a Recorder is told of
// a failure too); see Accept.
func (t *Tutor) Check(name, src string) (Verdict, error) {
	return t.Accept(CheckUntil(t.Exercise, name, []byte(src), t.Limits, t.Stop))
}

// Accept keeps v, the verdict of a check of the open exercise (made
// apart, as a face does in its background work, with CheckUntil and
// Limits), and records and saves it as Check does. An interrupted check
// is kept, not recorded: it judged nothing.
func (t *Tutor) Accept(v Verdict) (Verdict, error) {
	t.Verdict = &v
	if v.Interrupted {
		return v, nil
	}
	if v.Pass {
		t.Progress.Pass(t.Lesson, t.Exercise)
	}
	return v, t.save(Move{Kind: MoveCheck, Verdict: &v}, v.Pass)
}

// Predict checks a prediction ("die: NAMES; restart: NAMES") for a
// predict exercise, as Check does, and keeps it.
func (t *Tutor) Predict(name, prediction string) (Verdict, error) {
	t.Prediction = prediction
	return t.Check(name, prediction)
}

// NextHint shows the open exercise's next hint (see Progress.NextHint),
// keeps it in Hint and saves the count.
func (t *Tutor) NextHint() (string, error) {
	k, h := t.Progress.NextHint(t.Lesson, t.Exercise)
	t.Hint = fmt.Sprintf("hint %d of %d: %s", k, len(t.Exercise.Hints), h)
	return t.Hint, t.save(Move{Kind: MoveHint}, true)
}

// Page is the open exercise's page, rendered for a terminal of width
// columns in glamour's style (see Render): with the lesson's explanation
// before it when full, else the exercise alone. Lines carry no trailing
// blanks; when rendering fails, it is the Markdown itself.
func (t *Tutor) Page(width int, style string, full bool) string {
	md := t.Lesson.ExerciseMarkdown(t.Exercise)
	if full {
		md = t.Lesson.Markdown(t.N, t.Exercise)
	}
	out, err := Render(md, width, style)
	if err != nil {
		return md
	}
	lines := splitLines(strings.TrimRight(out, "\n"))
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return strings.Join(lines, "\n") + "\n"
}

// save tells the store of move m, which changed the progress when
// changed: a Recorder records every move (with where the learner now
// is), any other store saves a change, and no store saves nothing.
func (t *Tutor) save(m Move, changed bool) error {
	var err error
	switch s := t.Store.(type) {
	case nil:
		return nil
	case Recorder:
		m.Lesson, m.Exercise = t.N, t.Lesson.Number(t.Exercise)
		err = s.Record(t.Progress, m)
	default:
		if !changed {
			return nil
		}
		err = s.Save(t.Progress)
	}
	if err != nil {
		return fmt.Errorf("progress not saved: %w", err)
	}
	return nil
}
