package scenarios

import (
	"bufio"
	"encoding/json"
	"io"

	"github.com/crashcourse/crashcourse/sim"
)

// streamEvery is how many events a command runs between two writes of its
// trace: often enough that a run killed in a long command leaves nearly
// all of it, rarely enough that writing costs nothing next to the events.
const streamEvery = 4096

// traceStream writes a session's trace as JSON Lines while it runs: after
// every command, and every streamEvery events inside one. An entry never
// changes once the event that recorded it is over, so what is written
// between events is final; a run that is killed leaves the trace so far.
type traceStream struct {
	bw      *bufio.Writer
	enc     *json.Encoder
	next    sim.Seq // the first entry of the current world not written yet
	pending int     // events run since the last write
	err     error   // the first write error; nothing is written after it
}

func newTraceStream(out io.Writer) *traceStream {
	bw := bufio.NewWriter(out)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	return &traceStream{bw: bw, enc: enc, next: 1}
}

// between is the session's hook before each event (Session.SetInterrupt):
// it writes what the events so far recorded, and never stops the run.
func (t *traceStream) between(s *Session) func() bool {
	return func() bool {
		if t.pending++; t.pending >= streamEvery {
			t.write(s.World())
		}
		return false
	}
}

// write writes the entries of w not written yet and flushes them.
func (t *traceStream) write(w *sim.World) { t.writeTo(w, sim.Seq(w.TraceLen())) }

// writeTo writes the entries of w not written yet up to seq to, and
// flushes them.
func (t *traceStream) writeTo(w *sim.World, to sim.Seq) {
	t.pending = 0
	for ; t.err == nil && t.next <= to; t.next++ {
		t.err = t.enc.Encode(toJSON(w, t.next))
	}
	if t.err == nil {
		t.err = t.bw.Flush()
	}
}

// restart writes what is left of w's trace: the next world's trace, after
// a `reset`, follows from seq 1.
func (t *traceStream) restart(w *sim.World) {
	t.write(w)
	t.next = 1
}
