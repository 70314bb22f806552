package sim

// Error is an action that failed as the shell sees it. Reason is the Erlang
// exception reason (badarg, noproc, system_limit) when the failure is one
// Erlang would raise; it is nil for a command the simulator refuses (a name
// already taken, a supervisor used as an actor). Msg explains it to a learner.
type Error struct {
	Reason Term
	Msg    string
}

func (e *Error) Error() string {
	if e.Reason == nil {
		return e.Msg
	}
	return e.Reason.String() + ": " + e.Msg
}

func refuse(msg string) error { return &Error{Msg: msg} }

// checkActor verifies that actor may act: the shell always may; a process
// must exist and be alive. A failure changes nothing.
func (w *World) checkActor(actor Pid) error {
	if actor == Shell {
		return nil
	}
	if !w.Exists(actor) {
		return &Error{Reason: NoProc, Msg: actor.String() + " never existed"}
	}
	p := w.proc(actor)
	switch {
	case !p.alive():
		return &Error{Reason: NoProc, Msg: w.Label(actor) + " is dead and cannot act"}
	case w.IsSupervisor(actor):
		return refuse(w.Label(actor) + " is a supervisor: it only runs its behaviour and never acts on command")
	case p.flags&flagHung != 0:
		return refuse(w.Label(actor) + " is hung and does nothing until `" + w.Label(actor) + ": recover`")
	case w.inCall(p):
		return refuse(w.Label(actor) + " is waiting in gen_server:call and does nothing else until the call ends")
	case w.workerOf(p).busy() != "":
		return refuse(w.Label(actor) + " is inside " + w.workerOf(p).busy() + " and handles nothing else until it returns")
	}
	return nil
}

// checkProcActor is checkActor for verbs only a process may perform.
func (w *World) checkProcActor(actor Pid, verb string) error {
	if actor == Shell {
		return refuse("the shell cannot " + verb + ": write `A: " + verb + " ...` to name the process that does")
	}
	return w.checkActor(actor)
}

// checkTarget verifies that a named process exists (it may be dead).
func (w *World) checkTarget(p Pid) error {
	if p == Shell {
		return refuse("the shell is not a process here")
	}
	if !w.Exists(p) {
		return &Error{Reason: NoProc, Msg: p.String() + " never existed"}
	}
	return nil
}

// raise makes actor raise erlang:error(reason) performing action (as a
// learner would say it: "send to @db") because of msg: the shell gets an
// error; a process crashes with {reason, Stack}, which is not an error of
// the command (its effects are in the trace), and its exit entry keeps
// the words (see Note).
func (w *World) raise(actor Pid, reason TermID, action, msg string) error {
	if actor == Shell {
		return &Error{Reason: w.terms[reason].(Tuple)[0], Msg: msg}
	}
	s := w.die(actor, reason, w.cause)
	w.trace.notes = append(w.trace.notes, sideMark[string]{seq: s, v: action + ", and " + msg})
	return nil
}
