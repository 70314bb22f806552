package repl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The REPL started on a corrupt history says what it skipped, recalls
// the rest, and keeps the file 0600.
func TestInteractiveCorruptHistory(t *testing.T) {
	hist := filepath.Join(t.TempDir(), "history")
	require.NoError(t, os.WriteFile(hist, []byte("spawn remembered\n\xff\n"), 0o644))
	var out, errs syncBuffer
	code := Run(Options{Stdin: strings.NewReader("\x1b[A\rquit\r"), Stdout: &out, Stderr: &errs, HistoryFile: hist,
		term: &fakeTerminal{width: 80}})
	require.Equal(t, ExitOK, code)
	mustContain(t, errs.String(), "crashcourse repl: skipped 1 unreadable entry of the history "+hist)
	mustContain(t, out.String(), "remembered is spawned by <shell>")
	requireMode(t, hist, 0o600)
	saved, err := os.ReadFile(hist)
	require.NoError(t, err)
	require.Equal(t, "spawn remembered\nspawn remembered\nquit\n", string(saved))
}
