package sim

// SetInterrupt installs stop, which the world asks before each event it
// takes from the queue while it runs (RunInstant, Step, Advance, Run, and
// the synchronous supervisor calls). Once stop returns true the run ends
// before that event: the world is as the last event left it, the clock at
// that event (Advance and Run do not move it on), and Interrupted reports
// true. This is how a front end stops a long command on Ctrl-C: stop is
// typically an atomic flag its signal handler sets, so the kernel itself
// stays single-threaded, and a run that is not interrupted is unchanged,
// event for event. SetInterrupt clears Interrupted; nil removes the check.
func (w *World) SetInterrupt(stop func() bool) {
	w.interrupt = stop
	w.interrupted = false
}

// Interrupted reports whether a run stopped at the interrupt since the last
// SetInterrupt.
func (w *World) Interrupted() bool { return w.interrupted }

// stopRequested asks the interrupt, and remembers a yes.
func (w *World) stopRequested() bool {
	if !w.interrupted && w.interrupt != nil && w.interrupt() {
		w.interrupted = true
	}
	return w.interrupted
}

// gaveUp is the error of a synchronous call that stopped waiting, msg
// saying what it found: it was interrupted, or hit a safety bound.
func (w *World) gaveUp(msg string) error {
	if w.interrupted {
		return refuse("interrupted: " + msg)
	}
	return refuse(msg + " (gave up waiting at a safety bound)")
}
