package workshop

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// overlayFooter ends the overlay.
const overlayFooter = "↑/↓ scroll · Esc back to the world"

// lessonKeys is the reminder of the lesson's keys.
const lessonKeys = "L lesson · C check · H hint · N next · P previous · R restart · : command"

// View draws the lesson's two lines over the TUI, the overlay, or the
// prediction line.
func (m *learner) View() tea.View {
	v := m.app.View()
	body := v.Content
	if m.overlay != nil {
		body = m.overlayText()
	}
	if m.asking {
		lines := strings.Split(body, "\n")
		lines[len(lines)-1] = m.predict.View()
		body = strings.Join(lines, "\n")
	}
	v.Content = m.bar() + "\n" + body
	return v
}

// bar is the lesson's two lines: where the learner is, and the status or
// the keys.
func (m *learner) bar() string {
	mark := ""
	if m.progress().Passed {
		mark = " ✓"
	}
	top := fmt.Sprintf("Lesson %d/%d %s · exercise %d/%d: %s%s", m.rec.Lesson, len(m.room.cat.Lessons),
		m.lesson.Title, m.rec.Exercise, len(m.lesson.Exercises), m.ex.Title, mark)
	second := lessonKeys
	switch {
	case m.failure != nil:
		second = "progress not saved: " + m.failure.Error()
	case m.status != "":
		second = m.status
	}
	style := lipgloss.NewStyle().Reverse(true)
	if m.noColor {
		style = lipgloss.NewStyle().Bold(true)
	}
	w := max(m.width, 20)
	return style.Render(pad(top, w)) + "\n" + ansi.Truncate(second, w, "…")
}

// overlayText is the visible part of the overlay, filling the TUI's area.
func (m *learner) overlayText() string {
	h := max(m.height-2, 1)
	lines := m.overlay[min(m.scroll, len(m.overlay)):]
	lines = lines[:min(len(lines), h-1)]
	out := make([]string, 0, h)
	for _, l := range lines {
		out = append(out, ansi.Truncate(l, max(m.width, 20), "…"))
	}
	for len(out) < h-1 {
		out = append(out, "")
	}
	return strings.Join(append(out, overlayFooter), "\n")
}

// pad truncates or pads s to w cells.
func pad(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	return s + strings.Repeat(" ", max(w-ansi.StringWidth(s), 0))
}
