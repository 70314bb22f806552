package scenarios

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// Parse parses a whole scenario: one command a line (or several separated
// by ';'), where a "sup" command's { … } body may span lines. file names
// the source in positions ("<repl>" for a typed line).
//
// On errors Parse returns the commands it could parse together with an
// ErrorList: after an error it skips to the next command (the next line,
// ';', or past a broken "sup" block) and stops after 10 errors. Every error
// carries the position of the offending token.
func Parse(file string, src []byte) ([]*Command, error) {
	return parse(file, string(src), 1)
}

// ParseLine parses src as if it started at line number line of file. It is
// Parse for a REPL that numbers the lines it reads.
func ParseLine(file string, line int, src string) ([]*Command, error) {
	return parse(file, src, max(line, 1))
}

// parser is a recursive-descent parser over the tokens of one source, with
// one token of lookahead. A syntax error is recorded and then unwinds the
// stack with a bailout panic to the nearest recovery point (a command, or
// a child of a sup body), never further.
type parser struct {
	src     string
	lex     *lexer
	tok     token   // the current token
	ahead   []token // tokens read past tok (at most one)
	lastEnd int     // end offset of the last consumed token that is not a separator
	errs    ErrorList
	inBody  int    // how many sup bodies enclose the current token
	verb    token  // the verb of the command being parsed
	usage   string // the usage of what is being parsed, for messages
	procs   int    // processes the command's supervision tree starts, so far
}

// bailout unwinds the parser to a recovery point after an error.
type bailout struct{}

