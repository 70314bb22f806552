package sim

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Kernel properties: signal ordering, determinism, Clone, Why and the
// trace's invariants.

func TestFactX1_OneSenderKeepsOrder(t *testing.T) {
	m1, m2, m3, m0 := Atom("m1"), Atom("m2"), Atom("m3"), Atom("m0")
	for _, tc := range []struct {
		name      string
		trap      bool
		prequeued bool // B already holds an unread m0
	}{
		{name: "X1/trapping B: [m1, EXIT, m2, m3]; link/unlink add nothing", trap: true},
		{name: "X1/trapping B with a message already queued", trap: true, prequeued: true},
		{name: "X1/non-trapping B dies from exit(B,boom)"},
		{name: "X1/non-trapping B dies even with unread messages queued", prequeued: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			b := spawnTrap(t, w, tc.trap)
			s := spawn(t, w)
			var before []Term
			if tc.prequeued {
				require.NoError(t, w.Send(Shell, Dest{Pid: b}, m0))
				w.RunInstant()
				before = []Term{m0}
			}
			require.NoError(t, w.Send(s, Dest{Pid: b}, m1))
			require.NoError(t, w.SendExit(s, b, Boom))
			require.NoError(t, w.Send(s, Dest{Pid: b}, m2))
			require.NoError(t, w.Link(s, b))
			require.NoError(t, w.Send(s, Dest{Pid: b}, m3))
			require.NoError(t, w.Unlink(s, b))
			w.RunInstant()

			requireAlive(t, w, s)
			requireMailbox(t, w, s)
			require.Empty(t, w.Links(s))
			if tc.trap {
				requireAlive(t, w, b)
				requireMailbox(t, w, b, append(before, m1, exitMsg(s, Boom), m2, m3)...)
				require.Empty(t, w.Links(b))
			} else {
				requireDead(t, w, b, Boom)
				requireMailbox(t, w, b, append(before, m1)...)
			}
		})
	}
}

func TestKernel_LinksBeforeMonitorsOnExit(t *testing.T) {
	// Verified on OTP 25: a trapping process both linked to and monitoring
	// Q gets {'EXIT',Q,R} before the DOWN, whichever came first; two
	// monitors give two DOWNs in creation order.
	type setup func(t *testing.T, w *World, watcher Pid) (q Pid, refs []Ref)
	link := func(t *testing.T, w *World, a, b Pid) { require.NoError(t, w.Link(a, b)) }
	for _, tc := range []struct {
		name   string
		setup  setup
		killer bool // exit(Q, kill) from the shell instead of Q's exit(boom)
	}{
		{name: "links-before-monitors/link then monitor", setup: func(t *testing.T, w *World, wt Pid) (Pid, []Ref) {
			q := spawn(t, w)
			link(t, w, wt, q)
			return q, []Ref{monitorPid(t, w, wt, q)}
		}},
		{name: "links-before-monitors/monitor then link", setup: func(t *testing.T, w *World, wt Pid) (Pid, []Ref) {
			q := spawn(t, w)
			r := monitorPid(t, w, wt, q)
			link(t, w, wt, q)
			return q, []Ref{r}
		}},
		{name: "links-before-monitors/spawn_monitor then link", setup: func(t *testing.T, w *World, wt Pid) (Pid, []Ref) {
			q, r := spawnOpts(t, w, wt, SpawnOpts{Monitor: true})
			link(t, w, wt, q)
			return q, []Ref{r}
		}},
		{name: "links-before-monitors/Q links to the watcher, after the monitor", setup: func(t *testing.T, w *World, wt Pid) (Pid, []Ref) {
			q := spawn(t, w)
			r := monitorPid(t, w, wt, q)
			link(t, w, q, wt)
			return q, []Ref{r}
		}},
		{name: "links-before-monitors+B15/two monitors around a link", setup: func(t *testing.T, w *World, wt Pid) (Pid, []Ref) {
			q := spawn(t, w)
			r1 := monitorPid(t, w, wt, q)
			link(t, w, wt, q)
			r2 := monitorPid(t, w, wt, q)
			return q, []Ref{r1, r2}
		}},
		{name: "links-before-monitors+A5/monitor then link, Q killed", killer: true, setup: func(t *testing.T, w *World, wt Pid) (Pid, []Ref) {
			q := spawn(t, w)
			r := monitorPid(t, w, wt, q)
			link(t, w, wt, q)
			return q, []Ref{r}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			watcher := spawnTrap(t, w, true)
			q, refs := tc.setup(t, w, watcher)
			reason := Term(Boom)
			if tc.killer {
				require.NoError(t, w.SendExit(Shell, q, Kill))
				reason = Killed
			} else {
				require.NoError(t, w.Exit(q, Boom))
			}
			w.RunInstant()
			want := []Term{exitMsg(q, reason)}
			for _, r := range refs {
				want = append(want, downMsg(r, q, reason))
			}
			requireMailbox(t, w, watcher, want...)
		})
	}
}

