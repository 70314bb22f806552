package otp

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/crashcourse/crashcourse/sim"
)

// kind tells which fields of a term are meaningful.
type kind uint8

const (
	kAtom   kind = iota // s
	kInt                // n
	kFloat              // f
	kTuple              // elems
	kList               // elems (a proper list; strings are lists of code points)
	kPid                // s: process name ("$shell" for the shell, "" unknown); n: incarnation from 1
	kRef                // n: K of #Ref<K>, 0 when unknown
	kStack              // a stack trace: [...] in the simulator, a list of {M,F,A,Loc} in OTP
	kMap                // elems: K1, V1, K2, V2, … (in no particular order)
	kBinary             // s: the bytes
	kOther              // s: the text of a term crashcourse does not model (funs, bignums, improper lists)
	kRawPid             // s: a pid as printed, before it is mapped to a name
	kRawRef             // s: a ref as printed, before it is mapped to a K
	kTag                // a call request's tag: _ in the simulator; in OTP 25 [alias|Ref], or a plain ref for timeout infinity
)

// shellName names the shell (the driver in OTP) in a pid term.
const shellName = "$shell"

// term is an Erlang term as both worlds can be compared on: pids by the
// name and incarnation of the process, refs by the order commands created
// them, stack traces by shape.
type term struct {
	k     kind
	s     string
	n     int64
	f     float64
	elems []term
}

func atom(s string) term                { return term{k: kAtom, s: s} }
func pidTerm(name string, inc int) term { return term{k: kPid, s: name, n: int64(inc)} }

// fromSim converts a simulator term; pids are named through names.
func fromSim(t sim.Term, names func(sim.Pid) term) term {
	switch v := t.(type) {
	case sim.Atom:
		return atom(string(v))
	case sim.Int:
		return term{k: kInt, n: int64(v)}
	case sim.Float:
		return term{k: kFloat, f: float64(v)}
	case sim.Str:
		return stringTerm(string(v))
	case sim.Tuple:
		return term{k: kTuple, elems: fromSimSeq(v, names)}
	case sim.List:
		return term{k: kList, elems: fromSimSeq(v, names)}
	case sim.Pid:
		return names(v)
	case sim.Ref:
		return term{k: kRef, n: int64(v)}
	case sim.Stack:
		return term{k: kStack}
	case sim.Binary:
		return term{k: kBinary, s: string(v)}
	case sim.Map:
		m := term{k: kMap}
		for _, p := range v {
			m.elems = append(m.elems, fromSim(p.Key, names), fromSim(p.Value, names))
		}
		return m
	case sim.CallTag:
		return term{k: kTag}
	}
	return term{k: kOther, s: t.String()}
}

func fromSimSeq(ts []sim.Term, names func(sim.Pid) term) []term {
	out := make([]term, len(ts))
	for i, t := range ts {
		out[i] = fromSim(t, names)
	}
	return out
}

// stringTerm is an Erlang string: a list of code points.
func stringTerm(s string) term {
	l := term{k: kList}
	for _, r := range s {
		l.elems = append(l.elems, term{k: kInt, n: int64(r)})
	}
	return l
}

// equal compares two terms as verify does: exactly, except that a pid or
// ref unknown on either side matches any pid or ref (by shape), a stack
// trace matches any list, and an integer matches the float of its value
// (outside map keys, where 1 and 1.0 are different keys).
func equal(a, b term) bool { return eq(a, b, false) }

// eq is equal; exact makes an integer and a float always differ, as map
// keys do.
func eq(a, b term, exact bool) bool {
	switch {
	case a.k == kStack && (b.k == kStack || b.k == kList):
		return true
	case a.k == kTag && (b.k == kTag || b.k == kRef), b.k == kTag && a.k == kRef:
		return true
	case b.k == kStack && a.k == kList:
		return true
	case a.k != b.k:
		return !exact && (a.k == kInt && b.k == kFloat && float64(a.n) == b.f || a.k == kFloat && b.k == kInt && a.f == float64(b.n))
	}
	switch a.k {
	case kAtom, kOther, kBinary:
		return a.s == b.s
	case kMap:
		return equalMaps(a, b, exact)
	case kInt:
		return a.n == b.n
	case kFloat:
		return a.f == b.f
	case kPid:
		return a.s == "" || b.s == "" || a.s == b.s && a.n == b.n
	case kRef:
		return a.n == 0 || b.n == 0 || a.n == b.n
	case kTuple, kList:
		if len(a.elems) != len(b.elems) {
			return false
		}
		for i := range a.elems {
			if !eq(a.elems[i], b.elems[i], exact) {
				return false
			}
		}
	}
	return true
}

