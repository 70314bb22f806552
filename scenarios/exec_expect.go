package scenarios

import (
	"strings"

	"github.com/crashcourse/crashcourse/sim"
)

// expect evaluates an expectation. Its verdict goes in Result.Check; an
// error is returned only for a malformed expectation (none today: a name
// that never existed is a failed check, not an error).
func (x *execution) expect(e *ExpectCmd) error {
	var c Check
	switch e.Kind {
	case "alive", "dead":
		c = x.expectLife(e)
	case "mailbox":
		c = x.expectMailbox(e)
	case "registered", "unregistered":
		c = x.expectRegistry(e)
	case "exit_order":
		c = x.expectExitOrder(e)
	case "error":
		c = x.expectError(e)
	case "restarts":
		c = x.expectRestarts(e)
	}
	x.r.Check = &c
	return nil
}

func (x *execution) expectLife(e *ExpectCmd) Check {
	name := e.Procs[0].String()
	want := name + " to be " + e.Kind
	if e.Reason != nil {
		want += " with reason " + e.Reason.String()
	}
	p, err := x.pid(e.Procs[0])
	if err != nil {
		return Check{Want: want, Got: err.Error()}
	}
	reason, dead := x.w().ExitReason(p)
	switch {
	case e.Kind == "alive" && !dead:
		return Check{Pass: true, Want: want}
	case e.Kind == "alive":
		return Check{Want: want, Got: "dead with reason " + Now(x.w()).Term(reason)}
	case !dead:
		return Check{Want: want, Got: "alive"}
	case e.Reason != nil && !x.match(e.Reason, reason):
		return Check{Want: want, Got: "dead with reason " + Now(x.w()).Term(reason)}
	}
	return Check{Pass: true, Want: want}
}

func (x *execution) expectMailbox(e *ExpectCmd) Check {
	want := "mailbox of " + e.Procs[0].String() + " = " + printSeq(&TermExpr{Kind: TermList, Elems: e.Messages})
	p, err := x.pid(e.Procs[0])
	if err != nil {
		return Check{Want: want, Got: err.Error()}
	}
	w := x.w()
	box := w.Mailbox(p)
	got := make([]string, len(box))
	ok := len(box) == len(e.Messages)
	for i, m := range box {
		t := w.MessageTerm(m)
		got[i] = Now(w).Term(t)
		ok = ok && x.match(e.Messages[i], t)
	}
	return Check{Pass: ok, Want: want, Got: "[" + strings.Join(got, ",") + "]"}
}

func (x *execution) expectRegistry(e *ExpectCmd) Check {
	w := x.w()
	holder, held := w.Whereis(e.Reg)
	if e.Kind == "unregistered" {
		c := Check{Pass: !held, Want: "@" + e.Reg + " unregistered"}
		if held {
			c.Got = "registered to " + Now(w).Both(holder)
		}
		return c
	}
	want := "@" + e.Reg + " registered to " + e.Procs[0].String()
	p, err := x.pid(e.Procs[0])
	switch {
	case err != nil:
		return Check{Want: want, Got: err.Error()}
	case !held:
		return Check{Want: want, Got: "unregistered"}
	case holder != p:
		return Check{Want: want, Got: "registered to " + Now(w).Both(holder)}
	}
	return Check{Pass: true, Want: want}
}

// expectExitOrder checks that the named processes first exited, since the
// last mark, in the given relative order. A name stands for all its
// incarnations: the first exit of any of them counts.
func (x *execution) expectExitOrder(e *ExpectCmd) Check {
	names := make([]string, len(e.Procs))
	for i, p := range e.Procs {
		names[i] = p.String()
	}
	want := "exit order " + strings.Join(names, ", ")
	first := x.firstExits(e.Procs)
	var got []string
	var missing []string
	ok := true
	for i, s := range first {
		if s == 0 {
			missing = append(missing, names[i])
			ok = false
		} else if i > 0 && first[i-1] != 0 && s < first[i-1] {
			ok = false
		}
	}
	if len(missing) > 0 {
		return Check{Want: want, Got: "no exit since the mark for " + strings.Join(missing, ", ")}
	}
	got = x.orderOf(names, first)
	return Check{Pass: ok, Want: want, Got: "exit order " + strings.Join(got, ", ")}
}

// firstExits finds, for each process, the Seq of its first exit since mark.
func (x *execution) firstExits(procs []ProcRef) []sim.Seq {
	w := x.w()
	first := make([]sim.Seq, len(procs))
	for s := x.s.mark + 1; int(s) <= w.TraceLen(); s++ {
		en := w.Entry(s)
		if en.Kind != sim.KindExit {
			continue
		}
		for i, p := range procs {
			if first[i] == 0 && x.denotes(p, en.Pid) {
				first[i] = s
			}
		}
	}
	return first
}

// denotes reports whether a process reference names pid or an earlier
// incarnation of the same name.
func (x *execution) denotes(r ProcRef, pid sim.Pid) bool {
	switch {
	case r.IsPid:
		return sim.Pid(r.Pid) == pid
	case r.Registered != "":
		p, err := x.pid(r)
		return err == nil && p == pid
	}
	return x.w().Name(pid) == r.Name
}

func (x *execution) orderOf(names []string, first []sim.Seq) []string {
	idx := make([]int, len(names))
	for i := range idx {
		idx[i] = i
	}
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && first[idx[j]] < first[idx[j-1]]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	out := make([]string, len(idx))
	for i, k := range idx {
		out[i] = names[k]
	}
	return out
}

// expectError checks that the previous command failed as the shell sees
// it, with a reason matching e.Reason when given.
func (x *execution) expectError(e *ExpectCmd) Check {
	want := "the previous command to fail"
	if e.Reason != nil {
		want += " with " + e.Reason.String()
	}
	err := x.s.lastErr
	if err == nil {
		return Check{Want: want, Got: "it succeeded"}
	}
	if e.Reason == nil {
		return Check{Pass: true, Want: want}
	}
	se, ok := err.(*sim.Error)
	if !ok || se.Reason == nil {
		return Check{Want: want, Got: "it failed without an Erlang reason: " + err.Error()}
	}
	return Check{Pass: x.match(e.Reason, se.Reason), Want: want, Got: "it failed with " + Now(x.w()).Term(se.Reason)}
}

// expectRestarts checks how often P's supervisor started P after its
// first start, over all incarnations of the name.
func (x *execution) expectRestarts(e *ExpectCmd) Check {
	want := e.Procs[0].String() + " restarted " + Count(e.N, "time", "times")
	p, err := x.pid(e.Procs[0])
	if err != nil {
		return Check{Want: want, Got: err.Error()}
	}
	n, ok := x.w().Restarts(p)
	if !ok {
		return Check{Want: want, Got: "no supervisor started " + e.Procs[0].String()}
	}
	return Check{Pass: n == e.N, Want: want, Got: "restarted " + Count(n, "time", "times")}
}
