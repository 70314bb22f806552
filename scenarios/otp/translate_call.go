package otp

import (
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// call translates a call: {call, Dest, Request, Timeout}, Timeout one of
// default (gen_server:call/2), infinity, or milliseconds of virtual time.
func (t *translation) call(p *scenarios.ProcCmd) string {
	req := "ping"
	if p.Msg != nil {
		req = t.erlTerm(p.Msg)
	}
	timeout := "default"
	switch {
	case p.Timeout == nil:
	case p.Timeout.Infinity:
		timeout = "infinity"
	default:
		timeout = eFloat(ms(p.Timeout.D))
	}
	return eTuple("call", t.procRef(*p.Target), req, timeout)
}

// callTimeoutMatters says why a scenario's calls need real time, or "":
// a call's timeout is real time in OTP, and a timeout= is part of the
// exit reasons of its calls, so neither can be scaled.
func (t *translation) callTimeoutMatters() string {
	for _, s := range t.steps {
		if c := s.cmd; c.Verb == "call" && c.Proc.Timeout != nil && !c.Proc.Timeout.Infinity {
			return "a call's timeout= is real time in OTP and part of its exit reason"
		}
	}
	w := t.world()
	for q := sim.Seq(1); int(q) <= w.TraceLen(); q++ {
		if w.Entry(q).Kind == sim.KindCallTimeout {
			return "a call times out, after real time in OTP"
		}
	}
	return ""
}
