package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios/otp"
)

// lessonLint checks lesson files: each parses, its reference solutions
// pass and its starting states fail; with --verify, each exercise's
// reference run agrees with real OTP. Exit status: 0 clean, 1 problems
// found, 2 a file that cannot be read or parsed, or no erl for --verify.
func lessonLint(files []string, f lessonFlags, stdout, stderr io.Writer) int {
	if len(files) == 0 {
		return usageError(stderr, "lint wants a lesson file")
	}
	status := exitOK
	for _, file := range files {
		l, err := readLesson(file)
		if err != nil {
			fmt.Fprintln(stderr, lessonError(err))
			status = max(status, exitUsage)
			continue
		}
		problems := lessons.Lint(l)
		for _, p := range problems {
			fmt.Fprintln(stdout, p.String())
		}
		if len(problems) > 0 {
			status = max(status, exitFailed)
		}
		if len(problems) == 0 {
			fmt.Fprintf(stdout, "%s: %d exercises, every reference solution passes and every starting state fails\n", file, len(l.Exercises))
		}
		if f.verify {
			status = max(status, verifyLesson(l, stdout, stderr))
		}
	}
	return status
}

// verifyLesson runs every exercise's reference script on real OTP.
func verifyLesson(l *lessons.Lesson, stdout, stderr io.Writer) int {
	if !l.Verify {
		fmt.Fprintf(stdout, "%s: not verified on OTP (its lesson block says verify: no)\n", l.File)
		return exitOK
	}
	ctx, stop := stopOnSignal()
	defer stop()
	rt, err := otp.NewRuntime()
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse lesson lint --verify: %v\n", err)
		return exitUsage
	}
	defer rt.Close()
	status := exitOK
	for _, ex := range l.Exercises {
		name := l.File + "#" + ex.ID
		fmt.Fprintln(stdout, "== "+name)
		rep, err := otp.Verify(ctx, rt, name, ex.Script(), otp.Options{Quiet: true}, stdout)
		switch {
		case err != nil:
			fmt.Fprintf(stderr, "crashcourse lesson lint --verify: %s: %v\n", name, err)
			status = exitUsage
		case rep.Failed():
			status = max(status, exitFailed)
			fmt.Fprintln(stdout, "the script verified, whose lines the points above name:")
			printNumbered(stdout, string(ex.Script()))
		}
	}
	return status
}

// printNumbered prints text with its line numbers.
func printNumbered(w io.Writer, text string) {
	for i, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		fmt.Fprintf(w, "%4d  %s\n", i+1, line)
	}
}
