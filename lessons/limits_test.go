package lessons

import (
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/sim"
)

// spawning is an exercise that allows spawn and wants a process `web`.
const spawning = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```setup\nspawn db\n```\n\n" +
	"```allow\nspawn\n```\n\n```expect\nexpect alive web\n```\n\n" +
	"```solution\nspawn web\n```\n\n```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// A check under a world's process limit judges what ran: the spawn past
// the limit raised system_limit, so web never lived.
func TestCheckWithRunsUnderTheWorldsProcessLimit(t *testing.T) {
	ex := exerciseOf(t, spawning, 1)
	answer := []byte("spawn a\nspawn b\nspawn web\n")
	if v := Check(ex, "mine.scn", answer); !v.Pass {
		t.Fatalf("under the global bounds the answer passes:\n%s", v.Report())
	}
	v := CheckWith(ex, "mine.scn", answer, sim.Options{MaxProcesses: 3})
	if v.Pass {
		t.Fatal("past a limit of 3 processes web is never spawned, yet the check passed")
	}
	if !strings.Contains(v.Report(), "system_limit") {
		t.Errorf("the report does not say system_limit:\n%s", v.Report())
	}
}

// A check stops at the world's event bound with the bound's note.
func TestCheckWithStopsAtTheWorldsEventBoundWithTheNote(t *testing.T) {
	ex := exerciseOf(t, strings.Replace(spawning, "```allow\nspawn\n```", "```allow\nspawn sup crash\n```", 1), 1)
	storm := []byte("sup s intensity=1000000 period=1 { worker w init=ok,crash:bad }\nw: crash boom\n")
	v := CheckWith(ex, "mine.scn", storm, sim.Options{MaxEvents: 100})
	if len(v.Notes) == 0 || !strings.Contains(v.Notes[0], "safety bound of 100 events") {
		t.Fatalf("want the safety-bound note, got notes %q", v.Notes)
	}
}

// A tutor starts and checks every world under its Limits.
func TestTutorLimitsBoundItsWorlds(t *testing.T) {
	tu := newTestTutor(t)
	tu.Limits = sim.Options{MaxProcesses: 40, MaxTrace: 900}
	s, _ := tu.Reset()
	if got := s.World().Limits(); got.MaxProcesses != 40 || got.MaxTrace != 900 {
		t.Fatalf("the exercise's world runs under %+v", got)
	}
	v, _ := tu.Check("answer.scn", tu.Exercise.Solution.Text)
	if got := v.World.Limits(); got.MaxProcesses != 40 || got.MaxTrace != 900 {
		t.Fatalf("the check's world runs under %+v", got)
	}
}
