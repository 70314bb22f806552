package scenarios

import "strings"

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

// Error returns "file:line:col: msg" (without "file:" when File is empty),
// the file name and the message made safe for a terminal (see FileName and
// Printable) and the message cut to a bounded length.
func (e *Error) Error() string {
	return e.Pos.String() + ": " + e.Message()
}

// Message is Msg as reports print it: Printable, and cut to a bounded
// length.
func (e *Error) Message() string { return Printable(e.Msg, maxMsgCells) }

// Caret returns three lines, without a final newline: the error message
// as Error gives it, the source line, and a caret under the column. The
// line is shown as Window gives it: printable, cut to a window around the
// column, with tabs kept so that the caret lines up in a terminal.
func (e *Error) Caret() string { return e.Error() + "\n" + e.Pointer() }

// Pointer returns the last two lines of Caret: the source line and the
// caret under the column.
func (e *Error) Pointer() string {
	text, indent := e.Window()
	return text + "\n" + indent + "^"
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

// String formats a position as "file:line:col", or "line:col" when the
// file has no name; the name as FileName prints it.
func (p Pos) String() string {
	return p.FileLine() + ":" + itoa(p.Col)
}

// FileLine formats a position as "file:line" (PASS and FAIL lines name
// no column), or "line" when the file has no name; the name as FileName
// prints it.
func (p Pos) FileLine() string {
	if p.File == "" {
		return itoa(p.Line)
	}
	return FileName(p.File) + ":" + itoa(p.Line)
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
