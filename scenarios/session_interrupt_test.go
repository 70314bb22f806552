package scenarios

import (
	"testing"

	"github.com/crashcourse/crashcourse/sim"
	"github.com/stretchr/testify/require"
)

// stormSession is a session whose next `run` is long: a child that fails
// every restart, each retry 1ms after the last (backoff), a million times.
func stormSession(t *testing.T) *Session {
	s := NewSession(0)
	execAll(t, s, "sup s intensity=1000000 period=1 backoff=1ms..1ms { worker w init=ok,crash:bad }\nw: crash boom")
	return s
}

func execAll(t *testing.T, s *Session, src string) []Result {
	t.Helper()
	cmds, err := Parse("t.scn", []byte(src))
	require.NoError(t, err)
	var out []Result
	for _, c := range cmds {
		out = append(out, s.Exec(c))
	}
	return out
}

// askedTimes is an interrupt that says stop from its (k+1)-th question on.
func askedTimes(k int) func() bool {
	asked := 0
	return func() bool {
		asked++
		return asked > k
	}
}

// TestInterruptedCommandSaysWhere: each long command stops at the
// interrupt, says at which time and event, and the next command runs.
func TestInterruptedCommandSaysWhere(t *testing.T) {
	for _, cmd := range []string{"run", "run 1h", "advance 1h", "step 100000"} {
		t.Run(cmd, func(t *testing.T) {
			s := stormSession(t)
			s.SetInterrupt(askedTimes(300))
			r := execAll(t, s, cmd)[0]
			require.True(t, r.Interrupted)
			require.Nil(t, r.Err)
			require.Equal(t, 300, r.Ran)
			w := s.World()
			require.Equal(t, sprintf("interrupted at t=%v, event #%d: the world is as that event left it", w.Now(), w.TraceLen()), r.Note)
			require.Less(t, w.Now(), 3600*sim.Second)

			s.SetInterrupt(nil)
			next := execAll(t, s, "step 2")[0]
			require.False(t, next.Interrupted)
			require.Equal(t, 2, next.Ran)
		})
	}
}

// TestInterruptedRunIsSteps: what an interrupted run, advance or step did
// is exactly `step N` with the N events it ran (save relies on it).
func TestInterruptedRunIsSteps(t *testing.T) {
	for _, cmd := range []string{"run", "advance 1h", "step 100000"} {
		t.Run(cmd, func(t *testing.T) {
			cut := stormSession(t)
			cut.SetInterrupt(askedTimes(250))
			r := execAll(t, cut, cmd)[0]
			stepped := stormSession(t)
			execAll(t, stepped, sprintf("step %d", r.Ran))
			require.Equal(t, EventLines(stepped.World(), Result{From: 1, To: sim.Seq(stepped.World().TraceLen())}),
				EventLines(cut.World(), Result{From: 1, To: sim.Seq(cut.World().TraceLen())}))
			require.Equal(t, stepped.World().Now(), cut.World().Now())
		})
	}
}

// TestInterruptedSupervisorCall: `stop` interrupted fails saying so, and
// the supervisor finishes stopping when the world runs again.
func TestInterruptedSupervisorCall(t *testing.T) {
	s := NewSession(0)
	execAll(t, s, "sup s { worker w trap_exit terminate=3s }")
	s.SetInterrupt(askedTimes(1))
	r := execAll(t, s, "stop s")[0]
	require.True(t, r.Interrupted)
	require.NotNil(t, r.Err)
	require.Contains(t, r.Err.Msg, "interrupted")
	s.SetInterrupt(nil)
	rs := execAll(t, s, "run\nexpect dead s reason=shutdown")
	require.True(t, rs[1].Check.Pass, rs[1].Check.Got)
}
