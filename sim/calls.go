package sim

// gen_server:call as OTP 25's gen:do_call/4 makes it: the caller monitors
// the server, sends {'$gen_call', {Caller, Tag}, Request}, and waits for
// the first of the reply, the monitor's DOWN, or its timeout. A caller
// performs nothing else while it waits (a command for it is refused),
// though signals and messages still reach it. A failed call is an exit of
// the caller itself, exit({Reason, {gen_server, call, Args}}), which
// trapping does not stop. Every step is a trace entry with its cause, so
// `why` leads from a caller's noproc or timeout back to the server.

// DefaultCallTimeout is the timeout of gen_server:call/2.
const DefaultCallTimeout = 5 * Second

// CallTimeout is the timeout of a call. Unset, it is gen_server:call/2
// (5000 ms, and Args has no timeout); set, gen_server:call/3 with
// infinity or After (whole milliseconds, as OTP takes them).
type CallTimeout struct {
	Set      bool
	Infinity bool
	After    Time
}

// term is the timeout as Args carries it.
func (t CallTimeout) term() Term {
	if t.Infinity {
		return Atom("infinity")
	}
	return Int(t.After / Millisecond)
}

func (t CallTimeout) duration() Time {
	if t.Set {
		return t.After
	}
	return DefaultCallTimeout
}

// CallTag stands for the tag of a call request, an alias reference in OTP
// 25 that no command can name: it prints as _ and equals any other CallTag.
type CallTag struct{}

func (CallTag) isTerm() {}

// String prints the tag as a pattern would match it: _.
func (CallTag) String() string { return "_" }

type callState uint8

const (
	callWaiting   callState = iota
	callReturned            // the reply came: result is the reply
	callFailed              // DOWN, noproc, calling_self or timeout: result is the caller's exit reason
	callAbandoned           // the shell gave up waiting at a safety bound
)

// genCall is one gen_server:call, kept after it ended so that a late
// reply can be told from a current one.
type genCall struct {
	caller, server Pid    // server 0: the registered name was free
	mfa            TermID // {gen_server, call, Args}, as exit reasons carry it
	req            TermID
	mon            int32 // the caller's monitor on the server, -1 when none was taken
	state          callState
	result         TermID
}

// evFlagCall marks an evMessage that carries a call request; aux is the call.
const evFlagCall uint8 = 1

var (
	atomGenServer   = Atom("gen_server")
	atomCall        = Atom("call")
	atomGenCall     = Atom("$gen_call")
	atomTimeout     = Atom("timeout")
	atomCallingSelf = Atom("calling_self")
)

// Call makes actor call gen_server:call(dest, req), or gen_server:call(dest,
// req, T) when t is set. A process starts the call and waits in it (see
// Calling); the result is nil then, and a call that fails at once (an
// unregistered name, calling oneself) ends the caller before Call returns.
// The shell's call is synchronous, like its supervisor calls: the world
// runs until the call ends. It returns the reply; a failed call is an
// *Error whose Reason is the exit reason {R, {gen_server, call, Args}}.
// A supervisor's own API requests are refused: use the supervisor verbs,
// and so is a timeout longer than MaxTime.
func (w *World) Call(actor Pid, dest Dest, req Term, t CallTimeout) (Term, error) {
	if err := w.checkActor(actor); err != nil {
		return nil, err
	}
	if dest.Name == "" {
		if err := w.checkTarget(dest.Pid); err != nil {
			return nil, err
		}
	}
	if err := w.checkSupRequest(dest, req); err != nil {
		return nil, err
	}
	if err := checkDuration("a call timeout of", t.duration()); err != nil {
		return nil, err
	}
	i := w.startCall(actor, dest, req, t)
	if actor != Shell {
		return nil, nil
	}
	return w.awaitShellCall(i)
}

// supRequests are the requests supervisor:handle_call/3 knows.
var supRequests = map[Atom]bool{
	"start_child": true, "terminate_child": true, "restart_child": true, "delete_child": true,
	"get_childspec": true, "which_children": true, "count_children": true,
}

// checkSupRequest refuses a call that a supervisor would answer as one of
// its API calls: the language has a verb for each.
func (w *World) checkSupRequest(dest Dest, req Term) error {
	to := dest.Pid
	if dest.Name != "" {
		to = w.registry[dest.Name]
	}
	if !w.IsSupervisor(to) {
		return nil
	}
	a, ok := req.(Atom)
	if t, isTuple := req.(Tuple); isTuple && len(t) > 0 {
		a, ok = t[0].(Atom)
	}
	if ok && supRequests[a] {
		return refuse(w.Label(to) + " is a supervisor and would answer " + req.String() + " as its own API call: use its verb (which_children, start_child, ...)")
	}
	return nil
}

// startCall begins a call: the call entry, then at once its failure (no
// process by that name, or calling oneself), or the monitor, the request
// and the timer.
func (w *World) startCall(actor Pid, dest Dest, req Term, t CallTimeout) int32 {
	server, as := dest.Pid, Term(dest.Pid)
	if dest.Name != "" {
		server, as = w.registry[dest.Name], Atom(dest.Name)
	}
	args := List{as, req}
	if t.Set {
		args = append(args, t.term())
	}
	i := int32(len(w.gcalls))
	w.gcalls = append(w.gcalls, genCall{
		caller: actor, server: server, mon: -1,
		mfa: w.intern(Tuple{atomGenServer, atomCall, args}), req: w.intern(req),
	})
	s := w.record(Entry{Kind: KindGenCall, Pid: actor, Other: server, Term: w.gcalls[i].mfa, Cause: w.cause})
	switch {
	case server == 0:
		w.failCall(i, tNoproc, s)
	case server == actor:
		w.failCall(i, w.intern(atomCallingSelf), s)
	default:
		w.gcalls[i].mon = w.callMonitor(i, actor, server, s)
		if actor != Shell {
			w.extra(w.proc(actor)).calling = i + 1
		}
		msg := w.intern(Tuple{atomGenCall, Tuple{actor, CallTag{}}, req})
		w.q.pushNow(event{kind: evMessage, to: server, from: actor, term: msg, aux: uint32(i), cause: s, flags: evFlagCall})
		if !t.Infinity {
			w.schedule(event{at: w.now + t.duration(), kind: evCallTimer, to: actor, aux: uint32(i), cause: s})
		}
	}
	return i
}

