package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/tui"
)

// Exit statuses, as `crashcourse run` documents them.
const (
	exitOK     = 0 // every expectation passed
	exitFailed = 1 // some expectation failed, or a command failed without `expect error` after it
	exitUsage  = 2 // bad usage, or a file that cannot be read or parsed
)

const usage = `crashcourse — learn Erlang/OTP fault tolerance by simulation

usage (crashcourse help repl describes the REPL, crashcourse help lesson the lessons):
  crashcourse                       on a terminal: the TUI on a demo tree (? lists the keys);
                                    piped: the built-in tour, told event by event
  crashcourse tui [FILE.scn] [--seed N] [--lesson N]
                                    explore a scenario in the TUI (default builtin:demo),
                                    or a lesson in its pane
  crashcourse run FILE.scn... [flags]
                                    run scenarios (a directory: its *.scn files) and check
                                    their expectations
  crashcourse repl [--seed N] [-q] [--lesson-file FILE.md]
                                    an interactive shell (piped: runs stdin as run -v does; -q as run);
                                    its lesson commands teach FILE.md instead of the bundled lessons
  crashcourse scenarios [-q]        list the built-in scenarios (run one with builtin:NAME;
                                    -q: only their names, one a line, for scripts)
  crashcourse show builtin:NAME     print a built-in scenario's source
  crashcourse lesson [N]            the lessons and your progress, or lesson N and its exercise
                                    (see crashcourse lesson --help: check, hint, watch, lint)
  crashcourse serve [--addr :2222] [--dir DIR] [--authorized-keys FILE] [--instructors FILE]
                   [--idle 30m] [--max-sessions 100] [--max-processes 10000]
                   [--max-events 200000] [--max-trace 100000] [--max-heap-mb 1024]
                   [--report FILE|-]
                                    serve the TUI and the lessons over SSH to a room
                                    (--max-*: each learner's world's limits, and the heap
                                    past which new sessions are refused;
                                    --report: write the room's progress as CSV and exit)
  crashcourse verify FILE.scn... [--runs N] [--scale N] [--max-real D] [--keep DIR] [-j N] [-q]
                                    check a scenario against the real Erlang/OTP runtime
  crashcourse export FILE.scn --erlang|--elixir|--dot|--mermaid [-o DIR [--force]] [--seed N]
                                    print its supervision trees as Erlang or Elixir code,
                                    or draw them (Graphviz) or its cascades (Mermaid)

run flags:
  --seed N         seed the simulation's random generator (default 0)
  --trace FILE|-   write the event trace as JSON Lines as it happens (- for stdout; the report then goes to stderr)
  -v               print every command with the events it caused

verify flags:
  --seed N         seed the simulation the points are compared with (default 0)
  --runs N         run each scenario N times on OTP and accept any outcome OTP showed (default 1)
  --scale N        virtual ms per real ms on OTP (default: 1, or what fits the scenario in about 2s)
  --max-real D     refuse a scenario that needs more real time than D (default 2m)
  --keep DIR       keep the translated program and what OTP did in DIR
  -j N             scenarios verified at once (default 2)
  -q               print only the points that differ or fail, and the totals

export flags:
  -o DIR           write the files under DIR instead (refused if one exists)
  --force          with -o, replace the files that exist (not read-only ones)
  On stdout each file starts with a line "%% ==> NAME <==" ("# ==> NAME <==" for
  Elixir). Modules are crashcourse_NAME_sup and crashcourse_NAME_server (Erlang),
  Crashcourse.FILE.NAME (Elixir): no OTP or Elixir module starts so.
  --dot            the trees as declared, with the links and monitors the run left
                   (Graphviz: dot -Tsvg); -o writes FILE.dot
  --mermaid        the run's cascades as a Mermaid sequence diagram, at most 300
                   arrows and notes; -o writes FILE.mmd
  --seed N         with --dot or --mermaid, run the scenario as run --seed N does
`

