package scenarios

import (
	"time"

	"github.com/crashcourse/crashcourse/sim"
)

// CallTimeout is a call's timeout= as written: infinity, or a duration in
// whole milliseconds (a bare integer counts milliseconds, as OTP's does).
type CallTimeout struct {
	Infinity bool
	D        time.Duration
}

// parseCall: call P|@n [TERM] [timeout=D]. The request defaults to ping;
// a request written timeout must not be followed by '='.
func parseCall(p *parser, c *Command) {
	ref := p.procRef(true)
	pc := &ProcCmd{Target: &ref}
	if !p.atEnd() && !p.atTimeoutOption() {
		pc.Msg = p.term("a request", false)
	}
	if !p.atEnd() {
		if !p.atTimeoutOption() {
			p.errorf(p.tok, "expected timeout=D or the end of the command, found %s", p.describe(p.tok))
		}
		p.next()
		p.next()
		pc.Timeout = p.callTimeout()
	}
	c.Proc = pc
}

func (p *parser) atTimeoutOption() bool {
	return p.isWord("timeout") && p.peek().kind == tEq
}

// callTimeout parses the value of timeout=: infinity, milliseconds, or a
// duration that is a whole number of milliseconds.
func (p *parser) callTimeout() *CallTimeout {
	p.need("a timeout")
	t := p.tok
	switch t.kind {
	case tIdent:
		if t.val != "infinity" {
			p.errorf(t, "invalid timeout %s (want infinity, milliseconds or a duration)", p.describe(t))
		}
		p.next()
		return &CallTimeout{Infinity: true}
	case tInt:
		n := p.int64Arg("a timeout", 0)
		if n > int64(maxDuration/time.Millisecond) {
			p.errorf(t, "timeout %s is longer than the maximum of %s", quote(t.val), sim.MaxTimeText)
		}
		return &CallTimeout{D: time.Duration(n) * time.Millisecond}
	}
	d := p.duration("a timeout")
	if d%time.Millisecond != 0 {
		p.errorf(t, "timeout %s is not a whole number of milliseconds", quote(t.val))
	}
	return &CallTimeout{D: d}
}
