package otp

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// parseTerm reads one term as Erlang's ~w writes it (the driver's output)
// or as the simulator prints it (<0.N.0>, <shell>, #Ref<K>, [...], Go-quoted
// strings). Pids and refs come back raw (kRawPid, kRawRef) for mapTerm;
// funs and bitstrings come back as kOther with their text.
func parseTerm(s string) (term, error) {
	p := &termParser{s: s}
	t, err := p.term()
	if err != nil {
		return term{}, err
	}
	p.space()
	if p.i != len(p.s) {
		return term{}, fmt.Errorf("unexpected %q after a term", p.s[p.i:])
	}
	return t, nil
}

type termParser struct {
	s string
	i int
}

func (p *termParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\n' || p.s[p.i] == '\t' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *termParser) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *termParser) rest() string { return p.s[p.i:] }

func (p *termParser) fail(what string) error {
	r := p.rest()
	if len(r) > 20 {
		r = r[:20] + "…"
	}
	return fmt.Errorf("expected %s at %q", what, r)
}

func (p *termParser) term() (term, error) {
	p.space()
	c := p.peek()
	switch {
	case c == '{':
		p.i++
		elems, _, err := p.seq('}', false)
		return term{k: kTuple, elems: elems}, err
	case strings.HasPrefix(p.rest(), "[...]"):
		p.i += 5
		return term{k: kStack}, nil
	case c == '[':
		p.i++
		elems, tail, err := p.seq(']', true)
		if err != nil {
			return term{}, err
		}
		if tail != nil && len(elems) == 1 && elems[0].k == kAtom && elems[0].s == "alias" && tail.k == kRawRef {
			return term{k: kTag}, nil
		}
		if tail != nil {
			return term{k: kOther, s: "[" + joinTerms(elems) + "|" + tail.String() + "]"}, nil
		}
		return term{k: kList, elems: elems}, nil
	case c == '\'':
		return p.quotedAtom()
	case c == '"':
		return p.str()
	case c == '-' || c >= '0' && c <= '9':
		return p.number()
	case atomStart(p.rune()):
		j := p.i
		for j < len(p.s) {
			r, n := utf8.DecodeRuneInString(p.s[j:])
			if !atomChar(r) {
				break
			}
			j += n
		}
		t := atom(p.s[p.i:j])
		p.i = j
		return t, nil
	case strings.HasPrefix(p.rest(), "<<"):
		return p.binary()
	case c == '<':
		j := strings.IndexByte(p.rest(), '>')
		if j < 0 {
			return term{}, p.fail("a pid")
		}
		t := term{k: kRawPid, s: p.s[p.i : p.i+j+1]}
		p.i += j + 1
		return t, nil
	case strings.HasPrefix(p.rest(), "#Ref<"):
		j := strings.IndexByte(p.rest(), '>')
		t := term{k: kRawRef, s: p.s[p.i : p.i+j+1]}
		p.i += j + 1
		return t, nil
	case strings.HasPrefix(p.rest(), "#{"):
		return p.mapTerm()
	case c == '#':
		return p.opaque("#", ">")
	}
	return term{}, p.fail("a term")
}

func (p *termParser) rune() rune {
	r, _ := utf8.DecodeRuneInString(p.rest())
	return r
}

// atomStart and atomChar follow Erlang's unquoted atoms, which ~tw writes
// for Latin-1 letters too (été, aß): a lowercase letter first, then
// letters, digits, _ and @.
func atomStart(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 0xDF && r <= 0xFF && r != 0xF7
}

func atomChar(r rune) bool {
	return atomStart(r) || r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0xDE && r != 0xD7 ||
		r >= '0' && r <= '9' || r == '_' || r == '@'
}

// seq reads elements up to end; in a list, "|" introduces a tail.
func (p *termParser) seq(end byte, list bool) ([]term, *term, error) {
	var elems []term
	p.space()
	if p.peek() == end {
		p.i++
		return elems, nil, nil
	}
	for {
		t, err := p.term()
		if err != nil {
			return nil, nil, err
		}
		elems = append(elems, t)
		p.space()
		switch c := p.peek(); {
		case c == ',':
			p.i++
		case c == end:
			p.i++
			return elems, nil, nil
		case c == '|' && list:
			p.i++
			tail, err := p.term()
			if err != nil {
				return nil, nil, err
			}
			p.space()
			if p.peek() != end {
				return nil, nil, p.fail(string(end))
			}
			p.i++
			return elems, &tail, nil
		default:
			return nil, nil, p.fail(", or " + string(end))
		}
	}
}

// opaque skips a term crashcourse does not model, balancing brackets.
func (p *termParser) opaque(open, end string) (term, error) {
	start := p.i
	p.i += len(open)
	depth := 0
	for p.i < len(p.s) {
		switch {
		case p.s[p.i] == '"':
			if _, err := p.str(); err != nil {
				return term{}, err
			}
			continue
		case p.s[p.i] == '{' || p.s[p.i] == '[':
			depth++
		case depth == 0 && strings.HasPrefix(p.rest(), end):
			p.i += len(end)
			return term{k: kOther, s: p.s[start:p.i]}, nil
		case p.s[p.i] == '}' || p.s[p.i] == ']':
			depth--
		}
		p.i++
	}
	return term{}, p.fail(end)
}

func (p *termParser) number() (term, error) {
	j := p.i
	if p.s[j] == '-' {
		j++
	}
	digits := func() {
		for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
			j++
		}
	}
	digits()
	float := false
	if j+1 < len(p.s) && p.s[j] == '.' && p.s[j+1] >= '0' && p.s[j+1] <= '9' {
		float = true
		j++
		digits()
	}
	if j < len(p.s) && (p.s[j] == 'e' || p.s[j] == 'E') {
		float = true
		j++
		if j < len(p.s) && (p.s[j] == '+' || p.s[j] == '-') {
			j++
		}
		digits()
	}
	text := p.s[p.i:j]
	p.i = j
	if float {
		f, err := strconv.ParseFloat(text, 64)
		return term{k: kFloat, f: f}, err
	}
	n, err := strconv.ParseInt(text, 10, 64)
	if err != nil {
		return term{k: kOther, s: text}, nil // a bignum
	}
	return term{k: kInt, n: n}, nil
}

