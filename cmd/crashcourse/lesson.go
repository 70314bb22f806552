package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
)

// lessonUsage documents `crashcourse lesson`.
const lessonUsage = `usage:
  crashcourse lesson                    the lessons, with your progress
  crashcourse lesson N                  lesson N and your current exercise; writes the exercise's
                                        file (DIR/NN-name/exK.scn) for you to edit, never over your work
  crashcourse lesson check N            check your file for the current exercise (exit 1 if it fails)
  crashcourse lesson hint N             the next hint of the current exercise
  crashcourse lesson watch N            re-check your file every time you save it (Ctrl-C stops)
  crashcourse lesson lint FILE [--verify]
                                        check a lesson file: it parses, every reference solution
                                        passes, every starting state fails; --verify: and real OTP
                                        agrees with every expected cascade (needs erl)
flags:
  --file FILE.md   use this lesson file (an instructor's) instead of the bundled lessons
  --dir DIR        where exercise files go (default crashcourse-lessons)
  --exercise K     the exercise to show, check or hint (default: your current one)
  --width N        wrap the text at N columns (default: the terminal's width, at most 100; else 80)
`

// lessonFlags are the flags of `crashcourse lesson`.
type lessonFlags struct {
	file     string
	dir      string
	exercise int
	width    int
	verify   bool
}

func lessonCommand(args []string, stdout, stderr io.Writer) int {
	var f lessonFlags
	fs := flag.NewFlagSet("lesson", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&f.file, "file", "", "")
	fs.StringVar(&f.dir, "dir", "crashcourse-lessons", "")
	fs.IntVar(&f.exercise, "exercise", 0, "")
	fs.IntVar(&f.width, "width", 0, "")
	fs.BoolVar(&f.verify, "verify", false, "")
	pos, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, lessonUsage)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse lesson: %v\n\n%s", err, lessonUsage)
		return exitUsage
	}
	if len(pos) > 0 && pos[0] == "lint" {
		return lessonLint(pos[1:], f, stdout, stderr)
	}
	env, code := openLessons(f, stderr)
	if env == nil {
		return code
	}
	verb, arg := "show", ""
	switch {
	case len(pos) == 0 && f.file == "":
		return env.list(stdout)
	case len(pos) == 0:
		arg = "1"
	case len(pos) == 1:
		arg = pos[0]
	case len(pos) == 2:
		verb, arg = pos[0], pos[1]
	default:
		return usageError(stderr, "too many arguments: "+strings.Join(pos, " "))
	}
	return env.run(verb, arg, stdout, stderr)
}

func usageError(stderr io.Writer, msg string) int {
	fmt.Fprintf(stderr, "crashcourse lesson: %s\n\n%s", msg, lessonUsage)
	return exitUsage
}

// lessonEnv is what every lesson subcommand works with: the catalogue,
// the learner's progress and where their files go.
type lessonEnv struct {
	f        lessonFlags
	cat      *lessons.Catalogue
	store    lessons.Store
	progress *lessons.Progress
	stderr   io.Writer
}

// openLessons loads the catalogue (bundled, or --file) and the progress.
// A corrupt progress file is reported and set aside, never fatal.
func openLessons(f lessonFlags, stderr io.Writer) (*lessonEnv, int) {
	cat, err := loadCatalogue(f.file)
	if err != nil {
		fmt.Fprintln(stderr, lessonError(err))
		return nil, exitUsage
	}
	store, err := lessons.DefaultStore()
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse lesson: %v\n", err)
		return nil, exitUsage
	}
	p, err := store.Load()
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse lesson: %v\n", err)
	}
	return &lessonEnv{f: f, cat: cat, store: store, progress: p, stderr: stderr}, exitOK
}

func loadCatalogue(file string) (*lessons.Catalogue, error) {
	if file == "" {
		return lessons.Bundled()
	}
	l, err := readLesson(file)
	if err != nil {
		return nil, err
	}
	return lessons.Single(l), nil
}

func readLesson(file string) (*lessons.Lesson, error) {
	src, err := scenarios.ReadFileLimited(file, true)
	if err != nil {
		return nil, err
	}
	return lessons.Parse(file, src)
}

// lessonError prints a lesson file's errors with their carets.
func lessonError(err error) string {
	var list scenarios.ErrorList
	if errors.As(err, &list) {
		return list.Caret()
	}
	return "crashcourse lesson: " + scenarios.ErrorText(err)
}

