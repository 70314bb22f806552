package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// The kernel's safety bounds: work that never ends inside one instant still
// runs one event at a time, and the process limit holds for supervisors'
// children too.

// stormWorld starts sup s, whose intensity is never reached, over worker w
// whose every restart fails (init=ok,crash:bad), and crashes w once without
// running anything.
func stormWorld(t *testing.T) (*World, Pid) {
	t.Helper()
	return stormWorldWith(t, Options{})
}

// stormWorldWith is stormWorld on a world configured by o.
func stormWorldWith(t *testing.T, o Options) (*World, Pid) {
	t.Helper()
	w := NewWithOptions(1, o)
	spec := tw("w")
	spec.Init = okThen(InitResult{Kind: InitCrash, Reason: Atom("bad")})
	s := startSup(t, w, "s", SupSpec{Flags: sflags(OneForOne, 1<<30, 1), Children: []ChildSpec{spec}})
	require.NoError(t, w.Crash(livePid(t, w, "w"), Boom))
	return w, s
}

func TestBound_EachFailedRestartRetriesInAnEventOfItsOwn(t *testing.T) {
	w, s := stormWorld(t)
	errors := 0
	for i := 0; i < 400; i++ {
		require.Equal(t, 1, w.Step(1), "the storm never runs dry")
		n := countKind(w, 0, KindStartError, s)
		require.LessOrEqual(t, n-errors, 1, "event %d ran more than one retry", i+1)
		errors = n
	}
	require.Equal(t, Time(0), w.Now(), "the whole storm is one instant")
	require.Greater(t, errors, 100, "retries go on, one event each")
	require.Equal(t, 100_000, w.Step(100_000), "every retry counts toward a bound on events")
}

func TestBound_RetryCastWaitsInTheMailbox(t *testing.T) {
	// E28 "On restart": the retry is a cast to itself, so the cast sits in
	// the supervisor's mailbox until its turn, behind what came first.
	w, s := stormWorld(t)
	for countKind(w, 0, KindStartError, s) == 0 {
		w.Step(1)
	}
	requireMailbox(t, w, s, Tuple{Atom("$gen_cast"), Tuple{Atom("try_again_restart"), Atom("w")}})
}

func TestBound_RetryFindsItsChildWhenTheNameMovedOn(t *testing.T) {
	// The cast names the child by id; the name may meanwhile denote a
	// process that is not the child (a failed start leaves it free).
	w, s := stormWorld(t)
	for countKind(w, 0, KindStartError, s) == 0 {
		w.Step(1)
	}
	_, _, err := w.Spawn(Shell, SpawnOpts{Name: "w"})
	require.NoError(t, err)
	for i := 0; i < 10 && countKind(w, 0, KindStartError, s) == 1; i++ {
		w.Step(1)
	}
	require.Equal(t, 2, countKind(w, 0, KindStartError, s), "the retry found its child and ran")
}

func TestBound_ChildStartPastTheProcessLimit(t *testing.T) {
	// Checked on OTP 25 (erl +P 1024): past the process limit, spawn_opt
	// raises system_limit inside proc_lib:start_link and do_start_child
	// returns {error, {'EXIT', {system_limit, Stack}}}; a restart then
	// retries like any failed start.
	w, s := stormWorld(t)
	w.Step(1) // w's incarnation in init dies
	w.maxProcs = w.NumAlive()
	spawned := w.NumProcesses()
	require.Equal(t, 1000, w.Step(1000), "retries go on at the limit, one event each")
	require.Equal(t, spawned, w.NumProcesses(), "no spawn at the limit")
	var last Entry
	for _, e := range entriesOf(w, KindStartError) {
		last = e
	}
	requireTerm(t, Tuple{Atom("EXIT"), ErrorReason(Atom("system_limit"))}, w.Term(last.Term))
	requireAlive(t, w, s)

	_, err := w.StartSupervisor("t", SupSpec{Flags: DefaultFlags()})
	requireErr(t, err, Atom("system_limit"))
	_, _, err = w.Spawn(Shell, SpawnOpts{})
	requireErr(t, err, Atom("system_limit"))
}

func TestBound_ClockNeverPassesMaxTime(t *testing.T) {
	w := New(1)
	a := spawn(t, w)
	_, err := w.SendAfter(a, MaxTime+1, Dest{Pid: a}, Atom("x"))
	require.ErrorContains(t, err, "longer than the maximum of 876000h (100 years)")
	w.Advance(MaxTime - Second)
	_, err = w.SendAfter(a, MaxTime, Dest{Pid: a}, Atom("late"))
	require.NoError(t, err, "a timer of MaxTime is allowed, due past MaxTime")

	w.Advance(1 << 62)
	require.Equal(t, MaxTime, w.Now(), "Advance stops the clock at MaxTime")
	_, bounded := w.Run(0)
	require.True(t, bounded, "the timer is still pending")
	require.Equal(t, 0, w.Step(5), "an event due past MaxTime never runs")
	require.Equal(t, MaxTime, w.Now())
	requireMailbox(t, w, a)
	w.SetChaos(1e-300, 0) // a mean interval far past MaxTime
	require.Equal(t, 0, w.Step(1))
	require.Equal(t, MaxTime, w.Now())
}

func TestBound_SpecDurationsPastMaxTime(t *testing.T) {
	w := New(1)
	long := tw("w")
	long.Terminate = MaxTime + 1
	_, err := w.StartSupervisor("s", SupSpec{Flags: DefaultFlags(), Children: []ChildSpec{supChild("t", SupSpec{Flags: DefaultFlags(), Children: []ChildSpec{long}})}})
	require.ErrorContains(t, err, "w has a duration of")
	s := startSup(t, w, "s", SupSpec{Flags: DefaultFlags()})
	long.Backoff = &Backoff{Min: Second, Max: MaxTime + 1}
	long.Terminate = 0
	_, err = w.StartChild(s, &long)
	require.ErrorContains(t, err, "a backoff of")
}

func TestBound_CallTimeoutPastMaxTime(t *testing.T) {
	w := New(1)
	a := spawn(t, w)
	b := spawn(t, w)
	_, err := w.Call(a, Dest{Pid: b}, Atom("ping"), CallTimeout{Set: true, After: MaxTime + Millisecond})
	require.ErrorContains(t, err, "a call timeout of")
	require.ErrorContains(t, err, "longer than the maximum of 876000h (100 years)")
	_, ok := w.Calling(a)
	require.False(t, ok, "the refused call never started")
	_, err = w.Call(a, Dest{Pid: b}, Atom("ping"), CallTimeout{Set: true, After: MaxTime})
	require.NoError(t, err, "a timeout of MaxTime is allowed")
}
