package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Binaries print as io:format("~p") prints them on OTP 25: as text when
// every byte is printable Latin-1 or has a letter escape, else as bytes.
func TestBinaryPrintsAsErlangDoes(t *testing.T) {
	for bin, want := range map[Binary]string{
		"abc":          `<<"abc">>`,
		"\x01\x02\x03": `<<1,2,3>>`,
		"":             `<<>>`,
		"a\nb":         `<<"a\nb">>`,
		"a\"b\\":       `<<"a\"b\\">>`,
		"ab\x00":       `<<97,98,0>>`,
		"tab\t":        `<<"tab\t">>`,
		"\x7f":         `<<127>>`,
		"\x1b":         `<<"\e">>`,
		"\xe9":         `<<"é">>`,
	} {
		require.Equal(t, want, bin.String(), "%q", string(bin))
	}
}

// Map keys print in map key order: the standard term order with every
// integer before every float, at any depth (measured with ~p on OTP 25).
func TestMapKeysPrintInMapKeyOrder(t *testing.T) {
	for _, c := range []struct {
		pairs []Pair
		want  string
	}{
		{[]Pair{{Atom("b"), Int(1)}, {Atom("a"), Int(2)}, {Int(1), Atom("x")}, {Float(1), Atom("y")},
			{Str("s"), Atom("z")}, {Tuple{Atom("t")}, Atom("w")}, {List{Atom("l")}, Atom("v")},
			{Binary("b"), Atom("u")}, {Pid(109), Atom("p")}},
			`#{1 => x,1.0 => y,a => 2,b => 1,<0.109.0> => p,{t} => w,"s" => z,[l] => v,<<"b">> => u}`},
		{[]Pair{{Int(2), Atom("a")}, {Float(1.5), Atom("b")}, {Int(1), Atom("c")}, {Float(1), Atom("d")}},
			`#{1 => c,2 => a,1.0 => d,1.5 => b}`},
		{[]Pair{{Tuple{Int(2)}, Atom("a")}, {Tuple{Float(1.5)}, Atom("b")}}, `#{{2} => a,{1.5} => b}`},
		{[]Pair{{List{Int(2)}, Atom("a")}, {List{Float(1)}, Atom("b")}, {List{Int(1)}, Atom("c")}},
			`#{[1] => c,[2] => a,[1.0] => b}`},
		{nil, `#{}`},
		{[]Pair{{Atom("a"), NewMap([]Pair{{Atom("b"), Binary("x")}})}}, `#{a => #{b => <<"x">>}}`},
	} {
		require.Equal(t, c.want, NewMap(c.pairs).String())
	}
}

// A key given twice keeps its last value, as #{a => 1, a => 2} does.
func TestMapRepeatedKeyLastWins(t *testing.T) {
	m := NewMap([]Pair{{Atom("a"), Int(1)}, {Atom("a"), Int(2)}})
	require.Equal(t, "#{a => 2}", m.String())
	v, ok := m.Get(Atom("a"))
	require.True(t, ok)
	require.Equal(t, Int(2), v)
}

// lists:sort/1 on OTP 25 orders number < atom < reference < pid < tuple <
// map < list < binary; tuples by size first; maps by size, then keys.
func TestCompareFollowsStandardTermOrder(t *testing.T) {
	ascending := []Term{Int(1), Atom("a"), Ref(1), Pid(100), Tuple{Atom("x")}, Map{}, List{}, Str("s"),
		List{Atom("a")}, Binary("")}
	for i := 1; i < len(ascending); i++ {
		require.Equal(t, -1, Compare(ascending[i-1], ascending[i]), "%v < %v", ascending[i-1], ascending[i])
		require.Equal(t, 1, Compare(ascending[i], ascending[i-1]))
	}
	require.Equal(t, -1, Compare(Tuple{Atom("z")}, Tuple{Int(1), Int(2)}))
	require.Equal(t, 0, Compare(Int(1), Float(1)))
	maps := []Term{
		NewMap([]Pair{{Atom("a"), Int(2)}}), NewMap([]Pair{{Atom("b"), Int(1)}}),
		NewMap([]Pair{{Atom("c"), Int(0)}}), NewMap([]Pair{{Atom("a"), Int(1)}, {Atom("b"), Int(2)}}),
	}
	for i := 1; i < len(maps); i++ {
		require.Equal(t, -1, Compare(maps[i-1], maps[i]))
	}
}

// Maps are equal when they have the same keys with exactly equal values:
// 1 and 1.0 are different keys and different values.
func TestMapEqualityIsExact(t *testing.T) {
	a := NewMap([]Pair{{Atom("a"), Int(1)}, {Atom("b"), Binary("x")}})
	require.True(t, Equal(a, NewMap([]Pair{{Atom("b"), Binary("x")}, {Atom("a"), Int(1)}})))
	require.False(t, Equal(a, NewMap([]Pair{{Atom("a"), Float(1)}, {Atom("b"), Binary("x")}})))
	require.False(t, Equal(NewMap([]Pair{{Int(1), Atom("a")}}), NewMap([]Pair{{Float(1), Atom("a")}})))
	require.False(t, Equal(a, NewMap([]Pair{{Atom("a"), Int(1)}})))
	require.False(t, Equal(a, Tuple{}))
	require.True(t, Equal(Tuple{a}, Tuple{a}))
}
