package scenarios

import (
	"regexp"
	"testing"

	"github.com/crashcourse/crashcourse/sim"
	"github.com/stretchr/testify/require"
)

// A session's own limits (sim.Options): a tree past its process limit is
// refused before anything is allocated, a spawn past it raises
// system_limit, and a run past its event or trace bound stops with the
// safety-bound note; the session goes on.

func TestSessionLimit_TreePastTheSessionsProcessLimitIsRefused(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"sup s { worker w count=200 }", "this supervision tree would start 201 processes, more than this session's process limit of 100"},
		{"sup s { worker a; sup t { worker w count=99 } }", "this supervision tree would start 102 processes, more than this session's process limit of 100"},
		{"sup s {}\nstart_child s worker w count=101", "this supervision tree would start 101 processes, more than this session's process limit of 100"},
	} {
		s := NewSessionWithOptions(1, sim.Options{MaxProcesses: 100})
		rs := execAll(t, s, c.src)
		last := rs[len(rs)-1]
		require.NotNil(t, last.Err, c.src)
		require.Equal(t, c.want, last.Err.Msg, c.src)
		require.LessOrEqual(t, s.World().NumProcesses(), 1, "nothing of the tree started")
	}
}

func TestSessionLimit_SpawnPastTheSessionsProcessLimitRaisesSystemLimit(t *testing.T) {
	s := NewSessionWithOptions(1, sim.Options{MaxProcesses: 2})
	rs := execAll(t, s, "spawn a\nspawn b\nspawn c\nspawn d")
	require.Nil(t, rs[1].Err)
	require.NotNil(t, rs[2].Err)
	require.Contains(t, rs[2].Err.Msg, "system_limit")
	require.Equal(t, 2, s.World().NumProcesses())
}

func TestSessionLimit_RunawayStopsAtTheEventBoundWithTheNote(t *testing.T) {
	s := NewSessionWithOptions(1, sim.Options{MaxEvents: 500})
	execAll(t, s, "sup s intensity=1000000 period=1 backoff=1ms..1ms { worker w init=ok,crash:bad }\nw: crash boom")
	rs := execAll(t, s, "run\nadvance 10s\nstep 600")
	require.Equal(t, "run stopped at the safety bound (500 events or 24h0m0s of virtual time) with events still pending", rs[0].Note)
	require.Regexp(t, `^advance stopped at the safety bound of 500 events at t=\S+; the rest is still pending$`, rs[1].Note)
	require.Equal(t, "step stopped at the safety bound of 500 events: 500 of 600 events stepped", rs[2].Note)
}

func TestSessionLimit_AFullTraceStopsEveryRunUntilReset(t *testing.T) {
	s := NewSessionWithOptions(1, sim.Options{MaxTrace: 2000})
	execAll(t, s, "sup s intensity=1000000 period=1 backoff=1ms..1ms { worker w init=ok,crash:bad }\nw: crash boom")
	rs := execAll(t, s, "run\nspawn a\nkill a")
	const full = "2000 trace entries (the trace is full: reset to go on)"
	require.Equal(t, "run stopped at the safety bound of "+full+" with events still pending", rs[0].Note)
	require.Nil(t, rs[1].Err, "the session goes on")
	require.Regexp(t, `^stopped at the safety bound of `+regexp.QuoteMeta(full)+` at t=\S+; the rest of this instant is still pending$`, rs[2].Note)

	rs = execAll(t, s, "reset\nspawn a\nkill a")
	require.Empty(t, rs[2].Note, "reset starts a fresh world under the same limits")
	require.Equal(t, 2000, s.World().Limits().MaxTrace)
}
