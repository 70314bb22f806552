package lessons

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// bundledExercises calls f for every exercise of every bundled lesson.
func bundledExercises(t *testing.T, f func(t *testing.T, l *Lesson, ex *Exercise)) {
	t.Helper()
	c, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Lessons) == 0 {
		t.Fatal("no bundled lesson")
	}
	for _, l := range c.Lessons {
		for _, ex := range l.Exercises {
			t.Run(l.ID+"/"+ex.ID, func(t *testing.T) { f(t, l, ex) })
		}
	}
}

// Every bundled exercise's reference solution passes.
func TestBundledSolutionPasses(t *testing.T) {
	bundledExercises(t, func(t *testing.T, l *Lesson, ex *Exercise) {
		v := Check(ex, "solution", []byte(ex.Solution.Text))
		if !v.Pass {
			t.Fatalf("the reference solution fails:\n%s", v.Report())
		}
	})
}

// Every bundled exercise's starting state fails.
func TestBundledStartFails(t *testing.T) {
	bundledExercises(t, func(t *testing.T, l *Lesson, ex *Exercise) {
		v := Check(ex, ex.FileName(), ex.StartFile())
		if v.Pass {
			t.Fatalf("the starting state passes:\n%s", v.Report())
		}
	})
}

// The checker's message for each bundled exercise's typical mistake.
func TestBundledMistakeMessage(t *testing.T) {
	bundledExercises(t, func(t *testing.T, l *Lesson, ex *Exercise) {
		if !ex.Mistake.Present() {
			t.Fatal("a bundled exercise needs a mistake block (its message is golden-tested)")
		}
		v := Check(ex, ex.FileName(), []byte(ex.Mistake.Text))
		if v.Pass {
			t.Fatalf("the typical mistake passes:\n%s", v.Report())
		}
		golden.RequireEqual(t, []byte(v.Report()))
	})
}
