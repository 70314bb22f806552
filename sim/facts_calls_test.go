package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// gen_server:call, as the language's v1.1 contract states it and OTP 25
// measurably does (each rule confirmed on erl with a plain gen_server).

const ms = Millisecond

// callWorld starts a supervisor "top" with one worker "w" (not trapping
// unless trap) whose requests take callTime, and returns the world and w.
func callWorld(t *testing.T, callTime Time, trap bool) (*World, Pid) {
	t.Helper()
	w := New(1)
	x := tw("w")
	x.CallTime, x.TrapExit = callTime, trap
	startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{x}})
	return w, livePid(t, w, "w")
}

// genCallOf makes actor call dest and runs the instant.
func genCallOf(t *testing.T, w *World, actor Pid, dest Dest, req Term, to CallTimeout) {
	t.Helper()
	_, err := w.Call(actor, dest, req, to)
	require.NoError(t, err)
	w.RunInstant()
}

func pidDest(p Pid) Dest { return Dest{Pid: p} }

// requireReturnsAfter checks that c's call is still on after d-1ms and
// over after d.
func requireReturnsAfter(t *testing.T, w *World, c Pid, d Time, msg string) {
	t.Helper()
	w.Advance(d - ms)
	_, waits := w.Calling(c)
	require.True(t, waits, msg)
	w.Advance(ms)
	_, waits = w.Calling(c)
	require.False(t, waits, msg)
}

// callReason is {Reason, {gen_server, call, Args}}.
func callReason(reason Term, args ...Term) Term {
	return Tuple{reason, Tuple{atomGenServer, atomCall, List(args)}}
}

func after(d Time) CallTimeout { return CallTimeout{Set: true, After: d} }

func TestCallWorkerRepliesOkAfterItsCallTime(t *testing.T) {
	w, srv := callWorld(t, 300*ms, false)
	c := spawn(t, w)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), CallTimeout{})
	s, ok := w.Calling(c)
	require.True(t, ok)
	require.Equal(t, srv, s)
	requireReturnsAfter(t, w, c, 300*ms, "the call lasts the worker's call_time")
	requireAlive(t, w, c)
	requireMailbox(t, w, c)
}

func TestCallRequestsAreServedOneAtATimeInArrivalOrder(t *testing.T) {
	w, srv := callWorld(t, 100*ms, false)
	a, b := spawn(t, w), spawn(t, w)
	genCallOf(t, w, a, pidDest(srv), Atom("first"), CallTimeout{})
	genCallOf(t, w, b, pidDest(srv), Atom("second"), CallTimeout{})
	requireMailbox(t, w, srv, Tuple{atomGenCall, Tuple{b, CallTag{}}, Atom("second")})
	requireReturnsAfter(t, w, a, 100*ms, "the first request takes its call_time")
	requireReturnsAfter(t, w, b, 100*ms, "the second request waits for the first")
	var served []Term
	for _, e := range entriesOf(w, KindServe) {
		served = append(served, w.Term(e.Term))
	}
	requireTerms(t, []Term{Atom("first"), Atom("second")}, served)
}

func TestCallFailsAtOnceWithNoproc(t *testing.T) {
	w := New(1)
	dead := spawn(t, w)
	require.NoError(t, w.SendExit(Shell, dead, Kill))
	w.RunInstant()
	for _, tc := range []struct {
		name   string
		dest   Dest
		reason Term
	}{
		{"a dead pid", pidDest(dead), callReason(NoProc, dead, Atom("ping"))},
		{"an unregistered name", Dest{Name: "nosuch"}, callReason(NoProc, Atom("nosuch"), Atom("ping"))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := spawnTrap(t, w, true)
			genCallOf(t, w, c, tc.dest, Atom("ping"), CallTimeout{})
			requireDead(t, w, c, tc.reason)
			_, err := w.Call(Shell, tc.dest, Atom("ping"), CallTimeout{})
			requireErr(t, err, tc.reason)
		})
	}
}

func TestCallingOneselfFailsAtOnce(t *testing.T) {
	w := New(1)
	byPid := spawn(t, w)
	genCallOf(t, w, byPid, pidDest(byPid), Atom("ping"), after(300*ms))
	requireDead(t, w, byPid, callReason(atomCallingSelf, byPid, Atom("ping"), Int(300)))
	byName := spawnRegistered(t, w, "me")
	genCallOf(t, w, byName, Dest{Name: "me"}, Atom("ping"), CallTimeout{})
	requireDead(t, w, byName, callReason(atomCallingSelf, Atom("me"), Atom("ping")))
}

