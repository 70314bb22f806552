package sim

import (
	"cmp"
	"strings"
)

// Compare orders two terms as Erlang's standard term order does:
// number < atom < reference < pid < tuple < map < list < binary (funs and
// ports do not occur). Numbers compare by value (1 == 1.0); tuples by size,
// then element by element; lists element by element; maps by size, then
// keys, then values; binaries byte by byte. A Stack orders after every
// other list. It returns -1, 0 or +1.
func Compare(a, b Term) int { return compare(a, b, false) }

// CompareMapKeys is the order of keys in a map: the standard order, except
// that every integer comes before every float, at any depth (so 1 and 1.0
// are different keys, and #{2 => a, 1.5 => b} prints 2 first).
func CompareMapKeys(a, b Term) int { return compare(a, b, true) }

// Ranks of the types in the standard order.
const (
	rankNumber = iota
	rankAtom
	rankRef
	rankPid
	rankTuple
	rankMap
	rankList
	rankBinary
)

func rank(t Term) int {
	switch t.(type) {
	case Int, Float:
		return rankNumber
	case Atom:
		return rankAtom
	case Ref:
		return rankRef
	case Pid:
		return rankPid
	case Tuple:
		return rankTuple
	case Map:
		return rankMap
	case Binary:
		return rankBinary
	}
	return rankList
}

func compare(a, b Term, exact bool) int {
	if ra, rb := rank(a), rank(b); ra != rb {
		return cmp.Compare(ra, rb)
	}
	switch x := a.(type) {
	case Int, Float:
		return compareNumbers(a, b, exact)
	case Atom:
		return strings.Compare(string(x), string(b.(Atom)))
	case Ref:
		return cmp.Compare(x, b.(Ref))
	case Pid:
		return cmp.Compare(x, b.(Pid))
	case Binary:
		return strings.Compare(string(x), string(b.(Binary)))
	case Tuple:
		y := b.(Tuple)
		if len(x) != len(y) {
			return cmp.Compare(len(x), len(y))
		}
		return compareSeq(x, y, exact)
	case Map:
		return compareMaps(x, b.(Map), exact)
	}
	return compareLists(a, b, exact)
}

// compareNumbers compares by value; exact puts integers before floats.
func compareNumbers(a, b Term, exact bool) int {
	fa, aFloat := toFloat(a)
	fb, bFloat := toFloat(b)
	switch {
	case exact && aFloat != bFloat && aFloat:
		return 1
	case exact && aFloat != bFloat:
		return -1
	case !aFloat && !bFloat:
		return cmp.Compare(a.(Int), b.(Int))
	case fa < fb:
		return -1
	case fa > fb:
		return 1
	}
	return 0
}

func toFloat(t Term) (float64, bool) {
	if f, ok := t.(Float); ok {
		return float64(f), true
	}
	return float64(t.(Int)), false
}

func compareMaps(x, y Map, exact bool) int {
	if len(x) != len(y) {
		return cmp.Compare(len(x), len(y))
	}
	for i := range x {
		if c := compare(x[i].Key, y[i].Key, true); c != 0 {
			return c
		}
	}
	for i := range x {
		if c := compare(x[i].Value, y[i].Value, exact); c != 0 {
			return c
		}
	}
	return 0
}

// compareLists compares two lists (List, Str or Stack) element by element.
func compareLists(a, b Term, exact bool) int {
	_, sa := a.(Stack)
	_, sb := b.(Stack)
	if sa || sb {
		return cmp.Compare(boolInt(sa), boolInt(sb))
	}
	return compareSeq(listElems(a), listElems(b), exact)
}

func compareSeq(x, y []Term, exact bool) int {
	for i := 0; i < len(x) && i < len(y); i++ {
		if c := compare(x[i], y[i], exact); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(x), len(y))
}

// listElems is the elements of a list; a string is its characters.
func listElems(t Term) []Term {
	if s, ok := t.(Str); ok {
		var out []Term
		for _, r := range string(s) {
			out = append(out, Int(r))
		}
		return out
	}
	return t.(List)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
