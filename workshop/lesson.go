package workshop

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/lessons"
)

// answerFile names the learner's commands in a check's error positions.
const answerFile = "your commands"

// lessonText is the lesson's intro, the exercise, and the hints shown.
func (m *learner) lessonText() string {
	var b strings.Builder
	b.WriteString(m.lesson.Markdown(m.rec.Lesson, m.ex))
	ep := m.progress()
	for i := 0; i < ep.Hints && i < len(m.ex.Hints); i++ {
		fmt.Fprintf(&b, "\n\nHint %d: %s", i+1, m.ex.Hints[i])
	}
	b.WriteString("\n\nRun your commands with : in the TUI, then C checks them. Esc closes this.")
	style := "dark"
	if m.noColor {
		style = "notty"
	}
	if out, err := lessons.Render(b.String(), max(m.width-2, 20), style); err == nil {
		return out
	}
	return b.String()
}

// show opens the overlay on text.
func (m *learner) show(text string) {
	m.overlay, m.scroll = strings.Split(strings.TrimRight(text, "\n"), "\n"), 0
}

// scrollBy scrolls the overlay by a line or a page.
func (m *learner) scrollBy(k string) {
	page := max(m.height-4, 1)
	switch k {
	case "up":
		m.scroll--
	case "down":
		m.scroll++
	case "pgup":
		m.scroll -= page
	default:
		m.scroll += page
	}
	m.scroll = max(0, min(m.scroll, len(m.overlay)-page))
}

// progress is the lessons package's record of this exercise.
func (m *learner) progress() lessons.ExerciseProgress {
	lp := m.rec.Progress.Lessons[m.lesson.ID]
	if lp == nil || lp.Exercises[m.ex.ID] == nil {
		return lessons.ExerciseProgress{}
	}
	return *lp.Exercises[m.ex.ID]
}

// check checks the commands the learner ran, or opens the prediction line
// for a predict exercise.
func (m *learner) check() tea.Cmd {
	if m.ex.Predict() {
		m.asking = true
		m.predict.SetValue("")
		return m.predict.Focus()
	}
	m.judge([]byte(strings.Join(m.rec.Answer, "\n") + "\n"))
	return nil
}

// predictKey edits the prediction line: Enter checks it, Esc abandons it.
func (m *learner) predictKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc", "ctrl+c":
		m.asking = false
		m.predict.Blur()
		return nil
	case "enter":
		m.asking = false
		m.predict.Blur()
		m.judge([]byte(m.predict.Value() + "\n"))
		return nil
	}
	var cmd tea.Cmd
	m.predict, cmd = m.predict.Update(msg)
	return cmd
}

// judge checks src against the exercise, records the outcome in one
// write and shows the verdict.
func (m *learner) judge(src []byte) {
	v := lessons.CheckWith(m.ex, answerFile, src, m.limits)
	report := v.Report()
	m.save(func(r *Record) {
		ep := r.Progress.Lesson(m.lesson.ID).Exercise(m.ex.ID)
		if v.Pass {
			ep.Passed = true
			r.Passed++
			r.FailsHere = 0
			r.Moved = m.now()
			return
		}
		r.Failed++
		r.FailsHere++
		r.LastFailed = report
	})
	m.status = "✗ the check failed: L reads the exercise again, H gives a hint"
	if v.Pass {
		m.status = "✓ passed: N goes on to the next exercise"
	}
	m.show(report)
}

// hint shows the exercise's next hint, counting it.
func (m *learner) hint() {
	ep := m.progress()
	if ep.Hints >= len(m.ex.Hints) {
		m.status = "no more hints for this exercise"
		if len(m.ex.Hints) > 0 {
			m.show(m.lessonText())
		}
		return
	}
	m.save(func(r *Record) {
		r.Progress.Lesson(m.lesson.ID).Exercise(m.ex.ID).Hints++
		r.Hints++
	})
	m.show(m.lessonText())
}

// step goes to the next (d=1) or previous (d=-1) exercise, across
// lessons.
func (m *learner) step(d int) {
	n, k := m.rec.Lesson, m.rec.Exercise+d
	switch {
	case k < 1 && n > 1:
		n--
		l, _ := m.room.cat.Lesson(n)
		k = len(l.Exercises)
	case k > len(m.lesson.Exercises) && n < len(m.room.cat.Lessons):
		n, k = n+1, 1
	case k < 1 || k > len(m.lesson.Exercises):
		m.status = "there is no exercise that way"
		return
	}
	m.goTo(n, k, "")
}

// moveTo goes to lesson n, at the exercise the learner was on in it.
func (m *learner) moveTo(n int, said string) {
	l, ok := m.room.cat.Lesson(n)
	if !ok {
		return
	}
	k := 1
	if lp := m.rec.Progress.Lessons[l.ID]; lp != nil && lp.Current > 0 {
		k = lp.Current
	}
	m.goTo(n, k, said)
}

// goTo opens exercise k of lesson n on a fresh world, in one write.
func (m *learner) goTo(n, k int, said string) {
	m.save(func(r *Record) {
		r.Lesson, r.Exercise, r.Answer, r.FailsHere, r.Moved = n, k, nil, 0, m.now()
		l, _ := m.room.cat.Lesson(n)
		r.Progress.Lesson(l.ID).Current = k
	})
	m.open(nil)
	m.overlay = nil
	m.status = said
	if said == "" {
		m.show(m.lessonText())
	}
}

// restart opens the exercise again on a fresh world.
func (m *learner) restart() {
	m.save(func(r *Record) { r.Answer = nil })
	m.open(nil)
	m.status = "the exercise starts again on a fresh world"
}

// save changes the learner's record in one write. A write that fails is
// said on the status line; the session goes on.
func (m *learner) save(f func(*Record)) {
	m.rec.Seen = m.now()
	answer := m.rec.Answer
	rec, err := m.room.Change(m.rec.ID, func(r *Record) {
		r.Answer, r.Seen = answer, m.rec.Seen
		f(r)
	})
	m.rec, m.failure = rec, err
}
