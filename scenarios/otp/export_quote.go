package otp

import (
	"strconv"
	"strings"
	"unicode"
)

// Quoting for export. Every string of the scenario that enters an exported
// module (atoms, strings, the file name in the head comment) is written
// quoted and escaped, so that none can end its literal or its comment and
// add code: elixirc runs code at the top level of a file, an on_load
// function runs when a module loads, and a lowercase sigil interpolates
// #{…} when it is evaluated.

// erlPrintable escapes, in Erlang source, every character that is not
// printable (bidirectional controls, line separators, C1 controls): the
// quoting of atoms and strings already escapes the ASCII controls, and a
// \x{H} escape means the same character inside a literal, so the module is
// unchanged while a reader sees exactly what it holds. Newlines, which
// only the generator writes raw, stay.
func erlPrintable(text string) string {
	if strings.IndexFunc(text, hidden) < 0 {
		return text
	}
	var b strings.Builder
	for _, r := range text {
		if hidden(r) {
			b.WriteString(`\x{` + strconv.FormatInt(int64(r), 16) + `}`)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func hidden(r rune) bool { return r != '\n' && !unicode.IsPrint(r) }

// exQuote writes s between double quotes as Elixir reads it in a string, a
// quoted atom (:"…") and a charlist sigil (~c"…"): the backslash, the quote
// and # (which could open an interpolation #{…}) escaped, and every
// character that is not printable written \u{H}.
func exQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '\\' || r == '"' || r == '#':
			b.WriteByte('\\')
			b.WriteRune(r)
		case hidden(r) || r == '\n':
			b.WriteString(`\u{` + strconv.FormatInt(int64(r), 16) + `}`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// exAtom writes an atom for Elixir: :name when the name is a plain
// identifier, :"…" quoted otherwise.
func exAtom(s string) string {
	if plainExAtom(s) {
		return ":" + s
	}
	return ":" + exQuote(s)
}

// plainExAtom reports a name Elixir reads unquoted after a colon: a
// lower-case letter or underscore, then letters, digits and underscores.
func plainExAtom(s string) bool {
	if s == "" || !('a' <= s[0] && s[0] <= 'z' || s[0] == '_') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isASCIILetter(rune(c)) && !('0' <= c && c <= '9') && c != '_' {
			return false
		}
	}
	return true
}
