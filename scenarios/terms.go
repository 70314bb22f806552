package scenarios

import (
	"fmt"

	"github.com/crashcourse/crashcourse/sim"
)

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// pid resolves a process reference to a pid: a name to its latest
// incarnation, a pid literal to itself, @n to the pid registered now.
func (x *execution) pid(r ProcRef) (sim.Pid, error) {
	w := x.w()
	switch {
	case r.Registered != "":
		if p, ok := w.Whereis(r.Registered); ok {
			return p, nil
		}
		return 0, &sim.Error{Reason: sim.Badarg, Msg: "no process is registered as " + r.Registered}
	case r.IsPid:
		p := sim.Pid(r.Pid)
		if !w.Exists(p) {
			return 0, &sim.Error{Reason: sim.NoProc, Msg: p.String() + " never existed"}
		}
		return p, nil
	}
	if p, ok := w.Lookup(r.Name); ok {
		return p, nil
	}
	msg := "no process is called " + r.Name
	if _, ok := w.Whereis(r.Name); ok {
		msg += ", but one is registered as " + r.Name + ": write @" + r.Name
	}
	return 0, &sim.Error{Reason: sim.NoProc, Msg: msg}
}

// dest resolves a send/monitor destination: @n stays a name, looked up by
// the kernel when the action happens.
func (x *execution) dest(r ProcRef) (sim.Dest, error) {
	if r.Registered != "" {
		return sim.Dest{Name: r.Registered}, nil
	}
	p, err := x.pid(r)
	return sim.Dest{Pid: p}, err
}

// actor resolves who performs the command: the shell, or a process.
func (x *execution) actor() (sim.Pid, error) {
	if x.c.Actor.Shell {
		return sim.Shell, nil
	}
	return x.pid(x.c.Actor.Proc)
}

// term evaluates a term expression; wildcards are only for expectations.
func (x *execution) term(t *TermExpr) (sim.Term, error) {
	switch t.Kind {
	case TermTuple, TermList:
		return x.terms(t)
	case TermMap:
		return x.mapOf(t)
	case TermNamePid:
		return x.namePid(t)
	case TermWildcard:
		return nil, errorf(t.Pos, "_ matches anything: it belongs in expectations, not in a term that is sent")
	}
	return scalar(t), nil
}

// scalar is the value of a term expression that needs no resolving.
func scalar(t *TermExpr) sim.Term {
	switch t.Kind {
	case TermInt:
		return sim.Int(t.Int)
	case TermFloat:
		return sim.Float(t.Float)
	case TermString:
		return sim.Str(t.Str)
	case TermPid:
		return sim.Pid(t.Int)
	case TermRef:
		return sim.Ref(t.Int)
	case TermStack:
		return sim.Stack{}
	case TermBinary:
		return sim.Binary(t.Str)
	}
	return sim.Atom(t.Atom)
}

func (x *execution) terms(t *TermExpr) (sim.Term, error) {
	elems := make([]sim.Term, len(t.Elems))
	for i, e := range t.Elems {
		v, err := x.term(e)
		if err != nil {
			return nil, err
		}
		elems[i] = v
	}
	if t.Kind == TermTuple {
		return sim.Tuple(elems), nil
	}
	return sim.List(elems), nil
}

// mapOf evaluates a map expression; a key written twice keeps its last
// value, as in Erlang.
func (x *execution) mapOf(t *TermExpr) (sim.Term, error) {
	pairs := make([]sim.Pair, 0, len(t.Elems)/2)
	for i := 0; i+1 < len(t.Elems); i += 2 {
		k, err := x.term(t.Elems[i])
		if err != nil {
			return nil, err
		}
		v, err := x.term(t.Elems[i+1])
		if err != nil {
			return nil, err
		}
		pairs = append(pairs, sim.Pair{Key: k, Value: v})
	}
	return sim.NewMap(pairs), nil
}

func (x *execution) namePid(t *TermExpr) (sim.Pid, error) {
	if t.Atom == "shell" {
		return sim.Shell, nil
	}
	if p, ok := x.w().Lookup(t.Atom); ok {
		return p, nil
	}
	return 0, errorf(t.Pos, "<%s>: no process is called %s", t.Atom, t.Atom)
}

// match reports whether value matches the pattern pat; _ and variables
// match anything, <name> the latest incarnation of name.
func (x *execution) match(pat *TermExpr, value sim.Term) bool {
	switch pat.Kind {
	case TermWildcard:
		return true
	case TermTuple, TermList:
		return x.matchSeq(pat, value)
	case TermMap:
		return x.matchMap(pat, value)
	}
	want, err := x.term(pat)
	return err == nil && sim.Equal(want, value)
}

func (x *execution) matchSeq(pat *TermExpr, value sim.Term) bool {
	var elems []sim.Term
	switch v := value.(type) {
	case sim.Tuple:
		elems = v
		if pat.Kind != TermTuple {
			return false
		}
	case sim.List:
		elems = v
		if pat.Kind != TermList {
			return false
		}
	default:
		return false
	}
	if len(elems) != len(pat.Elems) {
		return false
	}
	for i, p := range pat.Elems {
		if !x.match(p, elems[i]) {
			return false
		}
	}
	return true
}

// matchMap reports whether value is a map with exactly the keys of pat,
// each value matching its pattern.
func (x *execution) matchMap(pat *TermExpr, value sim.Term) bool {
	m, ok := value.(sim.Map)
	if !ok {
		return false
	}
	var keys []sim.Pair
	for i := 0; i+1 < len(pat.Elems); i += 2 {
		k, err := x.term(pat.Elems[i])
		if err != nil {
			return false
		}
		v, found := m.Get(k)
		if !found || !x.match(pat.Elems[i+1], v) {
			return false
		}
		keys = append(keys, sim.Pair{Key: k, Value: v})
	}
	return len(sim.NewMap(keys)) == len(m)
}

// String prints a term expression as written, for messages about patterns.
func (t *TermExpr) String() string {
	switch t.Kind {
	case TermWildcard:
		return "_"
	case TermNamePid:
		return "<" + t.Atom + ">"
	case TermTuple, TermList:
		return printSeq(t)
	case TermMap:
		return printMap(t)
	}
	return scalar(t).String()
}

func printSeq(t *TermExpr) string {
	open, end := "{", "}"
	if t.Kind == TermList {
		open, end = "[", "]"
	}
	s := open
	for i, e := range t.Elems {
		if i > 0 {
			s += ","
		}
		s += e.String()
	}
	return s + end
}

func printMap(t *TermExpr) string {
	s := "#{"
	for i := 0; i+1 < len(t.Elems); i += 2 {
		if i > 0 {
			s += ","
		}
		s += t.Elems[i].String() + " => " + t.Elems[i+1].String()
	}
	return s + "}"
}
