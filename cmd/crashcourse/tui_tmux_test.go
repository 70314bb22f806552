package main

import (
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// tuiChildEnv makes TestTUIChild crashcourse; tuiArgsEnv holds its
// arguments, separated by spaces.
const (
	tuiChildEnv = "CRASHCOURSE_TUI_CHILD"
	tuiArgsEnv  = "CRASHCOURSE_TUI_ARGS"
)

// TestTUIChild is `crashcourse` itself when startTmux starts this test
// binary inside tmux; otherwise it does nothing.
func TestTUIChild(t *testing.T) {
	if os.Getenv(tuiChildEnv) != "1" {
		t.Skip("run by the tests in tmux")
	}
	os.Exit(run(strings.Fields(os.Getenv(tuiArgsEnv)), os.Stdin, os.Stdout, os.Stderr))
}

// tmuxTerm is crashcourse running in a real terminal: a tmux pane on a
// private tmux server, driven with send-keys and read with capture-pane.
// Every crashcourse it opens has the same home, a temporary directory.
type tmuxTerm struct {
	t      *testing.T
	socket string
	home   string
}

// startTmux opens crashcourse with args in a terminal of 100×30.
func startTmux(t *testing.T, args ...string) *tmuxTerm {
	if testing.Short() {
		t.Skip("starts crashcourse in tmux")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tmux is missing; .ci/run installs it")
		}
		t.Skip("no tmux here")
	}
	tm := &tmuxTerm{t: t, socket: fmt.Sprintf("crashcourse-test-%d", os.Getpid()), home: t.TempDir()}
	t.Cleanup(func() { exec.Command("tmux", "-L", tm.socket, "kill-server").Run() })
	tm.open(args...)
	return tm
}

// open opens crashcourse with args, once the one before has quit.
func (tm *tmuxTerm) open(args ...string) {
	child := fmt.Sprintf("env %s=1 %s='%s' HOME=%s XDG_STATE_HOME=%s XDG_CONFIG_HOME=%s TERM=xterm-256color %s -test.run=^TestTUIChild$",
		tuiChildEnv, tuiArgsEnv, strings.Join(args, " "), tm.home, tm.home, tm.home, os.Args[0])
	tm.tmux("new-session", "-d", "-x", "100", "-y", "30", child)
}

func (tm *tmuxTerm) tmux(args ...string) string {
	out, err := exec.Command("tmux", append([]string{"-L", tm.socket}, args...)...).CombinedOutput()
	require.NoError(tm.t, err, "tmux %v: %s", args, out)
	return string(out)
}

// keys types keys as tmux names them ("j", "Space", "Left", "C-c").
func (tm *tmuxTerm) keys(keys ...string) { tm.tmux(append([]string{"send-keys"}, keys...)...) }

// waitFor waits until the screen shows want, and returns the screen.
func (tm *tmuxTerm) waitFor(want string) string {
	deadline := time.Now().Add(15 * time.Second)
	screen := ""
	for time.Now().Before(deadline) {
		screen = tm.tmux("capture-pane", "-p")
		if strings.Contains(screen, want) {
			return screen
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("the screen never showed %q; it shows:\n%s", want, screen)
	return ""
}

// stepBackUntil presses ← one event at a time until the screen shows want.
func (tm *tmuxTerm) stepBackUntil(want string) {
	for range 60 {
		before := tm.tmux("capture-pane", "-p")
		if strings.Contains(before, want) {
			return
		}
		tm.keys("Left")
		for i := 0; i < 100 && tm.tmux("capture-pane", "-p") == before; i++ {
			time.Sleep(20 * time.Millisecond)
		}
	}
	tm.waitFor(want)
}

// TestTUIInTmux: a newcomer starts crashcourse, selects a worker under a
// one_for_all supervisor, kills it, sees it restarted, rewinds to its
// death, opens the help, and quits with the terminal restored.
func TestTUIInTmux(t *testing.T) {
	tm := startTmux(t)
	tm.waitFor("shop")
	tm.waitFor("one_for_all 0/3 in 5s")
	tm.keys("j", "k")
	tm.waitFor("one_for_all 1/3 in 5s")
	tm.waitFor("db <0.110.0> running")
	tm.waitFor("› kill db")
	tm.stepBackUntil("✗ db <0.101.0>")
	tm.waitFor("past")
	tm.keys("G", "?")
	tm.waitFor("restart window")
	tm.keys("q")
	tm.waitQuit("q")
}

// waitQuit waits until the program quits (tmux then closes its pane),
// after keys.
func (tm *tmuxTerm) waitQuit(keys string) {
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if out, err := exec.Command("tmux", "-L", tm.socket, "list-panes").CombinedOutput(); err != nil || len(out) == 0 {
			return // the program quit and tmux closed its pane
		}
		time.Sleep(50 * time.Millisecond)
	}
	tm.t.Fatalf("%s did not quit:\n%s", keys, tm.tmux("capture-pane", "-p"))
}

// TestHistorySharedInTmux: a command typed in `crashcourse repl` is
// recalled by ↑ on the TUI's command line, and one typed in the TUI by ↑
// in the next REPL.
func TestHistorySharedInTmux(t *testing.T) {
	tm := startTmux(t, "repl")
	tm.waitFor("Ctrl-D to leave")
	tm.keys("spawn from_the_repl", "Enter")
	tm.waitFor("from_the_repl is spawned")
	tm.keys("C-d")
	tm.waitFor("not saved") // the REPL asks once before leaving unsaved work
	tm.keys("C-d")
	tm.waitQuit("Ctrl-D")

	tm.open("tui")
	tm.waitFor("one_for_all")
	tm.keys(":", "Up")
	tm.waitFor(": spawn from_the_repl")
	tm.keys("C-u", "spawn from_the_tui", "Enter")
	tm.waitFor("› spawn from_the_tui")
	tm.keys("q")
	tm.waitQuit("q")

	tm.open("repl")
	tm.waitFor("Ctrl-D to leave")
	tm.keys("Up")
	tm.waitFor("> spawn from_the_tui")
}
