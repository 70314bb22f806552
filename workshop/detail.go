package workshop

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// answerFile names the learner's commands in the positions of errors.
const answerFile = "your commands"

// maxDetailLines bounds the tree and the report the dashboard shows.
const maxDetailLines = 40

// describe is what the dashboard shows of a learner, read-only: their
// world (the exercise's start and the commands they ran, replayed on a
// fresh session, so their own is never touched) as `tree` draws it, then
// their last failed check. The replay runs under the learner's limits.
func describe(cat *lessons.Catalogue, s Seat, limits sim.Options) []string {
	out := []string{fmt.Sprintf("── %s · lesson %d exercise %d · %d commands run", s.Name, s.Lesson, s.Exercise, len(s.Answer))}
	out = append(out, treeOf(cat, s.Record, limits)...)
	if s.LastFailed != "" {
		out = append(out, "── last failed check:")
		out = append(out, strings.Split(strings.TrimRight(s.LastFailed, "\n"), "\n")...)
	}
	return out[:min(len(out), maxDetailLines)]
}

// treeOf replays rec's exercise and commands and draws the tree.
func treeOf(cat *lessons.Catalogue, rec Record, limits sim.Options) []string {
	l, ok := cat.Lesson(rec.Lesson)
	if !ok {
		return nil
	}
	ex, ok := l.Exercise(rec.Exercise)
	if !ok {
		return nil
	}
	s := lessons.StartWith(ex, limits)
	cmds, err := scenarios.ParseLine(answerFile, 1, strings.Join(rec.Answer, "\n")+"\ntree")
	if err != nil {
		return []string{"(their commands do not parse: " + err.Error() + ")"}
	}
	var r scenarios.Result
	for _, c := range cmds {
		r = s.Exec(c)
	}
	return r.Lines
}

// reportHeader is the CSV report's first row.
var reportHeader = []string{"name", "id", "lesson", "exercise", "checks_passed", "checks_failed",
	"hints", "exercises_passed", "time_spent_s", "last_seen"}

// WriteReport writes every learner's progress as CSV, one row each.
func WriteReport(w io.Writer, cat *lessons.Catalogue, recs []Record) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(reportHeader); err != nil {
		return err
	}
	for _, r := range recs {
		done := 0
		for _, l := range cat.Lessons {
			if r.Progress != nil {
				passed, _ := r.Progress.Passed(l)
				done += passed
			}
		}
		err := cw.Write([]string{r.Name, r.ID, strconv.Itoa(r.Lesson), strconv.Itoa(r.Exercise),
			strconv.Itoa(r.Passed), strconv.Itoa(r.Failed), strconv.Itoa(r.Hints), strconv.Itoa(done),
			strconv.Itoa(int(r.Spent / time.Second)), r.Seen.UTC().Format(time.RFC3339)})
		if err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// Report writes the progress stored in dir as CSV. It opens the database
// itself, so it fails with a message while a server holds it; the
// dashboard's own export works then.
func Report(dir string, w io.Writer) error {
	cat, err := lessons.Bundled()
	if err != nil {
		return err
	}
	path := filepath.Join(dir, dbName)
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("no room's progress in %s: %w", dir, err)
	}
	st, err := OpenStore(path)
	if err != nil {
		return err
	}
	recs, err := st.All()
	if err == nil {
		err = WriteReport(w, cat, recs)
	}
	return errors.Join(err, st.Close())
}

// writeAtomic writes the room's report to name atomically, mode 0600: it
// names learners.
func writeAtomic(name string, data []byte) error {
	return scenarios.WriteFileAtomic(name, data, scenarios.WriteOptions{Perm: 0o600})
}
