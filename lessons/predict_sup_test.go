package lessons

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// supPredict is a predict exercise on a one_for_all supervisor that
// reaches its restart intensity, with a plain process linked to a child.
const supPredict = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```setup\nsup top strategy=one_for_all intensity=1 {\n  worker a\n  worker b\n}\nspawn c\nc: link b\n```\n\n" +
	"```predict\nq?\n```\n\n```faults\na: crash boom\nadvance 1s\na: crash boom\n```\n\n```expect\nexpect dead top\n```\n\n```solution\ndie: a b top c\nrestart: a b\n```\n\n" +
	"```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// A prediction that misses a supervisor's cascade is answered row by
// row: the sibling one_for_all stops and restarts, the process linked to
// it, and the supervisor that gives up.
func TestPredictExplainsASupervisorCascade(t *testing.T) {
	ex := exerciseOf(t, supPredict, 1)
	if v := Check(ex, "x", []byte(ex.Solution.Text)); !v.Pass {
		t.Fatalf("the solution fails:\n%s", v.Report())
	}
	golden.RequireEqual(t, []byte(Check(ex, "x", []byte("die: a\nrestart: a")).Report()))
}
