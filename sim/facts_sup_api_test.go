package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Section E of otp-facts.md, fact 31: the supervisor API on a one_for_one
// supervisor and on simple_one_for_one.

func TestFactE31_DynamicChildren(t *testing.T) {
	w := New(1)
	top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: workers("a")})
	a := livePid(t, w, "a")
	b := tw("b")
	var pids []Pid // b's incarnations

	type step struct {
		name string
		do   func() (Term, error)
		want func() Term
	}
	errOf := func(r Term) func() Term { return func() Term { return errorTerm(r) } }
	ok := func() Term { return atomOK }
	steps := []step{
		{"start_child b", func() (Term, error) { return w.StartChild(top, &b) },
			func() Term { pids = append(pids, livePid(t, w, "b")); return okPid(pids[0]) }},
		{"start_child b while running", func() (Term, error) { return w.StartChild(top, &b) },
			func() Term { return errorTerm(Tuple{Atom("already_started"), pids[0]}) }},
		{"restart_child while running", func() (Term, error) { return w.RestartChild(top, "b") }, errOf(Atom("running"))},
		{"delete_child while running", func() (Term, error) { return w.DeleteChild(top, "b") }, errOf(Atom("running"))},
		{"terminate_child b", func() (Term, error) { return w.TerminateChild(top, "b", 0) }, ok},
		{"which_children: b kept with pid undefined", func() (Term, error) { return w.WhichChildren(top) },
			func() Term { return List{kid("b", 0), kid("a", a)} }},
		{"terminate_child b again", func() (Term, error) { return w.TerminateChild(top, "b", 0) }, ok},
		{"count_children", func() (Term, error) { return w.CountChildren(top) }, func() Term {
			return List{Tuple{Atom("specs"), Int(2)}, Tuple{Atom("active"), Int(1)}, Tuple{Atom("supervisors"), Int(0)}, Tuple{Atom("workers"), Int(2)}}
		}},
		{"start_child b while its spec is present", func() (Term, error) { return w.StartChild(top, &b) }, errOf(Atom("already_present"))},
		{"restart_child once terminated", func() (Term, error) { return w.RestartChild(top, "b") },
			func() Term { p := livePid(t, w, "b"); pids = append(pids, p); return okPid(p) }},
		{"terminate_child b", func() (Term, error) { return w.TerminateChild(top, "b", 0) }, ok},
		{"delete_child once terminated", func() (Term, error) { return w.DeleteChild(top, "b") }, ok},
		{"which_children: b is gone", func() (Term, error) { return w.WhichChildren(top) },
			func() Term { return List{kid("a", a)} }},
		{"delete_child unknown", func() (Term, error) { return w.DeleteChild(top, "zz") }, errOf(Atom("not_found"))},
		{"terminate_child unknown", func() (Term, error) { return w.TerminateChild(top, "zz", 0) }, errOf(Atom("not_found"))},
		{"restart_child unknown", func() (Term, error) { return w.RestartChild(top, "zz") }, errOf(Atom("not_found"))},
		{"terminate_child by pid on a non-simple supervisor", func() (Term, error) { return w.TerminateChild(top, "", a) }, errOf(Atom("not_found"))},
	}
	for _, s := range steps {
		got, err := s.do()
		requireCall(t, s.want(), got, err)
		requireAlive(t, w, top)
	}
	require.Len(t, pids, 2)
	requireDead(t, w, pids[0], Shutdown)
	requireDead(t, w, pids[1], Shutdown)
	requireAlive(t, w, a)

	t.Run("E31/a temporary child: terminate_child removes its spec", func(t *testing.T) {
		tmp := tw("t")
		tmp.Restart = Temporary
		got, err := w.StartChild(top, &tmp)
		requireCall(t, okPid(livePid(t, w, "t")), got, err)
		got, err = w.TerminateChild(top, "t", 0)
		requireCall(t, atomOK, got, err)
		got, err = w.RestartChild(top, "t")
		requireCall(t, errorTerm(Atom("not_found")), got, err)
		requireChildren(t, w, top, kid("a", a))
	})

	t.Run("E31/init returns {stop,nope}: {error,{nope,ChildRecord}}, spec not added", func(t *testing.T) {
		f := tw("f")
		f.Init = stopWith(Atom("nope"))
		got, err := w.StartChild(top, &f)
		require.Error(t, err)
		reply, isTuple := got.(Tuple)
		require.True(t, isTuple && len(reply) == 2 && reply[0] == Atom("error"), "got %s", show(got))
		inner, _ := reply[1].(Tuple)
		require.Len(t, inner, 2)
		requireTerm(t, Atom("nope"), inner[0])
		// {child,undefined,f,{tw,start_link,..},permanent,false,5000,worker,[tw]}: the
		// simulator has no modules, so the start MFA and modules are its own.
		rec, _ := inner[1].(Tuple)
		require.Len(t, rec, 9, "record %s", show(inner[1]))
		for i, want := range map[int]Term{0: Atom("child"), 1: atomUndefined, 2: Atom("f"), 4: Atom("permanent"),
			5: False, 6: Int(5000), 7: Atom("worker")} {
			requireTerm(t, want, rec[i], "#child field %d", i)
		}
		mfa, _ := rec[3].(Tuple)
		require.Len(t, mfa, 3)
		requireTerm(t, Atom("start_link"), mfa[1])
		mods, _ := rec[8].(List)
		require.Len(t, mods, 1)
		requireChildren(t, w, top, kid("a", a))
	})

	t.Run("E31/a start returning ignore: {ok,undefined}, spec kept (not a temporary one)", func(t *testing.T) {
		g := tw("g")
		g.Init = []InitResult{{Kind: InitIgnore}}
		got, err := w.StartChild(top, &g)
		requireCall(t, Tuple{atomOK, atomUndefined}, got, err)
		ti := g
		ti.ID, ti.Restart = "ti", Temporary
		got, err = w.StartChild(top, &ti)
		requireCall(t, Tuple{atomOK, atomUndefined}, got, err)
		requireChildren(t, w, top, kid("g", 0), kid("a", a))
		got, err = w.CountChildren(top)
		requireCall(t, List{Tuple{Atom("specs"), Int(2)}, Tuple{Atom("active"), Int(1)},
			Tuple{Atom("supervisors"), Int(0)}, Tuple{Atom("workers"), Int(2)}}, got, err)
		// Checked on OTP 25: restarting it ignores again.
		got, err = w.RestartChild(top, "g")
		requireCall(t, Tuple{atomOK, atomUndefined}, got, err)
	})
}

