package repl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// testCatalogue is the lessons of testdata/lessons, which the tests hold
// to lint: the REPL's tests do not change when a bundled lesson does.
func testCatalogue(t *testing.T) *lessons.Catalogue {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "lessons", "*.md"))
	require.NoError(t, err)
	cat := &lessons.Catalogue{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		l, err := lessons.Parse(f, src)
		require.NoError(t, err)
		require.Empty(t, lessons.Lint(l), f)
		cat.Lessons = append(cat.Lessons, l)
	}
	return cat
}

// lessonState points the learner's state directory at a fresh temporary
// one and returns the progress file lessons keep there.
func lessonState(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Setenv("XDG_STATE_HOME", dir)
	t.Setenv("HOME", t.TempDir())
	return filepath.Join(dir, "crashcourse", "progress.json")
}

// lessonSession is an interactive session over the test lessons.
func lessonSession(t *testing.T, script bool) *session {
	s := newSession(script, false)
	s.sh.useLessons(testCatalogue(t))
	return s
}

func TestLessonProgressIsSavedAndResumedByANewREPL(t *testing.T) {
	path := lessonState(t)
	first := lessonSession(t, false).feedAll("lesson 1\nb: link c\na: link b\ncheck\nhint\nnext\n")
	mustContain(t, first, "✓ Passed.", "Exercise 2 of 3")

	p, err := lessons.Store{Path: path}.Load()
	require.NoError(t, err)
	lp := p.Lessons["01-trio"]
	require.NotNil(t, lp)
	assert.Equal(t, 2, lp.Current, "next made exercise 2 current")
	assert.True(t, lp.Exercise("ex1").Passed)
	assert.Equal(t, 1, lp.Exercise("ex1").Hints)

	second := lessonSession(t, false).feedAll("lesson\nlesson 1\n")
	mustContain(t, second, "1. A linked trio  (1 of 3 passed, 1 hint)", "Exercise 2 of 3: End quietly")
}

func TestLessonCorruptProgressIsReportedAndNotFatal(t *testing.T) {
	path := lessonState(t)
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o700))
	require.NoError(t, os.WriteFile(path, []byte("{not json"), 0o600))

	s := lessonSession(t, false)
	out := s.feedAll("lesson 1\nb: link c\na: link b\ncheck\n")
	mustContain(t, out, "note: progress file", "is corrupt", "set aside as", "Exercise 1 of 3", "✓ Passed.")
	assert.Equal(t, ExitOK, s.sh.status())
	_, err := os.Stat(path + ".corrupt")
	assert.NoError(t, err, "the corrupt file was set aside")
	p, err := lessons.Store{Path: path}.Load()
	require.NoError(t, err, "a fresh progress file replaced it")
	assert.True(t, p.Lessons["01-trio"].Exercise("ex1").Passed)
}

func TestLessonCheckRefusesAForbiddenVerb(t *testing.T) {
	lessonState(t)
	// Exercise 2 asks that a survive b's end: spawning or killing by hand
	// is not allowed there.
	out := lessonSession(t, false).feedAll("lesson 1\nnext\nspawn x\na: kill b\ncheck\n")
	mustContain(t, out, "✗ Not checked",
		"your line 1: `spawn x`: `spawn` is not allowed here",
		"your line 2: `a: kill b`: `kill` is not allowed here")
	assert.NotContains(t, out, "✓ Passed.")
}

func TestLessonAnswerIsTheCommandsSinceTheExerciseOpened(t *testing.T) {
	lessonState(t)
	// The commands before lesson 1 and before lesson reset are not part of
	// the answer: "your line 1" is the first command after the reset.
	out := lessonSession(t, false).feedAll("spawn z\nlesson 1\nb: link c\nlesson reset\nspawn y\nb: link c\ncheck\n")
	mustContain(t, out, "`spawn` is not allowed", "your line 1: `spawn y`")
	assert.NotContains(t, out, "spawn z`")
}

func TestLessonCommandsNeedAnOpenLessonAndTheirArguments(t *testing.T) {
	lessonState(t)
	s := lessonSession(t, true)
	out := s.feedAll("hint\nlesson reset\nlesson 1\ncheck now\npredict die: a\nlesson nosuch\nnext\nnext\ncheck\n")
	for _, want := range []string{
		"<stdin>:1: no lesson is open",
		"<stdin>:2: no lesson is open to reset",
		"<stdin>:4: check takes no argument",
		"<stdin>:5: this exercise asks for commands, not a prediction",
		"<stdin>:6: no lesson nosuch",
		"<stdin>:9: this exercise asks for a prediction",
	} {
		assert.Contains(t, out, want)
	}
	assert.Equal(t, ExitOK, s.sh.status(), "a lesson command that did nothing does not fail a script")
}

func TestLessonSaveWritesTheStartingStateThenTheAnswer(t *testing.T) {
	lessonState(t)
	s := lessonSession(t, false)
	s.feedAll("spawn z\nlesson 1\nb: link c\nsave a.scn\n")
	got := string(s.fs["a.scn"])
	assert.NotContains(t, got, "spawn z", "the world before the lesson is gone")
	assert.True(t, strings.Contains(got, "spawn a\nspawn b\nspawn c\nspawn d\nb: link c\n"), got)
}

