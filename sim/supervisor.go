package sim

// A supervisor is a process running OTP's supervisor behaviour as a
// sequential state machine. It traps exits; every signal reaches it as a
// message in its mailbox, and it handles one message at a time. Work that
// must wait — a child stopping, a child's init — blocks the supervisor in a
// selective receive, exactly where supervisor.erl blocks, while other
// messages queue behind. Its pending work is plain data (steps naming
// children by key), so a World clones by value.

// childDef is a child spec as the world keeps it. All incarnations of its
// supervisor share it, so init= results are consumed across restarts and
// starts are counted for `expect restarts`.
type childDef struct {
	spec      ChildSpec
	sup       *supDef // set for a supervisor child
	inits     int     // init results consumed so far
	starts    int     // successful starts
	idTerm    TermID  // the id as an atom, once interned
	retryTerm TermID  // {try_again_restart, Id}, once interned
}

// idTerm is the child's id as an interned atom, interned once per world.
func (w *World) idTerm(d *childDef) TermID {
	if d.idTerm == 0 {
		d.idTerm = w.intern(Atom(d.spec.ID))
	}
	return d.idTerm
}

// supDef is a supervisor spec as the world keeps it.
type supDef struct {
	flags    SupFlags
	children []*childDef
	dynamic  int // simple_one_for_one: the last number given to a child
}

// supervisor is the state of one running supervisor process.
type supervisor struct {
	pid      Pid
	parent   Pid
	def      *supDef
	children []*child // in start order
	nextKey  int32
	stamps   []int64 // restart times in whole seconds, oldest first
	agenda   []step  // what the current message still has to do
	wait     *wait   // the selective receive it is blocked in, if any
	running  bool
	retrying bool // it cast itself a retry: its next message waits for an evSupRetry
	gaveUp   Seq  // its reached_max_restart_intensity report, once it gave up; for Story only
}

// child is one child as its supervisor sees it; pid 0 is OTP's undefined.
type child struct {
	key        int32 // names the child in pending work
	def        *childDef
	pid        Pid
	restarting bool
	delay      Time // next backoff delay
	startedAt  Time // its last start, or failed start (for backoff)
	misses     int  // consecutive failed health checks
}

func (c *child) id() string           { return c.def.spec.ID }
func (c *child) restart() RestartType { return c.def.spec.Restart }

// stepKind is one kind of supervisor work.
type stepKind uint8

const (
	doStop    stepKind = iota // stop keys (at once, under one timer), then `after` each
	doStart                   // start keys in order, then `finish`
	doRestart                 // start again the restart set of keys[0]
	doDelay                   // wait d before restarting keys[0] (backoff)
	doExit                    // exit with reason
)

// afterStop is what happens to a child once a doStop has stopped it.
type afterStop uint8

const (
	keepEntry      afterStop = iota // nothing: the supervisor is going away
	forgetTemp                      // terminate_children: temporary children are dropped
	replyTerminate                  // terminate_child: drop it if temporary, reply ok
)

// finishStart is what a doStart does with its results.
type finishStart uint8

const (
	finishInit    finishStart = iota // init/1: ack the parent, or fail and exit
	finishRestart                    // a restart: retry a failure through a cast
	finishCall                       // start_child, restart_child: reply
)

// step is one piece of a supervisor's work on the current message.
type step struct {
	kind   stepKind
	keys   []int32
	after  afterStop
	finish finishStart
	call   int32 // index in World.calls, for replies
	reason TermID
	d      Time
	ack    bool // doExit: ack the parent with {error, reason} first (a failed init)
}

// waitKind is what a blocked supervisor waits for.
type waitKind uint8

const (
	waitDown waitKind = iota // the DOWNs of children it is stopping
	waitAck                  // the ack of a child it is starting
)

// wait is a blocked supervisor's selective receive.
type wait struct {
	kind    waitKind
	targets []target // waitDown: children still to go
	stop    step     // waitDown: the doStop being done
	start   step     // waitAck: the doStart being done (its first key is starting)
	pid     Pid      // waitAck: the child starting
	token   uint32   // identifies its shutdown timer
	timed   bool     // a shutdown timer is running
}

// target is one child a supervisor is stopping and its monitor on it.
type target struct {
	key int32
	pid Pid
	mon int32
}

func (w *World) supOf(p Pid) *supervisor {
	if !w.Exists(p) {
		return nil
	}
	if e := w.extOf(w.proc(p)); e != nil {
		return e.sup
	}
	return nil
}

// IsSupervisor reports whether p runs the supervisor behaviour.
func (w *World) IsSupervisor(p Pid) bool { return w.supOf(p) != nil }

// then appends steps to the current message's work.
func (s *supervisor) then(steps ...step) { s.agenda = append(s.agenda, steps...) }

// first puts a step before the rest of the current message's work. The
// agenda is the supervisor's own (clones copy it), so it shifts in place.
func (s *supervisor) first(st step) {
	s.agenda = append(s.agenda, step{})
	copy(s.agenda[1:], s.agenda)
	s.agenda[0] = st
}

func (s *supervisor) add(d *childDef) *child {
	s.nextKey++
	c := &child{key: s.nextKey, def: d}
	s.children = append(s.children, c)
	return c
}

// byKey finds a child by key. Keys grow with every add and children keep
// their order, so s.children is sorted by key.
func (s *supervisor) byKey(k int32) *child {
	if len(s.children) == 0 {
		return nil
	}
	// Without removals, keys are dense from the first one.
	if i := int(k - s.children[0].key); i >= 0 && i < len(s.children) && s.children[i].key == k {
		return s.children[i]
	}
	lo, hi := 0, len(s.children)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s.children[m].key < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(s.children) && s.children[lo].key == k {
		return s.children[lo]
	}
	return nil
}

