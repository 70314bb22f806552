package picture

import (
	"regexp"
	"strings"
	"testing"
)

// nodeIDs maps the first line of each node's label to its id.
func nodeIDs(g string) map[string]string {
	ids := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^ +(n[0-9]+) \[.*label="([^"\\]*)`).FindAllStringSubmatch(g, -1) {
		ids[m[2]] = m[1]
	}
	return ids
}

// The graph shows what the run added to the declared trees, and the links
// and monitors between live processes: a supervisor–child link is the
// tree's edge, not a second line.
func TestDOTDrawsWhatTheRunLeft(t *testing.T) {
	src := `sup top {
  worker a
  sup pool strategy=simple_one_for_one intensity=5 { worker conn }
}
start_child top worker b register=bee trap_exit
start_child pool
spawn x
x: link a
x: monitor b
spawn y
y: exit normal
`
	g, err := DOT("run.scn", []byte(src), 0)
	if err != nil {
		t.Fatal(err)
	}
	ids := nodeIDs(g)
	for _, want := range []string{"top", "a", "pool", "conn (template)", "conn_1", "b", "x", "y"} {
		if ids[want] == "" {
			t.Fatalf("no node %q in:\n%s", want, g)
		}
	}
	lines := strings.Split(g, "\n")
	has := func(edge string) bool {
		for _, l := range lines {
			if strings.HasPrefix(strings.TrimSpace(l), edge) {
				return true
			}
		}
		return false
	}
	edges := []struct {
		edge string
		want bool
	}{
		{ids["top"] + " -> " + ids["b"] + " [arrowhead=none]", true},
		{ids["pool"] + " -> " + ids["conn_1"] + " [arrowhead=none]", true},
		{ids["pool"] + " -> " + ids["conn (template)"] + " [arrowhead=none, style=dotted]", true},
		{ids["a"] + " -> " + ids["x"] + " [dir=none, color=firebrick", true},
		{ids["x"] + " -> " + ids["b"] + " [style=dashed", true},
		{ids["top"] + " -> " + ids["a"] + " [dir=none", false},
	}
	for _, e := range edges {
		if has(e.edge) != e.want {
			t.Errorf("edge %q drawn: %v, want %v", e.edge, !e.want, e.want)
		}
	}
	if !strings.Contains(g, `label="b\npermanent\n@bee\ntrap_exit\n<0.`) {
		t.Errorf("b's label lacks its registered name or trap_exit:\n%s", g)
	}
	if !strings.Contains(g, `label="y\ndead: normal"`) {
		t.Errorf("y does not show how it ended:\n%s", g)
	}
}
