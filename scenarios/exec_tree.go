package scenarios

import (
	"strings"

	"github.com/crashcourse/crashcourse/sim"
)

// tree prints each live supervision tree, then the other live processes
// under who spawned them, with their links.
func (x *execution) tree() {
	w := x.w()
	budget := maxListed
	for _, top := range w.TopSupervisors() {
		x.supNode(top, "", &budget)
	}
	kids := map[sim.Pid][]sim.Pid{}
	var roots []sim.Pid
	for i := 0; i < w.NumProcesses(); i++ {
		p := sim.FirstPid + sim.Pid(i)
		if !w.Alive(p) || w.Supervised(p) || w.IsSupervisor(p) {
			continue
		}
		if parent := w.Parent(p); parent != sim.Shell && w.Alive(parent) && !w.IsSupervisor(parent) {
			kids[parent] = append(kids[parent], p)
		} else {
			roots = append(roots, p)
		}
	}
	if len(roots) == 0 && len(w.TopSupervisors()) == 0 {
		x.printf("no live processes")
	}
	for _, r := range roots {
		x.procNode(r, kids, "", &budget)
	}
}

// supNode prints a supervisor and its children, nested supervisors within.
func (x *execution) supNode(p sim.Pid, indent string, budget *int) {
	w := x.w()
	v, ok := w.Supervisor(p)
	if !ok || *budget <= 0 {
		return
	}
	*budget--
	f := v.Flags
	line := indent + Now(w).Label(p) + "  " + f.Strategy.String() + ", intensity " + itoa(f.Intensity) + " per " + itoa(f.Period) + "s"
	if v.Busy != "" {
		line += "  [" + v.Busy + "]"
	}
	x.printf(line)
	for _, c := range v.Children {
		if c.Supervisor && c.Pid != 0 {
			x.supNode(c.Pid, indent+"  ", budget)
			continue
		}
		x.printf(indent + "  " + childLine(c))
	}
}

func childLine(c sim.ChildView) string {
	state := c.Pid.String()
	switch {
	case c.Restarting:
		state = "restarting"
	case c.Pid == 0:
		state = "undefined"
	}
	parts := []string{c.ID, state, c.Restart.String()}
	if c.Restarts > 0 {
		parts = append(parts, "restarted "+itoa(c.Restarts)+"×")
	}
	return strings.Join(parts, "  ")
}

func (x *execution) procNode(p sim.Pid, kids map[sim.Pid][]sim.Pid, indent string, budget *int) {
	if *budget <= 0 {
		return
	}
	*budget--
	w := x.w()
	line := indent + Now(w).Label(p)
	if w.TrapExit(p) {
		line += " (trap_exit)"
	}
	if w.Hung(p) {
		line += " (hung)"
	}
	if l := w.Links(p); len(l) > 0 {
		line += "  ↔ " + x.labels(l)
	}
	x.printf(line)
	if *budget == 0 {
		x.printf(indent + "  …")
	}
	for _, k := range kids[p] {
		x.procNode(k, kids, indent+"  ", budget)
	}
}
