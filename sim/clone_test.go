package sim

import (
	"fmt"
	"slices"
	"testing"

	"pgregory.net/rapid"
)

// TestCloneIsIndependent: after a Clone, random actions on the clone never
// change what the original shows, nor actions on the original what the
// clone shows; and the clone, given the same actions, goes on exactly as
// the original does.
func TestCloneIsIndependent(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		seed := rapid.Uint64Range(0, 5).Draw(t, "seed")
		orig := &fuzzWorld{w: New(seed)}
		orig.w.SetChaos(float64(seed%3), 0)
		cloneActs(orig, drawProgram(t, "before"))
		twin := orig.clone()
		before := orig.view()
		cloneActs(twin, drawProgram(t, "on the clone"))
		if got := orig.view(); !slices.Equal(got, before) {
			t.Fatalf("an action on the clone changed the original:\n%s", firstDiff(before, got))
		}
		cloned := twin.view()
		same := orig.clone()
		cloneActs(orig, drawProgram(t, "on the original"))
		if got := twin.view(); !slices.Equal(got, cloned) {
			t.Fatalf("an action on the original changed the clone:\n%s", firstDiff(cloned, got))
		}
		again := drawProgram(t, "on both")
		fresh := same.clone()
		cloneActs(same, again)
		cloneActs(fresh, again)
		if a, b := same.view(), fresh.view(); !slices.Equal(a, b) {
			t.Fatalf("a clone went on unlike its original:\n%s", firstDiff(a, b))
		}
	})
}

// drawProgram draws fuzzWorld actions, three bytes each; opcode 26 is a
// spawn under a name from a small set, so names are reused.
func drawProgram(t *rapid.T, label string) [][3]byte {
	n := rapid.IntRange(0, 40).Draw(t, label)
	prog := make([][3]byte, n)
	for i := range prog {
		op := rapid.ByteRange(0, 26).Draw(t, label+" op")
		prog[i] = [3]byte{op, rapid.Byte().Draw(t, label+" a"), rapid.Byte().Draw(t, label+" b")}
	}
	return prog
}

func cloneActs(f *fuzzWorld, prog [][3]byte) {
	for _, a := range prog {
		if a[0] != 26 {
			f.act(a[0], a[1], a[2])
			continue
		}
		if p, _, err := f.w.Spawn(f.actor(a[1]), SpawnOpts{Name: fmt.Sprintf("x%d", a[2]%4), Link: a[1]%2 == 0}); err == nil {
			f.pids = append(f.pids, p)
		}
		f.w.RunInstant()
	}
}

func (f *fuzzWorld) clone() *fuzzWorld {
	return &fuzzWorld{w: f.w.Clone(), pids: slices.Clone(f.pids), refs: slices.Clone(f.refs), now: f.now}
}

// view is everything f's world shows through its read-only views.
func (f *fuzzWorld) view() []string {
	w := f.w
	out := []string{fmt.Sprintf("now %v pending %d alive %d of %d, tops %v, registered %v",
		w.Now(), w.Pending(), w.NumAlive(), w.NumProcesses(), w.TopSupervisors(), w.Registered())}
	for i := range w.NumProcesses() {
		out = append(out, procView(w, FirstPid+Pid(i)))
	}
	for _, r := range f.refs {
		left, ok := w.TimerRemaining(r)
		out = append(out, fmt.Sprintf("timer %v: %v %v", r, left, ok))
	}
	for s := Seq(1); int(s) <= w.TraceLen(); s++ {
		out = append(out, fmt.Sprintf("%d %+v %v", s, w.Entry(s), w.Term(w.Entry(s).Term)))
	}
	return out
}

func procView(w *World, p Pid) string {
	var box []Term
	for _, m := range w.Mailbox(p) {
		box = append(box, w.MessageTerm(m))
	}
	sup, isSup := w.Supervisor(p)
	latest, _ := w.Lookup(w.Name(p))
	next, superseded := w.Superseded(p)
	restarts, supervised := w.Restarts(p)
	server, calling := w.Calling(p)
	return fmt.Sprintf("%+v mailbox %v sup %v %+v latest %v next %v %v restarts %v %v calling %v %v activity %v hung %v",
		w.Info(p), box, isSup, sup, latest, next, superseded, restarts, supervised, server, calling, w.Activity(p), w.Hung(p))
}

// firstDiff shows where two views part.
func firstDiff(want, got []string) string {
	for i := range min(len(want), len(got)) {
		if want[i] != got[i] {
			return fmt.Sprintf("was %s\nnow %s", want[i], got[i])
		}
	}
	return fmt.Sprintf("%d lines, now %d", len(want), len(got))
}
