package sim

type timerState uint8

const (
	timerActive timerState = iota
	timerDone              // fired, cancelled, or its destination died
)

type timer struct {
	at    Time
	ref   Ref
	setBy Pid
	dest  Dest
	msg   TermID
	state timerState
}

// SendAfter makes actor call erlang:send_after(d, dest, msg) and returns the
// timer's ref. A pid destination is bound now and the timer is cancelled if
// that process dies first; a registered name is looked up at expiry and the
// message dropped if nobody holds it (fact D20). The timer outlives actor.
func (w *World) SendAfter(actor Pid, d Time, dest Dest, msg Term) (Ref, error) {
	if err := w.checkActor(actor); err != nil {
		return 0, err
	}
	if d < 0 {
		return 0, w.raise(actor, tBadargError, "send_after "+d.String(), "a timer cannot be set in the past")
	}
	if err := checkDuration("a timer of", d); err != nil {
		return 0, err
	}
	if dest.Name == "" {
		if err := w.checkTarget(dest.Pid); err != nil {
			return 0, err
		}
	}
	i := int32(len(w.timers))
	ref := w.newRef(refTarget{timer: true, index: i})
	t := timer{at: w.now + d, ref: ref, setBy: actor, dest: dest, msg: w.intern(msg)}
	s := w.record(Entry{Kind: KindSendAfter, Pid: actor, Other: dest.Pid, Term: t.msg, Ref: ref, Cause: w.cause})
	if dest.Name == "" && !w.proc(dest.Pid).alive() {
		t.state = timerDone
		w.timers = append(w.timers, t)
		return ref, nil
	}
	w.timers = append(w.timers, t)
	if dest.Name == "" {
		in := w.extra(w.proc(dest.Pid))
		in.timersIn = append(in.timersIn, i)
	}
	w.schedule(event{at: t.at, kind: evTimer, aux: uint32(i), cause: s})
	return ref, nil
}

// CancelTimer makes actor call erlang:cancel_timer(ref): the whole
// milliseconds left on an active timer, else false (fired, cancelled, or
// its destination died).
func (w *World) CancelTimer(actor Pid, ref Ref) (Term, error) {
	if err := w.checkActor(actor); err != nil {
		return nil, err
	}
	e := Entry{Kind: KindCancelTimer, Pid: actor, Ref: ref, Term: tFalse, Cause: w.cause}
	var result Term = False
	if ref > 0 && int(ref) <= len(w.refs) && w.refs[ref-1].timer {
		t := &w.timers[w.refs[ref-1].index]
		if t.state == timerActive {
			t.state = timerDone
			result = Int((t.at - w.now) / Millisecond)
			e.Term = w.intern(result)
		}
	}
	w.record(e)
	return result, nil
}

// cancelTimersTo cancels the timers bound to a dying pid.
func (w *World) cancelTimersTo(ext *procExt) {
	for _, i := range ext.timersIn {
		if w.timers[i].state == timerActive {
			w.timers[i].state = timerDone
		}
	}
	ext.timersIn = nil
}

// fireTimer delivers an expired timer's message.
func (w *World) fireTimer(e event) {
	t := &w.timers[e.aux]
	t.state = timerDone
	to := t.dest.Pid
	entry := Entry{Kind: KindTimer, Pid: to, Other: t.setBy, Term: t.msg, Ref: t.ref, Cause: e.cause}
	if t.dest.Name != "" {
		to = w.registry[t.dest.Name]
		entry.Pid = to
		if to == 0 {
			entry.Flags = FlagDropped
			w.record(entry)
			return
		}
	}
	s := w.record(entry)
	w.q.pushNow(event{kind: evMessage, to: to, from: t.setBy, term: t.msg, cause: s})
}

// TimerRemaining reports how long until an active timer fires.
func (w *World) TimerRemaining(ref Ref) (Time, bool) {
	if ref == 0 || int(ref) > len(w.refs) || !w.refs[ref-1].timer {
		return 0, false
	}
	t := w.timers[w.refs[ref-1].index]
	return t.at - w.now, t.state == timerActive
}

// TimerDest is where timer ref sends its message.
func (w *World) TimerDest(ref Ref) (Dest, bool) {
	if ref == 0 || int(ref) > len(w.refs) || !w.refs[ref-1].timer {
		return Dest{}, false
	}
	return w.timers[w.refs[ref-1].index].dest, true
}
