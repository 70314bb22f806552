package scenarios

import "github.com/crashcourse/crashcourse/sim"

// Printer is the one printer of processes for everything meant for people
// (event lines, mailbox, receive, flush, info, why, supervisor replies,
// FAIL lines). A pid that is the latest incarnation of a named process is
// written with its name — bare where a command would name a process (a),
// <a> inside a term — and any other pid (an earlier incarnation, an
// unnamed process) as <0.N.0>; the shell is <shell>. A view of the present
// asks about now (Now); a trace entry's line asks about the moment it
// happened (At), so a cascade reads with names even after a restart has
// made newer incarnations, while an old incarnation still acting beside
// its successor shows its pid. The JSON Lines trace, written for programs,
// keeps <0.N.0>.
type Printer struct {
	w  *sim.World
	at sim.Seq // 0: now
}

// Now prints processes as they are now.
func Now(w *sim.World) Printer { return Printer{w: w} }

// At prints processes as they were when trace entry s happened.
func At(w *sim.World, s sim.Seq) Printer { return Printer{w: w, at: s} }

// Label writes p where a command would name a process: a, or <0.N.0>.
func (pr Printer) Label(p sim.Pid) string {
	if n, ok := pr.latestName(p); ok {
		return n
	}
	return p.String()
}

// Pid writes p inside a term: <a>, or <0.N.0>.
func (pr Printer) Pid(p sim.Pid) string {
	if n, ok := pr.latestName(p); ok {
		return "<" + n + ">"
	}
	return p.String()
}

// Term writes t in Erlang syntax, its pids as Pid writes them.
func (pr Printer) Term(t sim.Term) string { return sim.Format(t, pr.Pid) }

// Both writes p with its label and its pid when they differ (a <0.101.0>),
// for the views that identify an incarnation.
func (pr Printer) Both(p sim.Pid) string {
	if l := pr.Label(p); l != p.String() {
		return l + " " + p.String()
	}
	return p.String()
}

// latestName is p's name when p was the latest incarnation of that name at
// the printer's moment.
func (pr Printer) latestName(p sim.Pid) (string, bool) {
	n := pr.w.Name(p)
	if n == "" {
		return "", false
	}
	at, superseded := pr.w.Superseded(p)
	return n, !superseded || pr.at != 0 && at > pr.at
}
