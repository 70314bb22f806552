package repl

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestTranscripts types each testdata/transcripts/NAME.txt into an
// interactive shell, line by line, and compares what a terminal would show
// (prompt, line, output; no colour; the lessons of testdata/lessons, with
// progress in a temporary state directory) with testdata/TestTranscripts/NAME.golden.
// Regenerate with: go test ./repl -run TestTranscripts -update
func TestTranscripts(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "transcripts", "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no transcripts: %v", err)
	}
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".txt")
		t.Run(name, func(t *testing.T) {
			t.Setenv("XDG_STATE_HOME", t.TempDir()) // lesson progress
			t.Setenv("HOME", t.TempDir())
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			s := newSession(false, false)
			s.sh.useLessons(testCatalogue(t))
			golden.RequireEqual(t, s.feedAll(string(src)))
		})
	}
}
