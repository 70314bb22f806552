package sim

type monState uint8

const (
	monActive  monState = iota
	monFired            // the target died; the DOWN is on its way
	monRemoved          // demonitored, delivered, or the watcher died
)

type monitor struct {
	watcher, target Pid
	ref             Ref
	name            string // monitored by registered name: DOWN names {Name, Node}
	call            int32  // 1 + index in World.gcalls when it is a call's monitor
	state           monState
}

// refTarget is what a user-visible ref denotes: a monitor or a timer.
type refTarget struct {
	timer bool
	index int32
}

func (w *World) newRef(t refTarget) Ref {
	w.refs = append(w.refs, t)
	return Ref(len(w.refs))
}

// newMonitor creates an active monitor of watcher on target and returns its ref.
func (w *World) newMonitor(watcher, target Pid, name string) Ref {
	i := int32(len(w.mons))
	ref := w.newRef(refTarget{index: i})
	w.mons = append(w.mons, monitor{watcher: watcher, target: target, ref: ref, name: name})
	if target != watcher {
		in := w.extra(w.proc(target))
		in.monsIn = append(in.monsIn, i)
		out := w.extra(w.proc(watcher))
		out.monsOut = append(out.monsOut, i)
	}
	return ref
}

// monitorObject is what a DOWN names: the pid, or {Name, nonode@nohost} for
// a monitor taken by registered name (fact B13).
func (w *World) monitorObject(m *monitor) Term {
	if m.name != "" {
		return Tuple{Atom(m.name), Node}
	}
	return m.target
}

// Monitor makes actor call erlang:monitor(process, dest). By name, the
// monitor binds to the pid holding the name now (fact B13). A dead or
// unregistered target gets an immediate DOWN with reason noproc; a monitor
// on oneself never fires.
func (w *World) Monitor(actor Pid, dest Dest) (Ref, error) {
	if err := w.checkProcActor(actor, "monitor"); err != nil {
		return 0, err
	}
	target := dest.Pid
	if dest.Name != "" {
		target = w.registry[dest.Name]
	} else if err := w.checkTarget(target); err != nil {
		return 0, err
	}
	if target == 0 {
		return w.monitorMissing(actor, dest.Name), nil
	}
	ref := w.newMonitor(actor, target, dest.Name)
	e := Entry{Kind: KindMonitor, Pid: actor, Other: target, Ref: ref, Cause: w.cause}
	if dest.Name != "" {
		e.Flags, e.Term = FlagOn, w.intern(Atom(dest.Name))
	}
	s := w.record(e)
	if !w.proc(target).alive() {
		w.fire(int32(len(w.mons)-1), tNoproc, s)
	}
	return ref, nil
}

// monitorMissing handles a monitor on an unregistered name: a ref, and a
// DOWN with noproc at once.
func (w *World) monitorMissing(actor Pid, name string) Ref {
	i := int32(len(w.mons))
	ref := w.newRef(refTarget{index: i})
	w.mons = append(w.mons, monitor{watcher: actor, ref: ref, name: name})
	out := w.extra(w.proc(actor))
	out.monsOut = append(out.monsOut, i)
	s := w.record(Entry{Kind: KindMonitor, Pid: actor, Ref: ref, Term: w.intern(Atom(name)), Flags: FlagOn, Cause: w.cause})
	w.fire(i, tNoproc, s)
	return ref
}

// fire sends monitor i's DOWN with reason.
func (w *World) fire(i int32, reason TermID, cause Seq) {
	w.mons[i].state = monFired
	w.q.pushNow(event{kind: evDown, to: w.mons[i].watcher, from: w.mons[i].target, term: reason, aux: uint32(i), cause: cause})
}

// fireMonitorsOn sends a DOWN for every active monitor on the dead pid, in
// the order the monitors were created (fact B15).
func (w *World) fireMonitorsOn(ext *procExt, reason TermID, cause Seq) {
	for _, i := range ext.monsIn {
		if w.mons[i].state == monActive {
			w.fire(i, reason, cause)
		}
	}
	ext.monsIn = nil
}

// dropMonitorsOf removes the monitors a dying process held: nobody is left
// to receive their DOWNs.
func (w *World) dropMonitorsOf(ext *procExt) {
	for _, i := range ext.monsOut {
		w.mons[i].state = monRemoved
	}
	ext.monsOut = nil
}

// deliverDown puts a DOWN in the watcher's mailbox unless the monitor was
// removed meanwhile: after demonitor returns, no DOWN arrives (fact B14).
func (w *World) deliverDown(e event) {
	m := &w.mons[e.aux]
	if m.call != 0 && m.state == monFired {
		w.callDown(e, m)
		return
	}
	if m.state != monFired || !w.proc(m.watcher).alive() {
		return
	}
	m.state = monRemoved
	s := w.record(Entry{Kind: KindDown, Pid: m.watcher, Other: m.target, Term: e.term, Ref: m.ref, Cause: e.cause})
	saved := w.cause
	w.cause = s
	w.deliver(m.watcher, Message{Kind: MsgDown, Term: e.term, Aux: int32(e.aux)})
	w.cause = saved
}

// Demonitor makes actor call demonitor(ref) or, with flush,
// demonitor(ref, [flush]). A DOWN already in the mailbox stays unless
// flush removes it (fact B14). A ref the actor does not hold is ignored,
// as in Erlang.
func (w *World) Demonitor(actor Pid, ref Ref, flush bool) error {
	if err := w.checkProcActor(actor, "demonitor"); err != nil {
		return err
	}
	e := Entry{Kind: KindDemonitor, Pid: actor, Ref: ref, Cause: w.cause}
	if flush {
		e.Flags = FlagOn
	}
	i, ok := w.monitorOf(actor, ref)
	if ok {
		m := &w.mons[i]
		e.Other = m.target
		m.state = monRemoved
		if flush {
			w.flushDowns(actor, i)
		}
	}
	w.record(e)
	return nil
}

func (w *World) monitorOf(actor Pid, ref Ref) (int32, bool) {
	if ref == 0 || int(ref) > len(w.refs) || w.refs[ref-1].timer {
		return 0, false
	}
	i := w.refs[ref-1].index
	return i, w.mons[i].watcher == actor
}

func (w *World) flushDowns(p Pid, mon int32) {
	e := w.extOf(w.proc(p))
	if e == nil {
		return
	}
	kept := e.mailbox[:0]
	for _, m := range e.mailbox {
		if m.Kind != MsgDown || m.Aux != mon {
			kept = append(kept, m)
		}
	}
	e.mailbox = kept
}

// DownObject is what a DOWN for the monitor behind ref names: the pid, or
// {Name, nonode@nohost} for a monitor taken by registered name (fact B13).
// ok is false for a ref that names no monitor (a timer, or none).
func (w *World) DownObject(ref Ref) (Term, bool) {
	if ref == 0 || int(ref) > len(w.refs) || w.refs[ref-1].timer {
		return nil, false
	}
	return w.monitorObject(&w.mons[w.refs[ref-1].index]), true
}
