package sim

// Cast kinds, in Message.Aux of a MsgCast a supervisor sends itself.
const (
	castTryAgain     int32 = iota // {try_again_restart, Id}: retry a failed restart
	castRestartAfter              // {restart_after, Id}: a backoff delay is over
)

// childExited is do_restart/3 (fact E25): a permanent child is always
// restarted, a transient one unless it exited normal, shutdown or
// {shutdown,_}, a temporary one never. A child_terminated report is logged
// for every exit of a permanent child and every failure of the others. An
// exit that leads to no restart may shut the supervisor down through
// auto_shutdown (fact E30).
func (w *World) childExited(s *supervisor, c *child, reason TermID) {
	old := c.pid
	c.pid = 0
	failure := !w.normalish(reason)
	if c.restart() == Permanent || failure {
		w.record(Entry{Kind: KindChildTerminated, Pid: s.pid, Other: old, Term: reason, Cause: w.cause})
	}
	if c.restart() == Permanent || c.restart() == Transient && failure {
		w.supRestart(s, c, old)
		return
	}
	w.dropChild(s, c)
	w.autoShutdown(s, c, old)
}

// dropChild is del_child/2: a temporary child, or any child of a
// simple_one_for_one supervisor, is forgotten; others stay with no pid.
func (w *World) dropChild(s *supervisor, c *child) {
	c.pid = 0
	if c.restart() == Temporary || s.simple() {
		s.remove(c)
	}
}

// autoShutdown is do_auto_shutdown/2: a significant child that is not
// restarted takes the supervisor down, at once for any_significant, when no
// other significant child runs for all_significant.
func (w *World) autoShutdown(s *supervisor, c *child, old Pid) {
	f := s.def.flags.AutoShutdown
	if f == Never || !c.def.spec.Significant {
		return
	}
	if f == AllSignificant {
		for _, x := range s.children {
			if x.pid != 0 && x.def.spec.Significant {
				return
			}
		}
	}
	w.record(Entry{Kind: KindAutoShutdown, Pid: s.pid, Other: old, Term: tShutdown, Cause: w.cause})
	w.supStop(s, tShutdown)
}

// addRestart is add_restart/1 (fact E22): restart stamps are whole seconds
// of virtual time; stamps with Stamp >= Now - Period count, this one
// included, and more than Intensity of them shut the supervisor down. Old
// stamps leave from the front, so each restart costs O(1) amortised.
func (w *World) addRestart(s *supervisor) bool {
	now := int64(w.now / Second)
	s.stamps = append(s.stamps, now)
	k := 0
	period := int64(s.def.flags.Period)
	if w.faulty(FaultIntensityWindowLonger) {
		period++
	}
	for k < len(s.stamps) && s.stamps[k] < now-period {
		k++
	}
	s.stamps = s.stamps[k:]
	if len(s.stamps) > s.def.flags.Intensity {
		s.stamps = s.stamps[:len(s.stamps)-1] // refused: no restart happened
		return false
	}
	return true
}

// supRestart is restart/2: count the restart, then restart the child's set
// by the strategy, or, past the maximum intensity, report it and shut down
// (fact E21). old is the pid the child had, for the trace.
func (w *World) supRestart(s *supervisor, c *child, old Pid) {
	if !w.addRestart(s) {
		s.gaveUp = w.record(Entry{Kind: KindSupervisorShutdown, Pid: s.pid, Other: old, Term: w.intern(Atom("reached_max_restart_intensity")), Cause: w.cause})
		w.dropChild(s, c)
		w.supStop(s, tShutdown)
		return
	}
	w.record(Entry{Kind: KindRestart, Pid: s.pid, Other: old, Term: w.idTerm(c.def), Cause: w.cause})
	c.restarting = true
	set := w.restartSet(s, c)
	for i := len(set) - 1; i >= 0; i-- {
		if x := set[i]; x != c && x.pid != 0 {
			s.then(stopOne(x, forgetTemp, -1))
		}
	}
	if d, ok := w.backoffDelay(s, c); ok {
		s.then(step{kind: doDelay, keys: []int32{c.key}, d: d})
		return
	}
	s.then(step{kind: doRestart, keys: []int32{c.key}})
}

// restartSet is the children a restart of c starts again, in start order:
// c alone, c and those started after it, or all (facts E23, E24).
func (w *World) restartSet(s *supervisor, c *child) []*child {
	strategy := s.def.flags.Strategy
	if strategy == OneForAll && w.faulty(FaultOneForAllRestartsOnlyFailed) {
		strategy = OneForOne
	}
	switch strategy {
	case OneForAll:
		return append([]*child(nil), s.children...)
	case RestForOne:
		for i, x := range s.children {
			if x == c {
				return append([]*child(nil), s.children[i:]...)
			}
		}
	}
	return []*child{c}
}