// busyWorld performs a fixed mix of every kind of action on w, with chaos
// on, and moves time forward by 3 s in uneven steps.
func busyWorld(t *testing.T, w *World) {
	t.Helper()
	var ps []Pid
	var timers []Ref
	for i := 0; i < 12; i++ {
		root := spawnTrap(t, w, i%3 == 0)
		ps = append(ps, root)
		prev := root
		for j := 0; j < 3; j++ {
			prev = spawnLinked(t, w, prev, j == 1 && i%2 == 0)
			ps = append(ps, prev)
		}
		require.NoError(t, w.Register(Shell, fmt.Sprintf("r%d", i), root))
		_, err := w.Monitor(ps[0], Dest{Pid: prev})
		require.NoError(t, err)
		sendAfter(t, w, root, Time(i+1)*150*Millisecond, Dest{Pid: prev}, Int(i))
		timers = append(timers, sendAfter(t, w, Shell, Time(i+1)*90*Millisecond, Dest{Name: fmt.Sprintf("r%d", (i+5)%12)}, Int(-i)))
	}
	w.RunInstant()
	w.SetChaos(3, 2*Second)
	for k := 0; k < 30; k++ {
		w.Advance(Time(37+k*11) * Millisecond)
		for i, p := range ps {
			if !w.Alive(p) || (i+k)%5 != 0 {
				continue
			}
			to := ps[(i*7+k)%len(ps)]
			require.NoError(t, w.Send(p, Dest{Pid: to}, Tuple{Atom("hi"), Int(k)}))
			switch {
			case k%4 == 0 && w.Alive(to):
				require.NoError(t, w.SendExit(p, to, Atom("nudge")))
			case k%4 == 1 && w.Alive(to) && to != p:
				require.NoError(t, w.Link(p, to))
			case k%4 == 2:
				require.NoError(t, w.Unlink(p, to))
				require.NoError(t, w.SetTrapExit(p, k%8 == 2))
				_, _, err := w.Receive(p)
				require.NoError(t, err)
			case k%4 == 3 && len(timers) > 0:
				_, err := w.CancelTimer(p, timers[0])
				require.NoError(t, err)
				timers = timers[1:]
				ref, err := w.Monitor(p, Dest{Pid: to})
				require.NoError(t, err)
				require.NoError(t, w.Demonitor(p, ref, k%2 == 0))
			}
		}
		w.RunInstant()
	}
	w.Advance(Second)
}

// requireAllKinds checks that w's trace has an entry of every kind.
func requireAllKinds(t *testing.T, w *World) {
	t.Helper()
	seen := map[Kind]bool{}
	for _, e := range entries(w) {
		seen[e.Kind] = true
	}
	for k := KindSpawn; k <= KindChaos; k++ { // the process-level kinds; supervisors have their own tests
		require.True(t, seen[k], "the trace has a %s entry", k)
	}
}

