package scenarios

import "github.com/crashcourse/crashcourse/sim"

// call performs gen_server:call. A process starts the call and waits in
// it; the shell's call runs the world until it returns and prints the
// reply, or fails with the caller's exit reason.
func (x *execution) call(actor sim.Pid, p *ProcCmd) error {
	d, err := x.dest(*p.Target)
	if err != nil {
		return err
	}
	var req sim.Term = sim.Atom("ping")
	if p.Msg != nil {
		if req, err = x.term(p.Msg); err != nil {
			return err
		}
	}
	reply, err := x.w().Call(actor, d, req, callTimeout(p.Timeout))
	if err == nil && actor == sim.Shell {
		x.printf(reply.String())
	}
	return err
}

func callTimeout(t *CallTimeout) sim.CallTimeout {
	if t == nil {
		return sim.CallTimeout{}
	}
	return sim.CallTimeout{Set: true, Infinity: t.Infinity, After: sim.FromDuration(t.D)}
}
