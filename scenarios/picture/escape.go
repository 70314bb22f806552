package picture

import (
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// dotEscaper escapes text inside a DOT quoted string: the backslash (which
// would start an escape such as \N or \l), the quote (which would end the
// string), and the ampersand (which would start an entity such as &lt;
// that Graphviz shows as another character).
var dotEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`, `&`, `&amp;`)

// dotQuote is s as a DOT quoted string that shows s literally, its
// invisible characters made visible.
func dotQuote(s string) string {
	return `"` + dotEscaper.Replace(scenarios.Printable(s, 0)) + `"`
}

// dotLabel is a DOT quoted label of lines, each cut at maxText cells.
func dotLabel(lines []string) string {
	esc := make([]string, len(lines))
	for i, l := range lines {
		esc[i] = dotEscaper.Replace(text(l))
	}
	return `"` + strings.Join(esc, `\n`) + `"`
}

// mermaidText is s as Mermaid text (a participant's name, a message, a
// note) that shows s literally: cut at maxText cells, its invisible
// characters made visible, and every character but letters, digits, the
// space and punctuation with no meaning to Mermaid written as an entity
// (#60; for <), so that no text can end its statement (newline, ;), start
// a comment or directive (#, %%), or reach the renderer as HTML (<, >, &).
// A colon stays only before a space: Mermaid, before it parses, cuts the
// last ; of a line where "style" or "classDef" comes before a colon
// directly followed by # (a colour), which an entity after a colon would
// otherwise be.
func mermaidText(s string) string {
	var b strings.Builder
	rs := []rune(text(s))
	for i, r := range rs {
		if mermaidSafe(r) || r == ':' && i+1 < len(rs) && rs[i+1] == ' ' {
			b.WriteRune(r)
		} else {
			b.WriteString("#" + strconv.Itoa(int(r)) + ";")
		}
	}
	return b.String()
}

func mermaidSafe(r rune) bool {
	switch {
	case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9':
		return true
	}
	return strings.ContainsRune(" _.,()[]{}@/=+*!?'|", r)
}
