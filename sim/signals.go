package sim

// Exit makes actor call exit(reason) (exit/1): it terminates at once with
// exactly that reason. exit(kill) gives reason kill, which linked peers
// receive as a trappable kill (fact A6).
func (w *World) Exit(actor Pid, reason Term) error {
	if err := w.checkProcActor(actor, "exit"); err != nil {
		return err
	}
	w.die(actor, w.intern(reason), w.cause)
	return nil
}

// Crash makes actor raise erlang:error(reason): it terminates with
// {reason, Stack} (fact A4).
func (w *World) Crash(actor Pid, reason Term) error {
	if err := w.checkProcActor(actor, "crash"); err != nil {
		return err
	}
	w.die(actor, w.intern(ErrorReason(reason)), w.cause)
	return nil
}

// SendExit makes actor call exit(target, reason) (exit/2). The signal is
// delivered at the current instant, after what is already queued; see
// deliverSignal for what it does on arrival.
func (w *World) SendExit(actor, target Pid, reason Term) error {
	if err := w.checkActor(actor); err != nil {
		return err
	}
	if err := w.checkTarget(target); err != nil {
		return err
	}
	w.sendExit(actor, target, w.intern(reason))
	return nil
}

// sendExit records that actor called exit(target, reason) and queues the
// signal.
func (w *World) sendExit(actor, target Pid, reason TermID) {
	s := w.record(Entry{Kind: KindExitSignal, Pid: actor, Other: target, Term: reason, Cause: w.cause})
	w.q.pushNow(event{kind: evSignal, to: target, from: actor, term: reason, cause: s})
}

// deliverSignal applies an exit signal that reaches e.to, following facts
// A1–A12:
//   - a link signal (the sender exited) counts only while the receiver still
//     has the link, which it then drops;
//   - exit(P, kill) kills P with reason killed even if it traps;
//   - a trapping receiver gets {'EXIT', From, Reason} in its mailbox;
//   - reason normal is ignored, except exit(self(), normal), which kills;
//   - anything else kills the receiver with the same reason (a link signal
//     carrying kill kills with kill: only exit/2 makes kill untrappable).
func (w *World) deliverSignal(e event) {
	p := w.proc(e.to)
	if !p.alive() {
		return
	}
	viaLink := e.flags&FlagViaLink != 0
	entry := Entry{Kind: KindSignal, Pid: e.to, Other: e.from, Term: e.term, Cause: e.cause, Flags: e.flags & FlagViaLink}
	if viaLink && !w.removeLink(p, e.from) {
		entry.Flags |= FlagIgnored
		w.record(entry)
		return
	}
	reason := e.term
	switch {
	case !viaLink && reason == tKill && !w.faulty(FaultKillTrappable):
		reason = tKilled
	case p.trapping():
		entry.Flags |= FlagTrapped
		s := w.record(entry)
		saved := w.cause
		w.cause = s
		if wk := w.workerOf(p); wk != nil && e.from == p.parent {
			w.trace.setFlags(s, FlagOn)
			w.workerStop(e.to, wk, reason, s)
		} else {
			w.deliver(e.to, Message{Kind: MsgExit, From: e.from, Term: reason})
		}
		w.cause = saved
		return
	case reason == tNormal && (viaLink && !w.faulty(FaultNormalExitKillsLinked) || !viaLink && e.from != e.to):
		entry.Flags |= FlagIgnored
		w.record(entry)
		return
	}
	entry.Flags |= FlagFatal
	w.die(e.to, reason, w.record(entry))
}

// die terminates p with reason: its registered name is freed first (so it is
// free by the time anyone sees the death, fact C17), its pending timers are
// cancelled (fact D20), then each link is sent an exit signal in pid order,
// then each monitor a DOWN in creation order. Returns the exit entry.
func (w *World) die(pid Pid, reason TermID, cause Seq) Seq {
	w.unindex(pid)
	p := w.proc(pid)
	p.flags &^= flagAlive
	p.reason = reason
	s := w.record(Entry{Kind: KindExit, Pid: pid, Term: reason, Cause: cause})
	p.exitSeq = s
	w.live--
	ext := w.extOf(p)
	if ext != nil {
		w.releaseName(pid, ext, s)
		w.cancelTimersTo(ext)
		w.dropMonitorsOf(ext)
	}
	if ext != nil && w.faulty(FaultMonitorsBeforeLinks) {
		w.fireMonitorsOn(ext, reason, s)
	}
	for _, l := range w.linksOf(p) {
		w.q.pushNow(event{kind: evSignal, to: l, from: pid, term: reason, cause: s, flags: FlagViaLink})
	}
	w.clearLinks(p)
	if ext != nil {
		w.fireMonitorsOn(ext, reason, s)
	}
	return s
}
