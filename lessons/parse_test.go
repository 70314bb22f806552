package lessons

import (
	"errors"
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/scenarios"
)

// minimal is a lesson with one complete exercise; tests break one part.
const minimal = "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```setup\nspawn a\n```\n\n" +
	"```allow\nkill\n```\n\n```expect\nexpect dead a\n```\n\n```solution\nkill a\n```\n\n" +
	"```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"

func TestParseMinimal(t *testing.T) {
	l, err := Parse("m.md", []byte(minimal))
	if err != nil {
		t.Fatal(err)
	}
	ex := l.Exercises[0]
	if l.ID != "m" || l.Title != "T" || ex.ID != "ex1" || ex.Title != "E" || ex.Goal != "g" || len(ex.Hints) != 2 {
		t.Fatalf("parsed %+v / %+v", l, ex)
	}
	if !ex.Allows("kill") || !ex.Allows("why") || ex.Allows("crash") || ex.Allows("reset") {
		t.Fatalf("allowed: %v", ex.Allowed)
	}
}

// Every error in a lesson file is positioned at file:line:col, with the
// offending line for a caret.
func TestParseErrorsArePositioned(t *testing.T) {
	tests := []struct {
		name, src, want, line string
	}{
		{"no title", strings.Replace(minimal, "# T\n", "T\n", 1), "m.md:1:1: a lesson begins with its title", "T"},
		{"no exercise", "# T\n\nprose\n", "m.md:3:1: a lesson needs at least one exercise", "prose"},
		{"bad command in setup", strings.Replace(minimal, "spawn a", "spwan a", 1), "m.md:10:1: unknown verb \"spwan\"", "spwan a"},
		{"unknown verb allowed", strings.Replace(minimal, "```allow\nkill", "```allow\nkill frob", 1), "m.md:14:6: \"frob\" is not a verb", "kill frob"},
		{"reset allowed", strings.Replace(minimal, "```allow\nkill", "```allow\nreset", 1), "m.md:14:1: \"reset\" is never allowed", "reset"},
		{"not an expectation", strings.Replace(minimal, "expect dead a", "kill a", 1), "m.md:18:1: an expect block holds expect lines only", "kill a"},
		{"one hint", strings.Replace(minimal, "```hint\nh2\n```\n", "", 1), "m.md:3:1: exercise \"E\" has 1 hint blocks; it needs 2 or 3", "## Exercise: E"},
		{"no goal", strings.Replace(minimal, "```goal\ng\n```\n", "", 1), "m.md:3:1: exercise \"E\" has no goal block", "## Exercise: E"},
		{"no solution", strings.Replace(minimal, "```solution\nkill a\n```\n", "", 1), "m.md:3:1: exercise \"E\" has no solution block", "## Exercise: E"},
		{"two setups", strings.Replace(minimal, "```allow", "```setup\nspawn b\n```\n```allow", 1), "m.md:13:4: a second setup block", "```setup"},
		{"block outside an exercise", strings.Replace(minimal, "# T\n", "# T\n```goal\nx\n```\n", 1), "m.md:2:4: a goal block belongs to an exercise", "```goal"},
		{"unclosed", minimal + "```hint\nh3\n", "m.md:36:1: this `hint` block is never closed", "```hint"},
		{"bad lesson setting", strings.Replace(minimal, "# T\n", "# T\n```lesson\nverify: maybe\n```\n", 1), "m.md:3:1: the lesson block knows one setting", "verify: maybe"},
		{"bad prediction", strings.Replace(minimal, "```pass", "```predict\nq?\n```\n```pass", 1) + "", "m.md:22:1: a prediction says", "kill a"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("m.md", []byte(tt.src))
			var list scenarios.ErrorList
			if !errors.As(err, &list) {
				t.Fatalf("want an ErrorList, got %v", err)
			}
			var found *scenarios.Error
			for _, e := range list {
				if strings.HasPrefix(e.Error(), tt.want) {
					found = e
				}
			}
			if found == nil {
				t.Fatalf("want an error starting %q, got:\n%s", tt.want, list.Caret())
			}
			if found.Line != tt.line {
				t.Fatalf("caret line %q, want %q", found.Line, tt.line)
			}
		})
	}
}

// Bad input never panics: a fuzzed lesson file parses, lints and checks
// without a panic.
func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	for _, name := range []string{"content/01-links.md", "README.md"} {
		if src, err := bundled.ReadFile(name); err == nil {
			f.Add(src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		l, err := Parse("f.md", src)
		if err != nil {
			return
		}
		for _, ex := range l.Exercises {
			Check(ex, "f", []byte(ex.Solution.Text)).Report()
		}
	})
}

// Lint reports a setup command that fails, with the lesson file's line.
func TestLintReportsAFailingSetup(t *testing.T) {
	l, err := Parse("m.md", []byte(strings.Replace(minimal, "spawn a", "spawn a\nspawn a", 1)))
	if err != nil {
		t.Fatal(err)
	}
	problems := Lint(l)
	if len(problems) != 1 || !strings.Contains(problems[0].String(), "the exercise's setup `spawn a` failed") ||
		!strings.Contains(problems[0].String(), "line 11") {
		t.Fatalf("got %v", problems)
	}
}

// Lint runs the worked example and reports a command of it that fails.
func TestLintReportsAFailingExample(t *testing.T) {
	src := strings.Replace(minimal, "# T\n", "# T\n\n```example\nspawn a\nkill b\n```\n", 1)
	l, err := Parse("m.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	problems := Lint(l)
	if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), "m.md:5:1: the worked example's command `kill b` fails") {
		t.Fatalf("got %v", problems)
	}
}
