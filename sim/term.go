package sim

import (
	"strconv"
	"strings"
)

// Term is an Erlang term: Atom, Int, Float, Str, Tuple, List, Map, Binary,
// Pid, Ref or Stack. Terms are immutable once built.
type Term interface {
	String() string
	isTerm()
}

// Atom is an Erlang atom.
type Atom string

// Int is an Erlang integer (64-bit in the simulator).
type Int int64

// Float is an Erlang float.
type Float float64

// Str is an Erlang string (a list of characters), printed in double quotes.
type Str string

// Tuple is an Erlang tuple {A, B, ...}.
type Tuple []Term

// List is an Erlang proper list [A, B, ...].
type List []Term

// Stack stands for the stack trace of an erlang:error crash. It prints as
// [...] and equals any other Stack: the simulator has no real code to trace.
type Stack struct{}

func (Atom) isTerm()  {}
func (Int) isTerm()   {}
func (Float) isTerm() {}
func (Str) isTerm()   {}
func (Tuple) isTerm() {}
func (List) isTerm()  {}
func (Stack) isTerm() {}

// String prints the atom as Erlang source writes it: bare when it can be,
// else quoted (reserved words such as 'end' included), with quotes,
// backslashes and control characters escaped.
func (a Atom) String() string {
	s := string(a)
	if atomNeedsNoQuotes(s) && !reservedWords[s] {
		return s
	}
	return quote(s, '\'')
}

// quote writes s between q quotes as Erlang source does: the quote and
// backslash escaped, control characters as \x{H}.
func quote(s string, q rune) string {
	var b strings.Builder
	b.WriteRune(q)
	for _, r := range s {
		switch {
		case r == q || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 32 || r == 127:
			b.WriteString(`\x{` + strconv.FormatInt(int64(r), 16) + `}`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteRune(q)
	return b.String()
}

// reservedWords must be quoted to be atoms.
var reservedWords = map[string]bool{
	"after": true, "and": true, "andalso": true, "band": true, "begin": true, "bnot": true, "bor": true,
	"bsl": true, "bsr": true, "bxor": true, "case": true, "catch": true, "cond": true, "div": true,
	"end": true, "fun": true, "if": true, "let": true, "not": true, "of": true, "or": true, "orelse": true,
	"receive": true, "rem": true, "try": true, "when": true, "xor": true, "maybe": true, "else": true,
}

func atomNeedsNoQuotes(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '@') {
			return false
		}
	}
	return true
}

func (i Int) String() string { return strconv.FormatInt(int64(i), 10) }

// String prints the float with a decimal point, as Erlang always does.
func (f Float) String() string {
	s := strconv.FormatFloat(float64(f), 'g', -1, 64)
	if !strings.ContainsAny(s, ".eEnN") {
		s += ".0"
	}
	return s
}

func (s Str) String() string   { return quote(string(s), '"') }
func (Stack) String() string   { return "[...]" }
func (t Tuple) String() string { return Format(t, nil) }
func (l List) String() string  { return Format(l, nil) }

// Format prints t as its String method does, except that every pid in it,
// at any depth, is written by pid (Pid.String when pid is nil): one term
// printer for programs and for people, who see names.
func Format(t Term, pid func(Pid) string) string {
	var b strings.Builder
	format(&b, t, pid)
	return b.String()
}

func format(b *strings.Builder, t Term, pid func(Pid) string) {
	switch v := t.(type) {
	case Pid:
		if pid != nil {
			b.WriteString(pid(v))
			return
		}
	case Tuple:
		formatSeq(b, "{", v, "}", pid)
		return
	case List:
		formatSeq(b, "[", v, "]", pid)
		return
	case Map:
		formatMap(b, v, pid)
		return
	}
	b.WriteString(t.String())
}

func formatSeq(b *strings.Builder, open string, ts []Term, end string, pid func(Pid) string) {
	b.WriteString(open)
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(',')
		}
		format(b, t, pid)
	}
	b.WriteString(end)
}

// Equal reports whether two terms are exactly equal (Erlang's =:=).
func Equal(a, b Term) bool {
	switch x := a.(type) {
	case Tuple:
		y, ok := b.(Tuple)
		return ok && equalSeq(x, y)
	case List:
		y, ok := b.(List)
		return ok && equalSeq(x, y)
	case Map:
		y, ok := b.(Map)
		return ok && equalMaps(x, y)
	default:
		return a == b
	}
}

func equalSeq(a, b []Term) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !Equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// equalMaps reports whether two maps have the same keys with exactly equal
// values.
func equalMaps(x, y Map) bool {
	if len(x) != len(y) {
		return false
	}
	for i := range x {
		if CompareMapKeys(x[i].Key, y[i].Key) != 0 || !Equal(x[i].Value, y[i].Value) {
			return false
		}
	}
	return true
}

// Common atoms.
const (
	Normal   Atom = "normal"
	Kill     Atom = "kill"
	Killed   Atom = "killed"
	NoProc   Atom = "noproc"
	Badarg   Atom = "badarg"
	Shutdown Atom = "shutdown"
	Boom     Atom = "boom"
	True     Atom = "true"
	False    Atom = "false"
	Node     Atom = "nonode@nohost"
)

// ErrorReason is the exit reason of a process that raised erlang:error(R):
// {R, Stack}.
func ErrorReason(r Term) Term { return Tuple{r, Stack{}} }
