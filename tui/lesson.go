package tui

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
)

// lessonVerbs are the TUI's own commands for lessons; every other line is
// the language's.
var lessonVerbs = map[string]bool{"lesson": true, "check": true, "hint": true, "next": true, "previous": true, "predict": true}

// isLessonLine tells whether text is one of the lesson commands.
func isLessonLine(text string) bool {
	verb, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	return lessonVerbs[verb]
}

// lessonOpen reports whether a lesson is open: the world on screen is
// its exercise's, and every command typed since is the learner's answer.
func (m Model) lessonOpen() bool { return m.lesson != nil && m.lesson.Lesson != nil }

// lessonLine runs a lesson command: lesson [N|reset], check, hint, next,
// previous, predict die: … restart: …. A check runs in a tea.Cmd, as a
// command does (see startCheck).
func (m Model) lessonLine(text string) (Model, tea.Cmd) {
	verb, arg, _ := strings.Cut(strings.TrimSpace(text), " ")
	arg = strings.TrimSpace(arg)
	if verb == "lesson" {
		return m.lessonCmd(arg), nil
	}
	if !m.lessonOpen() {
		return m.say("no lesson is open: type lesson (the list) or lesson N", true), nil
	}
	switch verb {
	case "check":
		return m.startCheck()
	case "predict":
		return m.checked(m.lesson.Predict(inputFile, arg)), nil
	case "hint":
		_, err := m.lesson.NextHint()
		m.showLesson = true
		return m.warn(err), nil
	case "previous":
		return m.previous(), nil
	}
	return m.next(), nil
}

// checkDoneMsg brings the verdict of a check run by a tea.Cmd, on ex.
type checkDoneMsg struct {
	ex *lessons.Exercise
	v  lessons.Verdict
}

// startCheck checks the learner's answer in a tea.Cmd, so that the
// panes stay drawn and Esc or Ctrl-C stops a long check (a restart storm
// run to the safety bound) as it stops a long command. A prediction is
// checked at once: it runs only the lesson's own short faults.
func (m Model) startCheck() (Model, tea.Cmd) {
	if m.lesson.Exercise.Predict() {
		return m.say("this exercise asks for a prediction: predict die: NAMES; restart: NAMES", true), nil
	}
	ex, limits, src, stop := m.lesson.Exercise, m.lesson.Limits, []byte(m.answer()), m.stop
	m = m.startBusy("checking your answer…")
	return m, func() tea.Msg {
		return checkDoneMsg{ex: ex, v: lessons.CheckUntil(ex, inputFile, src, limits, stop.Load)}
	}
}

// checkDone gives the tutor the verdict of the check startCheck ran,
// unless the exercise changed meanwhile (a host moved the learner on).
func (m Model) checkDone(d checkDoneMsg) Model {
	m.busy, m.frozen = false, ""
	if !m.lessonOpen() || m.lesson.Exercise != d.ex {
		return m.say("the exercise changed while it was checked: check again", true)
	}
	return m.checked(m.lesson.Accept(d.v))
}

// lessonCmd opens a lesson, lists them, or resets the exercise.
func (m Model) lessonCmd(arg string) Model {
	m, warning := m.withTutor()
	if m.lesson == nil {
		return m.say(warning.Error(), true)
	}
	switch {
	case arg == "":
		list := m.lesson.List()
		for i, l := range list {
			list[i] = strings.TrimSpace(l)
		}
		m.msg, m.msgErr = list, false
		return m.warn(warning)
	case arg == "reset" && m.lessonOpen():
		return m.openExercise(m.lesson.Reset())
	}
	return m.OpenLesson(arg, 0).warn(warning)
}

// withTutor makes the tutor, when there is none yet, over the bundled
// lessons and the user's progress file; warning is what went wrong (no
// lessons: the tutor stays nil; a corrupt progress file, set aside).
func (m Model) withTutor() (_ Model, warning error) {
	if m.lesson != nil {
		return m, nil
	}
	cat, err := lessons.Bundled()
	if err != nil {
		return m, err
	}
	m.lesson, err = lessons.NewTutor(cat)
	return m, err
}

// OpenLesson opens lesson (its number or name, as `lesson N` takes it) at
// exercise k, from 1, or at the exercise the learner was on when k is 0
// or past the lesson's end; an unknown lesson is said on the status line.
func (m Model) OpenLesson(lesson string, k int) Model {
	m, warning := m.withTutor()
	if m.lesson == nil {
		return m.say(warning.Error(), true)
	}
	n, l, ok := m.lesson.Catalogue.Find(lesson)
	if !ok {
		return m.say("no lesson "+lesson+": type lesson for the list", true).warn(warning)
	}
	return m.openExercise(m.lesson.OpenExercise(n, l, k)).warn(warning)
}

// openExercise shows the exercise just opened, in its starting world s;
// err is a warning beside it (progress not saved).
func (m Model) openExercise(s *scenarios.Session, err error) Model {
	t := m.lesson
	m.tl = newTimeline(s)
	m.title = "lesson " + strconv.Itoa(t.N) + " · " + t.Exercise.ID
	m.showLesson, m.why, m.whyPid = true, nil, nil
	m.refresh()
	if m.page != nil {
		m = m.showPage()
	}
	// The key first: a long goal is cut at the status line's end.
	m = m.say("L reads lesson "+strconv.Itoa(t.N)+" · "+t.Exercise.Title+": "+t.Exercise.Goal, false)
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
	if v.Interrupted {
		return m.say("check interrupted: it judged nothing; :check runs it again from the start", true).warn(err)
	}
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

// previous opens the exercise before this one, or says there is none.
func (m Model) previous() Model {
	s, err := m.lesson.Previous()
	if s == nil {
		return m.say("this is the first exercise of this lesson: lesson N opens another", false)
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

// Tell puts text first on the status line, before what it said: a host's
// word to the learner (crashcourse serve: the instructor moved the room).
func (m Model) Tell(text string) Model {
	m.msg = append([]string{text}, m.msg...)
	return m
}

// say sets the status message.
func (m Model) say(msg string, isErr bool) Model {
	m.msg, m.msgErr = []string{msg}, isErr
	return m
}
