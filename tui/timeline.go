package tui

import (
	"sort"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// timeline is the learner's session as a history a cursor moves over. The
// head runs every command to completion; the cursor shows the world after
// any event of the trace, rebuilt from the nearest snapshot rather than
// from zero. Snapshots are session copies (sim.World.Clone shares the
// trace's full chunks, and the process table copy on write), taken before
// commands and every `every` events inside long ones, and thinned when
// they outgrow their budget.
type timeline struct {
	head  *scenarios.Session
	steps []step
	snaps []snapshot
	every int // events between snapshots; doubles when they are thinned
	view  *scenarios.Session
	at    sim.Seq // the cursor: how many trace entries the view has
	live  bool    // the view is the head
}

// step is one command of the history and the entries it made. stop, when
// not zero, cuts the command at that trace length: a command typed in the
// past started a new future there.
type step struct {
	cmd      *scenarios.Command
	from, to sim.Seq
	stop     sim.Seq
}

// snapshot is a copy of the session taken before step `next` runs, or,
// when mid, between two events of step `next`.
type snapshot struct {
	next int
	at   sim.Seq
	mid  bool
	s    *scenarios.Session
}

const (
	firstSnapEvery = 4096
	// snapBudget bounds the snapshots' weight against the world's: a
	// snapshot weighs the processes it copies (plus a fixed part), so the
	// copies stay within a small multiple of one world.
	snapBudget = 2
	snapFixed  = 256
)

func newTimeline(s *scenarios.Session) *timeline {
	t := &timeline{head: s, every: firstSnapEvery, view: s, live: true}
	t.at = sim.Seq(s.World().TraceLen())
	t.snaps = []snapshot{{next: 0, at: t.at, s: s.Clone()}}
	return t
}

// headLen is the length of the head's trace.
func (t *timeline) headLen() sim.Seq { return sim.Seq(t.head.World().TraceLen()) }

// exec runs c at the cursor. In the past it first makes the world at the
// cursor the new head, forgetting the future it replaces (forked reports
// that). stop, polled between events, interrupts a long command.
func (t *timeline) exec(c *scenarios.Command, stop func() bool) (r scenarios.Result, forked bool) {
	if !t.live {
		t.fork()
		forked = true
	}
	if last := t.snaps[len(t.snaps)-1]; last.mid || int(t.headLen()-last.at) >= t.every {
		t.snapshot(len(t.steps), false)
	}
	t.head.SetInterrupt(func() bool {
		if int(t.headLen()-t.snaps[len(t.snaps)-1].at) >= t.every {
			t.snapshot(len(t.steps), true)
		}
		return stop != nil && stop()
	})
	r = t.head.Exec(c)
	t.head.SetInterrupt(nil)
	if c.Verb == "reset" {
		// A fresh world starts a fresh trace: the history is forgotten.
		*t = *newTimeline(t.head)
		return r, forked
	}
	st := step{cmd: c, from: r.From, to: r.To}
	if r.Interrupted {
		st.stop = r.To
	}
	t.steps = append(t.steps, st)
	t.view, t.at, t.live = t.head, t.headLen(), true
	return r, forked
}

// snapshot copies the head as it stands before (or, mid, inside) step
// next, then thins the snapshots if they outgrew their budget.
func (t *timeline) snapshot(next int, mid bool) {
	t.snaps = append(t.snaps, snapshot{next: next, at: t.headLen(), mid: mid, s: t.head.Clone()})
	weight := 0
	for _, sn := range t.snaps {
		weight += sn.s.World().NumProcesses() + snapFixed
	}
	if weight > snapBudget*(t.head.World().NumProcesses()+snapFixed)*2 && len(t.snaps) > 4 {
		t.thin()
	}
}

// thin drops every other snapshot but the first and the last, and doubles
// the spacing of those to come.
func (t *timeline) thin() {
	kept := t.snaps[:1]
	for i := 1; i < len(t.snaps); i++ {
		if i%2 == 0 || i == len(t.snaps)-1 {
			kept = append(kept, t.snaps[i])
		}
	}
	clear(t.snaps[len(kept):])
	t.snaps = kept
	t.every *= 2
}

// fork makes the world at the cursor the head: the steps after it are
// forgotten, the one it falls inside is cut there, and so are snapshots
// beyond it.
func (t *timeline) fork() {
	n := 0
	for n < len(t.steps) && t.steps[n].from <= t.at {
		n++
	}
	t.steps = t.steps[:n]
	if n > 0 && t.steps[n-1].to > t.at {
		t.steps[n-1].to, t.steps[n-1].stop = t.at, t.at
	}
	k := 0
	for k < len(t.snaps) && t.snaps[k].at <= t.at && t.snaps[k].next <= n {
		k++
	}
	t.snaps = t.snaps[:max(k, 1)]
	t.head, t.live = t.view, true
}

// seek moves the cursor to trace length k, or to the first length at or
// after k that a world can stand at (the entries of one event, or of one
// command's own action, come together). The world at k is the one a fresh
// run shows when stopped right after the event that made entry k.
func (t *timeline) seek(k sim.Seq) {
	k = min(k, t.headLen())
	if k == t.headLen() {
		t.view, t.at, t.live = t.head, k, true
		return
	}
	t.view, t.live = t.reach(k), false
	t.at = sim.Seq(t.view.World().TraceLen())
	if t.at >= t.headLen() {
		t.view, t.live = t.head, true
	}
}

// back moves the cursor to the last length before the current one that a
// world can stand at.
func (t *timeline) back() {
	cur := t.at
	for k := cur; k > 0; k-- {
		t.seek(k - 1)
		if t.at < cur {
			return
		}
	}
}

// reach returns a session whose trace is k long. A world stopped inside a
// command (the view, or a snapshot taken between two events) goes on only
// within the same command, and only with events from the queue, checked
// entry by entry against the head's (shutdown acts again between its
// runs); otherwise the command is run again from the snapshot before it.
func (t *timeline) reach(k sim.Seq) *scenarios.Session {
	if k == 0 {
		return t.snaps[0].s.Clone()
	}
	j := t.holder(k)
	if !t.live && t.at <= k && t.at > 0 && t.holder(t.at) == j && t.runEvents(t.view.World(), k) {
		return t.view
	}
	for i := len(t.snaps) - 1; i > 0; i-- {
		if sn := t.snaps[i]; sn.mid && sn.next == j && sn.at <= k {
			s := sn.s.Clone()
			if t.runEvents(s.World(), k) {
				return s
			}
			break
		}
	}
	sn := t.before(j)
	s := sn.s.Clone()
	w := s.World()
	for i := sn.next; sim.Seq(w.TraceLen()) < k && i <= j; i++ {
		limit := k
		if st := t.steps[i]; st.stop != 0 {
			limit = min(k, st.stop)
		}
		s.SetInterrupt(func() bool { return sim.Seq(w.TraceLen()) >= limit })
		s.Exec(t.steps[i].cmd)
		s.SetInterrupt(nil)
	}
	return s
}

// holder is the index of the step that made entry k ≥ 1.
func (t *timeline) holder(k sim.Seq) int {
	return sort.Search(len(t.steps), func(i int) bool { return t.steps[i].to >= k })
}

// stepFrom is the first entry of the command that made entry s.
func (t *timeline) stepFrom(s sim.Seq) sim.Seq {
	if i := t.holder(s); i < len(t.steps) && t.steps[i].from <= s {
		return t.steps[i].from
	}
	return s
}

// runEvents runs w's queued events one at a time until its trace is k
// long, and reports whether every entry they made is the head's.
func (t *timeline) runEvents(w *sim.World, k sim.Seq) bool {
	w.SetInterrupt(nil) // forget where an earlier replay was stopped
	hw := t.head.World()
	for sim.Seq(w.TraceLen()) < k {
		n := w.TraceLen()
		if w.Step(1) == 0 {
			return false
		}
		for s := sim.Seq(n + 1); s <= sim.Seq(w.TraceLen()); s++ {
			if s > t.headLen() || w.Entry(s) != hw.Entry(s) {
				return false
			}
		}
	}
	return true
}

// before is the latest snapshot taken between steps, at or before step i.
func (t *timeline) before(i int) snapshot {
	best := t.snaps[0]
	for _, sn := range t.snaps {
		if !sn.mid && sn.next <= i {
			best = sn
		}
	}
	return best
}

// lastCascade is where the last command that made entries began: play from
// the live end replays it.
func (t *timeline) lastCascade() sim.Seq {
	for i := len(t.steps) - 1; i >= 0; i-- {
		if st := t.steps[i]; st.to >= st.from {
			return st.from - 1
		}
	}
	return 0
}

// cascade is the range of entries of the step the cursor is in (or just
// ended), for highlighting: from..to, empty when to < from.
func (t *timeline) cascade() (from, to sim.Seq) {
	for i := len(t.steps) - 1; i >= 0; i-- {
		if st := t.steps[i]; st.from <= t.at && st.to >= st.from {
			return st.from, min(st.to, t.at)
		}
	}
	return 1, 0
}
