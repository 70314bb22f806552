package sim

// ChildSpecOf is the spec a supervisor started p from; ok is false for a
// process no supervisor started. It stays known after p exits.
func (w *World) ChildSpecOf(p Pid) (ChildSpec, bool) {
	if !w.Exists(p) {
		return ChildSpec{}, false
	}
	e := w.extOf(w.proc(p))
	if e == nil || e.child == nil {
		return ChildSpec{}, false
	}
	return e.child.spec, true
}

// ChildSpecByID is the spec of the child id that supervisor sup lists now,
// or, for a supervisor's static children, held in its definition (as a
// dead supervisor last had it).
func (w *World) ChildSpecByID(sup Pid, id string) (ChildSpec, bool) {
	s := w.supOf(sup)
	if s == nil {
		return ChildSpec{}, false
	}
	if c := s.childByID(id); c != nil {
		return c.def.spec, true
	}
	for _, d := range s.def.children {
		if d.spec.ID == id {
			return d.spec, true
		}
	}
	return ChildSpec{}, false
}
