package scenarios

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestDownLineNamesWhatTheMonitorWasTakenOn: the event line of a DOWN
// names what the message names: {Name,nonode@nohost} for a monitor taken
// by registered name (fact B13), the pid otherwise.
func TestDownLineNamesWhatTheMonitorWasTakenOn(t *testing.T) {
	var b bytes.Buffer
	_, _, err := RunScript("t.scn", []byte(`spawn a
spawn db
register db db
a: monitor @nosuch
a: monitor @db
a: monitor db
kill db
`), RunOptions{Verbose: true}, &b)
	require.NoError(t, err)
	out := b.String()
	assert.Contains(t, out, "a          gets {'DOWN',#Ref<1>,process,{nosuch,nonode@nohost},noproc}")
	assert.Contains(t, out, "a          gets {'DOWN',#Ref<2>,process,{db,nonode@nohost},killed}")
	assert.Contains(t, out, "a          gets {'DOWN',#Ref<3>,process,<db>,killed}")
}
