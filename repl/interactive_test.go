package repl

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// syncBuffer is a bytes.Buffer safe for readline's goroutines and ours.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// The interactive REPL driven through readline with a fake terminal: Tab
// completes, a sup body continues over lines, Ctrl-C cancels a line,
// Ctrl-D leaves, and history keeps the commands. Run it with -race: readline
// calls the completer from its own goroutine.
func TestInteractiveReadline(t *testing.T) {
	hist := filepath.Join(t.TempDir(), "state", "crashcourse", "history")
	input := "spawn a\r" +
		"a: spawn_l\tb\r" +
		"b: spawn_link c\r" +
		"sup s {\r  worker w\r}\r" +
		"half a line\x03" +
		"sup t {\r  worker cancelled\x03" +
		"spawn z\r" +
		"kill b\r" +
		"why c\r" +
		"\x04"
	var out syncBuffer
	code := Run(Options{Stdin: strings.NewReader(input), Stdout: &out, Stderr: &out, HistoryFile: hist,
		term: &fakeTerminal{width: 100}})
	require.Equal(t, ExitOK, code)
	got := out.String()
	mustContain(t, got, "crashcourse repl", "a: spawn_link b", "is spawned by a, linked",
		"  ... ", "s          started child w", "half a line^C",
		"c          gets exit signal killed from b (link) → c dies   ← #")
	require.NotContains(t, got, "\x1b[3") // no colour without a real terminal
	require.NotContains(t, got, "cancelled  is spawned")
	mustContain(t, got, "z          is spawned by <shell>")
	saved, err := os.ReadFile(hist)
	require.NoError(t, err)
	require.Equal(t, "spawn a\na: spawn_link b\nb: spawn_link c\nsup s {; worker w; }\nspawn z\nkill b\nwhy c\n", string(saved))
}

// quit leaves too, after it asked once about the unsaved command; history
// is loaded at the next start (↑ recalls it).
func TestInteractiveQuitAndHistory(t *testing.T) {
	hist := filepath.Join(t.TempDir(), "history")
	require.NoError(t, os.WriteFile(hist, []byte("spawn remembered\n"), 0o600))
	var out syncBuffer
	code := Run(Options{Stdin: strings.NewReader("\x1b[A\rquit\rquit\rspawn never\r"), Stdout: &out, HistoryFile: hist,
		term: &fakeTerminal{width: 80}})
	require.Equal(t, ExitOK, code)
	mustContain(t, out.String(), "remembered is spawned by <shell>",
		"1 command is not saved (save FILE keeps the session); quit or Ctrl-D again leaves without saving")
	require.NotRegexp(t, `never +is spawned`, out.String())
}

// A flood pasted at the prompt is cut off and refused quickly; the REPL
// goes on.
func TestInteractiveLongPaste(t *testing.T) {
	if raceEnabled {
		t.Skip("readline's editing of the first 2048 bytes is slow under the race detector; TestInputGuard tests the guard")
	}
	var out syncBuffer
	start := time.Now()
	code := Run(Options{Stdin: strings.NewReader(strings.Repeat("x", MaxLineBytes) + "\rspawn a\r"), Stdout: &out,
		HistoryFile: filepath.Join(t.TempDir(), "h"), term: &fakeTerminal{width: 80}})
	require.Equal(t, ExitOK, code)
	require.Less(t, time.Since(start), 20*time.Second)
	mustContain(t, out.String(), "error: line longer than 2048 bytes at the prompt; ignored", "a          is spawned by <shell>")
}
