package otp

import (
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// Verdict is how one point of a scenario came out.
type Verdict int

const (
	// Agree: the simulator did what OTP did (in at least one of its runs),
	// and an expectation holds.
	Agree Verdict = iota
	// Differ: the simulator did something OTP never did in any run.
	Differ
	// FailBoth: an expectation does not hold, and the simulator and OTP
	// agree about what happened; the scenario, not the simulator, is wrong.
	FailBoth
)

// Point is one thing verify compares: an expectation, a command's result,
// the exits a command caused, or the final outcome of a process or a
// registered name.
type Point struct {
	Pos     scenarios.Pos // the command it belongs to; Line 0 for final outcomes
	What    string
	Verdict Verdict
	Sim     string // what the simulator showed
	OTP     string // what the real runtime showed
	Note    string // how it was compared, why it differs, or how OTP varied
	order   int    // where it belongs in the report: its step, or after them all
}

// String is the report line: AGREE, DIFFER or FAIL, where, what, and what
// each side showed (once when both showed the same).
func (p Point) String() string {
	at := scenarios.FileName(p.Pos.File)
	if p.Pos.Line > 0 {
		at = p.Pos.FileLine()
	}
	var b strings.Builder
	switch p.Verdict {
	case Agree:
		b.WriteString("AGREE  " + at + " " + p.What)
		switch {
		case p.OTP != "" && p.OTP != p.Sim:
			b.WriteString(": sim=" + p.Sim + " otp=" + p.OTP)
		case p.Sim != "":
			b.WriteString(": " + p.Sim)
		}
	case FailBoth:
		b.WriteString("FAIL   " + at + " " + p.What + " on both: ")
		if p.Sim == p.OTP {
			b.WriteString(p.Sim)
		} else {
			b.WriteString("sim=" + p.Sim + " otp=" + p.OTP)
		}
	default:
		b.WriteString("DIFFER " + at + " " + p.What + ": sim=" + p.Sim + " otp=" + p.OTP)
	}
	if p.Note != "" {
		b.WriteString(" (" + p.Note + ")")
	}
	return b.String()
}

// agreeIf is Agree when ok, else Differ.
func agreeIf(ok bool) Verdict {
	if ok {
		return Agree
	}
	return Differ
}

// Summary is the closing line: `N agree, M differ, K fail on both`.
func (r Report) Summary() string {
	return strconv.Itoa(r.Agree) + " agree, " + strconv.Itoa(r.Differ) + " differ, " +
		strconv.Itoa(r.FailBoth) + " fail on both"
}

// Failed reports whether any point differs or fails on both.
func (r Report) Failed() bool { return r.Differ > 0 || r.FailBoth > 0 }

// count tallies the points by verdict.
func (r *Report) count() {
	r.Agree, r.Differ, r.FailBoth = 0, 0, 0
	for _, p := range r.Points {
		switch p.Verdict {
		case Agree:
			r.Agree++
		case FailBoth:
			r.FailBoth++
		default:
			r.Differ++
		}
	}
}
