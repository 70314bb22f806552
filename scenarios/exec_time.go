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
			x.r.Note = sprintf("advance stopped at the safety bound of %s at t=%v; the rest is still pending", safetyBound(w), w.Now())
		}
	case "run":
		if err := x.checkClock(t); err != nil {
			return err
		}
		x.runWorld(t)
	case "step":
		n := w.Step(int(t.N))
		x.r.Ran = n
		switch {
		case n < int(t.N) && (n == w.Limits().MaxEvents || w.TraceFull()):
			x.r.Note = sprintf("step stopped at the safety bound of %s: %d of %s stepped", safetyBound(w), n, Count(int(t.N), "event", "events"))
		case n < int(t.N):
			x.r.Note = sprintf("nothing more to run: %d of %s stepped", n, Count(int(t.N), "event", "events"))
		}
	case "seed":
		w.Seed(uint64(t.N))
		x.s.seed = uint64(t.N)
		x.printf(sprintf("seeded with %d: chaos picks its victims and times from it (reset keeps it)", t.N))
	case "chaos":
		w.SetChaos(t.Rate, sim.FromDuration(t.Duration))
		x.printf(chaosText(t))
		x.runInstant()
	case "mark":
		x.s.mark = sim.Seq(w.TraceLen())
	case "reset":
		x.s.reset()
		x.printf(sprintf("a fresh world: t=0, no processes, pids and refs from the start, seed %d", x.s.seed))
	case "logs":
		x.s.logs = t.On
		x.printf(logsText(t.On))
	}
	return nil
}

// chaosText says what a chaos command set.
func chaosText(t *TimeCmd) string {
	switch {
	case t.Rate == 0:
		return "chaos off"
	case t.Duration <= 0:
		return sprintf("chaos: random processes crash with reason {chaos,[...]}, %g a second on average, until chaos 0", t.Rate)
	}
	return sprintf("chaos: random processes crash with reason {chaos,[...]}, %g a second on average, for %v", t.Rate, t.Duration)
}

// logsText says what logs on|off set.
func logsText(on bool) string {
	if on {
		return "logs on: after an event, the report OTP 25's logger would print for it, if any"
	}
	return "logs off"
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
	case bounded && w.TraceFull():
		x.r.Note = sprintf("run stopped at the safety bound of %s with events still pending", safetyBound(w))
	case bounded:
		x.r.Note = sprintf("run stopped at the safety bound (%s or %v of virtual time) with events still pending",
			safetyBound(w), sim.MaxRunSpan)
	}
}
