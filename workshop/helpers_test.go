package workshop

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/vt"
	gossh "golang.org/x/crypto/ssh"
)

// waitFor is how long a test waits for a screen; generous, as other
// processes share the machine.
const waitFor = 20 * time.Second

// testServer is a server on a random loopback port.
type testServer struct {
	srv  *Server
	addr string
	stop func()
}

// start starts a server on cfg (Dir set by the caller) on 127.0.0.1:0,
// after applying the changes; it stops when the test ends, or earlier
// with stop.
func start(t testing.TB, cfg Config, changes ...func(*Server)) *testServer {
	t.Helper()
	cfg.Addr = "127.0.0.1:0"
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, change := range changes {
		change(srv)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, l) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("serve: %v", err)
			}
		})
	}
	t.Cleanup(stop)
	return &testServer{srv: srv, addr: l.Addr().String(), stop: stop}
}

// newKey makes an ed25519 key pair.
func newKey(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// keyFile writes the public keys in authorized_keys format.
func keyFile(t *testing.T, keys ...gossh.Signer) string {
	t.Helper()
	var b strings.Builder
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	name := filepath.Join(t.TempDir(), "keys")
	if err := os.WriteFile(name, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return name
}

// dialConn connects and authenticates as user with key.
func dialConn(addr, user string, key gossh.Signer) (*gossh.Client, error) {
	return gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User:            user,
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         waitFor,
	})
}

// term is an SSH session with a pty, drawn on a virtual terminal.
type term struct {
	t      *testing.T
	client *gossh.Client
	sess   *gossh.Session
	in     io.WriteCloser
	screen *screen
	ended  chan struct{}
}

// screen is a virtual terminal that output is written to while the test
// reads it.
type screen struct {
	mu sync.Mutex
	vt *vt.Emulator
}

func (s *screen) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.vt.Write(p)
}

// Read reads the terminal's answers to the app's queries.
func (s *screen) Read(p []byte) (int, error) { return s.vt.Read(p) }

func (s *screen) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.vt.String()
}

const termW, termH = 120, 40

// connect opens a session with a pty on a real SSH client and starts
// the app; the terminal answers the app's queries as a terminal would.
func connect(t *testing.T, addr, user string, key gossh.Signer) *term {
	t.Helper()
	c, err := dialConn(addr, user, key)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", termH, termW, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	tm := &term{t: t, client: c, sess: sess, in: in, screen: &screen{vt: vt.NewEmulator(termW, termH)}, ended: make(chan struct{})}
	sess.Stderr = tm.screen // a terminal shows both streams
	go func() { _, _ = io.Copy(in, tm.screen) }()
	go func() {
		_, _ = io.Copy(tm.screen, out)
		close(tm.ended)
	}()
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(tm.close)
	return tm
}

// close ends the session and the connection.
func (tm *term) close() {
	_ = tm.sess.Close()
	_ = tm.client.Close()
}

// text is the screen as text.
func (tm *term) text() string { return tm.screen.String() }

// waitText waits until the screen shows want.
func (tm *term) waitText(want string) {
	tm.t.Helper()
	deadline := time.Now().Add(waitFor)
	for time.Now().Before(deadline) {
		if strings.Contains(tm.text(), want) {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	tm.t.Fatalf("the screen never showed %q; it shows:\n%s", want, tm.text())
}

// send types s.
func (tm *term) send(s string) {
	tm.t.Helper()
	if _, err := io.WriteString(tm.in, s); err != nil {
		tm.t.Fatal(err)
	}
}

// command types a line on the TUI's command line and waits for it to
// have run (the TUI echoes it as "› LINE").
func (tm *term) command(line string) {
	tm.t.Helper()
	tm.send(":")
	tm.waitText(": ")
	tm.send(line + "\r")
	tm.waitText("› " + line)
}

// lesson types one of the TUI's lesson commands (check, hint, next,
// predict …, lesson N) on its command line; the caller waits for what it
// shows, as the TUI echoes no lesson command.
func (tm *term) lesson(line string) {
	tm.t.Helper()
	tm.send(":")
	tm.waitText(": ")
	tm.send(line + "\r")
}

// inLesson is what the lesson pane shows of lesson n: its heading.
func inLesson(n int) string { return fmt.Sprintf("lesson %d: ", n) }

// roomWithAFailedCheck starts a server on dir with one learner, ada, who
// checked and failed, and an instructor watching the dashboard.
func roomWithAFailedCheck(t *testing.T, dir string) (srv *testServer, learner, instructor *term) {
	t.Helper()
	teacher := newKey(t)
	srv = start(t, Config{Dir: dir, Instructors: keyFile(t, teacher)})
	learner = connect(t, srv.addr, "ada", newKey(t))
	learner.waitText(inLesson(1))
	learner.lesson("check")
	learner.waitText("✗ not yet")
	instructor = connect(t, srv.addr, "teacher", teacher)
	instructor.waitText("ada")
	return srv, learner, instructor
}
