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

// TestPTYChild is the REPL under test when TestPTY starts this binary in
// a pseudo-terminal; otherwise it does nothing.
func TestPTYChild(t *testing.T) {
	if os.Getenv(ptyChildEnv) != "1" {
		t.Skip("run by TestPTY")
	}
	os.Exit(Run(Options{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}

// TestPTY runs `crashcourse repl` in a pseudo-terminal as a person would:
// it types a partial verb and Tab and sees the completion, builds a linked
// pair, kills one, reads the coloured cascade, and leaves with Ctrl-D.
func TestPTY(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a process in a pseudo-terminal")
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestPTYChild$")
	cmd.Env = append(os.Environ(), ptyChildEnv+"=1", "XDG_STATE_HOME="+t.TempDir(), "TERM=xterm", "NO_COLOR=")
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
	if err != nil {
		t.Skipf("no pseudo-terminal here: %v", err)
	}
	defer f.Close()
	var out syncBuffer
	go io.Copy(&out, f)
	// waitFor waits for what to appear on the terminal after its first
	// mark bytes of output.
	waitFor := func(mark int, what string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(out.String()[mark:], what) {
			if time.Now().After(deadline) {
				t.Fatalf("no %q on the terminal; it shows:\n%q", what, out.String()[mark:])
			}
			time.Sleep(10 * time.Millisecond)
		}
	}
	// typeAndSee types keys and waits for what to appear after them.
	typeAndSee := func(keys, what string) {
		t.Helper()
		mark := len(out.String())
		f.WriteString(keys)
		waitFor(mark, what)
	}
	waitFor(0, "] > ")
	typeAndSee("spa\t", "spawn ")
	typeAndSee("a\r", "is spawned by <shell>")
	typeAndSee("a: spawn_l\t", "spawn_link ")
	typeAndSee("b\r", "is spawned by a, linked")
	typeAndSee("kill a\r", "exits with reason killed")
	if !strings.Contains(out.String(), "\x1b[31m") {
		t.Errorf("no colour on a terminal:\n%q", out.String())
	}
	f.WriteString("\x04")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("the REPL exited with %v:\n%s", err, out.String())
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("Ctrl-D did not end the REPL")
	}
}
