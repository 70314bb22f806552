package workshop

import (
	"os"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// TestUnlistedKeyIsRefused: with an authorized keys file, a key not in it
// does not get in, and a listed one does.
func TestUnlistedKeyIsRefused(t *testing.T) {
	listed, unlisted := newKey(t), newKey(t)
	srv := start(t, Config{Dir: t.TempDir(), AuthorizedKeys: keyFile(t, listed)})
	if c, err := dialConn(srv.addr, "eve", unlisted); err == nil {
		c.Close()
		t.Fatal("an unlisted key got in")
	} else if !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("refusal: %v", err)
	}
	connect(t, srv.addr, "ada", listed).waitText(inLesson(1))
}

// TestOnlyInstructorsGetTheDashboard: an instructor's key opens the room's
// dashboard; a learner's key, even when the instructors' file exists and
// the user name is the instructor's, opens a lesson.
func TestOnlyInstructorsGetTheDashboard(t *testing.T) {
	teacher, learner := newKey(t), newKey(t)
	srv := start(t, Config{Dir: t.TempDir(), Instructors: keyFile(t, teacher)})
	tl := connect(t, srv.addr, "teacher", learner)
	tl.waitText(inLesson(1))
	tl.send("m")
	time.Sleep(100 * time.Millisecond)
	if strings.Contains(tl.text(), "crashcourse room") || strings.Contains(tl.text(), "move the room") {
		t.Fatalf("a learner's key reached the dashboard:\n%s", tl.text())
	}
	ti := connect(t, srv.addr, "teacher", teacher)
	ti.waitText("crashcourse room · 1 learners · 1 online")
	ti.waitText("teacher")
}

// TestOnlyTheApp: no command runs on the host, and no port is forwarded.
func TestOnlyTheApp(t *testing.T) {
	key := newKey(t)
	srv := start(t, Config{Dir: t.TempDir()})
	c, err := dialConn(srv.addr, "mallory", key)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	out, err := sess.CombinedOutput("cat /etc/passwd")
	if err == nil || !strings.Contains(string(out), "only its app") {
		t.Errorf("a command: err %v, output %q", err, out)
	}
	if _, err := c.Dial("tcp", srv.addr); err == nil {
		t.Error("a local port forward was accepted")
	}
	if _, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		t.Error("a remote port forward was accepted")
	}
	sess, err = c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was accepted")
	}
}

// TestWithoutAPtyTheAppSaysSo: a session without a terminal is told why
// it is closed.
func TestWithoutAPtyTheAppSaysSo(t *testing.T) {
	srv := start(t, Config{Dir: t.TempDir()})
	c, err := dialConn(srv.addr, "ada", newKey(t))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	sess, _ := c.NewSession()
	var stderr strings.Builder
	sess.Stderr = &stderr
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if err := sess.Wait(); err == nil || !strings.Contains(stderr.String(), "needs a terminal") {
		t.Errorf("exit %v, stderr %q", err, stderr.String())
	}
}

// TestKeylessLoginOnAnOpenServer: without authorized keys, a learner with
// no key gets in by name.
func TestKeylessLoginOnAnOpenServer(t *testing.T) {
	srv := start(t, Config{Dir: t.TempDir()})
	c, err := gossh.Dial("tcp", srv.addr, &gossh.ClientConfig{
		User: "grace",
		Auth: []gossh.AuthMethod{gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) {
			return nil, nil
		})},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
	})
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
}

// TestLessonsUseTheRoomsStoreOnly: the TUI's lesson commands keep a
// learner's progress in the room's database: the server's user's files
// are never touched.
func TestLessonsUseTheRoomsStoreOnly(t *testing.T) {
	state := t.TempDir()
	t.Setenv("XDG_STATE_HOME", state)
	t.Setenv("HOME", t.TempDir())
	srv := start(t, Config{Dir: t.TempDir()})
	tm := connect(t, srv.addr, "ada", newKey(t))
	tm.waitText(inLesson(1))
	tm.lesson("lesson 2")
	tm.waitText(inLesson(2))
	tm.lesson("hint")
	tm.waitText("hint 1 of")
	recs, err := srv.srv.store.All()
	if err != nil || len(recs) != 1 || recs[0].Lesson != 2 || recs[0].Hints != 1 {
		t.Fatalf("stored records: %+v, %v", recs, err)
	}
	if entries, _ := os.ReadDir(state); len(entries) > 0 {
		t.Errorf("the server wrote in its user's state directory: %v", entries)
	}
}
