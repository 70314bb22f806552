package tui

import (
	"image/color"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestViewGolden pins what a person sees at fixed sizes (go test ./tui
// -update rewrites the files; review the diff).
func TestViewGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"demo_80x24", 80, 24, nil},
		{"demo_120x40", 120, 40, nil},
		{"kill_db_80x24", 80, 24, []string{"down", "k"}},
		{"kill_db_back_80x24", 80, 24, []string{"down", "k", "left", "left", "left"}},
		{"help_80x24", 80, 24, []string{"?"}},
		{"window_80x24", 80, 24, []string{"down", "k", "up", "v"}},
		{"tiny_20x5", 20, 5, nil},
		{"parse_error_80x24", 80, 24, []string{":", "s", "p", "w", "n", " ", "a", "enter"}},
		{"command_error_80x24", 80, 24, []string{":", "k", "i", "l", "l", " ", "n", "o", "b", "o", "d", "y", "enter"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := press(newModel(t, string(demoSrc(t)), tc.w, tc.h), tc.keys...)
			out := screen(m)
			for i, line := range strings.Split(out, "\n") {
				assert.LessOrEqual(t, len([]rune(line)), tc.w, "line %d too wide", i)
			}
			golden.RequireEqual(t, []byte(out))
		})
	}
}

func TestKillTurnsTheProcessDeadAndItsSupervisorRestartsAll(t *testing.T) {
	m := newModel(t, "sup top strategy=one_for_all intensity=3 { worker a; worker b }\n", 80, 24)
	m = selectRow(t, m, "top/a")
	m = press(m, "k")
	s := screen(m)
	assert.Contains(t, s, "top <0.100.0> one_for_all 1/3 in 5s")
	assert.Contains(t, s, "a <0.103.0> running ↻1")
	assert.Contains(t, s, "kill a")
	m = press(m, "left")
	for !strings.Contains(screen(m), "✗ a") && m.tl.at > 0 {
		m = press(m, "left")
	}
	assert.Contains(t, screen(m), "✗ a <0.101.0> ⚡ exits with reason kill")
}

func TestKeysStepThroughTime(t *testing.T) {
	m := newModel(t, "spawn a\na: spawn_link b\nkill b\n", 80, 24)
	end := m.tl.at
	require.True(t, m.tl.live)
	m = press(m, "b")
	assert.Less(t, m.tl.at, end, "b steps back")
	assert.Contains(t, screen(m), "past")
	m = press(m, "right")
	m = press(m, "G")
	assert.Equal(t, end, m.tl.at, "G goes to the end")
	m = press(m, "g")
	assert.Zero(t, m.tl.at, "g goes to the start")
	m = press(m, "space")
	assert.Equal(t, 1, int(m.tl.at), "space steps one event")
	m = press(m, "end")
	assert.True(t, m.tl.live)
}

func TestPlayAnimatesAndPauses(t *testing.T) {
	m := newModel(t, "spawn a\na: spawn_link b\nkill b\n", 80, 24)
	next, cmd := m.Update(keyMsg("r"))
	m = next.(Model)
	require.NotNil(t, cmd, "play schedules a tick")
	assert.True(t, m.playing)
	from := m.tl.at
	next, _ = m.Update(tickMsg{gen: m.playGen})
	m = next.(Model)
	assert.Greater(t, m.tl.at, from, "a tick moves the cursor")
	stale := m.tl.at
	next, _ = m.Update(tickMsg{gen: m.playGen - 1})
	assert.Equal(t, stale, next.(Model).tl.at, "a tick of an older play is ignored")
	m = press(m, "+", "+")
	assert.Equal(t, defaultSpeed+2, m.speed)
	m = press(m, "-")
	assert.Equal(t, defaultSpeed+1, m.speed)
	m = press(m, "p")
	assert.False(t, m.playing)
}

func TestFaultKeysRunTheCommandTheyStandFor(t *testing.T) {
	src := "spawn a\nspawn b\nspawn c\nspawn d\nsup s { worker w }\n"
	for _, tc := range []struct {
		row, key, cmd string
		typed         []string
	}{
		{"a", "k", "kill a", nil},
		{"b", "x", "b: crash", nil},
		{"c", "n", "c: exit normal", nil},
		{"d", "e", "d: exit bye", []string{"b", "y", "e", "enter"}},
		{"s/w", "h", "w: hang", nil},
	} {
		t.Run(tc.key, func(t *testing.T) {
			m := selectRow(t, newModel(t, src, 100, 30), tc.row)
			m = press(m, append([]string{tc.key}, tc.typed...)...)
			last := m.tl.steps[len(m.tl.steps)-1].cmd
			assert.Equal(t, tc.cmd, last.Text)
			assert.Contains(t, screen(m), tc.cmd)
		})
	}
}