func TestCallTimesOutAndLeavesItsRequestQueued(t *testing.T) {
	w, srv := callWorld(t, 0, false)
	require.NoError(t, w.Hang(srv))
	c := spawn(t, w)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), after(300*ms))
	w.Advance(299 * ms)
	requireAlive(t, w, c)
	w.Advance(ms)
	requireDead(t, w, c, callReason(atomTimeout, srv, Atom("ping"), Int(300)))
	requireMailbox(t, w, srv, Tuple{atomGenCall, Tuple{c, CallTag{}}, Atom("ping")})

	t0 := w.Now()
	_, err := w.Call(Shell, pidDest(srv), Atom("ping"), CallTimeout{})
	requireErr(t, err, callReason(atomTimeout, srv, Atom("ping")))
	require.Equal(t, DefaultCallTimeout, w.Now()-t0, "call/2 waits 5000 ms")
}

func TestCallInfinityWaitsForever(t *testing.T) {
	w := New(1)
	srv := spawn(t, w)
	c := spawn(t, w)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), CallTimeout{Set: true, Infinity: true})
	w.Run(0)
	_, waits := w.Calling(c)
	require.True(t, waits, "a plain process never replies")
	requireMailbox(t, w, srv, Tuple{atomGenCall, Tuple{c, CallTag{}}, Atom("ping")})
}

func TestCallerExitsWithTheServersReason(t *testing.T) {
	w, srv := callWorld(t, Second, false)
	c := spawnTrap(t, w, true)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), after(2*Second))
	require.NoError(t, w.SendExit(Shell, srv, Kill))
	w.RunInstant()
	requireDead(t, w, c, callReason(Killed, srv, Atom("ping"), Int(2000)))
}

// TestCallLinksSignalBeforeMonitors: a linked caller that does not trap is
// killed by the server's exit signal with the bare reason; a normal exit
// is ignored by the link and the DOWN ends the call with {normal, ...}.
func TestCallLinksSignalBeforeMonitors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		trap   bool
		reason Term
		want   func(srv Pid) Term
	}{
		{"abnormal, not trapping", false, Atom("oops"), func(Pid) Term { return Atom("oops") }},
		{"abnormal, trapping", true, Atom("oops"), func(s Pid) Term { return callReason(Atom("oops"), s, Atom("ping")) }},
		{"normal, not trapping", false, Normal, func(s Pid) Term { return callReason(Normal, s, Atom("ping")) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			srv := spawn(t, w)
			c := spawnTrap(t, w, tc.trap)
			require.NoError(t, w.Link(c, srv))
			genCallOf(t, w, c, pidDest(srv), Atom("ping"), CallTimeout{})
			require.NoError(t, w.Exit(srv, tc.reason))
			w.RunInstant()
			requireDead(t, w, c, tc.want(srv))
			if tc.trap {
				requireMailbox(t, w, c, exitMsg(srv, tc.reason))
			}
		})
	}
}

func TestCallTrappingDoesNotStopTheCallersExit(t *testing.T) {
	w, srv := callWorld(t, 0, false)
	require.NoError(t, w.Hang(srv))
	c := spawnTrap(t, w, true)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), after(100*ms))
	w.Advance(100 * ms)
	requireDead(t, w, c, callReason(atomTimeout, srv, Atom("ping"), Int(100)))
}

// TestCallToSupervisorCrashesItWithFunctionClause: supervisor:handle_call/3
// has no clause for an unknown request; its children are stopped, and the
// caller gets the crash reason.
func TestCallToSupervisorCrashesItWithFunctionClause(t *testing.T) {
	w, child := callWorld(t, 0, false)
	top := pidOf(t, w, "top")
	c := spawn(t, w)
	genCallOf(t, w, c, pidDest(top), Atom("ping"), CallTimeout{})
	crash := ErrorReason(Atom("function_clause"))
	requireDead(t, w, child, Shutdown)
	requireDead(t, w, top, crash)
	requireDead(t, w, c, callReason(crash, top, Atom("ping")))
	require.Equal(t, []Pid{child, top, c}, exitOrder(w)[len(exitOrder(w))-3:], "children first, then the supervisor, then the caller")
}

func TestCallSupervisorAPIRequestsAreRefused(t *testing.T) {
	w, _ := callWorld(t, 0, false)
	top := pidOf(t, w, "top")
	for _, req := range []Term{Atom("which_children"), Tuple{Atom("terminate_child"), Atom("w")}} {
		_, err := w.Call(Shell, pidDest(top), req, CallTimeout{})
		requireErr(t, err, nil)
	}
	requireAlive(t, w, top)
}

