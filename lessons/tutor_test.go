package lessons

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newTestTutor is a tutor over the bundled lessons whose progress lives in
// a temporary state directory, with lesson 1 open.
func newTestTutor(t *testing.T) *Tutor {
	t.Helper()
	testStore(t)
	cat, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	tu, err := NewTutor(cat)
	if err != nil {
		t.Fatal(err)
	}
	n, l, _ := cat.Find("1")
	if _, err := tu.Open(n, l); err != nil {
		t.Fatal(err)
	}
	return tu
}

// A pass is recorded and saved, and the next tutor opens the lesson at
// the exercise after it.
func TestTutorPassIsSavedAndTheNextTutorResumesAfterIt(t *testing.T) {
	tu := newTestTutor(t)
	ex := tu.Exercise
	v, err := tu.Check("answer.scn", ex.Solution.Text)
	if err != nil || !v.Pass || tu.Verdict == nil || !tu.Verdict.Pass {
		t.Fatalf("the reference solution: pass %v, err %v\n%s", v.Pass, err, v.Report())
	}
	again, err := NewTutor(tu.Catalogue)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := again.Open(tu.N, tu.Lesson); err != nil {
		t.Fatal(err)
	}
	if again.Lesson.Number(again.Exercise) != 2 || !again.Progress.Lessons[tu.Lesson.ID].Exercise(ex.ID).Passed {
		t.Fatalf("resumed at exercise %d", again.Lesson.Number(again.Exercise))
	}
}

// A failing check records nothing; the verdict is kept for the face.
func TestTutorFailingCheckRecordsNothing(t *testing.T) {
	tu := newTestTutor(t)
	v, _ := tu.Check("answer.scn", tu.Exercise.Mistake.Text)
	if v.Pass || tu.Verdict == nil || tu.Progress.Lessons[tu.Lesson.ID].Exercise(tu.Exercise.ID).Passed {
		t.Fatalf("the typical mistake passed or was recorded:\n%s", v.Report())
	}
}

// Hints are graded and counted; Reset forgets the last hint and verdict
// but not the count.
func TestTutorHintsAreGradedAndResetKeepsTheirCount(t *testing.T) {
	tu := newTestTutor(t)
	first, _ := tu.NextHint()
	second, _ := tu.NextHint()
	if !strings.HasPrefix(first, "hint 1 of ") || !strings.HasPrefix(second, "hint 2 of ") {
		t.Fatalf("%q, %q", first, second)
	}
	tu.Check("answer.scn", "")
	if s, _ := tu.Reset(); s == nil || tu.Hint != "" || tu.Verdict != nil {
		t.Fatalf("reset kept hint %q or verdict %v", tu.Hint, tu.Verdict)
	}
	if _, hints := tu.Progress.Passed(tu.Lesson); hints != 2 {
		t.Fatalf("hints counted: %d", hints)
	}
}

// Next walks the lesson's exercises and then returns nil; Previous walks
// them back and returns nil on the first.
func TestTutorNextAndPreviousStopAtTheLessonsEnds(t *testing.T) {
	tu := newTestTutor(t)
	last := len(tu.Lesson.Exercises)
	for k := 2; k <= last; k++ {
		if s, err := tu.Next(); s == nil || err != nil || tu.Lesson.Number(tu.Exercise) != k {
			t.Fatalf("next to %d: %v", k, err)
		}
	}
	if s, _ := tu.Next(); s != nil {
		t.Fatal("next after the last exercise opened one")
	}
	for k := last - 1; k >= 1; k-- {
		if s, err := tu.Previous(); s == nil || err != nil || tu.Lesson.Number(tu.Exercise) != k {
			t.Fatalf("previous to %d: %v", k, err)
		}
	}
	if s, _ := tu.Previous(); s != nil {
		t.Fatal("previous before the first exercise opened one")
	}
	if cur := tu.Progress.Current(tu.Lesson); cur != tu.Lesson.Exercises[0] {
		t.Fatalf("the current exercise is %s, not the one open", cur.ID)
	}
}

// Predict keeps the prediction and checks it.
func TestTutorPredictChecksThePrediction(t *testing.T) {
	tu := newTestTutor(t)
	for !tu.Exercise.Predict() {
		tu.Next()
	}
	v, _ := tu.Predict("prediction", tu.Exercise.Solution.Text)
	if !v.Pass || tu.Prediction != tu.Exercise.Solution.Text {
		t.Fatalf("the reference prediction:\n%s", v.Report())
	}
}

// The list shows each lesson's progress and marks the open lesson.
func TestTutorListShowsProgress(t *testing.T) {
	tu := newTestTutor(t)
	tu.NextHint()
	tu.Check("answer.scn", tu.Exercise.Solution.Text)
	list := tu.List()
	want := "▸  1. " + tu.Lesson.Title + sprintf("  (1 of %d passed, 1 hint)", len(tu.Lesson.Exercises))
	if len(list) != len(tu.Catalogue.Lessons) || list[0] != want {
		t.Fatalf("got %q, want first %q", list, want)
	}
}

// A corrupt progress file is a warning: the tutor starts afresh and
// still saves.
func TestTutorCorruptProgressIsAWarning(t *testing.T) {
	s := testStore(t)
	if err := os.MkdirAll(filepath.Dir(s.Path), 0o700); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(s.Path, []byte("garbage"), 0o600)
	cat, _ := Bundled()
	tu, err := NewTutor(cat)
	var corrupt *CorruptError
	if !errors.As(err, &corrupt) || tu == nil || tu.Store != s {
		t.Fatalf("err %v, tutor %+v", err, tu)
	}
}

// Page renders the lesson's explanation only when asked to, and leaves no
// trailing blanks.
func TestTutorPageWithAndWithoutTheExplanation(t *testing.T) {
	tu := newTestTutor(t)
	full, part := tu.Page(60, "notty", true), tu.Page(60, "notty", false)
	if !strings.Contains(full, "Lesson 1:") || strings.Contains(part, "Lesson 1:") || !strings.Contains(part, "Exercise 1 of") {
		t.Fatalf("full:\n%s\npart:\n%s", full, part)
	}
	for _, l := range strings.Split(full, "\n") {
		if strings.HasSuffix(l, " ") {
			t.Fatalf("trailing blank in %q", l)
		}
	}
}
