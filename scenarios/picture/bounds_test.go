package picture

import (
	"fmt"
	"strings"
	"testing"
)

// A long run draws at most maxStatements arrows and notes, then says it
// was cut.
func TestMermaidIsBounded(t *testing.T) {
	src := "spawn a\n" + strings.Repeat("send a hi\n", maxStatements)
	m, err := Mermaid("long.scn", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	checkMermaid(t, m)
	lines := strings.Split(strings.TrimSuffix(m, "\n"), "\n")
	// sequenceDiagram, title, two participants, the statements, the cut note.
	if want := 4 + maxStatements + 1; len(lines) != want {
		t.Errorf("%d lines, want %d", len(lines), want)
	}
	want := fmt.Sprintf("cut: %d more arrows and notes (crashcourse run -v shows them all)", maxStatements) // two per send, the first half drawn
	if last := mermaidDecode(lines[len(lines)-1]); !strings.HasSuffix(last, ": "+want) {
		t.Errorf("last line %q does not say %q", last, want)
	}
}

// A world of many processes draws at most maxNodes of them, and one node
// saying how many more there were.
func TestDOTIsBounded(t *testing.T) {
	dot := requireDot(t)
	var src strings.Builder
	for i := range maxNodes + 5 {
		fmt.Fprintf(&src, "spawn p%d\n", i)
	}
	g, err := DOT("many.scn", []byte(src.String()), 0)
	if err != nil {
		t.Fatal(err)
	}
	renderSVG(t, dot, g)
	if n := strings.Count(g, "shape=ellipse"); n != maxNodes {
		t.Errorf("%d processes drawn, want %d", n, maxNodes)
	}
	if !strings.Contains(g, `label="… 5 more processes not drawn"`) {
		t.Errorf("no node says 5 more processes were not drawn")
	}
}

// The pictures run the scenario with the seed given, as run --seed does:
// chaos picks other victims under another seed, the same under the same.
func TestPicturesFollowTheSeed(t *testing.T) {
	src := []byte("sup top intensity=1000 { worker w count=20 }\nchaos 20 for 2s\nrun 2s\n")
	for name, draw := range map[string]func(string, []byte, uint64) (string, error){"dot": DOT, "mermaid": Mermaid} {
		a, errA := draw("chaos.scn", src, 1)
		again, errAgain := draw("chaos.scn", src, 1)
		b, errB := draw("chaos.scn", src, 2)
		if errA != nil || errAgain != nil || errB != nil {
			t.Fatal(errA, errAgain, errB)
		}
		if a != again || a == b {
			t.Errorf("%s: the same seed must draw the same picture, another seed another one", name)
		}
	}
}