func parse(file, src string, line int) ([]*Command, error) {
	p := &parser{src: src, lex: newLexer(file, src, line)}
	p.next()
	var cmds []*Command
	for {
		p.skipSeparators()
		if p.tok.kind == tEOF {
			slices.SortStableFunc(p.errs, func(a, b *Error) int {
				return cmp.Or(cmp.Compare(a.Pos.Line, b.Pos.Line), cmp.Compare(a.Pos.Col, b.Pos.Col))
			})
			return cmds, p.errs.Err()
		}
		if cmd := p.command(); cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
}

// next moves to the next token. Once the error limit is reached, the
// input seems to end there.
func (p *parser) next() {
	switch p.tok.kind {
	case tEOL, tSemi, tEOF:
	default:
		p.lastEnd = p.tok.end
	}
	switch {
	case len(p.errs) >= maxErrors:
		p.tok = token{kind: tEOF, pos: p.tok.pos, off: p.tok.off, end: p.tok.off}
	case len(p.ahead) > 0:
		p.tok = p.ahead[0]
		p.ahead = p.ahead[:0]
	default:
		p.tok = p.lex.nextToken()
	}
}

// peek returns the token after the current one without consuming anything.
func (p *parser) peek() token {
	if len(p.ahead) == 0 {
		p.ahead = append(p.ahead, p.lex.nextToken())
	}
	return p.ahead[0]
}

// errorf records an error at token t and bails out. An error at a lexical
// error token reports the lexer's message instead.
func (p *parser) errorf(t token, format string, args ...any) {
	if len(p.errs) < maxErrors {
		msg := t.val
		if t.kind != tError {
			msg = fmt.Sprintf(format, args...)
		}
		line := lineAt(p.src, t.off-(t.pos.Col-1))
		p.errs = append(p.errs, &Error{Pos: t.pos, Msg: msg, Line: line})
	}
	panic(bailout{})
}

// recoverFrom is deferred at a recovery point: it stops a bailout (and
// nothing else), restores the parser's context and skips the rest of the
// broken command or child. It reports whether it stopped a bailout.
func (p *parser) recoverFrom(r any, inBody int, usage string, multiLine bool) bool {
	if r == nil {
		return false
	}
	if _, ok := r.(bailout); !ok {
		panic(r)
	}
	p.inBody, p.usage = inBody, usage
	p.skip(multiLine)
	return true
}

// skip advances to the end of the current command: the end of the line or
// a ';' — or, when multiLine, the first such separator outside braces, so
// that a broken "sup … {" header skips its body too. Inside a body it also
// stops before a '}' that closes it.
func (p *parser) skip(multiLine bool) {
	depth := 0
	for {
		switch p.tok.kind {
		case tEOF:
			return
		case tEOL, tSemi:
			if depth == 0 || !multiLine {
				return
			}
		case tLBrace:
			depth++
		case tRBrace:
			if depth > 0 {
				depth--
			} else if p.inBody > 0 {
				return
			}
		}
		p.next()
	}
}

// skipSeparators skips blank lines and ';'.
func (p *parser) skipSeparators() {
	for p.tok.kind == tEOL || p.tok.kind == tSemi {
		p.next()
	}
}

// command parses one command, or returns nil after an error.
func (p *parser) command() (cmd *Command) {
	start, errs := p.tok, len(p.errs)
	multiLine := false
	defer func() {
		if p.recoverFrom(recover(), 0, "", multiLine) {
			cmd = nil
		}
	}()
	actor := p.actor()
	v := p.verbInfo()
	multiLine = v.multiLine
	p.verb, p.usage, p.procs = p.tok, v.usage, 0
	p.next()
	cmd = &Command{Pos: start.pos, Actor: actor, Verb: p.verb.val}
	p.checkActor(v, cmd, start)
	v.parse(p, cmd)
	p.expectEnd("the command")
	if len(p.errs) > errs {
		return nil // a child of its sup body was broken
	}
	cmd.Text = strings.TrimSpace(p.src[start.off:p.lastEnd])
	if h, ok := strings.CutPrefix(p.tok.comment, "# hint:"); ok {
		cmd.Hint = strings.TrimSpace(h)
	}
	return cmd
}

// actor parses an optional "ACTOR:" prefix: a process name or a pid
// immediately followed by ':'.
func (p *parser) actor() Actor {
	t, n := p.tok, p.peek()
	if n.kind != tColon || n.off != t.end {
		return Actor{Shell: true}
	}
	switch t.kind {
	case tIdent, tVar, tPid:
		ref := p.procRef(false)
		p.next() // the ':'
		return Actor{Proc: ref}
	case tReg, tNamePid:
		p.errorf(t, "the actor must be a process name or pid, not %s", p.describe(t))
	}
	return Actor{Shell: true}
}

// verbInfo returns the verb at the current token, or reports an unknown one.
func (p *parser) verbInfo() *verbInfo {
	t := p.tok
	if t.kind != tIdent && t.kind != tVar {
		p.errorf(t, "expected a command, found %s", p.describe(t))
	}
	if v, ok := verbs[t.val]; ok {
		return v
	}
	if n := p.peek(); n.kind == tColon {
		p.errorf(t, "unknown verb %s (to name an actor, write %s: with no space before the colon)", quote(t.val), t.val)
	}
	p.errorf(t, "unknown verb %s%s", quote(t.val), didYouMean(t.val, verbNames))
	return nil
}

// checkActor enforces the verb's rule about an "ACTOR:" prefix. A verb
// that needs one shows the command as typed with an actor added.
func (p *parser) checkActor(v *verbInfo, cmd *Command, start token) {
	switch {
	case v.actor == actorRequired && cmd.Actor.Shell:
		verb := p.verb
		for !p.atEnd() { // the error skips the command anyway
			p.next()
		}
		example := shortUsage(v.usage) // without arguments to show, the placeholders
		if text := strings.TrimSpace(p.src[verb.off:max(p.lastEnd, verb.end)]); text != verb.val {
			example = exampleActor(text) + ": " + text
		}
		p.errorf(verb, "%s needs an actor: write `%s`", verb.val, example)
	case v.actor == actorNever && !cmd.Actor.Shell:
		p.errorf(start, "%s takes no actor: write `%s`", p.verb.val, shortUsage(v.usage))
	}
}

// exampleActor is a process name for an example of text with an actor:
// "a", or the first letter after it that text does not use as a word.
func exampleActor(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' })
	name := "a"
	for slices.Contains(words, name) && name < "z" {
		name = string(name[0] + 1)
	}
	return name
}

// atEnd reports whether the current token ends a command or a child.
func (p *parser) atEnd() bool {
	switch p.tok.kind {
	case tEOL, tSemi, tEOF:
		return true
	case tRBrace:
		return p.inBody > 0
	}
	return false
}

// expectEnd reports the first token after a complete command or child.
func (p *parser) expectEnd(what string) {
	if !p.atEnd() {
		p.errorf(p.tok, "unexpected %s after %s", p.describe(p.tok), what)
	}
}

// need reports an error when the command has ended before its argument what.
func (p *parser) need(what string) {
	if p.atEnd() {
		p.errorf(p.tok, "missing %s (usage: %s)", what, p.usage)
	}
}

// isWord reports whether the current token is the identifier w.
func (p *parser) isWord(w string) bool {
	return p.tok.kind == tIdent && p.tok.val == w
}

// describe names a token for a message: its text, quoted and shortened.
func (p *parser) describe(t token) string {
	switch t.kind {
	case tEOL:
		return "end of line"
	case tEOF:
		return "end of input"
	}
	return quote(p.src[t.off:t.end])
}

// shortUsage drops the optional " [...]" parts of a usage line.
func shortUsage(u string) string {
	var b strings.Builder
	depth := 0
	for _, r := range u {
		switch {
		case r == '[':
			depth++
		case r == ']' && depth > 0:
			depth--
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// didYouMean returns " (did you mean X?)" for the candidate closest to w,
// when it is close enough (two edits, one for words of up to three
// letters), or "". A swap of neighbours counts as half an edit, so that
// "sned" suggests send rather than seed.
func didYouMean(w string, candidates []string) string {
	limit := 5 // in half edits
	if len(w) <= 3 {
		limit = 3
	}
	best, bestD := "", limit
	lw := strings.ToLower(w)
	for _, c := range candidates {
		if d := editDistance(lw, c, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %s?)", best)
}

// editDistance is the optimal-string-alignment distance between a and b
// in half edits: insertions, deletions and substitutions cost 2, a swap of
// neighbours 1. It returns limit when the distance is at least limit, or
// when a word is long.
func editDistance(a, b string, limit int) int {
	if len(a) > 64 || len(b) > 64 || 2*abs(len(a)-len(b)) >= limit {
		return limit
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = 2 * j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = 2 * i
		for j := 1; j <= len(b); j++ {
			cost := 2
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+2, cur[j-1]+2, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Incomplete reports whether src ends inside the unclosed '{' of a sup
// body (a "sup" or "start_child SUP sup" command), so that a REPL should
// read more lines before calling Parse. Braces of terms, which must close
// on their line, and braces in strings, quoted atoms and comments do not
// count. It runs in time linear in len(src) and never panics.
func Incomplete(src string) bool {
	l := newLexer("", src, 1)
	var open []bool  // the unclosed braces: true for a sup body
	var seg []string // the first words of the current command or child
	for {
		t := l.nextToken()
		switch t.kind {
		case tEOF:
			return slices.Contains(open, true)
		case tEOL:
			for len(open) > 0 && !open[len(open)-1] {
				open = open[:len(open)-1]
			}
			seg = seg[:0]
		case tSemi:
			seg = seg[:0]
		case tLBrace:
			body := len(seg) > 0 && seg[0] == "sup" || len(seg) > 2 && seg[0] == "start_child" && seg[2] == "sup"
			open = append(open, body)
			if body {
				seg = seg[:0]
			}
		case tMapOpen:
			open = append(open, false)
		case tRBrace:
			if len(open) > 0 && open[len(open)-1] {
				seg = seg[:0]
			}
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		default:
			if len(seg) < 3 {
				seg = append(seg, t.val)
			}
		}
	}
}
