package lessons

import (
	"embed"
	"errors"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
)

// bundled holds the lessons that ship with crashcourse, one file each,
// numbered by their name ("01-links.md" is lesson 1).
//
//go:embed content/*.md
var bundled embed.FS

// Catalogue is an ordered list of lessons; lesson N is Lessons[N-1].
type Catalogue struct {
	Lessons []*Lesson
}

// Bundled parses the embedded lessons, in file name order. Tests hold
// every bundled file to lint, so an error here is a bug in a lesson file.
func Bundled() (*Catalogue, error) {
	names, err := fs.Glob(bundled, "content/*.md")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	c := &Catalogue{}
	var errs []error
	for _, n := range names {
		src, err := bundled.ReadFile(n)
		if err != nil {
			return nil, err
		}
		l, err := Parse("lessons/"+n, src)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c.Lessons = append(c.Lessons, l)
	}
	return c, errors.Join(errs...)
}

// Single is a catalogue of one lesson: an instructor's file.
func Single(l *Lesson) *Catalogue { return &Catalogue{Lessons: []*Lesson{l}} }

// Lesson returns lesson n (from 1).
func (c *Catalogue) Lesson(n int) (*Lesson, bool) {
	if n < 1 || n > len(c.Lessons) {
		return nil, false
	}
	return c.Lessons[n-1], true
}

// Find returns the lesson a learner names: its number ("1"), or its ID
// ("01-links") or the ID without its number ("links").
func (c *Catalogue) Find(arg string) (int, *Lesson, bool) {
	if n, err := strconv.Atoi(arg); err == nil {
		l, ok := c.Lesson(n)
		return n, l, ok
	}
	for i, l := range c.Lessons {
		_, short, _ := strings.Cut(l.ID, "-")
		if l.ID == arg || short == arg {
			return i + 1, l, true
		}
	}
	return 0, nil, false
}

// Exercise returns exercise k (from 1) of l.
func (l *Lesson) Exercise(k int) (*Exercise, bool) {
	if k < 1 || k > len(l.Exercises) {
		return nil, false
	}
	return l.Exercises[k-1], true
}

// FileName is the name of the file a learner edits for ex: "ex1.scn", or
// "ex1.predict" for a predict exercise.
func (ex *Exercise) FileName() string {
	if ex.Predict() {
		return ex.ID + ".predict"
	}
	return ex.ID + ".scn"
}

// Dir is the directory, relative to the learner's working directory root,
// that holds l's exercise files.
func (l *Lesson) Dir() string { return path.Clean(l.ID) }
