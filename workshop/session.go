package workshop

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"
)

// endReason is why the server ended a session.
type endReason int32

const (
	endNone endReason = iota
	endIdle
	endShutdown
	endTakenOver
)

// farewells are what a session is told as it ends, by reason.
var farewells = map[endReason]string{
	endIdle:      "crashcourse: closed after %s without a key; your progress is saved, reconnect to go on.",
	endShutdown:  "crashcourse: the server is shutting down; your progress is saved.",
	endTakenOver: "crashcourse: you connected again from elsewhere; this session is closed.",
}

// apology is what a session is told when a bug ended it.
const apology = "crashcourse: sorry, a bug in crashcourse ended your session. Your progress up to your last check is saved; reconnect to go on."

// session is one SSH session running the app.
type session struct {
	ssh     ssh.Session
	prog    *tea.Program
	start   time.Time
	seen    atomic.Int64 // unix nanoseconds of the last byte read
	reason  atomic.Int32
	learner string           // the learner's ID; "" for an instructor
	now     func() time.Time // Config.Now

	mu      sync.Mutex
	counted time.Time // the time spent up to here is in the record
}

// end quits the session's program for reason.
func (ss *session) end(r endReason) {
	ss.reason.CompareAndSwap(int32(endNone), int32(r))
	if ss.prog != nil {
		ss.prog.Quit()
	}
}

// Read reads the learner's keys, noting when they last typed.
func (ss *session) Read(p []byte) (int, error) {
	n, err := ss.ssh.Read(p)
	if n > 0 {
		ss.seen.Store(ss.now().UnixNano())
	}
	return n, err
}

// handle serves one SSH session: the dashboard for an instructor, the
// learner's TUI for anyone else. Commands (ssh host CMD) and sessions
// without a terminal are refused: there is only the app.
func (s *Server) handle(sess ssh.Session) {
	if len(sess.Command()) > 0 || sess.Subsystem() != "" {
		refuse(sess, "crashcourse serves only its app: connect with plain ssh, no command")
		return
	}
	if _, _, ok := sess.Pty(); !ok {
		refuse(sess, "crashcourse needs a terminal: connect with ssh -t")
		return
	}
	ss := &session{ssh: sess, start: s.cfg.Now(), now: s.cfg.Now}
	ss.seen.Store(ss.start.UnixNano())
	if err := s.track(ss); err != nil {
		refuse(sess, "crashcourse: "+err.Error())
		return
	}
	defer s.untrack(ss)
	model, leave, err := s.app(sess, ss)
	if err != nil {
		refuse(sess, "crashcourse: "+err.Error())
		return
	}
	s.run(ss, model, leave)
}

// appOf is the app of a session: the dashboard for an instructor's key,
// the learner's TUI (and what to do when they leave) for anyone else.
func (s *Server) appOf(sess ssh.Session, ss *session) (tea.Model, func(), error) {
	if k := sess.PublicKey(); k != nil && keyList(s.cfg.Instructors).has(k) {
		return newDashboard(s.room, s.cfg), nil, nil
	}
	id := identity(sess)
	rec, err := s.room.Join(id, sess.User())
	if err != nil {
		return nil, nil, fmt.Errorf("your progress cannot be read: %w", err)
	}
	ss.learner, ss.counted = id, ss.start
	return newLearner(s.room, rec, s.cfg), func() { s.leave(ss) }, nil
}

// run runs the session's program until the learner quits or the server
// ends it, then says why it ended.
func (s *Server) run(ss *session, model tea.Model, leave func()) {
	opts := append(bubbletea.MakeOptions(ss.ssh), tea.WithInput(ss))
	s.mu.Lock()
	ss.prog = tea.NewProgram(model, opts...)
	closing := s.closing
	s.mu.Unlock()
	if closing {
		refuse(ss.ssh, farewells[endShutdown])
		return
	}
	if leave != nil {
		s.room.Attach(identity(ss.ssh), ss.prog, func() { ss.end(endTakenOver) })
		defer leave()
	}
	ctx, cancel := context.WithCancel(ss.ssh.Context())
	defer cancel()
	go s.watch(ctx, ss)
	_, err := ss.prog.Run()
	ss.prog.Kill()
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		fmt.Fprintf(s.cfg.Log, "crashcourse serve: session of %s ended by a panic (stack above)\n", ss.ssh.User())
		refuse(ss.ssh, apology)
		return
	case endReason(ss.reason.Load()) == endIdle:
		wish.Printf(ss.ssh, farewells[endIdle]+"\r\n", s.cfg.IdleTimeout)
	case endReason(ss.reason.Load()) != endNone:
		wish.Println(ss.ssh, farewells[endReason(ss.reason.Load())]+"\r")
	}
	fmt.Fprintf(s.cfg.Log, "crashcourse serve: %s left after %s\n", ss.ssh.User(), ss.now().Sub(ss.start).Round(time.Second))
	_ = ss.ssh.Exit(0)
}

// watch passes window changes to the program and ends it when the learner
// has been idle too long.
func (s *Server) watch(ctx context.Context, ss *session) {
	_, windows, _ := ss.ssh.Pty()
	every := min(s.cfg.IdleTimeout/4, time.Minute)
	tick := time.NewTicker(max(every, 10*time.Millisecond))
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			ss.prog.Quit()
			return
		case w := <-windows:
			ss.prog.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
		case <-tick.C:
			if ss.now().Sub(time.Unix(0, ss.seen.Load())) > s.cfg.IdleTimeout {
				ss.end(endIdle)
			}
			s.countTime(ss)
		}
	}
}

// leave records the rest of the learner's time and seats them away.
func (s *Server) leave(ss *session) {
	s.room.Detach(ss.learner, ss.prog)
	s.countTime(ss)
}

// countTime adds the learner's time since it was last counted to their
// record. The watch counts it every tick, so a server killed outright
// loses at most a tick of it.
func (s *Server) countTime(ss *session) {
	if ss.learner == "" {
		return
	}
	ss.mu.Lock()
	defer ss.mu.Unlock()
	now := ss.now()
	_, err := s.room.Change(ss.learner, func(r *Record) { r.Spent += now.Sub(ss.counted) })
	if err != nil {
		fmt.Fprintf(s.cfg.Log, "crashcourse serve: %s's time not saved: %v\n", ss.ssh.User(), err)
		return
	}
	ss.counted = now
}

// refuse tells the client why and closes the session with status 1.
func refuse(sess ssh.Session, msg string) {
	_, _ = io.WriteString(sess.Stderr(), msg+"\r\n")
	_ = sess.Exit(1)
}
