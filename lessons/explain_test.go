package lessons

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/stretchr/testify/require"
)

// supBuild asks for a tree where a crash of db restarts db and cache but
// not web: rest_for_one.
const supBuild = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n" +
	"```allow\nsup\n```\n\n```faults\ndb: crash boom\n```\n\n```expect\nexpect restarts db 1\nexpect restarts cache 1\nexpect restarts web 0\nexpect alive web\n```\n\n" +
	"```solution\nsup top strategy=rest_for_one {\n  worker web\n  worker db\n  worker cache\n}\n```\n\n```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// A wrong strategy is explained by the restarts it made, or did not make,
// and the rule of the strategy chosen.
func TestCheckExplainsAStrategy(t *testing.T) {
	ex := solvable(t, supBuild)
	for _, strategy := range []string{"one_for_one", "one_for_all"} {
		t.Run(strategy, func(t *testing.T) {
			src := "sup top strategy=" + strategy + " {\n  worker web\n  worker db\n  worker cache\n}\n"
			golden.RequireEqual(t, []byte(Check(ex, "mine.scn", []byte(src)).Report()))
		})
	}
}

// solvable parses a lesson's first exercise and requires its reference
// solution to pass.
func solvable(t *testing.T, src string) *Exercise {
	t.Helper()
	ex := exerciseOf(t, src, 1)
	if v := Check(ex, "solution", []byte(ex.Solution.Text)); !v.Pass {
		t.Fatalf("the solution fails:\n%s", v.Report())
	}
	return ex
}

// supPredict is a predict exercise on a one_for_all supervisor that
// reaches its restart intensity, with a plain process linked to a child.
const supPredict = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```setup\nsup top strategy=one_for_all intensity=1 {\n  worker a\n  worker b\n}\nspawn c\nc: link b\n```\n\n" +
	"```predict\nq?\n```\n\n```faults\na: crash boom\nadvance 1s\na: crash boom\n```\n\n```expect\nexpect dead top\n```\n\n```solution\ndie: a b top c\nrestart: a b\n```\n\n" +
	"```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// A prediction that misses a supervisor's cascade is answered row by
// row: the sibling one_for_all stops and restarts, the process linked to
// it, and the supervisor that gives up.
func TestPredictExplainsASupervisorCascade(t *testing.T) {
	ex := solvable(t, supPredict)
	golden.RequireEqual(t, []byte(Check(ex, "x", []byte("die: a\nrestart: a")).Report()))
}

// trapping is an exercise whose learner must end a trapping process with
// an exit signal of their own; there are no faults.
const trapping = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```setup\nspawn stuck trap_exit\n```\n\n" +
	"```allow\nexit\n```\n\n```expect\nexpect dead stuck reason=killed\n```\n\n" +
	"```solution\nexit stuck kill\n```\n\n```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// watching wants `web` alive with news of `gone`, which is already dead.
const watching = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```setup\nspawn gone\ngone: exit normal\nspawn web\n```\n\n" +
	"```allow\nlink monitor\n```\n\n```expect\nexpect alive web\n```\n\n" +
	"```solution\nweb: monitor gone\n```\n\n```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// Failures are explained by what the learner's own commands did, not only
// by the faults: a survival by the exit/2 the target trapped or by the
// DOWN message of its monitor, a death by the command that raised an
// error, in words.
func TestExplanationsNameTheLearnersCommands(t *testing.T) {
	cases := []struct{ name, lesson, answer, want string }{
		{"a trapped exit/2", trapping, "exit stuck shutdown",
			"`stuck` is alive: the exit signal `shutdown` from `<shell>` reached it, but it traps exits"},
		{"a link to a dead process", watching, "web: link gone",
			"`web` died with `{noproc,[...]}`: link to gone, and gone is dead (your line 1: `web: link gone`)"},
		{"a monitor's DOWN", strings.NewReplacer("expect alive web", "expect dead web", "web: monitor gone", "web: link gone").Replace(watching), "web: monitor gone",
			"`web` is alive: no exit signal reached it; it is linked to no process; a monitor told it of the death of `gone` with a `DOWN` message, which kills no one"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			report := Check(solvable(t, c.lesson), "mine.scn", []byte(c.answer+"\n")).Report()
			if !strings.Contains(report, c.want) {
				t.Errorf("the report does not say %q:\n%s", c.want, report)
			}
		})
	}
}

