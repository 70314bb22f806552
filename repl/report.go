package repl

import (
	"strconv"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// reporter prints results in one of the REPL's styles. In a script it
// prints what scenarios.RunScript prints, byte for byte; interactively it
// adds colour, shorter verdicts and carets that fit the terminal.
type reporter struct {
	out       *output
	echo      bool // print "> COMMAND" before a command's events
	events    bool // print the events a command caused and what it printed
	maxEvents int  // at most this many events a command
	maxLines  int  // at most this many lines of what a command printed
	withPos   bool // PASS and FAIL name file:line
	pretty    bool // interactive errors: a short window of the line, the message by the caret
}

// report prints what r did, and counts its verdict in sum. An error that
// an `expect error` right after expects is not printed unless events are.
func (rep *reporter) report(w *sim.World, r scenarios.Result, expectingError bool, sum *tally) {
	o := rep.out
	if rep.events && r.Check == nil {
		if rep.echo {
			o.line(o.paint(o.st.echo, "> "+r.Cmd.Text))
		}
		rep.printEvents(w, r)
		rep.printLines(r.Lines)
	}
	if r.Note != "" {
		o.line(o.paint(o.st.note, rep.where(r.Cmd.Pos, true)+"note: "+r.Note))
	}
	switch {
	case r.Err != nil && rep.asRun() && !expectingError && !r.Outcome:
		sum.failed++
		rep.fail(r.Cmd.Pos.FileLine() + ": command failed: " + r.Err.Message())
		o.line(r.Err.Pointer())
		rep.hint(r.Cmd)
	case r.Err != nil && (rep.events || !expectingError):
		o.caret(r.Err, rep.pretty, rep.withPos)
	}
	if r.Check != nil {
		rep.verdict(r, sum)
	}
}

// asRun reports whether this is the report of `crashcourse run`, byte for
// byte (a piped script): there a failed command is a FAIL, as in run.
func (rep *reporter) asRun() bool { return rep.withPos && !rep.pretty }

// fail prints FAIL and text after it.
func (rep *reporter) fail(text string) {
	rep.out.line(rep.out.paint(rep.out.st.fail, "FAIL") + " " + text)
}

// hint prints the command's hint under its FAIL.
func (rep *reporter) hint(c *scenarios.Command) {
	if c.Hint != "" {
		rep.out.line("  hint: " + c.Hint)
	}
}

// printEvents prints the events of r, at most maxEvents of them.
func (rep *reporter) printEvents(w *sim.World, r scenarios.Result) {
	lines, more := rep.out.eventLines(w, r, rep.maxEvents, rep.out.eventWidth())
	for _, l := range lines {
		rep.out.line("  " + l)
	}
	if more > 0 {
		rep.out.line(rep.out.paint(rep.out.st.note, "  … and "+strconv.Itoa(more)+
			" more events (the REPL's limit; `trace N` prints the last N)"))
	}
}

// printLines prints what a command printed, at most maxLines lines.
func (rep *reporter) printLines(lines []string) {
	o := rep.out
	for i, l := range lines {
		switch {
		case i == rep.maxLines:
			o.line(o.paint(o.st.note, "  … and "+strconv.Itoa(len(lines)-i)+" more lines (the REPL's limit)"))
			return
		case l == "":
			o.line("")
		default:
			o.line("  " + l)
		}
	}
}

// verdict prints PASS or FAIL and counts it.
func (rep *reporter) verdict(r scenarios.Result, sum *tally) {
	o, c := rep.out, r.Check
	at := ""
	if rep.withPos {
		at = r.Cmd.Pos.FileLine()
	}
	if c.Pass {
		sum.passed++
		o.line(o.paint(o.st.pass, "PASS") + " " + join(at, r.Cmd.Text))
		return
	}
	sum.failed++
	if at != "" {
		at += ":"
	}
	rep.fail(join(at, "expected "+c.Want+", got "+c.Got))
	rep.hint(r.Cmd)
}

// where is "file:line:col: " for a script, "" interactively.
func (rep *reporter) where(p scenarios.Pos, withCol bool) string {
	switch {
	case !rep.withPos:
		return ""
	case withCol:
		return p.String() + ": "
	}
	return p.FileLine() + ": "
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}
