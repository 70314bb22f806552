package workshop

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLearnersNeverSeeTheHostsHistory: a learner's command line keeps its
// history in memory. The host's history file (its user's REPL and TUI
// history) is neither recalled by ↑ nor written to.
func TestLearnersNeverSeeTheHostsHistory(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("HOME", t.TempDir())
	hist := filepath.Join(state, "crashcourse", "history")
	if err := os.MkdirAll(filepath.Dir(hist), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(hist, []byte("spawn host_secret\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv := start(t, Config{Dir: t.TempDir()})
	lr := connect(t, srv.addr, "ada", newKey(t))
	lr.waitText(inLesson(1))
	lr.command("spawn mine")
	lr.send(":")
	lr.send("\x1b[A")
	lr.waitText(": spawn mine")
	lr.send("\x1b[A")
	time.Sleep(200 * time.Millisecond) // time enough to draw a recall
	if strings.Contains(lr.text(), "host_secret") {
		t.Fatalf("the host's history reached a learner:\n%s", lr.text())
	}
	if data, err := os.ReadFile(hist); err != nil || string(data) != "spawn host_secret\n" {
		t.Fatalf("the host's history file changed: %q, %v", data, err)
	}
}