// The REPL teaches the bundled lessons.
func TestLessonTheBundledLessonsByDefault(t *testing.T) {
	lessonState(t)
	cat, err := lessons.Bundled()
	require.NoError(t, err)
	out := newSession(false, false).feedAll("lesson\nlesson 1\n")
	mustContain(t, out, "1. "+cat.Lessons[0].Title+"  (0 of", "Lesson 1: "+cat.Lessons[0].Title)
}

// Tab knows the lesson verbs, and after lesson the lessons and reset.
func TestLessonCompletion(t *testing.T) {
	lessonState(t)
	s := lessonSession(t, false)
	for _, tt := range []struct {
		line string
		want []string
	}{
		{"les", []string{"son "}},
		{"pred", []string{"ict "}},
		{"lesson ", []string{"reset ", "trio "}},
		{"lesson t", []string{"rio "}},
		{"help chec", []string{"k "}},
	} {
		got, _ := doComplete(s.sh, tt.line)
		assert.Equal(t, tt.want, got, tt.line)
	}
}

// A sup body typed over several lines is one line of the answer.
func TestLessonAMultiLineCommandIsOneLineOfTheAnswer(t *testing.T) {
	lessonState(t)
	out := lessonSession(t, false).feedAll("lesson 1\nsup s {\n  worker w\n}\nspawn x\ncheck\n")
	mustContain(t, out, "your line 1: `sup s {; worker w; }`", "your line 2: `spawn x`")
}

// lesson N renders its page at the terminal's width.
func TestLessonPageFitsTheTerminal(t *testing.T) {
	lessonState(t)
	var out syncBuffer
	code := Run(Options{Stdin: strings.NewReader("lesson 1\r\x04"), Stdout: &out,
		HistoryFile: filepath.Join(t.TempDir(), "h"), term: &fakeTerminal{width: 50}})
	require.Equal(t, ExitOK, code)
	page, _, ok := strings.Cut(out.String(), "Your commands from here")
	require.True(t, ok, out.String())
	_, page, ok = strings.Cut(page, "# Lesson 1:")
	require.True(t, ok, out.String())
	lines := strings.Split(page, "\n")
	require.Greater(t, len(lines), 10)
	for _, l := range lines {
		assert.LessOrEqual(t, utf8.RuneCountInString(l), 50, l)
	}
}

// A wide terminal gets a page of at most maxPageWidth columns.
func TestLessonPageWidthIsCapped(t *testing.T) {
	s := newSession(false, false)
	for _, tt := range []struct{ term, want int }{{0, defaultWidth}, {50, 50}, {300, maxPageWidth}} {
		s.sh.width = func() int { return tt.term }
		assert.Equal(t, tt.want, s.sh.pageWidth(), tt.term)
	}
}

// Opening an exercise starts the session's commands again: leaving warns
// only about the learner's own, whatever was saved before.
func TestLessonLeavingWarnsOnlyAboutTheAnswer(t *testing.T) {
	lessonState(t)
	s := lessonSession(t, false)
	s.feedAll("spawn x\nspawn y\nspawn z\nsave before.scn\nlesson 1\n")
	assert.True(t, s.sh.mayLeave(), "nothing typed since the exercise opened")
	s.feedAll("b: link c\n")
	assert.False(t, s.sh.mayLeave(), "the answer is not saved")
	s.sh.out.flush()
	mustContain(t, s.buf.String(), "1 command is not saved")
	assert.True(t, s.sh.mayLeave(), "the second time leaves")
}

// previous opens the exercise before the open one, and makes it the
// learner's current one; on the first exercise it says there is none.
func TestLessonPreviousOpensTheExerciseBefore(t *testing.T) {
	path := lessonState(t)
	out := lessonSession(t, false).feedAll("lesson 1\nprevious\nnext\nprevious\n")
	mustContain(t, out, "this is the first exercise of this lesson", "Exercise 2 of 3")
	assert.Equal(t, 2, strings.Count(out, "Exercise 1 of 3"), "opened at the start, then by previous")
	p, err := lessons.Store{Path: path}.Load()
	require.NoError(t, err)
	assert.Equal(t, 1, p.Lessons["01-trio"].Current, "previous made exercise 1 current")
}

// A check's report is wrapped at spaces to the terminal, so the terminal
// never breaks a word of it.
func TestLessonVerdictIsWrappedToTheTerminal(t *testing.T) {
	lessonState(t)
	s := lessonSession(t, false)
	s.sh.width = func() int { return 40 }
	out := s.feedAll("lesson 1\nb: link c\na: link b\ncheck\n")
	_, report, ok := strings.Cut(out, "✓ Passed.")
	require.True(t, ok, out)
	report, _, _ = strings.Cut(report, "next opens")
	for _, l := range strings.Split(report, "\n") {
		assert.LessOrEqual(t, utf8.RuneCountInString(l), 40, l)
	}
	assert.Greater(t, strings.Count(report, "\n"), 1, "the pass sentence spans lines")
}
