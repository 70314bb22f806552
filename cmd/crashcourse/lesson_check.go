package main

import (
	"fmt"
	"io"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
)

// check checks the learner's file for ex, records the result and, on a
// pass, moves the learner to the next exercise and writes its file.
func (env *lessonEnv) check(l *lessons.Lesson, ex *lessons.Exercise, stdout io.Writer) int {
	v, err := env.checkFile(l, ex)
	if err != nil {
		fmt.Fprintf(env.stderr, "crashcourse lesson: %v\n", err)
		return exitUsage
	}
	fmt.Fprint(stdout, v.Report())
	if !v.Pass {
		return exitFailed
	}
	env.passed(l, ex, stdout)
	return exitOK
}

// checkFile reads the learner's file for ex and checks it.
func (env *lessonEnv) checkFile(l *lessons.Lesson, ex *lessons.Exercise) (lessons.Verdict, error) {
	path := env.path(l, ex)
	src, err := scenarios.ReadFileLimited(path, true)
	if err != nil {
		return lessons.Verdict{}, fmt.Errorf("%w (run `crashcourse lesson N` first to create it)", err)
	}
	return lessons.Check(ex, path, src), nil
}

// passed records that ex passed and says what comes next.
func (env *lessonEnv) passed(l *lessons.Lesson, ex *lessons.Exercise, stdout io.Writer) {
	next := env.progress.Pass(l, ex)
	env.save()
	if next == nil {
		fmt.Fprintf(stdout, "That was the last exercise of %q.\n", l.Title)
		return
	}
	path, _, err := env.ensureFile(l, next)
	if err != nil {
		fmt.Fprintf(env.stderr, "crashcourse lesson: %v\n", err)
		return
	}
	fmt.Fprintf(stdout, "Next: exercise %d, %q. Goal: %s\nYour file: %s\n", l.Number(next), next.Title, next.Goal, path)
}

// hint shows the next hint of ex and records that it was shown; once all
// are shown, it shows the last again.
func (env *lessonEnv) hint(l *lessons.Lesson, ex *lessons.Exercise, stdout io.Writer) int {
	k, text := env.progress.NextHint(l, ex)
	fmt.Fprintf(stdout, "Hint %d of %d: %s\n", k, len(ex.Hints), text)
	env.save()
	return exitOK
}
