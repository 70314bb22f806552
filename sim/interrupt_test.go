package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// chaosWorld is a busy world: a supervision tree under chaos for 30s, so
// that there are thousands of events over many instants to interrupt.
func chaosWorld(t *testing.T) *World {
	w := New(7)
	spec := tree27(true)
	spec.Flags.Intensity = 1000
	startSup(t, w, "top", spec)
	w.SetChaos(20, 30*Second)
	return w
}

// stopAfter is an interrupt that says stop from its (k+1)-th question on.
func stopAfter(k int) func() bool {
	asked := 0
	return func() bool {
		asked++
		return asked > k
	}
}

// TestInterruptPausesRun: a run interrupted at some event and then resumed
// gives the trace of the same run uninterrupted, and while interrupted the
// clock stands at the last event run (Advance and Run do not jump ahead).
func TestInterruptPausesRun(t *testing.T) {
	cases := []struct {
		name   string
		run    func(w *World) int // the command, run once whole
		resume func(w *World, ran int) int
	}{
		{"Run", func(w *World) int { n, _ := w.Run(0); return n },
			func(w *World, _ int) int { n, _ := w.Run(0); return n }},
		{"Run for a duration", func(w *World) int { n, _ := w.Run(20 * Second); return n },
			func(w *World, _ int) int { n, _ := w.Run(20*Second - w.Now()); return n }},
		{"Advance", func(w *World) int { n, _ := w.Advance(20 * Second); return n },
			func(w *World, _ int) int { n, _ := w.Advance(20*Second - w.Now()); return n }},
		{"Step", func(w *World) int { return w.Step(1500) },
			func(w *World, ran int) int { return w.Step(1500 - ran) }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			whole := chaosWorld(t)
			all := c.run(whole)
			require.Greater(t, all, 1000)

			w := chaosWorld(t)
			w.SetInterrupt(stopAfter(500))
			ran := c.run(w)
			require.True(t, w.Interrupted())
			require.Equal(t, 500, ran, "it runs every event before the interrupt, and none after")
			require.Equal(t, w.Entry(Seq(w.TraceLen())).At, w.Now(), "the clock stays at the last event run")
			require.Equal(t, traceText(whole)[:w.TraceLen()], traceText(w), "what ran is what an uninterrupted run did")

			w.SetInterrupt(nil)
			require.False(t, w.Interrupted(), "SetInterrupt clears the interruption")
			require.Equal(t, all-ran, c.resume(w, ran))
			require.Equal(t, traceText(whole), traceText(w), "resumed, the run ends as if never interrupted")
			require.Equal(t, whole.Now(), w.Now())
		})
	}
}

// TestInterruptNeverAskedChangesNothing: an interrupt that never says stop
// leaves the trace as it is without one.
func TestInterruptNeverAskedChangesNothing(t *testing.T) {
	plain, asked := chaosWorld(t), chaosWorld(t)
	asked.SetInterrupt(func() bool { return false })
	plain.Run(0)
	asked.Run(0)
	require.False(t, asked.Interrupted())
	require.Equal(t, traceText(plain), traceText(asked))
}

// TestInterruptSupervisorCall: a synchronous call from the shell stops at
// the interrupt with an error that says so, the supervisor carrying on
// when the world runs again.
func TestInterruptSupervisorCall(t *testing.T) {
	w := New(1)
	slow := tw("w")
	slow.Terminate = 3 * Second
	sup := startSup(t, w, "s", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{slow}})
	w.SetInterrupt(stopAfter(1))
	err := w.Stop(sup)
	require.ErrorContains(t, err, "interrupted: s is still stopping")
	require.True(t, w.Alive(sup), "the supervisor is still waiting for its child")
	require.Zero(t, w.Now(), "terminate takes 3s: the clock has not got there")

	w.SetInterrupt(nil)
	w.Run(0)
	require.False(t, w.Alive(sup))
	require.Equal(t, 3*Second, w.Now())
}

// TestInterruptShellCall: an interrupted call of the shell says it was
// interrupted, not that it met a safety bound.
func TestInterruptShellCall(t *testing.T) {
	w := New(1)
	slow := tw("w")
	slow.CallTime = 3 * Second
	startSup(t, w, "s", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{slow}})
	p, ok := w.Lookup("w")
	require.True(t, ok)
	w.SetInterrupt(stopAfter(1))
	_, err := w.Call(Shell, Dest{Pid: p}, Atom("ping"), CallTimeout{})
	require.ErrorContains(t, err, "interrupted: no reply from w")
	require.NotContains(t, err.Error(), "safety bound")
}

// TestInterruptShutdownAllStopsStarting: interrupted, shutdown starts no
// further stop or kill.
func TestInterruptShutdownAllStopsStarting(t *testing.T) {
	w := New(1)
	a, b := spawn(t, w), spawn(t, w)
	w.SetInterrupt(func() bool { return true })
	w.ShutdownAll()
	require.True(t, w.Interrupted())
	require.True(t, w.Alive(a))
	require.True(t, w.Alive(b))
}