func TestHangKeyRecoversAHungWorker(t *testing.T) {
	m := selectRow(t, newModel(t, "sup s { worker w }\nw: hang\n", 80, 24), "s/w")
	assert.Contains(t, screen(m), "⏸ w")
	m = press(m, "h")
	assert.Equal(t, "w: recover", m.tl.steps[len(m.tl.steps)-1].cmd.Text)
	assert.Contains(t, screen(m), "● w")
}

func TestTreeShowsAWorkerServingACallAndItsCaller(t *testing.T) {
	m := newModel(t, "sup s { worker w call_time=1s; worker v }\nv: call w\n", 80, 24)
	assert.Contains(t, screen(m), "◐ w")
	assert.Contains(t, screen(m), "serving a call")
	assert.Contains(t, screen(m), "◷ v")
}

func TestASupervisorNeverActs(t *testing.T) {
	m := selectRow(t, newModel(t, "sup s { worker w }\n", 80, 24), "s")
	n := len(m.tl.steps)
	m = press(m, "x")
	assert.Len(t, m.tl.steps, n)
	assert.Contains(t, screen(m), "a supervisor never acts")
}

func TestCommandLineRunsTheLanguageAndShowsCaretErrors(t *testing.T) {
	m := newModel(t, "", 80, 24)
	m = typeLine(m, "spawn a")
	assert.Contains(t, screen(m), "● a")
	m = typeLine(m, "spwn b")
	s := screen(m)
	assert.Contains(t, s, "<tui>:2:1")
	assert.Contains(t, s, "^")
	m = typeLine(m, "a: link nobody")
	assert.NotContains(t, screen(m), "panic")
	m = press(m, ":", "up")
	assert.Equal(t, "a: link nobody", m.input.Value(), "↑ recalls the history")
}

func TestTabCompletesVerbsAndProcesses(t *testing.T) {
	m := newModel(t, "spawn alpha\n", 80, 24)
	m = press(m, ":", "k", "i", "tab")
	assert.Equal(t, "kill ", m.input.Value())
	m = press(m, "a", "tab")
	assert.Equal(t, "kill alpha ", m.input.Value())
}

func TestACommandInThePastStartsANewFuture(t *testing.T) {
	m := newModel(t, "spawn a\nspawn b\nkill a\n", 80, 24)
	m = press(m, "g", "space", "space") // a and b spawned, a not yet killed
	require.False(t, m.tl.live)
	m = typeLine(m, "kill b")
	assert.True(t, m.tl.live)
	assert.Contains(t, screen(m), "new future")
	w := m.world()
	a, _ := w.Lookup("a")
	assert.True(t, w.Alive(a), "the kill of a was in the forgotten future")
}

func TestWhyHighlightsTheChain(t *testing.T) {
	m := newModel(t, "spawn a\na: spawn_link b\nkill b\n", 80, 24)
	m = selectRow(t, m, "a")
	m = press(m, "w")
	require.NotEmpty(t, m.why)
	w := m.world()
	a, _ := w.Lookup("a")
	b, _ := w.Lookup("b")
	assert.True(t, m.whyPid[a] && m.whyPid[b], "the path of the signal")
	assert.Len(t, m.why, len(w.Why(a)))
	m = press(m, "esc")
	assert.Empty(t, m.why)
}

func TestLogSelectionSelectsTheProcess(t *testing.T) {
	m := newModel(t, "spawn a\nspawn b\n", 80, 24)
	m = press(m, "tab")
	assert.Equal(t, paneLog, m.focus)
	m = press(m, "up")
	r, _ := m.selectedRow()
	assert.Equal(t, "a", r.key)
}

func TestEnterFoldsASupervisor(t *testing.T) {
	m := selectRow(t, newModel(t, "sup s { worker w }\n", 80, 24), "s")
	m = press(m, "enter")
	assert.NotContains(t, screen(m), "● w")
	m = press(m, "enter")
	assert.Contains(t, screen(m), "● w")
}

func TestMouseClickSelectsARow(t *testing.T) {
	m := newModel(t, "spawn a\nspawn b\nspawn c\n", 80, 24)
	m = send(m, tea.MouseClickMsg{X: 3, Y: 4, Button: tea.MouseLeft})
	r, _ := m.selectedRow()
	assert.Equal(t, "c", r.key)
}

