package sim

// MaxProcesses bounds how many processes one world may ever spawn; a spawn
// beyond it raises system_limit, as the BEAM does past its process limit.
const MaxProcesses = 10_000_000

const (
	flagAlive uint8 = 1 << iota
	flagTrapExit
)

// proc is one process incarnation. It is kept small: a million linked
// processes with no names or mailboxes cost little more than this struct and
// their link slices. Everything rarer lives behind ext.
type proc struct {
	links   links
	ext     *procExt
	reason  TermID // exit reason, once dead
	exitSeq Seq    // the trace entry of its exit
	parent  Pid    // who spawned it (Shell for the shell)
	flags   uint8
}

// procExt holds what most processes never need.
type procExt struct {
	name     string    // process name; "" for anonymous
	regName  string    // registered name while alive
	mailbox  []Message // oldest first
	monsIn   []int32   // monitors whose target is this process, in creation order
	monsOut  []int32   // monitors this process holds
	timersIn []int32   // timers whose destination is this pid
}

func (p *proc) alive() bool    { return p.flags&flagAlive != 0 }
func (p *proc) trapping() bool { return p.flags&flagTrapExit != 0 }

func (p *proc) extra() *procExt {
	if p.ext == nil {
		p.ext = &procExt{}
	}
	return p.ext
}

func (p proc) clone() proc {
	p.links = append(links(nil), p.links...)
	if p.ext != nil {
		e := *p.ext
		e.mailbox = append([]Message(nil), e.mailbox...)
		e.monsIn = append([]int32(nil), e.monsIn...)
		e.monsOut = append([]int32(nil), e.monsOut...)
		e.timersIn = append([]int32(nil), e.timersIn...)
		p.ext = &e
	}
	return p
}

// links is a set of pids kept sorted, so a dying process signals its links
// in pid order. Linking to a newer process appends, the common case.
type links []Pid

func (l links) find(p Pid) (int, bool) {
	lo, hi := 0, len(l)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if l[m] < p {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(l) && l[lo] == p
}

func (l links) has(p Pid) bool { _, ok := l.find(p); return ok }

func (l *links) add(p Pid) {
	i, ok := l.find(p)
	if ok {
		return
	}
	*l = append(*l, 0)
	copy((*l)[i+1:], (*l)[i:])
	(*l)[i] = p
}

func (l *links) remove(p Pid) bool {
	i, ok := l.find(p)
	if ok {
		*l = append((*l)[:i], (*l)[i+1:]...)
	}
	return ok
}

// proc returns the process table entry of p, which must exist.
func (w *World) proc(p Pid) *proc { return &w.procs[p-FirstPid] }

// Exists reports whether p was ever spawned in this world.
func (w *World) Exists(p Pid) bool { return p >= FirstPid && int(p-FirstPid) < len(w.procs) }

// Alive reports whether p exists and has not exited.
func (w *World) Alive(p Pid) bool { return w.Exists(p) && w.proc(p).alive() }

// Lookup returns the latest incarnation of the process called name.
func (w *World) Lookup(name string) (Pid, bool) {
	p, ok := w.names[name]
	return p, ok
}

// Name is p's process name, or "" for an anonymous process or the shell.
func (w *World) Name(p Pid) string {
	if !w.Exists(p) || w.proc(p).ext == nil {
		return ""
	}
	return w.proc(p).ext.name
}

// Label is p's name if it has one, else its pid.
func (w *World) Label(p Pid) string {
	if n := w.Name(p); n != "" {
		return n
	}
	return p.String()
}

// NumProcesses is how many processes were ever spawned; their pids are
// FirstPid .. FirstPid+NumProcesses-1.
func (w *World) NumProcesses() int { return len(w.procs) }

// NumAlive is how many processes are alive.
func (w *World) NumAlive() int { return w.live }

// ExitReason is the reason p exited with; ok is false while p is alive.
func (w *World) ExitReason(p Pid) (Term, bool) {
	if !w.Exists(p) || w.proc(p).alive() {
		return nil, false
	}
	return w.terms[w.proc(p).reason], true
}

// TrapExit reports p's trap_exit flag.
func (w *World) TrapExit(p Pid) bool { return w.Exists(p) && w.proc(p).trapping() }

// Links returns p's links in pid order (empty once p is dead).
func (w *World) Links(p Pid) []Pid {
	if !w.Exists(p) {
		return nil
	}
	return append([]Pid(nil), w.proc(p).links...)
}

// Parent is the process that spawned p (Shell for the shell).
func (w *World) Parent(p Pid) Pid { return w.proc(p).parent }
