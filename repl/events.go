package repl

import (
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// eventLines formats at most max of the trace entries r caused, indented
// by causal depth and wrapped to width columns (0: a line each), and says
// how many more there were. Plain lines are scenarios.LayEvents'; coloured
// ones read the same once their escapes are removed.
func (o *output) eventLines(w *sim.World, r scenarios.Result, max, width int) (lines []string, more int) {
	n := int(r.To) - int(r.From) + 1
	if n <= 0 {
		return nil, 0
	}
	if n > max {
		r.To = r.From + sim.Seq(max) - 1
		more = n - max
	}
	rows := scenarios.EventRows(w, r)
	if !o.color {
		return scenarios.LayEvents(rows, width), more
	}
	tw := scenarios.TimeWidth(rows)
	for i, row := range rows {
		lines = append(lines, o.colorRow(row, w.Entry(r.From+sim.Seq(i)), tw, width)...)
	}
	return lines, more
}

// colorRow is row's lines (see scenarios.EventRow.Lines), in colour: the
// head's columns, the text in the colour of its kind, the cause dimmed.
func (o *output) colorRow(row scenarios.EventRow, e sim.Entry, timeWidth, width int) []string {
	st := o.st
	plain := row.Lines(timeWidth, width)
	head := row.Head(timeWidth) // ASCII: its bytes are its columns
	hang := strings.Repeat(" ", len(head))
	text := o.kindStyle(e)
	for i, l := range plain {
		rest, prefix := l[len(head):], hang
		if i == 0 {
			prefix = st.time.Render(padRight(row.Time, timeWidth)) + " " + st.seq.Render(padRight(row.Seq, 5)) + " " +
				row.Indent + st.who.Render(padRight(row.Who, 10)) + " "
		}
		cause := ""
		if i == len(plain)-1 && row.Cause != "" {
			rest = strings.TrimSuffix(rest, row.Cause)
			cause = st.cause.Render(row.Cause)
		}
		body := strings.TrimRight(rest, " ")
		plain[i] = prefix + text.Render(body) + rest[len(body):] + cause
	}
	return plain
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
