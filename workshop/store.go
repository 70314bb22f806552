package workshop

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/crashcourse/crashcourse/lessons"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Record is what the server keeps of one learner. It is stored whole, as
// JSON under the learner's ID, one transaction per change.
type Record struct {
	ID       string // the public key's SHA256 fingerprint, or "user:NAME"
	Name     string // the SSH user name they connected with
	Lesson   int    // the lesson they are on, from 1
	Exercise int    // the exercise they are on, from 1
	// Progress is the lessons package's own record: per exercise, passed
	// and hints shown.
	Progress *lessons.Progress
	Passed   int // checks that passed
	Failed   int // checks that failed
	Hints    int // hints shown
	// FailsHere counts the failed checks since the learner last passed or
	// changed exercise: the dashboard's "stuck" marker reads it.
	FailsHere  int
	LastFailed string        // the report of their last failed check
	Answer     []string      // the commands they ran in this exercise
	Spent      time.Duration // time connected, summed over sessions
	Seen       time.Time     // their last key
	Moved      time.Time     // their last pass or change of exercise
}

// Store is the room's database: one bucket of learners' records and one
// of room settings. bbolt writes each change in one transaction synced to
// disk, and a process killed at any point leaves the last committed
// transaction intact (copy-on-write pages, a meta page switched last).
type Store struct {
	db *bolt.DB
}

var (
	learnersBucket = []byte("learners")
	roomBucket     = []byte("room")
	roomLessonKey  = []byte("lesson")
)

// OpenStore opens (creating) the database at path. It waits at most a
// second for another process's lock, so that a second server on the same
// directory fails with a message instead of hanging.
func OpenStore(path string) (*Store, error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("%s is in use by another server", path)
	}
	if err != nil {
		return nil, err
	}
	err = db.Update(func(tx *bolt.Tx) error {
		if _, err := tx.CreateBucketIfNotExists(learnersBucket); err != nil {
			return err
		}
		_, err := tx.CreateBucketIfNotExists(roomBucket)
		return err
	})
	if err != nil {
		return nil, errors.Join(err, db.Close())
	}
	return &Store{db: db}, nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// Save writes r in one transaction.
func (s *Store) Save(r Record) error {
	data, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(learnersBucket).Put([]byte(r.ID), data)
	})
}

// Load reads the record of learner id; ok is false when there is none.
func (s *Store) Load(id string) (r Record, ok bool, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		data := tx.Bucket(learnersBucket).Get([]byte(id))
		if data == nil {
			return nil
		}
		ok = true
		return json.Unmarshal(data, &r)
	})
	return r, ok, err
}

// All reads every learner's record, ordered by name, then ID.
func (s *Store) All() ([]Record, error) {
	var all []Record
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(learnersBucket).ForEach(func(k, v []byte) error {
			var r Record
			if err := json.Unmarshal(v, &r); err != nil {
				return fmt.Errorf("learner %q: %w", k, err)
			}
			all = append(all, r)
			return nil
		})
	})
	slices.SortFunc(all, func(a, b Record) int {
		if a.Name != b.Name {
			return cmp.Compare(a.Name, b.Name)
		}
		return cmp.Compare(a.ID, b.ID)
	})
	return all, err
}

// SetRoomLesson records the lesson the instructor moved the room to.
func (s *Store) SetRoomLesson(n int) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket(roomBucket).Put(roomLessonKey, []byte(strconv.Itoa(n)))
	})
}

// RoomLesson is the lesson the room was last moved to, 0 if never.
func (s *Store) RoomLesson() (int, error) {
	n := 0
	err := s.db.View(func(tx *bolt.Tx) error {
		if v := tx.Bucket(roomBucket).Get(roomLessonKey); v != nil {
			var err error
			n, err = strconv.Atoi(string(v))
			return err
		}
		return nil
	})
	return n, err
}
