package workshop

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"github.com/crashcourse/crashcourse/lessons"
	gossh "golang.org/x/crypto/ssh"
)

// dbName is the progress database's file in the server's directory.
const dbName = "progress.db"

// shutdownGrace is how long a shutdown waits for sessions to close.
const shutdownGrace = 5 * time.Second

// Server is `crashcourse serve`: an SSH server whose only app is the
// TUI and its lessons (or, for instructors, the dashboard).
type Server struct {
	cfg   Config
	ssh   *ssh.Server
	store *Store
	room  *Room
	cat   *lessons.Catalogue

	// app makes a session's app; tests replace it.
	app func(ssh.Session, *session) (tea.Model, func(), error)

	mu       sync.Mutex
	sessions map[*session]struct{}
	ended    sync.WaitGroup // counts the sessions tracked
	closing  bool
}

// New opens the server's directory (creating it, its host key and its
// database) and configures the SSH server; Serve starts it.
func New(cfg Config) (*Server, error) {
	cfg = cfg.withDefaults()
	if cfg.Dir == "" {
		return nil, errors.New("serve needs a directory for its host key and progress (--dir)")
	}
	if err := os.MkdirAll(cfg.Dir, 0o700); err != nil {
		return nil, err
	}
	for _, f := range []keyList{keyList(cfg.AuthorizedKeys), keyList(cfg.Instructors)} {
		if _, err := f.keys(); err != nil {
			return nil, err
		}
	}
	cat, err := lessons.Bundled()
	if err != nil {
		return nil, err
	}
	st, err := OpenStore(filepath.Join(cfg.Dir, dbName))
	if err != nil {
		return nil, err
	}
	room, err := NewRoom(st, cat, cfg.Now)
	if err != nil {
		return nil, errors.Join(err, st.Close())
	}
	s := &Server{cfg: cfg, store: st, room: room, cat: cat, sessions: map[*session]struct{}{}}
	s.app = s.appOf
	s.ssh, err = wish.NewServer(s.options()...)
	if err != nil {
		return nil, errors.Join(err, st.Close())
	}
	return s, nil
}

// options are the SSH server's: the host key kept in Dir, who gets in,
// and the one handler. No subsystem, forwarding or exec handler is set,
// so the SSH library refuses them all.
func (s *Server) options() []ssh.Option {
	opts := []ssh.Option{
		wish.WithAddress(s.cfg.Addr),
		wish.WithHostKeyPath(filepath.Join(s.cfg.Dir, "host_ed25519")),
		wish.WithPublicKeyAuth(s.allowKey),
		wish.WithMiddleware(func(ssh.Handler) ssh.Handler { return s.handle }),
	}
	if s.open() {
		opts = append(opts, wish.WithKeyboardInteractiveAuth(
			func(ssh.Context, gossh.KeyboardInteractiveChallenge) bool { return true }))
	}
	return opts
}

// open reports whether anyone who reaches the port gets in.
func (s *Server) open() bool { return s.cfg.AuthorizedKeys == "" }

// allowKey lets in the listed keys and the instructors' (anyone's on an
// open server).
func (s *Server) allowKey(_ ssh.Context, k ssh.PublicKey) bool {
	return s.open() || keyList(s.cfg.AuthorizedKeys).has(k) || keyList(s.cfg.Instructors).has(k)
}

// Banner is what the server says when it starts listening on addr.
func (s *Server) Banner(addr net.Addr) string {
	msg := fmt.Sprintf("crashcourse serve: listening on %s (progress in %s)\n", addr, s.cfg.Dir)
	if s.open() {
		msg += "crashcourse serve: no --authorized-keys: anyone who can reach this port gets in\n"
	}
	if s.cfg.Instructors == "" {
		msg += "crashcourse serve: no --instructors: nobody gets the dashboard\n"
	}
	return msg
}

// Serve serves on l until ctx ends, then shuts down: sessions are told
// and closed, their progress written, the database closed.
func (s *Server) Serve(ctx context.Context, l net.Listener) error {
	served := make(chan error, 1)
	go func() { served <- s.ssh.Serve(l) }()
	select {
	case err := <-served:
		return errors.Join(err, s.store.Close())
	case <-ctx.Done():
	}
	return s.shutdown(served)
}

// shutdown tells every session, waits (at most shutdownGrace) for them to
// write their progress, closes every connection and the database.
func (s *Server) shutdown(served chan error) error {
	s.mu.Lock()
	s.closing = true
	for ss := range s.sessions {
		ss.end(endShutdown)
	}
	s.mu.Unlock()
	ended := make(chan struct{})
	go func() {
		s.ended.Wait()
		close(ended)
	}()
	select {
	case <-ended:
	case <-time.After(shutdownGrace):
	}
	// Every session has written its progress (or the grace is over):
	// connections a client keeps open after its session are closed too.
	err := s.ssh.Close()
	<-served
	return errors.Join(err, s.store.Close())
}

// track adds a session, refusing it at the maximum of sessions or of
// heap, or while closing.
func (s *Server) track(ss *session) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closing:
		return errors.New("the server is shutting down")
	case len(s.sessions) >= s.cfg.MaxSessions:
		return fmt.Errorf("the room is full (%d sessions): ask the instructor, or try again in a moment", s.cfg.MaxSessions)
	}
	if err := heapRoom(s.cfg.MaxHeapBytes); err != nil {
		fmt.Fprintf(s.cfg.Log, "crashcourse serve: refused a session: %v\n", err)
		return err
	}
	s.sessions[ss] = struct{}{}
	s.ended.Add(1)
	return nil
}

func (s *Server) untrack(ss *session) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.sessions, ss)
	s.ended.Done()
}
