package repl

import (
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// record is one command of the session as save writes it.
type record struct {
	text        string
	failed      bool // a command (not an expectation) that returned an error
	checkFailed bool // an expectation that did not pass (failed, or erred)
	expectError bool // an `expect error` that passed
	look        bool // an inspection (ps, info, why, …): it changes nothing
}

// pendingResult is a result whose report waits for the next command: a
// script does not print an error that an `expect error` right after it
// expects, as `crashcourse run` does.
type pendingResult struct {
	r   scenarios.Result
	rep *reporter
}

// runChunk parses the lines of one complete input (a line, or a command
// spanning lines, starting at line number at) and runs its commands. A
// chunk with a parse error runs nothing: its errors are reported.
func (sh *shell) runChunk(lines []string, at int) {
	sh.chunk, sh.chunkAt = lines, at
	text := strings.Join(lines, "\n")
	cmds, err := scenarios.ParseLine(sh.file, at, text)
	if err != nil {
		sh.flush(false)
		sh.parseErrors(err, strings.TrimSpace(text) == "exit")
		return
	}
	if len(cmds) == 0 && sh.narrates(sh.typed) {
		sh.narr.Add(text)
	}
	for _, c := range cmds {
		if sh.narrates(sh.typed) {
			sh.narration = sh.narr.Take()
		}
		sh.run(c, sh.typed)
	}
}

// narrates reports whether commands reported by rep come with the comments
// before them: when a script echoes them with their events, as run -v
// does, and in a load. Comments typed at the prompt are not repeated.
func (sh *shell) narrates(rep *reporter) bool {
	return rep.echo && rep.events && (sh.script || rep == sh.loaded)
}

// narrate prints the narration waiting for the next command.
func (sh *shell) narrate() {
	for _, l := range sh.narration {
		sh.out.line(sh.out.paint(sh.out.st.narration, l))
	}
	sh.narration = nil
}

// parseErrors reports what Parse returned and marks the input broken.
func (sh *shell) parseErrors(err error, exitAlone bool) {
	sh.sum.broken = true
	list, ok := err.(scenarios.ErrorList)
	if !ok {
		sh.problem(sh.lineNo, err.Error())
		return
	}
	for _, e := range list {
		sh.out.caret(e, sh.typed.pretty, sh.script || e.Pos.File != sh.file)
	}
	if exitAlone && !sh.script {
		sh.out.line(sh.out.paint(sh.out.st.note, "hint: exit is a verb of the language (A: exit REASON); to leave the REPL, type quit or press Ctrl-D"))
	}
}

// run executes one command and reports it with rep, after reporting the
// previous command now that it is known whether c expects its error.
// Typed commands of the interactive REPL are reported at once.
func (sh *shell) run(c *scenarios.Command, rep *reporter) {
	sh.flush(c.Expect != nil && c.Expect.Kind == "error")
	sh.narrate()
	r := sh.exec(c)
	sh.pending = &pendingResult{r: r, rep: rep}
	if !sh.script && rep == sh.typed {
		sh.flush(false)
	}
}

// flush reports the result waiting for lookahead, if any.
func (sh *shell) flush(expectingError bool) {
	if p := sh.pending; p != nil {
		sh.pending = nil
		p.rep.report(sh.sess.World(), p.r, expectingError, &sh.sum)
	}
}

// exec runs c in the session, within the REPL's limits, and remembers it.
func (sh *shell) exec(c *scenarios.Command) scenarios.Result {
	capped := sh.capTrace(c)
	r := sh.sess.Exec(c)
	if capped != "" && r.Note == "" && sh.typed.events {
		r.Note = capped
	}
	if r.Err != nil {
		sh.sourceLine(r.Err)
	}
	if c.Verb == "help" {
		sh.help(c, &r)
	} else {
		sh.remember(c, r)
	}
	sh.names.NoteRefs(c, r)
	return r
}

// capTrace limits a `trace` of a long trace to its last maxTraceLines
// entries, and returns the note that says so.
func (sh *shell) capTrace(c *scenarios.Command) string {
	if c.Show == nil || c.Verb != "trace" {
		return ""
	}
	total := sh.sess.World().TraceLen()
	if total <= maxTraceLines || (c.Show.N > 0 && c.Show.N <= maxTraceLines) {
		return ""
	}
	c.Show.N = maxTraceLines
	return "trace shows the last " + itoa(maxTraceLines) + " of " + itoa(total) + " entries (the REPL's limit)"
}

// sourceLine puts the whole source line under an error of the chunk being
// run, as a script's source would show it.
func (sh *shell) sourceLine(e *scenarios.Error) {
	if i := e.Pos.Line - sh.chunkAt; e.Pos.File == sh.file && i >= 0 && i < len(sh.chunk) {
		e.Line = strings.TrimSuffix(sh.chunk[i], "\r")
	}
}

// remember adds c to the log that save writes.
func (sh *shell) remember(c *scenarios.Command, r scenarios.Result) {
	rec := record{text: c.Text, look: c.Show != nil}
	switch {
	case r.Interrupted:
		rec.text = interruptedText(c, r)
	case c.Expect != nil:
		pass := r.Err == nil && r.Check != nil && r.Check.Pass
		rec.checkFailed = !pass
		rec.expectError = pass && c.Expect.Kind == "error"
	case r.Err != nil:
		rec.failed = true
	}
	sh.log = append(sh.log, rec)
}

// interruptedText is what save writes for a command stopped by Ctrl-C: for
// run, advance and step, `step N` with the N events it ran, which replays
// exactly what it did; another command is kept whole, with a comment that
// its replay runs it to the end.
func interruptedText(c *scenarios.Command, r scenarios.Result) string {
	switch {
	case c.Verb != "run" && c.Verb != "advance" && c.Verb != "step":
		return "# interrupted when saved; replayed here to its end:\n" + c.Text
	case r.Ran == 0:
		return "# interrupted before its first event: " + c.Text
	}
	return "# interrupted after " + scenarios.Count(r.Ran, "event", "events") + ": " + c.Text + "\nstep " + itoa(r.Ran)
}
