package scenarios

import (
	"strconv"
)

// maxDepth bounds the nesting of terms and of supervisors, so that no
// input can exhaust the stack.
const maxDepth = 100

// term parses one Erlang term, which must fit on the current line. When
// pattern is false, variables (wildcards) are an error: only expectations
// match.
func (p *parser) term(what string, pattern bool) *TermExpr {
	p.need(what)
	return p.termAt(0, pattern)
}

// termAt parses a term at the given bracket depth.
func (p *parser) termAt(depth int, pattern bool) *TermExpr {
	t := p.tok
	e := &TermExpr{Pos: t.pos}
	switch t.kind {
	case tLBrace, tLBrack:
		return p.compound(depth+1, pattern)
	case tMapOpen:
		return p.mapTerm(depth+1, pattern)
	case tBinOpen:
		return p.binary()
	case tIdent, tAtom:
		e.Kind, e.Atom = TermAtom, t.val
	case tVar:
		if !pattern {
			p.errorf(t, "a variable like %s matches anything: it is only allowed in expectations", t.val)
		}
		e.Kind, e.Atom = TermWildcard, t.val
	case tInt:
		e.Kind, e.Int = TermInt, p.parseInt(t)
	case tFloat:
		e.Kind, e.Float = TermFloat, p.parseFloat(t)
	case tString:
		e.Kind, e.Str = TermString, t.val
	case tPid:
		e.Kind, e.Int = TermPid, p.parseInt(t)
	case tNamePid:
		e.Kind, e.Atom = TermNamePid, t.val
	case tRef:
		e.Kind, e.Int = TermRef, p.parseInt(t)
	case tStack:
		e.Kind = TermStack
	default:
		p.errorf(t, "expected a term, found %s", p.describe(t))
	}
	p.next()
	return e
}

// compound parses a tuple {…} or a list […] whose opening bracket is the
// current token.
func (p *parser) compound(depth int, pattern bool) *TermExpr {
	open := p.opening(depth)
	e := &TermExpr{Pos: open.pos, Kind: TermTuple}
	closing, closeText := tRBrace, "}"
	if open.kind == tLBrack {
		e.Kind, closing, closeText = TermList, tRBrack, "]"
	}
	p.elements(open, closing, closeText, func() {
		e.Elems = append(e.Elems, p.termAt(depth, pattern))
	})
	return e
}

// opening returns the current token, an opening bracket at the given
// depth, refusing terms nested too deeply.
func (p *parser) opening(depth int) token {
	if depth > maxDepth {
		p.errorf(p.tok, "term nested too deeply (more than %d levels)", maxDepth)
	}
	return p.tok
}

// elements parses the comma-separated elements after the opening bracket
// open, each with elem, and the closing token. A bracket still open at the
// end of the line is an error at the bracket.
func (p *parser) elements(open token, closing tokKind, closeText string, elem func()) {
	p.next()
	if p.tok.kind == closing {
		p.next()
		return
	}
	for {
		p.checkOpen(open)
		elem()
		switch p.tok.kind {
		case tComma:
			p.next()
		case closing:
			p.next()
			return
		default:
			p.checkOpen(open)
			p.errorf(p.tok, "expected , or %s, found %s", closeText, p.describe(p.tok))
		}
	}
}

// checkOpen reports the bracket open as unclosed at the end of a line.
func (p *parser) checkOpen(open token) {
	if p.tok.kind == tEOL || p.tok.kind == tEOF {
		p.errorf(open, "unclosed %s", p.src[open.off:open.end])
	}
}

func (p *parser) parseInt(t token) int64 {
	n, err := strconv.ParseInt(t.val, 10, 64)
	if err != nil {
		p.errorf(t, "integer %s out of range", quote(t.val))
	}
	return n
}

func (p *parser) parseFloat(t token) float64 {
	f, err := strconv.ParseFloat(t.val, 64)
	if err != nil {
		p.errorf(t, "float %s out of range", quote(t.val))
	}
	return f
}