// quotedAtom reads 'atom' with Erlang's escapes.
func (p *termParser) quotedAtom() (term, error) {
	s, err := p.quoted('\'')
	return atom(s), err
}

// str reads a double-quoted string, as the simulator prints it (Go
// quoting) or as Erlang does.
func (p *termParser) str() (term, error) {
	start := p.i
	s, err := p.quoted('"')
	if err != nil {
		return term{}, err
	}
	if u, uerr := strconv.Unquote(p.s[start:p.i]); uerr == nil {
		s = u
	}
	return stringTerm(s), nil
}

func (p *termParser) quoted(q byte) (string, error) {
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == q:
			p.i++
			return b.String(), nil
		case c == '\\' && p.i+1 < len(p.s):
			p.i++
			b.WriteString(p.escape())
			continue
		}
		b.WriteByte(c)
		p.i++
	}
	return "", p.fail("a closing quote")
}

// escape reads one Erlang escape sequence after the backslash.
func (p *termParser) escape() string {
	c := p.s[p.i]
	p.i++
	switch c {
	case 'n':
		return "\n"
	case 't':
		return "\t"
	case 'r':
		return "\r"
	case 's':
		return " "
	case 'e':
		return "\x1b"
	case 'd':
		return "\x7f"
	case 'b':
		return "\b"
	case 'f':
		return "\f"
	case 'v':
		return "\v"
	case 'x':
		if p.peek() == '{' {
			j := strings.IndexByte(p.rest(), '}')
			if j > 0 {
				n, err := strconv.ParseInt(p.s[p.i+1:p.i+j], 16, 32)
				p.i += j + 1
				if err == nil {
					return string(rune(n))
				}
			}
			return ""
		}
		j := p.i
		for j < len(p.s) && j < p.i+2 && strings.IndexByte("0123456789abcdefABCDEF", p.s[j]) >= 0 {
			j++
		}
		n, _ := strconv.ParseInt(p.s[p.i:j], 16, 32)
		p.i = j
		return string(rune(n))
	}
	if c >= '0' && c <= '7' {
		j := p.i - 1
		for p.i < len(p.s) && p.i < j+3 && p.s[p.i] >= '0' && p.s[p.i] <= '7' {
			p.i++
		}
		n, _ := strconv.ParseInt(p.s[j:p.i], 8, 32)
		return string(rune(n))
	}
	return string(c)
}

func joinTerms(ts []term) string {
	parts := make([]string, len(ts))
	for i, t := range ts {
		parts[i] = t.String()
	}
	return strings.Join(parts, ",")
}