// equalMaps reports whether two maps have the same keys with equal values,
// whatever order each side lists them in (pids and refs of the two worlds
// need not sort alike).
func equalMaps(a, b term, exact bool) bool {
	if len(a.elems) != len(b.elems) {
		return false
	}
	for i := 0; i+1 < len(a.elems); i += 2 {
		v, ok := lookup(b, a.elems[i])
		if !ok || !eq(a.elems[i+1], v, exact) {
			return false
		}
	}
	return true
}

// lookup finds the value of key in map m; keys compare exactly.
func lookup(m, key term) (term, bool) {
	for j := 0; j+1 < len(m.elems); j += 2 {
		if eq(key, m.elems[j], true) {
			return m.elems[j+1], true
		}
	}
	return term{}, false
}

// String prints the term in Erlang syntax; pids print as <name> for the
// first incarnation of a name and <name#N> for later ones.
func (t term) String() string {
	var b strings.Builder
	t.write(&b)
	return b.String()
}

func (t term) write(b *strings.Builder) {
	switch t.k {
	case kAtom:
		b.WriteString(sim.Atom(t.s).String())
	case kInt:
		b.WriteString(strconv.FormatInt(t.n, 10))
	case kFloat:
		b.WriteString(sim.Float(t.f).String())
	case kTuple:
		writeSeq(b, "{", "}", t.elems)
	case kList:
		if s, ok := printable(t); ok {
			b.WriteString(strconv.Quote(s))
			return
		}
		writeSeq(b, "[", "]", t.elems)
	case kPid:
		switch {
		case t.s == shellName:
			b.WriteString("<shell>")
		case t.s == "":
			b.WriteString("<pid>")
		case t.n <= 1:
			b.WriteString("<" + t.s + ">")
		default:
			b.WriteString("<" + t.s + "#" + strconv.FormatInt(t.n, 10) + ">")
		}
	case kRef:
		if t.n == 0 {
			b.WriteString("#Ref<>")
		} else {
			b.WriteString("#Ref<" + strconv.FormatInt(t.n, 10) + ">")
		}
	case kStack:
		b.WriteString("[...]")
	case kBinary:
		b.WriteString(sim.Binary(t.s).String())
	case kMap:
		writeMap(b, t.elems)
	case kTag:
		b.WriteString("_")
	default:
		b.WriteString(t.s)
	}
}

func writeSeq(b *strings.Builder, open, end string, elems []term) {
	b.WriteString(open)
	for i, e := range elems {
		if i > 0 {
			b.WriteByte(',')
		}
		e.write(b)
	}
	b.WriteString(end)
}

func writeMap(b *strings.Builder, elems []term) {
	b.WriteString("#{")
	for i := 0; i+1 < len(elems); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		elems[i].write(b)
		b.WriteString(" => ")
		elems[i+1].write(b)
	}
	b.WriteString("}")
}

// printable reports whether a list is a non-empty string of printable
// characters, as Erlang's ~p would print it in double quotes.
func printable(t term) (string, bool) {
	if len(t.elems) == 0 {
		return "", false
	}
	var b strings.Builder
	for _, e := range t.elems {
		if e.k != kInt || e.n < 32 || e.n > 0x10FFFF || !unicode.IsPrint(rune(e.n)) {
			return "", false
		}
		b.WriteRune(rune(e.n))
	}
	return b.String(), true
}

// isStack reports whether an OTP term is a stack trace: a non-empty list
// of {Module, Function, Arity or Args, Location}.
func isStack(t term) bool {
	if t.k != kList || len(t.elems) == 0 {
		return false
	}
	for _, e := range t.elems {
		if e.k != kTuple || len(e.elems) != 4 || e.elems[0].k != kAtom || e.elems[1].k != kAtom ||
			e.elems[2].k != kInt && e.elems[2].k != kList || e.elems[3].k != kList {
			return false
		}
	}
	return true
}

// mapTerm rewrites a parsed OTP term: raw pids and refs through the tables
// of the run, stack traces to kStack. User terms come back as they were
// sent: nothing in them is rewritten.
func mapTerm(t term, pids map[string]term, refs map[string]int64) term {
	switch t.k {
	case kRawPid:
		if p, ok := pids[t.s]; ok {
			return p
		}
		return term{k: kPid}
	case kRawRef:
		return term{k: kRef, n: refs[t.s]}
	case kTuple, kList, kMap:
		if isStack(t) {
			return term{k: kStack}
		}
		out := term{k: t.k, elems: make([]term, len(t.elems))}
		for i, e := range t.elems {
			out.elems[i] = mapTerm(e, pids, refs)
		}
		return out
	}
	return t
}
