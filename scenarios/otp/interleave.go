package otp

import (
	"fmt"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// interleavings is how many other orders of concurrent deliveries verify
// runs the simulator with (sim.Options.Interleave 1 … interleavings), to
// recognise OTP taking one of the orders Erlang leaves open: which of two
// children that die at the same instant their supervisor handles first,
// which linked process a dying one signals first, and so on.
const interleavings = 7

// alternatives runs the scenario again in the simulator under each
// interleaving and keeps those whose trace differs from every run before
// it. An interleaving the simulator cannot run is left out, with a note.
func alternatives(t *translation, src []byte, cmds []*scenarios.Command, seed uint64, faults sim.Fault) ([]*translation, []string) {
	alts := []*translation{t}
	var notes []string
	for v := uint64(1); v <= interleavings; v++ {
		a, err := translate(t.file, src, cmds, seed, sim.Options{Faults: faults, Interleave: v})
		if err != nil {
			notes = append(notes, fmt.Sprintf("interleaving %d of the simulator left out: %v", v, err))
			continue
		}
		if !sameTraceAsAny(a, alts) {
			alts = append(alts, a)
		}
	}
	return alts, notes
}

func sameTraceAsAny(a *translation, alts []*translation) bool {
	for _, b := range alts {
		if sameTrace(a.world(), b.world()) {
			return true
		}
	}
	return false
}

func sameTrace(a, b *sim.World) bool {
	if a.TraceLen() != b.TraceLen() {
		return false
	}
	for s := sim.Seq(1); int(s) <= a.TraceLen(); s++ {
		if a.Entry(s) != b.Entry(s) {
			return false
		}
	}
	return true
}

// compareRun compares one OTP run with the simulator: with its fixed
// order, or, where that differs, with the interleaving that differs
// least (the fixed order wins ties). took is the index of the
// interleaving used, 0 for the fixed order. Points the interleaving
// changed say what the fixed order showed.
func compareRun(alts []*translation, run *otpRun) (pts []Point, took int) {
	best := compare(alts[0], run)
	fewest := differs(best)
	for i := 1; i < len(alts) && fewest > 0; i++ {
		if p := compare(alts[i], run); differs(p) < fewest {
			best, fewest, took = p, differs(p), i
		}
	}
	if took > 0 {
		noteFixedOrder(best, compare(alts[0], run))
	}
	return best, took
}

func differs(pts []Point) int {
	n := 0
	for _, p := range pts {
		if p.Verdict == Differ {
			n++
		}
	}
	return n
}

// noteFixedOrder says, on each point an interleaving decided, what the
// simulator's fixed order showed there.
func noteFixedOrder(pts, fixed []Point) {
	byKey := map[string]Point{}
	occur := map[string]int{}
	for _, p := range fixed {
		byKey[pointKey(&p, occur)] = p
	}
	occur = map[string]int{}
	for i := range pts {
		p := &pts[i]
		f, ok := byKey[pointKey(p, occur)]
		if ok && f.Verdict == p.Verdict && f.Sim == p.Sim {
			continue
		}
		was := "no such point"
		if ok {
			was = "sim=" + f.Sim
		}
		p.Note = joinNotes(p.Note, "compared with the simulator taking OTP's order of concurrent deliveries; its fixed order gives "+was)
	}
}

// joinNotes joins two notes with "; ", either of which may be empty.
func joinNotes(a, b string) string {
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "; " + b
}
