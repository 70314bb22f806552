package scenarios

import (
	"strings"

	"github.com/crashcourse/crashcourse/sim"
)

// Session is one simulation driven by commands: a World plus what the
// interpreter remembers between commands (the last error, the mark, source
// lines for error carets). It is not safe for concurrent use.
type Session struct {
	w         *sim.World
	lastErr   error   // error of the last command that was not an expectation
	mark      sim.Seq // trace length at the last `mark`
	seed      uint64  // the seed in effect: the session's, or the last `seed N`
	logs      bool    // `logs on`: a command also prints OTP's logger reports (LogReports)
	sources   map[string][]string
	interrupt func() bool // see SetInterrupt
}

// Result is what one command did: the trace entries it caused (From..To,
// inclusive; none when To < From), the lines it printed, and either an error
// (the command failed and changed nothing, or failed as Erlang would) or,
// for an expectation, its verdict.
type Result struct {
	Cmd   *Command
	From  sim.Seq
	To    sim.Seq
	Lines []string
	Err   *Error
	Check *Check
	Note  string // a remark about the run itself (a safety bound was hit, or it was interrupted)
	// Interrupted reports that the command stopped at the interrupt (see
	// SetInterrupt) before it finished.
	Interrupted bool
	// Ran is how many events run, advance or step ran (0 for other verbs).
	Ran int
	// Outcome says that Err is something the simulation did rather than a
	// command that failed: a supervisor whose start failed (it exited).
	Outcome bool
}

// Check is the verdict of an expectation.
type Check struct {
	Pass bool
	Want string // what was expected, in words
	Got  string // what was found, when it failed
}

// NewSession returns a session on an empty world seeded with seed.
func NewSession(seed uint64) *Session { return NewSessionWithOptions(seed, sim.Options{}) }

// NewSessionWithOptions returns a session on an empty world seeded with
// seed and configured by o: planted faults (for oracle tests only), or the
// world's own limits (a server hosting many sessions bounds each one).
func NewSessionWithOptions(seed uint64, o sim.Options) *Session {
	return &Session{w: sim.NewWithOptions(seed, o), seed: seed, sources: map[string][]string{}}
}

// reset makes the world fresh, as if the session began now: no processes,
// clock 0, pids and refs from the start, the seed in effect kept (and the
// world's options). The world stays the same *sim.World, so views holding
// it follow.
func (s *Session) reset() {
	s.w.Reset(s.seed)
	s.mark = 0
	s.lastErr = nil
}

// Seed is the seed a reset starts the world with: the session's initial
// seed, or the last `seed` command's.
func (s *Session) Seed() uint64 { return s.seed }

// World is the session's world, for read-only views. Callers must not act
// on it directly: use Exec.
func (s *Session) World() *sim.World { return s.w }

// AddSource remembers the text of a file so errors in its commands can show
// the offending line with a caret.
func (s *Session) AddSource(file string, src []byte) {
	s.sources[file] = strings.Split(string(src), "\n")
}

// SetInterrupt installs stop, which every command asks between two events
// (see sim.World.SetInterrupt): once it returns true, the command stops at
// the event it reached, and its Result says where. nil removes it.
func (s *Session) SetInterrupt(stop func() bool) { s.interrupt = stop }

// Exec runs one command and everything it causes at the current instant.
func (s *Session) Exec(c *Command) Result {
	s.w.SetInterrupt(s.interrupt)
	r := Result{Cmd: c, From: sim.Seq(s.w.TraceLen() + 1)}
	x := &execution{s: s, c: c, r: &r}
	err := x.run()
	r.To = sim.Seq(s.w.TraceLen())
	if s.logs {
		for q := r.From; q <= r.To; q++ {
			r.Lines = append(r.Lines, LogReports(s.w, q, c)...)
		}
	}
	if s.w.Interrupted() {
		r.Interrupted = true
		r.Note = sprintf("interrupted at t=%v, event #%d: the world is as that event left it", s.w.Now(), r.To)
	}
	if err != nil {
		r.Err = s.positioned(c, err)
	}
	if c.Expect == nil {
		s.lastErr = err
	}
	return r
}

// execution is the state of one Exec.
type execution struct {
	s *Session
	c *Command
	r *Result
}

func (x *execution) w() *sim.World { return x.s.w }

func (x *execution) printf(line string) { x.r.Lines = append(x.r.Lines, line) }

func (x *execution) run() error {
	c := x.c
	switch {
	case c.Proc != nil:
		return x.settle(x.proc(c.Proc))
	case c.Time != nil:
		return x.time(c.Time)
	case c.Expect != nil:
		return x.expect(c.Expect)
	case c.Show != nil:
		return x.show(c.Show)
	case c.Sup != nil:
		return x.settle(x.supervise(c.Sup))
	case c.Dyn != nil:
		return x.settle(x.dyn(c.Dyn))
	}
	return errorf(c.Pos, "nothing to do for %q", c.Verb)
}

// settle runs the current instant to completion after an action, whether or
// not it failed: a failed action changes nothing, so it is harmless.
func (x *execution) settle(err error) error {
	x.runInstant()
	return err
}

// runInstant runs the current instant, with a note when it stops at the
// safety bound (a restart storm retrying a start that always fails).
func (x *execution) runInstant() {
	if _, bounded := x.w().RunInstant(); bounded {
		x.r.Note = sprintf("stopped at the safety bound of %s at t=%v; the rest of this instant is still pending", safetyBound(x.w()), x.w().Now())
	}
}

// posError is an error that knows where in the command it belongs.
type posError struct {
	pos Pos
	msg string
}

func (e *posError) Error() string { return e.msg }

func errorf(pos Pos, format string, args ...any) error {
	return &posError{pos: pos, msg: sprintf(format, args...)}
}

// positioned turns any execution error into an *Error at the most precise
// position known, with its source line when the session has it.
func (s *Session) positioned(c *Command, err error) *Error {
	pos, msg := c.Pos, err.Error()
	if se, ok := err.(*sim.Error); ok && se.Reason != nil {
		msg = Now(s.w).Term(se.Reason) + ": " + se.Msg
	}
	if pe, ok := err.(*posError); ok && pe.pos.Line > 0 {
		pos = pe.pos
	}
	e := &Error{Pos: pos, Msg: msg, Line: c.Text}
	if lines, ok := s.sources[pos.File]; ok && pos.Line <= len(lines) {
		e.Line = strings.TrimSuffix(lines[pos.Line-1], "\r")
	} else if pos.Line == c.Pos.Line {
		e.Line = strings.Repeat(" ", c.Pos.Col-1) + c.Text
	}
	return e
}
