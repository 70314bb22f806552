package workshop

import (
	"strings"
	"testing"
	"time"

	"github.com/crashcourse/crashcourse/lessons"
)

// BenchmarkKeystrokeToFrame is one learner over SSH on loopback moving in
// the tree: the time from a key to the first output it caused.
func BenchmarkKeystrokeToFrame(b *testing.B) {
	srv := start(b, Config{Dir: b.TempDir()})
	rt, err := connectRaw(srv.addr, "ada", newKey(b))
	if err != nil {
		b.Fatal(err)
	}
	defer rt.client.Close()
	rt.settle(300 * time.Millisecond)
	keys := []string{"j", "\x1b[A"}
	var total time.Duration
	b.ResetTimer()
	for i := range b.N {
		d, err := rt.press(keys[i%2])
		if err != nil {
			b.Fatal(err)
		}
		total += d
	}
	b.ReportMetric(float64(total.Microseconds())/float64(b.N)/1000, "ms/frame")
}

// BenchmarkCheck checks the reference solution of every bundled exercise
// as a learner's :check (or :predict) does: the check, and its record
// written in one transaction.
func BenchmarkCheck(b *testing.B) {
	cat, err := lessons.Bundled()
	if err != nil {
		b.Fatal(err)
	}
	for n, l := range cat.Lessons {
		for k, ex := range l.Exercises {
			b.Run(l.ID+"/"+ex.ID, func(b *testing.B) {
				m := benchLearner(b, cat, n+1, k+1)
				src := strings.TrimSpace(ex.Solution.Text) + "\n"
				var v lessons.Verdict
				for b.Loop() {
					v, err = m.tutor.Check(answerFile, src)
					if err != nil {
						b.Fatal(err)
					}
				}
				if !v.Pass {
					b.Fatalf("the reference solution did not pass:\n%s", v.Report())
				}
			})
		}
	}
}

// benchLearner is a learner on exercise k of lesson n, over a store in a
// temporary directory.
func benchLearner(b *testing.B, cat *lessons.Catalogue, n, k int) *learner {
	st, err := OpenStore(b.TempDir() + "/" + dbName)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	room, err := NewRoom(st, cat, time.Now)
	if err != nil {
		b.Fatal(err)
	}
	rec, err := room.Join("id", "ada")
	if err != nil {
		b.Fatal(err)
	}
	rec.Lesson, rec.Exercise = n, k
	return newLearner(room, rec, Config{NoColor: true}.withDefaults())
}
