package workshop

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
	"github.com/crashcourse/crashcourse/tui"
)

// learner is a learner's session: the TUI over the world of the exercise
// they are on, under a bar naming the lesson and the keys of the lesson.
// Capital letters are the lesson's (L read, C check, H hint, N next,
// P previous, R restart) when the TUI is not taking keys for its own
// input line.
type learner struct {
	room    *Room
	rec     Record
	lesson  *lessons.Lesson
	ex      *lessons.Exercise
	app     tui.Model
	noColor bool
	limits  sim.Options // the bounds of the learner's world and checks
	width   int
	height  int

	overlay []string // text shown over the TUI (lesson, verdict); Esc closes
	scroll  int
	predict textinput.Model
	asking  bool   // the prediction line is open
	status  string // one line under the bar: the last thing the lesson said
	failure error  // the last write that failed, shown until the next works
	now     func() time.Time
}

// hostedLessons is what the TUI says to a lesson command or l: here the
// lesson is driven by the keys on the lesson's line.
const hostedLessons = "here the lesson's keys are on its line at the top: L lesson · C check · H hint · N next · P previous · R restart"

// newLearner opens rec's exercise, replaying the commands they had run,
// on a world under cfg's limits and drawn as cfg says.
func newLearner(room *Room, rec Record, cfg Config) *learner {
	in := textinput.New()
	in.Prompt = "prediction (die: NAMES; restart: NAMES): "
	in.CharLimit = tui.MaxTypedBytes
	in.SetVirtualCursor(true)
	m := &learner{room: room, rec: rec, noColor: cfg.NoColor, limits: cfg.limits(), predict: in, width: 80, height: 24, now: room.now}
	m.open(rec.Answer)
	return m
}

// open starts the TUI on the record's exercise, running answer first.
func (m *learner) open(answer []string) {
	n := min(max(m.rec.Lesson, 1), len(m.room.cat.Lessons))
	m.lesson, _ = m.room.cat.Lesson(n)
	k := min(max(m.rec.Exercise, 1), len(m.lesson.Exercises))
	m.ex, _ = m.lesson.Exercise(k)
	m.rec.Lesson, m.rec.Exercise = n, k
	m.app = tui.New(lessons.StartWith(m.ex, m.limits), tui.Options{Title: m.lesson.Title, NoColor: m.noColor, HostedLessons: hostedLessons})
	cmds, err := scenarios.Parse("answer", []byte(strings.Join(answer, "\n")))
	if err == nil {
		m.app.Preload(cmds)
	}
	m.app = m.resized(m.app)
}

// resized tells a TUI its size: the window less the lesson's two lines.
func (m *learner) resized(app tui.Model) tui.Model {
	next, _ := app.Update(tea.WindowSizeMsg{Width: m.width, Height: max(m.height-2, 1)})
	return next.(tui.Model)
}

func (m *learner) Init() tea.Cmd { return m.app.Init() }

// Update routes keys to the lesson, the prediction line, the overlay or
// the TUI, and notes the learner's commands for the dashboard.
func (m *learner) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.predict.SetWidth(max(msg.Width-45, 10))
		m.app = m.resized(m.app)
		return m, nil
	case roomMovedMsg:
		m.moveTo(msg.lesson, fmt.Sprintf("The instructor moved the room to lesson %d.", msg.lesson))
		return m, nil
	case tea.KeyPressMsg:
		m.room.Note(m.rec.ID, m.rec.Answer, m.now())
		if cmd, done := m.key(msg); done {
			return m, cmd
		}
	case tea.MouseMsg:
		return m.mouse(msg)
	}
	return m.forward(msg)
}

// forward gives msg to the TUI and notes the commands it has run.
func (m *learner) forward(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.app.Update(msg)
	m.app = next.(tui.Model)
	if cmds, ok := m.app.Commands(); ok && !slices.Equal(cmds, m.rec.Answer) {
		m.rec.Answer = cmds
		m.room.Note(m.rec.ID, cmds, m.now())
	}
	return m, cmd
}

// mouse gives the TUI clicks in its own coordinates: it sits under the
// lesson's two lines.
func (m *learner) mouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	click, ok := msg.(tea.MouseClickMsg)
	if !ok || m.overlay != nil || click.Y < 2 {
		return m, nil
	}
	click.Y -= 2
	return m.forward(click)
}

// key handles the lesson's keys; done is false for keys the TUI takes.
func (m *learner) key(msg tea.KeyPressMsg) (cmd tea.Cmd, done bool) {
	if m.asking {
		return m.predictKey(msg), true
	}
	if m.app.Typing() && m.overlay == nil {
		return nil, false
	}
	switch msg.String() {
	case "L":
		m.show(m.lessonText())
	case "C":
		return m.check(), true
	case "H":
		m.hint()
	case "N":
		m.step(1)
	case "P":
		m.step(-1)
	case "R":
		m.restart()
	case "esc":
		if m.overlay == nil {
			return nil, false
		}
		m.overlay = nil
	case "up", "down", "pgup", "pgdown", "space":
		if m.overlay == nil {
			return nil, false
		}
		m.scrollBy(msg.String())
	case "q", "ctrl+c":
		if m.overlay == nil {
			return nil, false
		}
		m.overlay = nil
	default:
		return nil, m.overlay != nil
	}
	return nil, true
}
