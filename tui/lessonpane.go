package tui

import (
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// lessonLines draw the lesson pane: the exercise, its goal and allowed
// verbs, then the last check: what passed, or each failure with its
// causes, and the expected cascade beside the learner's.
func (m Model) lessonLines(w, h int) []string {
	t := m.lesson
	ex := t.Exercise
	title := "exercise " + strconv.Itoa(t.Lesson.Number(ex)) + " of " + strconv.Itoa(len(t.Lesson.Exercises)) + ": " + ex.Title
	if t.Progress.HasPassed(t.Lesson, ex) {
		title += " ✓"
	}
	lines := m.styled(m.st.Bold.Render, wrap("lesson "+strconv.Itoa(t.N)+": "+t.Lesson.Title, w))
	lines = append(lines, m.styled(m.st.Title.Render, wrap(title, w))...)
	lines = append(lines, wrap("goal: "+ex.Goal, w)...)
	if ex.Predict() {
		lines = append(lines, wrap("predict: "+ex.Question+" — type predict die: a b restart: c", w)...)
	} else if len(ex.Allowed) > 0 {
		lines = append(lines, wrap("verbs you may use: "+strings.Join(ex.Allowed, " "), w)...)
	}
	if t.Hint != "" {
		lines = append(lines, m.styled(m.st.Note.Render, wrap(t.Hint, w))...)
	}
	if v := t.Verdict; v != nil {
		lines = append(lines, "")
		lines = append(lines, m.verdictLines(*v, w)...)
	} else {
		lines = append(lines, "")
		lines = append(lines, m.styled(m.st.Faint.Render, wrap("type commands with :, then :check (:hint helps)", w))...)
	}
	if len(lines) > h && h > 1 {
		// The page (L) shows the whole check, scrolled.
		return append(lines[:h-1], m.st.Faint.Render(fit("… L shows it all", w)))
	}
	return lines[:min(len(lines), h)]
}

// styled renders each line with style.
func (m Model) styled(style func(...string) string, lines []string) []string {
	for i, l := range lines {
		lines[i] = style(l)
	}
	return lines
}

// verdictLines show a check's verdict, then its notes on the run (a
// safety bound was hit), as Verdict.Report does.
func (m Model) verdictLines(v lessons.Verdict, w int) []string {
	lines := m.outcomeLines(v, w)
	for _, n := range v.Notes {
		lines = append(lines, wrap("note: "+n, w)...)
	}
	return lines
}

// outcomeLines show what passed, or each failure with its causes.
func (m Model) outcomeLines(v lessons.Verdict, w int) []string {
	if v.Pass {
		return append([]string{m.st.Running.Render("✓ passed")}, wrap(v.Said, w)...)
	}
	if v.Interrupted {
		return append([]string{m.st.Dead.Render("✗ not checked")}, wrap("interrupted before it could judge: :check runs it again from the start", w)...)
	}
	var lines []string
	lines = append(lines, m.st.Dead.Render("✗ not yet"))
	for _, e := range v.Errors {
		lines = append(lines, wrap(e.Error(), w)...)
	}
	for _, r := range v.Refused {
		lines = append(lines, wrap("your line "+strconv.Itoa(r.Line)+": "+lessons.Named(r.Verb)+" is not allowed here: `"+r.Text+"`", w)...)
	}
	for _, c := range v.CommandErrors {
		lines = append(lines, wrap(c, w)...)
	}
	for _, f := range v.Failures {
		lines = append(lines, wrap("expected "+f.Want+", but "+f.Got, w)...)
		for _, b := range f.Because {
			lines = append(lines, wrap("  "+b, w)...)
		}
	}
	lines = append(lines, m.predictionRows(v.Rows, w)...)
	if len(v.Failures) > 0 && v.World != nil {
		lines = append(lines, "")
		lines = append(lines, sideBySide(m.expected(), m.learnerCascade(v), w)...)
	}
	return lines
}

// predictionRows set a prediction beside the outcome, one process a row.
func (m Model) predictionRows(rows []lessons.Row, w int) []string {
	if len(rows) == 0 {
		return nil
	}
	yes := func(b bool, word string) string {
		if b {
			return word
		}
		return "-"
	}
	lines := []string{m.st.Bold.Render(padTo("process", 12) + padTo("you said", 18) + "it did")}
	for _, r := range rows {
		said := yes(r.PredictedDie, "dies") + " " + yes(r.PredictedRestart, "restarts")
		did := yes(r.Died, "died") + " " + yes(r.Restarted, "restarted")
		line := padTo(r.Name, 12) + padTo(said, 18) + did
		if !r.Agrees() {
			line = m.st.Dead.Render(line)
		}
		lines = append(lines, line)
		for _, e := range r.Explain {
			lines = append(lines, wrap("  "+e, w)...)
		}
	}
	return lines
}

// expected is the exercise's expected cascade, as its expect lines.
func (m Model) expected() []string {
	return append([]string{m.st.Bold.Render("expected")}, strings.Split(strings.TrimSpace(m.lesson.Exercise.Expect.Text), "\n")...)
}

// learnerCascade is what the faults did in the learner's world: its trace
// from the faults on, a line an entry, bounded.
func (m Model) learnerCascade(v lessons.Verdict) []string {
	lines := []string{m.st.Bold.Render("what your tree did")}
	w := v.World
	for s := v.Faults; s >= 1 && int(s) <= w.TraceLen() && len(lines) < 40; s++ {
		e := w.Entry(s)
		lines = append(lines, scenarios.Now(w).Label(e.Pid)+" "+scenarios.Describe(w, sim.Seq(s)))
	}
	return lines
}

// sideBySide sets two columns next to each other when the pane is wide
// enough, one under the other when not.
func sideBySide(left, right []string, w int) []string {
	if w < 60 {
		return append(append(left, ""), right...)
	}
	half := (w - 3) / 2
	var out []string
	for i := range max(len(left), len(right)) {
		out = append(out, fit(at(left, i), half)+" │ "+fit(at(right, i), half))
	}
	return out
}

// wrap breaks s at spaces into lines of at most w cells.
func wrap(s string, w int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(s) {
		if line != "" && len([]rune(line))+1+len([]rune(word)) > w {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += word
	}
	return append(lines, line)
}

func padTo(s string, n int) string {
	if k := len([]rune(s)); k < n {
		return s + strings.Repeat(" ", n-k)
	}
	return s + " "
}