func (env *lessonEnv) run(verb, arg string, stdout, stderr io.Writer) int {
	n, l, ok := env.cat.Find(arg)
	if !ok {
		return usageError(stderr, fmt.Sprintf("no lesson %q (there are %d; `crashcourse lesson` lists them)", arg, len(env.cat.Lessons)))
	}
	ex, code := env.exercise(l, stderr)
	if ex == nil {
		return code
	}
	switch verb {
	case "show":
		return env.show(n, l, ex, stdout)
	case "check":
		return env.check(l, ex, stdout)
	case "hint":
		return env.hint(l, ex, stdout)
	case "watch":
		ctx, stop := stopOnSignal()
		defer stop()
		return env.watch(ctx, n, l, ex, stdout)
	}
	return usageError(stderr, fmt.Sprintf("unknown lesson command %q", verb))
}

// exercise is the exercise --exercise names, or the learner's current one.
func (env *lessonEnv) exercise(l *lessons.Lesson, stderr io.Writer) (*lessons.Exercise, int) {
	k := env.f.exercise
	if k == 0 {
		return env.progress.Current(l), exitOK
	}
	ex, ok := l.Exercise(k)
	if !ok {
		return nil, usageError(stderr, fmt.Sprintf("lesson %q has exercises 1 to %d, not %d", l.Title, len(l.Exercises), k))
	}
	return ex, exitOK
}

// list prints the lessons with the learner's progress.
func (env *lessonEnv) list(stdout io.Writer) int {
	for i, l := range env.cat.Lessons {
		done, hints := env.progress.Passed(l)
		mark := " "
		if done == len(l.Exercises) {
			mark = "✓"
		}
		fmt.Fprintf(stdout, "%s %2d  %-40s %d/%d exercises", mark, i+1, l.Title, done, len(l.Exercises))
		if hints > 0 {
			fmt.Fprintf(stdout, ", hints shown: %d", hints)
		}
		fmt.Fprintln(stdout)
	}
	fmt.Fprintln(stdout, "\nStart one with: crashcourse lesson N")
	return exitOK
}

// path is the learner's file for ex.
func (env *lessonEnv) path(l *lessons.Lesson, ex *lessons.Exercise) string {
	return filepath.Join(env.f.dir, l.Dir(), ex.FileName())
}

// show prints the lesson and the exercise, and writes the exercise's
// file unless the learner already has one.
func (env *lessonEnv) show(n int, l *lessons.Lesson, ex *lessons.Exercise, stdout io.Writer) int {
	out, err := lessons.Render(l.Markdown(n, ex), textWidth(env.f.width, stdout), renderStyle(stdout))
	if err != nil {
		fmt.Fprintf(env.stderr, "crashcourse lesson: %v\n", err)
		return exitUsage
	}
	fmt.Fprint(stdout, out)
	path, created, err := env.ensureFile(l, ex)
	if err != nil {
		fmt.Fprintf(env.stderr, "crashcourse lesson: %v\n", err)
		return exitUsage
	}
	verb := "Your file is"
	if created {
		verb = "Wrote"
	}
	fmt.Fprintf(stdout, "%s %s: edit it, then run\n  crashcourse lesson check %d    (or: crashcourse lesson watch %d)\n", verb, path, n, n)
	env.setCurrent(l, ex)
	return exitOK
}

// ensureFile writes ex's starting file unless one exists; it never
// overwrites the learner's work, and an interrupted write leaves no
// half a file that would then count as their work.
func (env *lessonEnv) ensureFile(l *lessons.Lesson, ex *lessons.Exercise) (string, bool, error) {
	path := env.path(l, ex)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return path, false, err
	}
	err := scenarios.WriteFileAtomic(path, ex.StartFile(), scenarios.WriteOptions{Exclusive: true})
	if errors.Is(err, os.ErrExist) {
		return path, false, nil
	}
	return path, err == nil, err
}

// setCurrent records ex as the learner's current exercise in l.
func (env *lessonEnv) setCurrent(l *lessons.Lesson, ex *lessons.Exercise) {
	if env.progress.SetCurrent(l, ex) {
		env.save()
	}
}

// save writes the progress; a failure is reported, not fatal.
func (env *lessonEnv) save() {
	if err := env.store.Save(env.progress); err != nil {
		fmt.Fprintf(env.stderr, "crashcourse lesson: could not save your progress: %v\n", err)
	}
}

// renderStyle is glamour's dark style on a terminal, no colour otherwise.
func renderStyle(w io.Writer) string {
	if isTerminal(w) {
		return "dark"
	}
	return "notty"
}

// textWidth is the width to wrap at: the one asked for, else the
// terminal's (at most 100 columns, which reads best), else 80.
func textWidth(asked int, w io.Writer) int {
	if asked > 0 {
		return asked
	}
	if f, ok := w.(*os.File); ok && isTerminal(w) {
		if cols, _, err := term.GetSize(int(f.Fd())); err == nil && cols > 20 {
			return min(cols, 100)
		}
	}
	return 80
}