// restartChildren starts again, in order, the children of c's restart set that
// have no process.
func (w *World) restartChildren(s *supervisor, key int32) {
	c := s.byKey(key)
	if c == nil {
		return
	}
	var keys []int32
	for _, x := range w.restartSet(s, c) {
		if x.pid == 0 {
			keys = append(keys, x.key)
		}
	}
	s.first(step{kind: doStart, keys: keys, finish: finishRestart})
}

// supCast handles the casts a supervisor sends itself; they act only on a
// child still waiting to be restarted.
func (w *World) supCast(s *supervisor, m Message) {
	id := string(w.terms[m.Term].(Tuple)[1].(Atom))
	c := w.castChild(s, id)
	if c == nil || !c.restarting {
		return
	}
	if m.Aux == castTryAgain {
		w.supRestart(s, c, w.names[id])
		return
	}
	s.then(step{kind: doRestart, keys: []int32{c.key}})
}

// castChild finds the child id a cast names. Its latest incarnation, the
// process the name denotes, knows its key, so a supervisor of many
// children retrying one finds it without a scan; when the name has since
// gone to a process that is not s's child, a scan finds it.
func (w *World) castChild(s *supervisor, id string) *child {
	if p, ok := w.names[id]; ok && w.proc(p).parent == s.pid {
		if e := w.extOf(w.proc(p)); e != nil && e.child != nil {
			if c := s.byKey(e.childKey); c != nil && c.id() == id {
				return c
			}
		}
	}
	return s.childByID(id)
}

// castRetry is gen_server:cast(self(), {try_again_restart, Id}) after a
// failed restart: the cast joins the mailbox at once, but the supervisor
// takes its next message only in an event of its own, after what was
// already due at this instant. So every retry is one event, and a storm of
// retries inside one instant meets MaxRunEvents like any other work.
func (w *World) castRetry(s *supervisor, c *child) {
	if c.def.retryTerm == 0 {
		c.def.retryTerm = w.intern(Tuple{Atom("try_again_restart"), Atom(c.id())})
	}
	e := w.extra(w.proc(s.pid))
	e.mailbox = append(e.mailbox, Message{Kind: MsgCast, From: s.pid, Term: c.def.retryTerm, Aux: castTryAgain})
	if !s.retrying {
		s.retrying = true
		w.q.pushNow(event{kind: evSupRetry, to: s.pid, cause: w.cause})
	}
}

// retryTurn lets a supervisor that cast itself a retry take its messages
// again.
func (w *World) retryTurn(e event) {
	s := w.supOf(e.to)
	s.retrying = false
	saved := w.cause
	w.cause = e.cause
	w.supRun(s)
	w.cause = saved
}

func (w *World) castSelf(s *supervisor, kind int32, tag, id string) {
	w.deliver(s.pid, Message{Kind: MsgCast, From: s.pid, Term: w.intern(Tuple{Atom(tag), Atom(id)}), Aux: kind})
}

// backoffDelay is the backoff extension: the delay before restarting c, if
// the child or its supervisor asks for one.
func (w *World) backoffDelay(s *supervisor, c *child) (Time, bool) {
	b := c.def.spec.Backoff
	if b == nil {
		b = s.def.flags.Backoff
	}
	if b == nil {
		return 0, false
	}
	if c.delay == 0 || w.now-c.startedAt >= b.Max {
		c.delay = b.Min
	}
	d := c.delay
	c.delay = min(2*c.delay, b.Max)
	return d, true
}

// delayRestart waits out a backoff delay without blocking the supervisor:
// a timer sends it {restart_after, Id}.
func (w *World) delayRestart(s *supervisor, key int32, d Time) {
	c := s.byKey(key)
	if c == nil {
		return
	}
	seq := w.record(Entry{Kind: KindBackoff, Pid: s.pid, Term: w.intern(Tuple{Atom(c.id()), Int(d / Millisecond)}), Cause: w.cause})
	w.schedule(event{at: w.now + d, kind: evSupDelay, to: s.pid, term: w.intern(Atom(c.id())), cause: seq})
}

// delayOver delivers {restart_after, Id} when a backoff delay ends.
func (w *World) delayOver(e event) {
	saved := w.cause
	w.cause = e.cause
	w.castSelf(w.supOf(e.to), castRestartAfter, "restart_after", string(w.terms[e.term].(Atom)))
	w.cause = saved
}
