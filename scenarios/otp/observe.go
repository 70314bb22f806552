package otp

import (
	"sort"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// observation is what one world shows at an expectation: both the
// simulator and the real runtime are reduced to it, and the expectation is
// judged on each the same way.
type observation struct {
	err        string // the process reference did not resolve: noproc, badarg
	pid        term
	alive      bool
	reason     term
	msgs       []term
	holder     *term // whereis: nil when the name is free
	restarts   int
	supervised bool
	order      []int64 // exit_order: when each process first exited since the mark, 0 never
	last       errInfo
	latest     map[string]int // the latest incarnation of each name, for <name>
}

// simObserve looks at the simulator before the expectation runs.
func (t *translation) simObserve(e *scenarios.ExpectCmd) *observation {
	w := t.world()
	o := &observation{latest: map[string]int{}}
	for n, k := range t.incs {
		o.latest[n] = k
	}
	var p sim.Pid
	if len(e.Procs) > 0 && e.Kind != "exit_order" {
		p, o.err = t.resolve(e.Procs[0])
		if o.err == "" {
			o.pid = t.pidOf(p)
		}
	}
	switch e.Kind {
	case "alive", "dead":
		if o.err == "" {
			r, dead := w.ExitReason(p)
			o.alive = !dead
			if dead {
				o.reason = t.fromSim(r)
			}
		}
	case "mailbox":
		if o.err == "" {
			for _, m := range w.Mailbox(p) {
				o.msgs = append(o.msgs, t.fromSim(w.MessageTerm(m)))
			}
		}
	case "registered", "unregistered":
		if h, ok := w.Whereis(e.Reg); ok {
			ht := t.pidOf(h)
			o.holder = &ht
		}
	case "restarts":
		if o.err == "" {
			o.restarts, o.supervised = w.Restarts(p)
		}
	case "exit_order":
		o.order = t.simFirstExits(e.Procs)
	case "error":
		o.last = t.simErr()
	}
	return o
}

// resolve finds the process a reference denotes in the simulator, as
// commands do: a name its latest incarnation, @n the pid registered now.
func (t *translation) resolve(r scenarios.ProcRef) (sim.Pid, string) {
	w := t.world()
	switch {
	case r.Registered != "":
		if p, ok := w.Whereis(r.Registered); ok {
			return p, ""
		}
		return 0, "badarg"
	case r.IsPid:
		if !w.Exists(sim.Pid(r.Pid)) {
			return 0, "noproc"
		}
		return sim.Pid(r.Pid), ""
	}
	if p, ok := w.Lookup(r.Name); ok {
		return p, ""
	}
	return 0, "noproc"
}

// simFirstExits is the trace position of each process's first exit since
// the mark (a name stands for all its incarnations), 0 when none.
func (t *translation) simFirstExits(procs []scenarios.ProcRef) []int64 {
	w := t.world()
	first := make([]int64, len(procs))
	for s := t.mark + 1; int(s) <= w.TraceLen(); s++ {
		en := w.Entry(s)
		if en.Kind != sim.KindExit {
			continue
		}
		for i, r := range procs {
			if first[i] == 0 && t.denotes(r, en.Pid) {
				first[i] = int64(s)
			}
		}
	}
	return first
}

func (t *translation) denotes(r scenarios.ProcRef, p sim.Pid) bool {
	switch {
	case r.IsPid:
		return sim.Pid(r.Pid) == p
	case r.Registered != "":
		q, err := t.resolve(r)
		return err == "" && q == p
	}
	return t.world().Name(p) == r.Name
}

// matcher matches expectation patterns against terms of one world.
type matcher struct {
	latest map[string]int
	pidLit func(n int64) term // a pid literal <0.N.0>, as the simulator names it
}

func (m matcher) match(pat *scenarios.TermExpr, v term) bool {
	switch pat.Kind {
	case scenarios.TermWildcard:
		return true
	case scenarios.TermStack:
		return v.k == kStack || v.k == kList
	case scenarios.TermTuple, scenarios.TermList:
		if v.k == kStack {
			return pat.Kind == scenarios.TermList
		}
		want := kTuple
		if pat.Kind == scenarios.TermList {
			want = kList
		}
		if v.k != want || len(v.elems) != len(pat.Elems) {
			return false
		}
		for i, p := range pat.Elems {
			if !m.match(p, v.elems[i]) {
				return false
			}
		}
		return true
	case scenarios.TermMap:
		return m.matchMap(pat, v)
	case scenarios.TermNamePid:
		if _, ok := m.latest[pat.Atom]; !ok && pat.Atom != "shell" {
			return false
		}
	}
	return equal(m.value(pat), v)
}

// matchMap matches a map with exactly the pattern's keys, each value
// matching its pattern. Keys hold no wildcards: each is a value, looked up
// exactly (1 and 1.0 are different keys).
func (m matcher) matchMap(pat *scenarios.TermExpr, v term) bool {
	if v.k != kMap || len(v.elems) != len(pat.Elems) {
		return false
	}
	for i := 0; i+1 < len(pat.Elems); i += 2 {
		got, ok := lookup(v, m.value(pat.Elems[i]))
		if !ok || !m.match(pat.Elems[i+1], got) {
			return false
		}
	}
	return true
}

// value is the term a pattern without wildcards stands for.
func (m matcher) value(pat *scenarios.TermExpr) term {
	switch pat.Kind {
	case scenarios.TermTuple, scenarios.TermList, scenarios.TermMap:
		t := term{k: map[scenarios.TermKind]kind{scenarios.TermTuple: kTuple, scenarios.TermList: kList, scenarios.TermMap: kMap}[pat.Kind]}
		for _, e := range pat.Elems {
			t.elems = append(t.elems, m.value(e))
		}
		return t
	case scenarios.TermNamePid:
		if pat.Atom == "shell" {
			return pidTerm(shellName, 0)
		}
		return pidTerm(pat.Atom, m.latest[pat.Atom])
	case scenarios.TermPid:
		return m.pidLit(pat.Int)
	case scenarios.TermRef:
		return term{k: kRef, n: pat.Int}
	case scenarios.TermStack:
		return term{k: kStack}
	case scenarios.TermString:
		return stringTerm(pat.Str)
	case scenarios.TermBinary:
		return term{k: kBinary, s: pat.Str}
	case scenarios.TermInt:
		return term{k: kInt, n: pat.Int}
	case scenarios.TermFloat:
		return term{k: kFloat, f: pat.Float}
	}
	return atom(pat.Atom)
}

// judge decides an expectation on one world's observation and describes
// what that world showed.
func judge(e *scenarios.ExpectCmd, o *observation, m matcher) (bool, string) {
	if o.err != "" && e.Kind != "registered" && e.Kind != "unregistered" && e.Kind != "exit_order" && e.Kind != "error" {
		return false, o.err
	}
	switch e.Kind {
	case "alive", "dead":
		if o.alive {
			return e.Kind == "alive", "alive"
		}
		got := "dead with reason " + o.reason.String()
		return e.Kind == "dead" && (e.Reason == nil || m.match(e.Reason, o.reason)), got
	case "mailbox":
		ok := len(o.msgs) == len(e.Messages)
		for i := 0; ok && i < len(o.msgs); i++ {
			ok = m.match(e.Messages[i], o.msgs[i])
		}
		return ok, "[" + joinTerms(o.msgs) + "]"
	case "registered":
		if o.holder == nil {
			return false, "unregistered"
		}
		got := "registered to " + o.holder.String()
		if o.err != "" {
			return false, got
		}
		k := m.latest[refName(e.Procs[0])]
		want := pidTerm(refName(e.Procs[0]), k)
		if e.Procs[0].IsPid {
			want = m.pidLit(int64(e.Procs[0].Pid))
		}
		return equal(want, *o.holder), got
	case "unregistered":
		if o.holder == nil {
			return true, "unregistered"
		}
		return false, "registered to " + o.holder.String()
	case "restarts":
		if !o.supervised {
			return false, "not started by a supervisor"
		}
		return o.restarts == e.N, "restarted " + scenarios.Count(o.restarts, "time", "times")
	case "exit_order":
		return judgeOrder(e, o)
	}
	return judgeError(e, o.last, m)
}

func refName(r scenarios.ProcRef) string { return r.Name }

func judgeOrder(e *scenarios.ExpectCmd, o *observation) (bool, string) {
	names := make([]string, len(e.Procs))
	for i, p := range e.Procs {
		names[i] = p.String()
	}
	var missing []string
	ok := true
	for i, k := range o.order {
		switch {
		case k == 0:
			missing = append(missing, names[i])
		case i > 0 && o.order[i-1] != 0 && k < o.order[i-1]:
			ok = false
		}
	}
	if len(missing) > 0 {
		return false, "no exit since the mark for " + strings.Join(missing, ", ")
	}
	idx := make([]int, len(names))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return o.order[idx[a]] < o.order[idx[b]] })
	got := make([]string, len(idx))
	for i, k := range idx {
		got[i] = names[k]
	}
	return ok, "exit order " + strings.Join(got, ", ")
}

func judgeError(e *scenarios.ExpectCmd, last errInfo, m matcher) (bool, string) {
	switch {
	case !last.failed:
		return false, "it succeeded"
	case last.reason == nil:
		return e.Reason == nil, "it was refused (no Erlang reason)"
	}
	return e.Reason == nil || m.match(e.Reason, *last.reason), "it failed with " + last.reason.String()
}
