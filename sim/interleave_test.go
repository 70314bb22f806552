package sim

import (
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// fanOut builds the same instant's worth of concurrent deliveries: k,
// linked to four leaves, exits boom; each leaf dies and its link signal
// reaches the trapping x, to which the shell has meanwhile sent m1, m2, m3.
func fanOut(t *testing.T, w *World) (x Pid, leaves []Pid) {
	x = spawnTrap(t, w, true)
	k := spawn(t, w)
	for range 4 {
		l := spawnLinked(t, w, x, false)
		require.NoError(t, w.Link(k, l))
		leaves = append(leaves, l)
	}
	require.NoError(t, w.Exit(k, Boom))
	for _, m := range []string{"m1", "m2", "m3"} {
		require.NoError(t, w.Send(Shell, Dest{Pid: x}, Atom(m)))
	}
	w.RunInstant()
	return x, leaves
}

// Erlang keeps the order of one sender's signals to one receiver and
// nothing else (fact X1): an interleaved World reorders the rest, and
// only the rest.
func TestInterleavingKeepsOnlyOneSendersOrder(t *testing.T) {
	for v := range uint64(24) {
		w := NewWithOptions(1, Options{Interleave: v})
		x, leaves := fanOut(t, w)
		var plain, exits []Term
		for _, m := range mailbox(w, x) {
			if tu, ok := m.(Tuple); ok {
				exits = append(exits, tu[1])
			} else {
				plain = append(plain, m)
			}
		}
		requireTerms(t, []Term{Atom("m1"), Atom("m2"), Atom("m3")}, plain, "interleave %d: the shell's messages keep their order", v)
		require.ElementsMatch(t, []Term{leaves[0], leaves[1], leaves[2], leaves[3]}, exits, "interleave %d: every leaf's EXIT arrives", v)
		for _, l := range leaves {
			requireDead(t, w, l, Boom)
		}
	}
}

func TestInterleavingZeroIsTheFixedOrder(t *testing.T) {
	fixed, zero := New(1), NewWithOptions(1, Options{})
	fanOut(t, fixed)
	fanOut(t, zero)
	require.Equal(t, traceText(fixed), traceText(zero))
}

func TestInterleavingOneTakesTheLatestDelivery(t *testing.T) {
	w := NewWithOptions(1, Options{Interleave: 1})
	x, l := fanOut(t, w)
	requireMailbox(t, w, x, Atom("m1"), Atom("m2"), Atom("m3"),
		exitMsg(l[3], Boom), exitMsg(l[2], Boom), exitMsg(l[1], Boom), exitMsg(l[0], Boom))
}

// Each value gives one repeatable order, and some value differs from the
// fixed order.
func TestInterleavingIsDeterministic(t *testing.T) {
	fixed := New(1)
	fanOut(t, fixed)
	differs := false
	for v := uint64(2); v < 10; v++ {
		a, b := NewWithOptions(1, Options{Interleave: v}), NewWithOptions(1, Options{Interleave: v})
		c := b.Clone()
		fanOut(t, a)
		fanOut(t, b)
		fanOut(t, c)
		require.Equal(t, traceText(a), traceText(b), "interleave %d", v)
		require.Equal(t, traceText(a), traceText(c), "interleave %d: a clone interleaves alike", v)
		differs = differs || !slices.Equal(traceText(a), traceText(fixed))
	}
	require.True(t, differs, "some interleaving departs from the fixed order")
}

// A reset world keeps its interleaving: the same value orders the same
// instant the same way after Reset as in a fresh world.
func TestInterleavingSurvivesReset(t *testing.T) {
	fresh := NewWithOptions(1, Options{Interleave: 1})
	fanOut(t, fresh)
	w := NewWithOptions(1, Options{Interleave: 1})
	fanOut(t, w)
	w.Reset(1)
	fanOut(t, w)
	require.Equal(t, traceText(fresh), traceText(w))
}
