package sim

import "maps"

// MaxProcesses bounds how many processes one world may ever spawn (its pid
// space: the trace packs a pid in 24 bits); a spawn beyond it raises
// system_limit, as the BEAM does past its process limit. A world may bound
// its live processes lower (Options.MaxProcesses), as +P does.
const MaxProcesses = 10_000_000

// spawnLimitError is what starting a child returns past the process limit:
// spawn_opt raises system_limit inside proc_lib:start_link, and
// supervisor:do_start_child_i catches it as {'EXIT', …} (checked on OTP 25
// run with +P 1024).
var spawnLimitError = Tuple{Atom("EXIT"), ErrorReason(Atom("system_limit"))}

const (
	flagAlive uint8 = 1 << iota
	flagTrapExit
	flagHung
)

// proc is one process incarnation. It holds no pointers, so the garbage
// collector never scans the process table, and a process with at most two
// links, no name and no mailbox allocates nothing beyond these 32 bytes.
type proc struct {
	link    [2]Pid // up to two links inline, sorted, unused slots zero; unused when more is set
	more    int32  // 1 + index in World.linkSets of the links when there are more than two
	ext     int32  // 1 + index in World.exts of what most processes never need
	reason  TermID // exit reason, once dead
	exitSeq Seq    // the trace entry of its exit
	parent  Pid    // who spawned it (Shell for the shell)
	flags   uint8
}

// procExt holds what most processes never need. A process's name, which
// nearly every process has, lives in World.nameOf instead, a table clones
// share, so that a clone copies no record per named process.
type procExt struct {
	newer    Seq         // the spawn entry of the next incarnation of name; 0 while this is the latest
	regName  string      // registered name while alive
	mailbox  []Message   // oldest first
	monsIn   []int32     // monitors whose target is this process, in creation order
	monsOut  []int32     // monitors this process holds
	timersIn []int32     // timers whose destination is this pid
	child    *childDef   // the spec a supervisor started it from
	childKey int32       // its key among that supervisor's children
	sup      *supervisor // its supervisor state, when it is one
	wk       *worker     // its gen_server state, when it is a supervised worker
	calling  int32       // 1 + index in World.gcalls of the call it waits in; 0 when none
}

func (p *proc) alive() bool    { return p.flags&flagAlive != 0 }
func (p *proc) trapping() bool { return p.flags&flagTrapExit != 0 }

// extOf returns p's extension, or nil.
func (w *World) extOf(p *proc) *procExt {
	if p.ext == 0 {
		return nil
	}
	return w.exts[p.ext-1]
}

// extra returns p's extension, creating it.
func (w *World) extra(p *proc) *procExt {
	if p.ext == 0 {
		w.exts = append(w.exts, &procExt{})
		p.ext = int32(len(w.exts))
	}
	return w.exts[p.ext-1]
}

// proc returns the process table entry of p, which must exist.
func (w *World) proc(p Pid) *proc { return w.procs.at(int(p - FirstPid)) }

// Exists reports whether p was ever spawned in this world.
func (w *World) Exists(p Pid) bool { return p >= FirstPid && int(p-FirstPid) < w.procs.len() }

// Alive reports whether p exists and has not exited.
func (w *World) Alive(p Pid) bool { return w.Exists(p) && w.proc(p).alive() }

// Lookup returns the latest incarnation of the process called name.
func (w *World) Lookup(name string) (Pid, bool) {
	p, ok := w.names[name]
	return p, ok
}

// Name is p's process name, or "" for an anonymous process or the shell.
func (w *World) Name(p Pid) string {
	if !w.Exists(p) {
		return ""
	}
	if i := int(p - FirstPid); i < w.nameOf.len() && w.nameOf.at(i) != 0 {
		return w.nameTab.at(int(w.nameOf.at(i)) - 1)
	}
	return ""
}

// setName names the newly spawned pid, the latest incarnation of name.
// It is the only writer of names, which it copies first when a clone
// shares it.
func (w *World) setName(pid Pid, name string) {
	if w.namesCoW {
		w.names, w.namesCoW = maps.Clone(w.names), false
	}
	w.names[name] = pid
	for w.nameOf.len() < int(pid-FirstPid) {
		w.nameOf.add(0)
	}
	w.nameTab.add(name)
	w.nameOf.add(int32(w.nameTab.len()))
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
func (w *World) NumProcesses() int { return w.procs.len() }

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
	return append([]Pid(nil), w.linksOf(w.proc(p))...)
}

// Parent is the process that spawned p (Shell for the shell).
func (w *World) Parent(p Pid) Pid { return w.proc(p).parent }