func chaosVictims(w *World) []string {
	var out []string
	for _, e := range entriesOf(w, KindChaos) {
		out = append(out, e.At.String()+" "+e.Pid.String())
	}
	return out
}

func TestKernel_DeterministicTrace(t *testing.T) {
	run := func(seed uint64) *World {
		w := New(seed)
		busyWorld(t, w)
		return w
	}
	a, b := run(42), run(42)
	requireAllKinds(t, a)
	require.NotEmpty(t, chaosVictims(a), "chaos crashed something")
	require.Equal(t, entries(a), entries(b), "same seed, same trace, entry for entry")
	require.Equal(t, traceText(a), traceText(b))
	require.Equal(t, a.Now(), b.Now())

	c := run(43)
	require.NotEmpty(t, chaosVictims(c))
	require.NotEqual(t, chaosVictims(a), chaosVictims(c), "another seed, other chaos")
	require.NotEqual(t, traceText(a), traceText(c))

	// Seed reseeds: New(1) then Seed(42) behaves as New(42).
	d := New(1)
	d.Seed(42)
	busyWorld(t, d)
	require.Equal(t, traceText(a), traceText(d))
}

// snapshot renders everything observable about w.
func snapshot(w *World) string {
	var b strings.Builder
	fmt.Fprintf(&b, "now=%s pending=%d registered=%v\n", w.Now(), w.Pending(), w.Registered())
	if at, ok := w.NextAt(); ok {
		fmt.Fprintf(&b, "next=%s\n", at)
	}
	for i := 0; i < w.NumProcesses(); i++ {
		p := FirstPid + Pid(i)
		info := w.Info(p)
		fmt.Fprintf(&b, "%s alive=%v reason=%s trap=%v links=%v reg=%q mons=%v by=%v box=%s\n",
			p, info.Alive, show(info.Reason), info.TrapExit, info.Links, info.Registered,
			info.Monitors, info.MonitoredBy, showAll(mailbox(w, p)))
	}
	b.WriteString(strings.Join(traceText(w), "\n"))
	return b.String()
}

func TestKernel_CloneEvolvesIndependently(t *testing.T) {
	build := func() (w *World, p, q, watcher Pid, timer, mref Ref) {
		w = New(7)
		p, q = spawnTrap(t, w, true), spawn(t, w)
		require.NoError(t, w.Link(p, q))
		require.NoError(t, w.Register(Shell, "foo", p))
		watcher = spawn(t, w)
		mref = monitorPid(t, w, watcher, p)
		require.NoError(t, w.Send(Shell, Dest{Pid: p}, Atom("a")))
		timer = sendAfter(t, w, Shell, Second, Dest{Pid: p}, Atom("tick"))
		w.SetChaos(1, 0)
		w.RunInstant()
		w.Advance(10 * Millisecond)
		return
	}

	t.Run("acting on the clone leaves the original unchanged", func(t *testing.T) {
		w, p, q, watcher, timer, mref := build()
		before := snapshot(w)
		c := w.Clone()
		require.Equal(t, before, snapshot(c), "a clone starts equal")

		require.NoError(t, c.Send(Shell, Dest{Pid: p}, Atom("b")))
		require.NoError(t, c.Exit(q, Boom))
		require.NoError(t, c.Demonitor(watcher, mref, true))
		c.RunInstant()
		require.NoError(t, c.Unregister(Shell, "foo"))
		_, err := c.CancelTimer(Shell, timer)
		require.NoError(t, err)
		_, err = c.Flush(p)
		require.NoError(t, err)
		require.NoError(t, c.SendExit(Shell, p, Kill))
		c.SetChaos(50, 0)
		c.Advance(3 * Second)
		spawn(t, c)

		require.Equal(t, before, snapshot(w), "the original did not move")
		requireAlive(t, w, p)
		requireAlive(t, w, q)
		requireMailbox(t, w, p, Atom("a"))
		got, _ := w.Whereis("foo")
		require.Equal(t, p, got)
		_, active := w.TimerRemaining(timer)
		require.True(t, active)
		requireDead(t, c, p, Killed)
	})
	t.Run("acting on the original leaves the clone unchanged", func(t *testing.T) {
		w, p, q, _, timer, _ := build()
		c := w.Clone()
		before := snapshot(c)

		require.NoError(t, w.Send(Shell, Dest{Pid: p}, Atom("b")))
		require.NoError(t, w.Crash(q, Boom))
		_, err := w.CancelTimer(Shell, timer)
		require.NoError(t, err)
		require.NoError(t, w.Unregister(Shell, "foo"))
		w.Advance(5 * Second)
		spawn(t, w)

		require.Equal(t, before, snapshot(c), "the clone did not move")
		requireAlive(t, c, q)
		requireMailbox(t, c, p, Atom("a"))
	})
}

