package picture

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// maxNodes bounds the processes one graph draws; past it a single node
// says how many more there were.
const maxNodes = 300

// DOT runs the scenario in file with seed and returns a Graphviz graph of
// it: each supervision tree as declared (the first `sup NAME` of each
// name, one cluster per tree) with its strategy, intensity and period,
// each child's restart type, registered name and trap_exit (and the
// extensions' backoff and health), and the children added at run time
// that are still there; then the processes outside any tree; and between
// the processes alive at the end, the links (red lines, beyond the
// supervisor–child links the tree's edges stand for) and the monitors
// (blue dashed arrows from watcher to target). Each process shows its
// state at the end: its pid and restarts, or how it ended.
func DOT(file string, src []byte, seed uint64) (string, error) {
	return dotWithin(file, src, seed, sim.Options{})
}

// dotWithin is DOT on a world bounded by limits.
func dotWithin(file string, src []byte, seed uint64, limits sim.Options) (string, error) {
	r, err := runScenario(file, src, seed, limits, nil)
	if err != nil {
		return "", err
	}
	g := &graph{w: r.world(), byPid: map[sim.Pid]string{}, tree: map[[2]string]bool{}}
	g.printf("digraph crashcourse {\n")
	g.printf("  graph [label=%s, labelloc=t, fontname=Helvetica];\n", dotLabel([]string{
		r.title(), "supervision trees as declared, processes as the run left them",
		"red lines: links; blue dashed arrows: monitors; gray dashed: not running"}))
	g.printf("  node [fontname=Helvetica, fontsize=11];\n  edge [fontname=Helvetica, fontsize=9];\n")
	for i, s := range topSupervisors(r.cmds) {
		g.printf("  subgraph cluster_%d {\n    graph [label=%s, style=rounded, color=gray60];\n", i+1, dotQuote(text(s.Name)))
		top, _ := g.w.Lookup(s.Name)
		g.declaredSup(s, "", top, nil)
		g.printf("  }\n")
	}
	g.loose()
	g.links()
	g.monitors()
	g.printf("}\n")
	return g.b.String(), nil
}

// topSupervisors are the trees the scenario declares: the first `sup
// NAME { … }` of each name, in order.
func topSupervisors(cmds []*scenarios.Command) []*scenarios.SupSpec {
	var tops []*scenarios.SupSpec
	seen := map[string]bool{}
	for _, c := range cmds {
		if c.Sup != nil && !seen[c.Sup.Name] {
			seen[c.Sup.Name] = true
			tops = append(tops, c.Sup)
		}
	}
	return tops
}

// graph builds the DOT text. Node ids are generated (n1, n2, …): no text
// of the scenario is ever an id.
type graph struct {
	w     *sim.World
	b     strings.Builder
	nodes int
	cut   int                // processes not drawn, past maxNodes
	byPid map[sim.Pid]string // a drawn live process → its node
	tree  map[[2]string]bool // supervisor–child edges drawn, both ways
}

func (g *graph) printf(format string, args ...any) {
	fmt.Fprintf(&g.b, format, args...)
}

// node draws one process (p is 0 when none runs) and returns its id, ""
// past maxNodes. lines are its label, one per line.
func (g *graph) node(p sim.Pid, sup bool, lines []string) string {
	if g.nodes >= maxNodes {
		g.cut++
		return ""
	}
	g.nodes++
	id := "n" + strconv.Itoa(g.nodes)
	shape, style := "ellipse", []string{}
	if sup {
		shape, style = "box", append(style, "rounded")
	}
	colors := ""
	if g.w.Alive(p) {
		g.byPid[p] = id
	} else {
		style, colors = append(style, "dashed"), ", color=gray50, fontcolor=gray40"
	}
	attrs := "shape=" + shape + colors
	if len(style) > 0 {
		attrs += ", style=" + dotQuote(strings.Join(style, ","))
	}
	g.printf("    %s [%s, label=%s];\n", id, attrs, dotLabel(lines))
	return id
}

// edge draws the supervisor–child edge from parent to child.
func (g *graph) edge(parent, child string) {
	if parent == "" || child == "" {
		return
	}
	g.tree[[2]string{parent, child}], g.tree[[2]string{child, parent}] = true, true
	g.printf("    %s -> %s [arrowhead=none];\n", parent, child)
}

// state is how a process ended up: its pid, or its exit reason.
func (g *graph) state(p sim.Pid) string {
	if g.w.Alive(p) {
		return p.String()
	}
	if reason, ok := g.w.ExitReason(p); ok {
		return "dead: " + scenarios.Now(g.w).Term(reason)
	}
	return "not running"
}
