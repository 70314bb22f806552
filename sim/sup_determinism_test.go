package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Snapshots and determinism of worlds with supervisors: a clone taken
// while a supervisor is blocked in the middle of its work carries on
// exactly as the original does, and the same scenario always gives the
// same trace.

func TestSupCloneWhileBlocked(t *testing.T) {
	for _, tc := range []struct {
		name  string
		setup func(t *testing.T, w *World) Pid // leaves the returned supervisor blocked
		after func(t *testing.T, w *World)     // more work once it is done
	}{
		{name: "stopping: waits 2 s for b's terminate, then a", setup: func(t *testing.T, w *World) Pid {
			specs := workers("a", "b")
			specs[1].Terminate = 2 * Second
			top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: specs})
			require.NoError(t, w.SendExit(Shell, top, Shutdown))
			w.RunInstant()
			return top
		}},
		{name: "one_for_all restart: waits 2 s for c, then restarts a, b, c", setup: func(t *testing.T, w *World) Pid {
			specs := workers("a", "b", "c")
			specs[2].Terminate = 2 * Second
			top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForAll, 3, 5), Children: specs})
			exitWith(t, w, "b", Boom)
			w.Advance(500 * Millisecond)
			return top
		}, after: func(t *testing.T, w *World) {
			exitWith(t, w, "a", Boom)
			w.Advance(5 * Second)
			top := pidOf(t, w, "top")
			requireChildren(t, w, top, kid("c", livePid(t, w, "c")), kid("b", livePid(t, w, "b")), kid("a", livePid(t, w, "a")))
		}},
		{name: "a hung child: waits out its 300 ms shutdown, then kills it", setup: func(t *testing.T, w *World) Pid {
			specs := workers("a", "b")
			specs[1].Shutdown = ShutdownSpec{Timeout: 300 * Millisecond}
			top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: specs})
			require.NoError(t, w.Hang(livePid(t, w, "b")))
			require.NoError(t, w.SendExit(Shell, top, Shutdown))
			w.Advance(100 * Millisecond)
			return top
		}},
		{name: "restarting: waits 1 s for a slow init", setup: func(t *testing.T, w *World) Pid {
			specs := workers("a", "b", "c")
			specs[1].InitTime = Second
			top := startSup(t, w, "top", SupSpec{Flags: sflags(RestForOne, 3, 5), Children: specs})
			exitWith(t, w, "b", Boom)
			w.Advance(200 * Millisecond)
			return top
		}, after: func(t *testing.T, w *World) {
			got, err := w.TerminateChild(pidOf(t, w, "top"), "c", 0)
			requireCall(t, atomOK, got, err)
			got, err = w.RestartChild(pidOf(t, w, "top"), "c")
			requireCall(t, okPid(livePid(t, w, "c")), got, err)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(7)
			top := tc.setup(t, w)
			require.NotNil(t, w.supOf(top).wait, "the supervisor is blocked when the clone is taken")
			c := w.Clone()
			at := w.TraceLen()
			require.Equal(t, traceText(w), traceText(c))

			// Work on the clone leaves the original alone.
			probe := c.Clone()
			probe.Advance(10 * Second)
			require.Greater(t, probe.TraceLen(), at)
			require.Equal(t, at, w.TraceLen())
			require.Equal(t, at, c.TraceLen())

			for _, x := range []*World{w, c} {
				x.Advance(10 * Second)
				if tc.after != nil {
					tc.after(t, x)
				}
			}
			require.Greater(t, w.TraceLen(), at, "the supervisor carried on")
			require.Nil(t, w.supOf(top).wait, "and finished its work")
			require.Equal(t, traceText(w), traceText(c))
			require.Equal(t, traceText(probe), traceText(c)[:probe.TraceLen()])
		})
	}
}

// supScenario exercises most of the supervisor engine: nesting, all
// strategies, restarts, intensity, shutdown timers, the API and chaos.
func supScenario(t *testing.T, seed uint64) *World {
	w := New(seed)
	tree := tree27(true)
	tree.Flags.Intensity = 10
	tree.Children[0].Terminate = 300 * Millisecond
	tree.Children[2].Shutdown = ShutdownSpec{Timeout: 100 * Millisecond}
	tree.Children[2].Terminate = 400 * Millisecond
	top := startSup(t, w, "top", tree)
	rest := startSup(t, w, "rest", SupSpec{Flags: sflags(RestForOne, 2, 1), Children: workers("r1", "r2", "r3")})
	exitWith(t, w, "w2", Boom)
	w.Advance(1500 * Millisecond)
	exitWith(t, w, "r1", Boom)
	w.Advance(200 * Millisecond)
	exitWith(t, w, "w2", Boom) // sup2 gives up; top restarts it
	exitWith(t, w, "w2", Boom)
	w.Advance(Second)
	_, _ = w.TerminateChild(top, "w4", 0)
	_, _ = w.RestartChild(top, "w4")
	extra := tw("x")
	extra.Restart = Transient
	_, _ = w.StartChild(rest, &extra)
	w.SetChaos(3, 5*Second)
	w.Advance(10 * Second)
	w.ShutdownAll()
	w.Advance(10 * Second)
	return w
}

func TestSupScenarioDeterministic(t *testing.T) {
	for _, seed := range []uint64{1, 2, 3} {
		a, b := supScenario(t, seed), supScenario(t, seed)
		require.Greater(t, a.TraceLen(), 100)
		require.Equal(t, traceText(a), traceText(b), "seed %d", seed)
		require.Equal(t, 0, a.NumAlive())
	}
	require.NotEqual(t, traceText(supScenario(t, 1)), traceText(supScenario(t, 2)), "chaos depends on the seed")
}
