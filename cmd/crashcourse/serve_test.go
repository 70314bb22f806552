package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/workshop"
)

// TestServeReport: serve --report writes the room's progress as CSV, to
// stdout or atomically to a file.
func TestServeReport(t *testing.T) {
	dir := t.TempDir()
	st, err := workshop.OpenStore(filepath.Join(dir, "progress.db"))
	if err != nil {
		t.Fatal(err)
	}
	if err := st.Save(workshop.Record{ID: "SHA256:x", Name: "ada", Lesson: 1, Exercise: 2, Passed: 1}); err != nil {
		t.Fatal(err)
	}
	st.Close()
	var stdout, stderr bytes.Buffer
	if code := run([]string{"serve", "--dir", dir, "--report", "-"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "name,id,lesson") || !strings.Contains(stdout.String(), "ada,SHA256:x,1,2,1,0") {
		t.Errorf("report:\n%s", stdout.String())
	}
	out := filepath.Join(t.TempDir(), "room.csv")
	if code := run([]string{"serve", "--dir", dir, "--report", out}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if data, err := os.ReadFile(out); err != nil || !strings.Contains(string(data), "ada,") {
		t.Errorf("report file: %v %q", err, data)
	}
}

// TestServeUsage: a stray argument is a usage error.
func TestServeUsage(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"serve", "extra"}, nil, &stdout, &stderr); code != exitUsage {
		t.Fatalf("exit %d", code)
	}
	if !strings.Contains(stderr.String(), `unexpected argument "extra"`) {
		t.Errorf("stderr: %s", stderr.String())
	}
}
