package tui

import (
	"fmt"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// firstShown is the first of h rows to show so that row sel is visible.
func firstShown(sel, h, n int) int {
	if sel < h {
		return 0
	}
	return min(sel-h+1, max(n-h, 0))
}

// treeLines draws the visible rows of the tree pane, h at most.
func (m Model) treeLines(w, h int) []string {
	title := "supervision trees and processes"
	if m.focus == paneTree {
		title = m.st.Bold.Render(title)
	} else {
		title = m.st.Faint.Render(title)
	}
	lines := []string{title}
	if len(m.rows) == 0 {
		tip := "no processes yet: press : and type spawn a"
		if m.lessonOpen() {
			tip = "no processes: press : and type your answer"
		}
		return append(lines, m.st.Faint.Render(tip))
	}
	sel := m.selected()
	first := firstShown(max(sel, 0), h-1, len(m.rows))
	for i := first; i < len(m.rows) && len(lines) < h; i++ {
		line := m.rowText(m.rows[i])
		if i == sel {
			line = m.st.Selected.Render(ansi.Strip(fit(line, w)))
		}
		lines = append(lines, line)
	}
	return lines
}

// rowText draws one row: guides, fold mark, status symbol, name, pid,
// status in words, badges, then links and monitors.
func (m Model) rowText(r row) string {
	w := m.world()
	fold := "  "
	if r.hasSub {
		fold = "▾ "
		if r.folded {
			fold = "▸ "
		}
	}
	sym, status, st := m.status(r)
	if m.flashes(r.pid) {
		st = m.st.Flash
	}
	name := r.id
	if m.whyPid[r.pid] {
		name = m.st.WhyLink.Render(name)
	}
	parts := []string{r.prefix + fold + st.Render(sym) + " " + name}
	if r.pid != 0 {
		parts = append(parts, m.st.Faint.Render(r.pid.String()))
	}
	if hop := m.hopText(r.pid); hop != "" {
		parts = append(parts, m.st.Flash.Render("⚡ "+hop))
	}
	parts = append(parts, st.Render(status))
	if r.pid != 0 && w.Alive(r.pid) {
		parts = append(parts, m.badges(r)...)
	}
	return strings.Join(parts, " ")
}

// status gives a row's symbol, its state in words and its style, so that
// it reads the same without colour.
func (m Model) status(r row) (sym, word string, st lipgloss.Style) {
	w := m.world()
	switch {
	case r.pid == 0 && r.child.Restarting:
		return "↻", "restarting", m.st.Restarting
	case r.pid == 0:
		return "○", "not running", m.st.NotRunning
	case !w.Alive(r.pid):
		reason, _ := w.ExitReason(r.pid)
		return "✗", "dead: " + scenarios.Now(w).Term(reason), m.st.Dead
	case r.isSup:
		return "▣", m.supStatus(r.pid), m.st.Running
	}
	switch w.Activity(r.pid) {
	case sim.ActInit:
		return "◔", "in init", m.st.Init
	case sim.ActTerminating:
		return "◑", "terminating", m.st.Terminating
	case sim.ActHung:
		return "⏸", "hung", m.st.Hung
	case sim.ActServing:
		return "◐", "serving a call", m.st.Running
	case sim.ActCalling:
		return "◷", "in a call", m.st.Running
	}
	return "●", "running", m.st.Running
}

// supStatus is a supervisor's strategy and its restart budget now:
// restarts in the window against the intensity.
func (m Model) supStatus(p sim.Pid) string {
	v, _ := m.world().Supervisor(p)
	f := v.Flags
	s := fmt.Sprintf("%s %d/%d in %ds", f.Strategy, v.InWindow(m.world().Now()), f.Intensity, f.Period)
	if v.Busy != "" {
		s += " · " + v.Busy
	}
	return s
}

// badges are a live process's trap_exit flag, registered name, restart
// count, links (but the supervision link the tree draws) and monitors.
func (m Model) badges(r row) []string {
	w := m.world()
	var out []string
	if w.TrapExit(r.pid) && !r.isSup {
		out = append(out, m.st.Badge.Render("⚑trap_exit"))
	}
	if n := w.RegisteredName(r.pid); n != "" {
		out = append(out, m.st.Badge.Render("@"+n))
	}
	if r.child.Restarts > 0 {
		out = append(out, m.st.Restarting.Render(fmt.Sprintf("↻%d", r.child.Restarts)))
	}
	if l := m.otherLinks(r.pid); len(l) > 0 {
		out = append(out, m.st.Faint.Render("↔ "+strings.Join(l, ",")))
	}
	info := w.Info(r.pid)
	for _, mo := range info.Monitors {
		out = append(out, m.st.Faint.Render("→ "+w.Label(mo.Target)))
	}
	for _, mo := range info.MonitoredBy {
		if !w.IsSupervisor(mo.Watcher) {
			out = append(out, m.st.Faint.Render("← "+w.Label(mo.Watcher)))
		}
	}
	return out
}

// otherLinks labels p's links, leaving out those between a supervisor and
// its children.
func (m Model) otherLinks(p sim.Pid) []string {
	w := m.world()
	var out []string
	for _, l := range w.Links(p) {
		if (w.IsSupervisor(p) && w.Parent(l) == p) || (w.IsSupervisor(l) && w.Parent(p) == l) {
			continue
		}
		out = append(out, w.Label(l))
	}
	return out
}

// hopText says what happens to p at the cursor's entry while the cursor is
// in the past (stepping or playing): the row a signal reaches says so, so
// a cascade can be followed from hop to hop along the tree.
func (m Model) hopText(p sim.Pid) string {
	if p == 0 || m.tl.at == 0 || m.tl.live {
		return ""
	}
	if e := m.world().Entry(m.tl.at); e.Pid == p {
		return scenarios.Describe(m.world(), m.tl.at)
	}
	return ""
}

// flashes tells whether p died or started at the cursor's event.
func (m Model) flashes(p sim.Pid) bool {
	if p == 0 || m.tl.at == 0 || m.tl.live {
		return false
	}
	e := m.world().Entry(m.tl.at)
	switch e.Kind {
	case sim.KindExit, sim.KindSpawn:
		return e.Pid == p
	case sim.KindChildStarted:
		return e.Other == p
	}
	return false
}
