package sim

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Helpers for the supervisor tests (section E of otp-facts.md). Like the
// shared helpers, they fail the test on an unexpected error.

// tw is the harness's worker: a permanent gen_server that traps exits, with
// OTP's default worker shutdown of 5000 ms and an instant terminate/2.
func tw(id string) ChildSpec {
	return ChildSpec{ID: id, Restart: Permanent, Shutdown: ShutdownSpec{Timeout: 5000 * Millisecond}, TrapExit: true}
}

// workers is one worker per id, in start order.
func workers(ids ...string) []ChildSpec {
	out := make([]ChildSpec, len(ids))
	for i, id := range ids {
		out[i] = tw(id)
	}
	return out
}

// plain makes every spec a worker that does not trap exits.
func plain(specs []ChildSpec) []ChildSpec {
	for i := range specs {
		specs[i].TrapExit = false
	}
	return specs
}

// supChild is a permanent supervisor child with OTP's default shutdown for
// one, infinity.
func supChild(id string, spec SupSpec) ChildSpec {
	return ChildSpec{ID: id, Restart: Permanent, Shutdown: ShutdownSpec{Infinity: true}, Sup: &spec}
}

// sflags are supervisor flags with auto_shutdown never.
func sflags(s Strategy, intensity, period int) SupFlags {
	return SupFlags{Strategy: s, Intensity: intensity, Period: period}
}

// startSup starts a top-level supervisor and requires it to start.
func startSup(t *testing.T, w *World, name string, spec SupSpec) Pid {
	t.Helper()
	p, err := w.StartSupervisor(name, spec)
	require.NoError(t, err)
	requireAlive(t, w, p)
	require.True(t, w.IsSupervisor(p))
	return p
}

// startSupUnder starts a supervisor whose parent is the process parent, as
// if parent had called supervisor:start_link: spawned linked to parent,
// trapping exits, and acking into parent's mailbox. The public API only
// starts top-level supervisors under the shell, which never dies; fact E32
// needs a parent that can.
func startSupUnder(t *testing.T, w *World, parent Pid, name string, spec SupSpec) Pid {
	t.Helper()
	require.Nil(t, checkSpec(&spec))
	pid, _ := w.spawn(parent, SpawnOpts{Name: name, Link: true, TrapExit: true})
	w.supInit(w.newSupervisor(pid, parent, newSupDef(spec)))
	w.RunInstant()
	requireAlive(t, w, pid)
	requireMailbox(t, w, parent, Tuple{Atom("ack"), pid, Tuple{atomOK, pid}})
	_, err := w.Flush(parent)
	require.NoError(t, err)
	return pid
}

// pidOf is the latest incarnation of the process called name.
func pidOf(t *testing.T, w *World, name string) Pid {
	t.Helper()
	p, ok := w.Lookup(name)
	require.Truef(t, ok, "no process was ever called %s", name)
	return p
}

// livePid is the running incarnation of name.
func livePid(t *testing.T, w *World, name string) Pid {
	t.Helper()
	p := pidOf(t, w, name)
	requireAlive(t, w, p)
	return p
}

// exitWith makes the running child name call exit(reason) and lets its
// supervisor react at this instant (the harness's {stop, R}).
func exitWith(t *testing.T, w *World, name string, reason Term) {
	t.Helper()
	require.NoError(t, w.Exit(livePid(t, w, name), reason))
	w.RunInstant()
}

// mark is the trace position now: story(w, mark(w)) is what happens next.
func mark(w *World) Seq { return Seq(w.TraceLen()) }

// story renders, in trace order from after seq from, the entries the fact
// sheet's harness logs, one line each:
//
//	exit NAME REASON               a process exited (the harness's {down,..})
//	terminate NAME REASON          a worker's terminate/2 began
//	started SUP NAME               progress report: SUP started NAME
//	child_terminated SUP NAME R    supervisor report
//	start_error SUP ID R           supervisor report (ID: the child's id)
//	shutdown_error SUP NAME R      supervisor report
//	shutdown SUP NAME R            supervisor report (R is reached_max_restart_intensity)
//	auto_shutdown SUP NAME         the simulator's note that NAME's end takes SUP down
//
// Anonymous processes print as their pid.
func story(w *World, from Seq) []string {
	var out []string
	for s := from + 1; int(s) <= w.TraceLen(); s++ {
		if line := storyLine(w, w.Entry(s)); line != "" {
			out = append(out, line)
		}
	}
	return out
}

