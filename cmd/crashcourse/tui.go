package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/tui"
	"golang.org/x/term"
)

// demoScenario is what `crashcourse` opens on a terminal.
const demoScenario = "builtin:demo"

// tuiCommand runs `crashcourse tui [FILE.scn | builtin:NAME] [--seed N]
// [--lesson N]`; with --lesson the lesson pane opens on lesson N.
func tuiCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("tui", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	seed := fs.Uint64("seed", 0, "")
	lesson := fs.String("lesson", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 1 {
		if err == nil {
			err = fmt.Errorf("one scenario at most, got %d", fs.NArg())
		}
		fmt.Fprintf(stderr, "crashcourse tui: %v\n\n%s", err, usage)
		return exitUsage
	}
	name := demoScenario
	if fs.NArg() == 1 {
		name = fs.Arg(0)
	}
	return openTUI(name, tui.RunOptions{Seed: *seed, Lesson: *lesson}, stdout, stderr)
}

// openTUI opens the TUI on a scenario; a scenario that does not parse is
// reported with its carets, as run reports it.
func openTUI(name string, o tui.RunOptions, stdout, stderr io.Writer) int {
	src, err := readScenario(name)
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse tui: %v\n", err)
		return exitUsage
	}
	_, noColor := os.LookupEnv("NO_COLOR")
	o.Title, o.Src, o.NoColor, o.Output = name, src, noColor, stdout
	o.KeepHistory = true // shared with the REPL, in the user's state directory
	err = tui.Run(o)
	if list, ok := err.(scenarios.ErrorList); ok {
		fmt.Fprintln(stderr, list.Caret())
		return exitUsage
	}
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse tui: %v\n", err)
		return exitFailed
	}
	return exitOK
}

// isTerminal reports whether f is a terminal: scripts and pipes never get
// the TUI's escape codes.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(int(file.Fd()))
}
