package workshop

import (
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/lessons"
)

// seatedLearner is a learner's app over a room in a temporary directory,
// with a clock the test moves; no SSH.
func seatedLearner(t *testing.T) (*learner, *Room, *time.Time) {
	t.Helper()
	now := time.Date(2026, 1, 1, 10, 0, 0, 0, time.UTC)
	room := testRoom(t, func() time.Time { return now })
	rec, err := room.Join("ada", "ada")
	if err != nil {
		t.Fatal(err)
	}
	m := newLearner(room, rec, Config{NoColor: true}.withDefaults())
	m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	return m, room, &now
}

// testRoom is a room over the bundled lessons and a database in a
// temporary directory, on the clock now.
func testRoom(t *testing.T, now func() time.Time) *Room {
	t.Helper()
	cat, err := lessons.Bundled()
	if err != nil {
		t.Fatal(err)
	}
	st, err := OpenStore(t.TempDir() + "/" + dbName)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	room, err := NewRoom(st, cat, now)
	if err != nil {
		t.Fatal(err)
	}
	return room
}

// typeLine types line on the TUI's command line, as keys, and runs what
// it starts to its end.
func (m *learner) typeLine(line string) {
	m.key(tea.KeyPressMsg{Code: ':', Text: ":"})
	for _, r := range line {
		m.key(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	m.key(tea.KeyPressMsg{Code: tea.KeyEnter})
}

// key sends k and the message of a command it starts, when that comes at
// once (a typed line's run), not a timer's.
func (m *learner) key(k tea.KeyPressMsg) {
	_, cmd := m.Update(k)
	if cmd == nil {
		return
	}
	done := make(chan tea.Msg, 1)
	go func() { done <- cmd() }()
	select {
	case msg := <-done:
		if msg != nil {
			m.Update(msg)
		}
	case <-time.After(time.Second):
	}
}

// record is the learner's record as the database has it.
func record(t *testing.T, room *Room) Record {
	t.Helper()
	rec, ok, err := room.store.Load("ada")
	if err != nil || !ok {
		t.Fatalf("record: ok %v, err %v", ok, err)
	}
	return rec
}

// TestLessonMovesFillTheDashboard: the checks, hints and moves a learner
// makes with the TUI's lesson commands are written to their record, each
// in its write, with what the dashboard reads: checks passed and failed,
// failed checks here (the stuck marker), the last failed check's report,
// hints shown, the commands run, where they are and when they moved.
func TestLessonMovesFillTheDashboard(t *testing.T) {
	m, room, now := seatedLearner(t)
	ex := m.tutor.Exercise
	for range 3 {
		m.typeLine("check")
	}
	rec := record(t, room)
	if rec.Failed != 3 || rec.FailsHere != 3 || rec.Passed != 0 || !strings.HasPrefix(rec.LastFailed, "✗") {
		t.Fatalf("after 3 failed checks: %+v", rec)
	}
	d := newDashboard(room, Config{}.withDefaults())
	if !d.stuck(d.seats[0]) {
		t.Error("3 failed checks do not mark the learner stuck")
	}
	m.typeLine("hint")
	m.typeLine("hint")
	lines := solutionLines(ex)
	for _, line := range lines {
		m.typeLine(line)
	}
	*now = now.Add(time.Minute)
	m.typeLine("check")
	rec = record(t, room)
	if rec.Passed != 1 || rec.Failed != 3 || rec.FailsHere != 0 || rec.Hints != 2 || !rec.Moved.Equal(*now) ||
		strings.Join(rec.Answer, "\n") != strings.Join(lines, "\n") || !rec.Progress.HasPassed(m.tutor.Lesson, ex) {
		t.Fatalf("after hints and a pass: %+v", rec)
	}
	m.typeLine("next")
	rec = record(t, room)
	if rec.Lesson != 1 || rec.Exercise != 2 || rec.Answer != nil || rec.LastFailed == "" {
		t.Fatalf("after next: %+v", rec)
	}
	m.typeLine("spawn extra")
	m.typeLine("previous")
	if rec = record(t, room); rec.Exercise != 1 || rec.Answer != nil {
		t.Fatalf("after previous: %+v", rec)
	}
}

// TestReconnectingResumesTheExercise: a learner seated again (a new
// session) is on the exercise of their record, even one they passed,
// with their commands run again; the record is unchanged.
func TestReconnectingResumesTheExercise(t *testing.T) {
	m, room, _ := seatedLearner(t)
	ex := m.tutor.Exercise
	for _, line := range solutionLines(ex) {
		m.typeLine(line)
	}
	m.typeLine("check")
	before := record(t, room)
	again := newLearner(room, before, Config{NoColor: true}.withDefaults())
	cmds, _ := again.app.Commands()
	if again.tutor.Exercise != ex || strings.Join(cmds, "\n") != strings.Join(before.Answer, "\n") {
		t.Fatalf("resumed on %s with %q, want %s with %q", again.tutor.Exercise.ID, cmds, ex.ID, before.Answer)
	}
	if after := record(t, room); after.Exercise != before.Exercise || len(after.Answer) != len(before.Answer) || after.Moved != before.Moved {
		t.Fatalf("reconnecting changed the record: %+v, was %+v", after, before)
	}
}

// TestTheRoomMovesALearnerOnce: the instructor's move opens the lesson
// through the tutor, where the learner was in it, and says so; a learner
// already in that lesson keeps their world.
func TestTheRoomMovesALearnerOnce(t *testing.T) {
	m, room, _ := seatedLearner(t)
	m.Update(roomMovedMsg{lesson: 3})
	if m.tutor.N != 3 || record(t, room).Lesson != 3 {
		t.Fatalf("moved to lesson %d, record at %d", m.tutor.N, record(t, room).Lesson)
	}
	m.typeLine("spawn extra")
	m.Update(roomMovedMsg{lesson: 3})
	if cmds, _ := m.app.Commands(); len(cmds) != 1 {
		t.Errorf("a learner already in the lesson lost their world: %q", cmds)
	}
	if !strings.Contains(m.View().Content, "The instructor moved the room to lesson 3.") {
		t.Errorf("the move is not said:\n%s", m.View().Content)
	}
}
