package tui

import (
	"os"
	"path/filepath"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/stretchr/testify/assert"
)

// TestHostedLessonsTurnsTheLessonCommandsOff: under a host that teaches
// the lessons itself, lesson commands and l say the host's text, open no
// lesson and write no progress file.
func TestHostedLessonsTurnsTheLessonCommandsOff(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("HOME", t.TempDir())
	m := New(scenarios.NewSession(0), Options{HostedLessons: "the host teaches"})
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	for _, line := range []string{"lesson 1", "check", "hint"} {
		m = typeLine(m, line)
		assert.Nil(t, m.lesson, line)
		assert.Equal(t, []string{"the host teaches"}, m.msg, line)
	}
	m = press(m, "l")
	assert.False(t, m.showLesson)
	assert.Equal(t, "the host teaches", m.msg[0])
	_, err := os.Stat(filepath.Join(state, "crashcourse"))
	assert.True(t, os.IsNotExist(err), "a progress file was written")
}
