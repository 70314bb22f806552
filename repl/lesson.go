package repl

import (
	"strings"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
)

// predictionFile names a prediction in the positions of its errors.
const predictionFile = "prediction"

// defaultWidth is the width lesson pages are rendered at when the
// terminal's is unknown (a script, a test); maxPageWidth is the widest
// they are, which reads best (as crashcourse lesson renders them).
const (
	defaultWidth = 80
	maxPageWidth = 100
)

// lessonCommand runs one of the lesson commands: lesson [N|reset], check,
// hint, next, previous, predict PREDICTION. The tutor starts with the first of them,
// reading the learner's progress.
func (sh *shell) lessonCommand(verb, arg string) {
	sh.flush(false)
	if sh.tutor == nil && !sh.startTutor() {
		return
	}
	switch {
	case verb == "lesson":
		sh.lessonArg(arg)
	case sh.tutor.Lesson == nil:
		sh.lessonProblem("no lesson is open: type lesson for the list, lesson N to open one")
	case verb == "predict":
		sh.predict(arg)
	case arg != "":
		sh.lessonProblem(verb + " takes no argument")
	case verb == "check":
		sh.check()
	case verb == "hint":
		h, err := sh.tutor.NextHint()
		sh.out.line(sh.out.paint(sh.out.st.note, h))
		sh.warn(err)
	case verb == "previous":
		sh.step(sh.tutor.Previous, "this is the first exercise")
	default:
		sh.step(sh.tutor.Next, "that was the last exercise")
	}
}

// useLessons makes the lesson commands teach cat instead of the bundled
// lessons, when it is not nil.
func (sh *shell) useLessons(cat *lessons.Catalogue) {
	if cat != nil {
		sh.catalogue = func() (*lessons.Catalogue, error) { return cat, nil }
	}
}

// startTutor reads the lessons and the learner's progress; a
// progress file that cannot be used is said, never fatal.
func (sh *shell) startTutor() bool {
	cat, err := sh.catalogue()
	if err != nil {
		sh.lessonProblem("lessons: " + err.Error())
		return false
	}
	sh.tutor, err = lessons.NewTutor(cat)
	sh.tutor.Stop = sh.interrupted.Load // Ctrl-C stops a long check, as a long command
	sh.warn(err)
	return true
}

// lessonArg lists the lessons, resets the exercise, or opens lesson arg.
func (sh *shell) lessonArg(arg string) {
	t := sh.tutor
	switch {
	case arg == "":
		for _, l := range t.List() {
			sh.out.line(l)
		}
		sh.out.line(sh.out.paint(sh.out.st.note, "lesson N opens lesson N where you left it"))
		return
	case arg == "reset" && t.Lesson == nil:
		sh.lessonProblem("no lesson is open to reset: lesson N opens one")
		return
	case arg == "reset":
		s, err := t.Reset()
		sh.enter(s)
		sh.out.line(sh.out.paint(sh.out.st.note, "back to the start of exercise "+itoa(t.Lesson.Number(t.Exercise))+
			": the world as the exercise starts it; your answer starts again from your next command"))
		sh.warn(err)
		return
	}
	n, l, ok := t.Catalogue.Find(arg)
	if !ok {
		sh.lessonProblem("no lesson " + arg + ": type lesson for the list")
		return
	}
	s, err := t.Open(n, l)
	sh.openExercise(s, err, true)
}

// step opens the exercise that move (the tutor's Next or Previous) opens,
// or says none is there, with edge ("that was the last exercise").
func (sh *shell) step(move func() (*scenarios.Session, error), edge string) {
	s, err := move()
	if s == nil {
		sh.out.line(sh.out.paint(sh.out.st.note, edge+" of this lesson: lesson for the list, lesson N for another"))
		return
	}
	sh.openExercise(s, err, false)
}

// openExercise shows the page of the exercise just opened, after the
// lesson's explanation when full, and hands the learner its world.
func (sh *shell) openExercise(s *scenarios.Session, err error, full bool) {
	sh.enter(s)
	t := sh.tutor
	style := "notty"
	if sh.out.color {
		style = "dark"
	}
	sh.out.printf("%s", t.Page(sh.pageWidth(), style, full))
	how := "Your commands from here are your answer: check checks them, hint gives a hint."
	if t.Exercise.Predict() {
		how = "Answer with: predict die: NAMES; restart: NAMES (or none). hint gives a hint."
	}
	sh.out.line(sh.out.paint(sh.out.st.note, how))
	sh.warn(err)
}

