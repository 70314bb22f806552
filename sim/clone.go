package sim

import "maps"

// Clone returns an independent deep copy of w, for snapshots and rewind.
// The trace's full chunks and the immutable terms and specs are shared,
// and so are the process table and the name index until either world
// writes to them (copy on write). Clone marks them shared in w too, so it
// must not run concurrently with any other use of w, nor while the kernel
// holds a pointer into the process table (it never does between events).
func (w *World) Clone() *World {
	w.namesCoW = true
	c := *w
	cl := cloner{defs: map[*childDef]*childDef{}, sups: map[*supDef]*supDef{}}
	c.q = w.q.clone()
	c.trace = w.trace.clone()
	c.procs = w.procs.share()
	// One slab for every copied record: a snapshot of a million
	// processes costs one allocation here, not a million.
	c.exts = make([]*procExt, len(w.exts))
	slab := make([]procExt, len(w.exts))
	for i, e := range w.exts {
		cl.ext(&slab[i], e)
		c.exts[i] = &slab[i]
	}
	c.linkSets = make([]linkSet, len(w.linkSets))
	for i, l := range w.linkSets {
		c.linkSets[i] = append(linkSet(nil), l...)
	}
	c.freeSets = append([]int32(nil), w.freeSets...)
	c.nameOf, c.nameTab = w.nameOf.share(), w.nameTab.share()
	c.registry = maps.Clone(w.registry)
	c.mons = append([]monitor(nil), w.mons...)
	c.timers = append([]timer(nil), w.timers...)
	c.refs = append([]refTarget(nil), w.refs...)
	c.terms = append([]Term(nil), w.terms...)
	c.calls = make([]*call, len(w.calls))
	for i, k := range w.calls {
		x := *k
		c.calls[i] = &x
	}
	c.gcalls = append([]genCall(nil), w.gcalls...)
	c.topSups = append([]Pid(nil), w.topSups...)
	c.victims.tree = append([]int32(nil), w.victims.tree...)
	c.shellAcks = maps.Clone(w.shellAcks)
	return &c
}

// cloner copies the supervision state, mapping each shared spec to one
// copy so that what was shared stays shared in the clone.
type cloner struct {
	defs map[*childDef]*childDef
	sups map[*supDef]*supDef
}

// ext copies e into c, sharing nothing that either may change.
func (cl *cloner) ext(c, e *procExt) {
	*c = *e
	c.mailbox = append([]Message(nil), e.mailbox...)
	c.monsIn = append([]int32(nil), e.monsIn...)
	c.monsOut = append([]int32(nil), e.monsOut...)
	c.timersIn = append([]int32(nil), e.timersIn...)
	c.child = cl.childDef(e.child)
	if e.sup != nil {
		c.sup = cl.supervisor(e.sup)
	}
	if e.wk != nil {
		wk := *e.wk
		c.wk = &wk
	}
}

func (cl *cloner) childDef(d *childDef) *childDef {
	if d == nil {
		return nil
	}
	if c, ok := cl.defs[d]; ok {
		return c
	}
	c := *d
	cl.defs[d] = &c
	c.sup = cl.supDef(d.sup)
	return &c
}

func (cl *cloner) supDef(d *supDef) *supDef {
	if d == nil {
		return nil
	}
	if c, ok := cl.sups[d]; ok {
		return c
	}
	c := *d
	cl.sups[d] = &c
	c.children = make([]*childDef, len(d.children))
	for i, x := range d.children {
		c.children[i] = cl.childDef(x)
	}
	return &c
}

func (cl *cloner) supervisor(s *supervisor) *supervisor {
	c := *s
	c.def = cl.supDef(s.def)
	c.children = make([]*child, len(s.children))
	for i, x := range s.children {
		k := *x
		k.def = cl.childDef(x.def)
		c.children[i] = &k
	}
	c.stamps = append([]int64(nil), s.stamps...)
	c.agenda = make([]step, len(s.agenda))
	for i, st := range s.agenda {
		c.agenda[i] = st.clone()
	}
	if s.wait != nil {
		wt := *s.wait
		wt.targets = append([]target(nil), s.wait.targets...)
		wt.stop, wt.start = s.wait.stop.clone(), s.wait.start.clone()
		c.wait = &wt
	}
	return &c
}

func (st step) clone() step {
	st.keys = append([]int32(nil), st.keys...)
	return st
}
