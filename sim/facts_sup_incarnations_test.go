package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Names and incarnations (LANGUAGE.md, v1.1 clarification), each rule
// measured on OTP 25 with a plain supervisor and gen_server: a name
// denotes its latest incarnation, a supervisor's start never fails because
// an older incarnation is alive, a registered name that is taken fails a
// start without starting a process, and a worker inside init/1 handles
// nothing until init returns.

// slowWorker is a trapping worker whose terminate/2 takes d.
func slowWorker(id string, d Time) ChildSpec {
	c := tw(id)
	c.Terminate = d
	return c
}

func TestSupervisorStartsNewIncarnationWhileOldOneExits(t *testing.T) {
	for _, tc := range []struct {
		name string
		spec SupSpec
		// act makes the supervisor start w again while its old incarnation
		// is still alive.
		act func(t *testing.T, w *World, top Pid)
		// oldReason is how the old incarnation of w ends, on its own.
		oldReason Term
	}{
		{name: "a killed nested supervisor is restarted while its old child is in terminate",
			spec: SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{
				supChild("mid", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{slowWorker("w", 200*Millisecond)}}),
			}},
			act: func(t *testing.T, w *World, _ Pid) {
				require.NoError(t, w.SendExit(Shell, livePid(t, w, "mid"), Kill))
				w.RunInstant()
			},
			oldReason: Killed},
		{name: "restart_child of a nested supervisor whose old child is still terminating",
			spec: SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{func() ChildSpec {
				c := supChild("mid", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{slowWorker("w", 500*Millisecond)}})
				c.Shutdown = ShutdownSpec{Timeout: 100 * Millisecond}
				return c
			}()}},
			act: func(t *testing.T, w *World, top Pid) {
				got, err := w.TerminateChild(top, "mid", 0)
				requireCall(t, atomOK, got, err)
				got, err = w.RestartChild(top, "mid")
				requireCall(t, okPid(livePid(t, w, "mid")), got, err)
			},
			oldReason: Shutdown},
		{name: "a child that sends an exit signal to its own supervisor is restarted while it lives",
			spec: SupSpec{Flags: sflags(OneForOne, 1, 5), Children: plain(workers("w"))},
			act: func(t *testing.T, w *World, top Pid) {
				require.NoError(t, w.SendExit(livePid(t, w, "w"), top, Atom("boom")))
				w.RunInstant()
			},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			top := startSup(t, w, "top", tc.spec)
			old := livePid(t, w, "w")
			m := mark(w)
			tc.act(t, w, top)

			fresh := livePid(t, w, "w")
			require.NotEqual(t, old, fresh, "w has a new incarnation")
			requireAlive(t, w, old)
			requireAlive(t, w, top)
			require.Zero(t, countKind(w, m, KindStartError, Shell), "no start fails: %v", story(w, m))
			if tc.oldReason == nil {
				return
			}
			w.Advance(Second)
			requireDead(t, w, old, tc.oldReason)
			requireAlive(t, w, fresh)
			require.Equal(t, fresh, pidOf(t, w, "w"), "the name still denotes the latest incarnation")
		})
	}
}

