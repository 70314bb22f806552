package scenarios

import (
	"strings"
	"unicode/utf8"
)

// Wrap breaks text into lines of at most width columns at spaces; every
// line after the first begins with indent, and the spaces a line breaks at
// are dropped. Spacing inside a line is kept, so padded columns stay
// aligned. A word longer than the room left stays whole on a line of its
// own: a command or a term is never cut. A width of 0 or less means no
// limit.
func Wrap(text string, width int, indent string) []string {
	if width <= 0 || utf8.RuneCountInString(text) <= width {
		return []string{text}
	}
	var lines []string
	line, fresh := "", true // fresh: nothing but the indent on the line yet
	for rest := text; rest != ""; {
		word := strings.TrimLeft(rest, " ")
		gap := rest[:len(rest)-len(word)]
		if i := strings.IndexByte(word, ' '); i >= 0 {
			word, rest = word[:i], word[i:]
		} else {
			rest = ""
		}
		switch {
		case fresh && len(lines) == 0:
			line += gap + word // the text's own leading spaces stay
		case fresh:
			line += word
		case utf8.RuneCountInString(line+gap+word) <= width:
			line += gap + word
		default:
			lines = append(lines, line)
			line = indent + word
		}
		fresh = word == "" && fresh
	}
	return append(lines, line)
}

// WrapAll wraps each of lines (see Wrap), indenting a continuation under
// the text of its line: as deep as the line's own leading spaces, plus
// hang more.
func WrapAll(lines []string, width, hang int) []string {
	var out []string
	for _, l := range lines {
		lead := len(l) - len(strings.TrimLeft(l, " "))
		out = append(out, Wrap(l, width, strings.Repeat(" ", lead+hang))...)
	}
	return out
}
