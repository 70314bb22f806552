package scenarios

import (
	"bytes"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/stretchr/testify/require"
)

// callsScript shows every step of a call in the event lines: the request,
// handle_call, the reply, its return, a dropped late reply, a timeout, a
// server's death, calling oneself, a name nobody holds, and a supervisor
// that has no clause.
const callsScript = `sup s {
  worker db call_time=300ms register=db
}
spawn c
c: call db {get,1}
info c
call @db timeout=100ms
expect error {timeout,_}
mailbox db
advance 1s
spawn d
d: call db
kill db
why d

spawn e
e: call e timeout=50
spawn f
f: call @nosuch
call s
expect error {{function_clause,_},_}
`

// The event lines and the JSON trace of calls are golden files (go test
// ./scenarios -update rewrites them; review the diff).
func TestCallsGolden(t *testing.T) {
	var out, trace bytes.Buffer
	_, _, err := RunScript("calls.scn", []byte(callsScript), RunOptions{Verbose: true, Trace: &trace}, &out)
	require.NoError(t, err)
	t.Run("transcript", func(t *testing.T) { golden.RequireEqual(t, out.Bytes()) })
	t.Run("trace", func(t *testing.T) { golden.RequireEqual(t, trace.Bytes()) })
}
