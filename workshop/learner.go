package workshop

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/tui"
)

// learner is a learner's session: the TUI and its lesson pane, as the
// local `crashcourse tui` has them, over a tutor whose progress is the
// learner's record in the room (seatStore), so every check, hint and move
// is written there. It notes the commands they run for the dashboard.
type learner struct {
	room   *Room
	id     string
	tutor  *lessons.Tutor
	app    tui.Model
	answer []string // the commands last noted in the room
	now    func() time.Time
}

// newLearner opens rec's exercise on a world under cfg's limits, drawn as
// cfg says, and replays the commands they had run there.
func newLearner(room *Room, rec Record, cfg Config) *learner {
	tu, _ := lessons.OpenTutor(room.cat, seatStore{room: room, id: rec.ID}) // a seat's Load never fails
	tu.Limits = cfg.limits()
	app := tui.New(scenarios.NewSessionWithOptions(0, tu.Limits), tui.Options{NoColor: cfg.NoColor, Tutor: tu})
	n := min(max(rec.Lesson, 1), len(room.cat.Lessons))
	app = app.OpenLesson(strconv.Itoa(n), rec.Exercise)
	if cmds, err := scenarios.Parse(answerFile, []byte(strings.Join(rec.Answer, "\n"))); err == nil {
		app.Preload(cmds)
	}
	m := &learner{room: room, id: rec.ID, tutor: tu, app: app, now: room.now}
	m.noteCommands()
	return m
}

func (m *learner) Init() tea.Cmd { return m.app.Init() }

// Update gives msg to the TUI, after noting a key for the dashboard's
// idle time, and notes the commands the TUI has run; the instructor's
// move of the room opens its lesson.
func (m *learner) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case roomMovedMsg:
		m.moveTo(msg.lesson)
		m.noteCommands()
		return m, nil
	case tea.KeyPressMsg:
		m.room.Note(m.id, m.answer, m.now())
	}
	next, cmd := m.app.Update(msg)
	m.app = next.(tui.Model)
	m.noteCommands()
	return m, cmd
}

func (m *learner) View() tea.View { return m.app.View() }

// moveTo opens lesson n, where the learner was in it, and says the
// instructor moved the room; a learner already in lesson n stays where
// they are.
func (m *learner) moveTo(n int) {
	if m.tutor.N != n {
		m.app = m.app.OpenLesson(strconv.Itoa(n), 0)
	}
	m.app = m.app.Tell(fmt.Sprintf("The instructor moved the room to lesson %d.", n))
}

// noteCommands tells the room the commands the learner's world was made
// by, when they changed; the next write of the record keeps them.
func (m *learner) noteCommands() {
	if cmds, ok := m.app.Commands(); ok && !slices.Equal(cmds, m.answer) {
		m.answer = cmds
		m.room.Note(m.id, cmds, m.now())
	}
}
