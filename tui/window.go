package tui

import (
	"fmt"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// windowLines draw the restart window of the selected supervisor (or of
// the selected child's): its restarts on a time axis in whole seconds,
// the sliding period drawn at the cursor, and the count against the
// intensity, so the restart that escalates can be seen coming.
func (m Model) windowLines(w, h int) []string {
	sup, ok := m.windowSup()
	if !ok {
		return []string{"restart window: select a supervisor or one of its children"}
	}
	wd := m.world()
	v, _ := wd.Supervisor(sup)
	f := v.Flags
	now := int64(wd.Now() / sim.Second)
	lines := []string{
		m.st.Bold.Render("restart window of " + wd.Label(sup)),
		fmt.Sprintf("%d restarts allowed per %ds", f.Intensity, f.Period),
		fmt.Sprintf("in the window: %d of %d", v.InWindow(wd.Now()), f.Intensity),
		m.st.Faint.Render(fmt.Sprintf("(since t=%ds, whole seconds)", max(now-int64(f.Period), 0))),
	}
	restarts := m.restartTimes(sup)
	lines = append(lines, m.axis(restarts, now, int64(f.Period), w-2)...)
	for i, e := range restarts {
		if len(lines) >= h-1 {
			break
		}
		in := int64(e.At/sim.Second) >= now-int64(f.Period)
		mark := m.st.WindowOut.Render(" ·old")
		if in {
			mark = m.st.WindowIn.Render(" ·counts")
		}
		lines = append(lines, fmt.Sprintf("#%d %v %s", i+1, e.At, m.restartText(e))+mark)
	}
	return append(lines, m.st.Faint.Render(fmt.Sprintf("#%d in the window: %s gives up", f.Intensity+1, wd.Label(sup))))
}

// windowSup is the supervisor the window view is about.
func (m Model) windowSup() (sim.Pid, bool) {
	r, ok := m.selectedRow()
	switch {
	case !ok:
		return 0, false
	case r.isSup && m.world().Alive(r.pid):
		return r.pid, true
	case r.sup != 0:
		return r.sup, true
	case r.pid != 0 && m.world().Supervised(r.pid) && m.world().Alive(m.world().Parent(r.pid)):
		return m.world().Parent(r.pid), true
	}
	return 0, false
}

// restartTimes are sup's restart entries up to the cursor.
func (m Model) restartTimes(sup sim.Pid) []sim.Entry {
	w := m.world()
	var out []sim.Entry
	for s := sim.Seq(1); s <= m.tl.at; s++ {
		if e := w.Entry(s); e.Kind == sim.KindRestart && e.Pid == sup {
			out = append(out, e)
		}
	}
	return out
}

func (m Model) restartText(e sim.Entry) string {
	w := m.world()
	return scenarios.Now(w).Term(w.Term(e.Term)) + " (" + w.Label(e.Other) + " exited)"
}

// axis draws seconds 0..now+1 across width columns: x for a restart, the
// window as ═ between brackets.
func (m Model) axis(restarts []sim.Entry, now, period int64, width int) []string {
	span := max(now+2, period+2)
	cols := max(width, 10)
	col := func(sec int64) int { return int(sec * int64(cols-1) / span) }
	cells := []rune(strings.Repeat("·", cols))
	for c := col(max(now-period, 0)); c <= col(now+1) && c < cols; c++ {
		cells[c] = '═'
	}
	cells[col(max(now-period, 0))] = '['
	if c := col(now + 1); c < cols {
		cells[c] = ']'
	}
	for _, e := range restarts {
		cells[col(int64(e.At/sim.Second))] = 'x'
	}
	scale := fmt.Sprintf("0s%*s", cols-2, fmt.Sprintf("%ds", span))
	return []string{string(cells), m.st.Faint.Render(scale)}
}