// sofo is a simple_one_for_one supervisor "pool" with template k.
func sofo(t *testing.T, w *World, k ChildSpec, intensity int) Pid {
	t.Helper()
	return startSup(t, w, "pool", SupSpec{Flags: sflags(SimpleOneForOne, intensity, 5), Children: []ChildSpec{k}})
}

// startDyn starts a dynamic child of a simple_one_for_one supervisor.
func startDyn(t *testing.T, w *World, sup Pid) Pid {
	t.Helper()
	got, err := w.StartChild(sup, nil)
	require.NoError(t, err)
	p, ok := got.(Tuple)[1].(Pid)
	require.True(t, ok, "start_child returned %s", show(got))
	requireAlive(t, w, p)
	return p
}

// dynKid is a which_children entry of a simple_one_for_one child of template k.
func dynKid(pid Pid) Term { return Tuple{atomUndefined, pid, Atom("worker"), List{Atom("k")}} }

func TestFactE31_SimpleOneForOne(t *testing.T) {
	t.Run("E31/API return values", func(t *testing.T) {
		w := New(1)
		pool := sofo(t, w, tw("k"), 5)
		k1, k2 := startDyn(t, w, pool), startDyn(t, w, pool)
		// Checked on OTP 25: the children come in pid order.
		requireChildren(t, w, pool, dynKid(k1), dynKid(k2))
		got, err := w.CountChildren(pool)
		requireCall(t, List{Tuple{Atom("specs"), Int(1)}, Tuple{Atom("active"), Int(2)},
			Tuple{Atom("supervisors"), Int(0)}, Tuple{Atom("workers"), Int(2)}}, got, err)
		for _, call := range []func() (Term, error){
			func() (Term, error) { return w.TerminateChild(pool, "k_1", 0) },
			func() (Term, error) { return w.RestartChild(pool, "k_1") },
			func() (Term, error) { return w.DeleteChild(pool, "k_1") },
		} {
			got, err := call()
			requireCall(t, errorTerm(Atom("simple_one_for_one")), got, err)
		}
		got, err = w.TerminateChild(pool, "", k1)
		requireCall(t, atomOK, got, err)
		requireDead(t, w, k1, Shutdown)
		got, err = w.TerminateChild(pool, "", k1)
		requireCall(t, atomOK, got, err) // ok again once the child is gone
		requireChildren(t, w, pool, dynKid(k2))

		// A crashed permanent child is restarted; pid order puts it last.
		k3 := startDyn(t, w, pool)
		require.NoError(t, w.Exit(k2, Boom))
		w.RunInstant()
		k2b := livePid(t, w, w.Name(k2))
		require.Greater(t, k2b, k3)
		requireChildren(t, w, pool, dynKid(k3), dynKid(k2b))
		n, _ := w.Restarts(k2b)
		require.Equal(t, 1, n)
	})

	t.Run("E31/a crashed temporary child is just removed", func(t *testing.T) {
		w := New(1)
		k := tw("k")
		k.Restart = Temporary
		pool := sofo(t, w, k, 5)
		k1, k2 := startDyn(t, w, pool), startDyn(t, w, pool)
		m := mark(w)
		require.NoError(t, w.Exit(k1, Boom))
		w.RunInstant()
		requireStory(t, w, m, "exit k_1 boom", "child_terminated pool k_1 boom")
		requireChildren(t, w, pool, dynKid(k2))
	})

	for _, tc := range []struct {
		name     string
		shutdown Time
		hungK1   bool
		k1, k2   Term // exit reasons
		k1At     Time
		report   []string
	}{
		{name: "E31/shutdown: exit(P,shutdown) to all at once, the supervisor exits after the last",
			shutdown: 5000 * Millisecond, k1: Shutdown, k2: Shutdown, k1At: 50 * Millisecond},
		{name: "E31/shutdown=300: k2 done at 50 ms, k1 killed at 300 ms, then the supervisor exits",
			shutdown: 300 * Millisecond, hungK1: true, k1: Killed, k2: Shutdown, k1At: 300 * Millisecond,
			report: lines("shutdown_error pool k_1 killed")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			k := tw("k")
			k.Terminate, k.Shutdown = 50*Millisecond, ShutdownSpec{Timeout: tc.shutdown}
			pool := sofo(t, w, k, 5)
			k1, k2 := startDyn(t, w, pool), startDyn(t, w, pool)
			if tc.hungK1 {
				require.NoError(t, w.Hang(k1))
			}
			t0, m := w.Now(), mark(w)
			require.NoError(t, w.Stop(pool))
			got := story(w, m)
			terms := only(got, "terminate")
			if tc.hungK1 {
				require.Equal(t, lines("terminate k_2 shutdown"), terms)
			} else {
				require.Equal(t, lines("terminate k_1 shutdown", "terminate k_2 shutdown"), terms)
			}
			for _, s := range entriesOf(w, KindTerminate) {
				require.Equal(t, t0, s.At, "every terminate/2 begins at once")
			}
			require.Equal(t, tc.report, only(got, "shutdown_error"))
			requireDead(t, w, k1, tc.k1)
			requireDead(t, w, k2, tc.k2)
			require.Equal(t, tc.k1At, exitAt(t, w, "k_1")-t0)
			require.Equal(t, 50*Millisecond, exitAt(t, w, "k_2")-t0)
			requireDead(t, w, pool, Shutdown)
			require.Equal(t, max(tc.k1At, 50*Millisecond), exitAt(t, w, "pool")-t0)
		})
	}

	t.Run("E31/exceeding the intensity terminates all dynamic children concurrently", func(t *testing.T) {
		w := New(1)
		k := tw("k")
		k.Terminate = 50 * Millisecond
		pool := sofo(t, w, k, 0)
		k1 := startDyn(t, w, pool)
		startDyn(t, w, pool)
		startDyn(t, w, pool)
		m := mark(w)
		require.NoError(t, w.Exit(k1, Boom))
		w.Advance(Second)
		requireStory(t, w, m, "exit k_1 boom", "child_terminated pool k_1 boom", "shutdown pool k_1 reached_max_restart_intensity",
			"terminate k_2 shutdown", "terminate k_3 shutdown", "exit k_2 shutdown", "exit k_3 shutdown", "exit pool shutdown")
		requireDead(t, w, pool, Shutdown)
	})
}
