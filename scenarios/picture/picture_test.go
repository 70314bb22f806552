package picture

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/crashcourse/crashcourse/scenarios"
)

// treeBuiltins are the built-in scenarios that declare a supervision
// tree: each has a DOT and a Mermaid golden.
func treeBuiltins(t *testing.T) []scenarios.Scenario {
	t.Helper()
	var out []scenarios.Scenario
	for _, s := range scenarios.Builtin() {
		cmds, err := scenarios.Parse("builtin:"+s.Name, s.Src)
		if err != nil {
			t.Fatal(err)
		}
		if len(topSupervisors(cmds)) > 0 {
			out = append(out, s)
		}
	}
	if len(out) == 0 {
		t.Fatal("no built-in scenario declares a tree")
	}
	return out
}

// TestGolden compares the graph and the diagram of each built-in tree
// with testdata/TestGolden/FORMAT/NAME.golden, after checking the
// diagram's grammar. Regenerate with:
// go test ./scenarios/picture -run TestGolden -update
func TestGolden(t *testing.T) {
	formats := []struct {
		name string
		draw func(string, []byte, uint64) (string, error)
	}{{"dot", DOT}, {"mermaid", Mermaid}}
	for _, f := range formats {
		for _, s := range treeBuiltins(t) {
			t.Run(f.name+"/"+s.Name, func(t *testing.T) {
				out, err := f.draw(s.Name+".scn", s.Src, 0)
				if err != nil {
					t.Fatal(err)
				}
				if f.name == "mermaid" {
					checkMermaid(t, out)
				}
				golden.RequireEqual(t, []byte(out))
			})
		}
	}
}

// TestEveryBuiltinDrawsValidPictures renders the graph of every built-in
// with Graphviz and checks the grammar of every diagram.
func TestEveryBuiltinDrawsValidPictures(t *testing.T) {
	dot := requireDot(t)
	for _, s := range scenarios.Builtin() {
		t.Run(s.Name, func(t *testing.T) {
			g, err := DOT(s.Name+".scn", s.Src, 0)
			if err != nil {
				t.Fatal(err)
			}
			renderSVG(t, dot, g)
			m, err := Mermaid(s.Name+".scn", s.Src, 0)
			if err != nil {
				t.Fatal(err)
			}
			checkMermaid(t, m)
		})
	}
}

func TestParseErrorsArePositioned(t *testing.T) {
	for name, draw := range map[string]func(string, []byte, uint64) (string, error){"dot": DOT, "mermaid": Mermaid} {
		_, err := draw("bad.scn", []byte("spawn a\nsup top {\n"), 0)
		if err == nil || !strings.HasPrefix(scenarios.ErrorText(err), "bad.scn:") {
			t.Errorf("%s: want a positioned error, got %v", name, err)
		}
	}
}

// requireDot is the path of Graphviz's dot; the test skips without it,
// except under CI.
func requireDot(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("dot")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("dot is not on PATH and CI=true: install graphviz")
		}
		t.Skip("skipped: dot (graphviz) is not on PATH")
	}
	return path
}

// renderSVG renders graph with dot -Tsvg, failing on any error or warning.
func renderSVG(t *testing.T, dot, graph string) []byte {
	t.Helper()
	cmd := exec.Command(dot, "-Tsvg")
	cmd.Stdin = strings.NewReader(graph)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stderr.Len() > 0 {
		t.Fatalf("dot -Tsvg: %v: %s\n%s", err, stderr.String(), graph)
	}
	return stdout.Bytes()
}
