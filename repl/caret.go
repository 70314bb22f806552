package repl

import (
	"strings"
	"unicode/utf8"

	"github.com/crashcourse/crashcourse/scenarios"
)

// Interactive carets show at most this many characters of a line on each
// side of the column.
const (
	caretBefore = 60
	caretAfter  = 60
)

// caret prints error e. Plain, it is e.Caret(), as `crashcourse run`
// prints it. Pretty, it is the line made printable and cut to a window
// around the column, and under it a caret followed by the message; withPos
// puts "file:line:col:" above them.
func (o *output) caret(e *scenarios.Error, pretty, withPos bool) {
	if !pretty {
		o.line(e.Caret())
		return
	}
	if withPos {
		o.line(o.paint(o.st.err, posText(e.Pos)+":"))
	}
	text, prefix := caretWindow(e.Line, e.Pos.Col)
	o.line("  " + text)
	o.line("  " + caretIndent(prefix) + o.paint(o.st.err, "^ "+e.Msg))
}

// caretWindow returns line made printable (control characters and invalid
// UTF-8 become '?', tabs stay) and cut to a window around byte column col
// (1-based), with the part of the window before the column.
func caretWindow(line string, col int) (text, prefix string) {
	var rs []rune
	at := -1
	for i, r := range line {
		if i >= col-1 && at < 0 {
			at = len(rs)
		}
		rs = append(rs, printable(r))
	}
	if at < 0 {
		at = len(rs)
	}
	if at > caretBefore {
		rs = append([]rune{'…'}, rs[at-caretBefore+10:]...)
		at = caretBefore - 9
	}
	if len(rs)-at > caretAfter {
		rs = append(rs[:at+caretAfter-10:at+caretAfter-10], '…')
	}
	return string(rs), string(rs[:at])
}

func printable(r rune) rune {
	switch {
	case r == '\t':
		return r
	case r < 0x20, r >= 0x7f && r < 0xa0, r == utf8.RuneError:
		return '?'
	}
	return r
}

// caretIndent repeats the tabs of prefix and turns every other character
// into a space, so that what follows lines up under the column.
func caretIndent(prefix string) string {
	var b strings.Builder
	for _, r := range prefix {
		if r == '\t' {
			b.WriteByte('\t')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// posText is "file:line:col", or "line:col" without a file.
func posText(p scenarios.Pos) string {
	s := itoa(p.Line) + ":" + itoa(p.Col)
	if p.File != "" {
		s = p.File + ":" + s
	}
	return s
}
