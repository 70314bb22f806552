package repl

import (
	"strings"
	"sync"
	"sync/atomic"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
)

// shell is one REPL session: a scenarios.Session, the lines of a command
// whose sup body is still open, what ran (for save), and the tallies that
// make the exit status. One goroutine calls its methods; mu guards the
// session against the completer, which readline calls from its own.
type shell struct {
	mu     sync.Mutex
	sess   *scenarios.Session
	seed   uint64
	file   string // the input's name in positions: "<repl>" or "<stdin>"
	script bool   // non-interactive: RunScript's report, with lookahead
	out    *output
	typed  *reporter // for the commands read from the input
	loaded *reporter // for the commands of a loaded file
	fsys   fileSystem
	names  *scenarios.WorldNames

	lineNo    int      // the number of the last line read
	open      []string // the lines of a command still open, from line openAt
	openAt    int
	openBytes int
	chunk     []string // the lines of the command being run, from line chunkAt
	chunkAt   int

	log     []record
	saved   int // len(log) at the last save
	warned  int // len(log) when leaving last warned of unsaved commands; -1: never
	pending *pendingResult
	sum     tally
	quit    bool

	// narr gathers the comments read between typed commands, and
	// narration holds what to print before the next command's report,
	// when commands are echoed with their events (see scenarios.Narration).
	narr      scenarios.Narration
	narration []string

	// tutor is the lesson being taught, from the first lesson command
	// (see lessonCommand); answerFrom is the index in log of the
	// learner's first command since its exercise opened.
	tutor      *lessons.Tutor
	answerFrom int
	// catalogue gives the lessons the tutor teaches: lessons.Bundled.
	catalogue func() (*lessons.Catalogue, error)
	// width is the terminal's width, for lesson pages and help; nil when
	// unknown.
	width func() int

	// interrupted is Ctrl-C while a line runs: the session stops the
	// command at the event it reached, and a load stops there too. Each
	// line read starts with it clear.
	interrupted atomic.Bool
}

// tally counts what decides the exit status.
type tally struct {
	passed, failed int
	broken         bool // some input could not be parsed or read, or a save or load failed
}

// newShell returns a shell over a fresh session seeded with seed. file
// names the input in positions; script selects RunScript's report format.
func newShell(seed uint64, file string, script, verbose bool, out *output) *shell {
	sh := &shell{
		sess: scenarios.NewSession(seed), seed: seed, file: file, script: script,
		out: out, fsys: &osFS{}, catalogue: lessons.Bundled, warned: -1,
	}
	sh.names = scenarios.NewWorldNames(sh.sess.World())
	sh.sess.SetInterrupt(sh.interrupted.Load)
	if script {
		sh.typed = &reporter{out: out, echo: verbose, events: verbose, maxEvents: maxVerboseEvents,
			maxLines: maxVerboseEvents, withPos: true}
	} else {
		sh.typed = &reporter{out: out, events: true, maxEvents: maxShownEvents, maxLines: maxShownLines, pretty: true}
	}
	loaded := *sh.typed
	loaded.withPos = true
	if !script {
		loaded.echo = true
	}
	sh.loaded = &loaded
	return sh
}

// feed reads one line of input: it runs the command the line completes
// (or a REPL command), or keeps the line while a sup body is open. It
// returns the text of the command it ran, for history, or "".
func (sh *shell) feed(line string) string {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.interrupted.Store(false)
	sh.lineNo++
	if len(line) > MaxLineBytes {
		sh.tooLong()
		return ""
	}
	if len(sh.open) == 0 {
		if sh.replCommand(line) {
			return line
		}
		if !scenarios.Incomplete(line) {
			sh.runChunk([]string{line}, sh.lineNo)
			return line
		}
		sh.openAt = sh.lineNo
	}
	sh.open = append(sh.open, line)
	sh.openBytes += len(line) + 1
	return sh.continueOpen(line)
}

// continueOpen runs the open command once its braces close, or drops it
// when it grows past the limits. Only a line with a '}' can close a body.
func (sh *shell) continueOpen(line string) string {
	if len(sh.open) > maxOpenLines || sh.openBytes > maxOpenBytes {
		sh.problem(sh.openAt, "a command may span at most 1000 lines and 256 KiB; this one is dropped")
		sh.sum.broken = true
		sh.cancel()
		return ""
	}
	if len(sh.open) > 1 && !strings.Contains(line, "}") {
		return ""
	}
	text := strings.Join(sh.open, "\n")
	if scenarios.Incomplete(text) {
		return ""
	}
	lines, at := sh.open, sh.openAt
	sh.cancel()
	sh.runChunk(lines, at)
	return text
}

