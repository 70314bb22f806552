package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// crashAt advances the world to time at and crashes the latest incarnation
// of name there.
func crashAt(t *testing.T, w *World, at Time, name string) {
	t.Helper()
	w.Advance(at - w.Now())
	require.NoError(t, w.Crash(livePid(t, w, name), Boom))
	w.RunInstant()
}

// The restarts that counted toward a supervisor's intensity are those
// stamped inside its window when it gave up: stamps >= Now - Period in
// whole seconds, the same rule add_restart/1 applies (fact E22). One that
// left the window is not part of the story.
func TestStoryOfAnIntensityShutdownNamesTheRestartsInTheWindow(t *testing.T) {
	for _, tc := range []struct {
		name      string
		intensity int
		period    int
		crashes   []Time
		counted   []Time // when the counted restarts happened
	}{
		{name: "intensity 0: nothing counted, the first exit ends it", period: 5, crashes: []Time{Second}},
		{name: "intensity 3 in 10 s: three restarts counted", intensity: 3, period: 10,
			crashes: []Time{0, Second, Second, 3 * Second}, counted: []Time{0, Second, Second}},
		{name: "a restart out of the window does not count", intensity: 2, period: 1,
			crashes: []Time{0, 3 * Second, 3500 * Millisecond, 4200 * Millisecond}, counted: []Time{3 * Second, 3500 * Millisecond}},
		{name: "stamps are whole seconds: 1.9 s is second 1, inside the window at 2.1 s", intensity: 1, period: 1,
			crashes: []Time{1900 * Millisecond, 2100 * Millisecond}, counted: []Time{1900 * Millisecond}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			sup := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, tc.intensity, tc.period), Children: workers("a", "b")})
			for _, at := range tc.crashes {
				crashAt(t, w, at, "a")
			}
			requireDead(t, w, sup, Shutdown)
			for _, p := range []Pid{sup, pidOf(t, w, "b")} {
				st := w.Story(p)
				require.Len(t, st.GaveUp, 1, "the story of %s", w.Label(p))
				g := st.GaveUp[0]
				require.Equal(t, sup, g.Sup)
				require.Equal(t, KindSupervisorShutdown, w.Entry(g.Report).Kind)
				require.Contains(t, st.Chain, w.Entry(g.Report).Cause, "the report's cause is on the chain")
				require.Equal(t, tc.intensity, g.Intensity)
				require.Equal(t, tc.period, g.Period)
				var at []Time
				for _, s := range g.Counted {
					e := w.Entry(s)
					require.Equal(t, KindRestart, e.Kind)
					require.Equal(t, sup, e.Pid)
					at = append(at, e.At)
				}
				require.Equal(t, tc.counted, at)
			}
		})
	}
}

// A process whose end no giving-up supervisor caused has a story that is
// its chain alone, even under a supervisor that restarts.
func TestStoryWithoutIntensityShutdownIsTheChain(t *testing.T) {
	w := New(1)
	startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 3, 5), Children: workers("a")})
	old := livePid(t, w, "a")
	crashAt(t, w, 0, "a")
	st := w.Story(old)
	require.Equal(t, w.Why(old), st.Chain)
	require.Empty(t, st.GaveUp)
	require.Empty(t, w.Story(livePid(t, w, "a")).Chain, "a live process has no story yet")
}

// Previous is the incarnation of a name just before the given one.
func TestPreviousIncarnationOfARestartedName(t *testing.T) {
	w := New(1)
	startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 3, 5), Children: workers("a")})
	first := livePid(t, w, "a")
	spawn(t, w) // an unnamed process in between
	crashAt(t, w, 0, "a")
	second := livePid(t, w, "a")
	crashAt(t, w, 0, "a")
	third := livePid(t, w, "a")
	got, ok := w.Previous(third)
	require.True(t, ok)
	require.Equal(t, second, got)
	got, ok = w.Previous(second)
	require.True(t, ok)
	require.Equal(t, first, got)
	_, ok = w.Previous(first)
	require.False(t, ok, "the first incarnation has none before it")
	_, ok = w.Previous(spawn(t, w))
	require.False(t, ok, "an unnamed process has no incarnations")
}

// An error a process raises performing a command ends it, and its exit
// entry says why in words; the shell gets the same error as a value, and
// an exit for any other cause has no words.
func TestRaisedErrorSaysWhyInWords(t *testing.T) {
	for _, tc := range []struct {
		name string
		act  func(w *World, actor, dead Pid) error
		note string
	}{
		{"C18/send to an unregistered name", func(w *World, a, _ Pid) error { return w.Send(a, Dest{Name: "db"}, Atom("hi")) },
			"send to @db, and no process is registered as db"},
		{"A8/link to a dead process", func(w *World, a, d Pid) error { return w.Link(a, d) },
			"link to " + w0Label + ", and " + w0Label + " is dead"},
		{"C17/register a dead process", func(w *World, a, d Pid) error { return w.Register(a, "db", d) },
			"register " + w0Label + " as db, and " + w0Label + " is dead"},
		{"C19/unregister an unknown name", func(w *World, a, _ Pid) error { return w.Unregister(a, "db") },
			"unregister db, and no process is registered as db"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			dead := spawn(t, w)
			require.NoError(t, w.SendExit(Shell, dead, Kill))
			w.RunInstant()
			actor := spawn(t, w)
			require.NoError(t, tc.act(w, actor, dead))
			s, ok := w.ExitSeq(actor)
			require.True(t, ok, "the actor crashed")
			require.Equal(t, tc.note, w.Note(s))
			require.Equal(t, tc.note, w.Clone().Note(s), "a clone keeps the words")
			deadExit, _ := w.ExitSeq(dead)
			require.Empty(t, w.Note(deadExit), "a kill is no raised error")
		})
	}
}

// w0Label is how the first process of a world, unnamed, prints.
var w0Label = FirstPid.String()
