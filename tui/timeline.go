package tui

import (
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// timeline is the learner's session as a history a cursor moves over. The
// head runs every command to completion; the cursor shows the world after
// any event of the trace, rebuilt from the nearest snapshot rather than
// from zero. Snapshots are session copies (sim.World.Clone shares the
// trace's full chunks), taken before commands and every `every` events
// inside long ones, and thinned when they outgrow their budget.
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
// command's own action, come together).
func (t *timeline) seek(k sim.Seq) {
	k = min(k, t.headLen())
	if k == t.headLen() {
		t.view, t.at, t.live = t.head, k, true
		return
	}
	sn := t.nearest(k)
	from := t.view
	if t.live || t.at > k || t.at < sn.at {
		from = sn.s.Clone()
	} else {
		sn = snapshot{next: t.stepAt(t.at), at: t.at, mid: t.inside(t.at), s: from}
	}
	t.view, t.live = t.reach(from, sn, k), false
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

// nearest is the latest snapshot at or before k.
func (t *timeline) nearest(k sim.Seq) snapshot {
	best := t.snaps[0]
	for _, sn := range t.snaps {
		if sn.at <= k {
			best = sn
		}
	}
	return best
}

// stepAt is the index of the step that holds entry k+1, the next to come
// after length k (len(steps) past the end).
func (t *timeline) stepAt(k sim.Seq) int {
	for i, st := range t.steps {
		if st.to > k {
			return i
		}
	}
	return len(t.steps)
}

// inside tells whether length k falls strictly inside a step.
func (t *timeline) inside(k sim.Seq) bool {
	i := t.stepAt(k)
	return i < len(t.steps) && t.steps[i].from <= k
}

// reach runs s, standing where sn says, until its trace is k long. Inside
// a step, the rest of the step is only events taken from the queue, unless
// the command acts again later (shutdown stops one tree after another):
// reach runs events and checks each entry against the head's, and on the
// first difference starts the step over from an earlier snapshot.
func (t *timeline) reach(s *scenarios.Session, sn snapshot, k sim.Seq) *scenarios.Session {
	w := s.World()
	i := sn.next
	if sn.mid {
		if !t.runEvents(w, min(k, t.steps[i].to)) {
			return t.reach(t.before(i).s.Clone(), t.before(i), k)
		}
		i++
	}
	for ; sim.Seq(w.TraceLen()) < k && i < len(t.steps); i++ {
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

// runEvents runs w's queued events until its trace is k long, and reports
// whether every entry they made is the head's.
func (t *timeline) runEvents(w *sim.World, k sim.Seq) bool {
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
