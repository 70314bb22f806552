package sim

// Fault is a set of known wrong rules a World can be made to follow. It
// exists for oracle tests only: each fault departs from OTP in one
// documented way, and a test shows that `crashcourse verify` reports the
// departure against the real runtime (and agrees once the fault is gone).
// Nothing in the product sets a fault; a World from New has none.
type Fault uint32

// The planted faults. Each names the wrong rule the World follows with it.
const (
	// FaultOneForAllRestartsOnlyFailed makes one_for_all behave like
	// one_for_one: only the child that exited is restarted, its siblings
	// are left running (OTP: all are terminated and restarted, fact E23).
	FaultOneForAllRestartsOnlyFailed Fault = 1 << iota
	// FaultKillTrappable makes exit(P, kill) an ordinary signal: a
	// trapping P receives {'EXIT', From, kill} and lives, a non-trapping P
	// dies with kill (OTP: P dies with killed whatever it traps, fact A5).
	FaultKillTrappable
	// FaultIntensityWindowLonger counts restarts over Period+1 seconds
	// instead of Period (OTP: stamps with Stamp >= Now - Period, fact E22).
	FaultIntensityWindowLonger
	// FaultMonitorsBeforeLinks makes a dying process send its DOWNs before
	// its link exit signals (OTP 25 signals links first: a process both
	// linked and monitoring gets the EXIT before the DOWN).
	FaultMonitorsBeforeLinks
	// FaultNormalExitKillsLinked makes a link exit signal with reason
	// normal kill a non-trapping receiver (OTP ignores it, fact A7).
	FaultNormalExitKillsLinked
	// FaultStopInStartOrder makes a supervisor that shuts down terminate
	// its children in start order (OTP: reverse start order, fact E21).
	FaultStopInStartOrder
	// FaultTrapSavesCaller lets a trapping caller live on when its call
	// fails, as if it had caught the exit (OTP: the failure is exit/1 of
	// the caller itself, which trapping does not stop).
	FaultTrapSavesCaller
	// FaultSkipDeadCallers makes a worker skip a queued request whose
	// caller has died (OTP: gen_server serves it all the same).
	FaultSkipDeadCallers
)

// faulty reports whether the World follows the planted wrong rule f.
func (w *World) faulty(f Fault) bool { return w.faults&f != 0 }
