package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func TestPrintable(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"plain text stays", "spawn a # café 日本", "spawn a # café 日本"},
		{"tab stays", "\tspawn", "\tspawn"},
		{"ESC becomes \\x1b", "a\x1b[31mred", `a\x1b[31mred`},
		{"control bytes", "a\x00b\x07c\rd\ne\x7f", `a\x00b\x07c\x0dd\x0ae\x7f`},
		{"invalid UTF-8 byte by byte", "a\xff\xfeb\xe2\x80", `a\xff\xfeb\xe2\x80`},
		{"C1 control (CSI)", "a\u009b31mb", `a\u9b31mb`},
		{"bidi override", "a\u202eb", `a\u202eb`},
		{"line separator", "a\u2028b", `a\u2028b`},
		{"replacement character itself stays", "a\ufffdb", "a\ufffdb"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			require.Equal(t, c.want, Printable(c.in, 0))
		})
	}
}

func TestPrintableCut(t *testing.T) {
	require.Equal(t, "abc…", Printable("abcdef", 3))
	require.Equal(t, "abc", Printable("abc", 3))
	require.Equal(t, "日…", Printable("日本", 3), "a wide character takes two cells")
	require.Equal(t, "a…", Printable("a\x1bb", 4), "an escape is cut whole")
	huge := strings.Repeat("\x1b", 1<<20)
	require.LessOrEqual(t, len(Printable(huge, maxMsgCells)), maxMsgCells+len("…"))
}

func TestFileName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"demo.scn", "demo.scn"},
		{"dir/my file.scn", "dir/my file.scn"},
		{"<repl>", "<repl>"},
		{"café.scn", "café.scn"},
		{"a\nPASS b.scn:1 forged", `"a\nPASS b.scn:1 forged"`},
		{"a\x1b[2Jb", `"a\x1b[2Jb"`},
		{"a\xffb", `"a\xffb"`},
		{"a\u202eb", `"a\u202eb"`},
	}
	for _, c := range cases {
		require.Equal(t, c.want, FileName(c.in), "%q", c.in)
	}
}

// TestErrorEscapesFileName: a file name cannot forge a line of a report.
func TestErrorEscapesFileName(t *testing.T) {
	_, err := Parse("x\nPASS y.scn:1 all good", []byte("spawn\n"))
	require.Equal(t, `"x\nPASS y.scn:1 all good":1:6: missing a process name (usage: [A:] spawn P [trap_exit])`, err.Error())
	require.Equal(t, 2, strings.Count(err.(ErrorList).Caret(), "\n"))
}

func TestCaretWindow(t *testing.T) {
	cases := []struct {
		name       string
		line       string
		col        int
		text, care string // the window, and the caret line under it
	}{
		{"short line as it is", "spawn a b", 9, "spawn a b", "        ^"},
		{"tabs kept", "\tx: send b {hello", 12, "\tx: send b {hello", "\t          ^"},
		{"escape before the column", "a\x1b[1mb c", 8, `a\x1b[1mb c`, "          ^"},
		{"invalid UTF-8 before the column", "\xff\xfe x", 4, `\xff\xfe x`, "         ^"},
		{"wide characters take two cells", `send "日本" ?`, 15, `send "日本" ?`, "            ^"},
		{"combining mark takes none", "send \"e\u0301\" ?", 12, "send \"e\u0301\" ?", "         ^"},
		{"column past the end", "abc", 4, "abc", "   ^"},
		{"column beyond the line", "abc", 99, "abc", "   ^"},
		{"column 0", "abc", 0, "abc", "^"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := &Error{Pos: Pos{Line: 1, Col: c.col}, Line: c.line}
			text, indent := e.Window()
			require.Equal(t, c.text, text)
			require.Equal(t, c.care, indent+"^")
		})
	}
}

// TestCaretWindowBounded: a megabyte line shows as a window of bounded
// width, the caret under the right character.
func TestCaretWindowBounded(t *testing.T) {
	cases := []struct {
		name string
		fill string // what the line is made of around the X the error points at
	}{
		{"letters", "a"},
		{"escapes", "\x1b"},
		{"invalid bytes", "\xff"},
		{"wide characters", "日"},
		{"combining marks", "\u0301"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			side := strings.Repeat(c.fill, (1<<20)/len(c.fill)/2)
			e := &Error{Pos: Pos{File: "f", Line: 1, Col: len(side) + 1}, Msg: "m", Line: side + "X" + side}
			caret := e.Caret()
			require.Less(t, len(caret), 2000, "a bounded report of a megabyte line")
			lines := strings.Split(caret, "\n")
			require.Len(t, lines, 3)
			text, indent := lines[1], strings.TrimSuffix(lines[2], "^")
			require.True(t, strings.HasPrefix(text, "…") && strings.HasSuffix(text, "…"), text)
			require.Equal(t, "X", cellsFrom(text, len(indent)), "the caret is under the X")
		})
	}
}

// cellsFrom is the character of s that starts at terminal cell n.
func cellsFrom(s string, n int) string {
	cells := 0
	for len(s) > 0 {
		text, size, w := displayPiece(s)
		if cells == n && w > 0 {
			return text
		}
		cells += w
		s = s[size:]
	}
	return ""
}

func TestErrorText(t *testing.T) {
	_, err := os.Open(filepath.Join(t.TempDir(), "a\nb\x1b.scn"))
	got := ErrorText(err)
	require.True(t, strings.HasPrefix(got, `open "`), got)
	require.True(t, strings.HasSuffix(got, `a\nb\x1b.scn": no such file or directory`), got)
	require.Equal(t, `bad \x1b`, ErrorText(errors.New("bad \x1b")))
}

// FuzzErrorDisplay: whatever the line, the column, the message and the
// file name, a caret report is three lines of valid UTF-8 without a
// control character but tabs, of bounded length, and the caret stands
// within the window.
func FuzzErrorDisplay(f *testing.F) {
	f.Add("spawn a \x1b[31m", 9, "invalid character", "a.scn")
	f.Add("\t\xff\xfe日本\u0301\u202e", 3, "m\nforged", "x\ny")
	f.Add(strings.Repeat("\x00", 500), 250, "", "")
	f.Fuzz(func(t *testing.T, line string, col int, msg, file string) {
		e := &Error{Pos: Pos{File: file, Line: 1, Col: col}, Msg: msg, Line: line}
		caret := e.Caret()
		if !utf8.ValidString(caret) {
			t.Fatalf("invalid UTF-8: %q", caret)
		}
		lines := strings.Split(caret, "\n")
		if len(lines) != 3 {
			t.Fatalf("%d lines: %q", len(lines), caret)
		}
		for _, r := range caret {
			if unicode.IsControl(r) && r != '\t' && r != '\n' {
				t.Fatalf("control character %U in %q", r, caret)
			}
		}
		text, indent := e.Window()
		if len(text) > 8*2*caretContext+16 {
			t.Fatalf("window of %d bytes", len(text))
		}
		if cells(indent) > cells(text)+1 {
			t.Fatalf("caret at cell %d past a window of %d: %q", cells(indent), cells(text), caret)
		}
	})
}

// cells is how many terminal cells s covers, a tab counted as one.
func cells(s string) int {
	n := 0
	for len(s) > 0 {
		_, size, w := displayPiece(s)
		n += w
		s = s[size:]
	}
	return n
}