// run is the whole program; main only supplies the process's streams.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		if isTerminal(stdout) && isTerminal(stdin) {
			return openTUI(demoScenario, tui.RunOptions{}, stdout, stderr)
		}
		return tour(stdout, stderr)
	}
	switch args[0] {
	case "tui":
		return tuiCommand(args[1:], stdout, stderr)
	case "run":
		return runScenario(args[1:], stdout, stderr)
	case "repl":
		return replCommand(args[1:], stdin, stdout, stderr)
	case "verify":
		return verify(args[1:], stdout, stderr)
	case "export":
		return export(args[1:], stdout, stderr)
	case "lesson", "lessons":
		return lessonCommand(args[1:], stdout, stderr)
	case "serve":
		return serveCommand(args[1:], stdout, stderr)
	case "scenarios":
		return listScenarios(args[1:], stdout, stderr)
	case "show":
		return show(args[1:], stdout, stderr)
	case "help", "-h", "--help", "-help":
		return helpCommand(args[1:], stdout, stderr)
	}
	fmt.Fprintf(stderr, "crashcourse: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

func tour(stdout, stderr io.Writer) int {
	s, _ := scenarios.BuiltinNamed("tour")
	fmt.Fprintln(stdout, "crashcourse tour — every command of builtin:tour with the events it caused.")
	fmt.Fprintln(stdout, "Run your own: crashcourse run FILE.scn (see `crashcourse help`).")
	fmt.Fprintln(stdout)
	sum, _, err := scenarios.RunScript("builtin:tour", s.Src, scenarios.RunOptions{Verbose: true}, stdout)
	fmt.Fprint(stdout, tourEnd)
	return status(stderr, sum, err)
}

// runFlags are the flags of `crashcourse run`.
type runFlags struct {
	seed    uint64
	trace   string
	verbose bool
}

// runScenario runs one scenario file or several (a directory stands for
// the *.scn files in it), in the order given. Several files each get a
// "== FILE" heading and share one closing "N passed, M failed in K files"
// line; a file that cannot be read or parsed is reported and the others
// still run. The exit status is the worst of the files'.
func runScenario(args []string, stdout, stderr io.Writer) int {
	files, f, err := parseRunArgs(args)
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse run: %s\n\n%s", scenarios.ErrorText(err), usage)
		return exitUsage
	}
	if len(files) == 1 {
		report := stdout
		if f.trace == "-" {
			report = stderr
		}
		sum, ran, code := runOne(files[0], f, stdout, stderr)
		if ran {
			fmt.Fprintf(report, "%d passed, %d failed\n", sum.Passed, sum.Failed)
		}
		return code
	}
	var total scenarios.Summary
	worst := exitOK
	for _, file := range files {
		fmt.Fprintf(stdout, "== %s\n", scenarios.FileName(file))
		sum, _, code := runOne(file, f, stdout, stderr)
		total.Passed += sum.Passed
		total.Failed += sum.Failed
		worst = max(worst, code)
	}
	fmt.Fprintf(stdout, "%d passed, %d failed in %d files\n", total.Passed, total.Failed, len(files))
	return worst
}

// runOne runs one scenario file and returns its tallies, whether it ran
// (it parsed), and its exit status; its report goes to stdout (to stderr
// with --trace -), what keeps it from running to stderr. The caller
// prints the totals.
func runOne(file string, f runFlags, stdout, stderr io.Writer) (sum scenarios.Summary, ran bool, code int) {
	src, err := readScenario(file)
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse run: %s\n", scenarios.ErrorText(err))
		return sum, false, exitUsage
	}
	o := scenarios.RunOptions{Seed: f.seed, Verbose: f.verbose, NoTotals: true}
	out := stdout
	switch f.trace {
	case "":
	case "-":
		o.Trace, out = stdout, stderr
	default:
		tf, err := createTrace(f.trace, file)
		if err != nil {
			fmt.Fprintf(stderr, "crashcourse run: %s\n", scenarios.ErrorText(err))
			return sum, false, exitUsage
		}
		defer tf.Close()
		o.Trace = tf
	}
	sum, sess, err := scenarios.RunScript(file, src, o, out)
	return sum, sess != nil, status(stderr, sum, err)
}

// createTrace creates the --trace file, refusing the scenario itself under
// any of its names (the same path, a symlink, a hard link): truncating it
// would lose the file being run. It opens before it compares, so what it
// compares is what it would truncate. The trace is written as the run
// goes, so it is not atomic: a killed run leaves the trace so far.
func createTrace(name, scenario string) (*os.File, error) {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE, 0o666)
	if err != nil {
		return nil, err
	}
	t, err := f.Stat()
	if err == nil {
		if s, serr := os.Stat(scenario); serr == nil && os.SameFile(t, s) {
			err = fmt.Errorf("--trace %s is the scenario being run; write the trace to another file", scenarios.FileName(name))
		}
	}
	if err == nil && t.Mode().IsRegular() { // a device or a pipe has nothing to truncate
		err = f.Truncate(0)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// status turns a script's outcome into an exit status, printing parse
// errors with their carets.
func status(stderr io.Writer, sum scenarios.Summary, err error) int {
	switch {
	case err != nil:
		return failure(stderr, "crashcourse", err)
	case sum.Failed > 0:
		return exitFailed
	}
	return exitOK
}

// failure prints why a command could not run — parse errors with their
// carets, file names and messages made safe for a terminal — and returns
// exitUsage.
func failure(stderr io.Writer, who string, err error) int {
	var list scenarios.ErrorList
	if errors.As(err, &list) {
		fmt.Fprintln(stderr, list.Caret())
	} else {
		fmt.Fprintf(stderr, "%s: %s\n", who, scenarios.ErrorText(err))
	}
	return exitUsage
}

// parseRunArgs accepts the files and the flags in any order; a directory
// stands for the *.scn files in it. --trace takes one file.
func parseRunArgs(args []string) ([]string, runFlags, error) {
	var f runFlags
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Uint64Var(&f.seed, "seed", 0, "")
	fs.StringVar(&f.trace, "trace", "", "")
	fs.BoolVar(&f.verbose, "v", false, "")
	files, err := parseFiles(fs, args)
	switch {
	case err != nil:
	case len(files) == 0:
		err = errors.New("want at least one scenario file")
	case f.trace != "" && len(files) > 1:
		err = errors.New("--trace takes one scenario file")
	}
	return files, f, err
}

// readScenario reads a file or a pipe (see scenarios.ReadFileLimited), or
// a built-in scenario written builtin:NAME.
func readScenario(name string) ([]byte, error) {
	if b, ok := strings.CutPrefix(name, "builtin:"); ok {
		s, found := scenarios.BuiltinNamed(b)
		if !found {
			return nil, fmt.Errorf("no built-in scenario %q (crashcourse scenarios lists them)", b)
		}
		return s.Src, nil
	}
	return scenarios.ReadFileLimited(name, true)
}
