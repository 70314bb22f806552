package scenarios

import (
	"errors"
	"strings"
	"testing"
)

func TestErrorCaret(t *testing.T) {
	_, err := Parse("demo.scn", []byte("spawn a\n\tx: send b {hello\n"))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 1 {
		t.Fatalf("err = %v, want one error", err)
	}
	e := list[0]
	if e.Error() != "demo.scn:2:12: unclosed {" {
		t.Errorf("Error() = %q", e.Error())
	}
	lines := strings.Split(e.Caret(), "\n")
	if len(lines) != 3 {
		t.Fatalf("Caret() has %d lines, want 3: %q", len(lines), e.Caret())
	}
	if lines[0] != e.Error() || lines[1] != "\tx: send b {hello" {
		t.Errorf("Caret() lines 1-2 = %q", lines[:2])
	}
	// The tab is repeated so that the caret lines up under the '{'.
	if want := "\t" + strings.Repeat(" ", 10) + "^"; lines[2] != want {
		t.Errorf("caret line = %q, want %q", lines[2], want)
	}
	if list.Caret() != e.Caret() {
		t.Errorf("ErrorList.Caret() = %q", list.Caret())
	}
}

func TestErrorCaretMultibyte(t *testing.T) {
	e := &Error{Pos: Pos{File: "f", Line: 1, Col: 11}, Msg: "m", Line: `send "é" ?`}
	if got, want := e.Caret(), "f:1:11: m\nsend \"é\" ?\n         ^"; got != want {
		t.Errorf("Caret() = %q, want %q", got, want)
	}
	e = &Error{Pos: Pos{Line: 1, Col: 4}, Msg: "at end", Line: "abc"}
	if got, want := e.Caret(), "1:4: at end\nabc\n   ^"; got != want {
		t.Errorf("Caret() = %q, want %q", got, want)
	}
}

func TestErrorList(t *testing.T) {
	var l ErrorList
	if l.Err() != nil {
		t.Error("empty ErrorList.Err() is not nil")
	}
	l = append(l, &Error{Pos: Pos{"a", 1, 2}, Msg: "one"}, &Error{Pos: Pos{"a", 3, 4}, Msg: "two"})
	if l.Err() == nil || l.Error() != "a:1:2: one\na:3:4: two" {
		t.Errorf("Error() = %q", l.Error())
	}
	if got := strings.Count(l.Caret(), "\n"); got != 5 {
		t.Errorf("Caret() has %d newlines, want 5", got)
	}
	_, err := Parse("a", []byte("ps\n"))
	if err != nil {
		t.Errorf("Parse of a valid line: err = %#v, want a nil interface", err)
	}
}

func TestErrorLineOnCRLF(t *testing.T) {
	_, err := Parse("w", []byte("ps\r\nspawn\r\n"))
	list, _ := err.(ErrorList)
	if len(list) != 1 || list[0].Line != "spawn" || list[0].Pos.Col != 6 {
		t.Fatalf("err = %#v", err)
	}
}
