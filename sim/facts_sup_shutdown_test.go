package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Section E of otp-facts.md, facts 26, 27 and 32: how a supervisor stops
// its children, whole-tree shutdown, and the death of its parent.

func TestFactE26_ShutdownSpecs(t *testing.T) {
	ms := Millisecond
	for _, tc := range []struct {
		name      string
		shutdown  ShutdownSpec
		trap      bool
		terminate Time // how long terminate/2 runs
		hung      bool // a trapping process that ignores the signal
		diesAt    Time
		reason    Term
		runsTerm  int  // 1: terminate/2 runs; 0: it does not; -1: either (a race in OTP)
		report    Term // shutdown_error reason, nil for none
	}{
		{name: "brutal_kill/trapping", shutdown: ShutdownSpec{BrutalKill: true}, trap: true, terminate: 100 * ms,
			reason: Killed},
		{name: "brutal_kill/not trapping", shutdown: ShutdownSpec{BrutalKill: true},
			reason: Killed},
		{name: "500/traps, terminate sleeps 2000", shutdown: ShutdownSpec{Timeout: 500 * ms}, trap: true, terminate: 2000 * ms,
			diesAt: 500 * ms, reason: Killed, runsTerm: 1, report: Killed},
		{name: "500/traps, terminate sleeps 100", shutdown: ShutdownSpec{Timeout: 500 * ms}, trap: true, terminate: 100 * ms,
			diesAt: 100 * ms, reason: Shutdown, runsTerm: 1},
		{name: "500/not trapping", shutdown: ShutdownSpec{Timeout: 500 * ms}, terminate: 100 * ms,
			reason: Shutdown},
		{name: "infinity/traps, terminate sleeps 1500", shutdown: ShutdownSpec{Infinity: true}, trap: true, terminate: 1500 * ms,
			diesAt: 1500 * ms, reason: Shutdown, runsTerm: 1},
		{name: "0/traps, terminate sleeps 100", shutdown: ShutdownSpec{Timeout: 0}, trap: true, terminate: 100 * ms,
			reason: Killed, runsTerm: -1, report: Killed},
		{name: "300/plain trapping process that ignores the signal", shutdown: ShutdownSpec{Timeout: 300 * ms}, trap: true, hung: true,
			diesAt: 300 * ms, reason: Killed, report: Killed},
	} {
		for _, trigger := range []string{"terminate_child", "supervisor shutdown"} {
			t.Run("E26/"+tc.name+"/"+trigger, func(t *testing.T) {
				w := New(1)
				x := tw("x")
				x.Shutdown, x.TrapExit, x.Terminate = tc.shutdown, tc.trap, tc.terminate
				top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{x}})
				px := livePid(t, w, "x")
				if tc.hung {
					require.NoError(t, w.Hang(px))
				}
				w.Advance(Second)
				t0 := w.Now()
				m := mark(w)

				if trigger == "terminate_child" {
					got, err := w.TerminateChild(top, "x", 0)
					requireCall(t, atomOK, got, err)
					require.Equal(t, tc.diesAt, w.Now()-t0, "terminate_child returns once the child is dead")
					requireAlive(t, w, top)
					requireChildren(t, w, top, kid("x", 0))
				} else {
					require.NoError(t, w.Stop(top))
					requireDead(t, w, top, Shutdown)
					require.Equal(t, tc.diesAt, exitAt(t, w, "top")-t0, "the supervisor goes on once the child is dead")
				}

				requireDead(t, w, px, tc.reason)
				require.Equal(t, tc.diesAt, exitAt(t, w, "x")-t0, "time of death")
				terms := only(story(w, m), "terminate x")
				switch tc.runsTerm {
				case 1:
					require.Equal(t, lines("terminate x shutdown"), terms)
					require.Equal(t, t0, w.Entry(findKind(t, w, m, KindTerminate)).At, "terminate/2 starts at once")
				case 0:
					require.Empty(t, terms, "terminate/2 is not called")
				}
				errs := only(story(w, m), "shutdown_error")
				if tc.report == nil {
					require.Empty(t, errs)
				} else {
					require.Equal(t, lines("shutdown_error top x "+tc.report.String()), errs)
				}
				if tc.hung {
					requireMailbox(t, w, px, exitMsg(top, Shutdown))
				}
				require.Empty(t, only(story(w, m), "started", "child_terminated"), "a stopped child is not restarted")
			})
		}
	}
}

