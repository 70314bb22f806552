package scenarios

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxTypedBytes bounds a line typed at the REPL's prompt or the TUI's
// command line, and so an entry of the history: longer input belongs in
// a file.
const MaxTypedBytes = 2048

// Bounds on the history file, whatever it holds: OpenHistory reads at
// most its last MaxHistoryBytes and keeps at most its last
// MaxHistoryEntries entries. An entry is one line that a prompt could
// have taken: UTF-8 text without control characters, at most
// MaxTypedBytes long; anything else is skipped, with a note.
const (
	MaxHistoryBytes   = 1 << 20
	MaxHistoryEntries = 1000
)

// History is the file that keeps the commands typed at the REPL and the
// TUI between sessions, one entry a line, the oldest first. It is the
// user's alone: created, and rewritten, with mode 0600. The zero value
// (or a nil *History) keeps nothing.
type History struct {
	f *os.File // open for appending; nil when the history is not kept
}

// DefaultHistoryFile is the file history in the user's state directory
// (StateDir): $XDG_STATE_HOME/crashcourse/history, or
// ~/.local/state/crashcourse/history; "" when there is no home.
func DefaultHistoryFile() string {
	dir, err := StateDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "history")
}

// OpenHistory reads the history kept at path ("" for DefaultHistoryFile,
// its directory created 0700 if need be), within the bounds, and opens it
// to append to. A file over the bounds, or holding entries that were
// skipped, is rewritten atomically with the entries kept. notes say what
// the user should know: entries skipped, a history that cannot be kept
// (then h keeps nothing, and the caller goes on without it).
func OpenHistory(path string) (h *History, entries []string, notes []string) {
	h = &History{}
	if path == "" {
		path = DefaultHistoryFile()
	}
	if path == "" || os.MkdirAll(filepath.Dir(path), 0o700) != nil {
		return h, nil, []string{"no state directory for the history; it will not be kept"}
	}
	shown := FileName(path)
	entries, skipped, whole, err := readHistory(path)
	if err != nil && !os.IsNotExist(err) {
		return h, nil, []string{"cannot read the history " + shown + ": " + ErrorText(BareError(err)) + "; it will not be kept"}
	}
	if skipped > 0 {
		notes = append(notes, "skipped "+Count(skipped, "unreadable entry", "unreadable entries")+" of the history "+shown)
	}
	if !whole || skipped > 0 {
		if err := rewriteHistory(path, entries); err != nil {
			return h, entries, append(notes, "cannot rewrite the history "+shown+": "+ErrorText(BareError(err))+"; it will not be kept")
		}
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err == nil {
		err = f.Chmod(0o600)
	}
	if err != nil {
		return h, entries, append(notes, "cannot write the history "+shown+": "+ErrorText(BareError(err))+"; it will not be kept")
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
	from := max(0, size-MaxHistoryBytes)
	buf := make([]byte, size-from)
	if _, err := f.ReadAt(buf, from); err != nil && err != io.EOF {
		return nil, 0, false, err
	}
	if from > 0 {
		// The first line read is most likely the end of a longer one.
		_, buf, _ = bytes.Cut(buf, []byte("\n"))
	}
	entries, skipped, rest := lastEntries(buf, MaxHistoryEntries)
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
	if len(s) > MaxTypedBytes || !utf8.ValidString(s) {
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
	return WriteFileAtomic(path, []byte(b.String()), WriteOptions{Perm: 0o600})
}

// Add appends an entry that the history may keep; others (too long, not
// text, holding a control character) are not kept.
func (h *History) Add(entry string) {
	if h != nil && h.f != nil && historyEntry(entry) {
		h.f.WriteString(entry + "\n")
	}
}

// Close closes the history's file, if it is kept; after it, the history
// keeps nothing. Closing it again does nothing.
func (h *History) Close() error {
	if h == nil || h.f == nil {
		return nil
	}
	f := h.f
	h.f = nil
	return f.Close()
}

// HistoryEntries is what a history keeps of a command: the command
// itself, with a multi-line one joined by "; " (which the language reads
// the same) unless a comment would swallow the rest, then line by line.
func HistoryEntries(text string) []string {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	lines := strings.Split(text, "\n")
	if len(lines) == 1 || strings.Contains(text, "#") {
		return lines
	}
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return []string{strings.Join(lines, "; ")}
}
