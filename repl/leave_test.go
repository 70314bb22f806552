package repl

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Ctrl-D (endOfInput) in an open sup body drops the body; with unsaved
// commands it warns once, and leaves at the next; a save, or only
// inspections since, leave at once; a script never asks.
func TestLeavingAsksOnce(t *testing.T) {
	s := newSession(false, false)
	s.typeLine("sup s {")
	s.typeLine("  worker w")
	require.False(t, s.sh.endOfInput())
	s.typeLine("ps")
	require.True(t, s.sh.endOfInput(), "nothing ran: nothing to save")
	s.typeLine("spawn a")
	require.False(t, s.sh.endOfInput())
	require.False(t, s.sh.quit)
	s.typeLine("spawn b")
	s.typeLine("quit")
	require.False(t, s.sh.quit, "a command ran since the warning: it warns again")
	s.typeLine("quit")
	require.True(t, s.sh.quit)
	out := s.buf.String()
	require.Equal(t, 1, strings.Count(out, "the open command is dropped"), out)
	require.Contains(t, out, "1 command is not saved")
	require.Contains(t, out, "2 commands are not saved")
	require.NotContains(t, out, "s          is spawned", "the dropped body never ran")

	s = newSession(false, false)
	s.typeLine("spawn a")
	s.typeLine("save a.scn")
	s.typeLine("info a")
	require.True(t, s.sh.endOfInput(), "saved, then only an inspection")

	s = newSession(true, false)
	s.typeLine("spawn a")
	require.True(t, s.sh.endOfInput(), "a script ends with its input")
}
