package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// backoffDelays lists the delays, in ms, of the backoff entries in w's trace.
func backoffDelays(w *World) []int64 {
	var out []int64
	for s := Seq(1); int(s) <= w.TraceLen(); s++ {
		if e := w.Entry(s); e.Kind == KindBackoff {
			out = append(out, int64(w.Term(e.Term).(Tuple)[1].(Int)))
		}
	}
	return out
}

// The backoff extension resets its delay only after the child stayed up for
// Max: a child whose restarts keep failing to start never stays up, so its
// delay doubles up to Max and stays there, however long ago it last started.
func TestBackoff_DelayKeepsDoublingWhileStartsFail(t *testing.T) {
	w := New(1)
	db := tw("db")
	db.Init = []InitResult{{Kind: InitOK}, {Kind: InitError, Reason: Atom("db_down")}}
	db.Backoff = &Backoff{Min: Second, Max: 8 * Second}
	startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 100, 5), Children: []ChildSpec{db}})
	p, _ := w.Lookup("db")
	require.NoError(t, w.Crash(p, Atom("boom")))
	w.Advance(30 * Second)
	require.Equal(t, []int64{1000, 2000, 4000, 8000, 8000, 8000}, backoffDelays(w)) // asked at 0, 1, 3, 7, 15 and 23 s
}

// A child that stayed up for Max before it crashed starts again from Min.
func TestBackoff_DelayResetsAfterTheChildStayedUp(t *testing.T) {
	w := New(1)
	db := tw("db")
	db.Backoff = &Backoff{Min: Second, Max: 4 * Second}
	startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 100, 5), Children: []ChildSpec{db}})
	crash := func() {
		p, _ := w.Lookup("db")
		require.NoError(t, w.Crash(p, Atom("boom")))
	}
	crash()
	w.Advance(1 * Second)
	crash()
	w.Advance(2 * Second)
	crash()
	w.Advance(8 * Second) // restarted at 7 s, then up for 4 s
	crash()
	w.Advance(2 * Second)
	require.Equal(t, []int64{1000, 2000, 4000, 1000}, backoffDelays(w))
}
