package scenarios

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/sim"
)

// lenRecorder keeps what is written and, at each write, how long the
// session's trace was.
type lenRecorder struct {
	bytes.Buffer
	s    *Session
	lens []int
}

func (r *lenRecorder) Write(p []byte) (int, error) {
	r.lens = append(r.lens, r.s.World().TraceLen())
	return r.Buffer.Write(p)
}

// The trace is written while a long command runs, not only after it, and
// what is written is the trace WriteJSONL writes at the end.
func TestTraceStreamsDuringACommand(t *testing.T) {
	src := "sup s intensity=5000 period=1 { worker w init=ok,crash:bad }\nw: crash boom\n"
	cmds, err := Parse("t.scn", []byte(src))
	require.NoError(t, err)
	s := NewSession(1)
	rec := &lenRecorder{s: s}
	stream := newTraceStream(rec)
	s.SetInterrupt(stream.between(s))
	for _, c := range cmds {
		s.Exec(c)
		stream.write(s.World())
	}
	require.NoError(t, stream.err)
	total := s.World().TraceLen()
	require.Greater(t, total, 4*streamEvery, "the storm runs many events in one command")
	require.Less(t, rec.lens[len(rec.lens)/2], total, "half the writes came before the command ended")

	var whole bytes.Buffer
	require.NoError(t, WriteJSONL(&whole, s.World(), 1, sim.Seq(total)))
	require.Equal(t, whole.String(), rec.String())
}