// A command that spans lines (a sup block) is named by its first line, so
// that a why sentence stays on one line.
func TestOriginQuotesTheFirstLineOfABlock(t *testing.T) {
	tests := []struct {
		o    origin
		want string
	}{
		{origin{"learner", 3, "web: link db"}, "your line 3: `web: link db`"},
		{origin{"learner", 1, "sup top intensity=4 {\n  worker db\n}"}, "your line 1: `sup top intensity=4 { …`"},
		{origin{"setup", 2, "sup top {\n  worker db\n}"}, "the exercise's setup `sup top { …`"},
		{origin{"fault", 1, "db: crash boom"}, "the exercise's fault `db: crash boom`"},
	}
	for _, tt := range tests {
		if got := tt.o.String(); got != tt.want {
			t.Errorf("%q: got %q, want %q", tt.o.text, got, tt.want)
		}
	}
}

// supLimit asks for a supervisor that gives up at db's second crash.
const supLimit = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```allow\nsup\n```\n\n" +
	"```faults\ndb: crash boom\nadvance 1s\ndb: crash boom\n```\n\n```expect\nexpect dead top reason=shutdown\n```\n\n" +
	"```solution\nsup top intensity=1 {\n  worker db\n}\n```\n\n```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// A supervisor that survives is explained once, by its restart limit, not
// once per trapped exit signal as if the learner had set trap_exit.
func TestCheckExplainsASupervisorThatSurvived(t *testing.T) {
	ex := solvable(t, supLimit)
	src := "sup top intensity=3 period=5 {\n  worker db\n}\n"
	golden.RequireEqual(t, []byte(Check(ex, "mine.scn", []byte(src)).Report()))
}

// patience wants the caller to give up on a slow server within 500 ms.
const patience = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```setup\nsup top {\n  worker db call_time=2s\n}\nspawn api\n```\n\n" +
	"```allow\ncall\n```\n\n```faults\nadvance 1s\n```\n\n```expect\nexpect dead api reason={timeout,_}\n```\n\n" +
	"```solution\napi: call db timeout=500ms\n```\n\n```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// A caller that survives because its call is still pending is told so,
// not only that no exit signal reached it.
func TestCheckExplainsACallerStillWaiting(t *testing.T) {
	report := reportSays(t, patience, "api: call db\n", "`api` is alive: it is still waiting in gen_server:call to `db`")
	if strings.Contains(report, "no exit signal reached it") {
		t.Fatalf("the report still says no signal reached it:\n%s", report)
	}
}

// restartedPeer wants `web` alive when its linked `db` is killed and
// restarted.
const restartedPeer = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```setup\nsup app {\n  worker db\n}\nspawn web\n```\n\n" +
	"```allow\nlink\n```\n\n```faults\nkill db\n```\n\n```expect\nexpect alive web\n```\n\n" +
	"```solution\n# no link\n```\n\n```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// A death through a link names the peer as the link named it, the name
// the next line of the chain uses, even when a restart has since given
// the name to a new process.
func TestCheckNamesALinkedPeerAsTheLinkDid(t *testing.T) {
	reportSays(t, restartedPeer, "web: link db\n",
		"`web` died with `killed` because it is linked to `db` (the link was made by your line 1: `web: link db`)")
}

// reportSays checks src against the first exercise of lesson, whose
// reference solution must pass, and requires the report to say want; it
// returns the report.
func reportSays(t *testing.T, lesson, src, want string) string {
	t.Helper()
	report := Check(solvable(t, lesson), "mine.scn", []byte(src)).Report()
	if !strings.Contains(report, want) {
		t.Fatalf("the report does not say %q:\n%s", want, report)
	}
	return report
}

// supHolds asks for a supervisor that rides out db's two crashes.
const supHolds = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```allow\nsup\n```\n\n" +
	"```faults\ndb: crash boom\nadvance 1s\ndb: crash boom\n```\n\n```expect\nexpect alive top\n```\n\n" +
	"```solution\nsup top intensity=2 {\n  worker db\n}\n```\n\n```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// A supervisor that gives up dies of its restart limit, not of the exit
// signal it trapped last: no link is blamed.
func TestCheckExplainsASupervisorThatGaveUp(t *testing.T) {
	ex := solvable(t, supHolds)
	report := Check(ex, "mine.scn", []byte("sup top {\n  worker db\n}\n")).Report()
	require.Contains(t, report, "`top` died with `shutdown` after reaching its restart intensity (too many restarts within its period)\n")
	require.NotContains(t, report, "linked")
}
