package sim

import (
	"strconv"
	"time"
)

// Time is virtual time in integer microseconds since the start of the run.
type Time int64

// Common durations in virtual time.
const (
	Microsecond Time = 1
	Millisecond Time = 1000
	Second      Time = 1000 * Millisecond
)

// MaxTime is the latest instant of virtual time: 100 years (876000h). The
// clock never passes it — Advance and Run stop there and an event due later
// never runs — and durations longer than it are refused, so an event is
// never due later than twice MaxTime: times never wrap, and print as Go
// durations (which end at about 292 years).
const MaxTime = 876_000 * 3600 * Second

// MaxTimeText states MaxTime for messages.
const MaxTimeText = "876000h (100 years)"

// checkDuration refuses a duration longer than MaxTime.
func checkDuration(what string, d Time) error {
	if d > MaxTime {
		return refuse(what + " " + d.String() + " is longer than the maximum of " + MaxTimeText)
	}
	return nil
}

// checkSpecTimes refuses a supervisor spec with a duration longer than
// MaxTime, in its flags or any child's options, nested supervisors
// included.
func checkSpecTimes(s *SupSpec) error {
	if err := checkBackoff(s.Flags.Backoff); err != nil {
		return err
	}
	for i := range s.Children {
		if err := checkChildTimes(&s.Children[i]); err != nil {
			return err
		}
	}
	return nil
}

func checkChildTimes(c *ChildSpec) error {
	for _, d := range []Time{c.Shutdown.Timeout, c.Terminate, c.InitTime} {
		if err := checkDuration(c.ID+" has a duration of", d); err != nil {
			return err
		}
	}
	if h := c.Health; h != nil {
		if err := checkDuration(c.ID+" has a health check of", max(h.Interval, h.Timeout)); err != nil {
			return err
		}
	}
	if err := checkBackoff(c.Backoff); err != nil {
		return err
	}
	if c.Sup != nil {
		return checkSpecTimes(c.Sup)
	}
	return nil
}

func checkBackoff(b *Backoff) error {
	if b == nil {
		return nil
	}
	return checkDuration("a backoff of", max(b.Min, b.Max))
}

// FromDuration converts a Go duration to virtual time, truncating below a
// microsecond.
func FromDuration(d time.Duration) Time { return Time(d / time.Microsecond) }

// Duration converts virtual time to a Go duration.
func (t Time) Duration() time.Duration { return time.Duration(t) * time.Microsecond }

// String prints t as a Go duration ("0s", "1.5s", "250ms").
func (t Time) String() string { return t.Duration().String() }

// Millis prints t in whole milliseconds, as Erlang timer functions report it.
func (t Time) Millis() string { return strconv.FormatInt(int64(t/Millisecond), 10) }
