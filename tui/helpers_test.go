package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/stretchr/testify/require"
)

// demoSrc is the TUI's opening scenario.
func demoSrc(t testing.TB) []byte {
	s, ok := scenarios.BuiltinNamed("demo")
	require.True(t, ok)
	return s.Src
}

// newModel runs src's commands into a TUI model of size w×h, without
// colour.
func newModel(t testing.TB, src string, w, h int) Model {
	cmds, err := scenarios.Parse("test.scn", []byte(src))
	require.NoError(t, err)
	m := New(scenarios.NewSession(0), Options{Title: "test.scn", NoColor: true})
	for _, c := range cmds {
		m.tl.exec(c, nil)
	}
	m.tl.seek(m.tl.headLen())
	m.refresh()
	return send(m, tea.WindowSizeMsg{Width: w, Height: h})
}

// send feeds msg to m and runs the commands it returns that finish at
// once (a command line's execution, a check), not the ticks of play.
func send(m Model, msg tea.Msg) Model {
	next, cmd := m.Update(msg)
	m = next.(Model)
	if cmd == nil {
		return m
	}
	switch done := runCmd(cmd).(type) {
	case execDoneMsg, checkDoneMsg:
		next, _ = m.Update(done)
		m = next.(Model)
	}
	return m
}

// runCmd runs cmd, giving up on one that waits (a tick, a cursor blink):
// a command line's execution and a check finish at once.
func runCmd(cmd tea.Cmd) tea.Msg {
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		return msg
	case <-time.After(100 * time.Millisecond):
		return nil
	}
}

// press sends keys: single characters, or names such as "space", "left",
// "enter", "tab", "esc", "up", "down".
func press(m Model, keys ...string) Model {
	for _, k := range keys {
		m = send(m, keyMsg(k))
	}
	return m
}

func keyMsg(k string) tea.KeyPressMsg {
	named := map[string]rune{
		"space": tea.KeySpace, "left": tea.KeyLeft, "right": tea.KeyRight, "up": tea.KeyUp,
		"down": tea.KeyDown, "enter": tea.KeyEnter, "tab": tea.KeyTab, "esc": tea.KeyEscape,
		"home": tea.KeyHome, "end": tea.KeyEnd,
	}
	if c, ok := named[k]; ok {
		return tea.KeyPressMsg{Code: c}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// typeLine opens the command line, types text and runs it.
func typeLine(m Model, text string) Model {
	m = press(m, ":")
	for _, r := range text {
		m = send(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return press(m, "enter")
}

// startLine types text on the command line and presses Enter, returning
// the tea.Cmd the line started without running it: the TUI is busy
// until its message comes.
func startLine(t *testing.T, m Model, text string) (Model, tea.Cmd) {
	t.Helper()
	m = press(m, ":")
	for _, r := range text {
		m = send(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	next, cmd := m.Update(keyMsg("enter"))
	require.NotNil(t, cmd)
	return next.(Model), cmd
}

// screen is what a person sees: the frame without escapes.
func screen(m Model) string { return ansi.Strip(m.View().Content) }

// selectRow selects the tree row keyed key, as a click would.
func selectRow(t testing.TB, m Model, key string) Model {
	for _, r := range m.rows {
		if r.key == key {
			m.sel = key
			return m
		}
	}
	t.Fatalf("no row %q", key)
	return m
}
