package tui

import "github.com/crashcourse/crashcourse/sim"

// row is one line of the tree pane: a supervisor, a process, or a child
// a supervisor lists without a running process.
type row struct {
	key    string  // what selection and collapse remember: the name, or sup/id
	pid    sim.Pid // 0 for a child that is not running
	sup    sim.Pid // the supervisor listing this child, 0 for a standalone process
	id     string  // the child's id, or the process's label
	prefix string  // tree guides drawn before the row
	child  sim.ChildView
	isSup  bool
	folded bool // a collapsed row with children hidden
	hasSub bool // it has children to show or hide
}

// treeRows flattens the world into the rows the tree pane shows: every
// live supervision tree (children in start order, nested supervisors
// within), then every standalone process, latest incarnations only, each
// under the live process that spawned it. folded names the rows whose
// children are hidden. It costs O(processes); the pane renders only the
// rows it shows.
func treeRows(w *sim.World, folded map[string]bool) []row {
	b := rowBuilder{w: w, folded: folded}
	for _, top := range w.TopSupervisors() {
		b.sup(top, 0, "", "", true, sim.ChildView{})
	}
	b.standalone()
	return b.rows
}

type rowBuilder struct {
	w      *sim.World
	folded map[string]bool
	rows   []row
}

// guides returns the prefix of a row and the prefix its children extend.
func guides(indent string, depth int, last bool) (self, sub string) {
	if depth == 0 {
		return "", ""
	}
	if last {
		return indent + "└─", indent + "  "
	}
	return indent + "├─", indent + "│ "
}

// sup adds supervisor p and its children; as is what p's own supervisor
// lists about it (zero for a top-level supervisor).
func (b *rowBuilder) sup(p sim.Pid, depth int, indent, key string, last bool, as sim.ChildView) {
	v, _ := b.w.Supervisor(p)
	if key == "" {
		key = b.w.Label(p)
	}
	self, sub := guides(indent, depth, last)
	r := row{key: key, pid: p, id: b.w.Label(p), prefix: self, child: as, isSup: true, hasSub: len(v.Children) > 0}
	r.folded = b.folded[key] && r.hasSub
	b.rows = append(b.rows, r)
	if r.folded {
		return
	}
	for i, c := range v.Children {
		isLast := i == len(v.Children)-1
		ck := key + "/" + c.ID
		if c.Supervisor && c.Pid != 0 && b.w.IsSupervisor(c.Pid) && b.w.Alive(c.Pid) {
			b.sup(c.Pid, depth+1, sub, ck, isLast, c)
			continue
		}
		cs, _ := guides(sub, depth+1, isLast)
		b.rows = append(b.rows, row{key: ck, pid: c.Pid, sup: p, id: c.ID, prefix: cs, child: c})
	}
}

// standalone adds the processes no live supervisor lists: latest
// incarnations, alive or dead, nested under a live standalone spawner.
func (b *rowBuilder) standalone() {
	w := b.w
	kids := map[sim.Pid][]sim.Pid{}
	var roots []sim.Pid
	for i := 0; i < w.NumProcesses(); i++ {
		p := sim.FirstPid + sim.Pid(i)
		if !b.shownAlone(p) {
			continue
		}
		if parent := w.Parent(p); parent != sim.Shell && b.shownAlone(parent) && w.Alive(parent) {
			kids[parent] = append(kids[parent], p)
		} else {
			roots = append(roots, p)
		}
	}
	for i, p := range roots {
		b.proc(p, kids, 0, "", i == len(roots)-1)
	}
}

// shownAlone tells whether p gets a standalone row: it is the latest
// incarnation of its name and no live supervisor shows it.
func (b *rowBuilder) shownAlone(p sim.Pid) bool {
	w := b.w
	if name := w.Name(p); name != "" {
		if latest, ok := w.Lookup(name); ok && latest != p {
			return false
		}
	}
	if w.Alive(p) && (w.IsSupervisor(p) || w.Supervised(p)) {
		return false
	}
	if w.Supervised(p) && w.Alive(w.Parent(p)) {
		return false // listed (or removed) by its live supervisor
	}
	return !w.IsSupervisor(p) || !w.Alive(p)
}

func (b *rowBuilder) proc(p sim.Pid, kids map[sim.Pid][]sim.Pid, depth int, indent string, last bool) {
	key := b.w.Label(p)
	self, sub := guides(indent, depth, last)
	r := row{key: key, pid: p, id: key, prefix: self, hasSub: len(kids[p]) > 0}
	r.folded = b.folded[key] && r.hasSub
	b.rows = append(b.rows, r)
	if r.folded {
		return
	}
	for i, k := range kids[p] {
		b.proc(k, kids, depth+1, sub, i == len(kids[p])-1)
	}
}
