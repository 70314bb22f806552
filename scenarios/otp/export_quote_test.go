package otp

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Elixir literals escape what could end them or interpolate, and what a
// reader could not see.
func TestExQuoteEscapesWhatCouldRunOrHide(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"backslash and quote", `a\"b`, `"a\\\"b"`},
		{"interpolation", `#{x}`, `"\#{x}"`},
		{"newline and escape", "a\nb\x1b", `"a\u{a}b\u{1b}"`},
		{"bidi and line separator", "\u202e\u2028", `"\u{202e}\u{2028}"`},
		{"printable unicode kept", "été ✓", `"été ✓"`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, exQuote(tt.in), tt.name)
	}
}

func TestExAtomQuotesAllButIdentifiers(t *testing.T) {
	for in, want := range map[string]string{
		"db": ":db", "_x1": ":_x1", "Db": `:"Db"`, "a@b": `:"a@b"`, "a b": `:"a b"`, "": `:""`, `x"}`: `:"x\"}"`,
	} {
		assert.Equal(t, want, exAtom(in), in)
	}
}

// Erlang text keeps what it means and shows every hidden character as an
// escape; newlines (written by the generator only) stay.
func TestErlPrintableEscapesHiddenCharacters(t *testing.T) {
	assert.Equal(t, "'a\\x{202e}b'\n%% \\x{2028}", erlPrintable("'a\u202eb'\n%% \u2028"))
	assert.Equal(t, "plain 'été'\n", erlPrintable("plain 'été'\n"))
}
