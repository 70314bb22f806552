package sim

import "strconv"

// Pid identifies one incarnation of a process. Pids are never reused. The
// zero Pid is the shell: an outside observer that is never linked, never dies
// and gets errors instead of crashing.
type Pid int32

// Shell is the pid of the shell, printed <shell>.
const Shell Pid = 0

// FirstPid is N of the first simulated process <0.N.0>; later pids count up
// from it.
const FirstPid Pid = 100

// String prints the pid as Erlang does, <0.N.0>, or <shell>.
func (p Pid) String() string {
	if p == Shell {
		return "<shell>"
	}
	return "<0." + strconv.Itoa(int(p)) + ".0>"
}

func (Pid) isTerm() {}

// Ref is a user-visible reference #Ref<K>, K counting from 1 in the order
// commands create them (monitor, spawn_monitor, send_after). Supervisors'
// internal monitors have Ref 0 and print no number.
type Ref uint32

// String prints #Ref<K>.
func (r Ref) String() string { return "#Ref<" + strconv.Itoa(int(r)) + ">" }

func (Ref) isTerm() {}
