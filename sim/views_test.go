package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// A named incarnation is superseded at the trace entry that spawns the next
// incarnation of its name; the latest one, and an anonymous process, never.
func TestSupersededAtTheNextIncarnationsSpawn(t *testing.T) {
	w := New(1)
	first, _ := spawnOpts(t, w, Shell, SpawnOpts{Name: "a"})
	anon := spawn(t, w)
	_, ok := w.Superseded(first)
	require.False(t, ok, "the latest incarnation is not superseded")
	require.NoError(t, w.SendExit(Shell, first, Kill))
	w.RunInstant()
	second, _ := spawnOpts(t, w, Shell, SpawnOpts{Name: "a"})
	at, ok := w.Superseded(first)
	require.True(t, ok)
	require.Equal(t, KindSpawn, w.Entry(at).Kind)
	require.Equal(t, second, w.Entry(at).Pid)
	for _, p := range []Pid{second, anon, Shell, 9999} {
		_, ok := w.Superseded(p)
		require.False(t, ok, "%v", p)
	}
	c := w.Clone()
	again, ok := c.Superseded(first)
	require.True(t, ok)
	require.Equal(t, at, again)
}

// Reset empties the world in place: what follows runs exactly as in a new
// world with that seed (pids, refs, clock and chaos from the start).
func TestResetIsANewWorldInPlace(t *testing.T) {
	play := func(w *World) []Entry {
		a, _ := spawnOpts(t, w, Shell, SpawnOpts{Name: "a"})
		b := spawn(t, w)
		monitorPid(t, w, b, a)
		w.SetChaos(5, 2*Second)
		w.Run(0)
		return entries(w)
	}
	first := New(7)
	fresh := play(first)
	require.NotEmpty(t, entriesOf(first, KindChaos), "the chaos monkey must have acted for the test to mean anything")
	w := New(3)
	play(w)
	held := w
	w.Reset(7)
	require.Same(t, held, w)
	require.Zero(t, w.NumProcesses())
	require.Zero(t, w.TraceLen())
	require.Zero(t, w.Now())
	_, ok := w.Lookup("a")
	require.False(t, ok)
	require.Equal(t, fresh, play(w))
}
