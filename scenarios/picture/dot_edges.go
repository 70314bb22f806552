package picture

import (
	"fmt"

	"github.com/crashcourse/crashcourse/sim"
)

// loose draws the processes outside the declared trees: those no
// supervisor started (the latest incarnation of each name), and any live
// process the trees did not draw.
func (g *graph) loose() {
	w := g.w
	opened := false
	for i := 0; i < w.NumProcesses(); i++ {
		p := sim.FirstPid + sim.Pid(i)
		if _, ok := g.byPid[p]; ok || !g.standalone(p) {
			continue
		}
		if !opened {
			g.printf("  subgraph cluster_loose {\n    graph [label=\"outside the trees\", style=dotted, color=gray60];\n")
			opened = true
		}
		lines := append([]string{w.Label(p)}, workerTraits(w.RegisteredName(p), w.TrapExit(p))...)
		if w.Hung(p) {
			lines = append(lines, "hung")
		}
		g.node(p, w.IsSupervisor(p), append(lines, g.state(p)))
	}
	if g.cut > 0 {
		g.printf("    more [shape=note, label=%s];\n", dotQuote(fmt.Sprintf("… %d more processes not drawn", g.cut)))
	}
	if opened {
		g.printf("  }\n")
	}
}

// standalone reports whether p is drawn outside the trees: a live process
// the trees did not draw, or the latest incarnation of a process no
// supervisor started.
func (g *graph) standalone(p sim.Pid) bool {
	w := g.w
	if w.Alive(p) {
		return true
	}
	if w.Supervised(p) || w.IsSupervisor(p) {
		return false
	}
	latest, ok := w.Lookup(w.Name(p))
	return !ok || latest == p
}

// links draws every link between two drawn processes that is not a
// supervisor–child edge of a tree, once.
func (g *graph) links() {
	g.eachDrawn(func(p sim.Pid, from string) {
		for _, q := range g.w.Links(p) {
			to, ok := g.byPid[q]
			if ok && q > p && !g.tree[[2]string{from, to}] {
				g.printf("  %s -> %s [dir=none, color=firebrick, penwidth=2];\n", from, to)
			}
		}
	})
}

// monitors draws every active monitor between drawn processes, from the
// watcher to its target.
func (g *graph) monitors() {
	g.eachDrawn(func(p sim.Pid, from string) {
		for _, m := range g.w.Info(p).Monitors {
			if to, ok := g.byPid[m.Target]; ok {
				g.printf("  %s -> %s [style=dashed, color=steelblue];\n", from, to)
			}
		}
	})
}

// eachDrawn calls f with every live process drawn and its node, in pid
// order.
func (g *graph) eachDrawn(f func(p sim.Pid, node string)) {
	for i := 0; i < g.w.NumProcesses(); i++ {
		p := sim.FirstPid + sim.Pid(i)
		if node, ok := g.byPid[p]; ok {
			f(p, node)
		}
	}
}