func TestCallRequestOfADeadCallerIsStillServed(t *testing.T) {
	w, srv := callWorld(t, 300*ms, false)
	a, b := spawn(t, w), spawn(t, w)
	genCallOf(t, w, a, pidDest(srv), Atom("a"), CallTimeout{})
	w.Advance(100 * ms)
	require.NoError(t, w.SendExit(Shell, a, Kill))
	w.Advance(50 * ms)
	genCallOf(t, w, b, pidDest(srv), Atom("b"), CallTimeout{})
	requireReturnsAfter(t, w, b, 450*ms, "a's request still costs its 300 ms")
	dropped := entriesOf(w, KindCallReturn)[0]
	require.Equal(t, a, dropped.Pid)
	require.True(t, dropped.Has(FlagDropped), "the reply to a dead caller is dropped")
}

func TestCallLateReplyIsDropped(t *testing.T) {
	w, srv := callWorld(t, 500*ms, false)
	_, err := w.Call(Shell, pidDest(srv), Atom("ping"), after(200*ms))
	requireErr(t, err, callReason(atomTimeout, srv, Atom("ping"), Int(200)))
	w.Advance(Second)
	rets := entriesOf(w, KindCallReturn)
	require.Len(t, rets, 1)
	require.True(t, rets[0].Has(FlagDropped))
}

func TestCallHungWorkerServesAfterRecover(t *testing.T) {
	w, srv := callWorld(t, 100*ms, false)
	require.NoError(t, w.Hang(srv))
	c := spawn(t, w)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), CallTimeout{})
	w.Advance(Second)
	require.NoError(t, w.Recover(srv))
	requireReturnsAfter(t, w, c, 100*ms, "")
}

func TestCallWorkerInInitServesOnceInitReturns(t *testing.T) {
	w := New(1)
	x := tw("w")
	x.InitTime, x.Register, x.CallTime = 400*ms, "db", 100*ms
	startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{x}})
	t0 := w.Now()
	// The restart is the supervisor's: the shell goes on while init runs.
	require.NoError(t, w.SendExit(Shell, livePid(t, w, "w"), Kill))
	w.RunInstant()
	c := spawn(t, w)
	genCallOf(t, w, c, Dest{Name: "db"}, Atom("ping"), CallTimeout{})
	requireMailbox(t, w, livePid(t, w, "w"), Tuple{atomGenCall, Tuple{c, CallTag{}}, Atom("ping")})
	requireReturnsAfter(t, w, c, 500*ms, "400 ms of init, then 100 ms of call")
	require.Equal(t, t0+500*ms, w.Now())
}

func TestCallTrappingWorkerFinishesTheCallBeforeTerminate(t *testing.T) {
	w := New(1)
	x := tw("w")
	x.CallTime, x.Terminate = 500*ms, 100*ms
	top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{x}})
	srv := livePid(t, w, "w")
	c := spawn(t, w)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), CallTimeout{})
	w.Advance(100 * ms)
	require.NoError(t, w.Stop(top))
	require.Equal(t, 600*ms, w.Now(), "500 ms of call, then 100 ms of terminate")
	requireAlive(t, w, c)
	requireDead(t, w, srv, Shutdown)
}

func TestCallShutdownTimeKillsAServingWorker(t *testing.T) {
	w := New(1)
	x := tw("w")
	x.CallTime, x.Shutdown = 500*ms, ShutdownSpec{Timeout: 200 * ms}
	top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{x}})
	srv := livePid(t, w, "w")
	c := spawn(t, w)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), CallTimeout{})
	w.Advance(50 * ms)
	require.NoError(t, w.Stop(top))
	requireDead(t, w, srv, Killed)
	requireDead(t, w, c, callReason(Killed, srv, Atom("ping")))
	require.Equal(t, 250*ms, w.Now())
}

func TestCallRequestAfterTheStopIsNeverServed(t *testing.T) {
	w := New(1)
	x := tw("w")
	x.CallTime, x.Terminate = 300*ms, 100*ms
	startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{x}})
	srv := livePid(t, w, "w")
	top := pidOf(t, w, "top")
	a, b := spawn(t, w), spawn(t, w)
	genCallOf(t, w, a, pidDest(srv), Atom("one"), CallTimeout{})
	w.Advance(50 * ms)
	require.NoError(t, w.SendExit(Shell, top, Shutdown))
	w.RunInstant()
	w.Advance(50 * ms)
	genCallOf(t, w, b, pidDest(srv), Atom("two"), CallTimeout{})
	w.Run(0)
	requireAlive(t, w, a)
	requireDead(t, w, b, callReason(Shutdown, srv, Atom("two")))
	require.Len(t, entriesOf(w, KindServe), 1)
}