// enter makes s, an exercise's starting world, the session's world. What
// save writes starts again there, with the exercise's setup, and the
// learner's answer is every command after it; leaving warns only about
// those.
func (sh *shell) enter(s *scenarios.Session) {
	t := sh.tutor
	sh.sess, sh.seed = s, 0
	s.SetInterrupt(sh.interrupted.Load)
	sh.names = scenarios.NewWorldNames(s.World())
	setup := "# lesson " + itoa(t.N) + ", " + t.Exercise.ID + ": the world it starts from"
	if t.Exercise.Setup.Present() {
		setup += "\n" + strings.TrimRight(t.Exercise.Setup.Text, "\n")
	}
	sh.log = []record{{text: setup}}
	sh.answerFrom = len(sh.log)
	// Only the learner's own commands are unsaved work: the setup is the
	// exercise's, and the commands before it went with the old world.
	sh.saved, sh.warned = len(sh.log), -1
}

// answer is the learner's commands since the exercise opened, one a
// line, so that "your line 3" is the third command they typed: a sup
// body typed over several lines is one line, joined as history joins it
// (unless a comment in it keeps its lines apart).
func (sh *shell) answer() string {
	var lines []string
	for _, r := range sh.log[sh.answerFrom:] {
		lines = append(lines, scenarios.HistoryEntries(r.text)...)
	}
	return strings.Join(lines, "\n")
}

// check checks the learner's commands and reports the verdict.
func (sh *shell) check() {
	if sh.tutor.Exercise.Predict() {
		sh.lessonProblem("this exercise asks for a prediction: predict die: NAMES; restart: NAMES")
		return
	}
	v, err := sh.tutor.Check(sh.file, sh.answer())
	sh.verdict(v, err)
}

// predict checks a prediction for a predict exercise.
func (sh *shell) predict(text string) {
	switch {
	case !sh.tutor.Exercise.Predict():
		sh.lessonProblem("this exercise asks for commands, not a prediction: type them, then check")
	case text == "":
		sh.lessonProblem("usage: predict die: NAMES; restart: NAMES (none for none)")
	default:
		v, err := sh.tutor.Predict(predictionFile, text)
		sh.verdict(v, err)
	}
}

// verdict prints a check's report, and after a pass what comes next.
func (sh *shell) verdict(v lessons.Verdict, err error) {
	st := sh.out.st.fail
	if v.Pass {
		st = sh.out.st.pass
	}
	lines := strings.Split(strings.TrimRight(v.Report(), "\n"), "\n")
	if sh.width != nil && sh.width() > 20 {
		// Wrapped at spaces here, not mid-word by the terminal.
		lines = scenarios.WrapAll(lines, sh.width()-1, 2)
	}
	for _, l := range lines {
		if strings.HasPrefix(l, "✓") || strings.HasPrefix(l, "✗") {
			l = sh.out.paint(st, l)
		}
		sh.out.line(l)
	}
	t := sh.tutor
	switch {
	case !v.Pass:
	case t.Lesson.Number(t.Exercise) < len(t.Lesson.Exercises):
		sh.out.line(sh.out.paint(sh.out.st.note, "next opens the next exercise"))
	default:
		sh.out.line(sh.out.paint(sh.out.st.note, "that was the last exercise of this lesson: lesson for the list"))
	}
	sh.warn(err)
}

// pageWidth is the width to render a lesson page at: the terminal's, at
// most maxPageWidth.
func (sh *shell) pageWidth() int {
	if sh.width != nil {
		if w := sh.width(); w > 0 {
			return min(w, maxPageWidth)
		}
	}
	return defaultWidth
}

// lessonProblem reports a lesson command that could not be done. Unlike
// a command's error it does not make a script fail: it changed nothing.
func (sh *shell) lessonProblem(msg string) {
	sh.problem(sh.lineNo, msg)
}

// warn says what went wrong beside a move that happened (progress not
// saved, a corrupt progress file set aside).
func (sh *shell) warn(err error) {
	if err != nil {
		sh.out.line(sh.out.paint(sh.out.st.note, "note: "+err.Error()))
	}
}

// lessonCandidates completes the argument of lesson: reset, and the
// lessons by the name Catalogue.Find takes ("links" for "01-links").
func (sh *shell) lessonCandidates(word string) []string {
	var out []string
	if strings.HasPrefix("reset", word) {
		out = append(out, "reset ")
	}
	var cat *lessons.Catalogue
	if sh.tutor != nil {
		cat = sh.tutor.Catalogue
	} else if cat, _ = sh.catalogue(); cat == nil {
		return out
	}
	for _, l := range cat.Lessons {
		if _, name, _ := strings.Cut(l.ID, "-"); strings.HasPrefix(name, word) {
			out = append(out, name+" ")
		}
	}
	return out
}
