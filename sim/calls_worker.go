package sim

// A supervised worker serves call requests one at a time, in arrival
// order, each taking its CallTime, and replies ok. A request whose caller
// died meanwhile is still served and still costs its time. A worker that
// is hung, inside init/1 or terminate/2, serving a call, or waiting in a
// call of its own serves nothing: requests queue in its mailbox, and so
// does a stop from its supervisor (a trapped EXIT from its parent), which
// it handles in its turn, after the requests that came before it.

// deferring reports whether a worker handles nothing for now. A stop
// from its supervisor then waits in its queue.
func (w *World) deferring(p *proc, wk *worker) bool {
	return p.flags&flagHung != 0 || wk.initing || wk.serving != 0 || w.inCall(p)
}

// workerNext lets a worker that is free handle the oldest request it has
// not: a call it serves, or a stop from its supervisor that it runs
// terminate/2 for.
func (w *World) workerNext(pid Pid, cause Seq) {
	p := w.proc(pid)
	wk := w.workerOf(p)
	if wk == nil || !p.alive() || wk.busy() != "" || w.deferring(p, wk) {
		return
	}
	m, ok := w.takeMessage(pid, func(m Message) bool {
		return m.Kind == MsgReq && !w.skipped(m) || wk.pending != 0 && m.Kind == MsgExit && m.From == p.parent && m.Term == wk.pending
	})
	switch {
	case !ok:
	case m.Kind == MsgExit:
		wk.pending = 0
		w.workerStop(pid, wk, m.Term, cause)
	default:
		w.serve(pid, wk, m, cause)
	}
}

// skipped reports whether the planted FaultSkipDeadCallers makes a
// worker pass over request m.
func (w *World) skipped(m Message) bool {
	c := w.gcalls[m.Aux].caller
	return w.faulty(FaultSkipDeadCallers) && c != Shell && !w.proc(c).alive()
}

// serve runs handle_call/3 for a request: it takes the worker's CallTime,
// then the reply goes out.
func (w *World) serve(pid Pid, wk *worker, m Message, cause Seq) {
	wk.serving = m.Aux + 1
	c := &w.gcalls[m.Aux]
	s := w.record(Entry{Kind: KindServe, Pid: pid, Other: c.caller, Term: c.req, Cause: cause})
	d := w.extOf(w.proc(pid)).child.spec.CallTime
	w.schedule(event{at: w.now + d, kind: evServed, to: pid, aux: uint32(m.Aux), cause: s})
}

// serveDone is handle_call/3 returning {reply, ok, State}: the reply goes
// to the caller, dead or alive, and the worker takes its next request.
func (w *World) serveDone(e event) {
	wk := w.workerOf(w.proc(e.to))
	wk.serving = 0
	c := &w.gcalls[e.aux]
	ok := w.intern(atomOK)
	s := w.record(Entry{Kind: KindReply, Pid: e.to, Other: c.caller, Term: ok, Cause: e.cause})
	w.q.pushNow(event{kind: evReply, to: c.caller, from: e.to, term: ok, aux: e.aux, cause: s})
	w.workerNext(e.to, s)
}

// serveStale reports whether a worker died before its handle_call/3
// returned.
func (w *World) serveStale(e *event) bool {
	p := w.proc(e.to)
	return !p.alive() || w.workerOf(p).serving != int32(e.aux)+1
}

// supUnknownCall is a supervisor getting a call it has no clause for:
// supervisor:handle_call/3 fails with function_clause, and gen_server
// terminates it as any crash, its children stopped first.
func (w *World) supUnknownCall(s *supervisor) {
	w.supStop(s, w.intern(ErrorReason(Atom("function_clause"))))
}
