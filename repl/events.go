package repl

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// eventLines formats at most max of the trace entries r caused, one a
// line, indented by causal depth, and says how many more there were.
// Plain lines are scenarios.EventLines'; coloured ones read the same once
// their escapes are removed.
func (o *output) eventLines(w *sim.World, r scenarios.Result, max int) (lines []string, more int) {
	n := int(r.To) - int(r.From) + 1
	if n <= 0 {
		return nil, 0
	}
	if n > max {
		r.To = r.From + sim.Seq(max) - 1
		more = n - max
	}
	if !o.color {
		return scenarios.EventLines(w, r), more
	}
	for i, d := range scenarios.Depths(w, r) {
		s := r.From + sim.Seq(i)
		lines = append(lines, o.colorEntry(w, s, w.Entry(s), d))
	}
	return lines, more
}

// colorEntry is scenarios' entry format, in colour.
func (o *output) colorEntry(w *sim.World, s sim.Seq, e sim.Entry, depth int) string {
	st := o.st
	line := st.time.Render(padRight(e.At.String(), 7)) + " " +
		st.seq.Render(padRight("#"+itoa(int(s)), 5)) + " " +
		strings.Repeat("  ", depth) + st.who.Render(padRight(scenarios.Who(w, s), 10)) + " " +
		o.kindStyle(e).Render(scenarios.Describe(w, s))
	if e.Cause != 0 {
		line += st.cause.Render("   ← #" + itoa(int(e.Cause)))
	}
	return line
}

// kindStyle colours an event by what it means for the story: deaths and
// give-ups red, trapped signals and supervisor reports yellow, births and
// restarts green, messages and calls cyan.
func (o *output) kindStyle(e sim.Entry) lipgloss.Style {
	switch e.Kind {
	case sim.KindExit, sim.KindChaos, sim.KindSupervisorShutdown, sim.KindUnhealthy, sim.KindTimeout:
		return o.st.death
	case sim.KindSignal:
		return o.signalStyle(e)
	case sim.KindChildTerminated, sim.KindStartError, sim.KindShutdownError, sim.KindAutoShutdown,
		sim.KindBackoff, sim.KindHealthCheck, sim.KindHang, sim.KindTerminate:
		return o.st.trap
	case sim.KindSpawn, sim.KindChildStarted, sim.KindRestart, sim.KindRecover:
		return o.st.birth
	case sim.KindMessage, sim.KindDown, sim.KindTimer, sim.KindCall, sim.KindReply:
		return o.st.mail
	}
	return lipgloss.NewStyle()
}

// signalStyle: a signal that kills is red, one trapped yellow.
func (o *output) signalStyle(e sim.Entry) lipgloss.Style {
	switch {
	case e.Has(sim.FlagFatal):
		return o.st.death
	case e.Has(sim.FlagTrapped):
		return o.st.trap
	}
	return lipgloss.NewStyle()
}
