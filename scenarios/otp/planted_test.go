package otp

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/sim"
)

// plantedFaults pairs each fault the simulator can be made to follow with a
// scenario whose expectations are OTP's rule, and the line of the
// expectation the fault breaks.
var plantedFaults = []struct {
	name  string
	fault sim.Fault
	src   string
	line  int
}{
	{name: "one_for_all restarts every child", fault: sim.FaultOneForAllRestartsOnlyFailed, line: 7, src: `sup app strategy=one_for_all {
  worker a
  worker b
  worker c
}
b: crash boom
expect restarts a 1
expect restarts c 1
`},
	{name: "exit(P, kill) kills a trapping P with killed", fault: sim.FaultKillTrappable, line: 3, src: `spawn a trap_exit
kill a
expect dead a reason=killed
`},
	{name: "restarts count within Period seconds", fault: sim.FaultIntensityWindowLonger, line: 7, src: `sup app intensity=1 period=1 {
  worker a
}
advance 500ms
a: crash boom
advance 2s
a: crash boom
expect alive app
expect restarts a 2
`},
	{name: "a dying process signals its links before its monitors", fault: sim.FaultMonitorsBeforeLinks, line: 5, src: `spawn boss trap_exit
boss: spawn_link w
boss: monitor w
w: exit boom
expect mailbox boss [{'EXIT', <w>, boom}, {'DOWN', #Ref<1>, process, <w>, boom}]
`},
	{name: "a normal exit leaves a non-trapping linked process alone", fault: sim.FaultNormalExitKillsLinked, line: 4, src: `spawn a
a: spawn_link b
b: exit normal
expect alive a
`},
	{name: "a supervisor stops its children in reverse start order", fault: sim.FaultStopInStartOrder, line: 8, src: `sup app {
  worker a
  worker b
  worker c
}
mark
stop app
expect exit_order c b a app
`},
	{name: "a failed call ends a trapping caller", fault: sim.FaultTrapSavesCaller, line: 5, src: `spawn srv
spawn c trap_exit
c: call srv timeout=200ms
advance 300ms
expect dead c reason={timeout,{gen_server,call,[<srv>,ping,200]}}
`},
	{name: "a worker serves the request of a dead caller", fault: sim.FaultSkipDeadCallers, line: 14, src: `sup s {
  worker db call_time=500ms
}
spawn x
spawn a
spawn b
x: call db
a: call db
advance 100ms
kill a
b: call db
advance 1100ms
b: send db early
expect error
advance 500ms
expect alive b
`},
}

// The oracle is independent of the simulator: with a wrong rule planted in
// the simulator, verify reports DIFFER on the expectation that rule breaks;
// without it, the same scenario agrees everywhere. A comparison that
// borrowed the simulator's rules would miss the fault, one that read OTP
// wrongly would fail the clean run.
func TestVerifyCatchesEachPlantedFault(t *testing.T) {
	rt := requireErlang(t)
	for _, tc := range plantedFaults {
		t.Run(tc.name, func(t *testing.T) {
			var clean strings.Builder
			rep, err := Verify(context.Background(), rt, "planted.scn", []byte(tc.src), Options{}, &clean)
			require.NoError(t, err)
			assert.Zero(t, rep.Differ, clean.String())
			assert.Zero(t, rep.FailBoth, clean.String())

			var faulty strings.Builder
			rep, err = Verify(context.Background(), rt, "planted.scn", []byte(tc.src), Options{Faults: tc.fault}, &faulty)
			require.NoError(t, err)
			at := "DIFFER planted.scn:" + strconv.Itoa(tc.line) + " "
			assert.Contains(t, faulty.String(), at, "the planted fault must show at line %d", tc.line)
			assert.Zero(t, rep.FailBoth, "a planted fault is a difference, not a wrong expectation:\n%s", faulty.String())
		})
	}
}
