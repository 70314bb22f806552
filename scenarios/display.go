package scenarios

import (
	"errors"
	"io/fs"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// What an error report shows of its source line and message, whatever
// their length: at most caretContext cells of the line on each side of the
// column, and at most maxMsgCells of the message.
const (
	caretContext = 60
	maxMsgCells  = 2000
)

// Printable returns s as a terminal may safely show it: every control
// character but the tab, every byte that is not UTF-8, and every invisible
// Unicode format or separator character (a bidi override, say) becomes a
// visible escape (\x1b, \xff, \u202e); other text is kept. With max > 0, a
// string longer than max terminal cells is cut there and ends with "…".
func Printable(s string, max int) string {
	var b strings.Builder
	cells := 0
	for len(s) > 0 {
		text, size, w := displayPiece(s)
		if max > 0 && cells+w > max {
			b.WriteString("…")
			break
		}
		b.WriteString(text)
		cells += w
		s = s[size:]
	}
	return b.String()
}

// FileName is a file name as reports print it: as it is when it is
// printable text, else quoted with Go's escapes, so that a name holding a
// newline or a terminal escape can neither forge a line of the report nor
// reach the terminal.
func FileName(name string) string {
	if !utf8.ValidString(name) {
		return strconv.Quote(name)
	}
	for _, r := range name {
		if !unicode.IsPrint(r) && r != ' ' {
			return strconv.Quote(name)
		}
	}
	return name
}

// displayPiece is how the first character of s shows: its text, how many
// bytes of s it takes, and how many terminal cells it covers.
func displayPiece(s string) (text string, size, cells int) {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size <= 1:
		return `\x` + hex2(s[0]), 1, 4
	case r == '\t':
		return "\t", 1, 1
	case r < 0x20 || r == 0x7f:
		return `\x` + hex2(byte(r)), size, 4
	case r >= 0x80 && r < 0xa0, unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp):
		text = `\u` + strconv.FormatInt(int64(r), 16)
		return text, size, len(text)
	}
	return s[:size], size, cellWidth(r)
}

func hex2(b byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[b>>4], digits[b&15]})
}

// cellWidth is how many terminal cells r covers: none for a combining
// mark, two for an East Asian wide character or an emoji, else one.
func cellWidth(r rune) int {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me):
		return 0
	case unicode.Is(wide, r):
		return 2
	}
	return 1
}

// wide holds the main blocks terminals draw two cells wide: Hangul jamo,
// CJK, Hangul syllables, compatibility ideographs, fullwidth forms, emoji.
var wide = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x1100, Hi: 0x115f, Stride: 1},
		{Lo: 0x2e80, Hi: 0x303e, Stride: 1},
		{Lo: 0x3041, Hi: 0x33ff, Stride: 1},
		{Lo: 0x3400, Hi: 0x4dbf, Stride: 1},
		{Lo: 0x4e00, Hi: 0x9fff, Stride: 1},
		{Lo: 0xa000, Hi: 0xa4cf, Stride: 1},
		{Lo: 0xac00, Hi: 0xd7a3, Stride: 1},
		{Lo: 0xf900, Hi: 0xfaff, Stride: 1},
		{Lo: 0xfe30, Hi: 0xfe4f, Stride: 1},
		{Lo: 0xff00, Hi: 0xff60, Stride: 1},
		{Lo: 0xffe0, Hi: 0xffe6, Stride: 1},
	},
	R32: []unicode.Range32{
		{Lo: 0x1f300, Hi: 0x1f64f, Stride: 1},
		{Lo: 0x1f900, Hi: 0x1f9ff, Stride: 1},
		{Lo: 0x20000, Hi: 0x3fffd, Stride: 1},
	},
}

// piece is a character of a line as a caret window shows it.
type piece struct {
	text  string
	cells int
}

// pieces is the display of s, at most limit cells of it (limit > 0) from
// its start, or from its end when fromEnd; cut reports that some of s was
// left out.
func pieces(s string, limit int, fromEnd bool) (out []piece, cut bool) {
	for len(s) > 0 {
		text, size, w := displayPiece(s)
		out = append(out, piece{text, w})
		s = s[size:]
	}
	cells, k := 0, 0
	for ; k < len(out); k++ {
		i := k
		if fromEnd {
			i = len(out) - 1 - k
		}
		if cells+out[i].cells > limit {
			break
		}
		cells += out[i].cells
	}
	if k == len(out) {
		return out, false
	}
	if fromEnd {
		return out[len(out)-k:], true
	}
	return out[:k], true
}

// Window returns e's line as reports show it, made Printable and cut to at
// most caretContext cells on each side of the column ("…" marks a cut),
// with the indentation that puts a caret under the column: the window's
// tabs before the column, and a space for every other cell.
func (e *Error) Window() (text, indent string) {
	line := e.Line
	at := min(max(e.Pos.Col-1, 0), len(line))
	// A window's cells come from at most 4 bytes each, combining marks
	// aside: this much of the line around the column is plenty, and no
	// line, however long, costs more.
	lo, hi := max(0, at-4*caretContext), min(len(line), at+4*caretContext)
	for lo < at && !utf8.RuneStart(line[lo]) {
		lo++
	}
	for hi > at && hi < len(line) && !utf8.RuneStart(line[hi]) {
		hi--
	}
	head, cutHead := pieces(line[lo:at], caretContext, true)
	tail, cutTail := pieces(line[at:hi], caretContext, false)
	var t, in strings.Builder
	if cutHead || lo > 0 {
		t.WriteString("…")
		in.WriteByte(' ')
	}
	for _, p := range head {
		t.WriteString(p.text)
		if p.text == "\t" {
			in.WriteByte('\t')
		} else {
			in.WriteString(strings.Repeat(" ", p.cells))
		}
	}
	for _, p := range tail {
		t.WriteString(p.text)
	}
	if cutTail || hi < len(line) {
		t.WriteString("…")
	}
	return t.String(), in.String()
}

// ErrorText is err as a report prints it: Printable, with the file name of
// a *fs.PathError (what the os package returns) as FileName prints it.
func ErrorText(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Op + " " + FileName(pe.Path) + ": " + Printable(pe.Err.Error(), maxMsgCells)
	}
	return Printable(err.Error(), maxMsgCells)
}
