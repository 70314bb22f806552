package sim

import "slices"

// stopOne is the step that stops one child as shutdown/1 does.
func stopOne(c *child, after afterStop, call int32) step {
	return step{kind: doStop, keys: []int32{c.key}, after: after, call: call}
}

// stopChildren monitors each child, sends exit(Child, shutdown) (kill for
// brutal_kill) and waits for their DOWNs, killing them when their shutdown
// time runs out (fact E26). With several keys the children are stopped at
// once under one timer, as simple_one_for_one does.
func (w *World) stopChildren(s *supervisor, st step) {
	wt := &wait{kind: waitDown, stop: st}
	spec := ShutdownSpec{}
	for _, k := range st.keys {
		c := s.byKey(k)
		switch {
		case c == nil:
		case c.pid == 0:
			w.afterStopped(s, c, st)
		default:
			spec = c.def.spec.Shutdown
			mon := w.internalMonitor(s.pid, c.pid)
			wt.targets = append(wt.targets, target{key: k, pid: c.pid, mon: mon})
			reason := tShutdown
			if spec.BrutalKill {
				reason = tKill
			}
			w.sendExit(s.pid, c.pid, reason)
		}
	}
	if len(wt.targets) == 0 {
		return
	}
	if !spec.BrutalKill && !spec.Infinity {
		w.supTokens++
		wt.token, wt.timed = w.supTokens, true
		w.schedule(event{at: w.now + spec.Timeout, kind: evSupTimer, to: s.pid, aux: wt.token, cause: w.cause})
	}
	s.wait = wt
}

// afterStopped updates a child's entry once it is gone.
func (w *World) afterStopped(s *supervisor, c *child, st step) {
	switch st.after {
	case forgetTemp:
		if c.restart() == Temporary {
			s.remove(c)
		}
	case replyTerminate:
		c.restarting = false
		if c.restart() == Temporary || s.simple() {
			s.remove(c)
		}
		w.reply(s, st.call, atomOK)
	}
}

// checkShutdown reports a shutdown_error when a child ended with a reason
// its shutdown did not call for (shutdown/1 and do_terminate/2).
func (w *World) checkShutdown(s *supervisor, c *child, reason TermID) {
	spec := c.def.spec.Shutdown
	ok := spec.BrutalKill && reason == tKilled || !spec.BrutalKill && reason == tShutdown ||
		c.restart() != Permanent && w.normalish(reason)
	if !ok {
		w.record(Entry{Kind: KindShutdownError, Pid: s.pid, Other: c.pid, Term: reason, Cause: w.cause})
	}
	c.pid = 0
}

// supTimeout fires when children took longer than their shutdown time: the
// supervisor kills those left and goes on waiting for their DOWNs.
func (w *World) supTimeout(e event) {
	s := w.supOf(e.to)
	s.wait.timed = false
	seq := w.record(Entry{Kind: KindTimeout, Pid: s.pid, Other: s.wait.targets[0].pid, Cause: e.cause})
	saved := w.cause
	w.cause = seq
	for _, t := range s.wait.targets {
		w.sendExit(s.pid, t.pid, tKill)
	}
	w.cause = saved
}

// normalish reports the exit reasons that are no failure for a transient
// child: normal, shutdown and {shutdown, _}.
func (w *World) normalish(reason TermID) bool {
	if reason == tNormal || reason == tShutdown {
		return true
	}
	t, ok := w.terms[reason].(Tuple)
	return ok && len(t) == 2 && t[0] == Shutdown
}

// internalMonitor is a supervisor's own monitor: it takes no ref number.
func (w *World) internalMonitor(watcher, target Pid) int32 {
	i := int32(len(w.mons))
	w.mons = append(w.mons, monitor{watcher: watcher, target: target})
	in := w.extra(w.proc(target))
	in.monsIn = append(in.monsIn, i)
	out := w.extra(w.proc(watcher))
	out.monsOut = append(out.monsOut, i)
	w.record(Entry{Kind: KindMonitor, Pid: watcher, Other: target, Cause: w.cause})
	if !w.proc(target).alive() {
		w.fire(i, tNoproc, w.cause)
	}
	return i
}

// supStop is the supervisor's terminate/2: its children are stopped last
// first (all at once for simple_one_for_one), then it exits with reason
// (facts E21, E27, E32).
func (w *World) supStop(s *supervisor, reason TermID) {
	if s.simple() {
		s.then(step{kind: doStop, keys: keysOf(s.children)})
	} else {
		for _, c := range w.stopOrder(s.children) {
			s.then(stopOne(c, keepEntry, -1))
		}
	}
	s.then(step{kind: doExit, reason: reason})
}

// stopOrder is the order a supervisor terminates its children in: reverse
// start order (fact E21).
func (w *World) stopOrder(children []*child) []*child {
	if w.faulty(FaultStopInStartOrder) {
		return children
	}
	out := slices.Clone(children)
	slices.Reverse(out)
	return out
}
