package lessons_test

import (
	"fmt"

	"github.com/crashcourse/crashcourse/lessons"
)

// Checking a learner's answer to lesson 1, exercise 2: a wrong exit
// reason, then the right one.
func ExampleCheck() {
	cat, err := lessons.Bundled()
	if err != nil {
		panic(err)
	}
	_, l, _ := cat.Find("links")
	ex, _ := l.Exercise(2)
	fmt.Print(lessons.Check(ex, "ex2.scn", []byte("job: exit done\n")).Report())
	fmt.Print(lessons.Check(ex, "ex2.scn", []byte("job: exit normal\n")).Report())
	// Output:
	// ✗ Not yet: 1 expectation does not hold.
	//   expect alive boss
	//     expected boss to be alive, got dead with reason done
	//     why: `boss` died with `done` because it is linked to `job` (the link was made by the exercise's setup `boss: spawn_link job`)
	//          `job` died with `done` (your line 1: `job: exit done`)
	// ✓ Passed. You ended a linked process with the reason `normal`: its links ignore it, so a process that finishes its work takes nobody down with it.
}

// A prediction, as the REPL's `predict die a b; restart c` gives it.
func ExampleParsePrediction() {
	pr, errs := lessons.ParsePrediction("<repl>", 1, "die job, db; restart none")
	fmt.Println(pr.Die, pr.Restart, errs == nil)
	// Output: [job db] [] true
}