func TestResizeAndTinyTerminals(t *testing.T) {
	m := newModel(t, string(demoSrc(t)), 80, 24)
	for _, size := range [][2]int{{20, 5}, {1, 1}, {39, 30}, {200, 60}, {40, 10}} {
		m = send(m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		lines := strings.Split(screen(m), "\n")
		if size[0] < minWidth || size[1] < minHeight {
			assert.Len(t, lines, 1)
			if size[0] >= 20 {
				assert.Contains(t, lines[0], "terminal too small")
			}
			continue
		}
		assert.Len(t, lines, size[1])
	}
}

func TestQuitKeys(t *testing.T) {
	m := newModel(t, "", 80, 24)
	for _, k := range []tea.KeyPressMsg{keyMsg("q"), {Code: 'c', Mod: tea.ModCtrl}} {
		_, cmd := m.Update(k)
		require.NotNil(t, cmd)
		assert.IsType(t, tea.QuitMsg{}, cmd())
	}
}

func TestNoColorHasNoColours(t *testing.T) {
	m := press(newModel(t, string(demoSrc(t)), 80, 24), "down", "k")
	assert.NotContains(t, m.View().Content, "38;", "no foreground colour under NO_COLOR")
}

func TestLightAndDarkBackgrounds(t *testing.T) {
	m := New(newModel(t, "", 80, 24).tl.head, Options{})
	dark := m.st.Dead.Render("x")
	next, _ := m.Update(tea.BackgroundColorMsg{Color: color.White})
	assert.NotEqual(t, dark, next.(Model).st.Dead.Render("x"))
}

func TestWaitKeyLetsTimePassAndTheHintSaysWhen(t *testing.T) {
	m := selectRow(t, newModel(t, "sup s strategy=one_for_all { worker a trap_exit terminate=300ms; worker b }\n", 80, 24), "s/b")
	m = press(m, "k")
	assert.Contains(t, screen(m), "events wait for time to pass (next at t=300ms): press t")
	m = press(m, "t")
	assert.Equal(t, "advance 1s", m.tl.steps[len(m.tl.steps)-1].cmd.Text)
	assert.NotContains(t, screen(m), "wait for time to pass")
	assert.Contains(t, screen(m), "a <0.103.0> running")
}

func TestResetStartsAFreshHistory(t *testing.T) {
	m := newModel(t, "spawn a\nkill a\n", 80, 24)
	m = typeLine(m, "reset")
	assert.Zero(t, m.tl.at)
	assert.Empty(t, m.tl.steps)
	m = typeLine(m, "spawn b")
	m = press(m, "left")
	assert.Zero(t, m.tl.at)
	assert.NotContains(t, screen(m), "✗ a")
}

// :help shows help in the status area, wrapped to the screen; what does
// not fit says how to see the rest.
func TestCommandLineShowsHelp(t *testing.T) {
	m := typeLine(newModel(t, "", 80, 24), "help")
	s := screen(m)
	assert.Contains(t, s, "help TOPIC lists a topic's commands")
	assert.Contains(t, s, "processes     spawn send receive")
	assert.Contains(t, s, "more lines: :help TOPIC shows one topic")
	for i, line := range strings.Split(s, "\n") {
		assert.LessOrEqual(t, len([]rune(line)), 80, "line %d too wide", i)
	}
	m = typeLine(newModel(t, "", 60, 40), "help link")
	s = screen(m)
	assert.Contains(t, s, "usage: A: link P")
	assert.Contains(t, s, "example: a: link b")
	assert.NotContains(t, s, "more lines")
	m = typeLine(m, "spawn a")
	assert.NotContains(t, screen(m), "usage: A: link P", "the next command's message replaces help")
}

// The inspector's why of a supervisor that gave up says which restarts
// had counted toward its intensity.
func TestInspectorWhyTellsTheRestartsThatCounted(t *testing.T) {
	m := newModel(t, "sup top intensity=1 period=5 { worker a }\na: crash\nadvance 1s\na: crash\n", 80, 30)
	m = selectRow(t, m, "top")
	s := screen(m)
	assert.Contains(t, s, "top gave up: intensity=1")
	assert.Contains(t, s, "counted (at 0s)")
}

func TestACommentAloneRunsNothing(t *testing.T) {
	m := newModel(t, "spawn a\n", 80, 24)
	n := len(m.tl.steps)
	m = typeLine(m, "# only a comment")
	assert.Len(t, m.tl.steps, n)
	assert.Contains(t, screen(m), "● a")
}

// Completion keeps what it learned across commands: the refs a monitor
// printed are offered to demonitor, as in the REPL.
func TestTabCompletesARefAMonitorMade(t *testing.T) {
	m := newModel(t, "", 80, 24)
	m = typeLine(m, "spawn a")
	m = typeLine(m, "spawn b")
	m = typeLine(m, "a: monitor b")
	m = press(m, ":")
	for _, r := range "a: demonitor " {
		m = send(m, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	m = press(m, "tab")
	assert.Equal(t, "a: demonitor #Ref<1> ", m.input.Value())
}

// A long command runs in a tea.Cmd: meanwhile the status line says so and
// how to stop it, and Esc stops it at the event it reached.
func TestEscInterruptsALongCommand(t *testing.T) {
	m := newModel(t, "sup s intensity=1000000 period=1 { worker w init=ok,crash:bad }", 100, 30)
	m, cmd := startLine(t, m, "w: crash boom")
	assert.Contains(t, screen(m), "running… (Esc or Ctrl-C interrupts)")
	m = send(m, keyMsg("esc"))
	done, ok := runCmd(cmd).(execDoneMsg)
	require.True(t, ok)
	m = send(m, done)
	assert.False(t, m.Typing())
	assert.Contains(t, screen(m), "interrupted at t=")
}
