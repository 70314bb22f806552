package tui

import (
	"strconv"

	"github.com/crashcourse/crashcourse/sim"
)

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
	// first[i] is 1 + the index of process i's first nested child, 0 for
	// none; next[i] likewise for its next sibling.
	first, next []int32
}

// guides returns the prefix of a row and the prefix its children extend.
// Past maxGuideDepth a row no longer moves right: its guide gives its
// depth instead, so a chain of a million linked processes stays readable
// and costs no more to draw than a short one.
func guides(indent string, depth int, last bool) (self, sub string) {
	switch {
	case depth == 0:
		return "", ""
	case depth > maxGuideDepth:
		return indent + "↳" + strconv.Itoa(depth) + " ", indent
	case last:
		return indent + "└─", indent + "  "
	}
	return indent + "├─", indent + "│ "
}

// maxGuideDepth is the deepest level the tree indents.
const maxGuideDepth = 12

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
// Children are kept as first-child and next-sibling indexes, which cost
// two numbers a process rather than a map.
func (b *rowBuilder) standalone() {
	w := b.w
	n := w.NumProcesses()
	b.first, b.next = make([]int32, n), make([]int32, n)
	var roots []int32
	for i := n - 1; i >= 0; i-- {
		p := sim.FirstPid + sim.Pid(i)
		if !b.shownAlone(p) {
			continue
		}
		if parent := w.Parent(p); parent != sim.Shell && b.shownAlone(parent) && w.Alive(parent) {
			k := int32(parent - sim.FirstPid)
			b.next[i], b.first[k] = b.first[k], int32(i)+1
		} else {
			roots = append(roots, int32(i))
		}
	}
	for k := len(roots) - 1; k >= 0; k-- {
		b.proc(roots[k], 0, "", k == 0)
	}
}

// shownAlone tells whether p gets a standalone row: it is the latest
// incarnation of its name and no live supervisor shows it.
func (b *rowBuilder) shownAlone(p sim.Pid) bool {
	w := b.w
	if _, superseded := w.Superseded(p); superseded {
		return false
	}
	if w.Alive(p) && (w.IsSupervisor(p) || w.Supervised(p)) {
		return false
	}
	if w.Supervised(p) && w.Alive(w.Parent(p)) {
		return false // listed (or removed) by its live supervisor
	}
	return !w.IsSupervisor(p) || !w.Alive(p)
}

func (b *rowBuilder) proc(root int32, depth int, indent string, last bool) {
	// An explicit stack: a spawn_link chain nests as deep as it is long.
	type item struct {
		i      int32
		depth  int
		indent string
		last   bool
	}
	stack := []item{{root, depth, indent, last}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		p := sim.FirstPid + sim.Pid(it.i)
		key := b.w.Label(p)
		self, sub := guides(it.indent, it.depth, it.last)
		r := row{key: key, pid: p, id: key, prefix: self, hasSub: b.first[it.i] != 0}
		r.folded = b.folded[key] && r.hasSub
		b.rows = append(b.rows, r)
		if r.folded {
			continue
		}
		var kids []int32
		for k := b.first[it.i]; k != 0; k = b.next[k-1] {
			kids = append(kids, k-1)
		}
		for k := len(kids) - 1; k >= 0; k-- {
			stack = append(stack, item{kids[k], it.depth + 1, sub, k == len(kids)-1})
		}
	}
}
