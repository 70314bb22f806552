package scenarios

import (
	"github.com/crashcourse/crashcourse/sim"
)

// proc performs a process or signal verb.
func (x *execution) proc(p *ProcCmd) error {
	actor, err := x.actor()
	if err != nil {
		return err
	}
	switch x.c.Verb {
	case "spawn", "spawn_link", "spawn_monitor":
		return x.spawn(actor, p)
	case "link", "unlink", "kill", "register":
		return x.withTarget(actor, p)
	case "monitor":
		return x.monitor(actor, p)
	case "demonitor":
		return x.w().Demonitor(actor, sim.Ref(p.Ref), p.Flag)
	case "trap_exit":
		return x.w().SetTrapExit(actor, p.Flag)
	case "exit", "crash":
		return x.exit(actor, p)
	case "send", "send_after":
		return x.send(actor, p)
	case "unregister":
		return x.w().Unregister(actor, p.Name)
	case "cancel_timer":
		return x.cancelTimer(actor, p)
	case "receive", "flush":
		return x.receive(p)
	case "hang":
		return x.w().Hang(actor)
	case "call":
		return x.call(actor, p)
	}
	return x.w().Recover(actor)
}

func (x *execution) spawn(actor sim.Pid, p *ProcCmd) error {
	o := sim.SpawnOpts{Name: p.Name, TrapExit: p.TrapExit, Link: x.c.Verb == "spawn_link", Monitor: x.c.Verb == "spawn_monitor"}
	_, ref, err := x.w().Spawn(actor, o)
	if err == nil && o.Monitor {
		x.printf(ref.String())
	}
	return err
}

// withTarget performs the verbs whose one argument is a process.
func (x *execution) withTarget(actor sim.Pid, p *ProcCmd) error {
	target, err := x.pid(*p.Target)
	if err != nil {
		return err
	}
	w := x.w()
	switch x.c.Verb {
	case "link":
		return w.Link(actor, target)
	case "unlink":
		return w.Unlink(actor, target)
	case "register":
		return w.Register(actor, p.Name, target)
	}
	return w.SendExit(actor, target, sim.Kill)
}

func (x *execution) monitor(actor sim.Pid, p *ProcCmd) error {
	d, err := x.dest(*p.Target)
	if err != nil {
		return err
	}
	ref, err := x.w().Monitor(actor, d)
	if err == nil {
		x.printf(ref.String())
	}
	return err
}

// exit is exit/1 (no target), exit/2, or crash (erlang:error, default boom).
func (x *execution) exit(actor sim.Pid, p *ProcCmd) error {
	var reason sim.Term = sim.Boom
	if p.Reason != nil {
		r, err := x.term(p.Reason)
		if err != nil {
			return err
		}
		reason = r
	}
	switch {
	case x.c.Verb == "crash":
		return x.w().Crash(actor, reason)
	case p.Target == nil:
		return x.w().Exit(actor, reason)
	}
	target, err := x.pid(*p.Target)
	if err != nil {
		return err
	}
	return x.w().SendExit(actor, target, reason)
}

func (x *execution) send(actor sim.Pid, p *ProcCmd) error {
	d, err := x.dest(*p.Target)
	if err != nil {
		return err
	}
	msg, err := x.term(p.Msg)
	if err != nil {
		return err
	}
	if x.c.Verb == "send" {
		return x.w().Send(actor, d, msg)
	}
	ref, err := x.w().SendAfter(actor, sim.FromDuration(p.After), d, msg)
	if err == nil {
		x.printf(ref.String())
	}
	return err
}

func (x *execution) cancelTimer(actor sim.Pid, p *ProcCmd) error {
	left, err := x.w().CancelTimer(actor, sim.Ref(p.Ref))
	if err == nil {
		x.printf(left.String())
	}
	return err
}

// receive removes the oldest message (receive) or all of them (flush) and
// prints them.
func (x *execution) receive(p *ProcCmd) error {
	pid, err := x.pid(*p.Target)
	if err != nil {
		return err
	}
	w := x.w()
	var got []sim.Message
	if x.c.Verb == "flush" {
		got, err = w.Flush(pid)
	} else if m, ok, rerr := w.Receive(pid); ok {
		got, err = []sim.Message{m}, rerr
	} else {
		err = rerr
	}
	if err == nil && len(got) == 0 {
		x.printf("the mailbox of " + Now(w).Label(pid) + " is empty")
	}
	for _, m := range got {
		x.printf(Now(w).Term(w.MessageTerm(m)))
	}
	return err
}
