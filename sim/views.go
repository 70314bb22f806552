package sim

// ProcInfo is a read-only view of one process, as `info P` shows it.
type ProcInfo struct {
	Pid         Pid
	Name        string
	Alive       bool
	Reason      Term // exit reason once dead
	TrapExit    bool
	Parent      Pid
	Links       []Pid
	Monitors    []MonitorInfo // monitors this process holds, still active
	MonitoredBy []MonitorInfo // active monitors on this process
	Registered  string
	Mailbox     int
}

// MonitorInfo describes one active monitor.
type MonitorInfo struct {
	Ref     Ref
	Watcher Pid
	Target  Pid
	Name    string // registered name it was taken by, if any
}

// Info describes p, which must exist.
func (w *World) Info(p Pid) ProcInfo {
	pr := w.proc(p)
	info := ProcInfo{
		Pid: p, Name: w.Name(p), Alive: pr.alive(), TrapExit: pr.trapping(),
		Parent: pr.parent, Links: w.Links(p), Registered: w.RegisteredName(p),
		Mailbox: len(w.Mailbox(p)),
	}
	if !pr.alive() {
		info.Reason = w.terms[pr.reason]
	}
	if e := w.extOf(pr); e != nil {
		info.Monitors = w.monitorInfos(e.monsOut)
		info.MonitoredBy = w.monitorInfos(e.monsIn)
	}
	return info
}

func (w *World) monitorInfos(idx []int32) []MonitorInfo {
	var out []MonitorInfo
	for _, i := range idx {
		if m := w.mons[i]; m.state == monActive {
			out = append(out, MonitorInfo{Ref: m.ref, Watcher: m.watcher, Target: m.target, Name: m.name})
		}
	}
	return out
}

// ExitSeq is the trace entry of p's exit; ok is false while p is alive.
func (w *World) ExitSeq(p Pid) (Seq, bool) {
	if !w.Exists(p) || w.proc(p).alive() {
		return 0, false
	}
	return w.proc(p).exitSeq, true
}

// Superseded is the trace entry that spawned the next incarnation of p's
// name; ok is false while p is the latest incarnation, or has no name.
func (w *World) Superseded(p Pid) (Seq, bool) {
	if !w.Exists(p) {
		return 0, false
	}
	e := w.extOf(w.proc(p))
	if e == nil || e.newer == 0 {
		return 0, false
	}
	return e.newer, true
}

// Why is the causal chain that ended p: trace entries from the first cause
// (an entry with no cause, started by a command) to p's exit. It is empty
// while p is alive.
func (w *World) Why(p Pid) []Seq {
	s, ok := w.ExitSeq(p)
	if !ok {
		return nil
	}
	var chain []Seq
	for ; s != 0; s = w.trace.stored(s).cause {
		chain = append(chain, s)
	}
	for i, j := 0, len(chain)-1; i < j; i, j = i+1, j-1 {
		chain[i], chain[j] = chain[j], chain[i]
	}
	return chain
}
