package lessons

import (
	"errors"
	"testing"
)

// recorder is a Recorder in memory: the progress as last written, and
// every move it was told.
type recorder struct {
	saved *Progress
	moves []Move
	fail  error // what every write returns
}

func (r *recorder) Load() (*Progress, error) { return &Progress{Version: progressVersion}, nil }

func (r *recorder) Save(p *Progress) error {
	r.saved = p
	return r.fail
}

func (r *recorder) Record(p *Progress, m Move) error {
	r.moves = append(r.moves, m)
	return r.Save(p)
}

// recordingTutor is a tutor over the bundled lessons whose store is rec.
func recordingTutor(t *testing.T, rec *recorder) *Tutor {
	t.Helper()
	cat, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	tu, err := OpenTutor(cat, rec)
	if err != nil {
		t.Fatal(err)
	}
	return tu
}

// A Recorder is told every move, where it left the learner, and a check's
// verdict, failed ones included, each with the progress as it now is.
func TestTutorTellsARecorderEveryMove(t *testing.T) {
	rec := &recorder{}
	tu := recordingTutor(t, rec)
	n, l, _ := tu.Catalogue.Find("2")
	tu.OpenExercise(n, l, 2)
	tu.NextHint()
	tu.Check("answer.scn", tu.Exercise.Mistake.Text)
	tu.Check("answer.scn", tu.Exercise.Solution.Text)
	tu.Reset()
	tu.Next()
	kinds := []MoveKind{MoveOpen, MoveHint, MoveCheck, MoveCheck, MoveReset, MoveOpen}
	if len(rec.moves) != len(kinds) {
		t.Fatalf("moves: %+v", rec.moves)
	}
	for i, m := range rec.moves {
		want := 2
		if i == len(kinds)-1 {
			want = 3
		}
		if m.Kind != kinds[i] || m.Lesson != 2 || m.Exercise != want || (m.Verdict != nil) != (m.Kind == MoveCheck) {
			t.Errorf("move %d: %+v, want kind %d at 2.%d", i, m, kinds[i], want)
		}
	}
	if rec.moves[2].Verdict.Pass || !rec.moves[3].Verdict.Pass {
		t.Errorf("verdicts: the mistake passed %v, the solution %v", rec.moves[2].Verdict.Pass, rec.moves[3].Verdict.Pass)
	}
	if rec.saved != tu.Progress || !tu.Progress.Lesson(l.ID).Exercise(l.Exercises[1].ID).Passed {
		t.Error("the recorder was not given the progress with the pass")
	}
}

// OpenExercise opens the exercise asked for, or the learner's current one
// when the lesson has no such exercise.
func TestTutorOpenExerciseOpensTheOneAskedFor(t *testing.T) {
	tu := recordingTutor(t, &recorder{})
	n, l, _ := tu.Catalogue.Find("1")
	tu.OpenExercise(n, l, 2)
	if got := l.Number(tu.Exercise); got != 2 {
		t.Fatalf("opened exercise %d", got)
	}
	tu.OpenExercise(n, l, 99)
	if got := l.Number(tu.Exercise); got != 2 {
		t.Fatalf("exercise 99 opened %d, not the current one", got)
	}
}

// A store that cannot be read leaves the tutor usable, saving nothing; a
// write that fails is returned beside the move, which still happened.
func TestTutorStoreErrorsAreWarnings(t *testing.T) {
	cat, _ := Bundled()
	tu, err := OpenTutor(cat, unreadable{})
	if err == nil || tu.Store != nil || tu.Progress == nil {
		t.Fatalf("unreadable store: err %v, tutor %+v", err, tu)
	}
	rec := &recorder{fail: errors.New("disk full")}
	tu = recordingTutor(t, rec)
	n, l, _ := tu.Catalogue.Find("1")
	if s, err := tu.Open(n, l); s == nil || err == nil {
		t.Fatalf("a failed write: world %v, err %v", s, err)
	}
}

type unreadable struct{}

func (unreadable) Load() (*Progress, error) { return nil, errors.New("unreadable") }
func (unreadable) Save(*Progress) error     { return nil }
