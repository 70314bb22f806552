// Package workshop is `crashcourse serve`: the TUI and the lessons over
// SSH for a room of learners, with an instructor's dashboard.
//
// Every SSH session gets its own TUI over its own simulated world and its
// own lesson progress: the TUI and lesson pane of `crashcourse tui`,
// handed a lessons.Tutor whose store is the learner's record in the room,
// so every check, hint and move is written there. A learner is known by the fingerprint of their
// public key (or, on a server open to all, by the user name they connect
// with when they have no key). Progress lives in a bbolt database in the
// server's directory, written in one transaction per change, so that a
// learner who reconnects, or a server that restarts, resumes where it was.
// Keys listed as instructors get the room's dashboard instead of a lesson.
//
// Learners get only the app: no shell, no command execution, no
// subsystems (sftp), no port or agent forwarding.
package workshop
