package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// historyModel is a TUI of size 80×24 that keeps its history in path.
func historyModel(t *testing.T, path string) Model {
	m := New(scenarios.NewSession(0), Options{Title: "test.scn", NoColor: true, KeepHistory: true, HistoryFile: path})
	t.Cleanup(func() { require.NoError(t, m.closeHistory()) })
	return send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
}

// A command typed in one TUI is recalled by ↑ in the next one on the same
// file (as the REPL's are), and the file holds it as the REPL writes it.
func TestHistoryRecalledByTheNextTUI(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	require.NoError(t, os.WriteFile(path, []byte("spawn from_the_repl\n"), 0o600))
	first := historyModel(t, path)
	first = press(first, ":", "up")
	assert.Equal(t, "spawn from_the_repl", first.input.Value(), "↑ recalls what the REPL kept")
	first = press(first, "esc")
	first = typeLine(first, "spawn a")
	first = typeLine(first, "spwn b") // a line that does not parse is history too, as in the REPL
	assert.Contains(t, screen(first), "<tui>:2:1", "errors count the lines typed here, not the history")
	require.NoError(t, first.closeHistory())

	next := historyModel(t, path)
	next = press(next, ":", "up")
	assert.Equal(t, "spwn b", next.input.Value())
	next = press(next, "up")
	assert.Equal(t, "spawn a", next.input.Value())
	next = press(next, "up")
	assert.Equal(t, "spawn from_the_repl", next.input.Value())
	saved, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "spawn from_the_repl\nspawn a\nspwn b\n", string(saved))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
}

// Without KeepHistory (a host such as crashcourse serve), the history is
// the TUI's own, in memory: the user's history file is never read or
// written.
func TestHistoryInMemoryByDefault(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("HOME", t.TempDir())
	hist := filepath.Join(state, "crashcourse", "history")
	require.NoError(t, os.MkdirAll(filepath.Dir(hist), 0o700))
	require.NoError(t, os.WriteFile(hist, []byte("spawn secret\n"), 0o600))
	m := newModel(t, "", 80, 24)
	m = press(m, ":", "up")
	assert.Empty(t, m.input.Value(), "nothing recalled from the host's file")
	m = press(m, "esc")
	m = typeLine(m, "spawn a")
	m = press(m, ":", "up")
	assert.Equal(t, "spawn a", m.input.Value())
	saved, err := os.ReadFile(hist)
	require.NoError(t, err)
	assert.Equal(t, "spawn secret\n", string(saved))
}

// A history that cannot be kept does not stop the TUI: the status line
// says so once, and ↑ still recalls what was typed since.
func TestHistoryNotKeptIsSaidOnce(t *testing.T) {
	dir := t.TempDir()
	m := historyModel(t, dir) // a directory: cannot be read
	assert.Contains(t, screen(m), "cannot read the history "+dir+": is a")
	assert.Contains(t, screen(m), "  directory; it will not be kept")
	m = typeLine(m, "spawn a")
	assert.NotContains(t, screen(m), "cannot read the history")
	m = press(m, ":", "up")
	assert.Equal(t, "spawn a", m.input.Value())
}

// The history in memory keeps at most the entries the file keeps.
func TestHistoryBoundedInMemory(t *testing.T) {
	m := newModel(t, "", 80, 24)
	for range scenarios.MaxHistoryEntries + 3 {
		m.remember("spawn a")
	}
	m.remember("spawn last")
	assert.Len(t, m.history, scenarios.MaxHistoryEntries)
	assert.Equal(t, "spawn last", m.history[len(m.history)-1])
}
