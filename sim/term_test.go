package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Atoms print as Erlang source writes them (io:format("~p") on OTP 25).
func TestAtomString(t *testing.T) {
	for atom, want := range map[Atom]string{
		"boom":          "boom",
		"nonode@nohost": "nonode@nohost",
		"EXIT":          "'EXIT'",
		"end":           "'end'",
		"receive":       "'receive'",
		"it's":          `'it\'s'`,
		"a b":           "'a b'",
		"":              "''",
		"a\nb":          `'a\x{a}b'`,
	} {
		require.Equal(t, want, atom.String(), "%q", string(atom))
	}
}

// Strings print as Erlang string literals, valid Erlang source.
func TestStrString(t *testing.T) {
	require.Equal(t, `"say \"hi\"\x{a}"`, Str("say \"hi\"\n").String())
	require.Equal(t, `"café"`, Str("café").String())
}

func TestTermString(t *testing.T) {
	term := Tuple{Atom("EXIT"), Pid(101), ErrorReason(Atom("badarg")), List{Int(-1), Float(1), Str("hi")}, Ref(3)}
	require.Equal(t, `{'EXIT',<0.101.0>,{badarg,[...]},[-1,1.0,"hi"],#Ref<3>}`, term.String())
}