// finish ends the input: a command left open runs (and fails to parse),
// a result waiting for lookahead is reported, and a script closes with its
// "N passed, M failed" line.
func (sh *shell) finish() {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if len(sh.open) > 0 {
		lines, at := sh.open, sh.openAt
		sh.cancel()
		sh.runChunk(lines, at)
	}
	sh.flush(false)
	if sh.narrates(sh.typed) {
		sh.narration = sh.narr.Take()
		sh.narrate()
	}
	if sh.script {
		sh.out.printf("%d passed, %d failed\n", sh.sum.passed, sh.sum.failed)
	}
	sh.out.flush()
}

// endOfInput is Ctrl-D at the prompt (or the end of the terminal's
// input), and reports whether the REPL ends: inside an open sup body it
// cancels the body instead; with unsaved commands it warns once (see
// mayLeave).
func (sh *shell) endOfInput() bool {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if len(sh.open) > 0 {
		sh.cancel()
		sh.out.line(sh.out.paint(sh.out.st.note, "the open command is dropped (Ctrl-D in a body cancels it; Ctrl-D at the prompt leaves)"))
		return false
	}
	return sh.mayLeave()
}

// mayLeave reports whether the interactive REPL may end now. With commands
// that changed the world since the last save it says so instead, once: a
// second quit or Ctrl-D with nothing run in between leaves. Inspections
// (ps, info, why, …) change nothing and are not counted.
func (sh *shell) mayLeave() bool {
	if sh.script || sh.warned == len(sh.log) {
		return true
	}
	n := 0
	for _, r := range sh.log[sh.saved:] {
		if !r.look {
			n++
		}
	}
	if n == 0 {
		return true
	}
	sh.warned = len(sh.log)
	sh.out.line(sh.out.paint(sh.out.st.note, scenarios.Count(n, "command is", "commands are")+
		" not saved (save FILE keeps the session); quit or Ctrl-D again leaves without saving"))
	return false
}

// interrupt is Ctrl-C at the prompt: the line is gone, and so is the
// command it continued.
func (sh *shell) interrupt() {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.cancel()
}

// cancel drops the command still open.
func (sh *shell) cancel() {
	sh.open, sh.openBytes = nil, 0
}

// feedTooLong counts a line over MaxLineBytes that was not kept.
func (sh *shell) feedTooLong() {
	sh.refuse("line longer than 1 MiB (the REPL's limit); ignored")
}

// refuse counts a line that is not run, and reports why.
func (sh *shell) refuse(msg string) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.lineNo++
	sh.refused(msg)
}

// tooLong reports a line over MaxLineBytes, which is ignored.
func (sh *shell) tooLong() {
	sh.refused("line longer than 1 MiB (the REPL's limit); ignored")
}

// refused reports a line that is not run (and drops a command it would
// have continued).
func (sh *shell) refused(msg string) {
	sh.flush(false)
	if len(sh.open) > 0 {
		msg += ", with the command open since line " + itoa(sh.openAt)
		sh.cancel()
	}
	sh.problem(sh.lineNo, msg)
	sh.sum.broken = true
}

// status is the exit status of a script (see the package doc).
func (sh *shell) status() int {
	switch {
	case sh.sum.broken:
		return ExitBroken
	case sh.sum.failed > 0:
		return ExitFailed
	}
	return ExitOK
}

// prompt shows the clock and what is pending:
// "[t=1.5s · 3 pending, next +500ms] > ", or a continuation while a sup
// body is open.
func (sh *shell) prompt() string {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if len(sh.open) > 0 {
		return sh.out.paint(sh.out.st.promptTime, "  ... ") + " "
	}
	line := strings.TrimSuffix(scenarios.TimeLine(sh.sess.World()), " · nothing pending")
	clock, rest, _ := strings.Cut(line, " · ")
	s := sh.out.paint(sh.out.st.promptTime, clock)
	if rest != "" {
		s += sh.out.paint(sh.out.st.promptTime, " · ") + sh.out.paint(sh.out.st.promptPending, rest)
	}
	return "[" + s + "] > "
}

// problem reports a REPL-level error about input line n: "FILE:N: msg" in
// a script, "error: msg" interactively.
func (sh *shell) problem(n int, msg string) {
	if sh.script {
		sh.out.line(sh.file + ":" + itoa(n) + ": " + msg)
		return
	}
	sh.out.line(sh.out.paint(sh.out.st.err, "error: "+msg))
}
