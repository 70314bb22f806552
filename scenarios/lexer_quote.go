package scenarios

import (
	"strings"
	"unicode/utf8"
)

// lexQuoted scans a 'quoted atom' or a "string" on one line and unescapes it.
func lexQuoted(l *lexer) stateFn {
	q := l.src[l.pos]
	what := "string"
	kind := tString
	if q == '\'' {
		what, kind = "quoted atom", tAtom
	}
	l.pos++
	var b strings.Builder
	for {
		c := l.peek()
		switch {
		case l.atLineEnd():
			return l.errorAt(l.start, "unterminated %s", what)
		case c == int(q):
			l.pos++
			l.emit(kind, b.String())
			return lexAny
		case c == '\\':
			if n := l.peekAt(1); n == eof || n == '\n' {
				return l.errorAt(l.start, "unterminated %s", what)
			}
			if !l.scanEscape(&b) {
				return l.badInQuote(q, "unknown escape sequence %s", quote(l.src[l.pos:l.pos+2]))
			}
		case c >= 0x80:
			if !l.scanRune(&b) {
				return l.badInQuote(q, "%s", describeChar(l.src[l.pos:]))
			}
		case c < 0x20 && c != '\t' || c == 0x7f:
			return l.badInQuote(q, "%s", describeChar(l.src[l.pos:]))
		default:
			b.WriteByte(byte(c))
			l.pos++
		}
	}
}

// badInQuote reports an error at pos, inside a quoted text, then skips to
// its closing quote (or the end of the line).
func (l *lexer) badInQuote(q byte, format string, args ...any) stateFn {
	off := l.pos
	for c := l.peek(); !l.atLineEnd() && c != int(q); c = l.peek() {
		l.pos++
		if c == '\\' && !l.atLineEnd() {
			l.pos++
		}
	}
	l.accept(string(q))
	return l.errorAt(off, format, args...)
}

// atLineEnd reports whether pos is at the end of the input or of a line.
func (l *lexer) atLineEnd() bool {
	c := l.peek()
	return c == eof || c == '\n' || c == '\r' && l.peekAt(1) == '\n'
}

// escapes maps the letter after a backslash to the byte it denotes.
var escapes = map[byte]byte{
	'n': '\n', 't': '\t', 'r': '\r', 's': ' ', 'e': 0x1b, 'b': '\b',
	'f': '\f', 'v': '\v', 'd': 0x7f, '\\': '\\', '\'': '\'', '"': '"',
}

// scanEscape consumes a backslash escape, if it is a known one.
func (l *lexer) scanEscape(b *strings.Builder) bool {
	c := l.peekAt(1)
	if c == eof {
		return false
	}
	e, ok := escapes[byte(c)]
	if ok {
		b.WriteByte(e)
		l.pos += 2
	}
	return ok
}

// scanRune consumes a valid non-ASCII UTF-8 character.
func (l *lexer) scanRune(b *strings.Builder) bool {
	r, size := utf8.DecodeRuneInString(l.src[l.pos:])
	if r == utf8.RuneError && size <= 1 {
		return false
	}
	b.WriteString(l.src[l.pos : l.pos+size])
	l.pos += size
	return true
}
