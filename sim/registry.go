package sim

import "sort"

// Register makes actor call register(name, target). It raises badarg when
// the name is undefined or taken, when target already has a name (even this
// one), or when target is dead (fact C17).
func (w *World) Register(actor Pid, name string, target Pid) error {
	if err := w.checkActor(actor); err != nil {
		return err
	}
	if err := w.checkTarget(target); err != nil {
		return err
	}
	if why := w.registerRefusal(name, target); why != "" {
		return w.raise(actor, tBadargError, "register "+w.Label(target)+" as "+name, why)
	}
	w.registry[name] = target
	w.extra(w.proc(target)).regName = name
	w.record(Entry{Kind: KindRegister, Pid: target, Other: actor, Term: w.intern(Atom(name)), Cause: w.cause})
	return nil
}

func (w *World) registerRefusal(name string, target Pid) string {
	p := w.proc(target)
	switch {
	case name == "undefined":
		return "the name undefined cannot be registered"
	case w.registry[name] != 0:
		return name + " is already registered to " + w.Label(w.registry[name])
	case !p.alive():
		return w.Label(target) + " is dead"
	case w.RegisteredName(target) != "":
		return w.Label(target) + " is already registered as " + w.RegisteredName(target)
	}
	return ""
}

// Unregister makes actor call unregister(name); any process may unregister
// any name. An unknown name raises badarg (fact C19).
func (w *World) Unregister(actor Pid, name string) error {
	if err := w.checkActor(actor); err != nil {
		return err
	}
	p, ok := w.registry[name]
	if !ok {
		return w.raise(actor, tBadargError, "unregister "+name, "no process is registered as "+name)
	}
	delete(w.registry, name)
	w.extOf(w.proc(p)).regName = ""
	w.record(Entry{Kind: KindUnregister, Pid: p, Other: actor, Term: w.intern(Atom(name)), Cause: w.cause})
	return nil
}

// releaseName frees a dying process's registered name.
func (w *World) releaseName(pid Pid, e *procExt, cause Seq) {
	if e.regName == "" {
		return
	}
	delete(w.registry, e.regName)
	w.record(Entry{Kind: KindUnregister, Pid: pid, Other: pid, Term: w.intern(Atom(e.regName)), Flags: FlagOn, Cause: cause})
	e.regName = ""
}

// Whereis returns the pid registered as name.
func (w *World) Whereis(name string) (Pid, bool) {
	p, ok := w.registry[name]
	return p, ok
}

// RegisteredName is p's registered name, or "".
func (w *World) RegisteredName(p Pid) string {
	if !w.Exists(p) {
		return ""
	}
	if e := w.extOf(w.proc(p)); e != nil {
		return e.regName
	}
	return ""
}

// Registered lists the registered names in alphabetical order.
func (w *World) Registered() []string {
	names := make([]string, 0, len(w.registry))
	for n := range w.registry {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
