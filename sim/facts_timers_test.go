package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Section D of otp-facts.md: timers (fact 20).

func sendAfter(t *testing.T, w *World, actor Pid, d Time, dest Dest, msg Term) Ref {
	t.Helper()
	ref, err := w.SendAfter(actor, d, dest, msg)
	require.NoError(t, err)
	require.NotZero(t, ref)
	return ref
}

func TestFactD20_PidDestinationDiesFirst(t *testing.T) {
	hello := Atom("hello")
	for _, tc := range []struct {
		name string
		kill func(w *World, p Pid) error
	}{
		{"D20/destination exits: timer cancelled", func(w *World, p Pid) error { return w.Exit(p, Atom("die")) }},
		{"D20/destination killed: timer cancelled", func(w *World, p Pid) error { return w.SendExit(Shell, p, Kill) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			p := spawn(t, w)
			creator := spawn(t, w)
			ref := sendAfter(t, w, creator, 500*Millisecond, Dest{Pid: p}, hello)
			left, active := w.TimerRemaining(ref)
			require.True(t, active)
			require.Equal(t, 500*Millisecond, left)

			require.NoError(t, tc.kill(w, p))
			w.Advance(100 * Millisecond)
			_, active = w.TimerRemaining(ref)
			require.False(t, active, "read_timer gives false")
			res, err := w.CancelTimer(creator, ref)
			require.NoError(t, err)
			requireTerm(t, False, res, "cancel_timer gives false")

			w.Advance(Second)
			require.Empty(t, entriesOf(w, KindTimer), "the timer never fires")
			requireMailbox(t, w, p)
			requireAlive(t, w, creator)
		})
	}
}

func TestFactD20_SendAfterToDeadPid(t *testing.T) {
	w := New(1)
	p := spawn(t, w)
	require.NoError(t, w.Exit(p, Boom))
	w.RunInstant()
	ref := sendAfter(t, w, Shell, 100*Millisecond, Dest{Pid: p}, Atom("x"))
	_, active := w.TimerRemaining(ref)
	require.False(t, active, "D20/read_timer of a timer to a dead pid is false")
	res, err := w.CancelTimer(Shell, ref)
	require.NoError(t, err)
	requireTerm(t, False, res)
	w.Advance(Second)
	require.Empty(t, entriesOf(w, KindTimer))
}

func TestFactD20_NameDestination(t *testing.T) {
	hello := Atom("hello")
	t.Run("D20/name unregistered at expiry: message dropped, creator unaffected", func(t *testing.T) {
		w := New(1)
		p := spawnRegistered(t, w, "foo")
		creator := spawn(t, w)
		ref := sendAfter(t, w, creator, 100*Millisecond, Dest{Name: "foo"}, hello)
		require.NoError(t, w.Unregister(Shell, "foo"))
		w.Advance(200 * Millisecond)

		requireAlive(t, w, creator)
		requireAlive(t, w, p)
		requireMailbox(t, w, p)
		requireMailbox(t, w, creator)
		fired := entriesOf(w, KindTimer)
		require.Len(t, fired, 1)
		require.True(t, fired[0].Has(FlagDropped))
		require.Equal(t, ref, fired[0].Ref)
	})
	t.Run("D20/name holder died before expiry: message dropped", func(t *testing.T) {
		w := New(1)
		p := spawnRegistered(t, w, "foo")
		creator := spawn(t, w)
		sendAfter(t, w, creator, 100*Millisecond, Dest{Name: "foo"}, hello)
		require.NoError(t, w.Exit(p, Boom))
		w.Advance(200 * Millisecond)
		requireAlive(t, w, creator)
		requireMailbox(t, w, p)
	})
	t.Run("D20/send_after to a never-registered name just returns a ref", func(t *testing.T) {
		w := New(1)
		creator := spawn(t, w)
		sendAfter(t, w, creator, 100*Millisecond, Dest{Name: "nosuchname"}, hello)
		requireAlive(t, w, creator)
		w.Advance(200 * Millisecond)
		requireAlive(t, w, creator)
		requireMailbox(t, w, creator)
	})
	t.Run("D20/the name is resolved at expiry", func(t *testing.T) {
		w := New(1)
		n1 := spawnRegistered(t, w, "foo")
		creator := spawn(t, w)
		sendAfter(t, w, creator, 100*Millisecond, Dest{Name: "foo"}, hello)
		w.Advance(50 * Millisecond)
		require.NoError(t, w.Unregister(Shell, "foo"))
		n2 := spawnRegistered(t, w, "foo")
		w.Advance(50 * Millisecond)

		requireMailbox(t, w, n1)
		requireMailbox(t, w, n2, hello)
		requireAlive(t, w, n1)
	})
}

