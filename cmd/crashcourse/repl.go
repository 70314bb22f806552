package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/repl"
)

// replCommand runs `crashcourse repl [--seed N] [-q] [--lesson-file
// FILE.md]`: interactive on a terminal; else a script read from stdin,
// printed as a session would print it without prompts or colour (what
// `run -v` prints), with run's exit status. -q prints only run's report.
// --lesson-file makes the lesson commands teach an instructor's lesson
// instead of the bundled ones; a file that does not parse is an error
// with its carets.
func replCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("repl", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	seed := fs.Uint64("seed", 0, "")
	quiet := fs.Bool("q", false, "")
	fs.Bool("v", true, "") // the default; kept so that `repl -v` reads like `run -v`
	lessonFile := fs.String("lesson-file", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			err = fmt.Errorf("unexpected argument %q (pipe a scenario in: crashcourse repl < FILE.scn)", fs.Arg(0))
		}
		fmt.Fprintf(stderr, "crashcourse repl: %v\n\n%s", err, usage)
		return exitUsage
	}
	var cat *lessons.Catalogue
	if *lessonFile != "" {
		var err error
		if cat, err = loadCatalogue(*lessonFile); err != nil {
			fmt.Fprintln(stderr, lessonError(err))
			return exitUsage
		}
	}
	if stdin == nil {
		stdin = os.Stdin
	}
	return repl.Run(repl.Options{Stdin: stdin, Stdout: stdout, Stderr: stderr, Seed: *seed, Verbose: !*quiet, Lessons: cat})
}
