package scenarios

import "github.com/crashcourse/crashcourse/sim"

// MaxFileBytes is the largest scenario file any command reads (run,
// verify, export and the REPL's load, 16 MiB): a longer one is refused with
// a message, so a single file cannot take all the memory.
const MaxFileBytes = 16 << 20

// safetyBound names the bound a run stopped at: the events one command may
// run, or, once the world's trace is full, its trace entries (and that
// nothing more runs until reset).
func safetyBound(w *sim.World) string {
	l := w.Limits()
	if w.TraceFull() {
		return sprintf("%d trace entries (the trace is full: reset to go on)", l.MaxTrace)
	}
	return sprintf("%d events", l.MaxEvents)
}

// checkTreeSize refuses a supervision tree, or a count=N child, that would
// start more processes than the world's process limit, before anything is
// allocated for it. The parser refuses what passes the global limit; this
// is a session's own, lower limit (sim.Options.MaxProcesses). Across
// commands the world's limit holds as OTP's +P does: system_limit.
func (x *execution) checkTreeSize(pos Pos, n int) error {
	if most := x.w().Limits().MaxProcesses; n > most {
		return errorf(pos, "this supervision tree would start %d processes, more than this session's process limit of %d", n, most)
	}
	return nil
}

// supProcs is how many processes a written supervision tree starts.
func supProcs(s *SupSpec) int {
	n := 1
	for i := range s.Children {
		n += childProcs(&s.Children[i])
	}
	return n
}

// childProcs is how many processes a written child starts: count=N workers
// start N.
func childProcs(c *ChildSpec) int {
	if c.Sup != nil {
		return supProcs(c.Sup)
	}
	return max(c.Worker.Count, 1)
}