func TestCallCallerPerformsNothingWhileItWaits(t *testing.T) {
	w := New(1)
	srv, c := spawn(t, w), spawn(t, w)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), CallTimeout{})
	requireErr(t, w.Send(c, pidDest(srv), Atom("hi")), nil)
	require.NoError(t, w.Send(Shell, pidDest(c), Atom("hi")), "messages still reach it")
	w.RunInstant()
	requireMailbox(t, w, c, Atom("hi"))
}

func TestCallWorkerWaitingInItsOwnCallServesNothing(t *testing.T) {
	w, srv := callWorld(t, 0, false)
	other := spawn(t, w)
	genCallOf(t, w, srv, pidDest(other), Atom("ping"), after(200*ms))
	c := spawn(t, w)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), CallTimeout{})
	w.Advance(199 * ms)
	_, waits := w.Calling(c)
	require.True(t, waits)
	w.Advance(ms)
	requireDead(t, w, srv, callReason(atomTimeout, other, Atom("ping"), Int(200)))
	requireDead(t, w, c, callReason(callReason(atomTimeout, other, Atom("ping"), Int(200)), srv, Atom("ping")))
}

func TestCallShellCallIsSynchronous(t *testing.T) {
	w, srv := callWorld(t, 250*ms, false)
	got, err := w.Call(Shell, pidDest(srv), Atom("ping"), CallTimeout{})
	require.NoError(t, err)
	requireTerm(t, atomOK, got)
	require.Equal(t, 250*ms, w.Now())
}

func TestCallWhyLeadsBackToTheServersDeath(t *testing.T) {
	w, srv := callWorld(t, Second, false)
	c := spawn(t, w)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), CallTimeout{})
	require.NoError(t, w.SendExit(Shell, srv, Kill))
	w.RunInstant()
	chain := w.Why(c)
	require.Equal(t, KindExitSignal, w.Entry(chain[0]).Kind)
	var kinds []Kind
	for _, s := range chain {
		kinds = append(kinds, w.Entry(s).Kind)
	}
	require.Equal(t, []Kind{KindExitSignal, KindSignal, KindExit, KindDown, KindExit}, kinds)
}

func TestCallCloneIsIndependent(t *testing.T) {
	w, srv := callWorld(t, 100*ms, false)
	c := spawn(t, w)
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), CallTimeout{})
	cl := w.Clone()
	w.Advance(100 * ms)
	_, waits := cl.Calling(c)
	require.True(t, waits, "the clone's call is still on")
	cl.Advance(100 * ms)
	require.Equal(t, traceText(w), traceText(cl))
}

func TestCallActivityShowsServingAndCalling(t *testing.T) {
	w, srv := callWorld(t, 100*ms, false)
	c := spawn(t, w)
	require.Equal(t, ActRunning, w.Activity(srv))
	genCallOf(t, w, c, pidDest(srv), Atom("ping"), CallTimeout{})
	require.Equal(t, ActServing, w.Activity(srv))
	require.Equal(t, ActCalling, w.Activity(c))
	w.Advance(100 * ms)
	require.Equal(t, ActRunning, w.Activity(srv))
	require.Equal(t, ActRunning, w.Activity(c))
}

// A call's reply is a delivery like any message: replies from two servers
// to two callers at one instant may arrive in either order, and an
// interleaved World may take the other one.
func TestCallRepliesInterleaveAsMessages(t *testing.T) {
	order := func(o Options) []Pid {
		w := NewWithOptions(1, o)
		startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: plain(workers("s1", "s2"))})
		servers := []Pid{livePid(t, w, "s1"), livePid(t, w, "s2")}
		for _, s := range servers {
			require.NoError(t, w.Hang(s))
			genCallOf(t, w, spawn(t, w), pidDest(s), Atom("ping"), CallTimeout{})
		}
		for _, s := range servers {
			require.NoError(t, w.Recover(s))
		}
		w.RunInstant()
		var got []Pid
		for _, e := range entriesOf(w, KindCallReturn) {
			got = append(got, e.Other)
		}
		return got
	}
	fixed := order(Options{})
	require.Len(t, fixed, 2)
	require.Equal(t, []Pid{fixed[1], fixed[0]}, order(Options{Interleave: 1}), "the latest reply first")
}
