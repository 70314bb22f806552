package tui

import (
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
)

// lessonVerbs are the TUI's own commands for lessons; every other line is
// the language's.
var lessonVerbs = map[string]bool{"lesson": true, "check": true, "hint": true, "next": true, "predict": true}

// isLessonLine tells whether text is one of the lesson commands.
func isLessonLine(text string) bool {
	verb, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	return lessonVerbs[verb]
}

// lessonOpen reports whether a lesson is open: the world on screen is
// its exercise's, and every command typed since is the learner's answer.
func (m Model) lessonOpen() bool { return m.lesson != nil && m.lesson.Lesson != nil }

// lessonLine runs a lesson command: lesson [N|reset], check, hint, next,
// predict die: … restart: ….
func (m Model) lessonLine(text string) Model {
	verb, arg, _ := strings.Cut(strings.TrimSpace(text), " ")
	arg = strings.TrimSpace(arg)
	if m.hosted != "" {
		return m.say(m.hosted, true)
	}
	if verb == "lesson" {
		return m.lessonCmd(arg)
	}
	if !m.lessonOpen() {
		return m.say("no lesson is open: type lesson (the list) or lesson N", true)
	}
	switch verb {
	case "check":
		return m.checked(m.lesson.Check(inputFile, m.answer()))
	case "predict":
		return m.checked(m.lesson.Predict(inputFile, arg))
	case "hint":
		_, err := m.lesson.NextHint()
		m.showLesson = true
		return m.warn(err)
	}
	return m.next()
}

// lessonCmd opens a lesson, lists them, or resets the exercise.
func (m Model) lessonCmd(arg string) Model {
	if m.lesson == nil {
		cat, err := lessons.Bundled()
		if err != nil {
			return m.say(err.Error(), true)
		}
		m.lesson, err = lessons.NewTutor(cat)
		if err != nil {
			m = m.say(err.Error(), true) // a corrupt progress file was set aside
		}
	}
	t := m.lesson
	switch {
	case arg == "":
		list := t.List()
		for i, l := range list {
			list[i] = strings.TrimSpace(l)
		}
		m.msg, m.msgErr = list, false
		return m
	case arg == "reset" && m.lessonOpen():
		return m.openExercise(t.Reset())
	}
	n, l, ok := t.Catalogue.Find(arg)
	if !ok {
		return m.say("no lesson "+arg+": type lesson for the list", true)
	}
	s, err := t.Open(n, l)
	return m.openExercise(s, err)
}

// openExercise shows the exercise just opened, in its starting world s;
// err is a warning beside it (progress not saved).
func (m Model) openExercise(s *scenarios.Session, err error) Model {
	t := m.lesson
	m.tl = newTimeline(s)
	m.title = "lesson " + strconv.Itoa(t.N) + " · " + t.Exercise.ID
	m.showLesson, m.why, m.whyPid = true, nil, nil
	m.refresh()
	m = m.say("lesson "+strconv.Itoa(t.N)+", "+t.Exercise.Title+": "+t.Exercise.Goal, false)
	return m.warn(err)
}

// answer is the learner's commands since the exercise opened, one a line,
// so that "your line 3" is the third command they typed.
func (m Model) answer() string {
	texts, _ := m.Commands()
	return strings.Join(texts, "\n")
}

// checked says what a check found; the lesson pane shows the verdict.
func (m Model) checked(v lessons.Verdict, err error) Model {
	m.showLesson = true
	if v.Pass {
		m = m.say("passed: "+v.Said+" (next moves on)", false)
	} else {
		m = m.say("not yet: the lesson pane says why (hint for a hint)", true)
	}
	return m.warn(err)
}

// next opens the exercise after this one, or says the lesson is done.
func (m Model) next() Model {
	s, err := m.lesson.Next()
	if s == nil {
		return m.say("that was the last exercise of this lesson: lesson N opens another", false)
	}
	return m.openExercise(s, err)
}

// warn says err, when there is one, after the status message.
func (m Model) warn(err error) Model {
	if err != nil {
		m.msg, m.msgErr = append(m.msg, err.Error()), true
	}
	return m
}

// say sets the status message.
func (m Model) say(msg string, isErr bool) Model {
	m.msg, m.msgErr = []string{msg}, isErr
	return m
}
