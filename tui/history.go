package tui

import "github.com/crashcourse/crashcourse/scenarios"

// openHistory loads the history kept in path (see scenarios.OpenHistory)
// and keeps appending to it. A history that cannot be read or written is
// no reason to stop: the status line says so once, and the command line
// keeps its history in memory.
func (m *Model) openHistory(path string) {
	hist, entries, notes := scenarios.OpenHistory(path)
	m.hist, m.history = hist, entries
	if len(notes) > 0 {
		// Wrapped for the narrowest usual terminal: a path is long.
		m.msg, m.msgErr = scenarios.WrapAll(notes, noteWidth, 2), true
	}
}

// noteWidth is the width history notes are wrapped at, before the
// terminal's is known.
const noteWidth = 78

// remember adds a typed line to the history, as the REPL would keep it,
// dropping the oldest entries past scenarios.MaxHistoryEntries.
func (m *Model) remember(text string) {
	for _, e := range scenarios.HistoryEntries(text) {
		m.history = append(m.history, e)
		m.hist.Add(e)
	}
	if over := len(m.history) - scenarios.MaxHistoryEntries; over > 0 {
		m.history = append([]string(nil), m.history[over:]...)
	}
}

// closeHistory closes the history's file, once the model is done with.
func (m Model) closeHistory() error { return m.hist.Close() }
