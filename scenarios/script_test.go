package scenarios

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/stretchr/testify/require"
)

func runBuiltin(t *testing.T, s Scenario, seed uint64) (Summary, string, []byte) {
	t.Helper()
	var out, trace bytes.Buffer
	sum, _, err := RunScript("builtin:"+s.Name, s.Src, RunOptions{Seed: seed, Trace: &trace}, &out)
	require.NoError(t, err)
	return sum, out.String(), trace.Bytes()
}

// Every built-in scenario passes all its expectations, and no command in it
// fails unless an `expect error` checks that it does.
func TestBuiltinScenariosPass(t *testing.T) {
	all := Builtin()
	require.GreaterOrEqual(t, len(all), 7)
	for _, s := range all {
		t.Run(s.Name, func(t *testing.T) {
			sum, out, _ := runBuiltin(t, s, 0)
			require.Zero(t, sum.Failed, out)
			require.Zero(t, sum.Errors, out)
			require.Positive(t, sum.Passed)
		})
	}
}

// The same scenario and seed give a byte-identical JSON Lines trace.
func TestBuiltinTracesAreDeterministic(t *testing.T) {
	for _, s := range Builtin() {
		_, _, a := runBuiltin(t, s, 7)
		_, _, b := runBuiltin(t, s, 7)
		require.NotEmpty(t, a)
		require.Equal(t, string(a), string(b), s.Name)
	}
}

const chaosScript = `
spawn a
a: spawn_link b
spawn c trap_exit
c: spawn_link d
spawn e
spawn f
chaos 1 for 10s
run
`

func chaosTrace(t *testing.T, seed uint64) string {
	var out, trace bytes.Buffer
	_, _, err := RunScript("chaos.scn", []byte(chaosScript), RunOptions{Seed: seed, Trace: &trace}, &out)
	require.NoError(t, err)
	return trace.String()
}

// A chaos run is reproducible from its seed, and another seed changes it.
func TestChaosDependsOnlyOnSeed(t *testing.T) {
	one := chaosTrace(t, 1)
	require.Contains(t, one, `"ev":"chaos"`)
	require.Equal(t, one, chaosTrace(t, 1))
	require.NotEqual(t, one, chaosTrace(t, 2))
}

// The tour's trace and verbose transcript are golden files (go test
// ./scenarios -update rewrites them; review the diff).
func TestTourGolden(t *testing.T) {
	s, ok := BuiltinNamed("tour")
	require.True(t, ok)
	var out, trace bytes.Buffer
	_, _, err := RunScript("builtin:tour", s.Src, RunOptions{Verbose: true, Trace: &trace}, &out)
	require.NoError(t, err)
	t.Run("transcript", func(t *testing.T) { golden.RequireEqual(t, out.Bytes()) })
	t.Run("trace", func(t *testing.T) { golden.RequireEqual(t, trace.Bytes()) })
}

func runText(t *testing.T, src string) (Summary, string) {
	t.Helper()
	var out bytes.Buffer
	sum, _, err := RunScript("t.scn", []byte(src), RunOptions{}, &out)
	require.NoError(t, err)
	return sum, out.String()
}

// Wrong expectations fail with what was expected and what was found.
func TestFailingExpectationsSayWhy(t *testing.T) {
	sum, out := runText(t, "spawn a\na: spawn_link b\nkill b\nexpect alive a\nexpect dead b reason=kill\nexpect mailbox a [x]\nmark\nexpect registered @db a\nexpect restarts a 0\n")
	require.Equal(t, 5, sum.Failed, out)
	require.Contains(t, out, "FAIL t.scn:4: expected a to be alive, got dead with reason killed")
	require.Contains(t, out, "FAIL t.scn:5: expected b to be dead with reason kill, got dead with reason killed")
	require.Contains(t, out, "FAIL t.scn:6: expected mailbox of a = [x], got []")
	require.Contains(t, out, "FAIL t.scn:8: expected @db registered to a, got unregistered")
	require.Contains(t, out, "FAIL t.scn:9: expected a restarted 0 times, got no supervisor started a")
}

// exit_order compares first exits since the mark, and a missing exit fails.
func TestExitOrder(t *testing.T) {
	sum, out := runText(t, "spawn a\na: spawn_link b\nb: spawn_link c\nmark\nc: exit boom\nexpect exit_order c b a\nexpect exit_order a c\nspawn z\nexpect exit_order c z\n")
	require.Equal(t, 1, sum.Passed, out)
	require.Contains(t, out, "FAIL t.scn:7: expected exit order a, c, got exit order c, a")
	require.Contains(t, out, "FAIL t.scn:9: expected exit order c, z, got no exit since the mark for z")
}

// exit_order with one process passes when it exited since the mark.
func TestExitOrderOfOneProcessIsItsExitSinceTheMark(t *testing.T) {
	sum, out := runText(t, "spawn a\nspawn b\nkill b\nmark\nkill a\nexpect exit_order a\nexpect exit_order b\n")
	require.Equal(t, Summary{Passed: 1, Failed: 1}, sum, out)
	require.Contains(t, out, "FAIL t.scn:7: expected exit order b, got no exit since the mark for b")
}

