package lessons

import (
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// Lesson is one parsed lesson file.
type Lesson struct {
	// ID is the file's base name without ".md" ("01-links"); it keys the
	// learner's progress and names the working directory.
	ID    string
	File  string // the file name positions use
	Title string // the text of the first "# " heading
	// Intro is the Markdown before the first exercise, with the worked
	// example shown as a scn code block and other machine blocks removed.
	Intro string
	// Example is the worked example: commands the learner runs, in order.
	Example Block
	// Verify is false when the lesson uses extensions with no OTP
	// counterpart (backoff=, health=): lint --verify and the CI check then
	// skip it. Set by "verify: no" in the lesson block; default true.
	Verify    bool
	Exercises []*Exercise
}

// Exercise is one exercise of a lesson. A predict exercise (Question set)
// asks the learner to name the processes that die and restart when the
// faults fire; the others ask them to write commands.
type Exercise struct {
	ID    string // "ex1", "ex2", … in file order
	Title string // the text after "## Exercise:"
	Prose string // the Markdown under the heading, machine blocks removed
	Pos   scenarios.Pos
	Goal  string // the goal in words

	Setup    Block // commands run before the learner's, not in their file
	Start    Block // the learner's file as first written
	Allowed  []string
	Faults   Block // commands the checker runs after the learner's
	Expect   Block // expectations evaluated after the faults
	Solution Block // the reference solution (a prediction for predict exercises)
	Mistake  Block // a typical wrong answer, for tests and lint
	Hints    []string
	Pass     string // what a pass demonstrates, said when the check passes
	Question string // predict exercises: the question asked

	// allowSet holds Allowed plus the verbs always allowed.
	allowSet map[string]bool
}

// Block is the content of one fenced block of a lesson file and the
// position of its first line, so that its commands report positions in
// the lesson file.
type Block struct {
	Text string
	Pos  scenarios.Pos // of the first line inside the fence; zero when absent
}

// Present reports whether the block was written in the file.
func (b Block) Present() bool { return b.Pos.Line > 0 }

// Predict reports whether the exercise asks for a prediction.
func (e *Exercise) Predict() bool { return e.Question != "" }

// Allows reports whether the learner may use verb, or a form of a verb
// (exit/1, exit/2), in this exercise.
func (e *Exercise) Allows(verb string) bool { return e.allowSet[verb] }

// StartFile is the text of the file the learner edits, as first written:
// a comment with the exercise's title, goal and allowed verbs, then the
// exercise's start block.
func (e *Exercise) StartFile() []byte {
	var b strings.Builder
	b.WriteString("# " + e.Title + "\n#\n")
	for _, line := range splitLines(e.Goal) {
		b.WriteString("# " + line + "\n")
	}
	if !e.Predict() {
		b.WriteString("#\n# Allowed verbs: " + strings.Join(e.Allowed, " ") + " (and ps, tree, info, why, …)\n")
	}
	b.WriteString("\n")
	if e.Start.Present() {
		b.WriteString(strings.TrimRight(e.Start.Text, "\n") + "\n")
	}
	return []byte(b.String())
}
