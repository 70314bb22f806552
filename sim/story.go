package sim

import "slices"

// Story is the whole of why a process ended: its causal chain (see Why)
// and, for each supervisor on that chain that gave up because it reached
// its maximum restart intensity, the restarts that counted toward it. The
// chain alone shows only the exit that was one too many; the restarts before
// it, in the supervisor's window, are why that exit ended the supervisor.
type Story struct {
	Chain  []Seq
	GaveUp []GaveUp // in the order their reports' causes appear on the chain
}

// GaveUp tells why a supervisor shut down with reached_max_restart_intensity:
// Intensity restarts already counted in its window (stamps >= Now - Period,
// in whole seconds, as add_restart/1 counts them) when one more child exit
// asked for another.
type GaveUp struct {
	Sup       Pid
	Report    Seq // its supervisor_shutdown entry
	Intensity int
	Period    int   // seconds
	Counted   []Seq // the restart entries that counted, oldest first
}

// Story returns the story of p's end; its Chain is empty while p is alive.
// It reads the trace only: it costs the chain's length plus, per supervisor
// that gave up, a scan back through the entries of its restart window.
func (w *World) Story(p Pid) Story {
	st := Story{Chain: w.Why(p)}
	on := make(map[Seq]bool, len(st.Chain)) // looked up only, never ranged over
	for _, s := range st.Chain {
		on[s] = true
	}
	seen := map[Pid]bool{}
	for _, s := range st.Chain {
		e := w.trace.at(s)
		for _, pid := range []Pid{e.Pid, e.Other} {
			sup := w.supOf(pid)
			if sup == nil || seen[pid] || sup.gaveUp == 0 || !on[w.trace.stored(sup.gaveUp).cause] {
				continue
			}
			seen[pid] = true
			st.GaveUp = append(st.GaveUp, w.gaveUpStory(sup))
		}
	}
	return st
}

// gaveUpStory describes a supervisor that gave up. A supervisor refuses a restart
// only when exactly Intensity earlier ones are still in its window (each
// accepted one left at most Intensity), so the counted restarts are its
// last Intensity restart entries before the report.
func (w *World) gaveUpStory(s *supervisor) GaveUp {
	f := s.def.flags
	g := GaveUp{Sup: s.pid, Report: s.gaveUp, Intensity: f.Intensity, Period: f.Period}
	for q := s.gaveUp - 1; q > 0 && len(g.Counted) < f.Intensity; q-- {
		if e := w.trace.stored(q); Kind(e.pidKind) == KindRestart && Pid(e.pidKind>>8) == s.pid {
			g.Counted = append(g.Counted, q)
		}
	}
	slices.Reverse(g.Counted)
	return g
}

// Previous is the incarnation of p's name just before p; ok is false when p
// has no name or is its name's first incarnation. Names are unique among
// live processes, so it is the latest earlier pid with the same name; the
// search costs one look per older pid.
func (w *World) Previous(p Pid) (Pid, bool) {
	name := w.Name(p)
	if name == "" {
		return 0, false
	}
	for q := p - 1; q >= FirstPid; q-- {
		if w.Name(q) == name {
			return q, true
		}
	}
	return 0, false
}

// Note says in words why the action that trace entry s records failed,
// when s is the exit of a process that raised an error performing a
// command (`send to @db, and no process is registered as db`); "" otherwise.
func (w *World) Note(s Seq) string {
	n, _ := markOf(w.trace.notes, s)
	return n
}
