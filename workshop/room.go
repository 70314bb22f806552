package workshop

import (
	"cmp"
	"slices"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/lessons"
)

// Room is the server's live view of its learners: every record (the
// database's, kept in memory), who is connected, and the program of each
// connected session, to tell them when the instructor moves the room.
// Records change only through Change, which writes them first.
type Room struct {
	store *Store
	cat   *lessons.Catalogue
	now   func() time.Time

	mu       sync.Mutex
	learners map[string]*seat
	lesson   int // the lesson the instructor last moved the room to
}

// seat is one learner in the room.
type seat struct {
	rec  Record
	prog *tea.Program // the connected session's; nil when away
	end  func()       // ends the connected session
}

// roomMovedMsg tells a learner's session that the instructor moved the
// room to a lesson.
type roomMovedMsg struct{ lesson int }

// NewRoom reads every record in st.
func NewRoom(st *Store, cat *lessons.Catalogue, now func() time.Time) (*Room, error) {
	r := &Room{store: st, cat: cat, now: now, learners: map[string]*seat{}}
	all, err := st.All()
	if err != nil {
		return nil, err
	}
	for _, rec := range all {
		r.learners[rec.ID] = &seat{rec: rec}
	}
	r.lesson, err = st.RoomLesson()
	return r, err
}

// Join seats a learner, creating their record (on lesson 1, or the
// room's lesson) if they are new, and returns it.
func (r *Room) Join(id, name string) (Record, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.learners[id]; s != nil {
		return s.rec, nil
	}
	rec := Record{ID: id, Name: name, Lesson: max(r.lesson, 1), Exercise: 1,
		Progress: &lessons.Progress{}, Seen: r.now(), Moved: r.now()}
	if err := r.store.Save(rec); err != nil {
		return Record{}, err
	}
	r.learners[id] = &seat{rec: rec}
	return rec, nil
}

// Attach makes p the learner's connected session, calling the end of the
// one they had (a laptop that slept, and reconnected before its
// connection timed out): one learner, one world.
func (r *Room) Attach(id string, p *tea.Program, end func()) {
	r.mu.Lock()
	s := r.learners[id]
	old := s.end
	s.prog, s.end = p, end
	r.mu.Unlock()
	if old != nil {
		old()
	}
}

// Detach notes that session p of the learner ended.
func (r *Room) Detach(id string, p *tea.Program) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.learners[id]; s != nil && s.prog == p {
		s.prog, s.end = nil, nil
	}
}

// Change applies f to the learner's record and writes it in one
// transaction; the record in memory changes only when the write
// succeeded. It returns the record as it now stands.
func (r *Room) Change(id string, f func(*Record)) (Record, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	s := r.learners[id]
	rec := s.rec
	rec.Progress = cloneProgress(rec.Progress)
	rec.Answer = slices.Clone(rec.Answer)
	f(&rec)
	if err := r.store.Save(rec); err != nil {
		return s.rec, err
	}
	s.rec = rec
	return rec, nil
}

// progress is a copy of the learner's progress.
func (r *Room) progress(id string) *lessons.Progress {
	r.mu.Lock()
	defer r.mu.Unlock()
	return cloneProgress(r.learners[id].rec.Progress)
}

// Note updates what the dashboard shows of a learner between writes: the
// commands they ran and when they last typed. Change writes both.
func (r *Room) Note(id string, answer []string, seen time.Time) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if s := r.learners[id]; s != nil {
		s.rec.Answer, s.rec.Seen = answer, seen
	}
}

// MoveTo moves the room to lesson n: it is recorded, every connected
// learner is told, and newcomers start there.
func (r *Room) MoveTo(n int) error {
	if err := r.store.SetRoomLesson(n); err != nil {
		return err
	}
	r.mu.Lock()
	r.lesson = n
	var progs []*tea.Program
	for _, s := range r.learners {
		if s.prog != nil {
			progs = append(progs, s.prog)
		}
	}
	r.mu.Unlock()
	for _, p := range progs {
		p.Send(roomMovedMsg{lesson: n})
	}
	return nil
}

// Lesson is the lesson the room was last moved to, 0 if never.
func (r *Room) Lesson() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.lesson
}

// Seat is one learner as the dashboard shows them.
type Seat struct {
	Record
	Online bool
}

// Seats lists every learner, ordered by name then ID.
func (r *Room) Seats() []Seat {
	r.mu.Lock()
	out := make([]Seat, 0, len(r.learners))
	for _, s := range r.learners {
		rec := s.rec
		rec.Answer = slices.Clone(rec.Answer)
		out = append(out, Seat{Record: rec, Online: s.prog != nil})
	}
	r.mu.Unlock()
	slices.SortFunc(out, func(a, b Seat) int {
		return cmp.Or(cmp.Compare(a.Name, b.Name), cmp.Compare(a.ID, b.ID))
	})
	return out
}

// cloneProgress deep-copies p, so that a change that fails to be written
// leaves the record in memory as it was.
func cloneProgress(p *lessons.Progress) *lessons.Progress {
	out := &lessons.Progress{Version: 1}
	if p == nil {
		return out
	}
	out.Version = p.Version
	for id, lp := range p.Lessons {
		nl := out.Lesson(id)
		nl.Current = lp.Current
		for eid, ep := range lp.Exercises {
			*nl.Exercise(eid) = *ep
		}
	}
	return out
}
