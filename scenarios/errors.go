package scenarios

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// maxErrors is how many errors Parse collects before it stops.
const maxErrors = 10

// Error is a positioned error in a scenario or a typed line. Line is the
// text of the source line Pos points into (without its line ending), so
// that Caret can show it.
type Error struct {
	Pos  Pos
	Msg  string
	Line string
}

// Error returns "file:line:col: msg" (without "file:" when File is empty).
func (e *Error) Error() string {
	return posString(e.Pos) + ": " + e.Msg
}

// Caret returns three lines, without a final newline: the error message
// as Error gives it, the source line as written (tabs kept), and a caret
// under the column. The caret's indentation repeats each tab of the line
// before the column and uses one space for every other character, so it
// lines up under the column in a terminal.
func (e *Error) Caret() string {
	var b strings.Builder
	b.WriteString(e.Error())
	b.WriteByte('\n')
	b.WriteString(e.Line)
	b.WriteByte('\n')
	prefix := e.Line
	if n := e.Pos.Col - 1; n >= 0 && n < len(prefix) {
		prefix = prefix[:n]
	}
	for len(prefix) > 0 {
		r, size := utf8.DecodeRuneInString(prefix)
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
		prefix = prefix[size:]
	}
	b.WriteByte('^')
	return b.String()
}

// ErrorList is the list of errors of one Parse, in source order.
type ErrorList []*Error

// Error returns the errors one per line.
func (l ErrorList) Error() string {
	if len(l) == 0 {
		return "no errors"
	}
	msgs := make([]string, len(l))
	for i, e := range l {
		msgs[i] = e.Error()
	}
	return strings.Join(msgs, "\n")
}

// Err returns l as an error, or nil when l is empty.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// Caret returns the Caret of every error, one after the other, separated
// by newlines (no final newline).
func (l ErrorList) Caret() string {
	parts := make([]string, len(l))
	for i, e := range l {
		parts[i] = e.Caret()
	}
	return strings.Join(parts, "\n")
}

// posString formats a position as "file:line:col", or "line:col" when
// the file has no name.
func posString(p Pos) string {
	if p.File == "" {
		return fmt.Sprintf("%d:%d", p.Line, p.Col)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// lineAt returns the text of the line that starts at offset start in src,
// without its "\n" or "\r\n" ending.
func lineAt(src string, start int) string {
	if start < 0 || start > len(src) {
		return ""
	}
	line := src[start:]
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = strings.TrimSuffix(line[:i], "\r")
	}
	return line
}
