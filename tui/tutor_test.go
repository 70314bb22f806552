package tui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// memStore is a progress store in memory that counts its writes.
type memStore struct {
	p      *lessons.Progress
	writes int
}

func (s *memStore) Load() (*lessons.Progress, error) { return &lessons.Progress{}, nil }
func (s *memStore) Save(p *lessons.Progress) error {
	s.p = p
	s.writes++
	return nil
}

// hostedModel is a TUI handed a tutor over store, as a host makes one.
func hostedModel(t *testing.T, store lessons.ProgressStore) Model {
	t.Helper()
	cat, err := lessons.Bundled()
	require.NoError(t, err)
	tu, err := lessons.OpenTutor(cat, store)
	require.NoError(t, err)
	m := New(scenarios.NewSession(0), Options{NoColor: true, Tutor: tu})
	return send(m, tea.WindowSizeMsg{Width: 100, Height: 40})
}

// TestAGivenTutorKeepsTheProgress: the lesson commands of a TUI handed a
// tutor use it and its store; the user's progress file is never written.
func TestAGivenTutorKeepsTheProgress(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("HOME", t.TempDir())
	store := &memStore{}
	m := hostedModel(t, store)
	k, ex := firstCommandExercise(t)
	m = m.OpenLesson("1", k)
	require.Equal(t, ex.ID, m.lesson.Exercise.ID)
	m = typeAnswer(m, ex.Solution.Text)
	m = typeLine(m, "check")
	require.NotNil(t, m.lesson.Verdict)
	assert.True(t, m.lesson.Verdict.Pass, m.lesson.Verdict.Report())
	require.NotNil(t, store.p)
	assert.True(t, store.p.Lesson(m.lesson.Lesson.ID).Exercise(ex.ID).Passed, "the pass is in the tutor's store")
	_, err := os.Stat(filepath.Join(state, "crashcourse"))
	assert.True(t, os.IsNotExist(err), "the user's progress file was written")
}

// TestOpenLessonOpensTheExerciseAskedFor: OpenLesson opens exercise k, or
// the current one for 0; Tell puts the host's word first.
func TestOpenLessonOpensTheExerciseAskedFor(t *testing.T) {
	m := hostedModel(t, &memStore{})
	m = m.OpenLesson("2", 2)
	assert.Equal(t, 2, m.lesson.N)
	assert.Equal(t, 2, m.lesson.Lesson.Number(m.lesson.Exercise))
	m = m.OpenLesson("1", 0).Tell("the instructor moved the room")
	assert.Equal(t, 1, m.lesson.Lesson.Number(m.lesson.Exercise))
	assert.Equal(t, "the instructor moved the room", m.msg[0])
	assert.Contains(t, m.msg[1], "L reads lesson 1 · ")
	m = m.OpenLesson("99", 0)
	assert.Contains(t, screen(m), "no lesson 99")
}

// TestLessonPageOpensScrollsAndCloses: L shows the lesson's page over the
// panes, ↓ scrolls it, Esc closes it; without a lesson L does nothing.
func TestLessonPageOpensScrollsAndCloses(t *testing.T) {
	m := press(hostedModel(t, &memStore{}), "L")
	assert.Nil(t, m.page, "no lesson is open")
	assert.Contains(t, screen(m), "no lesson is open")
	m = press(m.OpenLesson("1", 1), "L")
	require.NotNil(t, m.page)
	s := screen(m)
	assert.Contains(t, s, "Lesson 1: "+m.lesson.Lesson.Title)
	assert.Contains(t, s, pageFooter)
	m = press(m, "down", "down")
	assert.Equal(t, 2, m.pageTop)
	assert.Equal(t, strings.TrimSpace(ansi.Strip(m.page[2])), strings.TrimSpace(strings.Split(screen(m), "\n")[1]), "the body starts at the third line")
	m = press(m, "esc")
	assert.Nil(t, m.page)
	assert.Contains(t, screen(m), "goal:")
}
