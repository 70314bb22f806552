package tui

import (
	"errors"
	"strings"

	"strconv"

	"github.com/crashcourse/crashcourse/lessons"
)

var itoa = strconv.Itoa

// lessonState is the lesson the TUI is teaching: the exercise on screen,
// the learner's progress, and the last check's verdict. The world is the
// exercise's starting state; every command typed since is the learner's
// answer.
type lessonState struct {
	cat      *lessons.Catalogue
	n        int // the lesson's number in cat
	les      *lessons.Lesson
	ex       *lessons.Exercise
	store    lessons.Store
	progress *lessons.Progress
	verdict  *lessons.Verdict
	hint     string
	predict  string // the last prediction, for a predict exercise
}

// lessonVerbs are the TUI's own commands for lessons; every other line is
// the language's.
var lessonVerbs = map[string]bool{"lesson": true, "check": true, "hint": true, "next": true, "predict": true}

// isLessonLine tells whether text is one of the lesson commands.
func isLessonLine(text string) bool {
	verb, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	return lessonVerbs[verb]
}

// lessonLine runs a lesson command: lesson [N|reset], check, hint, next,
// predict die: … restart: ….
func (m Model) lessonLine(text string) Model {
	verb, arg, _ := strings.Cut(strings.TrimSpace(text), " ")
	arg = strings.TrimSpace(arg)
	if verb != "lesson" && m.lesson == nil {
		return m.say("no lesson is open: type lesson (the list) or lesson N", true)
	}
	switch verb {
	case "lesson":
		return m.lessonCmd(arg)
	case "check":
		return m.check(m.answer())
	case "predict":
		m.lesson.predict = arg
		return m.check(arg)
	case "hint":
		ls := m.lesson
		k, h := ls.progress.NextHint(ls.les, ls.ex)
		ls.hint = "hint " + itoa(k) + " of " + itoa(len(ls.ex.Hints)) + ": " + h
		return m.save()
	}
	return m.next()
}

// lessonCmd opens a lesson, lists them, or resets the exercise.
func (m Model) lessonCmd(arg string) Model {
	cat, err := m.catalogue()
	if err != nil {
		return m.say(err.Error(), true)
	}
	switch {
	case arg == "":
		return m.say(lessonList(cat), false)
	case arg == "reset" && m.lesson != nil:
		return m.openExercise(m.lesson.ex)
	}
	n, l, ok := cat.Find(arg)
	if !ok {
		return m.say("no lesson "+arg+": type lesson for the list", true)
	}
	ls, err := newLessonState(cat, l)
	ls.n = n
	m.lesson = ls
	m = m.openExercise(ls.progress.Current(l))
	if err != nil {
		return m.say(err.Error(), true) // a corrupt progress file was set aside
	}
	return m
}

func (m Model) catalogue() (*lessons.Catalogue, error) {
	if m.lesson != nil {
		return m.lesson.cat, nil
	}
	return lessons.Bundled()
}

func lessonList(cat *lessons.Catalogue) string {
	var names []string
	for i, l := range cat.Lessons {
		names = append(names, itoa(i+1)+". "+l.Title)
	}
	return strings.Join(names, " · ")
}

func newLessonState(cat *lessons.Catalogue, l *lessons.Lesson) (*lessonState, error) {
	ls := &lessonState{cat: cat, les: l}
	store, err := lessons.DefaultStore()
	if err != nil {
		ls.progress = &lessons.Progress{}
		return ls, err
	}
	ls.store = store
	ls.progress, err = store.Load()
	var corrupt *lessons.CorruptError
	if err != nil && !errors.As(err, &corrupt) {
		ls.progress = &lessons.Progress{}
	}
	return ls, err
}

// openExercise puts the world in ex's starting state, with a fresh
// history: what the learner types from here is their answer.
func (m Model) openExercise(ex *lessons.Exercise) Model {
	ls := m.lesson
	ls.ex, ls.verdict, ls.hint, ls.predict = ex, nil, "", ""
	ls.progress.SetCurrent(ls.les, ex)
	m.tl = newTimeline(lessons.Start(ex))
	m.title = "lesson " + itoa(ls.n) + " · " + ex.ID
	m.showLesson, m.why, m.whyPid = true, nil, nil
	m.refresh()
	m = m.save()
	return m.say("lesson "+itoa(ls.n)+", "+ex.Title+": "+ex.Goal, false)
}

// answer is the learner's commands since the exercise opened, one a line,
// so that "your line 3" is the third command they typed.
func (m Model) answer() string {
	texts, _ := m.Commands()
	return strings.Join(texts, "\n")
}

// check runs the exercise's check on the answer and records a pass.
func (m Model) check(src string) Model {
	ls := m.lesson
	v := lessons.Check(ls.ex, inputFile, []byte(src))
	ls.verdict = &v
	m.showLesson = true
	if v.Pass {
		ls.progress.Pass(ls.les, ls.ex)
		m = m.save()
		return m.say("passed: "+v.Said+" (next moves on)", false)
	}
	return m.say("not yet: the lesson pane says why (hint for a hint)", true)
}

// next opens the exercise after this one, or says the lesson is done.
func (m Model) next() Model {
	ls := m.lesson
	ex, ok := ls.les.Exercise(ls.les.Number(ls.ex) + 1)
	if !ok {
		return m.say("that was the last exercise of this lesson: lesson N opens another", false)
	}
	return m.openExercise(ex)
}

// save writes the progress; a failure is said, never fatal.
func (m Model) save() Model {
	ls := m.lesson
	if ls.store == (lessons.Store{}) {
		return m
	}
	if err := ls.store.Save(ls.progress); err != nil {
		return m.say("progress not saved: "+err.Error(), true)
	}
	return m
}

// say sets the status message.
func (m Model) say(msg string, isErr bool) Model {
	m.msg, m.msgErr = []string{msg}, isErr
	return m
}
