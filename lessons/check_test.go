package lessons

import (
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/sim"
)

// exerciseOf parses src and returns its exercise k (from 1).
func exerciseOf(t *testing.T, src string, k int) *Exercise {
	t.Helper()
	l, err := Parse("t.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return l.Exercises[k-1]
}

// forbidding is an exercise that wants `web` dead through a link to `db`
// and allows only link and unlink.
const forbidding = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```setup\nspawn db\nspawn web\n```\n\n" +
	"```allow\nlink unlink\n```\n\n```faults\ndb: crash boom\n```\n\n```expect\nexpect dead web reason={boom,_}\n```\n\n" +
	"```solution\nweb: link db\n```\n\n```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

// A learner cannot pass by killing or crashing a process by hand where
// the exercise forbids it: each of these would meet the expectation, and
// is refused with its line before anything runs.
func TestForbiddenVerbsCannotFakeTheCascade(t *testing.T) {
	ex := exerciseOf(t, forbidding, 1)
	fakes := map[string]string{
		"crash by hand":  "web: crash boom",
		"exit/1":         "web: exit {boom,[]}",
		"exit/2":         "exit web {boom,[]}",
		"kill":           "kill web",
		"spawn_link":     "db: spawn_link other",
		"reset and redo": "reset\nspawn web\nweb: crash boom",
	}
	for name, fake := range fakes {
		t.Run(name, func(t *testing.T) {
			v := Check(ex, "mine.scn", []byte("# my answer\n"+fake+"\n"))
			if v.Pass || len(v.Refused) == 0 {
				t.Fatalf("not refused:\n%s", v.Report())
			}
			if v.Refused[0].Line != 2 || !strings.Contains(v.Report(), "your line 2") {
				t.Fatalf("the refusal does not name line 2:\n%s", v.Report())
			}
		})
	}
	// The same crash where the exercise allows it is an outcome: the
	// refusal above is what kept it out, not the expectation.
	open := exerciseOf(t, strings.Replace(forbidding, "link unlink", "link unlink crash", 1), 1)
	if v := Check(open, "mine.scn", []byte("web: crash boom\n")); !v.Pass {
		t.Fatalf("an allowed crash should pass here:\n%s", v.Report())
	}
}

// Check is deterministic: the same text gives the same report.
func TestCheckIsDeterministic(t *testing.T) {
	bundledExercises(t, func(t *testing.T, l *Lesson, ex *Exercise) {
		a := Check(ex, "x", []byte(ex.Mistake.Text)).Report()
		b := Check(ex, "x", []byte(ex.Mistake.Text)).Report()
		if a != b {
			t.Fatalf("two checks differ:\n%s\n----\n%s", a, b)
		}
	})
}

// A learner's failed command is listed beside the failures, with its line.
func TestCheckListsFailedCommands(t *testing.T) {
	ex := exerciseOf(t, forbidding, 1)
	v := Check(ex, "mine.scn", []byte("web: link nosuch\n"))
	if v.Pass || len(v.CommandErrors) != 1 || !strings.HasPrefix(v.CommandErrors[0], "your line 1: `web: link nosuch` failed") {
		t.Fatalf("got %q\n%s", v.CommandErrors, v.Report())
	}
}

// A learner's text that does not parse is reported with a caret.
func TestCheckReportsParseErrors(t *testing.T) {
	ex := exerciseOf(t, forbidding, 1)
	v := Check(ex, "mine.scn", []byte("web: lnk db\n"))
	if len(v.Errors) == 0 || !strings.Contains(v.Report(), "mine.scn:1:6: unknown verb \"lnk\"") || !strings.Contains(v.Report(), "^") {
		t.Fatalf("got:\n%s", v.Report())
	}
}

// Why a survivor survived: the signal was trapped, by the learner's line.
func TestCheckExplainsATrappedSignal(t *testing.T) {
	src := strings.Replace(forbidding, "link unlink", "link unlink trap_exit", 1)
	v := Check(exerciseOf(t, src, 1), "mine.scn", []byte("web: link db\nweb: trap_exit on\n"))
	want := "it traps exits (trap_exit was set by your line 2: `web: trap_exit on`)"
	if v.Pass || !strings.Contains(v.Report(), want) {
		t.Fatalf("want %q in:\n%s", want, v.Report())
	}
}

func TestParsePrediction(t *testing.T) {
	tests := []struct {
		src          string
		die, restart string
		err          string
	}{
		{"die: a b\nrestart: c", "a b", "c", ""},
		{"dies a, b; restarts none", "a b", "", ""},
		{"# nothing\ndie:\nrestart:", "", "", ""},
		{"restart: w\ndie: w w", "w", "w", ""},
		{"die a\nkill b", "a", "", "p:2:1: a prediction says"},
		{"die: A", "", "", "p:1:6: \"A\" is not a process name"},
	}
	for _, tt := range tests {
		pr, errs := ParsePrediction("p", 1, tt.src)
		if tt.err != "" {
			if len(errs) == 0 || !strings.HasPrefix(errs[0].Error(), tt.err) {
				t.Errorf("%q: want error %q, got %v", tt.src, tt.err, errs)
			}
			continue
		}
		if errs != nil || strings.Join(pr.Die, " ") != tt.die || strings.Join(pr.Restart, " ") != tt.restart {
			t.Errorf("%q: got die %v restart %v errs %v", tt.src, pr.Die, pr.Restart, errs)
		}
	}
}

// A prediction naming a process the exercise does not have is an error
// at that name.
func TestPredictionOfAnUnknownProcess(t *testing.T) {
	c, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	ex := c.Lessons[0].Exercises[2]
	v := Check(ex, "ex3.predict", []byte("die: job dbb\n"))
	if len(v.Errors) != 1 || !strings.HasPrefix(v.Errors[0].Error(), "ex3.predict:1:10: no process is named \"dbb\"") {
		t.Fatalf("got:\n%s", v.Report())
	}
}

// Bad input never panics: any learner text, for a command exercise and a
// predict exercise, gets a verdict with a report.
func FuzzCheck(f *testing.F) {
	c, err := Bundled()
	if err != nil {
		f.Fatal(err)
	}
	exs := c.Lessons[0].Exercises
	for _, ex := range exs {
		f.Add(ex.Solution.Text)
		f.Add(ex.Mistake.Text)
		f.Add(string(ex.StartFile()))
	}
	f.Add("die: ; restart web web,\n#\ndie")
	f.Add("web: link <0.99.0>\nexit web kill\nweb: trap_exit on")
	f.Fuzz(func(t *testing.T, src string) {
		for _, ex := range exs {
			if Check(ex, "f", []byte(src)).Report() == "" {
				t.Fatal("an empty report")
			}
		}
	})
}

// An allow block may name one form of exit: exit/2 (a signal to another
// process) without exit/1 (a process ending itself). Lesson 4's first
// exercise asks for the untrappable signal; `stuck: exit killed` ends
// stuck with the same reason and tells boss the same, so only the form
// keeps it out. Allowing the verb allows both forms.
func TestAllowNamesAFormOfExit(t *testing.T) {
	l := bundledLesson(t, 4)
	ex := l.Exercises[0]
	v := Check(ex, "mine.scn", []byte("stuck: exit killed\n"))
	if v.Pass || len(v.Refused) != 1 || v.Refused[0].Verb != "exit/1" {
		t.Fatalf("exit/1 not refused:\n%s", v.Report())
	}
	if !strings.Contains(v.Report(), "`exit/1` (a process ending itself) is not allowed here") {
		t.Fatalf("the refusal does not name the form:\n%s", v.Report())
	}
	if v := Check(ex, "mine.scn", []byte("exit stuck kill\n")); !v.Pass {
		t.Fatalf("exit/2 refused:\n%s", v.Report())
	}
	if got := strings.Join(ex.Allowed, " "); got != "exit/2" {
		t.Fatalf("allowed %q, want exit/2", got)
	}
	whole := exerciseOf(t, strings.Replace(forbidding, "link unlink", "exit", 1), 1)
	if !whole.Allows("exit/1") || !whole.Allows("exit/2") {
		t.Fatal("allowing exit does not allow both its forms")
	}
}

// A learner's restart storm (a child that fails every restart, under an
// intensity it never reaches) is checked in time proportional to its
// trace, and the report explains the first few deaths, then counts the
// rest. Explaining each of a storm's deaths, each by a walk back over the
// trace, once took minutes.
func TestCheckOfARestartStormIsBounded(t *testing.T) {
	l := bundledLesson(t, 7)
	storm := "sup top intensity=1000000 period=1 { worker db init=ok,crash:bad }\n"
	v := CheckWith(l.Exercises[0], "mine.scn", []byte(storm), sim.Options{MaxEvents: 200_000})
	if v.Pass || v.World.TraceLen() < 1_000_000 {
		t.Fatalf("not a storm of a million entries (%d):\n%s", v.World.TraceLen(), v.Report())
	}
	report := v.Report()
	if !strings.Contains(report, "more deaths of `db`") || strings.Count(report, "\n") > 60 {
		t.Fatalf("the deaths are not bounded:\n%s", report)
	}
}

// A fault that finds no process to act on is the learner's outcome (their
// tree lacks it), not a mistake in the lesson file.
func TestAFaultOnAMissingProcessIsTheLearnersOutcome(t *testing.T) {
	l := bundledLesson(t, 7)
	v := Check(l.Exercises[0], "mine.scn", []byte("sup top strategy=rest_for_one {\n  worker db\n  worker cache\n}\n"))
	report := v.Report()
	if !strings.Contains(report, "`web: crash boom` did not happen: noproc") || strings.Contains(report, "mistake in the lesson file") {
		t.Fatalf("the failed fault is not the learner's:\n%s", report)
	}
}

// CheckUntil asks stop between events: once it says stop, the check ends
// unjudged, and a tutor keeps that verdict without recording it.
func TestCheckUntilStopsALongCheck(t *testing.T) {
	l := bundledLesson(t, 7)
	storm := "sup top intensity=1000000 period=1 { worker db init=ok,crash:bad }\n"
	asked := 0
	stop := func() bool { asked++; return asked > 1000 }
	v := CheckUntil(l.Exercises[0], "mine.scn", []byte(storm), sim.Options{}, stop)
	if !v.Interrupted || v.Pass || !strings.Contains(v.Report(), "interrupted before the check could judge") {
		t.Fatalf("not interrupted:\n%s", v.Report())
	}
	if asked > 2000 {
		t.Fatalf("the check went on for %d events after the stop", asked-1000)
	}
	tu := &Tutor{Catalogue: &Catalogue{Lessons: []*Lesson{l}}, Progress: &Progress{}}
	tu.Open(1, l)
	tu.Stop = func() bool { return true }
	got, err := tu.Check("mine.scn", l.Exercises[0].Solution.Text)
	if err != nil || !got.Interrupted || tu.Verdict == nil || !tu.Verdict.Interrupted {
		t.Fatalf("the tutor's check was not interrupted: %+v, %v", got, err)
	}
	if tu.Progress.HasPassed(l, l.Exercises[0]) {
		t.Fatal("an interrupted check recorded a pass")
	}
}

// bundledLesson is bundled lesson n.
func bundledLesson(t *testing.T, n int) *Lesson {
	t.Helper()
	c, err := Bundled()
	if err != nil {
		t.Fatal(err)
	}
	l, ok := c.Lesson(n)
	if !ok {
		t.Fatalf("no bundled lesson %d", n)
	}
	return l
}
