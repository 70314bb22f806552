package repl

import (
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	// creack/pty is a test dependency only: readline's raw mode, key
	// handling and Tab completion run only on a real terminal device, and
	// a pseudo-terminal is the one way a test gets such a device.
	"github.com/creack/pty"
)

const ptyChildEnv = "CRASHCOURSE_REPL_PTY_CHILD"

// TestPTYChild is the REPL under test when a PTY test starts this binary
// in a pseudo-terminal; otherwise it does nothing.
func TestPTYChild(t *testing.T) {
	if os.Getenv(ptyChildEnv) != "1" {
		t.Skip("run by TestPTY")
	}
	os.Exit(Run(Options{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}

// ptyREPL is `crashcourse repl` running in a pseudo-terminal, as a person
// would use it.
type ptyREPL struct {
	t   *testing.T
	f   *os.File
	cmd *exec.Cmd
	out *syncBuffer
}

// startPTY starts the REPL in a pseudo-terminal and waits for its prompt.
func startPTY(t *testing.T) *ptyREPL {
	if testing.Short() {
		t.Skip("starts a process in a pseudo-terminal")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPTYChild$")
	cmd.Env = append(os.Environ(), ptyChildEnv+"=1", "XDG_STATE_HOME="+t.TempDir(), "HOME="+t.TempDir(),
		"TERM=xterm", "NO_COLOR=")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	t.Cleanup(func() {
		f.Close()
		if cmd.ProcessState == nil {
			cmd.Process.Kill()
			cmd.Wait()
		}
	})
	p := &ptyREPL{t: t, f: f, cmd: cmd, out: &syncBuffer{}}
	go io.Copy(p.out, f)
	p.waitFor(0, "] > ", 10*time.Second)
	return p
}

// mark is how much the terminal has shown so far.
func (p *ptyREPL) mark() int { return len(p.out.String()) }

// waitFor waits at most limit for what to appear on the terminal after
// its first mark bytes, and returns when it did.
func (p *ptyREPL) waitFor(mark int, what string, limit time.Duration) time.Time {
	p.t.Helper()
	deadline := time.Now().Add(limit)
	for !strings.Contains(p.out.String()[mark:], what) {
		if time.Now().After(deadline) {
			p.t.Fatalf("no %q on the terminal within %v; it shows:\n%q", what, limit, p.out.String()[mark:])
		}
		time.Sleep(10 * time.Millisecond)
	}
	return time.Now()
}

// typeAndSee types keys and waits for what to appear after them.
func (p *ptyREPL) typeAndSee(keys, what string) {
	p.t.Helper()
	mark := p.mark()
	p.f.WriteString(keys)
	p.waitFor(mark, what, 10*time.Second)
}

// leave presses Ctrl-D, which warns of the unsaved commands, then again,
// and requires the REPL to exit with status 0.
func (p *ptyREPL) leave() {
	p.t.Helper()
	p.typeAndSeePrompt("\x04", "not saved")
	p.exits("\x04")
}

// typeAndSeePrompt types keys, waits for what, then for the prompt after
// it. A control key such as Ctrl-D must wait for the prompt: readline
// puts the terminal in raw mode before it draws the prompt, and a
// terminal still in cooked mode between two lines reads Ctrl-D as an
// empty read, which readline never sees.
func (p *ptyREPL) typeAndSeePrompt(keys, what string) {
	p.t.Helper()
	mark := p.mark()
	p.f.WriteString(keys)
	p.waitFor(mark, what, 10*time.Second)
	after := mark + strings.Index(p.out.String()[mark:], what) + len(what)
	p.waitFor(after, "] > ", 10*time.Second)
}

// exits types keys and requires the REPL to exit with status 0.
func (p *ptyREPL) exits(keys string) {
	p.t.Helper()
	p.f.WriteString(keys)
	done := make(chan error, 1)
	go func() { done <- p.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			p.t.Fatalf("the REPL exited with %v:\n%s", err, p.out.String())
		}
	case <-time.After(10 * time.Second):
		p.t.Fatalf("%q did not end the REPL:\n%s", keys, p.out.String())
	}
}

// TestPTY runs `crashcourse repl` in a pseudo-terminal as a person would:
// it types a partial verb and Tab and sees the completion, builds a linked
// pair, kills one, reads the coloured cascade, and leaves with Ctrl-D.
func TestPTY(t *testing.T) {
	p := startPTY(t)
	p.typeAndSee("spa\t", "spawn")
	p.typeAndSee(" a\r", "is spawned by <shell>")
	p.typeAndSee("a: spawn_l\t", "spawn_link ")
	p.typeAndSee("b\r", "is spawned by a, linked")
	p.typeAndSee("kill a\r", "exits with reason killed")
	if !strings.Contains(p.out.String(), "\x1b[31m") {
		t.Errorf("no colour on a terminal:\n%q", p.out.String())
	}
	p.leave()
}

// interrupt types a command, presses Ctrl-C once it runs, and requires
// the REPL to say where it stopped within a second, then to prompt again.
func (p *ptyREPL) interrupt(command string) {
	p.t.Helper()
	p.interruptSeeing(command, "interrupted at t=")
}

// interruptSeeing is interrupt with what the REPL says when stopped.
func (p *ptyREPL) interruptSeeing(command, said string) {
	p.t.Helper()
	mark := p.mark()
	p.f.WriteString(command + "\r")
	time.Sleep(300 * time.Millisecond) // let the command get going
	pressed := time.Now()
	p.f.WriteString("\x03")
	seen := p.waitFor(mark, said, 10*time.Second)
	if d := seen.Sub(pressed); d > time.Second {
		p.t.Errorf("Ctrl-C took %v to stop %s", d, command)
	}
	p.waitFor(mark, "] > ", 10*time.Second)
}

// TestPTYInterrupt: Ctrl-C stops a long `run` (a child failing every
// restart, retried every millisecond a million times: ten million events)
// within a second, says where, and the next command works.
func TestPTYInterrupt(t *testing.T) {
	p := startPTY(t)
	p.typeAndSee("sup s intensity=1000000 period=1 backoff=1ms..1ms { worker w init=ok,crash:bad }\r", "] > ")
	p.typeAndSee("w: crash boom\r", "backs off before the restart")
	p.interrupt("run")
	p.typeAndSee("expect alive s\r", "PASS")
	p.leave()
}

// TestPTYInterruptStorm: Ctrl-C stops a restart storm inside one instant
// (the crash that starts it would run until the supervisor gives up, a
// billion retries away), then the run that goes on with it; the
// supervisor is still there to kill.
func TestPTYInterruptStorm(t *testing.T) {
	p := startPTY(t)
	p.typeAndSee("sup s intensity=1000000000 period=1 { worker w init=ok,crash:bad }\r", "] > ")
	p.interrupt("w: crash boom")
	p.interrupt("run")
	p.typeAndSee("expect alive s\r", "PASS")
	p.typeAndSee("kill s\r", "exits with reason killed")
	p.leave()
}

// TestPTYLeaving: with unsaved commands, quit asks once and a second quit
// leaves; Ctrl-D inside an open sup body drops the body, not the REPL;
// nothing to save, Ctrl-D leaves at once.
func TestPTYLeaving(t *testing.T) {
	p := startPTY(t)
	p.typeAndSee("sup s {\r", "... ")
	p.typeAndSee("  worker w\r", "... ")
	p.typeAndSee("\x04", "the open command is dropped")
	p.typeAndSee("ps\r", "no processes yet")
	p.typeAndSee("spawn a\r", "is spawned by <shell>")
	p.typeAndSee("quit\r", "1 command is not saved (save FILE keeps the session)")
	p.typeAndSee("spawn b\r", "is spawned by <shell>")
	p.typeAndSee("quit\r", "2 commands are not saved")
	p.exits("quit\r")

	p = startPTY(t)
	p.typeAndSeePrompt("ps\r", "no processes yet")
	p.exits("\x04")
}

// TestPTYInterruptACheck: Ctrl-C stops a long check (an answer making a
// restart storm that runs to the safety bound), which then judges
// nothing, and the REPL goes on.
func TestPTYInterruptACheck(t *testing.T) {
	p := startPTY(t)
	p.typeAndSee("lesson 7\r", "Your commands from here are your answer")
	p.typeAndSee("sup top intensity=1000000 period=1 { worker db init=ok,crash:bad }\r", "started child db")
	p.interruptSeeing("check", "Not checked: interrupted before the check could judge")
	p.typeAndSee("ps\r", "top")
	p.leave()
}
