package scenarios

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func traceOf(t *testing.T, src string, seed uint64) (Summary, string, string) {
	t.Helper()
	var out, trace bytes.Buffer
	sum, _, err := RunScript("t.scn", []byte(src), RunOptions{Seed: seed, Trace: &trace}, &out)
	require.NoError(t, err)
	return sum, out.String(), trace.String()
}

// After reset, the rest of a file runs as if the file began there: no
// processes, clock 0, pids and refs from the start, the seed in effect
// kept; expectations before it keep their results, and the trace goes on
// with the new world's, from seq 1.
func TestResetRunsTheRestAsAFreshFile(t *testing.T) {
	const chaos = "spawn a\nspawn b\nb: monitor a\nchaos 3 for 2s\nrun\nexpect alive b\n"
	before := "seed 9\nspawn x\nadvance 5s\nexpect alive x\nmark\nkill x\n"
	sum, out, trace := traceOf(t, before+"reset\nexpect alive x\n"+chaos, 1)
	freshSum, _, freshTrace := traceOf(t, "seed 9\n"+chaos, 1)
	require.Contains(t, out, "FAIL t.scn:8: expected x to be alive, got noproc")
	require.Contains(t, out, "PASS t.scn:4 expect alive x")
	require.Equal(t, Summary{Passed: 1 + freshSum.Passed, Failed: 1 + freshSum.Failed}, sum, out)
	worlds := strings.SplitN(trace, "{\"seq\":1,", 3)
	require.Len(t, worlds, 3, trace)
	require.Contains(t, freshTrace, `"ev":"chaos"`)
	require.Equal(t, freshTrace, "{\"seq\":1,"+worlds[2])
}

// reset forgets the mark and the last error: an exit_order after it looks
// only at what follows, and `expect error` has no command to check.
func TestResetForgetsMarkAndLastError(t *testing.T) {
	sum, out := runText(t, "spawn a\nkill nobody\nreset\nexpect error\nspawn a\nspawn b\nkill b\nexpect exit_order b\nexpect exit_order a\n")
	require.Equal(t, Summary{Passed: 1, Failed: 3, Errors: 1}, sum, out)
	require.Contains(t, out, "FAIL t.scn:4: expected the previous command to fail, got it succeeded")
	require.Contains(t, out, "FAIL t.scn:9: expected exit order a, got no exit since the mark for a")
}

// Completion forgets the names and refs of the world a reset replaced, and
// offers reset itself.
func TestResetForgetsCompletionNames(t *testing.T) {
	s := NewSession(1)
	n := NewWorldNames(s.World())
	for _, line := range []string{"spawn old", "old: monitor old", "reset", "spawn fresh"} {
		cmds, err := ParseLine("t", 1, line)
		require.NoError(t, err)
		n.NoteRefs(cmds[0], s.Exec(cmds[0]))
	}
	require.Equal(t, []string{"fresh"}, n.Processes())
	require.Empty(t, n.Refs("demonitor"))
	c := Completer{Names: n}
	_, got := c.Complete("rese", false)
	require.Equal(t, []string{"reset "}, got)
}
