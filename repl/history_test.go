package repl

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// allocatedBy is how many bytes f allocates.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func requireHistoryMode(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), fi.Mode().Perm())
}

// TestHistoryHugeFileBounded: a huge history costs a bounded amount of
// memory at start, keeps its latest entries, and is cut down to them.
func TestHistoryHugeFileBounded(t *testing.T) {
	cases := []struct {
		name string
		data []byte
		last string // the latest entry kept
	}{
		{"many entries", bytes.Repeat([]byte("spawn a\n"), 50<<20/8), "spawn a"},
		{"one endless line", append(bytes.Repeat([]byte("x"), 50<<20), "\nspawn b\n"...), "spawn b"},
		{"no newline at all", bytes.Repeat([]byte("\x00\xff"), 25<<20), ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "history")
			require.NoError(t, os.WriteFile(path, c.data, 0o644))
			var entries []string
			var h *history
			used := allocatedBy(func() { h, entries, _ = openHistory(path) })
			defer h.close()
			require.Less(t, used, uint64(4<<20), "50 MB of history read within a few MB")
			require.LessOrEqual(t, len(entries), maxHistoryEntries)
			if c.last != "" {
				require.Equal(t, c.last, entries[len(entries)-1])
			}
			fi, err := os.Stat(path)
			require.NoError(t, err)
			require.LessOrEqual(t, fi.Size(), int64(maxHistoryBytes), "the file is cut down to what is kept")
			requireHistoryMode(t, path)
		})
	}
}

// TestHistoryCorruptEntriesSkipped: entries that are not text the prompt
// could take are skipped, with a message, and dropped from the file.
func TestHistoryCorruptEntriesSkipped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	data := "spawn a\n\xff\xfe\nkill \x1b[2J a\n" + strings.Repeat("y", maxTypedBytes+1) + "\n\nspawn b\n"
	require.NoError(t, os.WriteFile(path, []byte(data), 0o600))
	h, entries, notes := openHistory(path)
	h.close()
	require.Equal(t, []string{"spawn a", "spawn b"}, entries)
	require.Equal(t, []string{"skipped 3 unreadable entries of the history " + path}, notes)
	saved, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "spawn a\nspawn b\n", string(saved))
}

// TestHistoryWrittenPrivately: the history is created 0600, an older one
// is made 0600, and an entry it may not keep is not written.
func TestHistoryWrittenPrivately(t *testing.T) {
	dir := t.TempDir()
	fresh := filepath.Join(dir, "fresh")
	h, entries, notes := openHistory(fresh)
	require.Empty(t, entries)
	require.Empty(t, notes)
	h.add("spawn a")
	h.add("spawn \x1b[31m")
	h.add(strings.Repeat("z", maxTypedBytes+1))
	h.close()
	requireHistoryMode(t, fresh)
	saved, err := os.ReadFile(fresh)
	require.NoError(t, err)
	require.Equal(t, "spawn a\n", string(saved))

	old := filepath.Join(dir, "old")
	require.NoError(t, os.WriteFile(old, []byte("spawn a\n"), 0o644))
	require.NoError(t, os.Chmod(old, 0o644))
	h, entries, _ = openHistory(old)
	h.close()
	require.Equal(t, []string{"spawn a"}, entries)
	requireHistoryMode(t, old)
}

// TestHistoryDefaultFile: the history lives in the state directory, which
// the tests point at a temporary one; a relative XDG_STATE_HOME is
// ignored, as for the lessons' progress.
func TestHistoryDefaultFile(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	require.Equal(t, filepath.Join(state, "crashcourse", "history"), defaultHistoryFile())
	home := t.TempDir()
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", home)
	require.Equal(t, filepath.Join(home, ".local", "state", "crashcourse", "history"), defaultHistoryFile())
	t.Setenv("XDG_STATE_HOME", "relative/state") // the XDG spec: ignored
	require.Equal(t, filepath.Join(home, ".local", "state", "crashcourse", "history"), defaultHistoryFile())
}

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
	requireHistoryMode(t, hist)
	saved, err := os.ReadFile(hist)
	require.NoError(t, err)
	require.Equal(t, "spawn remembered\nspawn remembered\nquit\n", string(saved))
}
