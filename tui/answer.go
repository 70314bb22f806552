package tui

import "github.com/crashcourse/crashcourse/scenarios"

// MaxTypedBytes bounds the command line, as the REPL bounds its prompt
// (the bound of an entry of the history they share): longer input belongs
// in a file.
const MaxTypedBytes = scenarios.MaxTypedBytes

// Preload runs cmds at the head, as typed lines would, and moves the
// cursor to the end of their trace: what a scenario's commands, or a
// resumed lesson's, did before the TUI opens.
func (m *Model) Preload(cmds []*scenarios.Command) {
	for _, c := range cmds {
		m.tl.exec(c, nil)
	}
	m.tl.seek(m.tl.headLen())
	m.refresh()
}

// Commands are the texts of the commands that made the world at the
// head, in order, since the TUI opened or the last reset: a command typed
// in the past replaced the ones after it. ok is false while a command
// runs (the history is changing).
func (m Model) Commands() (texts []string, ok bool) {
	if m.busy {
		return nil, false
	}
	for _, st := range m.tl.steps {
		texts = append(texts, st.cmd.Text)
	}
	return texts, true
}

// Typing reports whether keys belong to the TUI whatever they are: its
// input line is open or a command runs.
func (m Model) Typing() bool { return m.busy || m.asking != promptNone }
