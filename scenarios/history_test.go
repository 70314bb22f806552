package scenarios

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
			var h *History
			used := allocatedBy(func() { h, entries, _ = OpenHistory(path) })
			defer h.Close()
			require.Less(t, used, uint64(4<<20), "50 MB of history read within a few MB")
			require.LessOrEqual(t, len(entries), MaxHistoryEntries)
			if c.last != "" {
				require.Equal(t, c.last, entries[len(entries)-1])
			}
			fi, err := os.Stat(path)
			require.NoError(t, err)
			require.LessOrEqual(t, fi.Size(), int64(MaxHistoryBytes), "the file is cut down to what is kept")
			requireHistoryMode(t, path)
		})
	}
}

// TestHistoryCorruptEntriesSkipped: entries that are not text the prompt
// could take are skipped, with a message, and dropped from the file.
func TestHistoryCorruptEntriesSkipped(t *testing.T) {
	path := filepath.Join(t.TempDir(), "history")
	data := "spawn a\n\xff\xfe\nkill \x1b[2J a\n" + strings.Repeat("y", MaxTypedBytes+1) + "\n\nspawn b\n"
	require.NoError(t, os.WriteFile(path, []byte(data), 0o600))
	h, entries, notes := OpenHistory(path)
	h.Close()
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
	h, entries, notes := OpenHistory(fresh)
	require.Empty(t, entries)
	require.Empty(t, notes)
	h.Add("spawn a")
	h.Add("spawn \x1b[31m")
	h.Add(strings.Repeat("z", MaxTypedBytes+1))
	h.Close()
	requireHistoryMode(t, fresh)
	saved, err := os.ReadFile(fresh)
	require.NoError(t, err)
	require.Equal(t, "spawn a\n", string(saved))

	old := filepath.Join(dir, "old")
	require.NoError(t, os.WriteFile(old, []byte("spawn a\n"), 0o644))
	require.NoError(t, os.Chmod(old, 0o644))
	h, entries, _ = OpenHistory(old)
	h.Close()
	require.Equal(t, []string{"spawn a"}, entries)
	requireHistoryMode(t, old)
}

// TestHistoryDefaultFile: the history lives in the state directory, which
// the tests point at a temporary one; a relative XDG_STATE_HOME is
// ignored, as for the lessons' progress.
func TestHistoryDefaultFile(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	require.Equal(t, filepath.Join(state, "crashcourse", "history"), DefaultHistoryFile())
	home := t.TempDir()
	t.Setenv("XDG_STATE_HOME", "")
	t.Setenv("HOME", home)
	require.Equal(t, filepath.Join(home, ".local", "state", "crashcourse", "history"), DefaultHistoryFile())
	t.Setenv("XDG_STATE_HOME", "relative/state") // the XDG spec: ignored
	require.Equal(t, filepath.Join(home, ".local", "state", "crashcourse", "history"), DefaultHistoryFile())
	dir, err := StateDir()
	require.NoError(t, err)
	require.Equal(t, filepath.Join(home, ".local", "state", "crashcourse"), dir, "the progress file's directory too")
	t.Setenv("HOME", "")
	require.Empty(t, DefaultHistoryFile(), "no home, no history file")
	h, entries, notes := OpenHistory("")
	h.Add("spawn a")
	require.NoError(t, h.Close())
	require.Empty(t, entries)
	require.Equal(t, []string{"no state directory for the history; it will not be kept"}, notes)
}

// TestHistoryRewrittenAtomically: a history over its bounds is replaced
// by a new file holding the entries kept (the old one, still open
// elsewhere, is untouched), with nothing left beside it; then appended to.
func TestHistoryRewrittenAtomically(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "history")
	var data strings.Builder
	for i := range MaxHistoryEntries + 5 {
		data.WriteString("spawn p" + itoa(i) + "\n")
	}
	require.NoError(t, os.WriteFile(path, []byte(data.String()), 0o600))
	before, err := os.Stat(path)
	require.NoError(t, err)
	h, entries, notes := OpenHistory(path)
	require.Empty(t, notes)
	require.Len(t, entries, MaxHistoryEntries)
	require.Equal(t, "spawn p5", entries[0])
	h.Add("spawn new")
	require.NoError(t, h.Close())
	after, err := os.Stat(path)
	require.NoError(t, err)
	require.False(t, os.SameFile(before, after), "a new file renamed over the old one")
	saved, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, strings.Join(append(entries, "spawn new"), "\n")+"\n", string(saved))
	names, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, names, 1, "no temporary file left")
	requireHistoryMode(t, path)
}

// TestHistoryNotKept: a history that cannot be read, or has no
// directory, says so once and keeps nothing, without failing.
func TestHistoryNotKept(t *testing.T) {
	dir := t.TempDir()
	h, entries, notes := OpenHistory(dir)
	h.Add("spawn a")
	require.NoError(t, h.Close())
	require.Empty(t, entries)
	require.Equal(t, []string{"cannot read the history " + dir + ": is a directory; it will not be kept"}, notes)

	file := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(file, nil, 0o600))
	h, _, notes = OpenHistory(filepath.Join(file, "history"))
	h.Add("spawn a")
	require.NoError(t, h.Close())
	require.Equal(t, []string{"no state directory for the history; it will not be kept"}, notes)
}

// TestHistoryEntries: a multi-line command is one entry, joined by "; ",
// unless a comment would swallow the rest.
func TestHistoryEntries(t *testing.T) {
	require.Nil(t, HistoryEntries(""))
	require.Equal(t, []string{"spawn a"}, HistoryEntries("spawn a"))
	require.Equal(t, []string{"sup s {; worker a; }"}, HistoryEntries("sup s {\n  worker a\n}"))
	require.Equal(t, []string{"sup s {", " worker a # x", "}"}, HistoryEntries("sup s {\n worker a # x\n}"))
}
