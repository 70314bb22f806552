package tui

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// A reset starts the timeline anew: the cursor rewinds only within the
// fresh world, a command typed in its past forks it there, and every world
// the cursor shows is that of a fresh run of the commands after the reset.
func TestResetStartsTheTimelineAnew(t *testing.T) {
	tl := newTimeline(scenarios.NewSession(0))
	exec := func(line string) *scenarios.Command {
		cmds, err := scenarios.ParseLine("t", 1, line)
		require.NoError(t, err)
		tl.exec(cmds[0], nil)
		return cmds[0]
	}
	for _, l := range []string{"spawn a", "spawn b", "a: link b", "spawn x", "kill b", "spawn z"} {
		exec(l)
	}
	exec("reset")
	require.Zero(t, tl.headLen())
	var cmds []*scenarios.Command
	for _, l := range []string{"spawn c", "spawn d", "c: link d"} {
		cmds = append(cmds, exec(l))
	}
	tl.seek(1) // after spawn c: spawn e forks the fresh world there
	cmds = append(cmds[:1], exec("spawn e"))
	end := tl.headLen()
	for k := end; ; k-- {
		tl.seek(k)
		require.Equal(t, fingerprint(freshAt(cmds, tl.at, end)), fingerprint(tl.view.World()), "at %d", k)
		if k == 0 {
			break
		}
	}
	require.Equal(t, sim.Seq(0), tl.at)
	require.Zero(t, tl.view.World().NumProcesses())
}
