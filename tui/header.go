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

// statusLine is the input line while one is open, else the last message.
func (m Model) statusLine(w int) string {
	switch {
	case m.asking != promptNone:
		return fit(m.input.View(), w)
	case m.busy:
		return fit(m.st.Note.Render("running… (Esc or Ctrl-C interrupts)"), w)
	case len(m.msg) > 0:
		st := m.st.Pane
		if m.msgErr {
			st = m.st.Err
		}
		return fit(st.Render(strings.Join(m.msg, " ⏎ ")), w)
	}
	return fit(m.st.Faint.Render("select a process and press k to kill it, : to type a command, ? for every key"), w)
}
