package scenarios

import "github.com/crashcourse/crashcourse/sim"

// time performs advance, run, step, seed, chaos, mark, reset and logs.
func (x *execution) time(t *TimeCmd) error {
	w := x.w()
	switch x.c.Verb {
	case "advance":
		if err := x.checkClock(t); err != nil {
			return err
		}
		n, bounded := w.Advance(sim.FromDuration(t.Duration))
		x.r.Ran = n
		if bounded {
			x.r.Note = sprintf("advance stopped at the safety bound of %d events at t=%v; the rest is still pending", sim.MaxRunEvents, w.Now())
		}
	case "run":
		if err := x.checkClock(t); err != nil {
			return err
		}
		x.runWorld(t)
	case "step":
		n := w.Step(int(t.N))
		x.r.Ran = n
		if n < int(t.N) {
			x.r.Note = sprintf("nothing more to run: %d of %s stepped", n, Count(int(t.N), "event", "events"))
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
	case "logs":
		x.s.logs = t.On
	}
	return nil
}

// checkClock refuses to move the clock past sim.MaxTime.
func (x *execution) checkClock(t *TimeCmd) error {
	now := x.w().Now()
	if d := sim.FromDuration(t.Duration); d > sim.MaxTime-now {
		return errorf(x.c.Pos, "the clock is at %v: %v more would take it past its maximum of %s", now, d, sim.MaxTimeText)
	}
	return nil
}

func (x *execution) runWorld(t *TimeCmd) {
	w := x.w()
	n, bounded := w.Run(sim.FromDuration(t.Duration))
	x.r.Ran = n
	switch {
	case bounded && w.Now() == sim.MaxTime:
		x.r.Note = sprintf("run stopped at the clock's maximum of %s with events still pending", sim.MaxTimeText)
	case bounded:
		x.r.Note = sprintf("run stopped at the safety bound (%d events or %v of virtual time) with events still pending",
			sim.MaxRunEvents, sim.MaxRunSpan)
	}
}
