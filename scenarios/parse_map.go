package scenarios

// mapTerm parses #{K => V, …} whose opening #{ is the current token. Keys
// are terms without wildcards (a pattern matches a map with exactly these
// keys); values are patterns when pattern is true.
func (p *parser) mapTerm(depth int, pattern bool) *TermExpr {
	open := p.opening(depth)
	e := &TermExpr{Pos: open.pos, Kind: TermMap}
	p.elements(open, tRBrace, "}", func() {
		key := p.termAt(depth, false)
		if p.tok.kind != tArrow {
			p.checkOpen(open)
			p.errorf(p.tok, "expected => after a map key, found %s", p.describe(p.tok))
		}
		p.next()
		p.checkOpen(open)
		e.Elems = append(e.Elems, key, p.termAt(depth, pattern))
	})
	return e
}

// binary parses <<…>> whose opening << is the current token: segments
// separated by commas, each a string or an integer 0..255. A string gives
// one byte per character, which must be Latin-1: Erlang's <<"…">> would
// take each character modulo 256, silently losing it.
func (p *parser) binary() *TermExpr {
	open := p.tok
	var bytes []byte
	p.elements(open, tBinClose, ">>", func() { bytes = p.segment(bytes) })
	return &TermExpr{Pos: open.pos, Kind: TermBinary, Str: string(bytes)}
}

// segment appends the bytes of one segment of a binary.
func (p *parser) segment(bytes []byte) []byte {
	t := p.tok
	switch t.kind {
	case tString:
		for _, r := range t.val {
			if r > 255 {
				p.errorf(t, "character %q does not fit in a byte: write its bytes as integers, e.g. <<195,169>> for \"é\" in UTF-8", r)
			}
			bytes = append(bytes, byte(r))
		}
	case tInt:
		n := p.parseInt(t)
		if n < 0 || n > 255 {
			p.errorf(t, "a byte is an integer from 0 to 255, not %d", n)
		}
		bytes = append(bytes, byte(n))
	default:
		p.errorf(t, "expected a string or a byte (0..255) in a binary, found %s", p.describe(t))
	}
	p.next()
	return bytes
}
