package workshop

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/crashcourse/crashcourse/lessons"
)

// writerEnv makes the test binary a child that writes progress until it
// is killed (see TestHelperWriter).
const writerEnv = "CRASHCOURSE_WORKSHOP_WRITER"

// writers is how many learners the child of
// TestKilledMidWriteKeepsCommitted checks for, in turn.
const writers = 7

// TestHelperWriter is not a test: run by TestKilledMidWriteKeepsCommitted
// with writerEnv set to a database path, it checks learners' answers
// through their tutors, as their :check does, without end, printing
// "committed ID K" once learner ID's K-th check was written.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(writerEnv)
	if path == "" {
		t.Skip("the child of TestKilledMidWriteKeepsCommitted")
	}
	tutors, err := writerTutors(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for n := 0; ; n++ {
		tu := tutors[n%writers]
		if _, err := tu.Check(answerFile, tu.Exercise.Mistake.Text); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("committed", writerID(n%writers), n/writers+1)
	}
}

func writerID(i int) string { return "learner-" + strconv.Itoa(i) }

// writerTutors seats the writers in a room over the database at path,
// each with a tutor on lesson 1 over their record.
func writerTutors(path string) ([]*lessons.Tutor, error) {
	cat, err := lessons.Bundled()
	if err != nil {
		return nil, err
	}
	st, err := OpenStore(path)
	if err != nil {
		return nil, err
	}
	room, err := NewRoom(st, cat, time.Now)
	if err != nil {
		return nil, err
	}
	tutors := make([]*lessons.Tutor, writers)
	for i := range tutors {
		if _, err := room.Join(writerID(i), "n"); err != nil {
			return nil, err
		}
		tutors[i], _ = lessons.OpenTutor(cat, seatStore{room: room, id: writerID(i)})
		if _, err := tutors[i].Open(1, cat.Lessons[0]); err != nil {
			return nil, err
		}
	}
	return tutors, nil
}

// TestKilledMidWriteKeepsCommitted kills (SIGKILL) a process writing
// learners' checks in a loop, then opens the database: it opens, and
// every record holds at least the failed checks the child saw committed
// for it, with the report of the last.
func TestKilledMidWriteKeepsCommitted(t *testing.T) {
	path := filepath.Join(t.TempDir(), dbName)
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperWriter$")
	cmd.Env = append(os.Environ(), writerEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	committed := map[string]int{}
	lines := bufio.NewScanner(out)
	deadline := time.Now().Add(waitFor)
	for n := 0; n < 200 && time.Now().Before(deadline) && lines.Scan(); n++ {
		var id string
		var k int
		if _, err := fmt.Sscanf(lines.Text(), "committed %s %d", &id, &k); err != nil {
			t.Fatalf("child: %s", lines.Text())
		}
		committed[id] = k
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	if len(committed) == 0 {
		t.Fatal("the child committed nothing")
	}
	st, err := OpenStore(path)
	if err != nil {
		t.Fatalf("the database does not open after a kill: %v", err)
	}
	defer st.Close()
	for id, k := range committed {
		rec, ok, err := st.Load(id)
		if err != nil || !ok || rec.Failed < k || rec.FailsHere < k || !strings.HasPrefix(rec.LastFailed, "✗") {
			t.Errorf("%s: ok %v, err %v, failed %d (%d here), committed %d, last failed %q",
				id, ok, err, rec.Failed, rec.FailsHere, k, rec.LastFailed)
		}
	}
}

// TestSecondServerOnADirectoryIsRefused: the database is locked by the
// server holding it, and a second one says so instead of waiting.
func TestSecondServerOnADirectoryIsRefused(t *testing.T) {
	dir := t.TempDir()
	start(t, Config{Dir: dir})
	if _, err := New(Config{Dir: dir}); err == nil || !strings.Contains(err.Error(), "in use by another server") {
		t.Fatalf("second server: %v", err)
	}
}
