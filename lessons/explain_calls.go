package lessons

import (
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// callDown reports whether entry down is the DOWN of a gen_server:call's
// monitor that ended the caller's life at exit entry s: a DOWN of a plain
// monitor is only a message and kills no one.
func (r *replay) callDown(s, down sim.Seq) bool {
	w := r.s.World()
	e, d := w.Entry(s), w.Entry(down)
	return d.Kind == sim.KindDown && d.Pid == e.Pid && !w.IsSupervisor(e.Pid) && r.callEntry(e.Pid, down) != 0
}

// diedOfCall says why a caller died of its call's DOWN: the server died
// during the call (or was dead already), and a failed call is the
// caller's own exit, which trapping exits does not stop. It names the line
// that made the call.
func (r *replay) diedOfCall(s, down sim.Seq) string {
	w := r.s.World()
	d := w.Entry(down)
	call := r.callEntry(d.Pid, down)
	pr := scenarios.At(w, call) // the server as the caller named it
	server, reason := quote(pr.Label(d.Other)), w.Term(d.Term)
	if reason.String() == "noproc" {
		return r.died(s) + " because it called " + server + ", which was already dead: the call failed at once with noproc" + r.lineOf(call, "")
	}
	return r.died(s) + " because it was waiting in gen_server:call to " + server + ", which died with " + quote(pr.Term(reason)) +
		": a failed call exits the caller, trapping exits or not" + r.lineOf(call, "")
}

// callEntry finds the entry, before entry before, at which p began its
// last gen_server:call; 0 if none is found.
func (r *replay) callEntry(p sim.Pid, before sim.Seq) sim.Seq {
	w := r.s.World()
	for s := before - 1; s > 0; s-- {
		if e := w.Entry(s); e.Kind == sim.KindGenCall && e.Pid == p {
			return s
		}
	}
	return 0
}
