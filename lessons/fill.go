package lessons

import (
	"slices"
	"strings"
)

// alwaysAllowed are the verbs a learner may use in every exercise: they
// look at the world or check it and change nothing in it.
var alwaysAllowed = []string{
	"ps", "tree", "info", "mailbox", "whereis", "time", "trace", "why", "help", "expect", "mark",
}

// neverAllowed are the verbs no exercise may allow: `reset` would throw
// away the exercise's setup.
var neverAllowed = []string{"reset"}

// fill moves the current exercise's blocks into ex and checks that every
// part the format requires is there and well formed.
func (p *parser) fill(ex *Exercise) {
	b := p.blocks
	ex.Goal = p.text(ex, "goal", true)
	ex.Pass = p.text(ex, "pass", true)
	ex.Question = p.text(ex, "predict", false)
	ex.Setup, ex.Faults, ex.Expect = b["setup"], b["faults"], b["expect"]
	ex.Start, ex.Solution, ex.Mistake = b["start"], b["solution"], b["mistake"]
	p.commands(ex.Setup)
	p.commands(ex.Faults)
	p.expectations(ex)
	p.answers(ex)
	p.hintsOf(ex)
	p.allow(ex)
}

// text returns the trimmed text of a prose block of kind, reporting it
// missing when required.
func (p *parser) text(ex *Exercise, kind string, required bool) string {
	b, ok := p.blocks[kind]
	t := paragraph(b.Text)
	switch {
	case ok && t == "":
		p.errorAt(b.Pos.Line-1, 1, "this %s block is empty", kind)
	case !ok && required:
		p.errorAt(ex.Pos.Line, 1, "exercise %q has no %s block", ex.Title, kind)
	}
	return t
}

// expectations checks that the expect block holds expectations only.
func (p *parser) expectations(ex *Exercise) {
	if !ex.Expect.Present() {
		p.errorAt(ex.Pos.Line, 1, "exercise %q has no expect block (the expected cascade)", ex.Title)
		return
	}
	cmds := p.commands(ex.Expect)
	for _, c := range cmds {
		if c.Expect == nil {
			p.errorAt(c.Pos.Line, c.Pos.Col, "an expect block holds expect lines only, not %q", c.Verb)
		}
	}
	if len(cmds) == 0 && len(p.errs) == 0 {
		p.errorAt(ex.Expect.Pos.Line, 1, "the expect block of %q has no expectation", ex.Title)
	}
}

// answers parses the learner-side blocks: start, solution and mistake, as
// commands or, for a predict exercise, as predictions.
func (p *parser) answers(ex *Exercise) {
	if !ex.Solution.Present() {
		p.errorAt(ex.Pos.Line, 1, "exercise %q has no solution block (the reference solution)", ex.Title)
	}
	for _, b := range []Block{ex.Start, ex.Solution, ex.Mistake} {
		if !b.Present() {
			continue
		}
		if !ex.Predict() {
			p.commands(b)
			continue
		}
		if _, err := ParsePrediction(p.file, b.Pos.Line, b.Text); err != nil {
			p.errs = append(p.errs, err...)
		}
	}
}

func (p *parser) hintsOf(ex *Exercise) {
	for _, h := range p.hints {
		t := paragraph(h.Text)
		if t == "" {
			p.errorAt(h.Pos.Line-1, 1, "this hint block is empty")
		}
		ex.Hints = append(ex.Hints, t)
	}
	if n := len(ex.Hints); n < 2 || n > maxHints {
		p.errorAt(ex.Pos.Line, 1, "exercise %q has %d hint blocks; it needs 2 or 3, the last close to the answer", ex.Title, n)
	}
}

// allow reads the allow block: verbs, or forms of a verb (exit/2, see
// verbForms), separated by spaces, commas or newlines. Without one every
// verb but the never-allowed ones counts.
func (p *parser) allow(ex *Exercise) {
	ex.allowSet = map[string]bool{}
	for _, v := range alwaysAllowed {
		ex.allowSet[v] = true
	}
	b, ok := p.blocks["allow"]
	if ok && ex.Predict() {
		p.errorAt(b.Pos.Line-1, 1, "a predict exercise takes no allow block: the learner writes no commands")
	}
	if !ok {
		for _, v := range sortedVerbs {
			if !slices.Contains(neverAllowed, v) {
				ex.allowVerb(v)
			}
		}
		return
	}
	for k, line := range strings.Split(b.Text, "\n") {
		p.allowLine(ex, b.Pos.Line+k, line)
	}
	ex.Allowed = ex.allowedNames()
}

func (p *parser) allowLine(ex *Exercise, line int, text string) {
	if i := strings.IndexByte(text, '#'); i >= 0 {
		text = text[:i]
	}
	for col := 0; col < len(text); {
		for col < len(text) && (text[col] == ' ' || text[col] == ',' || text[col] == '\t') {
			col++
		}
		end := col
		for end < len(text) && text[end] != ' ' && text[end] != ',' && text[end] != '\t' {
			end++
		}
		if verb := text[col:end]; verb != "" {
			switch {
			case slices.Contains(neverAllowed, verb):
				p.errorAt(line, col+1, "%q is never allowed: it would throw away the exercise's setup", verb)
			case isForm(verb):
				ex.allowSet[verb] = true
			case !slices.Contains(sortedVerbs, verb):
				p.errorAt(line, col+1, "%q is not a verb of the language; the verbs are: %s (and exit/1, exit/2 for one form of exit)", verb, strings.Join(sortedVerbs, " "))
			default:
				ex.allowVerb(verb)
			}
		}
		col = end
	}
}

// paragraph joins a block's lines into one paragraph: its words separated
// by single spaces.
func paragraph(text string) string { return strings.Join(strings.Fields(text), " ") }
