package scenarios

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

// runVerbose runs src as `crashcourse run -v` does and returns the report
// and the JSON Lines trace.
func runVerbose(t *testing.T, src string) (string, string) {
	t.Helper()
	var out, trace bytes.Buffer
	_, _, err := RunScript("t.scn", []byte(src), RunOptions{Verbose: true, Trace: &trace}, &out)
	require.NoError(t, err)
	return out.String(), trace.String()
}

func requireContainsAll(t *testing.T, out string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		require.Contains(t, out, w)
	}
}

// Two incarnations of a: <0.101.0> killed, then <0.102.0> killed. b traps
// both deaths.
const twoIncarnations = `spawn b trap_exit
spawn a
b: link a
kill a
spawn a
b: link a
kill a
mailbox b
expect mailbox b []
flush b
send <0.101.0> late
`

// Present-state views (mailbox, flush, FAIL lines) write the latest
// incarnation of a name as <name> and an earlier one as <0.N.0>.
func TestPidsPrintAsNameOnlyForTheLatestIncarnation(t *testing.T) {
	out, _ := runVerbose(t, twoIncarnations)
	requireContainsAll(t, out,
		"> mailbox b\n  {'EXIT',<0.101.0>,killed}\n  {'EXIT',<a>,killed}\n",
		"FAIL t.scn:9: expected mailbox of b = [], got [{'EXIT',<0.101.0>,killed},{'EXIT',<a>,killed}]\n",
		"  {'EXIT',<0.101.0>,killed}\n  {'EXIT',<a>,killed}\n> send",
	)
}

// An event line names a process as it was known when the event happened:
// the first a's death reads "a" although a newer a exists now, while the
// old pid receiving a message after the new a was spawned reads <0.101.0>.
func TestEventLinesNameProcessesAsTheyWereThen(t *testing.T) {
	out, _ := runVerbose(t, twoIncarnations)
	requireContainsAll(t, out,
		"#6        a          exits with reason killed",
		"b          gets exit signal killed from a (link) → traps it: {'EXIT',<a>,killed} in its mailbox   ← #6",
		"b          receives {'EXIT',<0.101.0>,killed}",
		"<0.101.0>  is dead: message late from <shell> is dropped",
	)
}

// The JSON Lines trace is for programs: it keeps <0.N.0> in msg and reason.
func TestTraceKeepsPids(t *testing.T) {
	_, trace := runVerbose(t, twoIncarnations)
	require.Contains(t, trace, `"msg":"{'EXIT',<0.101.0>,killed}"`)
	require.Contains(t, trace, `"msg":"{'EXIT',<0.102.0>,killed}"`)
	require.NotContains(t, trace, "<a>")
}

// Supervisor replies, why and ps use the same printer; ps shows both the
// pid and the name.
func TestRepliesWhyAndPsUseTheOnePrinter(t *testing.T) {
	out, _ := runVerbose(t, "sup s { worker w }\nstart_child s worker x\nkill w\nwhy <0.101.0>\nps\n")
	requireContainsAll(t, out,
		"  {ok,<x>}\n",
		"> why <0.101.0>\n  0s      #8    <shell>    calls exit(w, kill)",
		"  <0.101.0>   w           dead    reason killed",
		"  <0.103.0>   w           alive   links s",
	)
}
