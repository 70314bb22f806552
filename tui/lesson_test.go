package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/crashcourse/crashcourse/lessons"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lessonModel opens lesson n in a TUI whose progress lives in a temp dir.
func lessonModel(t *testing.T, n string) Model {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	m := newModel(t, "", 100, 40)
	m = typeLine(m, "lesson "+n)
	require.True(t, m.lessonOpen(), strings.Join(m.msg, "\n"))
	return m
}

// typeAnswer types each command of a block on the command line.
func typeAnswer(m Model, block string) Model {
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		if line = strings.TrimSpace(line); line != "" && !strings.HasPrefix(line, "#") {
			m = typeLine(m, line)
		}
	}
	return m
}

// firstCommandExercise is the first exercise of lesson 1 that asks for
// commands, not a prediction.
func firstCommandExercise(t *testing.T) (int, *lessons.Exercise) {
	cat, err := lessons.Bundled()
	require.NoError(t, err)
	for i, ex := range cat.Lessons[0].Exercises {
		if !ex.Predict() {
			return i + 1, ex
		}
	}
	t.Fatal("lesson 1 has no command exercise")
	return 0, nil
}

func TestLessonPaneShowsTheExerciseAndItsGoal(t *testing.T) {
	m := lessonModel(t, "1")
	s := screen(m)
	assert.Contains(t, s, "lesson 1:")
	assert.Contains(t, s, "goal:")
	assert.True(t, m.showLesson)
	m = press(m, "l")
	assert.False(t, m.showLesson, "l hides the pane")
}

func TestLessonCheckPassesTheReferenceSolutionAndSavesProgress(t *testing.T) {
	k, ex := firstCommandExercise(t)
	m := lessonModel(t, "1")
	for range k - 1 {
		m = typeLine(m, "next")
	}
	require.Equal(t, ex.ID, m.lesson.Exercise.ID)
	m = typeAnswer(m, ex.Solution.Text)
	m = typeLine(m, "check")
	require.NotNil(t, m.lesson.Verdict)
	assert.True(t, m.lesson.Verdict.Pass, m.lesson.Verdict.Report())
	assert.Contains(t, screen(m), "✓ passed")
	p, err := m.lesson.Store.Load()
	require.NoError(t, err)
	assert.True(t, p.Lesson(m.lesson.Lesson.ID).Exercise(ex.ID).Passed, "the pass is saved")
}

func TestLessonCheckExplainsAMistake(t *testing.T) {
	k, ex := firstCommandExercise(t)
	m := lessonModel(t, "1")
	for range k - 1 {
		m = typeLine(m, "next")
	}
	m = typeAnswer(m, ex.Mistake.Text)
	m = typeLine(m, "check")
	require.NotNil(t, m.lesson.Verdict)
	assert.False(t, m.lesson.Verdict.Pass)
	assert.Contains(t, screen(m), "✗ not yet")
}

func TestLessonForbidsFaultsByHand(t *testing.T) {
	k, ex := firstCommandExercise(t)
	if ex.Allows("kill") {
		t.Skip("the exercise allows kill")
	}
	m := lessonModel(t, "1")
	for range k - 1 {
		m = typeLine(m, "next")
	}
	m = typeAnswer(m, ex.Solution.Text)
	m = selectRow(t, m, m.rows[0].key)
	m = press(m, "k") // the fault key writes `kill …` into the answer
	m = typeLine(m, "check")
	require.NotNil(t, m.lesson.Verdict)
	assert.False(t, m.lesson.Verdict.Pass)
	assert.Contains(t, screen(m), "`kill` is not allowed here")
}

func TestLessonHintsAreGraded(t *testing.T) {
	m := lessonModel(t, "1")
	m = typeLine(m, "hint")
	assert.Contains(t, m.lesson.Hint, "hint 1 of")
	m = typeLine(m, "hint")
	assert.Contains(t, m.lesson.Hint, "hint 2 of")
}

func TestLessonPredictShowsThePredictionBesideTheOutcome(t *testing.T) {
	cat, err := lessons.Bundled()
	require.NoError(t, err)
	m := lessonModel(t, "1")
	for _, ex := range cat.Lessons[0].Exercises {
		if ex.Predict() {
			for m.lesson.Exercise.ID != ex.ID {
				m = typeLine(m, "next")
			}
			m = typeLine(m, "predict "+strings.Join(strings.Fields(ex.Mistake.Text), " "))
			require.NotNil(t, m.lesson.Verdict)
			assert.Contains(t, screen(m), "you said")
			return
		}
	}
	t.Skip("lesson 1 has no predict exercise")
}

func TestLessonNextAndPreviousMoveBetweenExercises(t *testing.T) {
	m := lessonModel(t, "1")
	m = typeLine(m, "previous")
	assert.Contains(t, screen(m), "this is the first exercise")
	m = typeLine(m, "next")
	assert.Equal(t, 2, m.lesson.Lesson.Number(m.lesson.Exercise))
	m = typeLine(m, "previous")
	assert.Equal(t, 1, m.lesson.Lesson.Number(m.lesson.Exercise))
	assert.Contains(t, screen(m), "exercise 1 of")
}

