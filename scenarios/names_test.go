package scenarios

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// execText runs each line in s and requires it to parse.
func execText(t *testing.T, s *Session, lines ...string) Result {
	t.Helper()
	var r Result
	for _, line := range lines {
		cmds, err := ParseLine("t", 1, line)
		require.NoError(t, err)
		for _, c := range cmds {
			r = s.Exec(c)
		}
	}
	return r
}

// Live offers the names whose latest incarnation is alive: a dead name
// that was spawned again is live, one that was not is not.
func TestWorldNamesLive(t *testing.T) {
	s := NewSession(0)
	execText(t, s, "spawn alpha", "spawn beta", "spawn bravo", "kill beta", "kill alpha", "spawn alpha")
	n := NewWorldNames(s.World())
	require.Equal(t, []string{"alpha", "beta", "bravo"}, n.Processes())
	require.Equal(t, []string{"alpha", "bravo"}, n.Live(""))
	require.Equal(t, []string{"bravo"}, n.Live("b"))
	require.Empty(t, n.Live("c"))
	_, got := Completer{Names: n}.Complete("kill ", false)
	require.Equal(t, []string{"alpha ", "bravo "}, got)
}

// A name used where a registered name was meant says how to write it.
func TestUnknownNameSuggestsRegistered(t *testing.T) {
	s := NewSession(0)
	r := execText(t, s, "spawn a", "register dbname a", "send dbname hi")
	require.ErrorContains(t, r.Err, "noproc: no process is called dbname, but one is registered as dbname: write @dbname")
	r = execText(t, s, "kill nobody")
	require.EqualError(t, r.Err, "t:1:1: noproc: no process is called nobody")
}