// callMonitor is the caller's monitor on the server. It takes no ref
// number (no command can name it), and a dead server fires it at once with
// noproc.
func (w *World) callMonitor(i int32, caller, server Pid, cause Seq) int32 {
	m := int32(len(w.mons))
	w.mons = append(w.mons, monitor{watcher: caller, target: server, call: i + 1})
	in := w.extra(w.proc(server))
	in.monsIn = append(in.monsIn, m)
	if caller != Shell {
		out := w.extra(w.proc(caller))
		out.monsOut = append(out.monsOut, m)
	}
	if !w.proc(server).alive() {
		w.fire(m, tNoproc, cause)
	}
	return m
}

// callerGone reports whether nobody waits for call c any more: it ended,
// or its caller died.
func (w *World) callerGone(c *genCall) bool {
	return c.state != callWaiting || c.caller != Shell && !w.proc(c.caller).alive()
}

// callReplied is the reply reaching the caller: the call returns, its
// monitor is removed with any DOWN on its way (demonitor with flush). A
// reply to a call that is over is dropped, as OTP drops a reply to an
// alias no longer active.
func (w *World) callReplied(e event) {
	c := &w.gcalls[e.aux]
	entry := Entry{Kind: KindCallReturn, Pid: c.caller, Other: e.from, Term: e.term, Cause: e.cause}
	if w.callerGone(c) {
		entry.Flags = FlagDropped
		w.record(entry)
		return
	}
	c.state, c.result = callReturned, e.term
	w.mons[c.mon].state = monRemoved
	s := w.record(entry)
	w.callOver(c.caller, s)
}

// callDown is the DOWN of a call's monitor: the server died (or never
// lived), and the call fails with its reason.
func (w *World) callDown(e event, m *monitor) {
	i := m.call - 1
	m.state = monRemoved
	if w.callerGone(&w.gcalls[i]) {
		return
	}
	s := w.record(Entry{Kind: KindDown, Pid: m.watcher, Other: m.target, Term: e.term, Cause: e.cause})
	w.failCall(i, e.term, s)
}

// callTimedOut is a call's timer running out before the reply came.
func (w *World) callTimedOut(e event) {
	c := &w.gcalls[e.aux]
	s := w.record(Entry{Kind: KindCallTimeout, Pid: c.caller, Other: c.server, Term: c.mfa, Cause: e.cause})
	w.failCall(int32(e.aux), w.intern(atomTimeout), s)
}

// failCall ends call i with reason: the caller exits {Reason, {gen_server,
// call, Args}} (the shell gets it as an error).
func (w *World) failCall(i int32, reason TermID, cause Seq) {
	c := &w.gcalls[i]
	c.state = callFailed
	c.result = w.intern(Tuple{w.terms[reason], w.terms[c.mfa]})
	if c.mon >= 0 {
		w.mons[c.mon].state = monRemoved
	}
	if c.caller == Shell {
		return
	}
	w.stopCalling(c.caller)
	if w.faulty(FaultTrapSavesCaller) && w.proc(c.caller).trapping() {
		w.workerNext(c.caller, cause)
		return
	}
	w.die(c.caller, c.result, cause)
}

// callOver lets a caller whose call returned act again; a worker goes on
// with what queued meanwhile.
func (w *World) callOver(caller Pid, cause Seq) {
	if caller == Shell {
		return
	}
	w.stopCalling(caller)
	w.workerNext(caller, cause)
}

// awaitShellCall runs the world until the shell's call i ends.
func (w *World) awaitShellCall(i int32) (Term, error) {
	if !w.runUntilTrue(func() bool { return w.gcalls[i].state != callWaiting }) {
		c := &w.gcalls[i]
		c.state = callAbandoned
		w.mons[c.mon].state = monRemoved
		return nil, w.gaveUp("no reply from " + w.Label(c.server))
	}
	c := w.gcalls[i]
	if c.state == callFailed {
		return nil, &Error{Reason: w.terms[c.result], Msg: "the call failed"}
	}
	return w.terms[c.result], nil
}

// Calling reports the server p is waiting on in a call; ok is false when
// p is not in a call.
func (w *World) Calling(p Pid) (server Pid, ok bool) {
	if !w.Alive(p) {
		return 0, false
	}
	e := w.extOf(w.proc(p))
	if e == nil || e.calling == 0 {
		return 0, false
	}
	return w.gcalls[e.calling-1].server, true
}

func (w *World) stopCalling(p Pid) {
	if e := w.extOf(w.proc(p)); e != nil {
		e.calling = 0
	}
}

// inCall reports whether p waits in a call.
func (w *World) inCall(p *proc) bool {
	e := w.extOf(p)
	return e != nil && e.calling != 0
}

// callStale reports whether a call event will do nothing: its timer runs
// out after the call ended or its caller died.
func (w *World) callStale(e *event) bool {
	return w.callerGone(&w.gcalls[e.aux])
}
