// Package sim is a deterministic discrete-event simulator of Erlang/OTP
// processes: links, monitors, trap_exit, exit signals, the name registry,
// timers, messages, and OTP supervisors with gen_server workers.
//
// A World is a plain value. Nothing in it runs on its own: callers perform
// actions (Spawn, Link, SendExit, ...) at the current virtual instant and then
// move time with RunInstant, Step, Advance or Run. Every effect is an event in
// one queue ordered by (time, scheduling order); every executed event is
// appended to the trace and records the event that caused it.
//
// The kernel is single-threaded and uses no wall clock, goroutines or global
// randomness: the same actions and seed give the same trace, byte for byte.
// Where OTP leaves an order open, the kernel picks one fixed order and says so
// on the function that decides it.
//
// Everything is bounded, so no input can take unbounded memory or time: a
// run stops after MaxRunEvents events (a supervisor retrying a failed
// restart forever does so one event per retry), a world spawns at most
// MaxProcesses processes, and the clock never passes MaxTime. A world made
// with NewWithOptions may be bounded lower (Options.MaxProcesses, which
// counts live processes as OTP's +P does; MaxEvents; MaxTrace, which also
// bounds the spawns, each an entry), as a server hosting many worlds
// bounds each one.
package sim
