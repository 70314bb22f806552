package scenarios

import "github.com/crashcourse/crashcourse/sim"

// time performs advance, run, step, seed, chaos, mark and reset.
func (x *execution) time(t *TimeCmd) error {
	w := x.w()
	switch x.c.Verb {
	case "advance":
		n, bounded := w.Advance(sim.FromDuration(t.Duration))
		x.r.Ran = n
		if bounded {
			x.r.Note = sprintf("advance stopped at the safety bound of %d events at t=%v; the rest is still pending", sim.MaxRunEvents, w.Now())
		}
	case "run":
		x.runWorld(t)
	case "step":
		n := w.Step(int(t.N))
		x.r.Ran = n
		if n < int(t.N) {
			x.r.Note = sprintf("nothing more to run: %d of %d events stepped", n, t.N)
		}
	case "seed":
		w.Seed(uint64(t.N))
		x.s.seed = uint64(t.N)
	case "chaos":
		w.SetChaos(t.Rate, sim.FromDuration(t.Duration))
		x.runInstant()
	case "mark":
		x.s.mark = sim.Seq(w.TraceLen())
	case "reset":
		x.s.reset()
	}
	return nil
}

func (x *execution) runWorld(t *TimeCmd) {
	n, bounded := x.w().Run(sim.FromDuration(t.Duration))
	x.r.Ran = n
	if bounded {
		x.r.Note = sprintf("run stopped at the safety bound (%d events or %v of virtual time) with events still pending",
			sim.MaxRunEvents, sim.MaxRunSpan)
	}
}