func TestLessonCommandsWithoutALesson(t *testing.T) {
	m := newModel(t, "", 80, 24)
	m = typeLine(m, "check")
	assert.Contains(t, screen(m), "no lesson is open")
	m = typeLine(m, "lesson 99")
	assert.Contains(t, screen(m), "no lesson 99")
}

func TestLessonListShowsProgress(t *testing.T) {
	m := lessonModel(t, "1")
	m = typeLine(m, "hint")
	m = typeLine(m, "lesson")
	assert.Contains(t, strings.Join(m.msg, "\n"), "▸  1. "+m.lesson.Lesson.Title+"  (0 of")
	assert.Contains(t, strings.Join(m.msg, "\n"), "passed, 1 hint)")
}

func TestLessonHintIsWrappedBeforeItIsStyled(t *testing.T) {
	m := lessonModel(t, "1")
	m.plain = false // colours: the hint is drawn in the Note colour
	m.restyle()
	m = typeLine(m, "hint")
	const w = 24
	want := wrap(m.lesson.Hint, w)
	require.Greater(t, len(want), 2, "the hint must take several lines at this width")
	lines := m.lessonLines(w, 100)
	first := slices.IndexFunc(lines, func(l string) bool { return ansi.Strip(l) == want[0] })
	require.GreaterOrEqual(t, first, 0, "the hint's first line, wrapped as plain text, is in the pane")
	for i, plain := range want {
		l := lines[first+i]
		assert.Equal(t, plain, ansi.Strip(l), "hint line %d", i+1)
		assert.LessOrEqual(t, ansi.StringWidth(l), w, "hint line %d fits the pane", i+1)
		assert.True(t, strings.HasPrefix(l, "\x1b["), "hint line %d carries its own style, so the next row starts unstyled: %q", i+1, l)
	}
}

func TestLessonPaneShowsTheCheckNotes(t *testing.T) {
	m := lessonModel(t, "1")
	note := "stopped at the safety bound of 10 events"
	for _, v := range []lessons.Verdict{{Pass: true, Said: "ok", Notes: []string{note}}, {Notes: []string{note}}} {
		got := ansi.Strip(strings.Join(m.verdictLines(v, 200), "\n"))
		assert.Contains(t, got, "note: "+note, "pass=%v", v.Pass)
	}
}

// A check runs in a tea.Cmd, as a command does: while it runs the panes
// stay, and Esc stops it; an interrupted check judges nothing and
// records nothing.
func TestLessonEscInterruptsALongCheck(t *testing.T) {
	m := lessonModel(t, "7")
	m = typeLine(m, "sup top intensity=1000000 period=1 { worker db init=ok,crash:bad }")
	m, cmd := startLine(t, m, "check")
	require.True(t, m.Typing(), "a check runs like a command")
	assert.Contains(t, screen(m), "checking your answer… (Esc or Ctrl-C interrupts)")
	m = send(m, keyMsg("esc"))
	done, ok := runCmd(cmd).(checkDoneMsg)
	require.True(t, ok)
	m = send(m, done)
	assert.False(t, m.Typing())
	require.NotNil(t, m.lesson.Verdict)
	assert.True(t, m.lesson.Verdict.Interrupted)
	assert.Contains(t, screen(m), "check interrupted")
	assert.Contains(t, screen(m), "✗ not checked")
	assert.False(t, m.lesson.Progress.HasPassed(m.lesson.Lesson, m.lesson.Exercise))
}

// The event log titles each command over its own entries only: the
// exercise's setup, run before the learner's first command, has no title.
func TestLessonLogTitlesOnlyTheLearnersCommands(t *testing.T) {
	m := lessonModel(t, "1")
	m = typeLine(m, "web: link db")
	s := screen(m)
	title, setupEnd, linked := strings.Index(s, "› web: link db"), strings.Index(s, "#4 "), strings.Index(s, "#5 ")
	require.True(t, title >= 0 && setupEnd >= 0 && linked >= 0, s)
	assert.Less(t, setupEnd, title, "no title over the setup's entries:\n%s", s)
	assert.Less(t, title, linked, "the title over the command's entry:\n%s", s)
}

// A check's report longer than the pane ends in "… L shows it all", and
// the page (L) starts with the whole report; a lesson's empty world asks
// for the answer, not for a spawn the exercise may forbid.
func TestLessonPaneCutsALongCheckAndThePageShowsIt(t *testing.T) {
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	m := typeLine(newModel(t, "", 80, 24), "lesson 7")
	require.True(t, m.lessonOpen())
	assert.Contains(t, screen(m), "no processes: press : and type your answer")
	m = typeLine(m, "sup top { worker db }")
	m = typeLine(m, "check")
	require.NotNil(t, m.lesson.Verdict)
	require.False(t, m.lesson.Verdict.Pass)
	assert.Contains(t, screen(m), "… L shows it all")
	m = press(m, "L")
	page := screen(m)
	assert.Contains(t, page, "Your last check:")
	assert.Contains(t, page, "✗ Not yet")
}
