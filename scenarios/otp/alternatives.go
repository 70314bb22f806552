package otp

import (
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
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
	return false, ""
}

func isStopReason(r term) bool { return equal(r, atom("shutdown")) || equal(r, atom("killed")) }
