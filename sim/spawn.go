package sim

import "strconv"

// SpawnOpts are the options of Spawn.
type SpawnOpts struct {
	Name     string // process name; must not name a live process. "" for anonymous
	Link     bool   // spawn_link: linked to the actor atomically
	Monitor  bool   // spawn_monitor: monitored by the actor atomically
	TrapExit bool   // start with trap_exit set (the spawn's entry has FlagOn)

	behaviour bool // a supervisor: it traps exits as its behaviour does, not as an option the spawn shows
}

// Spawn makes actor spawn a new idle process. With Link or Monitor the actor
// must be a process. The returned Ref is the monitor's when Monitor is set.
func (w *World) Spawn(actor Pid, o SpawnOpts) (Pid, Ref, error) {
	if err := w.checkSpawn(actor, o); err != nil {
		return 0, 0, err
	}
	if w.full() {
		return 0, 0, w.raise(actor, tSystemLimitError, "spawn "+o.Name, w.fullWhy())
	}
	pid, ref := w.spawn(actor, o)
	return pid, ref, nil
}

// full reports whether a spawn would pass the process limit: the world
// holds its maximum of live processes (Options.MaxProcesses), as OTP's +P
// counts the processes that exist, not those that ever did; or it has
// used its pid space (MaxProcesses spawns in all, live or dead).
func (w *World) full() bool {
	return w.live >= w.maxProcs || w.procs.len() >= MaxProcesses
}

// fullWhy says which limit full met.
func (w *World) fullWhy() string {
	if w.live >= w.maxProcs {
		return "the world already has its maximum of " + strconv.Itoa(w.maxProcs) + " live processes"
	}
	return "the world has spawned its maximum of " + strconv.Itoa(MaxProcesses) + " processes"
}

// spawn creates the process for Spawn, and for supervisors starting their
// children, without checking who asks.
func (w *World) spawn(parent Pid, o SpawnOpts) (Pid, Ref) {
	pid := FirstPid + Pid(w.procs.len())
	p := proc{parent: parent, flags: flagAlive}
	if o.TrapExit || o.behaviour {
		p.flags |= flagTrapExit
	}
	w.procs.add(p)
	w.noteSpawn()
	prev, renamed := w.names[o.Name]
	if o.Name != "" {
		w.setName(pid, o.Name)
	}
	w.live++
	e := Entry{Kind: KindSpawn, Pid: pid, Other: parent, Cause: w.cause}
	if o.TrapExit {
		e.Flags |= FlagOn
	}
	if o.Link {
		e.Flags |= FlagLinked
		w.addLink(w.proc(parent), pid)
		w.proc(pid).link[0] = parent
	}
	var ref Ref
	if o.Monitor {
		e.Flags |= FlagMonitored
		ref = w.newMonitor(parent, pid, "")
		e.Ref = ref
	}
	s := w.record(e)
	if renamed {
		w.extra(w.proc(prev)).newer = s
	}
	return pid, ref
}

func (w *World) checkSpawn(actor Pid, o SpawnOpts) error {
	if o.Link || o.Monitor {
		if err := w.checkProcActor(actor, "spawn_link or spawn_monitor"); err != nil {
			return err
		}
	} else if err := w.checkActor(actor); err != nil {
		return err
	}
	if cur, ok := w.names[o.Name]; ok && w.proc(cur).alive() {
		return refuse("the name " + o.Name + " is taken by the live process " + cur.String())
	}
	return nil
}

// Link makes actor call link(target). Links are a set: linking twice is one
// link, and link(self()) does nothing (fact A8). Linking to a dead process
// raises noproc in a non-trapping caller; a trapping caller gets
// {'EXIT', Target, noproc} instead (fact A8).
func (w *World) Link(actor, target Pid) error {
	if err := w.checkProcActor(actor, "link"); err != nil {
		return err
	}
	if err := w.checkTarget(target); err != nil || target == actor {
		return err
	}
	if !w.proc(target).alive() {
		if !w.proc(actor).trapping() {
			return w.raise(actor, tNoprocError, "link to "+w.Label(target), w.Label(target)+" is dead")
		}
		s := w.record(Entry{Kind: KindLink, Pid: actor, Other: target, Cause: w.cause})
		w.q.pushNow(event{kind: evSignal, to: actor, from: target, term: tNoproc, cause: s})
		return nil
	}
	w.addLink(w.proc(actor), target)
	w.addLink(w.proc(target), actor)
	w.record(Entry{Kind: KindLink, Pid: actor, Other: target, Cause: w.cause})
	return nil
}

// Unlink makes actor call unlink(target): both sides forget the link at
// once, so a link exit signal already on its way is ignored on arrival; an
// {'EXIT',...} message already in the mailbox stays (fact A9). Unlinking a
// dead process is not an error.
func (w *World) Unlink(actor, target Pid) error {
	if err := w.checkProcActor(actor, "unlink"); err != nil {
		return err
	}
	if err := w.checkTarget(target); err != nil || target == actor {
		return err
	}
	w.removeLink(w.proc(actor), target)
	w.removeLink(w.proc(target), actor)
	w.record(Entry{Kind: KindUnlink, Pid: actor, Other: target, Cause: w.cause})
	return nil
}

// SetTrapExit sets actor's trap_exit flag (process_flag(trap_exit, on)).
func (w *World) SetTrapExit(actor Pid, on bool) error {
	if err := w.checkProcActor(actor, "trap_exit"); err != nil {
		return err
	}
	p := w.proc(actor)
	e := Entry{Kind: KindTrapExit, Pid: actor, Cause: w.cause}
	if on {
		p.flags |= flagTrapExit
		e.Flags = FlagOn
	} else {
		p.flags &^= flagTrapExit
	}
	w.record(e)
	return nil
}