func TestFactD20_TimerOutlivesItsCreator(t *testing.T) {
	for _, tc := range []struct {
		name string
		dest func(t *testing.T, w *World, p Pid) Dest
	}{
		{"D20/pid destination still gets the message", func(t *testing.T, w *World, p Pid) Dest { return Dest{Pid: p} }},
		{"D20/name destination still gets the message", func(t *testing.T, w *World, p Pid) Dest {
			require.NoError(t, w.Register(Shell, "dest", p))
			return Dest{Name: "dest"}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			p := spawn(t, w)
			creator := spawn(t, w)
			sendAfter(t, w, creator, 100*Millisecond, tc.dest(t, w, p), Atom("hello"))
			require.NoError(t, w.Exit(creator, Boom))
			w.Advance(100 * Millisecond)
			requireDead(t, w, creator, Boom)
			requireMailbox(t, w, p, Atom("hello"))
		})
	}
}

func TestFactD20_FiresExactlyAtExpiry(t *testing.T) {
	w := New(1)
	p := spawn(t, w)
	ref := sendAfter(t, w, Shell, Second, Dest{Pid: p}, Atom("x"))
	w.Advance(Second - Microsecond)
	requireMailbox(t, w, p)
	left, active := w.TimerRemaining(ref)
	require.True(t, active)
	require.Equal(t, Microsecond, left)
	w.Advance(Microsecond)
	requireMailbox(t, w, p, Atom("x"))
	require.Equal(t, Second, w.Now())
	_, active = w.TimerRemaining(ref)
	require.False(t, active, "read_timer of a fired timer is false")
}

func TestFactD20_CancelTimer(t *testing.T) {
	for _, tc := range []struct {
		name    string
		elapsed Time
		want    Int
	}{
		{"D20/cancel after exactly 100ms: 900 ms left", 100 * Millisecond, 900},
		{"D20/cancel after about 100ms: 899 ms left (as observed)", 100*Millisecond + Microsecond, 899},
		{"D20/cancel at once: 1000 ms left", 0, 1000},
		{"D20/cancel 1us before expiry: 0 ms left", Second - Microsecond, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			p := spawn(t, w)
			ref := sendAfter(t, w, p, Second, Dest{Pid: p}, Atom("x"))
			w.Advance(tc.elapsed)
			res, err := w.CancelTimer(p, ref)
			require.NoError(t, err)
			requireTerm(t, tc.want, res)

			res, err = w.CancelTimer(p, ref)
			require.NoError(t, err)
			requireTerm(t, False, res, "D20/called again: false")

			w.Advance(2 * Second)
			requireMailbox(t, w, p)
			require.Empty(t, entriesOf(w, KindTimer))
		})
	}
	t.Run("D20/cancel of a fired timer is false and the message stays", func(t *testing.T) {
		w := New(1)
		p := spawn(t, w)
		ref := sendAfter(t, w, p, 100*Millisecond, Dest{Pid: p}, Atom("x"))
		w.Advance(200 * Millisecond)
		requireMailbox(t, w, p, Atom("x"))
		res, err := w.CancelTimer(p, ref)
		require.NoError(t, err)
		requireTerm(t, False, res)
		requireMailbox(t, w, p, Atom("x"))
	})
	t.Run("D20/cancel by another process works", func(t *testing.T) {
		w := New(1)
		p, other := spawn(t, w), spawn(t, w)
		ref := sendAfter(t, w, p, 100*Millisecond, Dest{Pid: p}, Atom("x"))
		res, err := w.CancelTimer(other, ref)
		require.NoError(t, err)
		requireTerm(t, Int(100), res)
		w.Advance(Second)
		requireMailbox(t, w, p)
	})
	t.Run("D20/cancel_timer of a monitor ref is false", func(t *testing.T) {
		w := New(1)
		p, q := spawn(t, w), spawn(t, w)
		ref := monitorPid(t, w, p, q)
		res, err := w.CancelTimer(p, ref)
		require.NoError(t, err)
		requireTerm(t, False, res)
		require.NoError(t, w.Exit(q, Boom))
		w.RunInstant()
		requireMailbox(t, w, p, downMsg(ref, q, Boom))
	})
}

func TestFactD20_SendAfterZeroDeliversAtOnce(t *testing.T) {
	w := New(1)
	p := spawn(t, w)
	sendAfter(t, w, Shell, 0, Dest{Pid: p}, Atom("now"))
	w.RunInstant()
	require.Equal(t, Time(0), w.Now())
	requireMailbox(t, w, p, Atom("now"))
}

func TestFactD20_SendAfterNegativeIsBadarg(t *testing.T) {
	t.Run("D20/send_after(-1) in the shell is badarg", func(t *testing.T) {
		w := New(1)
		p := spawn(t, w)
		_, err := w.SendAfter(Shell, -Millisecond, Dest{Pid: p}, Atom("x"))
		requireErr(t, err, Badarg)
		w.Advance(Second)
		requireMailbox(t, w, p)
	})
	t.Run("D20/send_after(-1) crashes a process caller with {badarg,Stack}", func(t *testing.T) {
		w := New(1)
		p := spawn(t, w)
		_, err := w.SendAfter(p, -Millisecond, Dest{Pid: p}, Atom("x"))
		require.NoError(t, err)
		requireDead(t, w, p, ErrorReason(Badarg))
	})
}
