package sim

// reqKind is a supervisor API call.
type reqKind uint8

const (
	reqStartChild reqKind = iota
	reqTerminateChild
	reqRestartChild
	reqDeleteChild
	reqWhichChildren
	reqCountChildren
)

var reqNames = [...]string{"start_child", "terminate_child", "restart_child", "delete_child", "which_children", "count_children"}

// call is a synchronous call from the shell to a supervisor.
type call struct {
	kind  reqKind
	spec  *ChildSpec // start_child; nil for simple_one_for_one
	id    string
	pid   Pid // terminate_child by pid
	reply Term
	done  bool
}

func (c *call) term() Term {
	var arg Term = Atom(c.id)
	switch {
	case c.kind == reqWhichChildren || c.kind == reqCountChildren:
		return Atom(reqNames[c.kind])
	case c.spec != nil:
		arg = Atom(c.spec.ID)
	case c.pid != 0:
		arg = c.pid
	case c.kind == reqStartChild:
		arg = List{}
	}
	return Tuple{Atom(reqNames[c.kind]), arg}
}

// StartSupervisor starts a top-level supervisor called name with the shell
// as its parent (as an application master would) and returns when its
// init has finished, running the world as long as that takes. A child that
// fails to start makes it fail with {shutdown,{failed_to_start_child,Id,R}}
// (fact E28); a malformed spec with OTP's start_spec errors (fact E30).
func (w *World) StartSupervisor(name string, spec SupSpec) (Pid, error) {
	if cur, ok := w.names[name]; ok && w.proc(cur).alive() {
		return 0, refuse("the name " + name + " is taken by the live process " + cur.String())
	}
	if err := checkSpecTimes(&spec); err != nil {
		return 0, err
	}
	if bad := checkSpec(&spec); bad != nil {
		return 0, &Error{Reason: bad, Msg: "supervisor " + name + " rejects its spec"}
	}
	if w.full() {
		return 0, w.raise(Shell, tSystemLimitError, "start a supervisor", w.fullWhy())
	}
	pid, _ := w.spawn(Shell, SpawnOpts{Name: name, behaviour: true})
	w.topSups = append(w.topSups, pid)
	w.supInit(w.newSupervisor(pid, Shell, newSupDef(spec)))
	w.runUntilTrue(func() bool { _, ok := w.shellAcks[pid]; return ok })
	r, ok := w.shellAcks[pid]
	delete(w.shellAcks, pid)
	switch {
	case !ok:
		return pid, w.gaveUp("supervisor " + name + " never finished starting")
	case r.err != 0:
		return pid, &Error{Reason: w.terms[r.err], Msg: "supervisor " + name + " failed to start"}
	}
	return pid, nil
}

func newSupDef(spec SupSpec) *supDef {
	d := &supDef{flags: spec.Flags}
	for _, c := range spec.Children {
		d.children = append(d.children, newChildDef(c))
	}
	return d
}

func newChildDef(c ChildSpec) *childDef {
	d := &childDef{spec: c}
	if c.Sup != nil {
		d.sup = newSupDef(*c.Sup)
	}
	return d
}

// runUntilTrue runs events until done holds, nothing is left to run, or a
// safety bound (the world's MaxEvents events, MaxRunSpan of virtual time, a
// full trace) is hit: a supervisor waiting forever on a hung child must not
// hang its caller.
func (w *World) runUntilTrue(done func() bool) bool {
	limit := w.after(MaxRunSpan)
	for n := 0; n < w.maxEvents && !done(); n++ {
		e, ok := w.next(limit)
		if !ok {
			break
		}
		w.exec(e)
	}
	return done()
}

// Supervisor calls from the shell. Each is synchronous, like OTP's: the
// world runs until the supervisor replies. The reply is returned as OTP
// writes it; a reply {error, R} also comes back as an *Error with Reason R.

// StartChild is supervisor:start_child/2. For simple_one_for_one spec must
// be nil and the child is named after the template, TEMPLATE_N; for other
// strategies a nil spec gets {error,{invalid_child_spec,[]}}, as OTP answers
// start_child(Sup, []).
func (w *World) StartChild(sup Pid, spec *ChildSpec) (Term, error) {
	if spec != nil {
		if err := checkChildTimes(spec); err != nil {
			return nil, err
		}
	}
	if spec != nil && w.IsSupervisor(sup) && w.supOf(sup).simple() {
		return nil, refuse(w.Label(sup) + " is simple_one_for_one: its children come from its template; write `start_child " + w.Label(sup) + "`")
	}
	return w.callSup(sup, &call{kind: reqStartChild, spec: spec})
}

