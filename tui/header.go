package tui

import (
	"fmt"
	"strings"
)

// header names the scenario and says where the cursor is in time.
func (m Model) header(w int) string {
	tl := m.tl
	where := m.st.Running.Render("● live")
	if !tl.live {
		where = m.st.Note.Render("◀ past: a command here starts a new future")
	}
	if m.playing {
		where = m.st.Note.Render(fmt.Sprintf("▶ playing %d/s (+/- pace, p pause)", playSpeeds[m.speed]))
	}
	title := "crashcourse"
	if m.title != "" {
		title += " · " + m.title
	}
	s := m.st.Title.Render(title) + "  t=" + m.world().Now().String() +
		fmt.Sprintf("  event %d/%d  ", tl.at, tl.headLen()) + where
	return fit(s, w)
}

// maxErrLines is how many lines an error may take (message, source line
// and caret).
const maxErrLines = 3

// statusLines are the input line while one is open, else the last message:
// one line, an error with its caret on up to maxErrLines, or help.
func (m Model) statusLines(w int) []string {
	if m.showsHelpText() {
		return m.helpStatus(w)
	}
	if m.msgErr && m.asking == promptNone && !m.busy {
		lines := m.msg[max(len(m.msg)-maxErrLines, 0):]
		out := make([]string, len(lines))
		for i, l := range lines {
			out[i] = m.st.Err.Render(fit(l, w))
		}
		return out
	}
	return []string{m.statusLine(w)}
}

// showsHelpText reports whether the last message is what `:help` printed:
// execDone puts the command, "› help …", first. It takes several lines.
func (m Model) showsHelpText() bool {
	return !m.msgErr && m.asking == promptNone && !m.busy && len(m.msg) > 1 &&
		(m.msg[0] == "› help" || strings.HasPrefix(m.msg[0], "› help "))
}

// helpStatus shows help in up to half the screen; what does not fit is
// left to a narrower topic, or to the REPL.
func (m Model) helpStatus(w int) []string {
	h := m.height
	if h == 0 {
		h = 24
	}
	room := max(h/2-1, maxErrLines)
	lines := m.msg[1:]
	if len(lines) > room {
		more := len(lines) - room + 1
		lines = append(lines[:room-1:room-1], fmt.Sprintf("  … %d more lines: :help TOPIC shows one topic, crashcourse repl all of it", more))
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = fit(m.st.Pane.Render(l), w)
	}
	return out
}

// statusLine is the one status line: the input, a note, or a message.
func (m Model) statusLine(w int) string {
	switch {
	case m.asking != promptNone:
		return fit(m.input.View(), w)
	case m.busy:
		return fit(m.st.Note.Render(m.busyNote+" (Esc or Ctrl-C interrupts)"), w)
	case m.pendingHint() != "":
		return fit(m.st.Note.Render(m.pendingHint()), w)
	case len(m.msg) > 0:
		return fit(m.st.Pane.Render(strings.Join(m.msg, " ⏎ ")), w)
	}
	return fit(m.st.Faint.Render("select a process and press k to kill it, : to type a command, ? for every key"), w)
}

// pendingHint says that the world waits for time to pass, when it does:
// the world moves only when told to, which surprises a newcomer mid-restart.
func (m Model) pendingHint() string {
	w := m.world()
	next, ok := w.NextAt()
	if !ok || !m.tl.live {
		return ""
	}
	return fmt.Sprintf("%d events wait for time to pass (next at t=%v): press t to let 1s pass", w.Pending(), next)
}
