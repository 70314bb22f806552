package otp

import (
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// noteZeroShutdown is the note on a point where OTP's race over a
// shutdown=0 child decided the comparison.
const noteZeroShutdown = "OTP leaves open whether a trapping child with shutdown=0 ends killed or shutdown: compared as alternatives"

// noteWorker remembers what verify must know of a worker to compare its
// exit: whether its supervisor stopping it races (see zeroShutdown).
func (t *translation) noteWorker(wk *scenarios.WorkerSpec, name string) {
	s := wk.Opts.Shutdown
	if wk.TrapExit && s.Set && !s.BrutalKill && !s.Infinity && s.Timeout == 0 {
		t.racyStop[name] = true
	}
}

// zeroShutdown reports whether the process called name is a trapping
// worker with shutdown=0 (a simple_one_for_one child, NAME_N, by its
// template's name). Stopping one, OTP's supervisor sends exit(P, shutdown)
// and kills P unless P's DOWN is already there: P ends killed or, if it
// finished terminate/2 first, shutdown (otp-facts E26, "Things where I
// could not establish a guarantee").
func (t *translation) zeroShutdown(name string) bool {
	if t.racyStop[name] {
		return true
	}
	if i := strings.LastIndexByte(name, '_'); i > 0 && t.templates[name[:i]] {
		return t.racyStop[name[:i]]
	}
	return false
}

// noteFailedStart is the note on a point where OTP's race over a child
// whose start failed decided the comparison.
const noteFailedStart = "OTP leaves open whether a child whose init failed exits with its own reason or is first taken down by its supervisor's exit: compared as alternatives"

// sameReason compares the exit reasons the two worlds gave process p,
// accepting the alternatives OTP leaves open; note says when it did.
func (t *translation) sameReason(p, simReason, otpReason term) (same bool, note string) {
	if equal(simReason, otpReason) {
		return true, ""
	}
	racy := p.k == kPid && t.zeroShutdown(p.s)
	if racy && isStopReason(simReason) && isStopReason(otpReason) {
		return true, noteZeroShutdown
	}
	if alt, ok := t.startRaces()[p.String()]; ok && oneOf(simReason, alt) && oneOf(otpReason, alt) {
		return true, noteFailedStart
	}
	return false, ""
}

func oneOf(r term, alts [2]term) bool { return equal(r, alts[0]) || equal(r, alts[1]) }

// startRaces finds the incarnations whose init failed while their
// supervisor exited at the same instant (a failed initial start, or the
// last retry before giving up), with the two reasons each may end with: a
// gen_server whose init fails acks the failure, then exits, and writing
// its crash report takes long enough that its supervisor's exit signal,
// through their link, often reaches it first (otp-facts E28, "Things
// where I could not establish a guarantee"; seen on OTP 25 with a lone
// child).
func (t *translation) startRaces() map[string][2]term {
	if t.races != nil {
		return t.races
	}
	w := t.world()
	t.races = map[string][2]term{}
	for s := sim.Seq(1); int(s) <= w.TraceLen(); s++ {
		e := w.Entry(s)
		if e.Kind != sim.KindStartError || e.Other == 0 {
			continue
		}
		own, dead := w.ExitReason(e.Other)
		supReason, supDead := w.ExitReason(e.Pid)
		at, _ := w.ExitSeq(e.Pid)
		if dead && supDead && w.Entry(at).At == e.At {
			t.races[t.pidOf(e.Other).String()] = [2]term{t.fromSim(own), t.fromSim(supReason)}
		}
	}
	return t.races
}

func isStopReason(r term) bool { return equal(r, atom("shutdown")) || equal(r, atom("killed")) }
