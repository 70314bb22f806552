package tui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Smallest terminal the panes fit in; below it a single line says so.
const (
	minWidth  = 40
	minHeight = 10
)

// View draws the whole screen at the cursor.
func (m Model) View() tea.View {
	content := m.frozen
	if !m.busy {
		content = m.render()
	}
	v := tea.NewView(content)
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "crashcourse"
	return v
}

// render draws the screen: header, tree and inspector side by side, the
// event log, the message or input line, and the key reminder.
func (m Model) render() string {
	w, h := m.width, m.height
	if w == 0 || h == 0 {
		w, h = 80, 24
	}
	if w < minWidth || h < minHeight {
		return fit("terminal too small: crashcourse needs 40x10", w)
	}
	l := m.layout()
	logH, bodyH := l.logH, l.bodyH
	var b strings.Builder
	b.WriteString(m.header(w))
	b.WriteByte('\n')
	b.WriteString(m.body(w, bodyH))
	b.WriteByte('\n')
	b.WriteString(strings.Join(m.logLines(w, logH), "\n"))
	b.WriteByte('\n')
	b.WriteString(strings.Join(m.statusLines(w), "\n"))
	b.WriteByte('\n')
	b.WriteString(fit(m.help.ShortHelpView(m.keys.ShortHelp()), w))
	return b.String()
}

// body is the tree beside the inspector (or the restart window), or the
// help screen.
func (m Model) body(w, h int) string {
	if m.showHelp {
		return block(strings.Split(m.help.FullHelpView(m.keys.FullHelp()), "\n"), w, h)
	}
	if m.page != nil {
		return block(m.pageLines(h), w, h)
	}
	left := w * 11 / 20
	right := w - left - 3
	tree := m.treeLines(left, h)
	var side []string
	switch {
	case m.showLesson && m.lessonOpen():
		side = m.lessonLines(right, h)
	case m.showWindow:
		side = m.windowLines(right, h)
	default:
		side = m.inspectorLines(right, h)
	}
	lines := make([]string, h)
	for i := range lines {
		lines[i] = fit(at(tree, i), left) + m.st.Faint.Render(" │ ") + fit(at(side, i), right)
	}
	return strings.Join(lines, "\n")
}

func at(lines []string, i int) string {
	if i < len(lines) {
		return lines[i]
	}
	return ""
}

// block fits lines into a w×h rectangle.
func block(lines []string, w, h int) string {
	out := make([]string, h)
	for i := range out {
		out[i] = fit(at(lines, i), w)
	}
	return strings.Join(out, "\n")
}

// fit cuts s (which may hold escapes) to w cells and pads it to w.
func fit(s string, w int) string {
	s = ansi.Truncate(s, w, "…")
	if n := ansi.StringWidth(s); n < w {
		s += strings.Repeat(" ", w-n)
	}
	return s
}
