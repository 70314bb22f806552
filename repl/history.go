package repl

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
)

// Bounds on the history file, whatever it holds: the REPL reads at most
// its last maxHistoryBytes and keeps at most its last maxHistoryEntries
// entries. An entry is one line that the prompt could have taken: UTF-8
// text without control characters, at most maxTypedBytes long; anything
// else is skipped, with a message.
const (
	maxHistoryBytes   = 1 << 20
	maxHistoryEntries = 1000
)

// history is the file that keeps commands between sessions. It is the
// user's alone: created, and rewritten, with mode 0600.
type history struct {
	path string
	f    *os.File // open for appending; nil when the history is not kept
}

// openHistory reads the history kept at path, within the bounds, and
// opens it to append to. A file over the bounds, or holding entries that
// were skipped, is rewritten with the entries kept. notes say what the
// user should know: entries skipped, a file that cannot be kept.
func openHistory(path string) (h *history, entries []string, notes []string) {
	h = &history{path: path}
	shown := scenarios.FileName(path)
	entries, skipped, whole, err := readHistory(path)
	if err != nil && !os.IsNotExist(err) {
		return h, nil, []string{"cannot read the history " + shown + ": " + scenarios.ErrorText(errText(err)) + "; it will not be kept"}
	}
	if skipped > 0 {
		notes = append(notes, "skipped "+itoa(skipped)+" unreadable "+plural(skipped, "entry", "entries")+" of the history "+shown)
	}
	if !whole || skipped > 0 {
		if err := rewriteHistory(path, entries); err != nil {
			return h, entries, append(notes, "cannot rewrite the history "+shown+": "+scenarios.ErrorText(errText(err))+"; it will not be kept")
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err == nil {
		err = f.Chmod(0o600)
	}
	if err != nil {
		return h, entries, append(notes, "cannot write the history "+shown+": "+scenarios.ErrorText(errText(err))+"; it will not be kept")
	}
	h.f = f
	return h, entries, notes
}

// readHistory reads the entries of path within the bounds. whole reports
// that the file fitted them; skipped counts the entries left out as
// unreadable.
func readHistory(path string) (entries []string, skipped int, whole bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, 0, true, err
	}
	defer f.Close()
	size, err := f.Seek(0, io.SeekEnd)
	if err != nil {
		return nil, 0, false, err
	}
	from := max(0, size-maxHistoryBytes)
	buf := make([]byte, size-from)
	if _, err := f.ReadAt(buf, from); err != nil && err != io.EOF {
		return nil, 0, false, err
	}
	if from > 0 {
		// The first line read is most likely the end of a longer one.
		_, buf, _ = bytes.Cut(buf, []byte("\n"))
	}
	entries, skipped, rest := lastEntries(buf, maxHistoryEntries)
	return entries, skipped, from == 0 && rest == 0, nil
}

// lastEntries returns the last n entries of buf, a line each, in order,
// how many lines it skipped as unreadable on the way, and how many bytes
// before them it did not look at.
func lastEntries(buf []byte, n int) (entries []string, skipped, rest int) {
	for len(buf) > 0 && len(entries) < n {
		i := bytes.LastIndexByte(buf, '\n')
		line := string(buf[i+1:])
		buf = buf[:max(i, 0)]
		switch {
		case line == "":
		case !historyEntry(line):
			skipped++
		default:
			entries = append(entries, line)
		}
	}
	slices.Reverse(entries)
	return entries, skipped, len(buf)
}

// historyEntry reports whether s may be an entry of the history.
func historyEntry(s string) bool {
	if len(s) > maxTypedBytes || !utf8.ValidString(s) {
		return false
	}
	return strings.IndexFunc(s, unicode.IsControl) < 0
}

// rewriteHistory replaces the file at path with entries, atomically.
func rewriteHistory(path string, entries []string) error {
	var b strings.Builder
	for _, e := range entries {
		b.WriteString(e + "\n")
	}
	f, err := createTemp(path, 0o600)
	if err != nil {
		return err
	}
	_, err = f.WriteString(b.String())
	if err == nil {
		err = f.Close()
	} else {
		f.Close()
	}
	if err == nil {
		err = os.Rename(f.Name(), path)
	}
	if err != nil {
		os.Remove(f.Name())
	}
	return err
}

// add appends an entry that the history may keep; others are not kept.
func (h *history) add(entry string) {
	if h.f != nil && historyEntry(entry) {
		h.f.WriteString(entry + "\n")
	}
}

func (h *history) close() {
	if h.f != nil {
		h.f.Close()
	}
}

// defaultHistoryFile is the file history in the state directory that
// holds the lessons' progress (lessons.DefaultStore):
// $XDG_STATE_HOME/crashcourse/history, or
// ~/.local/state/crashcourse/history when XDG_STATE_HOME is unset or not
// absolute; "" when there is no home.
func defaultHistoryFile() string {
	store, err := lessons.DefaultStore()
	if err != nil {
		return ""
	}
	return filepath.Join(filepath.Dir(store.Path), "history")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
