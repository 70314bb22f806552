package scenarios

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// tokKind is the kind of a token.
type tokKind int

const (
	tEOF      tokKind = iota
	tError            // a lexical error; val is the message
	tEOL              // end of line ("\n" or "\r\n")
	tSemi             // ;
	tIdent            // [a-z][a-zA-Z0-9_@]*: a verb, a name, an atom, an option key
	tVar              // [A-Z_][a-zA-Z0-9_@]*: a variable (wildcard in patterns)
	tAtom             // 'quoted atom'; val is unescaped
	tString           // "string"; val is unescaped
	tInt              // -?[0-9]+
	tFloat            // -?[0-9]+.[0-9]+
	tDuration         // a number with units: 250ms, 1m30s, 1.5s
	tPid              // <0.N.0>; val is N
	tNamePid          // <name>; val is name
	tRef              // #Ref<K>; val is K
	tStack            // [...]
	tReg              // @name; val is name
	tLBrace           // {
	tRBrace           // }
	tLBrack           // [
	tRBrack           // ]
	tComma            // ,
	tColon            // :
	tEq               // =
	tSlash            // /
	tDotDot           // ..
	tMapOpen          // #{
	tArrow            // =>
	tBinOpen          // <<
	tBinClose         // >>
)

// token is one lexical token. off and end delimit its text in the source;
// pos is the position of its first byte (for tError: of the faulty byte).
type token struct {
	kind     tokKind
	val      string
	pos      Pos
	off, end int
	comment  string // for tEOL and tEOF: the comment that ends the line, from its '#'
}

// lexer turns a source into tokens, one at a time, as a state machine in
// the manner of text/template/parse: each state function consumes input,
// emits at most one token and returns the next state.
type lexer struct {
	file      string
	src       string
	start     int // offset of the token being scanned
	pos       int // current offset
	line      int // current line number
	lineStart int // offset of the current line's first byte
	state     stateFn
	tok       token
	emitted   bool
	comment   string // the comment skipped since the last token
}

type stateFn func(*lexer) stateFn

const eof = -1

// newLexer returns a lexer over src whose first line is numbered line. A
// byte order mark at the start of src is skipped (columns still count it).
func newLexer(file, src string, line int) *lexer {
	l := &lexer{file: file, src: src, line: line, state: lexAny}
	if strings.HasPrefix(src, bom) {
		l.pos = len(bom)
	}
	return l
}

const bom = "\uFEFF"

// nextToken runs the state machine until it emits a token. After the end
// of the input it keeps returning tEOF.
func (l *lexer) nextToken() token {
	l.emitted = false
	for !l.emitted {
		l.state = l.state(l)
	}
	return l.tok
}

// peekAt returns the byte k bytes ahead of the current one, or eof.
func (l *lexer) peekAt(k int) int {
	if l.pos+k >= len(l.src) {
		return eof
	}
	return int(l.src[l.pos+k])
}

func (l *lexer) peek() int { return l.peekAt(0) }

// accept consumes the next byte if it is in valid.
func (l *lexer) accept(valid string) bool {
	if c := l.peek(); c != eof && strings.IndexByte(valid, byte(c)) >= 0 {
		l.pos++
		return true
	}
	return false
}

// acceptRun consumes bytes while ok holds, and reports how many it took.
func (l *lexer) acceptRun(ok func(int) bool) int {
	n := 0
	for ok(l.peek()) {
		l.pos++
		n++
	}
	return n
}

// emit makes the text from start to pos a token of kind k.
func (l *lexer) emit(k tokKind, val string) {
	l.tok = token{kind: k, val: val, pos: l.posOf(l.start), off: l.start, end: l.pos, comment: l.comment}
	l.comment = ""
	l.start = l.pos
	l.emitted = true
}

// errorAt emits a tError token for the byte at off (on the current line).
func (l *lexer) errorAt(off int, format string, args ...any) stateFn {
	l.tok = token{kind: tError, val: fmt.Sprintf(format, args...), pos: l.posOf(off), off: off, end: l.pos}
	l.start = l.pos
	l.emitted = true
	return lexAny
}

func (l *lexer) posOf(off int) Pos {
	return Pos{File: l.file, Line: l.line, Col: off - l.lineStart + 1}
}

