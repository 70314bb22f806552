package otp

import "strings"

// mapTerm reads #{K => V,…}.
func (p *termParser) mapTerm() (term, error) {
	p.i += len("#{")
	m := term{k: kMap}
	p.space()
	if p.peek() == '}' {
		p.i++
		return m, nil
	}
	for {
		k, err := p.term()
		if err != nil {
			return term{}, err
		}
		p.space()
		if !strings.HasPrefix(p.rest(), "=>") {
			return term{}, p.fail("=>")
		}
		p.i += len("=>")
		v, err := p.term()
		if err != nil {
			return term{}, err
		}
		m.elems = append(m.elems, k, v)
		p.space()
		switch p.peek() {
		case ',':
			p.i++
		case '}':
			p.i++
			return m, nil
		default:
			return term{}, p.fail(", or }")
		}
	}
}

// binary reads <<…>>: bytes as ~w writes them, or strings and bytes as
// ~p and the simulator write them. A bitstring (<<1:3>>) stays opaque.
func (p *termParser) binary() (term, error) {
	start := p.i
	p.i += len("<<")
	var b []byte
	p.space()
	if strings.HasPrefix(p.rest(), ">>") {
		p.i += 2
		return term{k: kBinary}, nil
	}
	for {
		seg, ok := p.segment()
		if !ok {
			p.i = start
			return p.opaque("<<", ">>")
		}
		b = append(b, seg...)
		p.space()
		switch {
		case p.peek() == ',':
			p.i++
		case strings.HasPrefix(p.rest(), ">>"):
			p.i += 2
			return term{k: kBinary, s: string(b)}, nil
		default:
			p.i = start
			return p.opaque("<<", ">>")
		}
	}
}

// segment reads one segment of a binary: a byte or a Latin-1 string.
func (p *termParser) segment() ([]byte, bool) {
	p.space()
	switch c := p.peek(); {
	case c == '"':
		s, err := p.quoted('"')
		if err != nil {
			return nil, false
		}
		var b []byte
		for _, r := range s {
			if r > 255 {
				return nil, false
			}
			b = append(b, byte(r))
		}
		return b, true
	case c >= '0' && c <= '9':
		t, err := p.number()
		if err != nil || t.k != kInt || t.n > 255 {
			return nil, false
		}
		return []byte{byte(t.n)}, true
	}
	return nil, false
}
