package scenarios

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/crashcourse/crashcourse/sim"
)

const minInt64 = math.MinInt64

// validName reports whether s is a process name: [a-z][a-z0-9_]*.
func validName(s string) bool {
	if s == "" || !isLower(int(s[0])) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := int(s[i]); !isLower(c) && !isDigit(c) && c != '_' {
			return false
		}
	}
	return true
}

// procName parses a process name (for what: "a process name", ...).
func (p *parser) procName(what string) string {
	p.need(what)
	t := p.tok
	switch {
	case (t.kind == tIdent || t.kind == tVar) && !validName(t.val):
		p.errorf(t, "invalid process name %s (want [a-z][a-z0-9_]*)", quote(t.val))
	case t.kind != tIdent:
		p.errorf(t, "expected %s, found %s", what, p.describe(t))
	}
	p.next()
	return t.val
}

// procRef parses a process: a name, a pid <0.N.0>, or, when allowReg, a
// registered name @n.
func (p *parser) procRef(allowReg bool) ProcRef {
	p.need("a process")
	t := p.tok
	ref := ProcRef{Pos: t.pos}
	switch t.kind {
	case tIdent, tVar:
		ref.Name = p.procName("a process")
		return ref
	case tPid:
		ref.IsPid, ref.Pid = true, p.atoi(t, "pid number")
	case tReg:
		if !allowReg {
			p.errorf(t, "%s takes a process name or pid here, not a registered name (%s)", p.verb.val, p.describe(t))
		}
		ref.Registered = t.val
	case tNamePid:
		p.errorf(t, "write the process name %s, not <%s>", t.val, t.val)
	default:
		p.errorf(t, "expected a process (a name or <0.N.0>), found %s", p.describe(t))
	}
	p.next()
	return ref
}

// regName parses a registered name, written @n or n.
func (p *parser) regName() string {
	p.need("a registered name")
	t := p.tok
	if t.kind != tReg && t.kind != tIdent {
		p.errorf(t, "expected a registered name (@name), found %s", p.describe(t))
	}
	p.next()
	return t.val
}

// refArg parses #Ref<K> and returns K.
func (p *parser) refArg() int {
	p.need("a reference #Ref<K>")
	t := p.tok
	if t.kind != tRef {
		p.errorf(t, "expected a reference #Ref<K>, found %s", p.describe(t))
	}
	n := p.atoi(t, "reference number")
	p.next()
	return n
}

// atoi converts a token's digits to an int, reporting an overflow.
func (p *parser) atoi(t token, what string) int {
	n, err := strconv.Atoi(t.val)
	if err != nil {
		p.errorf(t, "%s %s out of range", what, quote(t.val))
	}
	return n
}

// int64Arg parses an integer that must be at least min.
func (p *parser) int64Arg(what string, min int64) int64 {
	p.need(what)
	t := p.tok
	if t.kind != tInt {
		p.errorf(t, "expected %s (an integer), found %s", what, p.describe(t))
	}
	n, err := strconv.ParseInt(t.val, 10, 64)
	if err != nil {
		p.errorf(t, "integer %s out of range", quote(t.val))
	}
	if n < min {
		p.errorf(t, "%s must be at least %d, not %d", what, min, n)
	}
	p.next()
	return n
}

// intArg is int64Arg for an int.
func (p *parser) intArg(what string, min int) int {
	t := p.tok
	n := p.int64Arg(what, int64(min))
	if n > math.MaxInt {
		p.errorf(t, "integer %s out of range", quote(t.val))
	}
	return int(n)
}

// rateArg parses a non-negative number, integer or float.
func (p *parser) rateArg() float64 {
	p.need("a rate")
	t := p.tok
	if t.kind != tInt && t.kind != tFloat {
		p.errorf(t, "expected a rate (a number), found %s", p.describe(t))
	}
	r, err := strconv.ParseFloat(t.val, 64)
	if err != nil {
		p.errorf(t, "number %s out of range", quote(t.val))
	}
	if r < 0 {
		p.errorf(t, "the rate must not be negative")
	}
	p.next()
	return r
}

// duration parses a Go duration (250ms, 1m30s) or a bare 0.
func (p *parser) duration(what string) time.Duration {
	p.need(what)
	d := p.durationOf(p.tok, what)
	p.next()
	return d
}

// maxDuration is the longest duration a scenario may write: the virtual
// clock's maximum, sim.MaxTime.
const maxDuration = time.Duration(sim.MaxTime) * time.Microsecond

// durationOf converts a duration token. Negative durations, durations past
// maxDuration, and numbers without a unit other than 0, are errors.
func (p *parser) durationOf(t token, what string) time.Duration {
	switch t.kind {
	case tInt, tFloat:
		if strings.Trim(t.val, "0") == "" {
			return 0
		}
		p.errorf(t, "missing unit in duration %s (write %ss or %sms)", t.val, t.val, t.val)
	case tDuration:
		if strings.HasPrefix(t.val, "-") {
			p.errorf(t, "negative duration %s", quote(t.val))
		}
		d, err := time.ParseDuration(t.val)
		if err != nil {
			p.errorf(t, "invalid duration %s", quote(t.val))
		}
		if d > maxDuration {
			p.errorf(t, "duration %s is longer than the maximum of %s", quote(t.val), sim.MaxTimeText)
		}
		return d
	}
	p.errorf(t, "expected %s (like 250ms or 5s), found %s", what, p.describe(t))
	return 0
}
