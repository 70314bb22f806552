package sim

// World is one simulation: a virtual clock, the event queue, the process
// table, the registry, monitors, timers and the trace. The zero value is not
// usable; call New.
type World struct {
	now        Time
	q          queue
	trace      trace
	procs      procTable // entry i is pid FirstPid+i
	exts       []*procExt
	linkSets   []linkSet
	freeSets   []int32            // recycled indexes of linkSets, 1-based
	names      map[string]Pid     // process name → latest incarnation
	namesCoW   bool               // names is shared with a clone: copy it before a write
	nameOf     appendOnly[int32]  // entry i: 1 + index in nameTab of pid FirstPid+i's name, 0 if anonymous; ends at the last named pid
	nameTab    appendOnly[string] // process names in spawn order
	registry   map[string]Pid     // registered name → pid (live only)
	mons       []monitor
	timers     []timer
	refs       []refTarget // refs[K-1]: what #Ref<K> denotes
	terms      []Term      // TermID → term; append-only
	live       int
	rng        rng
	chaos      chaos
	victims    victims // chaos's index of candidates, while chaos is on
	cause      Seq     // cause recorded by actions: 0 for commands from outside
	calls      []*call
	gcalls     []genCall           // gen_server calls in the order made
	topSups    []Pid               // top-level supervisors in start order
	shellAcks  map[Pid]startResult // start results the shell waits for
	supTokens  uint32
	faults     Fault  // planted wrong rules, for oracle tests only
	interleave uint64 // Options.Interleave: 0 is the fixed order
	irng       rng    // chooses the interleaving when interleave > 1
	maxProcs   int    // Options.MaxProcesses (tests also lower it directly)
	maxEvents  int    // Options.MaxEvents
	maxTrace   int    // Options.MaxTrace: 0 for no bound

	interrupt   func() bool // see SetInterrupt
	interrupted bool
}

// New returns an empty world at time 0 whose PRNG is seeded with seed.
func New(seed uint64) *World {
	w := &World{
		names:     map[string]Pid{},
		registry:  map[string]Pid{},
		rng:       newRNG(seed),
		shellAcks: map[Pid]startResult{},
		maxProcs:  MaxProcesses,
		maxEvents: MaxRunEvents,
	}
	w.terms = append(w.terms, fixedTerms[:]...)
	return w
}

// Reset makes w an empty world seeded with seed, in place (so every holder
// of w sees the fresh world), keeping its options (planted faults,
// interleaving, limits): no processes, clock 0, trace empty, pids and refs
// counting from the start again.
func (w *World) Reset(seed uint64) {
	*w = *NewWithOptions(seed, Options{Faults: w.faults, Interleave: w.interleave, MaxProcesses: w.maxProcs, MaxEvents: w.maxEvents, MaxTrace: w.maxTrace})
}

// Now is the current virtual time.
func (w *World) Now() Time { return w.now }

// Seed reseeds the PRNG: what chaos does next depends only on this seed and
// the actions that follow.
func (w *World) Seed(seed uint64) { w.rng = newRNG(seed) }

// TermID names a term interned in a World. Events and trace entries hold
// TermIDs rather than terms so that they contain no pointers.
type TermID int32

// Terms every world interns first, at fixed IDs. ID 0 means "no term".
const (
	tNone TermID = iota
	tNormal
	tKill
	tKilled
	tNoproc
	tShutdown
	tTrue
	tFalse
	tBadargError
	tNoprocError
	tSystemLimitError
	fixedTermCount
)

var fixedTerms = [fixedTermCount]Term{
	tNone: Atom("undefined"), tNormal: Normal, tKill: Kill, tKilled: Killed, tNoproc: NoProc,
	tShutdown: Shutdown, tTrue: True, tFalse: False,
	tBadargError: ErrorReason(Badarg), tNoprocError: ErrorReason(NoProc),
	tSystemLimitError: ErrorReason(Atom("system_limit")),
}

// Term returns the term an entry or message refers to.
func (w *World) Term(id TermID) Term { return w.terms[id] }

// intern stores t and returns its ID. The atoms the kernel compares against
// (normal, kill, killed, ...) always get their fixed IDs.
func (w *World) intern(t Term) TermID {
	if a, ok := t.(Atom); ok {
		for id := tNormal; id <= tFalse; id++ {
			if fixedTerms[id] == a {
				return id
			}
		}
	}
	w.terms = append(w.terms, t)
	return TermID(len(w.terms) - 1)
}

// record appends an entry stamped with the current time.
func (w *World) record(e Entry) Seq {
	e.At = w.now
	return w.trace.add(e)
}
