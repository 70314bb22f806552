package workshop

import (
	tea "charm.land/bubbletea/v2"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/crashcourse/crashcourse/lessons"
)

// TestStuckMarker: a learner is stuck after StuckFails failed checks
// since their last pass, or, while connected, after StuckAfter without a
// pass or a change of exercise; sorting "stuck first" puts them on top.
func TestStuckMarker(t *testing.T) {
	now := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	room := testRoom(t, func() time.Time { return now })
	for _, name := range []string{"ada", "bob", "cy"} {
		if _, err := room.Join(name, name); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := room.Change("cy", func(r *Record) { r.FailsHere, r.Failed = 3, 3 }); err != nil {
		t.Fatal(err)
	}
	room.learners["bob"].prog = new(tea.Program) // online; never run
	cfg := Config{Now: func() time.Time { return now.Add(11 * time.Minute) }}.withDefaults()
	d := newDashboard(room, cfg)
	stuck := map[string]bool{}
	for _, s := range d.seats {
		stuck[s.Name] = d.stuck(s)
	}
	if !stuck["cy"] || stuck["ada"] || !stuck["bob"] {
		t.Errorf("stuck: %v (offline learners are not stuck for time alone)", stuck)
	}
	d.order = byStuck
	d.refresh()
	if d.seats[2].Name != "ada" {
		t.Errorf("stuck first: %v last", d.seats[2].Name)
	}
	view := ansi.Strip(d.View().Content)
	if strings.Count(view, "STUCK") != 2 {
		t.Errorf("view:\n%s", view)
	}
}

// TestDescribeShowsTheWorldAndLastFailedCheck: the dashboard's detail of
// a learner replays their commands on the exercise's start and draws the
// tree (lesson 1's solution links processes: the tree shows ↔), then
// their last failed check.
func TestDescribeShowsTheWorldAndLastFailedCheck(t *testing.T) {
	cat, err := lessons.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	ex := firstExercise(t)
	answer := solutionLines(ex)
	lines := describe(cat, Seat{Record: Record{Name: "ada", Lesson: 1, Exercise: 1, Answer: answer,
		LastFailed: "✗ Not yet\n"}}, Config{}.withDefaults().limits())
	text := strings.Join(lines, "\n")
	if !strings.Contains(text, "↔") || !strings.HasSuffix(text, "── last failed check:\n✗ Not yet") {
		t.Errorf("detail:\n%s", text)
	}
}
