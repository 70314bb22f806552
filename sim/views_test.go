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