func TestKernel_CloneSharesFullTraceChunksSafely(t *testing.T) {
	// Two entries per send (send + message): 8192 sends fill exactly one
	// chunk, 10000 sends spill into a second.
	for _, sends := range []int{8192, 10000} {
		t.Run(fmt.Sprint(sends, " sends"), func(t *testing.T) {
			w := New(1)
			p := spawn(t, w)
			for i := 0; i < sends; i++ {
				require.NoError(t, w.Send(Shell, Dest{Pid: p}, Int(i)))
				w.RunInstant()
			}
			n := w.TraceLen()
			require.Equal(t, 2*sends+1, n)
			c := w.Clone()
			prefix := traceText(w)

			require.NoError(t, w.Send(Shell, Dest{Pid: p}, Atom("orig")))
			require.NoError(t, c.Exit(p, Atom("clone")))
			w.RunInstant()
			c.RunInstant()

			require.Equal(t, prefix, traceText(w)[:n])
			require.Equal(t, prefix, traceText(c)[:n])
			require.Equal(t, KindSend, w.Entry(Seq(n+1)).Kind)
			require.Equal(t, KindExit, c.Entry(Seq(n+1)).Kind)
			require.Len(t, mailbox(w, p), sends+1)
			require.Len(t, mailbox(c, p), sends)
		})
	}
}

func TestKernel_CloneReplaysIdentically(t *testing.T) {
	// Clone at time T, mid-instant with events still queued, then perform
	// the same actions on both: the traces must match entry for entry.
	w := New(99)
	var ps []Pid
	for i := 0; i < 20; i++ {
		ps = append(ps, spawnTrap(t, w, i%4 == 0))
		if i%4 != 0 {
			require.NoError(t, w.Link(ps[i-1], ps[i]))
		}
		sendAfter(t, w, Shell, Time(i+1)*100*Millisecond, Dest{Pid: ps[i]}, Int(i))
	}
	w.SetChaos(4, 0)
	w.Advance(700 * Millisecond)
	var victim Pid
	for _, p := range ps {
		if w.Alive(p) && len(w.Links(p)) > 0 {
			victim = p
		}
	}
	require.NotZero(t, victim, "some linked process is still alive")
	require.NoError(t, w.Exit(victim, Boom)) // its signals are still queued
	require.Positive(t, w.Pending())
	c := w.Clone()

	actions := func(w *World) {
		w.RunInstant()
		for k := 0; k < 10; k++ {
			for _, p := range ps {
				if w.Alive(p) {
					require.NoError(t, w.Send(Shell, Dest{Pid: p}, Int(k)))
				}
			}
			w.Advance(250 * Millisecond)
		}
	}
	actions(w)
	actions(c)
	require.NotEmpty(t, chaosVictims(w))
	require.Equal(t, entries(w), entries(c))
	require.Equal(t, traceText(w), traceText(c))
	require.Equal(t, snapshot(w), snapshot(c))
}

