package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/lessons"
)

// lessonState points the progress file at a temporary state directory
// and returns a temporary working directory for exercise files.
func lessonState(t *testing.T) string {
	t.Helper()
	t.Setenv("XDG_STATE_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	return t.TempDir()
}

func TestLessonListShowCheckHint(t *testing.T) {
	dir := lessonState(t)
	code, out, _ := call("lesson")
	require.Equal(t, exitOK, code)
	require.Contains(t, out, " 1  Links and exit reasons")
	require.Contains(t, out, "0/3 exercises")

	code, out, errs := call("lesson", "1", "--dir", dir)
	require.Equal(t, exitOK, code, errs)
	require.Contains(t, out, "Exercise 1 of 3: Build a cascade")
	file := filepath.Join(dir, "01-links", "ex1.scn")
	require.Contains(t, out, "Wrote "+file)

	code, out, _ = call("lesson", "check", "1", "--dir", dir)
	require.Equal(t, exitFailed, code)
	require.Contains(t, out, "✗ Not yet")

	code, out, _ = call("lesson", "hint", "1", "--dir", dir)
	require.Equal(t, exitOK, code)
	require.Contains(t, out, "Hint 1 of 3")
	_, out, _ = call("lesson", "hint", "1", "--dir", dir)
	require.Contains(t, out, "Hint 2 of 3")

	appendFile(t, file, "web: link db\napi: link db\n")
	code, out, _ = call("lesson", "check", "1", "--dir", dir)
	require.Equal(t, exitOK, code, out)
	require.Contains(t, out, "✓ Passed. You built a cascade")
	require.Contains(t, out, "Next: exercise 2")
	require.FileExists(t, filepath.Join(dir, "01-links", "ex2.scn"))

	code, out, _ = call("lesson")
	require.Equal(t, exitOK, code)
	require.Contains(t, out, "1/3 exercises, hints shown: 2")
	store, _ := lessons.DefaultStore()
	p, err := store.Load()
	require.NoError(t, err)
	require.Equal(t, 2, p.Lessons["01-links"].Current)
	require.Equal(t, 2, p.Lessons["01-links"].Exercises["ex1"].Hints)
}

// Showing a lesson again never overwrites the learner's file.
func TestLessonShowKeepsTheLearnersWork(t *testing.T) {
	dir := lessonState(t)
	file := filepath.Join(dir, "01-links", "ex1.scn")
	require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
	require.NoError(t, os.WriteFile(file, []byte("web: link db\n"), 0o644))
	code, out, _ := call("lesson", "1", "--dir", dir)
	require.Equal(t, exitOK, code)
	require.Contains(t, out, "Your file is "+file)
	data, _ := os.ReadFile(file)
	require.Equal(t, "web: link db\n", string(data))
}

// A corrupt progress file is reported and set aside; the command works.
func TestLessonCorruptProgressIsNotFatal(t *testing.T) {
	lessonState(t)
	store, _ := lessons.DefaultStore()
	require.NoError(t, os.MkdirAll(filepath.Dir(store.Path), 0o700))
	require.NoError(t, os.WriteFile(store.Path, []byte("{oops"), 0o600))
	code, out, errs := call("lesson")
	require.Equal(t, exitOK, code)
	require.Contains(t, out, "Links and exit reasons")
	require.Contains(t, errs, "is corrupt")
	require.FileExists(t, store.Path+".corrupt")
}

func TestLessonUsageErrors(t *testing.T) {
	lessonState(t)
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"lesson", "99"}, `no lesson "99"`},
		{[]string{"lesson", "1", "--exercise", "7"}, "has exercises 1 to 3, not 7"},
		{[]string{"lesson", "frob", "1"}, `unknown lesson command "frob"`},
		{[]string{"lesson", "lint"}, "lint wants a lesson file"},
		{[]string{"lesson", "--bogus"}, "flag provided but not defined"},
	} {
		code, _, errs := call(tt.args...)
		require.Equal(t, exitUsage, code, tt.args)
		require.Contains(t, errs, tt.want, tt.args)
	}
}

// minimalLesson is an instructor's lesson with one exercise.
const minimalLesson = "# Mine\n\n## Exercise: E\n\n```goal\nKill a.\n```\n\n```setup\nspawn a\n```\n\n" +
	"```allow\nkill\n```\n\n```expect\nexpect dead a reason=killed\n```\n\n```solution\nkill a\n```\n\n" +
	"```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\nYou killed a.\n```\n"

func TestLessonFromAnInstructorsFile(t *testing.T) {
	dir := lessonState(t)
	md := write(t, "mine.md", minimalLesson)
	code, out, errs := call("lesson", "--file", md, "--dir", dir)
	require.Equal(t, exitOK, code, errs)
	require.Contains(t, out, "Lesson 1: Mine")
	appendFile(t, filepath.Join(dir, "mine", "ex1.scn"), "kill a\n")
	code, out, _ = call("lesson", "check", "1", "--file", md, "--dir", dir)
	require.Equal(t, exitOK, code, out)
	require.Contains(t, out, "You killed a.")
}