// An expectation about a process that never existed fails; it is not an error.
func TestExpectUnknownProcessFails(t *testing.T) {
	sum, out := runText(t, "expect alive ghost\nexpect dead ghost\n")
	require.Equal(t, Summary{Failed: 2}, sum, out)
}

// expect error checks the command just before it, against the bare reason.
func TestExpectError(t *testing.T) {
	sum, out := runText(t, "spawn a\nsend @nobody hi\nexpect error badarg\nexpect error noproc\nspawn b\nexpect error\nb: send @nobody hi\nexpect error\nghost: send a hi\nexpect error noproc\n")
	require.Equal(t, Summary{Passed: 2, Failed: 3}, sum, out)
	require.Contains(t, out, "FAIL t.scn:4: expected the previous command to fail with noproc, got it failed with badarg")
	require.Contains(t, out, "FAIL t.scn:6: expected the previous command to fail, got it succeeded")
	require.Contains(t, out, "FAIL t.scn:8:")
}

// A command the shell performs that fails, without `expect error` after
// it, is a FAIL with its error and a caret; the run goes on.
func TestCommandFailuresFailTheRun(t *testing.T) {
	sum, out := runText(t, "spawn a\nspawn a\nghost: send a hi\nexpect alive a\nsend @nobody hi\nexpect error badarg\n")
	require.Equal(t, Summary{Passed: 2, Failed: 2, Errors: 2}, sum, out)
	require.Contains(t, out, "FAIL t.scn:2: command failed: the name a is taken by the live process <0.100.0>\nspawn a\n^")
	require.Contains(t, out, "FAIL t.scn:3: command failed: noproc: no process is called ghost\nghost: send a hi\n^")
	require.NotContains(t, out, "t.scn:5")
	require.Contains(t, out, "2 passed, 2 failed\n")
}

// What the simulation does is an outcome, not a failed command: a process
// that crashes performing a command (a send to an unregistered name), and a
// supervisor whose start fails (its error is shown, not counted).
func TestOutcomesAreNotFailures(t *testing.T) {
	sum, out := runText(t, "spawn a\na: send @nobody hi\nexpect dead a\nsup s { worker w init=error:db_down }\nexpect dead s\n")
	require.Equal(t, Summary{Passed: 2}, sum, out)
	require.Contains(t, out, "t.scn:4:1: {shutdown,{failed_to_start_child,w,db_down}}: supervisor s failed to start\n")
}

// A comment beginning "# hint:" on a line that fails is printed under its
// FAIL, and only there.
func TestHintsFollowTheirFail(t *testing.T) {
	sum, out := runText(t, "spawn a # hint: never shown\nexpect dead a   # hint: kill it first\nspawn a # hint: a is alive; this spawn is refused\nexpect alive a # a plain comment\n")
	require.Equal(t, Summary{Passed: 1, Failed: 2, Errors: 1}, sum, out)
	require.Contains(t, out, "FAIL t.scn:2: expected a to be dead, got alive\n  hint: kill it first\n")
	require.Contains(t, out, "spawn a # hint: a is alive; this spawn is refused\n^\n  hint: a is alive; this spawn is refused\n")
	require.NotContains(t, out, "never shown\n  hint")
	require.NotContains(t, out, "hint: plain")
}

// Parse errors stop the run before anything executes.
func TestParseErrorsRunNothing(t *testing.T) {
	var out bytes.Buffer
	_, s, err := RunScript("bad.scn", []byte("spawn a\nspwan b\n"), RunOptions{}, &out)
	require.Error(t, err)
	require.Nil(t, s)
	require.Empty(t, out.String())
	require.True(t, strings.HasPrefix(err.Error(), "bad.scn:2:1: unknown verb"), err.Error())
}

// A failed child start is its supervisor's report and names the child by
// its id, also when no process started (a registered name taken).
func TestStartErrorNamesTheChildItsSupervisorReports(t *testing.T) {
	src := "sup top {\n  worker w register=db\n}\nunregister db\nspawn squatter\nregister db squatter\nw: exit boom\n"
	var out bytes.Buffer
	_, _, err := RunScript("t.scn", []byte(src), RunOptions{Verbose: true}, &out)
	require.NoError(t, err)
	require.Contains(t, out.String(), "top        start_error: w failed to start with {already_started,")
	require.NotContains(t, out.String(), "<shell> failed to start")
}

// `logs on` adds OTP's logger reports to a command's output; the layout is
// checked against OTP 25 itself in scenarios/otp (go test ./scenarios
// -update rewrites the golden file; review the diff).
func TestLogsGolden(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "logs.scn"))
	require.NoError(t, err)
	var out bytes.Buffer
	_, _, err = RunScript("logs.scn", src, RunOptions{Verbose: true}, &out)
	require.NoError(t, err)
	golden.RequireEqual(t, out.Bytes())
}
