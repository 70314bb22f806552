package sim

// worker is the gen_server state of a supervised worker.
type worker struct {
	init        InitResult // the init result of a start whose init takes time
	initing     bool       // inside a slow init/1
	terminating bool       // inside terminate/2
	pending     TermID     // a stop from its supervisor that came while it could not handle it
	serving     int32      // 1 + index in World.gcalls of the call it serves
}

// busy says what gen_server callback a worker is inside, if any: it then
// handles no request, so it performs no command.
func (wk *worker) busy() string {
	switch {
	case wk == nil:
		return ""
	case wk.initing:
		return "init/1"
	case wk.terminating:
		return "terminate/2"
	case wk.serving != 0:
		return "handle_call/3"
	}
	return ""
}

func (w *World) workerOf(p *proc) *worker {
	if e := w.extOf(p); e != nil {
		return e.wk
	}
	return nil
}

// workerStop is a trapping gen_server getting an exit signal from its
// parent: it runs terminate/2 for its terminate= time, then exits with the
// same reason. A hung worker runs nothing until it recovers, one inside a
// slow init/1 nothing until init returns, and one serving a call or
// waiting in its own nothing until that call ends: the EXIT waits in its
// mailbox (workerNext reads it in its turn), and only a kill can end the
// worker sooner.
func (w *World) workerStop(pid Pid, wk *worker, reason TermID, cause Seq) {
	if w.deferring(w.proc(pid), wk) {
		wk.pending = reason
		w.deliver(pid, Message{Kind: MsgExit, From: w.proc(pid).parent, Term: reason})
		return
	}
	wk.terminating = true
	s := w.record(Entry{Kind: KindTerminate, Pid: pid, Term: reason, Cause: cause})
	d := w.extOf(w.proc(pid)).child.spec.Terminate
	w.schedule(event{at: w.now + d, kind: evWorkerExit, to: pid, term: reason, cause: s})
}

// Hang makes actor stop answering: its gen_server code no longer runs (no
// terminate/2, no health check replies) until Recover. Signals still act on
// it as the runtime handles them.
func (w *World) Hang(actor Pid) error {
	if err := w.checkProcActor(actor, "hang"); err != nil {
		return err
	}
	w.proc(actor).flags |= flagHung
	w.record(Entry{Kind: KindHang, Pid: actor, Cause: w.cause})
	return nil
}

// Recover makes a hung process answer again; what queued meanwhile (call
// requests, a stop from its supervisor) now runs in arrival order.
func (w *World) Recover(actor Pid) error {
	if err := w.checkTarget(actor); err != nil {
		return err
	}
	p := w.proc(actor)
	if !p.alive() {
		return &Error{Reason: NoProc, Msg: w.Label(actor) + " is dead"}
	}
	p.flags &^= flagHung
	s := w.record(Entry{Kind: KindRecover, Pid: actor, Cause: w.cause})
	w.workerNext(actor, s)
	return nil
}

// Hung reports whether p is hung.
func (w *World) Hung(p Pid) bool { return w.Exists(p) && w.proc(p).flags&flagHung != 0 }

// Health check phases, in event.aux.
const (
	healthTick    uint32 = iota // time to check
	healthVerdict               // the check's timeout is over
)

// startHealth schedules the first health check of a child that asks for them.
func (w *World) startHealth(s *supervisor, c *child) {
	if h := c.def.spec.Health; h != nil {
		w.schedule(event{at: w.now + h.Interval, kind: evHealth, to: s.pid, from: c.pid, aux: healthTick, cause: w.cause})
	}
}

// healthEvent runs a health check: a hung child that is still hung when
// the check times out fails it; Threshold failures in a row end the child
// with reason unhealthy, and its supervisor handles the exit as any other.
func (w *World) healthEvent(e event) {
	s := w.supOf(e.to)
	c := w.childByPid(s, e.from)
	h := c.def.spec.Health
	hung := w.proc(c.pid).flags&flagHung != 0
	switch {
	case e.aux == healthTick && hung:
		w.schedule(event{at: w.now + h.Timeout, kind: evHealth, to: e.to, from: e.from, aux: healthVerdict, cause: e.cause})
		return
	case e.aux == healthTick:
		c.misses = 0
	case !hung:
		c.misses = 0
	default:
		c.misses++
		seq := w.record(Entry{Kind: KindHealthCheck, Pid: s.pid, Other: c.pid, Term: w.intern(Int(c.misses)), Cause: e.cause})
		if c.misses >= h.Threshold {
			u := w.record(Entry{Kind: KindUnhealthy, Pid: s.pid, Other: c.pid, Cause: seq})
			w.die(c.pid, w.intern(Atom("unhealthy")), u)
			return
		}
	}
	at := w.now + h.Interval
	if e.aux == healthVerdict {
		at = w.now + h.Interval - h.Timeout
	}
	w.schedule(event{at: at, kind: evHealth, to: e.to, from: e.from, aux: healthTick, cause: e.cause})
}

// healthStale reports whether a health check event concerns a child that
// is no longer the one running.
func (w *World) healthStale(e *event) bool {
	s := w.supOf(e.to)
	return s == nil || !w.proc(e.to).alive() || w.childByPid(s, e.from) == nil || !w.proc(e.from).alive()
}