func TestLessonLint(t *testing.T) {
	lessonState(t)
	good := write(t, "good.md", minimalLesson)
	passingStart := write(t, "start.md", strings.Replace(minimalLesson, "```allow", "```start\nkill a\n```\n\n```allow", 1))
	wrongSolution := write(t, "wrong.md", strings.Replace(minimalLesson, "```solution\nkill a", "```solution\nspawn b", 1))
	broken := write(t, "broken.md", strings.Replace(minimalLesson, "spawn a", "spwan a", 1))
	for _, tt := range []struct {
		file   string
		code   int
		stream string
		want   string
	}{
		{good, exitOK, "out", "1 exercises, every reference solution passes and every starting state fails"},
		{passingStart, exitFailed, "out", passingStart + ":14:1: ex1: the starting state already passes"},
		{wrongSolution, exitFailed, "out", wrongSolution + ":22:1: ex1: the reference solution does not pass"},
		{wrongSolution, exitFailed, "out", "your line 1: `spawn b`: `spawn` is not allowed here"},
		{broken, exitUsage, "err", broken + ":10:1: unknown verb \"spwan\" (did you mean spawn?)\nspwan a\n^"},
	} {
		code, out, errs := call("lesson", "lint", tt.file)
		require.Equal(t, tt.code, code, out+errs)
		got := out
		if tt.stream == "err" {
			got = errs
		}
		require.Contains(t, got, tt.want)
	}
}

// A lesson whose extensions OTP lacks says so and is not verified.
func TestLessonLintVerifySkipsAnExtensionLesson(t *testing.T) {
	lessonState(t)
	ext := write(t, "ext.md", strings.Replace(minimalLesson, "# Mine\n", "# Mine\n\n```lesson\nverify: no\n```\n", 1))
	code, out, errs := call("lesson", "lint", "--verify", ext)
	require.Equal(t, exitOK, code, out+errs)
	require.Contains(t, out, ext+": not verified on OTP (its lesson block says verify: no)")
}

// Every bundled lesson lints clean through the command.
func TestLessonLintBundled(t *testing.T) {
	lessonState(t)
	files, err := filepath.Glob(filepath.Join("..", "..", "lessons", "content", "*.md"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	code, out, errs := call(append([]string{"lesson", "lint"}, files...)...)
	require.Equal(t, exitOK, code, out+errs)
}

// In CI, every bundled exercise's reference solution, with its faults
// and expected cascade, and every worked example agree with real OTP
// (lessons marked verify: no, whose extensions OTP lacks, excepted).
func TestLessonBundledAgreeWithOTP(t *testing.T) {
	needErl(t)
	lessonState(t)
	files, err := filepath.Glob(filepath.Join("..", "..", "lessons", "content", "*.md"))
	require.NoError(t, err)
	code, out, errs := call(append([]string{"lesson", "lint", "--verify"}, files...)...)
	require.Equal(t, exitOK, code, out+errs)
	cat, err := lessons.Bundled()
	require.NoError(t, err)
	want := 0
	for _, l := range cat.Lessons {
		if l.Verify {
			want += len(l.Exercises)
		}
		if l.Verify && l.Example.Present() {
			want++
		}
	}
	require.Equal(t, want, strings.Count(out, " agree, 0 differ, 0 fail on both\n"), out)
}

// writes is a writer that hands every write to a channel, so that a test
// can wait for the output of another goroutine without polling.
type writes chan string

func (w writes) Write(p []byte) (int, error) {
	w <- string(p)
	return len(p), nil
}

// waitFor reads the writes until what was written holds want, or fails
// after a generous timeout; seen keeps what was read.
func (w writes) waitFor(t *testing.T, seen *strings.Builder, want string) {
	t.Helper()
	timeout := time.After(20 * time.Second)
	for !strings.Contains(seen.String(), want) {
		select {
		case s := <-w:
			seen.WriteString(s)
		case <-timeout:
			t.Fatalf("never saw %q in:\n%s", want, seen.String())
		}
	}
}

// watch re-checks on every save: a saved fix turns the result into a pass
// and moves on to the next exercise's file, which it then watches.
func TestLessonWatchReactsToASave(t *testing.T) {
	dir := lessonState(t)
	env, code := openLessons(lessonFlags{dir: dir, width: 80}, &bytes.Buffer{})
	require.NotNil(t, env, code)
	_, l, _ := env.cat.Find("1")
	ex, _ := l.Exercise(1)
	ctx, cancel := context.WithCancel(context.Background())
	out := make(writes)
	var seen strings.Builder
	done := make(chan int)
	go func() { done <- env.watch(ctx, 1, l, ex, out) }()
	out.waitFor(t, &seen, "✗ Not yet")

	file := filepath.Join(dir, "01-links", "ex1.scn")
	require.NoError(t, os.WriteFile(file, []byte("web: link db\napi: link db\n"), 0o644))
	out.waitFor(t, &seen, "✓ Passed. You built a cascade")
	out.waitFor(t, &seen, "Watching the next exercise's file.")

	// An editor that saves by renaming a new file over the old one.
	next := filepath.Join(dir, "01-links", "ex2.scn")
	tmp := filepath.Join(dir, "01-links", ".ex2.scn.swp")
	require.NoError(t, os.WriteFile(tmp, []byte("job: exit normal\n"), 0o644))
	require.NoError(t, os.Rename(tmp, next))
	out.waitFor(t, &seen, "✓ Passed. You ended a linked process")
	cancel()
	for {
		select {
		case <-out:
		case code := <-done:
			require.Equal(t, exitOK, code)
			return
		}
	}
}

func appendFile(t *testing.T, name, text string) {
	t.Helper()
	f, err := os.OpenFile(name, os.O_APPEND|os.O_WRONLY, 0)
	require.NoError(t, err)
	_, err = f.WriteString(text)
	require.NoError(t, err)
	require.NoError(t, f.Close())
}
