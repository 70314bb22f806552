package sim

// Strategy is a supervisor's restart strategy.
type Strategy uint8

// The four OTP strategies.
const (
	OneForOne Strategy = iota
	OneForAll
	RestForOne
	SimpleOneForOne
)

var strategyNames = [...]string{"one_for_one", "one_for_all", "rest_for_one", "simple_one_for_one"}

func (s Strategy) String() string { return strategyNames[s] }

// RestartType says which exits of a child lead to a restart (fact E25):
// permanent always, transient only for reasons other than normal, shutdown
// and {shutdown,_}, temporary never.
type RestartType uint8

// Restart types.
const (
	Permanent RestartType = iota
	Transient
	Temporary
)

var restartNames = [...]string{"permanent", "transient", "temporary"}

func (r RestartType) String() string { return restartNames[r] }

// AutoShutdown says when significant children take their supervisor down
// with them (fact E30).
type AutoShutdown uint8

// auto_shutdown values.
const (
	Never AutoShutdown = iota
	AnySignificant
	AllSignificant
)

var autoShutdownNames = [...]string{"never", "any_significant", "all_significant"}

func (a AutoShutdown) String() string { return autoShutdownNames[a] }

// ShutdownSpec is how a supervisor stops a child: brutal_kill sends
// exit(Child, kill); otherwise exit(Child, shutdown), then kill after
// Timeout unless Infinity (fact E26). OTP's defaults are 5000 ms for a
// worker and infinity for a supervisor; callers fill them in.
type ShutdownSpec struct {
	BrutalKill bool
	Infinity   bool
	Timeout    Time
}

// Term is the spec as OTP writes it: brutal_kill, infinity or milliseconds.
func (s ShutdownSpec) Term() Term {
	switch {
	case s.BrutalKill:
		return Atom("brutal_kill")
	case s.Infinity:
		return Atom("infinity")
	}
	return Int(s.Timeout / Millisecond)
}

// InitKind is what a worker's init/1 does on one start.
type InitKind uint8

// Init results.
const (
	InitOK     InitKind = iota // {ok, State}
	InitIgnore                 // ignore: the child exits normal and is kept with no pid
	InitError                  // {stop, Reason}
	InitCrash                  // erlang:error(Reason) inside init
)

// InitResult is one entry of a worker's init= list.
type InitResult struct {
	Kind   InitKind
	Reason Term
}

// Backoff is the backoff=MIN..MAX extension: each restart of a child waits
// a delay that starts at Min and doubles up to Max. It resets to Min once
// the child has stayed up for Max. Without it, restarts are immediate, as
// in OTP.
type Backoff struct {
	Min, Max Time
}

// Health is the health=INTERVAL/TIMEOUT/THRESHOLD extension: every Interval
// the supervisor checks the child; a check fails when the child is hung
// for Timeout; Threshold consecutive failures make the supervisor end the
// child with reason unhealthy, and it is restarted as its restart type says.
type Health struct {
	Interval, Timeout Time
	Threshold         int
}

// SupFlags are a supervisor's flags. OTP's defaults: one_for_one,
// intensity 1, period 5 seconds, auto_shutdown never.
type SupFlags struct {
	Strategy     Strategy
	Intensity    int
	Period       int // seconds
	AutoShutdown AutoShutdown
	Backoff      *Backoff
}

// DefaultFlags are OTP's supervisor flags.
func DefaultFlags() SupFlags { return SupFlags{Strategy: OneForOne, Intensity: 1, Period: 5} }

// ChildSpec is one child of a supervisor: a worker (a gen_server with the
// options below) when Sup is nil, else a supervisor.
type ChildSpec struct {
	ID          string
	Module      string // the callback module reports name ({Module,start_link,[]}); "" means ID
	Restart     RestartType
	Shutdown    ShutdownSpec
	Significant bool

	TrapExit  bool         // the worker traps exits
	Terminate Time         // how long its terminate/2 runs
	Init      []InitResult // consumed one per start, the last repeating; empty means ok
	InitTime  Time         // how long init/1 takes
	CallTime  Time         // how long handle_call/3 takes for each request
	Register  string       // registered as {local, Register} on every start
	Health    *Health
	Backoff   *Backoff

	Sup *SupSpec
}

// SupSpec is a supervisor: its flags and its children in start order. For
// simple_one_for_one the single child is the template of dynamic children.
type SupSpec struct {
	Flags    SupFlags
	Children []ChildSpec
}

// checkSpec returns the reason OTP's supervisor:init would stop with for a
// malformed spec (facts E28, E30, E31), or nil: the flags first, then the
// children.
func checkSpec(s *SupSpec) Term {
	if bad := checkFlags(s.Flags); bad != nil {
		return Tuple{Atom("supervisor_data"), bad}
	}
	if s.Flags.Strategy == SimpleOneForOne && len(s.Children) != 1 {
		ids := make(List, len(s.Children))
		for i, c := range s.Children {
			ids[i] = Atom(c.ID)
		}
		return Tuple{Atom("bad_start_spec"), ids}
	}
	for i := range s.Children {
		if bad := checkChild(s.Flags, &s.Children[i]); bad != nil {
			return Tuple{Atom("start_spec"), bad}
		}
	}
	return nil
}

// checkFlags returns the error of flags out of range, checked in the order
// of supervisor:do_check_flags/1: strategy, intensity (≥ 0), period (≥ 1
// second), auto_shutdown.
func checkFlags(f SupFlags) Term {
	switch {
	case f.Strategy > SimpleOneForOne:
		return Tuple{Atom("invalid_strategy"), Int(f.Strategy)}
	case f.Intensity < 0:
		return Tuple{Atom("invalid_intensity"), Int(f.Intensity)}
	case f.Period < 1:
		return Tuple{Atom("invalid_period"), Int(f.Period)}
	case f.AutoShutdown > AllSignificant:
		return Tuple{Atom("invalid_auto_shutdown"), Int(f.AutoShutdown)}
	}
	return nil
}

// checkChild returns the start_spec error of one child, or nil. Like
// supervisor:validSignificant/3, it checks auto_shutdown=never before the
// restart type: a permanent significant child under never is rejected
// for never.
func checkChild(f SupFlags, c *ChildSpec) Term {
	if !c.Significant {
		return nil
	}
	if f.AutoShutdown == Never {
		return badCombination("auto_shutdown", Atom("never"))
	}
	if c.Restart == Permanent {
		return badCombination("restart", Atom("permanent"))
	}
	return nil
}

func badCombination(key string, value Term) Term {
	return Tuple{Atom("bad_combination"), List{Tuple{Atom(key), value}, Tuple{Atom("significant"), True}}}
}
