package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/sim"
)

// Update routes a message to what handles it.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.help.SetWidth(msg.Width)
		m.input.SetWidth(max(msg.Width-4, 1))
		return m.repage(), nil
	case tea.BackgroundColorMsg:
		m.dark = msg.IsDark()
		m.restyle()
		return m.repage(), nil
	case execDoneMsg:
		return m.execDone(msg), nil
	case checkDoneMsg:
		return m.checkDone(msg), nil
	case tickMsg:
		return m.tick(msg)
	case tea.MouseClickMsg:
		return m.click(msg.Mouse()), nil
	case tea.KeyPressMsg:
		if m.busy {
			return m.busyKey(msg), nil
		}
		if m.asking != promptNone {
			return m.inputKey(msg)
		}
		return m.key(msg)
	}
	return m, nil
}

// key handles a key of the panes.
func (m Model) key(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = !m.showHelp
	case key.Matches(msg, k.Escape):
		m.showHelp, m.showWindow, m.why, m.whyPid, m.logSel, m.page = false, false, nil, nil, 0, nil
	case key.Matches(msg, k.Command):
		return m.ask(promptCommand, "")
	case m.showHelp:
		// only the keys above work over the help screen
	case key.Matches(msg, k.Page):
		m = m.togglePage()
	case m.page != nil:
		m, _ = m.scrollPage(msg) // only scrolling works over the lesson's page
	case key.Matches(msg, k.Up, k.Down, k.Fold, k.Focus):
		m = m.navigate(msg)
	case key.Matches(msg, k.Step, k.Back, k.Forward, k.Start, k.End, k.Play, k.Pause, k.Faster, k.Slower):
		return m.timeKey(msg)
	case key.Matches(msg, k.Kill, k.Crash, k.Exit, k.Normal, k.Hang):
		return m.faultKey(msg)
	case key.Matches(msg, k.Wait):
		return m.runLine("advance 1s")
	case key.Matches(msg, k.Why):
		m = m.explain()
	case key.Matches(msg, k.Window):
		m.showWindow, m.showLesson = !m.showWindow, false
	case key.Matches(msg, k.Lesson):
		if !m.lessonOpen() {
			return m.ask(promptCommand, "lesson ")
		}
		m.showLesson = !m.showLesson
	}
	return m, nil
}

// busyKey handles a key while a command runs: Ctrl-C and Esc interrupt
// it, at the event it reached; anything else waits.
func (m Model) busyKey(msg tea.KeyPressMsg) Model {
	if key.Matches(msg, m.keys.Quit, m.keys.Escape) {
		m.stop.Store(true)
	}
	return m
}

// navigate moves the selection, folds a row, or switches panes.
func (m Model) navigate(msg tea.KeyPressMsg) Model {
	k := m.keys
	switch {
	case key.Matches(msg, k.Focus):
		m.focus = 1 - m.focus
		m.logSel = 0
		if m.focus == paneLog {
			m.logSel = m.tl.at
		}
	case m.focus == paneLog:
		m = m.moveLog(msg)
	case key.Matches(msg, k.Fold):
		if r, ok := m.selectedRow(); ok && r.hasSub {
			m.folded[r.key] = !m.folded[r.key]
			m.refresh()
		}
	default:
		m.moveTree(key.Matches(msg, k.Down))
	}
	return m
}

// moveTree moves the tree selection one row down or up.
func (m *Model) moveTree(down bool) {
	i := m.selected()
	switch {
	case len(m.rows) == 0:
		return
	case down && i < len(m.rows)-1:
		i++
	case !down && i > 0:
		i--
	}
	m.sel = m.rows[max(i, 0)].key
}

// moveLog moves the log selection and selects the process of the entry.
func (m Model) moveLog(msg tea.KeyPressMsg) Model {
	switch {
	case key.Matches(msg, m.keys.Down) && m.logSel < m.tl.at:
		m.logSel++
	case key.Matches(msg, m.keys.Up) && m.logSel > 1:
		m.logSel--
	}
	if m.logSel > 0 {
		m.selectPid(m.world().Entry(m.logSel).Pid)
	}
	return m
}

// selectPid selects the row showing pid, if any.
func (m *Model) selectPid(pid sim.Pid) {
	for _, r := range m.rows {
		if r.pid == pid && pid != 0 {
			m.sel = r.key
			return
		}
	}
}
