package scenarios

import "strings"

// Narration gathers the teaching text of a scenario: the comment lines
// between commands. Built-in files are written to be read aloud this way;
// `run -v`, the REPL's `load` and the tour print each block before the
// command it precedes. A comment inside a command (a sup body) or at the
// end of a command's line is part of that command, not narration.
type Narration struct {
	paras [][]string
	gap   bool // a blank line since the last comment: the next one starts a paragraph
}

// Add reads one source line that is not part of a command: a comment
// joins the narration, a blank line (or a bare '#') ends its paragraph.
func (n *Narration) Add(line string) {
	text, ok := commentText(line)
	switch {
	case !ok:
		return
	case text == "":
		n.gap = true
	case len(n.paras) == 0 || n.gap:
		n.paras = append(n.paras, []string{text})
		n.gap = false
	default:
		last := &n.paras[len(n.paras)-1]
		*last = append(*last, text)
	}
}

// Take returns the narration gathered so far and forgets it: a blank line,
// then its paragraphs with a blank line between them; nil when there is
// none.
func (n *Narration) Take() []string {
	var out []string
	for _, p := range n.paras {
		out = append(append(out, ""), p...)
	}
	*n = Narration{}
	return out
}

// commentText is the text of a line that holds only a comment, without
// its '#' and one space; a blank line gives "" and ok; a line with
// anything else gives ok false.
func commentText(line string) (string, bool) {
	t := strings.TrimSpace(line)
	if t == "" {
		return "", true
	}
	if !IsComment(t) {
		return "", false
	}
	return strings.TrimPrefix(strings.TrimPrefix(t, "#"), " "), true
}

// IsComment reports whether a line holds only a comment: it begins with
// '#' not followed by '{' (a map) or "Ref<" (a ref).
func IsComment(line string) bool {
	t := strings.TrimSpace(line)
	return strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "#{") && !strings.HasPrefix(t, "#Ref<")
}

// NarrationOf splits the narration of src among its parsed commands:
// before[i] is what run -v prints before cmds[i] (see Narration.Take), and
// end what follows the last command.
func NarrationOf(src []byte, cmds []*Command) (before [][]string, end []string) {
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	var n Narration
	next := 1 // the first line not yet read
	before = make([][]string, len(cmds))
	for i, c := range cmds {
		for ; next < c.Pos.Line && next <= len(lines); next++ {
			n.Add(lines[next-1])
		}
		before[i] = n.Take()
		next = max(next, c.Pos.Line+strings.Count(c.Text, "\n")+1)
	}
	for ; next <= len(lines); next++ {
		n.Add(lines[next-1])
	}
	return before, n.Take()
}