// lexAny skips blanks and comments and dispatches on the next byte.
func lexAny(l *lexer) stateFn {
	l.acceptRun(func(c int) bool { return c == ' ' || c == '\t' || c == '\r' && l.peekAt(1) != '\n' })
	l.start = l.pos
	c := l.peek()
	switch {
	case c == eof:
		l.emit(tEOF, "")
		return lexAny
	case c == '\n' || c == '\r':
		return lexEOL
	case c == '#':
		return lexHash
	case c == '[' && strings.HasPrefix(l.src[l.pos:], "[...]"):
		l.pos += len("[...]")
		l.emit(tStack, "")
		return lexAny
	case pairAt(l.src[l.pos:]) != 0:
		l.pos += 2
		l.emit(pairAt(l.src[l.start:l.pos]), "")
		return lexAny
	case punct[c] != 0:
		l.pos++
		l.emit(punct[c], "")
		return lexAny
	case c == '<':
		return lexAngle
	case c == '@':
		return lexReg
	case c == '\'' || c == '"':
		return lexQuoted
	case isDigit(c) || c == '-' && isDigit(l.peekAt(1)):
		return lexNumber
	case isLower(c) || isUpper(c) || c == '_':
		return lexIdent
	}
	return lexInvalid
}

// punct maps one-byte punctuation to its token kind.
var punct = [256]tokKind{
	';': tSemi, '{': tLBrace, '}': tRBrace, '[': tLBrack, ']': tRBrack,
	',': tComma, ':': tColon, '=': tEq, '/': tSlash,
}

// pairAt is the kind of the two-byte punctuation s begins with, or 0.
func pairAt(s string) tokKind {
	if len(s) < 2 {
		return 0
	}
	switch s[:2] {
	case "..":
		return tDotDot
	case "=>":
		return tArrow
	case "<<":
		return tBinOpen
	case ">>":
		return tBinClose
	}
	return 0
}

// lexHash scans what begins with '#': #Ref<K>, #{ (a map), or a comment.
func lexHash(l *lexer) stateFn {
	switch rest := l.src[l.pos:]; {
	case strings.HasPrefix(rest, "#Ref<"):
		return lexRef
	case strings.HasPrefix(rest, "#{"):
		l.pos += 2
		l.emit(tMapOpen, "")
		return lexAny
	}
	return lexComment
}

// lexEOL emits the end of a line and moves to the next one.
func lexEOL(l *lexer) stateFn {
	l.accept("\r")
	l.pos++ // the '\n'
	l.emit(tEOL, "")
	l.line++
	l.lineStart = l.pos
	return lexAny
}

// lexComment skips a '#' comment up to the end of the line.
func lexComment(l *lexer) stateFn {
	if i := strings.IndexByte(l.src[l.pos:], '\n'); i >= 0 {
		l.pos += i
		if l.pos > l.start && l.src[l.pos-1] == '\r' {
			l.pos--
		}
	} else {
		l.pos = len(l.src)
	}
	l.comment = l.src[l.start:l.pos]
	return lexAny
}

// lexInvalid reports the byte or character at pos as invalid.
func lexInvalid(l *lexer) stateFn {
	off := l.pos
	msg := describeChar(l.src[off:])
	_, size := utf8.DecodeRuneInString(l.src[off:])
	l.pos += size
	return l.errorAt(off, "%s", msg)
}

// describeChar names the first character of s for an "invalid character" error.
func describeChar(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size <= 1:
		return fmt.Sprintf("invalid character: byte 0x%02x is not UTF-8", s[0])
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf("invalid character U+%04X", r)
	case r < 0x80:
		return fmt.Sprintf("invalid character %q", r)
	}
	return fmt.Sprintf("invalid character U+%04X %q", r, r)
}

// lexIdent scans an identifier: lowercase first gives tIdent, otherwise tVar.
func lexIdent(l *lexer) stateFn {
	kind := tIdent
	if !isLower(l.peek()) {
		kind = tVar
	}
	l.acceptRun(isIdentChar)
	l.emit(kind, l.src[l.start:l.pos])
	return lexAny
}

