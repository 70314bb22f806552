package sim

// schedule queues e for e.at, which is never in the past.
func (w *World) schedule(e event) {
	if e.at <= w.now {
		e.at = w.now
		w.q.pushNow(e)
		return
	}
	w.q.pushFuture(e)
}

// stale reports whether a queued event will do nothing when it comes up: a
// timer already cancelled, or a tick of a chaos setting since replaced.
func (w *World) stale(e *event) bool {
	switch e.kind {
	case evTimer:
		return w.timers[e.aux].state != timerActive
	case evChaos:
		return e.aux != w.chaos.gen
	case evSupTimer:
		s := w.supOf(e.to)
		return !w.proc(e.to).alive() || s.wait == nil || s.wait.token != e.aux || !s.wait.timed
	case evSupDelay:
		return !w.proc(e.to).alive()
	case evInitDone:
		return !w.proc(e.to).alive() || !w.extOf(w.proc(e.to)).wk.initing
	case evWorkerExit:
		return !w.proc(e.to).alive()
	case evHealth:
		return w.healthStale(e)
	case evSupRetry:
		return !w.proc(e.to).alive()
	case evCallTimer:
		return w.callStale(e)
	case evServed:
		return w.serveStale(e)
	}
	return false
}

// next pops the next live event due no later than limit, moving the clock to
// it. Stale events are discarded without moving the clock. When the clock
// moves, the earliest event runs at once and the others due at the same
// instant wait in the FIFO behind it, in seq order.
func (w *World) next(limit Time) (event, bool) {
	if w.stopRequested() || w.TraceFull() {
		return event{}, false
	}
	for {
		if e, ok := w.popNow(); ok {
			if w.stale(&e) {
				continue
			}
			return e, true
		}
		t, ok := w.q.nextFuture()
		if !ok || t > limit {
			return event{}, false
		}
		e := w.q.popFuture()
		if w.stale(&e) {
			continue
		}
		w.now = t
		w.q.promote(t)
		return e, true
	}
}

func (w *World) exec(e event) {
	switch e.kind {
	case evSignal:
		w.deliverSignal(e)
	case evMessage:
		w.deliverMessage(e)
	case evDown:
		w.deliverDown(e)
	case evTimer:
		w.fireTimer(e)
	case evChaos:
		w.chaosTick(e)
	case evSupTimer:
		w.supTimeout(e)
	case evSupDelay:
		w.delayOver(e)
	case evInitDone:
		w.initDone(e)
	case evWorkerExit:
		w.die(e.to, e.term, e.cause)
	case evHealth:
		w.healthEvent(e)
	case evSupRetry:
		w.retryTurn(e)
	case evCallTimer:
		w.callTimedOut(e)
	case evServed:
		w.serveDone(e)
	case evReply:
		w.callReplied(e)
	}
}

// Pending is the number of queued events that will still do something. It
// looks at every queued event: it is meant for prompts and views, not for
// loops over a million events.
func (w *World) Pending() int {
	n := 0
	w.q.each(func(e *event) {
		if !w.stale(e) {
			n++
		}
	})
	return n
}

// NextAt is when the next event is due; ok is false when nothing is pending.
func (w *World) NextAt() (Time, bool) {
	if w.q.now.len() > 0 {
		return w.now, true
	}
	for e := w.q.peekFuture(); e != nil && w.stale(e); e = w.q.peekFuture() {
		w.q.popFuture()
	}
	return w.q.nextFuture()
}

// RunInstant runs every event due at the current instant, including those
// they cause, and returns how many ran. Signals take no virtual time, so a
// whole cascade runs here. It stops after MaxRunEvents (the world's
// Options.MaxEvents), or when the trace is full, so that no instant can run
// forever (a restart storm retrying a failing start): bounded then reports
// that events of this instant are still pending.
func (w *World) RunInstant() (n int, bounded bool) {
	n = w.runUntil(w.now, w.maxEvents)
	return n, w.atBound(n) && !w.interrupted && w.q.now.len() > 0
}

// Step runs the next n events (at most MaxRunEvents, or the world's
// Options.MaxEvents), moving the clock forward to them as needed, and
// returns how many ran (fewer when the queue empties, holds only events due
// after MaxTime, or the trace is full).
func (w *World) Step(n int) int { return w.runUntil(MaxTime, min(n, w.maxEvents)) }

// Advance runs every event due within d from now and leaves the clock at
// now+d, or at MaxTime if that comes first. A negative d counts as zero: the
// clock never goes back. When more than MaxRunEvents events (the world's
// Options.MaxEvents) are due, or the trace fills, it stops there, bounded
// is true, and the clock stays at the last event run; so it does when
// interrupted (see SetInterrupt).
func (w *World) Advance(d Time) (n int, bounded bool) {
	end := w.after(d)
	n = w.runUntil(end, w.maxEvents)
	if w.interrupted {
		return n, false
	}
	if w.atBound(n) {
		if next, ok := w.NextAt(); ok && next <= end {
			return n, true
		}
	}
	w.now = end
	return n, false
}

// Safety bounds: Run, Advance and Step stop after MaxRunEvents events (or
// fewer: Options.MaxEvents), and Run after MaxRunSpan of virtual time, so a world that never quiets down
// (periodic timers, chaos) cannot hang its caller.
const (
	MaxRunEvents = 10_000_000
	MaxRunSpan   = 24 * 3600 * Second
)

// Run runs until nothing is pending, or for at most d of virtual time when
// d > 0 (the clock then ends at now+d, or at MaxTime if that comes first,
// unless interrupted: see SetInterrupt). bounded reports that it stopped at
// a safety bound, or at MaxTime, with events still pending.
func (w *World) Run(d Time) (n int, bounded bool) {
	span := MaxRunSpan
	if d > 0 {
		span = d
	}
	end := w.after(span)
	n = w.runUntil(end, w.maxEvents)
	if w.interrupted {
		return n, false
	}
	_, more := w.NextAt()
	if d > 0 && !w.atBound(n) {
		w.now = end
		return n, false
	}
	return n, more
}

// after is the instant d from now, never before now nor past MaxTime.
func (w *World) after(d Time) Time { return w.now + min(max(d, 0), MaxTime-w.now) }

// runUntil runs events due no later than limit, at most max of them when
// max ≥ 0.
func (w *World) runUntil(limit Time, max int) int {
	n := 0
	for max < 0 || n < max {
		e, ok := w.next(limit)
		if !ok {
			break
		}
		w.exec(e)
		n++
	}
	return n
}