func TestKernel_SameInstantEventsRunInSchedulingOrder(t *testing.T) {
	// Timers due at one instant fire in the order they were set, wherever
	// they sit in the heap, and before anything they cause.
	w := New(1)
	p := spawn(t, w)
	for i := 0; i < 20; i++ {
		d := Time(1+i%3) * Second // three instants, interleaved
		sendAfter(t, w, Shell, d, Dest{Pid: p}, Int(i))
	}
	w.Advance(3 * Second)
	var want []Term
	for inst := 0; inst < 3; inst++ {
		for i := inst; i < 20; i += 3 {
			want = append(want, Int(i))
		}
	}
	requireMailbox(t, w, p, want...)
}

func TestKernel_ChaosPicksRandomVictims(t *testing.T) {
	w := New(11)
	var ps []Pid
	for i := 0; i < 50; i++ {
		ps = append(ps, spawn(t, w))
	}
	w.SetChaos(10, 0)
	for w.NumAlive() > 40 {
		require.Positive(t, w.Step(1))
	}
	w.SetChaos(0, 0)
	var victims []Pid
	for _, e := range entriesOf(w, KindChaos) {
		victims = append(victims, e.Pid)
		requireDead(t, w, e.Pid, ErrorReason(ChaosReason))
	}
	require.Len(t, victims, 10)
	require.NotEqual(t, ps[:10], victims, "not simply the oldest processes")
	_, pending := w.NextAt()
	require.False(t, pending, "chaos rate 0 stops the ticks")
	require.Zero(t, w.Pending())
}

func TestKernel_LinksAreAPidOrderedSet(t *testing.T) {
	// OTP leaves the order of a dying process's link signals open; the
	// kernel fixes it to pid order, whatever order the links were made in.
	w := New(1)
	p := spawn(t, w)
	var qs []Pid
	for i := 0; i < 5; i++ {
		qs = append(qs, spawnTrap(t, w, true))
	}
	for _, i := range []int{3, 0, 4, 1, 2} {
		require.NoError(t, w.Link(p, qs[i]))
	}
	require.Equal(t, qs, w.Links(p))
	require.NoError(t, w.Unlink(qs[2], p))
	require.NoError(t, w.Unlink(p, qs[0]))
	require.Equal(t, []Pid{qs[1], qs[3], qs[4]}, w.Links(p))
	require.Empty(t, w.Links(qs[0]))
	require.Equal(t, []Pid{p}, w.Links(qs[3]))
	require.NoError(t, w.Unlink(p, qs[4]))
	require.NoError(t, w.Link(qs[0], p))
	require.Equal(t, []Pid{qs[0], qs[1], qs[3]}, w.Links(p))

	require.NoError(t, w.Exit(p, Boom))
	w.RunInstant()
	var got []Pid
	for _, e := range entriesOf(w, KindSignal) {
		got = append(got, e.Pid)
		require.True(t, e.Has(FlagViaLink|FlagTrapped))
	}
	require.Equal(t, []Pid{qs[0], qs[1], qs[3]}, got)
	for i, q := range qs {
		if i == 2 || i == 4 {
			requireMailbox(t, w, q)
		} else {
			requireMailbox(t, w, q, exitMsg(p, Boom))
		}
		require.Empty(t, w.Links(q))
	}
}

