package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Per-world limits (Options.MaxProcesses, MaxEvents, MaxTrace): a server
// hosting many worlds bounds each one below the global safety bounds. A
// world past its process limit behaves as a node past OTP's +P; a run past
// its event or trace bound stops as at the global safety bound.

func TestLimit_OptionsOutsideTheGlobalBoundsMeanTheGlobalBounds(t *testing.T) {
	for _, c := range []struct {
		name string
		o    Options
		want Limits
	}{
		{"zero options keep today's bounds", Options{}, Limits{MaxProcesses, MaxRunEvents, 0}},
		{"lower limits are kept", Options{MaxProcesses: 50, MaxEvents: 70, MaxTrace: 90}, Limits{50, 70, 90}},
		{"limits above the global bounds are the global bounds", Options{MaxProcesses: MaxProcesses + 1, MaxEvents: MaxRunEvents + 1}, Limits{MaxProcesses, MaxRunEvents, 0}},
		{"negative limits mean no limit of the world's own", Options{MaxProcesses: -1, MaxEvents: -1, MaxTrace: -1}, Limits{MaxProcesses, MaxRunEvents, 0}},
	} {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, NewWithOptions(1, c.o).Limits())
		})
	}
}

func TestLimit_SpawnPastTheWorldsProcessLimitRaisesSystemLimit(t *testing.T) {
	// As a node started with +P: the spawn past the limit raises
	// system_limit, and a supervisor's child start past it fails with
	// {'EXIT', system_limit}, so the supervisor's own start fails.
	w := NewWithOptions(1, Options{MaxProcesses: 3})
	for range 3 {
		spawn(t, w)
	}
	_, _, err := w.Spawn(Shell, SpawnOpts{})
	requireErr(t, err, Atom("system_limit"))
	require.Equal(t, 3, w.NumProcesses(), "no spawn past the limit")

	w = NewWithOptions(1, Options{MaxProcesses: 3})
	_, err = w.StartSupervisor("s", SupSpec{Flags: DefaultFlags(), Children: []ChildSpec{tw("a"), tw("b"), tw("c")}})
	require.Error(t, err)
	var last Entry
	for _, e := range entriesOf(w, KindStartError) {
		last = e
	}
	requireTerm(t, spawnLimitError, w.Term(last.Term))
	require.Equal(t, 3, w.NumProcesses(), "the supervisor and two children, the third refused")
}

func TestLimit_TheProcessLimitCountsLiveProcesses(t *testing.T) {
	// Checked on OTP 25 (erl +P 1024): with process_count at the limit a
	// spawn raises system_limit; once ten processes have exited, ten more
	// spawns succeed and the eleventh raises system_limit again.
	w := NewWithOptions(1, Options{MaxProcesses: 3})
	a, b := spawn(t, w), spawn(t, w)
	spawn(t, w)
	_, _, err := w.Spawn(Shell, SpawnOpts{})
	requireErr(t, err, Atom("system_limit"))
	require.NoError(t, w.Exit(a, Atom("normal")))
	require.NoError(t, w.Crash(b, Boom))
	spawn(t, w)
	spawn(t, w)
	_, _, err = w.Spawn(Shell, SpawnOpts{})
	requireErr(t, err, Atom("system_limit"))
	require.Equal(t, 5, w.NumProcesses(), "five spawned in all, three alive")
	require.Equal(t, 3, w.NumAlive())
}

func TestLimit_ARunStopsAtTheWorldsEventBound(t *testing.T) {
	for _, c := range []struct {
		name string
		run  func(w *World) (int, bool)
	}{
		{"RunInstant", func(w *World) (int, bool) { return w.RunInstant() }},
		{"Advance", func(w *World) (int, bool) { return w.Advance(Second) }},
		{"Run", func(w *World) (int, bool) { return w.Run(0) }},
		{"Step", func(w *World) (int, bool) { return w.Step(5000), true }},
	} {
		t.Run(c.name, func(t *testing.T) {
			w, _ := stormWorldWith(t, Options{MaxEvents: 1000})
			n, bounded := c.run(w)
			require.Equal(t, 1000, n, "events run")
			require.True(t, bounded, "stopped at the bound")
			require.Equal(t, Time(0), w.Now(), "the clock stays at the last event run")
		})
	}
}

func TestLimit_AFullTraceRunsNoMoreEventsUntilReset(t *testing.T) {
	w, s := stormWorldWith(t, Options{MaxTrace: 500, MaxProcesses: 1000})
	n, bounded := w.RunInstant()
	require.True(t, bounded, "the storm stops at the trace bound")
	require.Positive(t, n)
	require.True(t, w.TraceFull())
	full := w.TraceLen()
	require.Less(t, full, 500+10, "one event records only a few entries past the bound")

	n, bounded = w.RunInstant()
	require.Equal(t, 0, n, "a full trace runs nothing")
	require.True(t, bounded)
	n, bounded = w.Advance(Second)
	require.Equal(t, 0, n)
	require.True(t, bounded, "Advance stops too")
	require.Equal(t, 0, w.Step(1))
	_, err := w.WhichChildren(s)
	require.Error(t, err, "a synchronous call gives up at the bound")
	require.Equal(t, full+1, w.TraceLen(), "only the call itself was recorded")
	require.Equal(t, KindCall, w.Entry(Seq(full+1)).Kind)

	w.Reset(1)
	require.False(t, w.TraceFull(), "Reset empties the trace")
	require.Equal(t, Limits{1000, MaxRunEvents, 500}, w.Limits(), "Reset keeps the limits")
}
