package sim

import "sort"

// Seq numbers trace entries from 1 in the order they happened. Seq 0 means
// "no cause": the entry was started by a command from outside the world.
type Seq uint32

// Kind is what a trace entry records. Its String is the JSON "ev" value.
type Kind uint8

// Trace entry kinds. "Action" kinds record what a process (or the shell) did;
// delivery kinds record a signal or message arriving.
const (
	KindSpawn       Kind = iota + 1 // Pid spawned by Other; Flags: FlagLinked, FlagMonitored (Ref), FlagOn (trapping exits)
	KindLink                        // Pid linked to Other
	KindUnlink                      // Pid unlinked from Other
	KindMonitor                     // Pid monitors Other (Ref); FlagByName: Term is the name
	KindDemonitor                   // Pid removed monitor Ref; FlagFlush
	KindTrapExit                    // Pid set trap_exit; FlagOn
	KindExitSignal                  // Pid called exit(Other, Term)
	KindSignal                      // an exit signal Term from Other reached Pid; Flags say how it ended
	KindSend                        // Pid sent Term to Other
	KindMessage                     // message Term from Other reached Pid (FlagDropped: Pid was dead)
	KindDown                        // DOWN for monitor Ref on Other, reason Term, reached Pid
	KindExit                        // Pid exited with reason Term
	KindRegister                    // Term (an atom) registered to Pid
	KindUnregister                  // Term no longer names Pid (FlagOn: freed by its death)
	KindSendAfter                   // Pid started timer Ref to send Term to Other
	KindCancelTimer                 // Pid cancelled timer Ref
	KindTimer                       // timer Ref set by Other expired; Pid is the destination
	KindReceive                     // message Term removed from Pid's mailbox by receive/flush
	KindChaos                       // the chaos monkey crashed Pid

	// Supervisor reports and actions. Pid is the supervisor, Other the child.
	KindChildStarted       // child Other started
	KindChildTerminated    // report: child Other exited with Term, a failure for its type or permanent
	KindRestart            // restarting child Term (its id) after Other exited
	KindStartError         // report: child Child (its id) failed to start with Term; Other is its process, 0 if none started
	KindShutdownError      // report: child Other, stopped, ended with Term instead of the shutdown it was asked for
	KindSupervisorShutdown // report: reached_max_restart_intensity (Term) when Other exited
	KindAutoShutdown       // a significant child Other ended: the supervisor shuts down
	KindTimeout            // Other outlived its shutdown time: the supervisor kills it
	KindBackoff            // Term {Id, Ms}: the restart of Id waits Ms (backoff extension)
	KindHealthCheck        // Other failed a health check, Term in a row
	KindUnhealthy          // Other failed too many health checks: it ends with unhealthy
	KindCall               // the shell calls supervisor Other with request Term
	KindReply              // supervisor Pid replies Term

	// Workers.
	KindTerminate // Pid runs terminate(Term) before exiting with Term
	KindHang      // Pid stops answering
	KindRecover   // Pid answers again

	// gen_server calls.
	KindGenCall     // Pid calls Other (0: a free registered name): Term is {gen_server,call,Args}
	KindServe       // worker Pid runs handle_call for request Term from Other
	KindCallReturn  // the reply Term from Other reaches Pid: its call returns (FlagDropped: the call was over)
	KindCallTimeout // Pid's call to Other, Term {gen_server,call,Args}, timed out
	kindCount
)

var kindNames = [kindCount]string{
	KindSpawn: "spawn", KindLink: "link", KindUnlink: "unlink", KindMonitor: "monitor",
	KindDemonitor: "demonitor", KindTrapExit: "trap_exit", KindExitSignal: "exit_signal",
	KindSignal: "signal", KindSend: "send", KindMessage: "message", KindDown: "down",
	KindExit: "exit", KindRegister: "register", KindUnregister: "unregister",
	KindSendAfter: "send_after", KindCancelTimer: "cancel_timer", KindTimer: "timer",
	KindReceive: "receive", KindChaos: "chaos",
	KindChildStarted: "child_started", KindChildTerminated: "child_terminated", KindRestart: "restart",
	KindStartError: "start_error", KindShutdownError: "shutdown_error",
	KindSupervisorShutdown: "supervisor_shutdown", KindAutoShutdown: "auto_shutdown",
	KindTimeout: "timeout", KindBackoff: "backoff", KindHealthCheck: "health_check",
	KindUnhealthy: "unhealthy", KindCall: "call", KindReply: "reply",
	KindTerminate: "terminate", KindHang: "hang", KindRecover: "recover",
	KindGenCall: "gen_call", KindServe: "handle_call", KindCallReturn: "call_return", KindCallTimeout: "call_timeout",
}

func (k Kind) String() string {
	if k > 0 && k < kindCount {
		return kindNames[k]
	}
	return "unknown"
}

// Entry flags.
const (
	FlagLinked    uint8 = 1 << iota // spawn: spawn_link
	FlagMonitored                   // spawn: spawn_monitor; Ref set
	FlagViaLink                     // signal: sent because a linked process exited
	FlagTrapped                     // signal: turned into an {'EXIT',From,Reason} message
	FlagIgnored                     // signal: ignored (normal to a non-trapper, or no link any more)
	FlagFatal                       // signal: killed the receiver
	FlagDropped                     // message/signal/timer: the receiver was dead or the name unregistered
	FlagOn                          // trap_exit on; spawned trapping exits; demonitor flush; unregister at death; monitor by name; signal: a worker's stop from its supervisor
)

