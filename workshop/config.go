package workshop

import (
	"io"
	"time"

	"github.com/crashcourse/crashcourse/sim"
)

// Config configures a Server. The zero value of each field but Dir means
// its default.
type Config struct {
	// Addr is the address to listen on; default ":2222".
	Addr string
	// Dir holds the host key (host_ed25519, made on first start) and the
	// progress database (progress.db). Required.
	Dir string
	// AuthorizedKeys is a file of the learners' public keys; empty lets in
	// anyone who reaches the port (with a key, or a name for a keyless
	// login).
	AuthorizedKeys string
	// Instructors is a file of the keys that get the dashboard.
	Instructors string
	// IdleTimeout closes a session after this long without a key; default
	// 30 minutes.
	IdleTimeout time.Duration
	// MaxSessions is how many sessions may be open at once; more are
	// refused with a message. Default 100.
	MaxSessions int
	// StuckFails and StuckAfter mark a learner stuck on the dashboard:
	// this many failed checks since their last pass, or no pass nor change
	// of exercise for this long while connected. Defaults 3 and 10 minutes.
	StuckFails int
	StuckAfter time.Duration
	// MaxProcesses, MaxEvents and MaxTrace bound each learner's world
	// (see sim.Options), far below the global bounds the REPL has, so
	// that one learner's runaway scenario cannot take the room's memory:
	// a spawn while MaxProcesses processes are alive raises system_limit
	// (as OTP's +P), a command stops after MaxEvents events, and once the
	// trace holds MaxTrace entries nothing more runs until the learner
	// resets or restarts the exercise; each says so with the safety-bound
	// note. Defaults 10,000, 200,000 and 100,000. The trace bound is the
	// memory bound: every spawn is an entry, and the world keeps its dead
	// processes for rewinding and why. A restart storm run to it holds
	// about 30 MiB of heap (world, TUI and snapshots; measured by
	// TestARunawayWorldHitsItsSessionLimits), while every bundled exercise
	// needs a few dozen processes and a few hundred entries.
	MaxProcesses int
	MaxEvents    int
	MaxTrace     int
	// MaxHeapBytes refuses new sessions, with a message, while the
	// server's heap (runtime/metrics) is over it; sessions already open
	// go on. Default 1 GiB.
	MaxHeapBytes uint64
	// NoColor draws every session without colour.
	NoColor bool
	// Log receives the server's messages (starts, refusals, panics);
	// default io.Discard.
	Log io.Writer
	// Now is the clock; default time.Now.
	Now func() time.Time
}

// withDefaults fills in the defaults.
func (c Config) withDefaults() Config {
	if c.Addr == "" {
		c.Addr = ":2222"
	}
	c.IdleTimeout = orDefault(c.IdleTimeout, 30*time.Minute)
	c.MaxSessions = orDefault(c.MaxSessions, 100)
	c.StuckFails = orDefault(c.StuckFails, 3)
	c.StuckAfter = orDefault(c.StuckAfter, 10*time.Minute)
	c.MaxProcesses = orDefault(c.MaxProcesses, 10_000)
	c.MaxEvents = orDefault(c.MaxEvents, 200_000)
	c.MaxTrace = orDefault(c.MaxTrace, 100_000)
	if c.MaxHeapBytes == 0 {
		c.MaxHeapBytes = 1 << 30
	}
	if c.Log == nil {
		c.Log = io.Discard
	}
	if c.Now == nil {
		c.Now = time.Now
	}
	return c
}

// orDefault is n when it is positive, else def.
func orDefault[T int | time.Duration](n, def T) T {
	if n <= 0 {
		return def
	}
	return n
}

// limits are the bounds of a learner's world.
func (c Config) limits() sim.Options {
	return sim.Options{MaxProcesses: c.MaxProcesses, MaxEvents: c.MaxEvents, MaxTrace: c.MaxTrace}
}