func TestKernel_WhyFollowsTheCascade(t *testing.T) {
	w := New(1)
	a, b, c, _, _ := chain(t, w, false)
	x := spawn(t, w)
	require.Nil(t, w.Why(a), "nothing explains a live process")
	require.NoError(t, w.SendExit(x, c, Kill))
	w.RunInstant()

	type step struct {
		kind Kind
		pid  Pid
	}
	var got []step
	chainA := w.Why(a)
	for _, s := range chainA {
		e := w.Entry(s)
		got = append(got, step{e.Kind, e.Pid})
	}
	require.Equal(t, []step{
		{KindExitSignal, x}, // the root action: X calls exit(C, kill)
		{KindSignal, c}, {KindExit, c},
		{KindSignal, b}, {KindExit, b},
		{KindSignal, a}, {KindExit, a},
	}, got)
	require.Equal(t, Seq(0), w.Entry(chainA[0]).Cause, "the root has no cause")
	for i := 1; i < len(chainA); i++ {
		require.Equal(t, chainA[i-1], w.Entry(chainA[i]).Cause)
	}
	exitA, _ := w.ExitSeq(a)
	require.Equal(t, exitA, chainA[len(chainA)-1])
	require.Equal(t, chainA[:5], w.Why(b), "B's chain is a prefix of A's")
	require.Equal(t, chainA[:3], w.Why(c))
	require.True(t, w.Entry(chainA[1]).Has(FlagFatal))
	require.False(t, w.Entry(chainA[1]).Has(FlagViaLink), "exit/2 is not a link signal")
	require.True(t, w.Entry(chainA[3]).Has(FlagViaLink|FlagFatal))
	require.Nil(t, w.Why(x))
}

func TestKernel_WhyOfAChaosVictim(t *testing.T) {
	w := New(5)
	p := spawn(t, w)
	peer := spawnLinked(t, w, p, false)
	w.SetChaos(10, 0)
	for w.Alive(p) && w.Alive(peer) {
		require.Positive(t, w.Step(1))
	}
	victim, other := p, peer
	if w.Alive(p) {
		victim, other = peer, p
	}
	w.SetChaos(0, 0)
	w.RunInstant()
	requireDead(t, w, victim, ErrorReason(ChaosReason))
	requireDead(t, w, other, ErrorReason(ChaosReason))
	var kinds []Kind
	for _, s := range w.Why(other) {
		kinds = append(kinds, w.Entry(s).Kind)
	}
	require.Equal(t, []Kind{KindChaos, KindExit, KindSignal, KindExit}, kinds)
}

func TestKernel_TraceCausesPointBackAndTimeNeverDecreases(t *testing.T) {
	check := func(t *testing.T, w *World) {
		t.Helper()
		var last Time
		for s := Seq(1); int(s) <= w.TraceLen(); s++ {
			e := w.Entry(s)
			require.Less(t, e.Cause, s, "entry %d (%s) has cause %d", s, e.Kind, e.Cause)
			if e.Cause != 0 {
				require.LessOrEqual(t, w.Entry(e.Cause).At, e.At, "a cause comes no later than its effect")
			}
			require.GreaterOrEqual(t, e.At, last, "time went back at entry %d", s)
			last = e.At
		}
	}
	t.Run("busy world with chaos", func(t *testing.T) {
		w := New(3)
		busyWorld(t, w)
		requireAllKinds(t, w)
		check(t, w)
	})
	t.Run("Step, Run and Advance interleaved", func(t *testing.T) {
		w := New(3)
		p := spawn(t, w)
		for i := 0; i < 5; i++ {
			sendAfter(t, w, Shell, Time(5-i)*Millisecond, Dest{Pid: p}, Int(i))
		}
		w.Step(2)
		at := w.Now()
		require.NoError(t, w.Send(Shell, Dest{Pid: p}, Atom("mid")))
		w.Run(0)
		require.GreaterOrEqual(t, w.Now(), at)
		w.Advance(Millisecond)
		require.NoError(t, w.Send(Shell, Dest{Pid: p}, Atom("late")))
		w.RunInstant()
		check(t, w)
		requireMailbox(t, w, p, Int(4), Atom("mid"), Int(3), Int(2), Int(1), Int(0), Atom("late"))
	})
	t.Run("a negative Advance does not move the clock back", func(t *testing.T) {
		w := New(3)
		p := spawn(t, w)
		w.Advance(10 * Millisecond)
		w.Advance(-5 * Millisecond)
		require.Equal(t, 10*Millisecond, w.Now())
		require.NoError(t, w.Send(Shell, Dest{Pid: p}, Atom("x")))
		w.RunInstant()
		check(t, w)
	})
}
