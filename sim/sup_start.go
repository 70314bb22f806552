package sim

// startResult is what do_start_child returned: a pid, ignore (pid 0, no
// error) or {error, err}.
type startResult struct {
	pid Pid
	err TermID
}

// Ack kinds, in Message.Aux of a MsgAck.
const (
	ackOK int32 = iota
	ackIgnore
	ackError
)

// nextInit consumes the init result of the next start: the list is used in
// order and its last entry repeats.
func (d *childDef) nextInit() InitResult {
	inits := d.spec.Init
	if len(inits) == 0 {
		return InitResult{Kind: InitOK}
	}
	i := min(d.inits, len(inits)-1)
	d.inits++
	return inits[i]
}

// startNext starts the first child of a doStart (do_start_child): the
// result comes at once, or, when the child's init takes time, once it acks
// or dies; the supervisor is blocked until then.
func (w *World) startNext(s *supervisor, st step) {
	if len(st.keys) == 0 {
		w.startsDone(s, st)
		return
	}
	c := s.byKey(st.keys[0])
	if c == nil {
		s.first(step{kind: doStart, keys: st.keys[1:], finish: st.finish, call: st.call})
		return
	}
	if r, done := w.spawnChild(s, c); done {
		w.startResulted(s, st, r)
		return
	}
	s.wait = &wait{kind: waitAck, start: st, pid: c.pid}
}

// spawnChild spawns c linked to its supervisor. done is false when the
// result will come as an ack. An older incarnation of c that is still
// alive (on its way out, or in terminate/2) is no obstacle: the new one
// becomes the latest and the old one dies on its own. Only a registered
// name that is taken fails the start, and then no process starts at all
// (gen:start checks the name first), so c's latest incarnation stays the
// one that ended.
func (w *World) spawnChild(s *supervisor, c *child) (startResult, bool) {
	spec := &c.def.spec
	if holder, ok := w.registry[spec.Register]; ok && spec.Register != "" {
		return startResult{err: w.intern(Tuple{Atom("already_started"), holder})}, true
	}
	if w.full() {
		return startResult{err: w.intern(spawnLimitError)}, true
	}
	pid, _ := w.spawn(s.pid, SpawnOpts{Name: spec.ID, Link: true, TrapExit: spec.TrapExit && spec.Sup == nil, behaviour: spec.Sup != nil})
	c.pid = pid
	ext := w.extra(w.proc(pid))
	ext.child, ext.childKey = c.def, c.key
	if spec.Sup != nil {
		if bad := checkSpec(spec.Sup); bad != nil {
			// Its init stops: start_link returns {error, Bad}.
			r := w.intern(bad)
			w.die(pid, r, w.cause)
			return startResult{err: r}, true
		}
		w.supInit(w.newSupervisor(pid, s.pid, c.def.sup))
		return startResult{}, false
	}
	wk := &worker{}
	w.extra(w.proc(pid)).wk = wk
	w.registerChild(pid, spec.Register)
	ir := c.def.nextInit()
	if spec.InitTime > 0 {
		wk.init, wk.initing = ir, true
		w.schedule(event{at: w.now + spec.InitTime, kind: evInitDone, to: pid, cause: w.cause})
		return startResult{}, false
	}
	return w.finishInit(pid, ir), true
}

// registerChild registers a starting child as {local, Name} before its
// init runs, as gen:start does; spawnChild has checked that the name is free.
func (w *World) registerChild(pid Pid, name string) {
	if name == "" {
		return
	}
	w.registry[name] = pid
	w.extra(w.proc(pid)).regName = name
	w.record(Entry{Kind: KindRegister, Pid: pid, Other: pid, Term: w.intern(Atom(name)), Cause: w.cause})
}

// finishInit applies the result of a worker's init/1.
func (w *World) finishInit(pid Pid, ir InitResult) startResult {
	switch ir.Kind {
	case InitIgnore:
		w.die(pid, tNormal, w.cause)
		return startResult{}
	case InitError:
		r := w.intern(ir.Reason)
		w.die(pid, r, w.cause)
		return startResult{err: r}
	case InitCrash:
		r := w.intern(ErrorReason(ir.Reason))
		w.die(pid, r, w.cause)
		return startResult{err: r}
	}
	return startResult{pid: pid}
}

// initDone ends a worker's slow init and acks its supervisor; the ack goes
// before the exit of a failed init, as proc_lib:init_ack does. A stop from
// its supervisor that came during init runs once init has succeeded.
func (w *World) initDone(e event) {
	wk := w.extOf(w.proc(e.to)).wk
	wk.initing = false
	saved := w.cause
	w.cause = e.cause
	r := w.finishInit(e.to, wk.init)
	w.sendAck(w.proc(e.to).parent, e.to, r)
	if r.pid != 0 {
		w.workerNext(e.to, e.cause)
	}
	w.cause = saved
}

