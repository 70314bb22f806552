package lessons

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// Every bundled exercise's page says its goal and what the learner may
// use (or, for a prediction, the question and the faults), and renders.
func TestMarkdownOfEveryExercise(t *testing.T) {
	bundledExercises(t, func(t *testing.T, l *Lesson, ex *Exercise) {
		md := l.Markdown(1, ex)
		want := []string{"# Lesson 1: " + l.Title, "**Goal:** " + ex.Goal, ex.Title}
		if ex.Predict() {
			want = append(want, ex.Question, "The faults that will fire:", strings.TrimSpace(ex.Faults.Text))
		} else {
			want = append(want, "You may use: "+codeList(ex.Allowed))
		}
		for _, w := range want {
			if !strings.Contains(md, w) {
				t.Errorf("the page lacks %q:\n%s", w, md)
			}
		}
		// The dark style pads code spans, so only notty keeps the goal's
		// words as written.
		for _, style := range []string{"notty", "dark"} {
			out, err := Render(md, 80, style)
			text := strings.Join(strings.Fields(ansi.Strip(out)), " ")
			goal := strings.ReplaceAll(ex.Goal, "`", "")
			if err != nil || !strings.Contains(text, ex.Title) || style == "notty" && !strings.Contains(text, goal) {
				t.Fatalf("%s: %v\n%s", style, err, text)
			}
		}
	})
}
