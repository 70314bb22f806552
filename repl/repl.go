package repl

import (
	"io"
	"os"

	"github.com/crashcourse/crashcourse/lessons"
	"golang.org/x/term"
)

// Exit statuses, the same as `crashcourse run` gives.
const (
	ExitOK     = 0 // every expectation passed
	ExitFailed = 1 // some expectation failed, or (in a script) a command failed without `expect error` after it
	ExitBroken = 2 // some input could not be read or parsed, or a save or load failed
)

// Options configure Run. The zero value reads nothing and writes nowhere.
type Options struct {
	Stdin  io.Reader
	Stdout io.Writer
	Stderr io.Writer
	// Seed seeds the session's world (a `seed` command overrides it).
	Seed uint64
	// Verbose makes non-interactive mode print every command with the
	// events it caused, as `crashcourse run -v` does. The interactive REPL
	// always does.
	Verbose bool
	// HistoryFile is where interactive history is kept; "" means the
	// default in the user's state directory (see the package doc).
	HistoryFile string
	// Lessons are the lessons the lesson commands teach; nil means the
	// bundled ones (an instructor's file: lessons.Single).
	Lessons *lessons.Catalogue

	term *fakeTerminal // tests: drive the interactive REPL without a terminal
}

// Run runs the REPL until its input ends or `quit`, and returns the exit
// status: interactive when stdin is a terminal, else a script read from
// stdin (see the package doc).
func Run(o Options) int {
	if o.Stdin == nil {
		o.Stdin = eofReader{}
	}
	if o.Stdout == nil {
		o.Stdout = io.Discard
	}
	if o.Stderr == nil {
		o.Stderr = io.Discard
	}
	if o.term != nil || isTerminal(o.Stdin) {
		return runInteractive(o)
	}
	return runScript(o)
}

// isTerminal reports whether f is a terminal.
func isTerminal(f any) bool {
	file, ok := f.(*os.File)
	return ok && term.IsTerminal(int(file.Fd()))
}

// useColor reports whether output to w may be coloured: w is a terminal,
// NO_COLOR is unset or empty, and TERM is not dumb.
func useColor(w io.Writer) bool {
	return isTerminal(w) && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
}

type eofReader struct{}

func (eofReader) Read([]byte) (int, error) { return 0, io.EOF }
