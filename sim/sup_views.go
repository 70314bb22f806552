package sim

// SupView is a read-only view of a running supervisor, as `tree` shows it.
type SupView struct {
	Pid      Pid
	Flags    SupFlags
	Children []ChildView // in start order
	Busy     string      // what it is blocked on, "" when idle
	Stamps   []int64     // restart times in whole seconds, oldest first, as last pruned
}

// InWindow counts the restarts that would still count toward the intensity
// at virtual time now: those with Stamp >= Now - Period, Now in whole
// seconds, as OTP's add_restart/1 counts them (fact E22).
func (v SupView) InWindow(now Time) int {
	n := 0
	for _, s := range v.Stamps {
		if s >= int64(now/Second)-int64(v.Flags.Period) {
			n++
		}
	}
	return n
}

// ChildView is one child of a supervisor.
type ChildView struct {
	ID         string
	Pid        Pid // 0: not running (OTP's undefined)
	Restarting bool
	Supervisor bool
	Restart    RestartType
	Restarts   int // starts after the first, over all incarnations
}

// Supervisor describes p if it is a live supervisor.
func (w *World) Supervisor(p Pid) (SupView, bool) {
	s := w.supOf(p)
	if s == nil || !w.proc(p).alive() {
		return SupView{}, false
	}
	v := SupView{Pid: p, Flags: s.def.flags, Busy: w.busy(s), Stamps: append([]int64(nil), s.stamps...)}
	for _, c := range s.children {
		v.Children = append(v.Children, ChildView{
			ID: c.id(), Pid: c.pid, Restarting: c.restarting, Supervisor: c.def.spec.Sup != nil,
			Restart: c.restart(), Restarts: max(c.def.starts-1, 0),
		})
	}
	return v, true
}

func (w *World) busy(s *supervisor) string {
	switch {
	case s.wait == nil:
		return ""
	case s.wait.kind == waitAck:
		return "waiting for " + w.Label(s.wait.pid) + " to start"
	}
	names := ""
	for i, t := range s.wait.targets {
		if i > 0 {
			names += ", "
		}
		names += w.Label(t.pid)
	}
	return "waiting for " + names + " to stop"
}

// TopSupervisors lists the live top-level supervisors in start order.
func (w *World) TopSupervisors() []Pid {
	var out []Pid
	for _, p := range w.topSups {
		if w.Alive(p) {
			out = append(out, p)
		}
	}
	return out
}

// Supervised reports whether p was started by a supervisor.
func (w *World) Supervised(p Pid) bool {
	if !w.Exists(p) {
		return false
	}
	e := w.extOf(w.proc(p))
	return e != nil && e.child != nil
}
