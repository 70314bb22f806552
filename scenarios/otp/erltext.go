package otp

import (
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// Helpers that write Erlang source text: the translated scenario is a file
// of Erlang terms read with file:consult/1, and export writes modules.

// eAtom writes an atom, quoted only when Erlang needs it.
func eAtom(s string) string { return sim.Atom(s).String() }

// erlText writes a term as Erlang source; other writes the kinds that need
// resolving (pids, names, refs, stacks, wildcards).
func erlText(x *scenarios.TermExpr, other func(*scenarios.TermExpr) string) string {
	switch x.Kind {
	case scenarios.TermAtom:
		return eAtom(x.Atom)
	case scenarios.TermInt:
		return eInt(x.Int)
	case scenarios.TermFloat:
		return eFloat(x.Float)
	case scenarios.TermString:
		return eString(x.Str)
	case scenarios.TermTuple, scenarios.TermList:
		elems := make([]string, len(x.Elems))
		for i, e := range x.Elems {
			elems[i] = erlText(e, other)
		}
		if x.Kind == scenarios.TermTuple {
			return eTuple(elems...)
		}
		return eList(elems...)
	case scenarios.TermMap:
		kv := make([]string, len(x.Elems))
		for i, e := range x.Elems {
			kv[i] = erlText(e, other)
		}
		return eMap(kv...)
	case scenarios.TermBinary:
		return eBinary(x.Str)
	}
	return other(x)
}

// eBinary writes a binary as its bytes, <<1,2,3>>: valid in Erlang and
// Elixir alike, whatever the bytes.
func eBinary(s string) string {
	parts := make([]string, len(s))
	for i := 0; i < len(s); i++ {
		parts[i] = strconv.Itoa(int(s[i]))
	}
	return "<<" + strings.Join(parts, ",") + ">>"
}

// eString writes a string literal.
func eString(s string) string { return sim.Str(s).String() }

func eInt(n int64) string { return strconv.FormatInt(n, 10) }

// eFloat writes a float as Erlang reads it: digits on both sides of the point.
func eFloat(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

func eTuple(elems ...string) string { return "{" + strings.Join(elems, ", ") + "}" }

func eList(elems ...string) string { return "[" + strings.Join(elems, ", ") + "]" }

func eBool(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// eMap writes a map from key/value pairs, in the order given.
func eMap(kv ...string) string {
	parts := make([]string, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		parts = append(parts, kv[i]+" => "+kv[i+1])
	}
	return "#{" + strings.Join(parts, ", ") + "}"
}