// childByPid finds s's child running as p. A child's pid is only ever the
// process spawned for it, which notes the child's key.
func (w *World) childByPid(s *supervisor, p Pid) *child {
	if p == 0 || !w.Exists(p) {
		return nil
	}
	e := w.extOf(w.proc(p))
	if e == nil || e.child == nil {
		return nil
	}
	if c := s.byKey(e.childKey); c != nil && c.pid == p {
		return c
	}
	return nil
}

func (s *supervisor) childByID(id string) *child {
	for _, c := range s.children {
		if c.id() == id {
			return c
		}
	}
	return nil
}

func (s *supervisor) remove(c *child) {
	for i, x := range s.children {
		if x == c {
			s.children = append(s.children[:i:i], s.children[i+1:]...)
			return
		}
	}
}

func keysOf(cs []*child) []int32 {
	keys := make([]int32, len(cs))
	for i, c := range cs {
		keys[i] = c.key
	}
	return keys
}

func (s *supervisor) simple() bool { return s.def.flags.Strategy == SimpleOneForOne }

// supRun lets a supervisor work until it blocks or has nothing to do. It is
// called whenever a message reaches it; a call made while it is already
// working returns at once, and the loop picks the message up.
func (w *World) supRun(s *supervisor) {
	if s.running {
		return
	}
	s.running = true
	defer func() { s.running = false }()
	for w.proc(s.pid).alive() {
		switch {
		case s.wait != nil:
			if !w.supResume(s) {
				return
			}
		case len(s.agenda) > 0:
			st := s.agenda[0]
			if len(s.agenda) == 1 {
				s.agenda = s.agenda[:0] // keeps the array for the next steps
			} else {
				s.agenda = s.agenda[1:]
			}
			w.runStep(s, st)
		case s.retrying:
			return
		default:
			m, ok := w.takeMessage(s.pid, func(Message) bool { return true })
			if !ok {
				return
			}
			w.supHandle(s, m)
		}
	}
}

func (w *World) runStep(s *supervisor, st step) {
	switch st.kind {
	case doStop:
		w.stopChildren(s, st)
	case doStart:
		w.startNext(s, st)
	case doRestart:
		w.restartChildren(s, st.keys[0])
	case doDelay:
		w.delayRestart(s, st.keys[0], st.d)
	case doExit:
		if st.ack {
			w.sendAck(s.parent, s.pid, startResult{err: st.reason})
		}
		w.die(s.pid, st.reason, w.cause)
	}
}

// takeMessage removes and returns the oldest message of p that matches.
func (w *World) takeMessage(p Pid, match func(Message) bool) (Message, bool) {
	e := w.extOf(w.proc(p))
	if e == nil {
		return Message{}, false
	}
	for i, m := range e.mailbox {
		switch {
		case !match(m):
			continue
		case i == 0:
			// Slicing off the front leaves what callers of Mailbox hold intact.
			e.mailbox = e.mailbox[1:]
		default:
			e.mailbox = append(e.mailbox[:i:i], e.mailbox[i+1:]...)
		}
		return m, true
	}
	return Message{}, false
}

// supHandle is the supervisor's handle_info, handle_call and handle_cast.
// An EXIT from its parent stops it; from a child, it may restart; from
// anyone else, and any other message, it is ignored (fact E32).
func (w *World) supHandle(s *supervisor, m Message) {
	switch m.Kind {
	case MsgExit:
		if m.From == s.parent {
			w.supStop(s, m.Term)
		} else if c := w.childByPid(s, m.From); c != nil {
			w.childExited(s, c, m.Term)
		}
	case MsgCall:
		w.supCall(s, m.Aux)
	case MsgCast:
		w.supCast(s, m)
	case MsgReq:
		w.supUnknownCall(s)
	}
}

// supResume checks whether what a blocked supervisor waits for is in its
// mailbox, and if so carries on; it reports whether the supervisor moved.
func (w *World) supResume(s *supervisor) bool {
	if s.wait.kind == waitAck {
		return w.resumeAck(s)
	}
	wt := s.wait
	m, ok := w.takeMessage(s.pid, func(m Message) bool { return m.Kind == MsgDown && wt.index(m.Aux) >= 0 })
	if !ok {
		return false
	}
	i := wt.index(m.Aux)
	t := wt.targets[i]
	wt.targets = append(wt.targets[:i:i], wt.targets[i+1:]...)
	if len(wt.targets) == 0 {
		s.wait = nil
	}
	reason := w.unlinkFlush(s.pid, t.pid, m.Term)
	if c := s.byKey(t.key); c != nil {
		w.checkShutdown(s, c, reason)
		w.afterStopped(s, c, wt.stop)
	}
	return true
}

func (wt *wait) index(mon int32) int {
	for i, t := range wt.targets {
		if t.mon == mon {
			return i
		}
	}
	return -1
}

// unlinkFlush is supervisor.erl's unlink_flush/2: unlink the dead child and
// take its {'EXIT',Pid,Reason} from the mailbox; that reason wins.
func (w *World) unlinkFlush(sup, child Pid, reason TermID) TermID {
	w.removeLink(w.proc(sup), child)
	w.removeLink(w.proc(child), sup)
	if m, ok := w.takeMessage(sup, func(m Message) bool { return m.Kind == MsgExit && m.From == child }); ok {
		return m.Term
	}
	return reason
}
