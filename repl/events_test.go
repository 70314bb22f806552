package repl

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/stretchr/testify/require"
)

// At 80 columns event lines wrap under their text, a cascade deeper than
// the indentation cap shows its depth as a number, and the time column
// widens for the longest time the clock shows; every line printed fits,
// in plain text and in colour.
func TestEventLinesWrapAt80(t *testing.T) {
	src := "spawn boss trap_exit\n" +
		"boss: spawn_link worker_with_a_long_name\n" +
		"worker_with_a_long_name: crash {database_connection_lost, {host, \"db.example.org\"}, {port, 5432}}\n" +
		"spawn p0\n"
	for i := 1; i <= 11; i++ {
		src += "p" + itoa(i-1) + ": spawn_link p" + itoa(i) + "\n"
	}
	src += "kill p11\nadvance 875999h\nspawn late\nsend late {a, much, longer, message, than, fits, on, one, line, of, the, terminal}\n"
	for _, color := range []bool{false, true} {
		s := newSession(false, false)
		s.sh.out.color = color
		s.sh.out.width = func() int { return 80 }
		out := s.feedAll(src)
		for _, l := range strings.Split(out, "\n") {
			l = stripANSI(l)
			if strings.HasPrefix(l, "[t=") { // the line typed, which the terminal wraps
				continue
			}
			require.LessOrEqual(t, utf8.RuneCountInString(l), 80, "%q", l)
		}
		if !color {
			golden.RequireEqual(t, out)
		} else {
			require.Contains(t, out, "\x1b[")
		}
	}
}

// stripANSI removes the SGR escapes colour adds.
func stripANSI(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == 0x1b {
			for i < len(s) && s[i] != 'm' {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
