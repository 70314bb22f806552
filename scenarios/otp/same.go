package otp

import (
	"sort"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// sameObservation reports whether the simulator and OTP showed the same
// thing at an expectation, up to what OTP leaves open: a mailbox compares
// per sender (sameBySender), an exit order only where the simulator's
// order is causal, an exit reason up to the alternatives of sameReason.
// note names what OTP leaves open there (the pairs of an exit_order whose
// order is not causal), whatever the verdict.
func (c *comparison) sameObservation(e *scenarios.ExpectCmd, so, oo *observation) (same bool, note string) {
	if so.err != oo.err {
		return false, ""
	}
	switch e.Kind {
	case "alive", "dead":
		if so.alive || oo.alive {
			return so.alive == oo.alive, ""
		}
		return c.t.sameReason(so.pid, so.reason, oo.reason)
	case "mailbox":
		return sameBySender(so.msgs, oo.msgs), ""
	case "registered", "unregistered":
		return (so.holder == nil) == (oo.holder == nil) && (so.holder == nil || equal(*so.holder, *oo.holder)), ""
	case "restarts":
		return so.supervised == oo.supervised && so.restarts == oo.restarts, ""
	case "exit_order":
		return c.sameOrder(e.Procs, so.order, oo.order)
	}
	return sameErr(so.last, oo.last), ""
}

// sameErr reports whether two commands failed alike.
func sameErr(a, b errInfo) bool {
	if a.failed != b.failed || (a.reason == nil) != (b.reason == nil) {
		return false
	}
	return a.reason == nil || equal(childRecords(*a.reason), childRecords(*b.reason))
}

// sameOrder compares the first exits of the processes an exit_order names:
// the same processes exited, and every two of them that OTP showed in the
// other order exited with no causal order between them in the simulator.
// note names the neighbouring pairs of the expectation that have no causal
// order.
func (c *comparison) sameOrder(procs []scenarios.ProcRef, sims, otp []int64) (bool, string) {
	if len(sims) != len(otp) {
		return false, ""
	}
	same := true
	for i := range sims {
		if (sims[i] == 0) != (otp[i] == 0) {
			same = false
		}
	}
	var pairs []string
	for i := range sims {
		for j := i + 1; j < len(sims); j++ {
			if sims[i] == 0 || sims[j] == 0 {
				continue
			}
			a, b := sim.Seq(sims[i]), sim.Seq(sims[j])
			if c.t.causes(a, b) || c.t.causes(b, a) {
				if same && otp[i] != 0 && otp[j] != 0 && (sims[i] < sims[j]) != (otp[i] < otp[j]) {
					same = false
				}
				continue
			}
			if j == i+1 {
				pairs = append(pairs, procs[i].String()+"/"+procs[j].String())
			}
		}
	}
	if len(pairs) == 0 {
		return same, ""
	}
	return same, "OTP leaves the order of " + strings.Join(pairs, ", ") + " open: a scenario should not assert it"
}

// sameBySender reports whether two mailboxes hold the same messages in the
// same order per sender (fact X1: only one sender's signals to one
// receiver keep their order). The sender of an EXIT is in it and a DOWN
// comes from the process it names, so a process's EXIT and DOWN keep
// their order; several DOWNs for one process (one per monitor) compare as
// a set, for OTP does not document their order (fact B15). Plain
// messages, whose sender is not in the term, keep their order among
// themselves.
func sameBySender(a, b []term) bool {
	if len(a) != len(b) {
		return false
	}
	sa, sb := bySender(a), bySender(b)
	if len(sa) != len(sb) {
		return false
	}
	for k, xs := range sa {
		if !sameSeq(xs, sb[k]) {
			return false
		}
	}
	return true
}

// bySender splits a mailbox into each sender's messages, in arrival order
// except that a run of DOWNs from one sender is sorted.
func bySender(ms []term) map[string][]term {
	out := map[string][]term{}
	for _, m := range ms {
		k := senderKey(m)
		out[k] = append(out[k], m)
	}
	for _, xs := range out {
		for i := 0; i < len(xs); {
			j := i
			for j < len(xs) && tag(xs[j]) == "DOWN" {
				j++
			}
			run := xs[i:j]
			sort.SliceStable(run, func(x, y int) bool { return run[x].String() < run[y].String() })
			i = max(j, i+1)
		}
	}
	return out
}

func senderKey(m term) string {
	if m.k == kTuple && len(m.elems) == 3 && tag(m) == "EXIT" {
		return "from " + m.elems[1].String()
	}
	if m.k == kTuple && len(m.elems) == 5 && tag(m) == "DOWN" {
		return "from " + m.elems[3].String()
	}
	return "plain"
}
