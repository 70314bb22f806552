package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/sim"
)

// layout is where the panes are, in rows of the screen.
type layout struct {
	bodyTop, bodyH, logTop, logH int
	left                         int // width of the tree pane
}

func (m Model) layout() layout {
	w, h := m.width, m.height
	if w == 0 || h == 0 {
		w, h = 80, 24
	}
	logH := max(4, (h-3)/3)
	bodyH := h - logH - 2 - len(m.statusLines(w))
	return layout{bodyTop: 1, bodyH: bodyH, logTop: 1 + bodyH, logH: logH, left: w * 11 / 20}
}

// click selects the tree row or the log entry under the pointer.
func (m Model) click(p tea.Mouse) Model {
	if m.busy || m.showHelp || m.page != nil {
		return m
	}
	l := m.layout()
	switch {
	case p.Y > l.bodyTop && p.Y < l.bodyTop+l.bodyH && p.X < l.left:
		first := firstShown(max(m.selected(), 0), l.bodyH-1, len(m.rows))
		if i := first + p.Y - l.bodyTop - 1; i < len(m.rows) {
			m.sel, m.focus, m.logSel = m.rows[i].key, paneTree, 0
		}
	case p.Y > l.logTop && p.Y < l.logTop+l.logH:
		end := m.logEnd()
		first := max(int(end)-(l.logH-1)+1, 1)
		if s := first + p.Y - l.logTop - 1; s <= int(end) {
			m.focus = paneLog
			m.logSel = sim.Seq(s)
			m.selectPid(m.world().Entry(m.logSel).Pid)
		}
	}
	return m
}
