package workshop

import (
	"bytes"
	"fmt"
	"net"
	"slices"
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/lessons"
	gossh "golang.org/x/crypto/ssh"
)

// firstExercise is lesson 1's first exercise, whose solution the tests
// type.
func firstExercise(t *testing.T) *lessons.Exercise {
	t.Helper()
	cat, err := lessons.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	l, _ := cat.Lesson(1)
	ex, _ := l.Exercise(1)
	if ex.Predict() {
		t.Fatal("lesson 1's first exercise asks for a prediction; the test types commands")
	}
	return ex
}

// solutionLines are the lines of ex's reference solution.
func solutionLines(ex *lessons.Exercise) []string {
	return strings.Split(strings.TrimSpace(ex.Solution.Text), "\n")
}

// hostKeyOf is the host key the server at addr presents.
func hostKeyOf(t *testing.T, addr string, key gossh.Signer) gossh.PublicKey {
	t.Helper()
	var host gossh.PublicKey
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "ada", Auth: []gossh.AuthMethod{gossh.PublicKeys(key)},
		HostKeyCallback: func(_ string, _ net.Addr, k gossh.PublicKey) error { host = k; return nil },
	})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	return host
}

// TestServeProgressSurvivesRestart drives lesson 1's first exercise to a
// passing check over a real SSH client, disconnects, restarts the server
// and finds the same host key, and the progress and the commands on
// reconnecting.
func TestServeProgressSurvivesRestart(t *testing.T) {
	dir, key, ex := t.TempDir(), newKey(t), firstExercise(t)
	srv := start(t, Config{Dir: dir})
	tm := connect(t, srv.addr, "ada", key)
	tm.waitText(inLesson(1))
	tm.lesson("check")
	tm.waitText("✗ not yet")
	lines := solutionLines(ex)
	for _, line := range lines {
		tm.command(line)
	}
	tm.lesson("check")
	tm.waitText("✓ passed")
	tm.close()
	hostKey := hostKeyOf(t, srv.addr, key)
	srv.stop()

	srv = start(t, Config{Dir: dir})
	if got := hostKeyOf(t, srv.addr, key); !bytes.Equal(got.Marshal(), hostKey.Marshal()) {
		t.Error("the host key changed across a restart: learners' known_hosts would break")
	}
	tm = connect(t, srv.addr, "ada", key)
	tm.waitText(ex.Title + " ✓")
	recs, _ := srv.srv.store.All()
	if len(recs) != 1 || recs[0].Passed != 1 || recs[0].Failed != 1 || recs[0].Name != "ada" {
		t.Fatalf("stored records: %+v", recs)
	}
	if got := strings.Join(recs[0].Answer, "\n"); got != strings.Join(lines, "\n") {
		t.Errorf("stored commands %q, want %q", got, strings.Join(lines, "\n"))
	}
}

// TestPredictionOverSSH: on a predict exercise the TUI's predict command
// takes the prediction, and the reference one passes.
func TestPredictionOverSSH(t *testing.T) {
	cat, err := lessons.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	l, _ := cat.Lesson(1)
	k := slices.IndexFunc(l.Exercises, (*lessons.Exercise).Predict)
	if k < 0 {
		t.Skip("lesson 1 has no predict exercise")
	}
	srv := start(t, Config{Dir: t.TempDir()})
	tm := connect(t, srv.addr, "ada", newKey(t))
	tm.waitText(inLesson(1))
	for i := range k {
		tm.lesson("next")
		tm.waitText(fmt.Sprintf("exercise %d of", i+2))
	}
	answer := strings.Join(strings.Split(strings.TrimSpace(l.Exercises[k].Solution.Text), "\n"), "; ")
	tm.lesson("predict " + answer)
	tm.waitText("✓ passed")
}
