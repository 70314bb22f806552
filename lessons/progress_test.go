package lessons

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// testStore points the state directory at a temporary one.
func testStore(t *testing.T) Store {
	t.Helper()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	s, err := DefaultStore()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestProgressPathFollowsXDG(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	s, _ := DefaultStore()
	if s.Path != filepath.Join(state, "crashcourse", "progress.json") {
		t.Fatal(s.Path)
	}
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_STATE_HOME", "relative/not/allowed")
	s, _ = DefaultStore()
	if s.Path != filepath.Join(home, ".local", "state", "crashcourse", "progress.json") {
		t.Fatal(s.Path)
	}
}

// What is saved is loaded back, in a file only its owner can read, and no
// temporary file is left beside it.
func TestProgressRoundTripIsPrivateAndClean(t *testing.T) {
	s := testStore(t)
	p, err := s.Load()
	if err != nil || len(p.Lessons) != 0 {
		t.Fatalf("a missing file is no progress and no error: %v %v", p, err)
	}
	lp := p.Lesson("01-links")
	lp.Current = 2
	lp.Exercise("ex1").Passed = true
	lp.Exercise("ex2").Hints = 2
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil || got.Lessons["01-links"].Current != 2 || !got.Lessons["01-links"].Exercises["ex1"].Passed ||
		got.Lessons["01-links"].Exercises["ex2"].Hints != 2 {
		t.Fatalf("loaded %+v, %v", got.Lessons["01-links"], err)
	}
	st, err := os.Stat(s.Path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Fatalf("mode %v, %v", st.Mode(), err)
	}
	entries, _ := os.ReadDir(filepath.Dir(s.Path))
	if len(entries) != 1 {
		t.Fatalf("files left beside the progress file: %v", entries)
	}
}

// A save interrupted before its rename (Ctrl-C, a crash) leaves its
// temporary file, never a half-written progress file: the last complete
// save is what loads.
func TestProgressSurvivesAnInterruptedSave(t *testing.T) {
	s := testStore(t)
	p := &Progress{}
	p.Lesson("01-links").Current = 3
	if err := s.Save(p); err != nil {
		t.Fatal(err)
	}
	half := filepath.Join(filepath.Dir(s.Path), ".progress-123.json")
	if err := os.WriteFile(half, []byte(`{"version":1,"less`), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := s.Load()
	if err != nil || got.Lessons["01-links"].Current != 3 {
		t.Fatalf("%+v %v", got, err)
	}
}

// A corrupt progress file is reported and set aside, never fatal: the
// learner starts afresh and the next save works.
func TestProgressCorruptFileIsSetAside(t *testing.T) {
	for _, bad := range []string{"{not json", `{"version":99,"lessons":{}}`, `[1,2]`} {
		s := testStore(t)
		if err := os.MkdirAll(filepath.Dir(s.Path), 0o700); err != nil {
			t.Fatal(err)
		}
		for i, aside := range []string{s.Path + ".corrupt", s.Path + ".corrupt-2"} {
			if err := os.WriteFile(s.Path, []byte(bad), 0o600); err != nil {
				t.Fatal(err)
			}
			p, err := s.Load()
			var ce *CorruptError
			if !errors.As(err, &ce) || ce.SetAside != aside || p == nil || len(p.Lessons) != 0 {
				t.Fatalf("%q, time %d: got %v, %v", bad, i+1, p, err)
			}
			if data, _ := os.ReadFile(aside); string(data) != bad {
				t.Fatalf("set aside %q, want %q", data, bad)
			}
		}
		if err := s.Save(&Progress{}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.Load(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestProgressCountsPassedExercises(t *testing.T) {
	c, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	l := c.Lessons[0]
	p := &Progress{}
	if n, h := p.Passed(l); n != 0 || h != 0 {
		t.Fatal("nothing passed yet")
	}
	p.Lesson(l.ID).Exercise("ex1").Passed = true
	p.Lesson(l.ID).Exercise("ex2").Hints = 2
	p.Lesson(l.ID).Exercise("ex9").Passed = true // no such exercise: not counted
	if n, h := p.Passed(l); n != 1 || h != 2 {
		t.Fatal(n, h)
	}
}

// The moves through a lesson: current, hints (the last repeats), a pass
// that moves on, and the last exercise's pass that has no next.
func TestProgressMoves(t *testing.T) {
	c, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	l := c.Lessons[0]
	p := &Progress{}
	if p.Current(l) != l.Exercises[0] {
		t.Fatal("a new learner starts at the first exercise")
	}
	ex := l.Exercises[0]
	for want := 1; want <= len(ex.Hints)+1; want++ {
		k, text := p.NextHint(l, ex)
		if k != min(want, len(ex.Hints)) || text != ex.Hints[k-1] {
			t.Fatalf("ask %d: hint %d %q", want, k, text)
		}
	}
	if p.Lessons[l.ID].Exercises[ex.ID].Hints != len(ex.Hints) {
		t.Fatal("hints shown not recorded")
	}
	if next := p.Pass(l, ex); next != l.Exercises[1] || p.Current(l) != next {
		t.Fatal("a pass moves to the next exercise")
	}
	last := l.Exercises[len(l.Exercises)-1]
	if p.Pass(l, last) != nil || !p.Lessons[l.ID].Exercises[last.ID].Passed {
		t.Fatal("the last exercise has no next")
	}
	if p.SetCurrent(l, l.Exercises[1]) || !p.SetCurrent(l, l.Exercises[0]) {
		t.Fatal("SetCurrent reports a change only when there is one")
	}
}
