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

// FromDuration converts a Go duration to virtual time, truncating below a
// microsecond.
func FromDuration(d time.Duration) Time { return Time(d / time.Microsecond) }

// Duration converts virtual time to a Go duration.
func (t Time) Duration() time.Duration { return time.Duration(t) * time.Microsecond }

// String prints t as a Go duration ("0s", "1.5s", "250ms").
func (t Time) String() string { return t.Duration().String() }

// Millis prints t in whole milliseconds, as Erlang timer functions report it.
func (t Time) Millis() string { return strconv.FormatInt(int64(t/Millisecond), 10) }