// Entry is one executed event. Pid is the process the entry is about (the
// actor, or the receiver of a delivery); Other is the peer (target or sender).
// Term is resolved with World.Term.
type Entry struct {
	At    Time
	Pid   Pid
	Other Pid
	Term  TermID
	Ref   Ref
	Child TermID // start_error: the id of the child that failed to start
	Cause Seq
	Kind  Kind
	Flags uint8
}

// Has reports whether all of flags are set.
func (e Entry) Has(flags uint8) bool { return e.Flags&flags == flags }

const chunkBits = 14

// entry is an Entry as stored, in 16 bytes: pids take 24 bits (the process
// limit keeps them there), so the kind and the flags ride in the low byte
// of the two pid words. The time is kept once per instant and the rare refs
// and child ids in side tables.
type entry struct {
	pidKind    uint32 // pid<<8 | kind
	otherFlags uint32 // other<<8 | flags
	term       TermID
	cause      Seq
}

// The packing above needs every pid below 1<<24.
const _ = uint(1<<24 - int(FirstPid) - MaxProcesses)

// instant records that entries from seq on happened at time at.
type instant struct {
	from Seq
	at   Time
}

// sideMark records a rarely used field of entry seq.
type sideMark[T any] struct {
	seq Seq
	v   T
}

// markOf is the value marks record for entry s, if any; marks are in seq
// order.
func markOf[T any](marks []sideMark[T], s Seq) (T, bool) {
	i := sort.Search(len(marks), func(i int) bool { return marks[i].seq >= s })
	if i < len(marks) && marks[i].seq == s {
		return marks[i].v, true
	}
	var zero T
	return zero, false
}

// trace stores entries in chunks of 1<<chunkBits: a full chunk is never
// copied or written again, so growing a long trace and cloning it stay cheap.
// The first chunk grows as needed, so a small world stays small; later ones
// are allocated whole.
type trace struct {
	chunks   [][]entry
	instants []instant
	refs     []sideMark[Ref]
	children []sideMark[TermID]
	notes    []sideMark[string] // why a raised error ended a process, by its exit entry
	n        int
}

func (t *trace) add(e Entry) Seq {
	if t.n&(1<<chunkBits-1) == 0 {
		var c []entry
		if t.n > 0 {
			c = make([]entry, 0, 1<<chunkBits)
		}
		t.chunks = append(t.chunks, c)
	}
	c := &t.chunks[len(t.chunks)-1]
	*c = append(*c, entry{
		pidKind: uint32(e.Pid)<<8 | uint32(e.Kind), otherFlags: uint32(e.Other)<<8 | uint32(e.Flags),
		term: e.Term, cause: e.Cause,
	})
	t.n++
	if k := len(t.instants); k == 0 || t.instants[k-1].at != e.At {
		t.instants = append(t.instants, instant{from: Seq(t.n), at: e.At})
	}
	if e.Ref != 0 {
		t.refs = append(t.refs, sideMark[Ref]{seq: Seq(t.n), v: e.Ref})
	}
	if e.Child != 0 {
		t.children = append(t.children, sideMark[TermID]{seq: Seq(t.n), v: e.Child})
	}
	return Seq(t.n)
}

func (t *trace) stored(s Seq) *entry {
	i := int(s) - 1
	return &t.chunks[i>>chunkBits][i&(1<<chunkBits-1)]
}

func (t *trace) at(s Seq) Entry {
	e := t.stored(s)
	k := sort.Search(len(t.instants), func(i int) bool { return t.instants[i].from > s }) - 1
	out := Entry{
		At: t.instants[k].at, Pid: Pid(e.pidKind >> 8), Kind: Kind(e.pidKind),
		Other: Pid(e.otherFlags >> 8), Flags: uint8(e.otherFlags), Term: e.term, Cause: e.cause,
	}
	out.Ref, _ = markOf(t.refs, s)
	out.Child, _ = markOf(t.children, s)
	return out
}

// setFlags adds flags to entry s after it was recorded.
func (t *trace) setFlags(s Seq, flags uint8) { t.stored(s).otherFlags |= uint32(flags) }

// clone shares the full chunks, which are never written again, and copies
// the last, still growing, one.
func (t *trace) clone() trace {
	c := trace{
		chunks: append([][]entry(nil), t.chunks...), instants: append([]instant(nil), t.instants...),
		refs: append([]sideMark[Ref](nil), t.refs...), children: append([]sideMark[TermID](nil), t.children...),
		notes: append([]sideMark[string](nil), t.notes...), n: t.n,
	}
	if k := len(c.chunks); k > 0 {
		c.chunks[k-1] = append(make([]entry, 0, cap(c.chunks[k-1])), c.chunks[k-1]...)
	}
	return c
}

// TraceLen is the number of entries in the trace; their Seqs are 1..TraceLen.
func (w *World) TraceLen() int { return w.trace.n }

// Entry returns trace entry s (1 ≤ s ≤ TraceLen).
func (w *World) Entry(s Seq) Entry { return w.trace.at(s) }