func TestRegisteredChildStartFailsWithoutProcessWhenNameTaken(t *testing.T) {
	db := func(id string) ChildSpec {
		c := tw(id)
		c.Register = "db"
		return c
	}
	// squat gives the name db to a new plain process.
	squat := func(t *testing.T, w *World) Pid {
		if _, ok := w.Whereis("db"); ok {
			require.NoError(t, w.Unregister(Shell, "db"))
		}
		return spawnRegistered(t, w, "db")
	}
	t.Run("a restart fails with {already_started,Holder}, each retry counts, the supervisor gives up", func(t *testing.T) {
		w := New(1)
		top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 3, 5), Children: []ChildSpec{db("w")}})
		old := livePid(t, w, "w")
		holder := squat(t, w)
		procs := w.NumProcesses()
		m := mark(w)
		exitWith(t, w, "w", Boom)

		taken := Tuple{Atom("already_started"), holder}
		require.Equal(t, lines(
			"exit w boom", "child_terminated top w boom",
			"start_error top w {already_started,"+holder.String()+"}",
			"start_error top w {already_started,"+holder.String()+"}",
			"start_error top w {already_started,"+holder.String()+"}",
			"shutdown top w reached_max_restart_intensity", "exit top shutdown"), story(w, m))
		for _, e := range entriesOf(w, KindStartError) {
			require.Equal(t, Atom("w"), w.Term(e.Child), "the report names the child")
			require.Equal(t, Pid(0), e.Other, "no process started")
			requireTerm(t, taken, w.Term(e.Term))
		}
		require.Equal(t, procs, w.NumProcesses(), "no process was started")
		require.Equal(t, old, pidOf(t, w, "w"), "w's latest incarnation is the one that crashed")
		requireDead(t, w, old, Boom)
		requireDead(t, w, top, Shutdown)
		requireAlive(t, w, holder)
	})
	t.Run("start_child fails with {{already_started,Holder},Child} and starts no process", func(t *testing.T) {
		w := New(1)
		top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: workers("a")})
		holder := squat(t, w)
		procs := w.NumProcesses()
		spec := db("w")
		_, err := w.StartChild(top, &spec)
		var e *Error
		require.ErrorAs(t, err, &e)
		reason, ok := e.Reason.(Tuple)
		require.True(t, ok, "reason %v", e.Reason)
		requireTerm(t, Tuple{Atom("already_started"), holder}, reason[0])
		require.Equal(t, procs, w.NumProcesses(), "no process was started")
		_, ever := w.Lookup("w")
		require.False(t, ever, "w never had an incarnation")
		requireAlive(t, w, top)
	})
	t.Run("a supervisor whose first child's name is taken fails to start", func(t *testing.T) {
		w := New(1)
		holder := squat(t, w)
		_, err := w.StartSupervisor("top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{db("w")}})
		requireErr(t, err, failedToStart("w", Tuple{Atom("already_started"), holder}))
		_, ever := w.Lookup("w")
		require.False(t, ever, "w never had an incarnation")
	})
}

func TestWorkerInSlowInitHandlesItsParentsExitAfterInit(t *testing.T) {
	// The supervisor is killed 100 ms into the restart's 300 ms init.
	const initTime, rest = 300 * Millisecond, 200 * Millisecond
	for _, tc := range []struct {
		name   string
		trap   bool
		init   InitResult // the result of the restart's init
		at     Time       // when the worker dies, from the kill of its supervisor
		reason Term
	}{
		{name: "trapping: terminate runs once init returns, then it exits killed",
			trap: true, init: InitResult{Kind: InitOK}, at: rest + 100*Millisecond, reason: Killed},
		{name: "trapping, init fails: it exits with init's reason and runs no terminate",
			trap: true, init: InitResult{Kind: InitError, Reason: Atom("down")}, at: rest, reason: Atom("down")},
		{name: "not trapping: the abnormal signal kills it at once",
			init: InitResult{Kind: InitOK}, at: 0, reason: Killed},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			spec := tw("w")
			spec.TrapExit = tc.trap
			spec.InitTime = initTime
			spec.Terminate = 100 * Millisecond
			spec.Init = []InitResult{{Kind: InitOK}, tc.init}
			top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{spec}})
			exitWith(t, w, "w", Boom)
			w.Advance(100 * Millisecond)
			fresh := livePid(t, w, "w")
			killedAt := w.Now()
			m := mark(w)
			require.NoError(t, w.SendExit(Shell, top, Kill))
			w.RunInstant()
			requireDead(t, w, top, Killed)
			if tc.at > 0 {
				requireAlive(t, w, fresh)
			}
			w.Advance(Second)
			requireDead(t, w, fresh, tc.reason)
			require.Equal(t, killedAt+tc.at, exitAt(t, w, "w"))
			terminates := countKind(w, m, KindTerminate, fresh)
			if tc.trap && tc.init.Kind == InitOK {
				require.Equal(t, 1, terminates, "%v", story(w, m))
				requireMailbox(t, w, fresh)
			} else {
				require.Zero(t, terminates, "%v", story(w, m))
			}
		})
	}
}

func TestRegisteredWorkerTakesItsNameBeforeInit(t *testing.T) {
	w := New(1)
	spec := tw("w")
	spec.Register = "db"
	spec.InitTime = 300 * Millisecond
	startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{spec}})
	exitWith(t, w, "w", Boom)
	fresh := livePid(t, w, "w")
	require.Equal(t, "init/1", w.workerOf(w.proc(fresh)).busy(), "the restart is inside init")
	holder, ok := w.Whereis("db")
	require.True(t, ok, "db is registered during init")
	require.Equal(t, fresh, holder)
}
