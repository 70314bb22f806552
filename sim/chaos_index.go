package sim

// victims indexes the processes chaos may crash — live, not supervisors —
// by pid, so that a tick finds the k-th of them in pid order in O(log n)
// instead of scanning every pid ever spawned. It is a Fenwick tree over
// the process table: tree[i] (1-based) counts the candidates among the
// processes i-lowbit(i)+1 … i. It exists only while chaos is on, so worlds
// without chaos pay nothing for it.
type victims struct {
	tree []int32
}

func lowbit(i int) int { return i & -i }

// build indexes every process of w in O(n).
func (v *victims) build(w *World) {
	n := w.procs.len()
	v.tree = make([]int32, n+1, n+n/4+1)
	for i := 1; i <= n; i++ {
		if w.candidate(FirstPid + Pid(i-1)) {
			v.tree[i]++
		}
		if j := i + lowbit(i); j <= n {
			v.tree[j] += v.tree[i]
		}
	}
}

// on reports whether the index is kept.
func (v *victims) on() bool { return v.tree != nil }

// push indexes a newly spawned process, the last of the table, as a
// candidate: its node covers the processes before it too.
func (v *victims) push() {
	i := len(v.tree)
	v.tree = append(v.tree, int32(1+v.prefix(i-1)-v.prefix(i-lowbit(i))))
}

// drop stops counting process index i (0-based) as a candidate.
func (v *victims) drop(i int) {
	for j := i + 1; j < len(v.tree); j += lowbit(j) {
		v.tree[j]--
	}
}

// prefix counts the candidates among the first i processes.
func (v *victims) prefix(i int) int {
	n := 0
	for ; i > 0; i -= lowbit(i) {
		n += int(v.tree[i])
	}
	return n
}

func (v *victims) count() int { return v.prefix(len(v.tree) - 1) }

// nth returns the 0-based index of the candidate of rank k (0-based), in
// pid order; k must be below count().
func (v *victims) nth(k int) int {
	n := len(v.tree) - 1
	step := 1
	for step*2 <= n {
		step *= 2
	}
	pos := 0
	for ; step > 0; step /= 2 {
		if next := pos + step; next <= n && int(v.tree[next]) <= k {
			pos = next
			k -= int(v.tree[next])
		}
	}
	return pos
}

// candidate reports whether chaos may crash p.
func (w *World) candidate(p Pid) bool { return w.proc(p).alive() && !w.IsSupervisor(p) }

// noteSpawn keeps the chaos index up to date with a new process.
func (w *World) noteSpawn() {
	if w.victims.on() {
		w.victims.push()
	}
}

// unindex takes p out of the chaos index if it is a candidate. It is called
// just before p stops being one: as it dies, or as it becomes a supervisor.
func (w *World) unindex(p Pid) {
	if w.victims.on() && w.candidate(p) {
		w.victims.drop(int(p - FirstPid))
	}
}
