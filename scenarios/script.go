package scenarios

import (
	"fmt"
	"io"
)

// RunOptions configure RunScript.
type RunOptions struct {
	Seed    uint64    // the world's initial seed (a `seed` command overrides it)
	Verbose bool      // echo every command with the events it caused, after the comments before it (see Narration)
	Trace   io.Writer // when set, receives the trace as JSON Lines, as the run goes
	// NoTotals leaves out the closing "N passed, M failed" line, for a
	// caller that totals several scripts itself.
	NoTotals bool
}

// Summary counts a script's expectations and failed commands. Failed
// counts every FAIL line: the expectations that failed, and the commands
// that failed without an `expect error` right after them to say it was
// meant; Errors counts those commands alone. A supervisor whose start
// fails is an outcome, not a failed command.
type Summary struct {
	Passed, Failed, Errors int
}

// RunScript parses and runs a scenario, writing one line per expectation
// (`PASS file:line text` or `FAIL file:line: expected …, got …`), errors of
// commands with a caret, and the closing line `N passed, M failed` (unless o.NoTotals). A parse
// error is returned as an ErrorList before anything runs. The trace, when
// asked for, is written as the run goes (see traceStream); an error writing
// it is returned at the end.
func RunScript(file string, src []byte, o RunOptions, out io.Writer) (Summary, *Session, error) {
	cmds, err := Parse(file, src)
	if err != nil {
		return Summary{}, nil, err
	}
	s := NewSession(o.Seed)
	s.AddSource(file, src)
	var trace *traceStream
	if o.Trace != nil {
		trace = newTraceStream(o.Trace)
		s.SetInterrupt(trace.between(s))
	}
	var sum Summary
	narration, end := NarrationOf(src, cmds)
	for i, c := range cmds {
		if c.Verb == "reset" && trace != nil {
			trace.restart(s.World())
		}
		r := s.Exec(c)
		if trace != nil {
			trace.write(s.World())
		}
		expectingError := i+1 < len(cmds) && cmds[i+1].Expect != nil && cmds[i+1].Expect.Kind == "error"
		if o.Verbose {
			printLines(out, narration[i])
		}
		report(out, s, r, o.Verbose, expectingError, &sum)
	}
	if o.Verbose {
		printLines(out, end)
	}
	if !o.NoTotals {
		fmt.Fprintf(out, "%d passed, %d failed\n", sum.Passed, sum.Failed)
	}
	if trace != nil {
		return sum, s, trace.err
	}
	return sum, s, nil
}

func report(out io.Writer, s *Session, r Result, verbose, expectingError bool, sum *Summary) {
	if verbose && r.Check == nil {
		fmt.Fprintln(out, "> "+r.Cmd.Text)
		for _, l := range EventLines(s.World(), r) {
			fmt.Fprintln(out, "  "+l)
		}
		for _, l := range r.Lines {
			fmt.Fprintln(out, indented(l))
		}
	}
	if r.Note != "" {
		fmt.Fprintln(out, r.Cmd.Pos.String()+": note: "+r.Note)
	}
	at := r.Cmd.Pos.FileLine()
	switch {
	case r.Err != nil && !expectingError && !r.Outcome:
		sum.Failed++
		sum.Errors++
		fail(out, r.Cmd, "FAIL "+at+": command failed: "+r.Err.Message()+"\n"+r.Err.Pointer())
	case r.Err != nil && (verbose || !expectingError):
		fmt.Fprintln(out, r.Err.Caret())
	}
	if c := r.Check; c != nil {
		if c.Pass {
			sum.Passed++
			fmt.Fprintln(out, "PASS "+at+" "+r.Cmd.Text)
		} else {
			sum.Failed++
			fail(out, r.Cmd, "FAIL "+at+": expected "+c.Want+", got "+c.Got)
		}
	}
}

func printLines(out io.Writer, lines []string) {
	for _, l := range lines {
		fmt.Fprintln(out, l)
	}
}

// fail prints a FAIL report, and under it the command's hint, if any.
func fail(out io.Writer, c *Command, report string) {
	fmt.Fprintln(out, report)
	if c.Hint != "" {
		fmt.Fprintln(out, "  hint: "+c.Hint)
	}
}

// indented is a printed line under its command, indented; a blank line
// stays blank.
func indented(l string) string {
	if l == "" {
		return ""
	}
	return "  " + l
}