// lexNumber scans -?digits, an optional fraction (with an optional
// exponent: 1.5e3), and optional duration units, which may repeat with
// numbers (1m30s, 1.5s).
func lexNumber(l *lexer) stateFn {
	l.accept("-")
	kind := tInt
	if l.scanDecimal() {
		kind = tFloat
		l.scanExponent()
	}
	if l.scanUnit() {
		kind = tDuration
		for isDigit(l.peek()) {
			l.scanDecimal()
			if !l.scanUnit() {
				break
			}
		}
	}
	if kind == tInt && l.peek() == '#' && !strings.HasPrefix(l.src[l.pos:], "#Ref<") {
		return l.errorAt(l.start, "based integers like 16#FF are not supported")
	}
	l.emit(kind, l.src[l.start:l.pos])
	return lexAny
}

// scanDecimal consumes digits and an optional ".digits"; it reports
// whether there was a fraction.
func (l *lexer) scanDecimal() bool {
	l.acceptRun(isDigit)
	if l.peek() == '.' && isDigit(l.peekAt(1)) {
		l.pos++
		l.acceptRun(isDigit)
		return true
	}
	return false
}

// scanExponent consumes the exponent of a float, like e-3 in 1.5e-3.
func (l *lexer) scanExponent() {
	if c := l.peek(); c != 'e' && c != 'E' {
		return
	}
	k := 1
	if c := l.peekAt(1); c == '-' || c == '+' {
		k = 2
	}
	if isDigit(l.peekAt(k)) {
		l.pos += k
		l.acceptRun(isDigit)
	}
}

// scanUnit consumes a run of unit letters (ASCII letters, µ or μ).
func (l *lexer) scanUnit() bool {
	start := l.pos
	for {
		switch rest := l.src[l.pos:]; {
		case isLetter(l.peek()):
			l.pos++
		case strings.HasPrefix(rest, "µ"), strings.HasPrefix(rest, "μ"):
			l.pos += 2
		default:
			return l.pos > start
		}
	}
}

// lexAngle scans <0.N.0> (a pid) or <name> (the pid of a named process).
func lexAngle(l *lexer) stateFn {
	l.pos++
	l.acceptRun(func(c int) bool { return isIdentChar(c) || c == '.' })
	if l.peek() != '>' {
		return l.errorAt(l.start, "malformed pid %s (want <0.N.0> or <name>)", quote(l.src[l.start:l.pos]))
	}
	l.pos++
	inner := l.src[l.start+1 : l.pos-1]
	if n, ok := strings.CutPrefix(inner, "0."); ok {
		if n, ok = strings.CutSuffix(n, ".0"); ok && n != "" && allDigits(n) {
			l.emit(tPid, n)
			return lexAny
		}
	}
	if inner != "" && isLower(int(inner[0])) && !strings.Contains(inner, ".") {
		l.emit(tNamePid, inner)
		return lexAny
	}
	return l.errorAt(l.start, "malformed pid %s (want <0.N.0> or <name>)", quote(l.src[l.start:l.pos]))
}

// lexRef scans #Ref<K>.
func lexRef(l *lexer) stateFn {
	l.pos += len("#Ref<")
	if l.acceptRun(isDigit) == 0 || !l.accept(">") {
		return l.errorAt(l.start, "malformed reference (want #Ref<N>)")
	}
	l.emit(tRef, l.src[l.start+len("#Ref<"):l.pos-1])
	return lexAny
}

// lexReg scans @name, a registered name.
func lexReg(l *lexer) stateFn {
	l.pos++
	if !isLower(l.peek()) {
		return l.errorAt(l.start, "expected a lowercase name after @")
	}
	l.acceptRun(isIdentChar)
	l.emit(tReg, l.src[l.start+1:l.pos])
	return lexAny
}

func isDigit(c int) bool      { return '0' <= c && c <= '9' }
func isLower(c int) bool      { return 'a' <= c && c <= 'z' }
func isUpper(c int) bool      { return 'A' <= c && c <= 'Z' }
func isLetter(c int) bool     { return isLower(c) || isUpper(c) }
func isIdentChar(c int) bool  { return isLetter(c) || isDigit(c) || c == '_' || c == '@' }
func allDigits(s string) bool { return strings.Trim(s, "0123456789") == "" }

// quote quotes s for a message, shortened when long.
func quote(s string) string {
	const max = 32
	if len(s) > max {
		s = strings.ToValidUTF8(s[:max], "") + "…"
	}
	return fmt.Sprintf("%q", s)
}
