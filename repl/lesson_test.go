package repl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lessonState points the learner's state directory at a fresh temporary
// one and returns the progress file lessons keep there.
func lessonState(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	t.Setenv("HOME", t.TempDir())
	return filepath.Join(dir, "crashcourse", "progress.json")
}

func TestLessonProgressIsSavedAndResumedByANewREPL(t *testing.T) {
	path := lessonState(t)
	first := newSession(false, false).feedAll("lesson 1\nweb: link db\napi: link db\ncheck\nhint\nnext\n")
	mustContain(t, first, "✓ Passed.", "Exercise 2 of 3")

	p, err := lessons.Store{Path: path}.Load()
	require.NoError(t, err)
	lp := p.Lessons["01-links"]
	require.NotNil(t, lp)
	assert.Equal(t, 2, lp.Current, "next made exercise 2 current")
	assert.True(t, lp.Exercise("ex1").Passed)
	assert.Equal(t, 1, lp.Exercise("ex1").Hints)

	second := newSession(false, false).feedAll("lesson\nlesson 1\n")
	mustContain(t, second, "1. Links and exit reasons  (1 of 3 passed, 1 hint)", "Exercise 2 of 3: Finish without")
}

func TestLessonCorruptProgressIsReportedAndNotFatal(t *testing.T) {
	path := lessonState(t)
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(t, os.WriteFile(path, []byte("{not json"), 0o600))

	s := newSession(false, false)
	out := s.feedAll("lesson 1\nweb: link db\napi: link db\ncheck\n")
	mustContain(t, out, "note: progress file", "is corrupt", "set aside as", "Exercise 1 of 3", "✓ Passed.")
	assert.Equal(t, ExitOK, s.sh.status())
	_, err := os.Stat(path + ".corrupt")
	assert.NoError(t, err, "the corrupt file was set aside")
	p, err := lessons.Store{Path: path}.Load()
	require.NoError(t, err, "a fresh progress file replaced it")
	assert.True(t, p.Lessons["01-links"].Exercise("ex1").Passed)
}

func TestLessonCheckRefusesAForbiddenVerb(t *testing.T) {
	lessonState(t)
	// Exercise 2 asks that boss survive job's end; killing job by hand is
	// not allowed, nor is anything that fakes the outcome.
	out := newSession(false, false).feedAll("lesson 1\nnext\nspawn x\nboss: kill job\ncheck\n")
	mustContain(t, out, "✗ Not checked",
		"your line 1: `spawn x`: `spawn` is not allowed here",
		"your line 2: `boss: kill job`: `kill` is not allowed here")
	assert.NotContains(t, out, "✓ Passed.")
}

func TestLessonAnswerIsTheCommandsSinceTheExerciseOpened(t *testing.T) {
	lessonState(t)
	// The commands before lesson 1 and before lesson reset are not part of
	// the answer: "your line 1" is the first command after the reset.
	out := newSession(false, false).feedAll("spawn z\nlesson 1\nlog: link db\nlesson reset\nlog: link db\ncheck\n")
	mustContain(t, out, "the link was made by your line 1: `log: link db`")
	assert.NotContains(t, out, "your line 2")
}

func TestLessonCommandsNeedAnOpenLessonAndTheirArguments(t *testing.T) {
	lessonState(t)
	out := newSession(true, false).feedAll("hint\nlesson reset\nlesson 1\ncheck now\npredict die: db\nlesson nosuch\n")
	for _, want := range []string{
		"<stdin>:1: no lesson is open",
		"<stdin>:2: no lesson is open to reset",
		"<stdin>:4: check takes no argument",
		"<stdin>:5: this exercise asks for commands, not a prediction",
		"<stdin>:6: no lesson nosuch",
	} {
		assert.Contains(t, out, want)
	}
}

func TestLessonSaveWritesTheStartingStateThenTheAnswer(t *testing.T) {
	lessonState(t)
	s := newSession(false, false)
	s.feedAll("spawn z\nlesson 1\nweb: link db\nsave a.scn\n")
	got := string(s.fs["a.scn"])
	assert.NotContains(t, got, "spawn z", "the world before the lesson is gone")
	assert.True(t, strings.Contains(got, "spawn db\nspawn web\nspawn api\nspawn log\nweb: link db\n"), got)
}
