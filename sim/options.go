package sim

// Options configure a World beyond its seed. The zero value is what every
// face of the product uses: the kernel's one fixed order, OTP's rules, and
// the global safety bounds.
type Options struct {
	// Faults plants known wrong rules: for oracle tests only (see Fault).
	Faults Fault
	// Interleave chooses another of the orders Erlang leaves open at each
	// instant (see interleave.go); 0 keeps the kernel's fixed order. verify
	// uses it to recognise OTP taking one of those orders.
	Interleave uint64
	// MaxProcesses is how many processes may be alive at once in this
	// world, as OTP's +P: a spawn or a child start past it raises
	// system_limit. 0, or anything above MaxProcesses, means MaxProcesses,
	// which also bounds the spawns of a world in all (its pid space).
	MaxProcesses int
	// MaxEvents bounds how many events one Run, Advance, Step or RunInstant
	// (and one synchronous supervisor call) runs before it stops at a safety
	// bound. 0, or anything above MaxRunEvents, means MaxRunEvents.
	MaxEvents int
	// MaxTrace bounds the trace: once it holds this many entries the world
	// runs no more events (every run stops at a safety bound) until Reset.
	// 0 means no bound beyond MaxEvents per run.
	MaxTrace int
}

// NewWithOptions returns an empty world like New, configured by o.
func NewWithOptions(seed uint64, o Options) *World {
	w := New(seed)
	w.faults = o.Faults
	w.interleave = o.Interleave
	w.irng = newRNG(o.Interleave)
	w.maxProcs = bound(o.MaxProcesses, MaxProcesses)
	w.maxEvents = bound(o.MaxEvents, MaxRunEvents)
	w.maxTrace = max(o.MaxTrace, 0)
	return w
}

// bound is limit when it is set and within most, else most.
func bound(limit, most int) int {
	if limit <= 0 || limit > most {
		return most
	}
	return limit
}

// Limits are a world's bounds as in force: the defaults filled in.
type Limits struct {
	MaxProcesses int // the process limit
	MaxEvents    int // events one run may run
	MaxTrace     int // trace entries the world may hold; 0 for no bound
}

// Limits returns the bounds w runs under.
func (w *World) Limits() Limits {
	return Limits{MaxProcesses: w.maxProcs, MaxEvents: w.maxEvents, MaxTrace: w.maxTrace}
}

// TraceFull reports that the trace holds MaxTrace entries: the world runs
// no more events until Reset.
func (w *World) TraceFull() bool { return w.maxTrace > 0 && w.trace.n >= w.maxTrace }

// atBound reports that a run which ran n events stopped at a safety bound
// rather than for want of events.
func (w *World) atBound(n int) bool { return n >= w.maxEvents || w.TraceFull() }