func storyLine(w *World, e Entry) string {
	reason := show(w.Term(e.Term))
	switch e.Kind {
	case KindExit:
		return "exit " + w.Label(e.Pid) + " " + reason
	case KindTerminate:
		return "terminate " + w.Label(e.Pid) + " " + reason
	case KindChildStarted:
		return "started " + w.Label(e.Pid) + " " + w.Label(e.Other)
	case KindStartError:
		return e.Kind.String() + " " + w.Label(e.Pid) + " " + show(w.Term(e.Child)) + " " + reason
	case KindChildTerminated, KindShutdownError:
		return e.Kind.String() + " " + w.Label(e.Pid) + " " + w.Label(e.Other) + " " + reason
	case KindSupervisorShutdown:
		return "shutdown " + w.Label(e.Pid) + " " + w.Label(e.Other) + " " + reason
	case KindAutoShutdown:
		return "auto_shutdown " + w.Label(e.Pid) + " " + w.Label(e.Other)
	}
	return ""
}

// without drops the lines that start with any of prefixes.
func without(lines []string, prefixes ...string) []string {
	var out []string
next:
	for _, l := range lines {
		for _, p := range prefixes {
			if strings.HasPrefix(l, p) {
				continue next
			}
		}
		out = append(out, l)
	}
	return out
}

// only keeps the lines that start with any of prefixes.
func only(lines []string, prefixes ...string) []string {
	var out []string
	for _, l := range lines {
		for _, p := range prefixes {
			if strings.HasPrefix(l, p) {
				out = append(out, l)
				break
			}
		}
	}
	return out
}

// requireStory checks the story since from line by line.
func requireStory(t *testing.T, w *World, from Seq, want ...string) {
	t.Helper()
	require.Equal(t, want, story(w, from))
}

// lines splits a space-separated story written on several lines.
func lines(s ...string) []string { return s }

// countKind counts the entries of kind k after from whose Pid is p (any
// pid when p is Shell).
func countKind(w *World, from Seq, k Kind, p Pid) int {
	n := 0
	for s := from + 1; int(s) <= w.TraceLen(); s++ {
		if e := w.Entry(s); e.Kind == k && (p == Shell || e.Pid == p) {
			n++
		}
	}
	return n
}

// exitAt is when the latest incarnation of name exited.
func exitAt(t *testing.T, w *World, name string) Time {
	t.Helper()
	p := pidOf(t, w, name)
	require.Falsef(t, w.Alive(p), "%s is still alive", name)
	return w.Entry(w.proc(p).exitSeq).At
}

// children is which_children as a term.
func children(t *testing.T, w *World, sup Pid) Term {
	t.Helper()
	got, err := w.WhichChildren(sup)
	require.NoError(t, err)
	return got
}

// kid is one which_children entry of a worker {Id, Pid, worker, [Id]};
// pid 0 is undefined.
func kid(id string, pid Pid) Term { return kidOf(id, pid, "worker") }

// supKid is the which_children entry of a supervisor child.
func supKid(id string, pid Pid) Term { return kidOf(id, pid, "supervisor") }

func kidOf(id string, pid Pid, kind Atom) Term {
	var p Term = atomUndefined
	if pid != 0 {
		p = pid
	}
	return Tuple{Atom(id), p, kind, List{Atom(id)}}
}

// requireChildren checks which_children, newest child first.
func requireChildren(t *testing.T, w *World, sup Pid, want ...Term) {
	t.Helper()
	requireTerm(t, List(want), children(t, w, sup), "which_children")
}

// requireCall checks a supervisor call's reply, {error, R} included.
func requireCall(t *testing.T, want Term, got Term, err error) {
	t.Helper()
	if tu, ok := want.(Tuple); ok && len(tu) == 2 && tu[0] == Atom("error") {
		requireErr(t, err, tu[1])
	} else {
		require.NoError(t, err)
	}
	requireTerm(t, want, got)
}

// stopWith is an init that returns {stop, r} on every start.
func stopWith(r Term) []InitResult { return []InitResult{{Kind: InitError, Reason: r}} }

// okThen is an init that succeeds on the first start, then does rs in
// turn, the last repeating.
func okThen(rs ...InitResult) []InitResult { return append([]InitResult{{Kind: InitOK}}, rs...) }

// failedToStart is {shutdown, {failed_to_start_child, Id, Reason}}.
func failedToStart(id string, reason Term) Term {
	return Tuple{Shutdown, Tuple{Atom("failed_to_start_child"), Atom(id), reason}}
}