// TerminateChild is supervisor:terminate_child/2, by id, or by pid for
// simple_one_for_one.
func (w *World) TerminateChild(sup Pid, id string, pid Pid) (Term, error) {
	return w.callSup(sup, &call{kind: reqTerminateChild, id: id, pid: pid})
}

// RestartChild is supervisor:restart_child/2.
func (w *World) RestartChild(sup Pid, id string) (Term, error) {
	return w.callSup(sup, &call{kind: reqRestartChild, id: id})
}

// DeleteChild is supervisor:delete_child/2.
func (w *World) DeleteChild(sup Pid, id string) (Term, error) {
	return w.callSup(sup, &call{kind: reqDeleteChild, id: id})
}

// WhichChildren is supervisor:which_children/1: newest child first, as OTP
// lists them.
func (w *World) WhichChildren(sup Pid) (Term, error) {
	return w.callSup(sup, &call{kind: reqWhichChildren})
}

// CountChildren is supervisor:count_children/1.
func (w *World) CountChildren(sup Pid) (Term, error) {
	return w.callSup(sup, &call{kind: reqCountChildren})
}

func (w *World) callSup(sup Pid, c *call) (Term, error) {
	if err := w.checkSupervisor(sup); err != nil {
		return nil, err
	}
	w.calls = append(w.calls, c)
	s := w.record(Entry{Kind: KindCall, Pid: Shell, Other: sup, Term: w.intern(c.term()), Cause: w.cause})
	saved := w.cause
	w.cause = s
	w.deliver(sup, Message{Kind: MsgCall, From: Shell, Term: w.intern(c.term()), Aux: int32(len(w.calls) - 1)})
	w.cause = saved
	if !w.runUntilTrue(func() bool { return c.done || !w.proc(sup).alive() }) {
		return nil, w.gaveUp("no reply from " + w.Label(sup) + ": " + w.busyText(sup))
	}
	if !c.done {
		reason, _ := w.ExitReason(sup)
		return nil, &Error{Reason: reason, Msg: "the supervisor exited before it replied"}
	}
	if t, ok := c.reply.(Tuple); ok && len(t) == 2 && t[0] == Atom("error") {
		return c.reply, &Error{Reason: t[1], Msg: "the call returned " + c.reply.String()}
	}
	return c.reply, nil
}

func (w *World) checkSupervisor(sup Pid) error {
	if err := w.checkTarget(sup); err != nil {
		return err
	}
	if !w.IsSupervisor(sup) {
		return refuse(w.Label(sup) + " is not a supervisor")
	}
	if !w.proc(sup).alive() {
		return &Error{Reason: NoProc, Msg: "supervisor " + w.Label(sup) + " is dead"}
	}
	return nil
}

// Stop stops a top-level supervisor as its parent would: exit(Sup,
// shutdown), then wait until it is gone (fact E27).
func (w *World) Stop(sup Pid) error {
	if err := w.checkSupervisor(sup); err != nil {
		return err
	}
	if w.proc(sup).parent != Shell {
		return refuse(w.Label(sup) + " is not a top-level supervisor: stop it with terminate_child on its parent")
	}
	w.sendExit(Shell, sup, tShutdown)
	if !w.runUntilTrue(func() bool { return !w.proc(sup).alive() }) {
		return w.gaveUp(w.Label(sup) + " is still stopping: " + w.busyText(sup))
	}
	return nil
}

func (w *World) busyText(sup Pid) string {
	if v, ok := w.Supervisor(sup); ok && v.Busy != "" {
		return v.Busy
	}
	return "waiting"
}

// ShutdownAll stops every top-level supervisor, latest started first, each
// to completion, then kills the remaining processes, latest spawned first.
// Interrupted, it stops where it is: it starts no further stop or kill.
func (w *World) ShutdownAll() {
	for i := len(w.topSups) - 1; i >= 0 && !w.interrupted; i-- {
		if w.Alive(w.topSups[i]) {
			w.Stop(w.topSups[i])
		}
	}
	for i := w.procs.len() - 1; i >= 0 && !w.interrupted; i-- {
		if p := FirstPid + Pid(i); w.proc(p).alive() {
			w.sendExit(Shell, p, tKill)
			w.RunInstant()
		}
	}
}

// Restarts is how many times p's supervisor started p after its first
// start, over all incarnations of the name; ok is false for a process no
// supervisor started.
func (w *World) Restarts(p Pid) (int, bool) {
	if !w.Exists(p) {
		return 0, false
	}
	e := w.extOf(w.proc(p))
	if e == nil || e.child == nil {
		return 0, false
	}
	return max(e.child.starts-1, 0), true
}
