package picture

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The statements a diagram may hold, by a small grammar of Mermaid's
// sequenceDiagram (its lexer: packages/mermaid/src/diagrams/sequence/
// parser/sequenceDiagram.jison): text is letters, digits, the space,
// punctuation with no meaning to Mermaid, colons before a space, and
// entities (#60;), which Mermaid decodes before it parses. No text can hold
// a newline, a ;, a # outside an entity, %, <, >, & or a quote, nor a
// colon before anything but a space (see mermaidText).
var (
	mmText        = `((?:[A-Za-z0-9 _.,()\[\]{}@/=+*!?'|]|: |#[0-9]+;)+)`
	mmTitle       = regexp.MustCompile(`^    title ` + mmText + `$`)
	mmParticipant = regexp.MustCompile(`^    participant (P[0-9]+) as ` + mmText + `$`)
	mmNote        = regexp.MustCompile(`^    Note over (P[0-9]+): ` + mmText + `$`)
	mmArrow       = regexp.MustCompile(`^    (P[0-9]+)(->>|-->>|-x|--\))(P[0-9]+): ` + mmText + `$`)
	mmEntity      = regexp.MustCompile(`#([0-9]+);`)
)

// checkMermaid fails unless every line of a diagram is a statement of the
// grammar above, the participants are declared once each before any use,
// and every entity names a character.
func checkMermaid(t *testing.T, diagram string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(diagram, "\n"), "\n")
	if lines[0] != "sequenceDiagram" || !strings.HasSuffix(diagram, "\n") {
		t.Fatalf("a diagram starts with sequenceDiagram and ends with a newline:\n%s", diagram)
	}
	declared := map[string]bool{}
	used := func(n int, ids ...string) {
		for _, id := range ids {
			if !declared[id] {
				t.Errorf("line %d uses %s before it is declared", n, id)
			}
		}
	}
	for i, l := range lines[1:] {
		n := i + 2
		var m []string
		switch {
		case mmTitle.MatchString(l) && n == 2:
			m = mmTitle.FindStringSubmatch(l)
		case mmParticipant.MatchString(l):
			m = mmParticipant.FindStringSubmatch(l)
			if declared[m[1]] {
				t.Errorf("line %d declares %s again", n, m[1])
			}
			declared[m[1]] = true
		case mmNote.MatchString(l):
			m = mmNote.FindStringSubmatch(l)
			used(n, m[1])
		case mmArrow.MatchString(l):
			m = mmArrow.FindStringSubmatch(l)
			used(n, m[1], m[3])
		default:
			t.Fatalf("line %d is not a statement of the grammar: %q", n, l)
		}
		for _, e := range mmEntity.FindAllStringSubmatch(m[len(m)-1], -1) {
			if r, err := strconv.Atoi(e[1]); err != nil || r <= 0 || r > 0x10FFFF {
				t.Errorf("line %d: entity %s names no character", n, e[0])
			}
		}
	}
}

// mermaidDecode is the text a renderer shows for Mermaid text.
func mermaidDecode(s string) string {
	return mmEntity.ReplaceAllStringFunc(s, func(e string) string {
		r, _ := strconv.Atoi(e[1 : len(e)-1])
		return string(rune(r))
	})
}