// findKind is the first entry of kind k after from.
func findKind(t *testing.T, w *World, from Seq, k Kind) Seq {
	t.Helper()
	for s := from + 1; int(s) <= w.TraceLen(); s++ {
		if w.Entry(s).Kind == k {
			return s
		}
	}
	t.Fatalf("no %s entry", k)
	return 0
}

// tree27 is top [w1, sup2[w2, w3], w4] of fact E27.
func tree27(trap bool) SupSpec {
	inner := workers("w2", "w3")
	outer := []ChildSpec{tw("w1"), {}, tw("w4")}
	if !trap {
		inner, outer = plain(inner), plain(outer)
	}
	outer[1] = supChild("sup2", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: inner})
	return SupSpec{Flags: sflags(OneForOne, 1, 5), Children: outer}
}

func TestFactE27_WholeTreeShutdown(t *testing.T) {
	order := lines(
		"terminate w4 shutdown", "exit w4 shutdown",
		"terminate w3 shutdown", "exit w3 shutdown", "terminate w2 shutdown", "exit w2 shutdown",
		"exit sup2 shutdown",
		"terminate w1 shutdown", "exit w1 shutdown")
	for _, tc := range []struct {
		name   string
		trap   bool
		reason Term // exit(Top, reason) from the parent
	}{
		{name: "E27/exit(Top,shutdown) from its parent, trapping workers", trap: true, reason: Shutdown},
		{name: "E27/exit(Top,shutdown) from its parent, non-trapping workers", reason: Shutdown},
		{name: "E27/exit(Top,foo) from its parent: children get shutdown, top exits foo", trap: true, reason: Atom("foo")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			top := startSup(t, w, "top", tree27(tc.trap))
			m := mark(w)
			if tc.reason == Shutdown {
				require.NoError(t, w.Stop(top))
			} else {
				require.NoError(t, w.SendExit(Shell, top, tc.reason))
				w.RunInstant()
			}
			want := append([]string(nil), order...)
			if !tc.trap {
				want = without(want, "terminate")
			}
			want = append(want, "exit top "+tc.reason.String())
			requireStory(t, w, m, want...)
			requireDead(t, w, top, tc.reason)
			require.Equal(t, 0, w.NumAlive())
		})
	}

	t.Run("E27/exit(Top,kill): top dies at once, children get killed via the link", func(t *testing.T) {
		w := New(1)
		top := startSup(t, w, "top", tree27(true))
		sup2 := livePid(t, w, "sup2")
		m := mark(w)
		require.NoError(t, w.SendExit(Shell, top, Kill))
		w.RunInstant()
		got := story(w, m)
		require.Equal(t, "exit top killed", got[0], "top dies first, with no orderly shutdown")
		require.ElementsMatch(t, lines(
			"terminate w1 killed", "exit w1 killed", "terminate w4 killed", "exit w4 killed",
			"terminate w3 shutdown", "exit w3 shutdown", "terminate w2 shutdown", "exit w2 shutdown",
			"exit sup2 killed"), got[1:])
		// sup2's own shutdown is causal: w3, then w2, then sup2.
		require.Equal(t, lines("exit w3 shutdown", "exit w2 shutdown", "exit sup2 killed"),
			only(got, "exit w3", "exit w2", "exit sup2"))
		requireDead(t, w, sup2, Killed)
		require.Equal(t, 0, w.NumAlive())
	})

	t.Run("E27/exit(Top,shutdown) from a process that is not the parent is ignored", func(t *testing.T) {
		w := New(1)
		top := startSup(t, w, "top", tree27(true))
		other := spawn(t, w)
		m := mark(w)
		require.NoError(t, w.SendExit(other, top, Shutdown))
		w.Advance(10 * Second)
		require.Empty(t, story(w, m))
		require.Equal(t, 7, w.NumAlive(), "top, its children and the sender all live")
		requireChildren(t, w, top, kid("w4", livePid(t, w, "w4")), supKid("sup2", livePid(t, w, "sup2")), kid("w1", livePid(t, w, "w1")))
	})

	t.Run("E27/terminate_child(Top, sup2): w3, w2, sup2; sup2 kept undefined", func(t *testing.T) {
		w := New(1)
		top := startSup(t, w, "top", tree27(true))
		w1, w4 := livePid(t, w, "w1"), livePid(t, w, "w4")
		m := mark(w)
		got, err := w.TerminateChild(top, "sup2", 0)
		requireCall(t, atomOK, got, err)
		requireStory(t, w, m,
			"terminate w3 shutdown", "exit w3 shutdown", "terminate w2 shutdown", "exit w2 shutdown",
			"exit sup2 shutdown")
		requireChildren(t, w, top, kid("w4", w4), supKid("sup2", 0), kid("w1", w1))
	})
}

