package scenarios

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Lines wrap at word boundaries to the width, continuation lines under an
// indent, and a word wider than the room is never cut.
func TestWrapBreaksAtWordBoundaries(t *testing.T) {
	for _, tc := range []struct {
		name, text, indent string
		width              int
		want               []string
	}{
		{"fits", "spawn a", "  ", 20, []string{"spawn a"}},
		{"no limit", "a b c", "", 0, []string{"a b c"}},
		{"breaks between words", "one two three four", "  ", 10, []string{"one two", "  three", "  four"}},
		{"a long word stays whole", "see {a_very_long_term,1} here", "", 8, []string{"see", "{a_very_long_term,1}", "here"}},
		{"leading spaces are kept", "  abc def ghi", "    ", 9, []string{"  abc def", "    ghi"}},
		{"padding inside a line is kept", "  spawn      start an idle process", "    ", 20, []string{"  spawn      start", "    an idle process"}},
		{"counts runes, not bytes", "a → b → c", "", 5, []string{"a → b", "→ c"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Wrap(tc.text, tc.width, tc.indent)
			require.Equal(t, tc.want, got)
		})
	}
}

// No wrapped line is wider than the width unless it is one word.
func FuzzWrap(f *testing.F) {
	f.Add("one two three four five", 7)
	f.Add("  {a,b}   c", 3)
	f.Fuzz(func(t *testing.T, text string, width int) {
		width = width%100 + 1
		if width < 1 {
			width = -width + 1
		}
		for _, l := range Wrap(text, width, "  ") {
			if len([]rune(l)) > width {
				require.LessOrEqual(t, len(strings.FieldsFunc(l, func(r rune) bool { return r == ' ' })), 1, "a line over the width is one word: %q", l)
			}
		}
	})
}
