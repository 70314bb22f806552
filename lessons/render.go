package lessons

import (
	"strings"

	"charm.land/glamour/v2"
)

// Markdown is the page a learner reads for exercise ex of lesson l
// (number n): the lesson's explanation with its worked example, then the
// exercise's text, its goal, the world it starts from, and, for a
// predict exercise, the question and the faults that will fire.
func (l *Lesson) Markdown(n int, ex *Exercise) string {
	page := sprintf("# Lesson %d: %s\n\n%s\n\n", n, l.Title, l.Intro)
	if ex == nil {
		return page
	}
	return page + l.ExerciseMarkdown(ex)
}

// ExerciseMarkdown is the part of the page about exercise ex of l: its
// text, its goal, the world it starts from, and, for a predict exercise,
// the question and the faults that will fire.
func (l *Lesson) ExerciseMarkdown(ex *Exercise) string {
	var b strings.Builder
	k := l.Number(ex)
	b.WriteString(sprintf("## Exercise %d of %d: %s\n\n", k, len(l.Exercises), ex.Title))
	if ex.Prose != "" {
		b.WriteString(ex.Prose + "\n\n")
	}
	b.WriteString("**Goal:** " + ex.Goal + "\n\n")
	if ex.Setup.Present() {
		b.WriteString("The world you start from:\n\n```scn\n" + strings.TrimRight(ex.Setup.Text, "\n") + "\n```\n\n")
	}
	if ex.Predict() {
		b.WriteString(ex.Question + "\n\nThe faults that will fire:\n\n```scn\n" + strings.TrimRight(ex.Faults.Text, "\n") + "\n```\n\n")
		b.WriteString("Answer with lines `die: NAMES` and `restart: NAMES` (`none` for none).\n")
	} else if ex.Faults.Present() {
		b.WriteString("After your commands, the checker fires:\n\n```scn\n" + strings.TrimRight(ex.Faults.Text, "\n") + "\n```\n\n")
	}
	if !ex.Predict() {
		b.WriteString("You may use: " + codeList(ex.Allowed) + ", and the inspection verbs (`ps`, `tree`, `info`, `why`, …).\n")
	}
	return b.String()
}

// Number is ex's number in l, from 1 (0 when ex is not l's).
func (l *Lesson) Number(ex *Exercise) int {
	for i, e := range l.Exercises {
		if e == ex {
			return i + 1
		}
	}
	return 0
}

func codeList(words []string) string {
	q := make([]string, len(words))
	for i, w := range words {
		q[i] = "`" + w + "`"
	}
	return strings.Join(q, " ")
}

// Render renders Markdown for a terminal of width columns with glamour's
// standard style ("dark", "light", "notty" for no colour, "ascii").
func Render(md string, width int, style string) (string, error) {
	r, err := glamour.NewTermRenderer(glamour.WithStandardStyle(style), glamour.WithWordWrap(width))
	if err != nil {
		return "", err
	}
	return r.Render(md)
}
