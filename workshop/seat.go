package workshop

import (
	"time"

	"github.com/crashcourse/crashcourse/lessons"
)

// seatStore is one learner's progress as their Tutor keeps it: their
// record in the room, every move written with the progress it left in
// one transaction (see Record.apply).
type seatStore struct {
	room *Room
	id   string
}

// Load is the learner's progress as the room has it.
func (s seatStore) Load() (*lessons.Progress, error) {
	return s.room.progress(s.id), nil
}

// Save writes the learner's progress alone.
func (s seatStore) Save(p *lessons.Progress) error {
	_, err := s.room.Change(s.id, func(r *Record) { r.Progress = cloneProgress(p) })
	return err
}

// Record writes move m and the progress p it left.
func (s seatStore) Record(p *lessons.Progress, m lessons.Move) error {
	now := s.room.now()
	_, err := s.room.Change(s.id, func(r *Record) { r.apply(p, m, now) })
	return err
}

// apply records move m, which left the learner's progress p, made at
// now: where they are (a change of exercise starts their answer and
// their failed checks there afresh), the checks that passed and failed
// with the report of the last failed one, and the hints shown.
func (r *Record) apply(p *lessons.Progress, m lessons.Move, now time.Time) {
	r.Progress, r.Hints, r.Seen = cloneProgress(p), hintsShown(p), now
	if m.Lesson != r.Lesson || m.Exercise != r.Exercise {
		r.Lesson, r.Exercise = m.Lesson, m.Exercise
		r.Answer, r.FailsHere, r.Moved = nil, 0, now
	}
	switch {
	case m.Kind == lessons.MoveReset:
		r.Answer = nil
	case m.Kind != lessons.MoveCheck:
	case m.Verdict.Pass:
		r.Passed++
		r.FailsHere, r.Moved = 0, now
	default:
		r.Failed++
		r.FailsHere++
		r.LastFailed = m.Verdict.Report()
	}
}

// hintsShown counts the hints p says were shown, in every exercise.
func hintsShown(p *lessons.Progress) int {
	n := 0
	for _, lp := range p.Lessons {
		for _, ep := range lp.Exercises {
			n += ep.Hints
		}
	}
	return n
}