func TestFactE32_ParentDies(t *testing.T) {
	order := lines(
		"terminate c shutdown", "exit c shutdown", "terminate b shutdown", "exit b shutdown",
		"terminate a shutdown", "exit a shutdown")
	for _, tc := range []struct {
		name   string
		reason Term // the parent's exit reason: exit/1, or returning (normal)
		trap   bool
	}{
		{name: "E32/parent exit(boom): supervisor exits boom", reason: Boom, trap: true},
		{name: "E32/parent returns normally: the tree is torn down, supervisor exits normal", reason: Normal, trap: true},
		{name: "E32/parent exit(kill) via exit/1: a trappable kill, supervisor exits kill", reason: Kill, trap: true},
		{name: "E32/parent exit({shutdown,x}): supervisor exits {shutdown,x}", reason: Tuple{Shutdown, Atom("x")}, trap: true},
		{name: "E32/non-trapping workers: same order, they die at once", reason: Boom},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			parent := spawn(t, w)
			specs := workers("a", "b", "c")
			if !tc.trap {
				specs = plain(specs)
			}
			top := startSupUnder(t, w, parent, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: specs})
			m := mark(w)
			require.NoError(t, w.Exit(parent, tc.reason))
			w.RunInstant()
			want := append([]string{"exit " + parent.String() + " " + tc.reason.String()}, order...)
			if !tc.trap {
				want = without(want, "terminate")
			}
			want = append(want, "exit top "+tc.reason.String())
			requireStory(t, w, m, want...)
			requireDead(t, w, top, tc.reason)
			require.Equal(t, 0, w.NumAlive())
		})
	}

	t.Run("E32/exit(Sup, normal) from the parent tears the tree down", func(t *testing.T) {
		w := New(1)
		parent := spawn(t, w)
		top := startSupUnder(t, w, parent, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: workers("a", "b", "c")})
		m := mark(w)
		require.NoError(t, w.SendExit(parent, top, Normal))
		w.RunInstant()
		requireStory(t, w, m, append(order, "exit top normal")...)
		requireDead(t, w, top, Normal)
		requireAlive(t, w, parent)
	})

	t.Run("E32/a linked process that is not the parent dying with boom is ignored", func(t *testing.T) {
		w := New(1)
		parent := spawn(t, w)
		top := startSupUnder(t, w, parent, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: workers("a", "b", "c")})
		other := spawn(t, w)
		require.NoError(t, w.Link(other, top))
		m := mark(w)
		require.NoError(t, w.Exit(other, Boom))
		w.Advance(Second)
		requireStory(t, w, m, "exit "+other.String()+" boom")
		requireAlive(t, w, top)
		requireChildren(t, w, top, kid("c", livePid(t, w, "c")), kid("b", livePid(t, w, "b")), kid("a", livePid(t, w, "a")))
	})
}
