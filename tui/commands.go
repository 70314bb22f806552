package tui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/scenarios"
)

// inputFile names typed lines in error positions.
const inputFile = "<tui>"

// execDoneMsg reports the commands of one line, run by a tea.Cmd.
type execDoneMsg struct {
	results []scenarios.Result
	forked  bool
}

// ask opens the input line.
func (m Model) ask(p prompt, value string) (tea.Model, tea.Cmd) {
	m.asking = p
	m.input.Prompt = ": "
	if p == promptReason {
		m.input.Prompt = "exit reason: "
	}
	m.input.SetValue(value)
	m.input.CursorEnd()
	m.histAt = len(m.history)
	return m, m.input.Focus()
}

// inputKey edits the input line: Enter runs it, Tab completes, ↑/↓ walk
// the history, Esc abandons it.
func (m Model) inputKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch msg.String() {
	case "esc", "ctrl+c":
		m.asking = promptNone
		m.input.Blur()
		return m, nil
	case "enter":
		return m.submit()
	case "tab":
		m.complete()
		return m, nil
	case "up", "down":
		m.walkHistory(msg.String() == "up")
		return m, nil
	}
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	return m, cmd
}

// submit runs what the input line holds.
func (m Model) submit() (tea.Model, tea.Cmd) {
	text := strings.TrimSpace(m.input.Value())
	p := m.asking
	m.asking = promptNone
	m.input.Blur()
	if text == "" {
		return m, nil
	}
	if p == promptReason {
		r, _ := m.selectedRow()
		return m.runLine(r.id + ": exit " + text)
	}
	m.typed++
	m.remember(text)
	if isLessonLine(text) {
		return m.lessonLine(text)
	}
	return m.runLine(text)
}

// complete completes the word before the cursor, as the REPL does: one
// candidate replaces it, several extend it to their common prefix and are
// listed.
func (m *Model) complete() {
	line := m.input.Value()[:m.input.Position()]
	word, cands := scenarios.Completer{Names: m.names}.Complete(line, false)
	if len(cands) == 0 {
		return
	}
	repl := cands[0]
	if len(cands) > 1 {
		repl = commonPrefix(cands)
		m.msg, m.msgErr = []string{strings.Join(cands, "  ")}, false
	}
	m.input.SetValue(line[:len(line)-len(word)] + repl + m.input.Value()[len(line):])
	m.input.SetCursor(len(line) - len(word) + len(repl))
}

func commonPrefix(words []string) string {
	p := words[0]
	for _, w := range words[1:] {
		for !strings.HasPrefix(w, p) {
			p = p[:len(p)-1]
		}
	}
	return p
}

// walkHistory replaces the input with an earlier or later typed line.
func (m *Model) walkHistory(up bool) {
	switch {
	case up && m.histAt > 0:
		m.histAt--
	case !up && m.histAt < len(m.history):
		m.histAt++
	default:
		return
	}
	v := ""
	if m.histAt < len(m.history) {
		v = m.history[m.histAt]
	}
	m.input.SetValue(v)
	m.input.CursorEnd()
}

// runLine parses text and runs its commands at the cursor in a tea.Cmd,
// so that a long one can be interrupted. A parse error runs nothing and
// is shown with its caret.
func (m Model) runLine(text string) (tea.Model, tea.Cmd) {
	cmds, err := scenarios.ParseLine(inputFile, m.typed, text)
	if err != nil {
		m.msg, m.msgErr = caretLines(err), true
		return m, nil
	}
	m = m.startBusy("running…")
	tl, stop := m.tl, m.stop
	return m, func() tea.Msg {
		var done execDoneMsg
		for _, c := range cmds {
			r, forked := tl.exec(c, stop.Load)
			done.results = append(done.results, r)
			done.forked = done.forked || forked
			if r.Interrupted {
				break
			}
		}
		return done
	}
}

// caretLines shows a parse error as the REPL does: message, line, caret.
func caretLines(err error) []string {
	var list scenarios.ErrorList
	if errors.As(err, &list) {
		return strings.Split(list.Caret(), "\n")
	}
	return []string{err.Error()}
}

// execDone shows what the commands printed, or their error.
func (m Model) execDone(d execDoneMsg) Model {
	m.busy, m.frozen = false, ""
	m.msg, m.msgErr = nil, false
	if d.forked {
		m.msg = append(m.msg, "the cursor was in the past: this command started a new future there")
	}
	for _, r := range d.results {
		m.msg = append(m.msg, "› "+r.Cmd.Text)
		m.msg = append(m.msg, m.helpLines(r)...)
		if r.Note != "" {
			// A note says the command stopped short (a safety bound, an
			// interrupt): shown as an error is, so no hint hides it.
			m.msg, m.msgErr = append(m.msg, r.Note), true
		}
		if r.Check != nil && !r.Check.Pass {
			m.msg, m.msgErr = append(m.msg, "FAIL: expected "+r.Check.Want+", got "+r.Check.Got), true
		}
		if r.Err != nil {
			m.msg, m.msgErr = append(m.msg, strings.Split(r.Err.Caret(), "\n")...), true
		}
	}
	if n := len(d.results); n > 0 && !m.msgErr && d.results[n-1].To-d.results[n-1].From >= 2 {
		m.msg = append(m.msg, "r replays it event by event, ← steps back")
	}
	m.refresh()
	for _, r := range d.results {
		m.names.NoteRefs(r.Cmd, r)
	}
	return m
}

// helpLines are what a command printed; help is asked again at the width
// of the status area, whose lines are indented by 2.
func (m Model) helpLines(r scenarios.Result) []string {
	if r.Cmd.Verb != "help" || r.Err != nil {
		return r.Lines
	}
	w := m.width
	if w == 0 {
		w = 80
	}
	lines, _ := scenarios.Help(r.Cmd.Show.Topic, w-2)
	for i, l := range lines {
		lines[i] = "  " + l
	}
	return lines
}

// faultKey turns a fault key into the command it stands for, on the
// selected process.
func (m Model) faultKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	r, ok := m.selectedRow()
	if !ok || r.pid == 0 {
		m.msg, m.msgErr = []string{"select a running process first"}, true
		return m, nil
	}
	k := m.keys
	if r.isSup && !key.Matches(msg, k.Kill) {
		m.msg, m.msgErr = []string{"a supervisor never acts: kill it (k), or crash one of its children"}, true
		return m, nil
	}
	switch {
	case key.Matches(msg, k.Kill):
		return m.runLine("kill " + r.id)
	case key.Matches(msg, k.Crash):
		return m.runLine(r.id + ": crash")
	case key.Matches(msg, k.Exit):
		return m.ask(promptReason, "")
	case key.Matches(msg, k.Normal):
		return m.runLine(r.id + ": exit normal")
	case m.world().Hung(r.pid):
		return m.runLine(r.id + ": recover")
	}
	return m.runLine(r.id + ": hang")
}

// startBusy marks the TUI busy with work a tea.Cmd runs (note says what),
// and freezes the screen as it is, its status line saying so: the world
// must not be drawn while the Cmd changes it.
func (m Model) startBusy(note string) Model {
	m.busy, m.busyNote, m.playing = true, note, false
	m.stop.Store(false)
	m.frozen = m.render()
	return m
}
