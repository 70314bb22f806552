package scenarios

import "time"

// Pos is a position in a source: 1-based line and column (column counts
// bytes). File is the name given to Parse ("<repl>" for typed lines).
type Pos struct {
	File string
	Line int
	Col  int
}

// Actor is who performs a command: a process named or written as a pid, or
// the shell when Shell is true (no "ACTOR:" prefix).
type Actor struct {
	Shell bool
	Proc  ProcRef
}

// ProcRef denotes a process in a command: a name (latest incarnation), a
// literal pid <0.N.0>, or a registered name @n looked up when the action runs.
type ProcRef struct {
	Pos        Pos
	Name       string // process name, when not a pid or @name
	Pid        int    // N of <0.N.0> when IsPid
	IsPid      bool
	Registered string // n of @n when non-empty
}

// TermKind tells which field of a TermExpr is meaningful.
type TermKind int

// The kinds of term expression.
const (
	TermAtom     TermKind = iota // Atom (quoted atoms are unquoted here)
	TermInt                      // Int
	TermFloat                    // Float
	TermString                   // Str, unescaped
	TermTuple                    // Elems
	TermList                     // Elems
	TermPid                      // <0.N.0>: Int holds N
	TermNamePid                  // <name>: Atom holds the name; <shell> is Atom "shell"
	TermRef                      // #Ref<K>: Int holds K
	TermStack                    // [...]: an opaque stack trace
	TermWildcard                 // _ or a variable: matches anything (patterns only)
	TermMap                      // #{K => V, …}: Elems holds K1, V1, K2, V2, … as written
	TermBinary                   // <<"text">>, <<1,2,3>>: Str holds the bytes
)

// TermExpr is an Erlang term as written, before names are resolved to pids.
type TermExpr struct {
	Pos   Pos
	Kind  TermKind
	Atom  string
	Int   int64
	Float float64
	Str   string
	Elems []*TermExpr
}

// Command is one parsed command. Exactly one of the pointer fields is set,
// the one named by Verb's family.
type Command struct {
	Pos   Pos    // position of the first token (the actor or the verb)
	Text  string // the source text of the command, trimmed
	Hint  string // what follows "# hint:" in a comment ending the command's line, trimmed
	Actor Actor
	Verb  string // the verb as written: "spawn", "expect", "sup", ...

	Proc   *ProcCmd
	Time   *TimeCmd
	Expect *ExpectCmd
	Sup    *SupSpec // top-level "sup NAME ... { ... }"
	Dyn    *DynCmd  // start_child, terminate_child, ...
	Show   *ShowCmd // ps, tree, info, mailbox, whereis, time, trace, why, help
}

// ProcCmd carries the arguments of a process or signal verb:
// spawn, spawn_link, spawn_monitor, link, unlink, monitor, demonitor,
// trap_exit, exit (exit/1 when Target is nil), crash, kill, send, register,
// unregister, send_after, cancel_timer, receive, flush, hang, recover, call.
type ProcCmd struct {
	Target   *ProcRef  // the process acted upon, when the verb takes one
	Name     string    // spawn*: the new process's name; register/unregister: the registered name
	TrapExit bool      // spawn*: [trap_exit]
	Flag     bool      // trap_exit on|off; demonitor [flush]
	Reason   *TermExpr // exit, crash (nil: default boom), kill (nil)
	Msg      *TermExpr // send, send_after; call: the request (nil: ping)
	Ref      int       // demonitor, cancel_timer: K of #Ref<K>
	After    time.Duration
	Timeout  *CallTimeout // call: timeout= (nil: gen_server:call/2)
}

// TimeCmd carries advance, run, step, seed, chaos and mark.
type TimeCmd struct {
	Duration    time.Duration // advance; run DURATION; chaos ... for DURATION
	HasDuration bool
	N           int64   // step N (default 1), seed N
	Rate        float64 // chaos RATE
	On          bool    // logs on|off
}

// ExpectCmd is an expectation. Kind is one of alive, dead, mailbox,
// registered, unregistered, restarts, exit_order, error.
type ExpectCmd struct {
	Kind     string
	Procs    []ProcRef   // alive/dead/mailbox/restarts: one; exit_order: several; registered: the pid holder
	Reg      string      // registered/unregistered: n of @n
	Reason   *TermExpr   // dead reason=TERM; error TERM (nil: any)
	Messages []*TermExpr // mailbox: the expected messages, in order
	N        int         // restarts
}

// ShowCmd carries the inspection verbs and their optional argument.
type ShowCmd struct {
	Target *ProcRef // info, mailbox, why, whereis (Registered set)
	N      int      // trace N (0: all)
	Topic  string   // help VERB
}

// SupSpec is a supervisor as written: flags, then children in order.
type SupSpec struct {
	Pos          Pos
	Name         string
	Strategy     string // one_for_one (default), one_for_all, rest_for_one, simple_one_for_one
	Intensity    int    // default 1
	Period       int    // seconds, default 5
	AutoShutdown string // never (default), any_significant, all_significant
	Backoff      *Backoff
	Child        ChildOpts // restart, shutdown, significant when this sup is a child
	Children     []ChildSpec
	SetIntensity bool // flags given explicitly (for export and errors)
	SetPeriod    bool
	SetStrategy  bool
}

// Backoff is the backoff=MIN..MAX extension: restart delay doubling from Min to Max.
type Backoff struct {
	Min, Max time.Duration
}

// ChildSpec is one child of a supervisor: a worker, or a nested supervisor.
type ChildSpec struct {
	Pos    Pos
	Worker *WorkerSpec
	Sup    *SupSpec
}

// ChildOpts are the options common to workers and supervisor children.
type ChildOpts struct {
	Restart     string // permanent (default), transient, temporary; "" when not given
	Shutdown    Shutdown
	Significant bool
}

// Shutdown is a child's shutdown spec. Zero value means "not given"
// (OTP default: 5000 for workers, infinity for supervisors).
type Shutdown struct {
	Set        bool
	BrutalKill bool
	Infinity   bool
	Timeout    time.Duration // integer milliseconds as written, or a duration
}

// WorkerSpec is a worker child (a gen_server) as written.
type WorkerSpec struct {
	Name      string
	Opts      ChildOpts
	TrapExit  bool
	Terminate time.Duration // terminate=DURATION, default 0
	Init      []InitResult  // init=..., consumed one per start, the last repeating; empty: ok
	InitTime  time.Duration // init_time=DURATION
	CallTime  time.Duration // call_time=DURATION: how long each call request takes
	Register  string        // register=NAME
	Count     int           // count=N extension (0: not given)
	Health    *Health       // health=INTERVAL/TIMEOUT/THRESHOLD extension
	Backoff   *Backoff
}

// InitResult is one entry of init=: ok, ignore, error:R ({stop,R}), crash:R (erlang:error(R)).
type InitResult struct {
	Kind   string // ok, ignore, error, crash
	Reason *TermExpr
}

// Health is the health=INTERVAL/TIMEOUT/THRESHOLD extension.
type Health struct {
	Interval, Timeout time.Duration
	Threshold         int
}

// DynCmd is a dynamic supervisor call or stop/shutdown: start_child,
// terminate_child, restart_child, delete_child, which_children,
// count_children, stop SUP, shutdown.
type DynCmd struct {
	Sup   ProcRef
	Child string     // terminate_child/restart_child/delete_child: the child id (or a pid via Pid)
	Pid   *ProcRef   // terminate_child SUP <0.N.0> (simple_one_for_one)
	Spec  *ChildSpec // start_child SUP worker NAME ... ; nil for simple_one_for_one start_child SUP
}
