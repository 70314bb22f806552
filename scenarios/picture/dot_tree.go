package picture

import (
	"fmt"
	"slices"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// declaredSup draws supervisor s as declared, under the node parent ("" for
// a top-level one); view is what its supervisor says of it, nil for a
// top-level one or when that supervisor is not running.
func (g *graph) declaredSup(s *scenarios.SupSpec, parent string, p sim.Pid, view *sim.ChildView) {
	lines := []string{s.Name, or(s.Strategy, "one_for_one"), fmt.Sprintf("intensity %d per %ds", s.Intensity, s.Period)}
	if parent != "" {
		lines = append(lines, childOpts(s.Child)...)
	}
	if s.AutoShutdown != "" && s.AutoShutdown != "never" {
		lines = append(lines, "auto_shutdown "+s.AutoShutdown)
	}
	if s.Backoff != nil {
		lines = append(lines, fmt.Sprintf("backoff %v..%v", s.Backoff.Min, s.Backoff.Max))
	}
	id := g.node(p, true, append(lines, g.childState(p, view)))
	g.edge(parent, id)
	g.children(s, id, p)
}

// children draws the children of supervisor s, drawn as node id and run
// by p: those it declares, then those its supervisor has at the end that
// it does not declare. A simple_one_for_one supervisor declares only a
// template.
func (g *graph) children(s *scenarios.SupSpec, id string, p sim.Pid) {
	v, alive := g.w.Supervisor(p)
	declared := map[string]bool{}
	for i := range s.Children {
		c := &s.Children[i]
		if s.Strategy == "simple_one_for_one" {
			g.template(c, id)
			continue
		}
		for _, cid := range childIDs(c) {
			declared[cid] = true
			cv := findChild(v.Children, cid, alive)
			cp := g.lastIncarnation(cid, p, cv)
			if c.Sup != nil {
				g.declaredSup(c.Sup, id, cp, cv)
			} else {
				g.declaredWorker(c.Worker, cid, id, cp, cv)
			}
		}
	}
	for _, cv := range v.Children {
		if !declared[cv.ID] {
			g.liveChild(cv, id)
		}
	}
}

// declaredWorker draws worker id of spec w under the node parent.
func (g *graph) declaredWorker(w *scenarios.WorkerSpec, id, parent string, p sim.Pid, view *sim.ChildView) {
	lines := append([]string{id}, childOpts(w.Opts)...)
	lines = append(lines, workerTraits(w.Register, w.TrapExit)...)
	if h := w.Health; h != nil {
		lines = append(lines, fmt.Sprintf("health %v/%v/%d", h.Interval, h.Timeout, h.Threshold))
	}
	if w.Backoff != nil {
		lines = append(lines, fmt.Sprintf("backoff %v..%v", w.Backoff.Min, w.Backoff.Max))
	}
	g.edge(parent, g.node(p, false, append(lines, g.childState(p, view))))
}

// template draws the child spec of a simple_one_for_one supervisor: no
// process runs it, its instances are drawn beside it.
func (g *graph) template(c *scenarios.ChildSpec, parent string) {
	name, opts := "", scenarios.ChildOpts{}
	if c.Sup != nil {
		name, opts = c.Sup.Name, c.Sup.Child
	} else {
		name, opts = c.Worker.Name, c.Worker.Opts
	}
	id := g.node(0, c.Sup != nil, append([]string{name + " (template)"}, childOpts(opts)...))
	if id != "" && parent != "" {
		g.printf("    %s -> %s [arrowhead=none, style=dotted];\n", parent, id)
	}
}

// liveChild draws a child its supervisor has at the end that the tree does
// not declare: one added by start_child, or an instance of a template.
func (g *graph) liveChild(cv sim.ChildView, parent string) {
	if !cv.Supervisor || cv.Pid == 0 {
		lines := []string{cv.ID, cv.Restart.String()}
		if cv.Pid != 0 {
			lines = append(lines, workerTraits(g.w.RegisteredName(cv.Pid), g.w.TrapExit(cv.Pid))...)
		}
		g.edge(parent, g.node(cv.Pid, cv.Supervisor, append(lines, g.childState(cv.Pid, &cv))))
		return
	}
	v, _ := g.w.Supervisor(cv.Pid)
	f := v.Flags
	id := g.node(cv.Pid, true, []string{cv.ID, f.Strategy.String(), fmt.Sprintf("intensity %d per %ds", f.Intensity, f.Period),
		cv.Restart.String(), g.childState(cv.Pid, &cv)})
	g.edge(parent, id)
	for _, c := range v.Children {
		g.liveChild(c, id)
	}
}

// lastIncarnation is the process of child id of the supervisor sup: the
// one its supervisor runs, or else the last process of that name sup
// started (dead, or left running by a supervisor that died), or 0.
func (g *graph) lastIncarnation(id string, sup sim.Pid, view *sim.ChildView) sim.Pid {
	if view != nil && view.Pid != 0 {
		return view.Pid
	}
	if p, ok := g.w.Lookup(id); ok && sup != 0 && g.w.Parent(p) == sup {
		return p
	}
	return 0
}

// childState is a process's last line: its pid and restarts, or how it
// ended, or why none runs.
func (g *graph) childState(p sim.Pid, view *sim.ChildView) string {
	s := g.state(p)
	if view != nil && view.Restarting {
		s = "restarting"
	}
	if view != nil && view.Restarts > 0 {
		s += fmt.Sprintf(", restarted %d×", view.Restarts)
	}
	return s
}

func findChild(children []sim.ChildView, id string, alive bool) *sim.ChildView {
	if !alive {
		return nil
	}
	i := slices.IndexFunc(children, func(c sim.ChildView) bool { return c.ID == id })
	if i < 0 {
		return nil
	}
	return &children[i]
}

// childIDs are the ids a child spec gives its children: one, or count=N.
func childIDs(c *scenarios.ChildSpec) []string {
	if c.Sup != nil {
		return []string{c.Sup.Name}
	}
	return c.Worker.IDs()
}

// childOpts are the lines a child's options add: its restart type
// (permanent unless given), shutdown when given, significant.
func childOpts(o scenarios.ChildOpts) []string {
	lines := []string{or(o.Restart, "permanent")}
	switch sh := o.Shutdown; {
	case !sh.Set:
	case sh.BrutalKill:
		lines = append(lines, "shutdown brutal_kill")
	case sh.Infinity:
		lines = append(lines, "shutdown infinity")
	default:
		lines = append(lines, "shutdown "+sh.Timeout.String())
	}
	if o.Significant {
		lines = append(lines, "significant")
	}
	return lines
}

// workerTraits are the lines a registered name and trap_exit add.
func workerTraits(registered string, trapExit bool) []string {
	var lines []string
	if registered != "" {
		lines = append(lines, "@"+registered)
	}
	if trapExit {
		lines = append(lines, "trap_exit")
	}
	return lines
}

func or(s, dflt string) string {
	if s == "" {
		return dflt
	}
	return s
}
