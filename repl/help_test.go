package repl

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// help fits a terminal of 80x24: the index, with its prompt and the REPL's
// own lines, takes at most 24 rows, and no line of any help is wider than
// the terminal; at 60 columns it wraps to 60.
func TestHelpFitsTheTerminal(t *testing.T) {
	for _, width := range []int{80, 60} {
		s := newSession(false, false)
		s.sh.width = func() int { return width }
		s.typeLine("help")
		index := strings.Split(strings.TrimSuffix(s.buf.String(), "\n"), "\n")
		if width == 80 {
			require.LessOrEqual(t, len(index)+1, 24, "the index, its prompt and the next prompt")
		}
		for _, topic := range []string{"supervisors", "worker", "expect", "session", "sup", "call"} {
			s.typeLine("help " + topic)
		}
		s.sh.out.flush()
		for _, l := range strings.Split(s.buf.String(), "\n") {
			if utf8.RuneCountInString(l) > width {
				require.Len(t, strings.Fields(l), 1, "at %d columns: %q", width, l)
			}
		}
	}
}