// sendAck delivers a start's result to whoever started the process: a
// supervisor's mailbox, or the shell waiting in StartSupervisor.
func (w *World) sendAck(to, from Pid, r startResult) {
	if to == Shell {
		w.shellAcks[from] = r
		return
	}
	kind := ackOK
	switch {
	case r.err != 0:
		kind = ackError
	case r.pid == 0:
		kind = ackIgnore
	}
	w.deliver(to, Message{Kind: MsgAck, From: from, Term: r.err, Aux: kind})
}

// resumeAck is proc_lib:sync_start_link's receive of {ack, Pid, Result} or
// {'EXIT', Pid, Reason} from the child being started.
func (w *World) resumeAck(s *supervisor) bool {
	wt := s.wait
	m, ok := w.takeMessage(s.pid, func(m Message) bool {
		return m.From == wt.pid && (m.Kind == MsgAck || m.Kind == MsgExit)
	})
	if !ok {
		return false
	}
	s.wait = nil
	r := startResult{err: m.Term}
	switch {
	case m.Kind == MsgAck && m.Aux == ackOK:
		r = startResult{pid: wt.pid}
	case m.Kind == MsgAck && m.Aux == ackIgnore:
		r = startResult{}
	}
	w.startResulted(s, wt.start, r)
	return true
}

// startResulted handles the result of starting the first child of st.
func (w *World) startResulted(s *supervisor, st step, r startResult) {
	c := s.byKey(st.keys[0])
	if st.finish == finishCall {
		w.callStarted(s, st.call, c, r)
		return
	}
	if r.err != 0 {
		w.record(Entry{Kind: KindStartError, Pid: s.pid, Other: c.pid, Term: r.err, Child: w.idTerm(c.def), Cause: w.cause})
		c.pid = 0
		c.startedAt = w.now // a failed start stayed up for no time: a backoff keeps growing
		w.startFailed(s, st.finish, c, r.err)
		return
	}
	w.started(s, c, r.pid)
	s.first(step{kind: doStart, keys: st.keys[1:], finish: st.finish, call: st.call})
}

// started records a successful start (or an ignore, pid 0) of c.
func (w *World) started(s *supervisor, c *child, pid Pid) {
	c.pid, c.restarting = pid, false
	if pid == 0 {
		if c.restart() == Temporary {
			s.remove(c)
		}
		return
	}
	c.def.starts++
	c.startedAt, c.misses = w.now, 0
	w.record(Entry{Kind: KindChildStarted, Pid: s.pid, Other: pid, Cause: w.cause})
	w.startHealth(s, c)
}

// startsDone ends a doStart whose children all started: init acks its parent.
func (w *World) startsDone(s *supervisor, st step) {
	if st.finish == finishInit {
		w.sendAck(s.parent, s.pid, startResult{pid: s.pid})
	}
}

// startFailed handles a child that failed to start. In init/1 the
// supervisor stops the children it started, last first, acks the failure
// and exits with {shutdown,{failed_to_start_child,Id,Reason}}; in a
// restart it marks the child restarting and retries through a cast to
// itself, so other messages can come first; each retry counts as a restart
// (fact E28).
func (w *World) startFailed(s *supervisor, finish finishStart, c *child, err TermID) {
	if finish == finishRestart {
		c.restarting = true
		w.castRetry(s, c)
		return
	}
	reason := w.intern(Tuple{Shutdown, Tuple{Atom("failed_to_start_child"), Atom(c.id()), w.terms[err]}})
	for i := len(s.children) - 1; i >= 0; i-- {
		s.then(stopOne(s.children[i], keepEntry, -1))
	}
	s.then(step{kind: doExit, reason: reason, ack: true})
}

// newSupervisor makes pid a supervisor running def under parent.
func (w *World) newSupervisor(pid, parent Pid, def *supDef) *supervisor {
	w.unindex(pid)
	s := &supervisor{pid: pid, parent: parent, def: def}
	w.extra(w.proc(pid)).sup = s
	if !s.simple() {
		for _, d := range def.children {
			s.add(d)
		}
	}
	return s
}

// supInit is the supervisor's init/1: start the children in order (fact
// E28 for failures).
func (w *World) supInit(s *supervisor) {
	s.then(step{kind: doStart, keys: keysOf(s.children), finish: finishInit})
	w.supRun(s)
}
