package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
)

// pageFooter ends the lesson's page.
const pageFooter = "↑/↓ pgup/pgdown scroll · L or esc back to the world"

// showPage renders the open lesson's page (its explanation, then the
// exercise) at the screen's width; the page replaces the panes until
// closed.
func (m Model) showPage() Model {
	style := "light"
	switch {
	case m.plain:
		style = "notty"
	case m.dark:
		style = "dark"
	}
	w := m.width
	if w == 0 {
		w = 80
	}
	page := m.lesson.Page(max(w-2, 20), style, true)
	if v := m.lesson.Verdict; v != nil {
		// The pane cuts a long check short; here it is whole, first.
		page = "Your last check:\n" + indent(v.Report()) + "\n" + page
	}
	m.page, m.pageTop = strings.Split(strings.TrimRight(page, "\n"), "\n"), 0
	return m
}

// indent indents every line of text by two spaces.
func indent(text string) string {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return strings.Join(lines, "\n") + "\n"
}

// repage renders the page again, when it is shown, for a new width or
// background.
func (m Model) repage() Model {
	if m.page == nil {
		return m
	}
	top := m.pageTop
	m = m.showPage()
	m.pageTop = min(top, max(len(m.page)-1, 0))
	return m
}

// togglePage shows the open lesson's page, or closes it.
func (m Model) togglePage() Model {
	switch {
	case m.page != nil:
		m.page = nil
		return m
	case !m.lessonOpen():
		return m.say("no lesson is open: type lesson (the list) or lesson N", true)
	}
	return m.showPage()
}

// scrollPage scrolls the page by a line (up, down) or a screen (pgup,
// pgdown); ok is false for any other key.
func (m Model) scrollPage(msg tea.KeyPressMsg) (_ Model, ok bool) {
	step := max(m.layout().bodyH-1, 1)
	switch msg.String() {
	case "up":
		m.pageTop--
	case "down":
		m.pageTop++
	case "pgup":
		m.pageTop -= step
	case "pgdown":
		m.pageTop += step
	default:
		return m, false
	}
	m.pageTop = max(0, min(m.pageTop, len(m.page)-step))
	return m, true
}

// pageLines are the page's lines in view, then the footer.
func (m Model) pageLines(h int) []string {
	lines := m.page[min(m.pageTop, len(m.page)):]
	lines = lines[:min(len(lines), h-1)]
	out := make([]string, h-1, h)
	copy(out, lines)
	return append(out, m.st.Faint.Render(pageFooter))
}
