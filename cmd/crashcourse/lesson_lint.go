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

// verifyLesson runs the worked example and every exercise's reference
// script on real OTP.
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
	for _, sc := range verifiable(l) {
		name := l.File + "#" + sc.name
		fmt.Fprintln(stdout, "== "+name)
		rep, err := otp.Verify(ctx, rt, name, sc.src, otp.Options{Quiet: true}, stdout)
		switch {
		case err != nil:
			fmt.Fprintf(stderr, "crashcourse lesson lint --verify: %s: %v\n", name, err)
			status = exitUsage
		case rep.Failed():
			status = max(status, exitFailed)
			fmt.Fprintln(stdout, "the script verified, whose lines the points above name:")
			printNumbered(stdout, string(sc.src))
		}
	}
	return status
}

// script is a scenario of a lesson that verify runs.
type script struct {
	name string
	src  []byte
}

// verifiable lists what of l runs on OTP: the worked example (what the
// learner is told happens must happen on OTP too) and every exercise's
// reference script.
func verifiable(l *lessons.Lesson) []script {
	var out []script
	if l.Example.Present() {
		out = append(out, script{"example", []byte(l.Example.Text + "\n")})
	}
	for _, ex := range l.Exercises {
		out = append(out, script{ex.ID, ex.Script()})
	}
	return out
}

// printNumbered prints text with its line numbers.
func printNumbered(w io.Writer, text string) {
	for i, line := range strings.Split(strings.TrimRight(text, "\n"), "\n") {
		fmt.Fprintf(w, "%4d  %s\n", i+1, line)
	}
}
