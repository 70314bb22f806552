package tui

import (
	"slices"

	"github.com/charmbracelet/x/ansi"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// logEnd is the last entry the log shows: the selected one while the log
// is browsed, else the cursor's.
func (m Model) logEnd() sim.Seq {
	if m.logSel > 0 {
		return min(m.logSel, m.tl.at)
	}
	return m.tl.at
}

// logLines draw the event log, h lines: the trace up to the cursor in the
// REPL's words, newest at the bottom, each command's entries under the
// command (› kill a) and indented by causal depth within it; the
// cursor's cascade and a why chain stand out.
func (m Model) logLines(w, h int) []string {
	title := "event log"
	if m.focus == paneLog {
		title = m.st.Bold.Render(title + " (↑/↓ select an event, tab back to the tree)")
	} else {
		title = m.st.Faint.Render(title)
	}
	body := m.logBody(w, h-1)
	lines := append([]string{fit(title, w)}, body...)
	for len(lines) < h {
		lines = append(lines, fit("", w))
	}
	return lines
}

// logBody is the last n lines of the log, ending at logEnd.
func (m Model) logBody(w, n int) []string {
	wd := m.world()
	cFrom, cTo := m.tl.cascade()
	out := make([]string, 0, n)
	for s := m.logEnd(); s >= 1 && len(out) < n; s-- {
		from := m.tl.stepFrom(s)
		line := fit(scenarios.FormatEntryIn(wd, from, s), w)
		switch {
		case m.focus == paneLog && s == m.logSel:
			line = m.st.Selected.Render(ansi.Strip(line))
		case m.why[s]:
			line = m.st.WhyLink.Render(line)
		case s >= cFrom && s <= cTo:
			line = m.st.Cascade.Render(line)
		}
		out = append(out, line)
		// A command's title goes over its first entry; the entries before
		// the first command (a lesson's setup) have none.
		if i := m.tl.holder(s); i < len(m.tl.steps) && m.tl.steps[i].from == s && len(out) < n {
			out = append(out, fit(m.st.Bold.Render("› "+m.tl.steps[i].cmd.Text), w))
		}
	}
	slices.Reverse(out)
	return out
}

// explain highlights the why chain of the selected dead process: its
// entries in the log, and the processes the signal went through in the
// tree.
func (m Model) explain() Model {
	r, ok := m.selectedRow()
	w := m.world()
	if !ok || r.pid == 0 || w.Alive(r.pid) {
		m.msg, m.msgErr = []string{"w explains a death: select a dead process (✗)"}, true
		return m
	}
	m.why, m.whyPid = map[sim.Seq]bool{}, map[sim.Pid]bool{}
	for _, s := range w.Why(r.pid) {
		e := w.Entry(s)
		m.why[s] = true
		m.whyPid[e.Pid] = true
		if e.Other != 0 && e.Kind != sim.KindSpawn {
			m.whyPid[e.Other] = true
		}
	}
	m.msg, m.msgErr = []string{"the why chain of " + r.id + " is highlighted in the log and the tree (esc clears it)"}, false
	return m
}
