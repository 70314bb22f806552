package lessons

import (
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// supBuild asks for a tree where a crash of db restarts db and cache but
// not web: rest_for_one.
const supBuild = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n" +
	"```allow\nsup\n```\n\n```faults\ndb: crash boom\n```\n\n```expect\nexpect restarts db 1\nexpect restarts cache 1\nexpect restarts web 0\nexpect alive web\n```\n\n" +
	"```solution\nsup top strategy=rest_for_one {\n  worker web\n  worker db\n  worker cache\n}\n```\n\n```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// A wrong strategy is explained by the restarts it made, or did not make,
// and the rule of the strategy chosen.
func TestCheckExplainsAStrategy(t *testing.T) {
	ex := exerciseOf(t, supBuild, 1)
	if v := Check(ex, "x", []byte(ex.Solution.Text)); !v.Pass {
		t.Fatalf("the solution fails:\n%s", v.Report())
	}
	for _, strategy := range []string{"one_for_one", "one_for_all"} {
		t.Run(strategy, func(t *testing.T) {
			src := "sup top strategy=" + strategy + " {\n  worker web\n  worker db\n  worker cache\n}\n"
			golden.RequireEqual(t, []byte(Check(ex, "mine.scn", []byte(src)).Report()))
		})
	}
}
