package main

import (
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/crashcourse/crashcourse/repl"
)

// replCommand runs `crashcourse repl [--seed N] [-q]`: interactive on a
// terminal; else a script read from stdin, printed as a session would print
// it without prompts or colour (what `run -v` prints), with run's exit
// status. -q prints only run's report.
func replCommand(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("repl", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	seed := fs.Uint64("seed", 0, "")
	quiet := fs.Bool("q", false, "")
	fs.Bool("v", true, "") // the default; kept so that `repl -v` reads like `run -v`
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			err = fmt.Errorf("unexpected argument %q (pipe a scenario in: crashcourse repl < FILE.scn)", fs.Arg(0))
		}
		fmt.Fprintf(stderr, "crashcourse repl: %v\n\n%s", err, usage)
		return exitUsage
	}
	if stdin == nil {
		stdin = os.Stdin
	}
	return repl.Run(repl.Options{Stdin: stdin, Stdout: stdout, Stderr: stderr, Seed: *seed, Verbose: !*quiet})
}
