package sim

import (
	"sort"
	"strconv"
)

// supCall handles a call from the shell with OTP's return values (fact
// E31). Calls that stop or start a child block the supervisor until that
// is done, like any of its work.
func (w *World) supCall(s *supervisor, i int32) {
	c := w.calls[i]
	switch c.kind {
	case reqWhichChildren:
		w.reply(s, i, w.whichChildren(s))
	case reqCountChildren:
		w.reply(s, i, w.countChildren(s))
	case reqStartChild:
		w.callStartChild(s, i, c)
	case reqTerminateChild:
		w.callTerminateChild(s, i, c)
	case reqRestartChild:
		x, bad := s.stoppedChild(c.id)
		if bad != nil {
			w.reply(s, i, bad)
			return
		}
		s.first(step{kind: doStart, keys: []int32{x.key}, finish: finishCall, call: i})
	case reqDeleteChild:
		x, bad := s.stoppedChild(c.id)
		if bad == nil {
			s.remove(x)
			bad = atomOK
		}
		w.reply(s, i, bad)
	}
}

// reply answers call i.
func (w *World) reply(s *supervisor, i int32, t Term) {
	c := w.calls[i]
	c.reply, c.done = t, true
	w.record(Entry{Kind: KindReply, Pid: s.pid, Other: Shell, Term: w.intern(t), Cause: w.cause})
}

func errorTerm(reason Term) Term { return Tuple{Atom("error"), reason} }

var (
	atomOK          = Atom("ok")
	atomUndefined   = Atom("undefined")
	errNotFound     = errorTerm(Atom("not_found"))
	errRunning      = errorTerm(Atom("running"))
	errRestarting   = errorTerm(Atom("restarting"))
	errSimpleOneFor = errorTerm(Atom("simple_one_for_one"))
)

func okPid(p Pid) Term {
	if p == 0 {
		return Tuple{atomOK, atomUndefined}
	}
	return Tuple{atomOK, p}
}

// callStartChild adds the child and starts it; callStarted keeps it or
// takes it back out.
func (w *World) callStartChild(s *supervisor, i int32, c *call) {
	spec := c.spec
	if spec == nil && !s.simple() {
		w.reply(s, i, errorTerm(Tuple{Atom("invalid_child_spec"), List{}}))
		return
	}
	if s.simple() {
		tmpl := s.def.children[0].spec
		s.def.dynamic++
		tmpl.ID += "_" + strconv.Itoa(s.def.dynamic)
		spec = &tmpl
	} else if x := s.childByID(spec.ID); x != nil {
		if x.pid != 0 {
			w.reply(s, i, errorTerm(Tuple{Atom("already_started"), x.pid}))
		} else {
			w.reply(s, i, errorTerm(Atom("already_present")))
		}
		return
	} else if bad := checkChild(s.def.flags, spec); bad != nil {
		w.reply(s, i, errorTerm(bad))
		return
	}
	x := s.add(newChildDef(*spec))
	s.first(step{kind: doStart, keys: []int32{x.key}, finish: finishCall, call: i})
}

// callStarted replies to start_child or restart_child once the child's
// start has a result. A child start_child failed to start is not kept; an
// ignored one is kept unless it is temporary or dynamic (fact E31).
func (w *World) callStarted(s *supervisor, i int32, c *child, r startResult) {
	fresh := w.calls[i].kind == reqStartChild
	switch {
	case r.err != 0 && !fresh:
		c.pid = 0
		w.reply(s, i, errorTerm(w.terms[r.err]))
	case r.err != 0:
		s.remove(c)
		reason := w.terms[r.err]
		if !s.simple() {
			reason = Tuple{reason, childRecord(&c.def.spec)}
		}
		w.reply(s, i, errorTerm(reason))
	default:
		if r.pid == 0 && s.simple() {
			s.remove(c)
		}
		w.started(s, c, r.pid)
		w.reply(s, i, okPid(r.pid))
	}
}

// childRecord is the #child{} record OTP leaks into start_child errors.
func childRecord(spec *ChildSpec) Term {
	kind := Atom("worker")
	if spec.Sup != nil {
		kind = Atom("supervisor")
	}
	id := Atom(spec.ID)
	return Tuple{Atom("child"), atomUndefined, id, Tuple{id, Atom("start_link"), List{}},
		Atom(spec.Restart.String()), Atom(strconv.FormatBool(spec.Significant)), spec.Shutdown.Term(), kind, List{id}}
}

func (w *World) callTerminateChild(s *supervisor, i int32, c *call) {
	var x *child
	switch {
	case s.simple() && c.pid == 0:
		w.reply(s, i, errSimpleOneFor)
		return
	case s.simple():
		x = w.childByPid(s, c.pid)
		if x == nil {
			w.reply(s, i, atomOK)
			return
		}
	case c.pid != 0:
		w.reply(s, i, errNotFound)
		return
	default:
		if x = s.childByID(c.id); x == nil {
			w.reply(s, i, errNotFound)
			return
		}
	}
	s.first(stopOne(x, replyTerminate, i))
}

// stoppedChild finds a child that restart_child or delete_child may act
// on, or the error OTP replies with.
func (s *supervisor) stoppedChild(id string) (*child, Term) {
	if s.simple() {
		return nil, errSimpleOneFor
	}
	x := s.childByID(id)
	switch {
	case x == nil:
		return nil, errNotFound
	case x.pid != 0:
		return nil, errRunning
	case x.restarting:
		return nil, errRestarting
	}
	return x, nil
}

// whichChildren lists the children newest first, as OTP does. The
// children of a simple_one_for_one supervisor live in a map keyed by pid:
// OTP 25 lists them in pid order (for up to 32 of them; beyond, in hash
// order), those being restarted last, and gives each the template's
// modules.
func (w *World) whichChildren(s *supervisor) Term {
	cs := make([]*child, 0, len(s.children))
	for i := len(s.children) - 1; i >= 0; i-- {
		cs = append(cs, s.children[i])
	}
	if s.simple() {
		sort.SliceStable(cs, func(i, j int) bool {
			return cs[i].pid != 0 && (cs[j].pid == 0 || cs[i].pid < cs[j].pid)
		})
	}
	out := List{}
	for _, c := range cs {
		var id, pid Term = Atom(c.id()), atomUndefined
		mods := List{id}
		if s.simple() {
			id, mods = atomUndefined, List{Atom(s.def.children[0].spec.ID)}
		}
		switch {
		case c.pid != 0:
			pid = c.pid
		case c.restarting:
			pid = Atom("restarting")
		}
		out = append(out, Tuple{id, pid, childKind(c), mods})
	}
	return out
}

func childKind(c *child) Atom {
	if c.def.spec.Sup != nil {
		return "supervisor"
	}
	return "worker"
}

// countChildren is count_children/1; a simple_one_for_one supervisor has
// one spec, its template.
func (w *World) countChildren(s *supervisor) Term {
	specs, active, sups, workers := len(s.children), 0, 0, 0
	for _, c := range s.children {
		if c.pid != 0 {
			active++
		}
		if childKind(c) == "supervisor" {
			sups++
		} else {
			workers++
		}
	}
	if s.simple() {
		specs = 1
	}
	return List{Tuple{Atom("specs"), Int(specs)}, Tuple{Atom("active"), Int(active)},
		Tuple{Atom("supervisors"), Int(sups)}, Tuple{Atom("workers"), Int(workers)}}
}
