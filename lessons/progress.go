package lessons

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/crashcourse/crashcourse/scenarios"
)

// Progress is what a learner has done: per lesson (by ID), the current
// exercise and, per exercise (by ID), whether it passed and how many hints
// were shown. The zero value is a learner who has done nothing.
type Progress struct {
	Version int                        `json:"version"`
	Lessons map[string]*LessonProgress `json:"lessons"`
}

// LessonProgress is the progress in one lesson.
type LessonProgress struct {
	// Current is the exercise the learner is on, from 1 (0: not begun).
	Current   int                          `json:"current"`
	Exercises map[string]*ExerciseProgress `json:"exercises"`
}

// ExerciseProgress is the progress in one exercise.
type ExerciseProgress struct {
	Passed bool `json:"passed"`
	Hints  int  `json:"hints"` // how many hints were shown, from the first
}

// progressVersion is the version of the file format Save writes.
const progressVersion = 1

// Lesson returns the progress of lesson id, creating it.
func (p *Progress) Lesson(id string) *LessonProgress {
	if p.Lessons == nil {
		p.Lessons = map[string]*LessonProgress{}
	}
	lp := p.Lessons[id]
	if lp == nil {
		lp = &LessonProgress{}
		p.Lessons[id] = lp
	}
	return lp
}

// Exercise returns the progress of exercise id, creating it.
func (lp *LessonProgress) Exercise(id string) *ExerciseProgress {
	if lp.Exercises == nil {
		lp.Exercises = map[string]*ExerciseProgress{}
	}
	ep := lp.Exercises[id]
	if ep == nil {
		ep = &ExerciseProgress{}
		lp.Exercises[id] = ep
	}
	return ep
}

// Passed counts l's exercises that passed, and the hints shown in l.
func (p *Progress) Passed(l *Lesson) (passed, hints int) {
	if lp := p.Lessons[l.ID]; lp != nil {
		for _, ex := range l.Exercises {
			if ep := lp.Exercises[ex.ID]; ep != nil {
				hints += ep.Hints
				if ep.Passed {
					passed++
				}
			}
		}
	}
	return passed, hints
}

// Store is a progress file. Save writes it atomically (a temporary file
// in the same directory, synced, then renamed over it, mode 0600), so an
// interrupted save leaves the old file or the new one, never half of one.
type Store struct {
	Path string
}

// DefaultStore is the progress file in the user's state directory
// (scenarios.StateDir): $XDG_STATE_HOME/crashcourse/progress.json, or
// $HOME/.local/state/crashcourse/progress.json.
func DefaultStore() (Store, error) {
	dir, err := scenarios.StateDir()
	if err != nil {
		return Store{}, err
	}
	return Store{Path: filepath.Join(dir, "progress.json")}, nil
}

// CorruptError reports a progress file that could not be read as one: it
// was renamed to SetAside (empty when even that failed) and the learner
// starts afresh. Load returns it beside a usable, empty Progress.
type CorruptError struct {
	Path, SetAside string
	Err            error
}

func (e *CorruptError) Error() string {
	if e.SetAside == "" {
		return fmt.Sprintf("progress file %s is corrupt (%v); starting afresh", e.Path, e.Err)
	}
	return fmt.Sprintf("progress file %s is corrupt (%v); it was set aside as %s, starting afresh", e.Path, e.Err, e.SetAside)
}

// Load reads the progress file. A missing file is no progress and no
// error. A corrupt one is renamed aside (progress.json.corrupt, or
// .corrupt-2, -3, … when that exists) and reported with a *CorruptError
// beside an empty Progress: never fatal. Any other error (the file cannot
// be read) is returned with an empty Progress too.
func (s Store) Load() (*Progress, error) {
	data, err := os.ReadFile(s.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return &Progress{Version: progressVersion}, nil
	}
	if err != nil {
		return &Progress{Version: progressVersion}, err
	}
	var p Progress
	err = json.Unmarshal(data, &p)
	if err == nil && p.Version != progressVersion {
		err = fmt.Errorf("version %d, want %d", p.Version, progressVersion)
	}
	if err != nil {
		return &Progress{Version: progressVersion}, &CorruptError{Path: s.Path, SetAside: s.setAside(), Err: err}
	}
	return &p, nil
}

// setAside renames the progress file to the first free corrupt name.
func (s Store) setAside() string {
	for i := 1; i < 1000; i++ {
		name := s.Path + ".corrupt"
		if i > 1 {
			name += "-" + strconv.Itoa(i)
		}
		if _, err := os.Lstat(name); !errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if os.Rename(s.Path, name) != nil {
			return ""
		}
		return name
	}
	return ""
}

// Save writes p atomically, creating the directory (0700) if needed.
func (s Store) Save(p *Progress) error {
	p.Version = progressVersion
	data, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		return err
	}
	dir := filepath.Dir(s.Path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return err
	}
	return scenarios.WriteFileAtomic(s.Path, append(data, '\n'), scenarios.WriteOptions{Perm: 0o600})
}
