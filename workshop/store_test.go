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

// TestHelperWriter is not a test: run by TestKilledMidWriteKeepsCommitted
// with writerEnv set to a database path, it writes learners' records
// without end, printing each one's number once its transaction committed.
func TestHelperWriter(t *testing.T) {
	path := os.Getenv(writerEnv)
	if path == "" {
		t.Skip("the child of TestKilledMidWriteKeepsCommitted")
	}
	st, err := OpenStore(path)
	if err != nil {
		fmt.Println("error", err)
		os.Exit(1)
	}
	for n := 1; ; n++ {
		rec := Record{ID: "learner-" + strconv.Itoa(n%7), Name: "n", Passed: n, Progress: &lessons.Progress{},
			LastFailed: strings.Repeat("x", n%5000)}
		if err := st.Save(rec); err != nil {
			fmt.Println("error", err)
			os.Exit(1)
		}
		fmt.Println("committed", n)
	}
}

// TestKilledMidWriteKeepsCommitted kills (SIGKILL) a process writing
// progress in a loop, then opens the database: it opens, and every record
// holds at least what the child saw committed for it.
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
	for n := 0; n < 200 && time.Now().Before(deadline) && lines.Scan(); {
		if _, err := fmt.Sscanf(lines.Text(), "committed %d", &n); err != nil {
			t.Fatalf("child: %s", lines.Text())
		}
		committed["learner-"+strconv.Itoa(n%7)] = n
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
	for id, n := range committed {
		rec, ok, err := st.Load(id)
		if err != nil || !ok || rec.Passed < n {
			t.Errorf("%s: ok %v, err %v, passed %d, committed %d", id, ok, err, rec.Passed, n)
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
