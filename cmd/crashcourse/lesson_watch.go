package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/fsnotify/fsnotify"
)

// watchSettle is how long watch waits after a change before checking, so
// that an editor's several writes for one save give one check.
const watchSettle = 100 * time.Millisecond

// clearScreen moves the cursor home and clears a terminal.
const clearScreen = "\x1b[H\x1b[2J"

// watch checks the learner's file now and again after every save, as
// `rustlings watch` does, until ctx ends (Ctrl-C). A pass moves on to
// the next exercise's file. It watches the directory, not the file, since
// many editors save by writing a new file and renaming it over the old.
func (env *lessonEnv) watch(ctx context.Context, n int, l *lessons.Lesson, ex *lessons.Exercise, stdout io.Writer) int {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintf(env.stderr, "crashcourse lesson watch: %v\n", err)
		return exitUsage
	}
	defer w.Close()
	path, _, err := env.ensureFile(l, ex)
	if err == nil {
		err = w.Add(filepath.Dir(path))
	}
	if err != nil {
		fmt.Fprintf(env.stderr, "crashcourse lesson watch: %v\n", err)
		return exitUsage
	}
	env.setCurrent(l, ex)
	ex = env.redraw(n, l, ex, stdout)
	var settle <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintln(stdout, "stopped watching")
			return exitOK
		case e, ok := <-w.Events:
			if !ok {
				return exitOK
			}
			if filepath.Base(e.Name) == ex.FileName() && e.Op&(fsnotify.Write|fsnotify.Create|fsnotify.Rename) != 0 {
				settle = time.After(watchSettle)
			}
		case err := <-w.Errors:
			fmt.Fprintf(env.stderr, "crashcourse lesson watch: %v\n", err)
		case <-settle:
			settle = nil
			ex = env.redraw(n, l, ex, stdout)
		}
	}
}

// redraw checks ex's file and prints the result on a clean screen; it
// returns the exercise to watch next (the next one after a pass).
func (env *lessonEnv) redraw(n int, l *lessons.Lesson, ex *lessons.Exercise, stdout io.Writer) *lessons.Exercise {
	if isTerminal(stdout) {
		fmt.Fprint(stdout, clearScreen)
	}
	fmt.Fprintf(stdout, "== lesson %d, exercise %d: %s — %s\n", n, l.Number(ex), ex.Title, env.path(l, ex))
	v, err := env.checkFile(l, ex)
	if err != nil {
		fmt.Fprintf(stdout, "%v\n", err)
		return ex
	}
	fmt.Fprint(stdout, v.Report())
	if !v.Pass {
		fmt.Fprintln(stdout, "Watching for your next save (Ctrl-C stops; `crashcourse lesson hint` helps).")
		return ex
	}
	env.passed(l, ex, stdout)
	next, ok := l.Exercise(l.Number(ex) + 1)
	if !ok {
		return ex
	}
	fmt.Fprintln(stdout, "Watching the next exercise's file.")
	return next
}
