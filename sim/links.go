package sim

// Links are a set per process, kept sorted so a dying process signals its
// links in pid order (OTP leaves the order across receivers open). Up to two
// live inline in the proc; a process with more moves them all to an
// overflow set in World.linkSets.

// linksOf returns p's links in pid order. The slice is a view: do not keep
// it across changes to p's links.
func (w *World) linksOf(p *proc) []Pid {
	if p.more != 0 {
		return w.linkSets[p.more-1]
	}
	n := 0
	for n < 2 && p.link[n] != 0 {
		n++
	}
	return p.link[:n]
}

func (w *World) addLink(p *proc, x Pid) {
	switch {
	case p.more != 0:
		w.linkSets[p.more-1].add(x)
	case p.link[0] == x || p.link[1] == x:
	case p.link[0] == 0:
		p.link[0] = x
	case p.link[1] == 0:
		p.link[1] = x
		if p.link[1] < p.link[0] {
			p.link[0], p.link[1] = p.link[1], p.link[0]
		}
	default:
		set := linkSet{p.link[0], p.link[1]}
		set.add(x)
		p.link = [2]Pid{}
		p.more = w.newLinkSet(set)
	}
}

func (w *World) removeLink(p *proc, x Pid) bool {
	switch {
	case p.more != 0:
		return w.linkSets[p.more-1].remove(x)
	case p.link[0] == x:
		p.link[0], p.link[1] = p.link[1], 0
	case p.link[1] == x && x != 0:
		p.link[1] = 0
	default:
		return false
	}
	return true
}

// clearLinks forgets all of p's links and recycles its overflow set.
func (w *World) clearLinks(p *proc) {
	if p.more != 0 {
		w.linkSets[p.more-1] = nil
		w.freeSets = append(w.freeSets, p.more)
		p.more = 0
	}
	p.link = [2]Pid{}
}

func (w *World) newLinkSet(set linkSet) int32 {
	if n := len(w.freeSets); n > 0 {
		i := w.freeSets[n-1]
		w.freeSets = w.freeSets[:n-1]
		w.linkSets[i-1] = set
		return i
	}
	w.linkSets = append(w.linkSets, set)
	return int32(len(w.linkSets))
}

// linkSet is a sorted set of pids. Linking to a newer process appends, the
// common case.
type linkSet []Pid

func (l linkSet) find(p Pid) (int, bool) {
	lo, hi := 0, len(l)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if l[m] < p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(l) && l[lo] == p
}

func (l *linkSet) add(p Pid) {
	i, ok := l.find(p)
	if ok {
		return
	}
	*l = append(*l, 0)
	copy((*l)[i+1:], (*l)[i:])
	(*l)[i] = p
}

func (l *linkSet) remove(p Pid) bool {
	i, ok := l.find(p)
	if ok {
		*l = append((*l)[:i], (*l)[i+1:]...)
	}
	return ok
}
