// Package lessons is the engine of crashcourse's phased lessons: a
// catalogue of lesson files (the bundled ones are embedded), the file
// format (see README.md in this directory), the checker that replays a
// learner's commands and compares the world with the exercise's expected
// cascade, graded hints, predictions, and the learner's progress file.
//
// A lesson file is data only: its commands are those of the scenario
// language and run in the simulator, never as code. Check is pure and
// deterministic: the same exercise and the same learner's text give the
// same Verdict on every run.
package lessons
