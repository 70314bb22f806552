package lessons

import (
	"os"
	"strings"
	"testing"
)

// readmeExample is the complete example lesson of README.md.
func readmeExample(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, rest, ok := strings.Cut(string(src), "````markdown\n")
	body, _, ok2 := strings.Cut(rest, "\n````")
	if !ok || !ok2 {
		t.Fatal("README.md has no ````markdown example")
	}
	return []byte(body + "\n")
}

// The README's complete example is a lesson that parses and lints clean,
// so an instructor who copies it starts from something that works.
func TestReadmeExampleLintsClean(t *testing.T) {
	l, err := Parse("example.md", readmeExample(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Exercises) != 2 || !l.Exercises[1].Predict() {
		t.Fatalf("want 2 exercises, the second a predict one; got %d", len(l.Exercises))
	}
	for _, p := range Lint(l) {
		t.Error(p.String())
	}
}
