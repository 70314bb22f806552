package sim

import (
	"sort"
	"strconv"
	"strings"
)

// Binary is an Erlang binary: a sequence of bytes.
type Binary string

// Map is an Erlang map. Its pairs are kept sorted by key in Erlang's map
// key order (see CompareMapKeys), which is how OTP prints them; build one
// with NewMap.
type Map []Pair

// Pair is one key and its value in a Map.
type Pair struct {
	Key, Value Term
}

func (Binary) isTerm() {}
func (Map) isTerm()    {}

// NewMap builds a map from pairs in any order. When a key repeats, the last
// value wins, as in the Erlang expression #{a => 1, a => 2}.
func NewMap(pairs []Pair) Map {
	m := make(Map, 0, len(pairs))
	for _, p := range pairs {
		i := sort.Search(len(m), func(i int) bool { return CompareMapKeys(m[i].Key, p.Key) >= 0 })
		if i < len(m) && CompareMapKeys(m[i].Key, p.Key) == 0 {
			m[i].Value = p.Value
			continue
		}
		m = append(m, Pair{})
		copy(m[i+1:], m[i:])
		m[i] = p
	}
	return m
}

// Get returns the value of key in m.
func (m Map) Get(key Term) (Term, bool) {
	i := sort.Search(len(m), func(i int) bool { return CompareMapKeys(m[i].Key, key) >= 0 })
	if i < len(m) && CompareMapKeys(m[i].Key, key) == 0 {
		return m[i].Value, true
	}
	return nil, false
}

// String prints the map as io:format("~p") does on one line:
// #{K => V,…}, keys in map key order.
func (m Map) String() string { return Format(m, nil) }

func formatMap(b *strings.Builder, m Map, pid func(Pid) string) {
	b.WriteString("#{")
	for i, p := range m {
		if i > 0 {
			b.WriteByte(',')
		}
		format(b, p.Key, pid)
		b.WriteString(" => ")
		format(b, p.Value, pid)
	}
	b.WriteByte('}')
}

// String prints the binary as io:format("~p") does: <<"text">> when every
// byte is a printable Latin-1 character or has an escape (\n, \t, …),
// else the bytes as integers, <<1,2,3>>.
func (b Binary) String() string {
	if len(b) == 0 {
		return "<<>>"
	}
	if s, ok := binaryText(string(b)); ok {
		return "<<" + s + ">>"
	}
	var sb strings.Builder
	sb.WriteString("<<")
	for i := 0; i < len(b); i++ {
		if i > 0 {
			sb.WriteByte(',')
		}
		sb.WriteString(strconv.Itoa(int(b[i])))
	}
	sb.WriteString(">>")
	return sb.String()
}

// binaryEscapes are the control characters ~p writes with a letter.
var binaryEscapes = map[byte]string{
	'\n': `\n`, '\r': `\r`, '\t': `\t`, '\v': `\v`, '\b': `\b`, '\f': `\f`, 0x1b: `\e`,
	'"': `\"`, '\\': `\\`,
}

// binaryText writes the bytes of s as a quoted Latin-1 string, if ~p would.
func binaryText(s string) (string, bool) {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch e, ok := binaryEscapes[c]; {
		case ok:
			b.WriteString(e)
		case c >= 32 && c <= 126 || c >= 160:
			b.WriteRune(rune(c))
		default:
			return "", false
		}
	}
	b.WriteByte('"')
	return b.String(), true
}
