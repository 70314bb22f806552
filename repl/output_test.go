package repl

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/stretchr/testify/require"
)

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// Coloured output reads exactly as the plain output once its escapes are
// removed, and plain output has none.
func TestColorMatchesPlain(t *testing.T) {
	tour, _ := scenarios.BuiltinNamed("tour")
	src := string(tour.Src) + "spawn x\nx: send_after 1s x hi\nadvance 2s\nbogus\nkill nobody\nexpect alive nobody\n" +
		"sup s intensity=1 {\n worker w trap_exit terminate=1s\n}\nw: crash\nw: crash\nrun\nwhy w\n"
	run := func(color bool) string {
		var buf bytes.Buffer
		sh := newShell(0, "<repl>", false, false, newOutput(&buf, color))
		for _, l := range strings.Split(src, "\n") {
			sh.feed(l)
		}
		sh.feed("load builtin:monitors")
		sh.finish()
		return buf.String()
	}
	plain, colored := run(false), run(true)
	require.NotContains(t, plain, "\x1b")
	require.Contains(t, colored, "\x1b[")
	require.Equal(t, plain, ansi.ReplaceAllString(colored, ""))
}

// A command prints at most maxShownEvents events interactively.
func TestEventCap(t *testing.T) {
	s := newSession(false, false)
	s.typeLine("spawn p0")
	for i := 1; i < 200; i++ {
		s.sh.feed("p" + itoa(i-1) + ": spawn_link p" + itoa(i))
	}
	s.sh.out.flush()
	s.buf.Reset()
	s.typeLine("kill p100")
	out := s.buf.String()
	require.Equal(t, maxShownEvents+2, strings.Count(out, "\n"), out) // prompt, events, the note
	mustContain(t, out, "  … and 201 more events (the REPL's limit; `trace N` prints the last N)\n")
}

// `trace` of a long trace prints its last maxTraceLines entries, with a note.
func TestTraceCap(t *testing.T) {
	s := newSession(false, false)
	s.typeLine("spawn p0")
	for i := 1; i < maxTraceLines+10; i++ {
		s.sh.feed("spawn p" + itoa(i))
	}
	s.sh.out.flush()
	s.buf.Reset()
	s.typeLine("trace")
	out := s.buf.String()
	mustContain(t, out, "note: trace shows the last 10000 of 10010 entries (the REPL's limit)\n", "#11   p10 ")
	require.NotContains(t, out, "#10   p9 ")
	s.buf.Reset()
	s.typeLine("trace 2")
	require.Equal(t, 3, strings.Count(s.buf.String(), "\n"))
}

// What a command prints is capped too: a why chain of a long cascade.
func TestLinesCap(t *testing.T) {
	s := newSession(false, false)
	s.typeLine("spawn p0")
	for i := 1; i < 700; i++ {
		s.sh.feed("p" + itoa(i-1) + ": spawn_link p" + itoa(i))
	}
	s.sh.feed("kill p0")
	s.sh.out.flush()
	s.buf.Reset()
	s.typeLine("why p699")
	out := s.buf.String()
	require.Equal(t, maxShownLines+2, strings.Count(out, "\n"), out)
	mustContain(t, out, "  … and 401 more lines (the REPL's limit)\n")
}

func TestInputGuard(t *testing.T) {
	g := &inputGuard{}
	b := []byte(strings.Repeat("a", maxTypedBytes-1) + "\x7fbc" + "\x1b[A" + "\rnext")
	k := g.filter(b)
	require.True(t, g.dropped.Load())
	require.Equal(t, strings.Repeat("a", maxTypedBytes-1)+"\x7fbc\x1b\rnext", string(b[:k]))
	require.Equal(t, 4, g.n)
}

// TestErrorsAreTerminalSafe: an error on a line holding escapes, control
// bytes or invalid UTF-8 shows them as visible escapes, and a line of a
// megabyte shows as a window of bounded width, in both faces.
func TestErrorsAreTerminalSafe(t *testing.T) {
	long := "spawn " + strings.Repeat("a", MaxLineBytes-100) + " \x1b[2J"
	for _, script := range []bool{false, true} {
		cases := []struct{ line, want string }{
			{"spawn a \x1b[31mred", `spawn a \x1b[31mred`},
			{"send a \x00\x07", `send a \x00\x07`},
			{"send a \xff\xfe", `send a \xff\xfe`},
			{"send a \u202eevil", `send a \u202eevil`},
		}
		for _, c := range cases {
			s := newSession(script, false)
			s.sh.feed(c.line)
			s.sh.out.flush()
			out := s.buf.String()
			mustContain(t, out, c.want)
			require.NotContains(t, out, "\x1b")
			require.NotContains(t, out, "\x00")
			require.NotContains(t, out, "\u202e")
		}
		s := newSession(script, false)
		s.sh.feed(long)
		s.sh.out.flush()
		require.Less(t, s.buf.Len(), 1000, "a megabyte line, shown bounded")
		require.NotContains(t, s.buf.String(), "\x1b")
		mustContain(t, s.buf.String(), `\x1b[2J`)
	}
}
