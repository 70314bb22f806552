package otp

import (
	"fmt"
	"strings"
)

// otpRun is what the driver wrote: per command its result, per expectation
// its observation, and at the end every incarnation, every exit and the
// final state of every name.
type otpRun struct {
	results map[int]term         // command index → result term
	starts  map[int]int64        // command index → order key of its start
	obs     map[int]*observation // expectation index → observation
	incs    map[string]int       // name → incarnations
	kinds   map[string]string    // name → plain, worker, supervisor
	exits   []otpExit
	finals  map[string]otpFinal
	reg     map[string]*term
	crash   string // the driver's own crash, if any
	done    bool
}

type otpExit struct {
	pid    term
	reason term
	key    int64
}

type otpFinal struct {
	alive      bool
	reason     term
	msgs       []term
	restarts   int
	supervised bool
}

// otpReader reads the driver's output line by line, as the driver writes
// it: the lines that name pids (inc, shell) and refs (ref) come before any
// line that uses them, so each line is mapped as it arrives.
type otpReader struct {
	o    *otpRun
	pids map[string]term
	refs map[string]int64
	last int // the highest command index whose start was seen, -1 before any
}

func newOTPReader() *otpReader {
	return &otpReader{
		o: &otpRun{results: map[int]term{}, starts: map[int]int64{}, obs: map[int]*observation{},
			incs: map[string]int{}, kinds: map[string]string{}, finals: map[string]otpFinal{}, reg: map[string]*term{}},
		pids: map[string]term{}, refs: map[string]int64{}, last: -1,
	}
}

// line records one line of the driver's output.
func (r *otpReader) line(text string) error {
	text = strings.TrimSpace(text)
	if text == "" {
		return nil
	}
	raw, err := parseTerm(text)
	if err != nil {
		return fmt.Errorf("reading the driver's output %q: %v", text, err)
	}
	o := r.o
	switch tag(raw) {
	case "shell":
		r.pids[raw.elems[1].s] = pidTerm(shellName, 0)
		return nil
	case "inc":
		name, k := raw.elems[1].s, int(raw.elems[2].n)
		r.pids[raw.elems[3].s] = pidTerm(name, k)
		o.incs[name] = max(o.incs[name], k)
		o.kinds[name] = raw.elems[4].s
		return nil
	case "ref":
		r.refs[raw.elems[2].s] = raw.elems[1].n
		return nil
	}
	l := mapTerm(raw, r.pids, r.refs)
	switch tag(l) {
	case "start":
		i := int(l.elems[1].n)
		o.starts[i] = orderKey(l.elems[2])
		r.last = max(r.last, i)
	case "cmd":
		i := int(l.elems[1].n)
		o.results[i] = l.elems[3]
		o.starts[i] = orderKey(l.elems[2])
	case "obs":
		o.obs[int(l.elems[1].n)] = otpObservation(l.elems[2], l.elems[3])
	case "exit":
		o.exits = append(o.exits, otpExit{pid: l.elems[1], reason: l.elems[2], key: orderKey(l.elems[3])})
	case "final":
		o.finals[l.elems[1].s] = otpFinalOf(l)
	case "registry":
		if h := l.elems[2]; h.k == kPid {
			o.reg[l.elems[1].s] = &h
		} else {
			o.reg[l.elems[1].s] = nil
		}
	case "driver_crash":
		o.crash = l.String()
	case "done":
		o.done = true
	}
	return nil
}

// tag is the first element of a tuple, or the atom itself.
func tag(t term) string {
	switch {
	case t.k == kAtom:
		return t.s
	case t.k == kTuple && len(t.elems) > 0 && t.elems[0].k == kAtom:
		return t.elems[0].s
	}
	return ""
}

// orderKey is the unique integer of a strict monotonic timestamp
// {MonotonicTime, UniqueInteger}: it orders events across the node.
func orderKey(t term) int64 {
	if t.k == kTuple && len(t.elems) == 2 {
		return t.elems[1].n
	}
	return 0
}

// otpObservation reads an {obs, ...} line's data into an observation.
func otpObservation(d term, latest term) *observation {
	o := &observation{latest: map[string]int{}}
	for _, e := range latest.elems {
		if e.k == kTuple && len(e.elems) == 2 {
			o.latest[e.elems[0].s] = int(e.elems[1].n)
		}
	}
	switch tag(d) {
	case "life":
		if v, ok := okValue(d.elems[1], o); ok {
			o.pid = v.elems[0]
			o.alive, o.reason = lifeOf(v.elems[1])
		}
	case "mailbox":
		if v, ok := okValue(d.elems[1], o); ok {
			o.pid = v.elems[0]
			o.msgs = v.elems[1].elems
		}
	case "registered":
		if h := d.elems[1]; h.k == kPid {
			o.holder = &h
		}
		okValue(d.elems[2], o)
	case "unregistered":
		if h := d.elems[1]; h.k == kPid {
			o.holder = &h
		}
	case "restarts":
		if v, ok := okValue(d.elems[1], o); ok && v.k == kInt {
			o.restarts, o.supervised = int(v.n), true
		}
	case "exit_order":
		for _, e := range d.elems[1].elems {
			o.order = append(o.order, orderKey(e))
		}
	case "error":
		o.last = otpErr(d.elems[1])
	}
	return o
}

// okValue unwraps {ok, V}; {error, R} sets the observation's error.
func okValue(t term, o *observation) (term, bool) {
	if tag(t) == "ok" {
		return t.elems[1], true
	}
	if tag(t) == "error" && len(t.elems) == 2 {
		o.err = t.elems[1].String()
	}
	return term{}, false
}

func lifeOf(t term) (bool, term) {
	if tag(t) == "dead" {
		return false, t.elems[1]
	}
	return true, term{}
}

// otpErr is a command's result as `expect error` sees it.
func otpErr(r term) errInfo {
	switch tag(r) {
	case "error":
		x := r.elems[1]
		return errInfo{failed: true, reason: &x}
	case "reply_error":
		x := r.elems[2]
		return errInfo{failed: true, reason: &x}
	case "refused":
		return errInfo{failed: true}
	}
	return errInfo{}
}

func otpFinalOf(l term) otpFinal {
	f := otpFinal{}
	f.alive, f.reason = lifeOf(l.elems[3])
	f.msgs = l.elems[4].elems
	if r := l.elems[5]; r.k == kInt {
		f.restarts, f.supervised = int(r.n), true
	}
	return f
}
