package sim

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Test helpers shared by the fact and kernel tests. Every helper fails the
// test on an unexpected error instead of returning it.

// spawnOpts spawns a process from actor with o and returns its pid and the
// monitor ref (0 without Monitor).
func spawnOpts(t *testing.T, w *World, actor Pid, o SpawnOpts) (Pid, Ref) {
	t.Helper()
	p, ref, err := w.Spawn(actor, o)
	require.NoError(t, err)
	require.True(t, w.Alive(p), "a new process is alive")
	return p, ref
}

// spawn spawns an anonymous idle process from the shell.
func spawn(t *testing.T, w *World) Pid {
	t.Helper()
	p, _ := spawnOpts(t, w, Shell, SpawnOpts{})
	return p
}

// spawnTrap spawns a process from the shell with trap_exit set to trap.
func spawnTrap(t *testing.T, w *World, trap bool) Pid {
	t.Helper()
	p, _ := spawnOpts(t, w, Shell, SpawnOpts{TrapExit: trap})
	return p
}

// spawnLinked makes parent spawn_link a child, trapping exits if trap.
func spawnLinked(t *testing.T, w *World, parent Pid, trap bool) Pid {
	t.Helper()
	p, _ := spawnOpts(t, w, parent, SpawnOpts{Link: true, TrapExit: trap})
	return p
}

// spawnRegistered spawns a process from the shell and registers it as name.
func spawnRegistered(t *testing.T, w *World, name string) Pid {
	t.Helper()
	p := spawn(t, w)
	require.NoError(t, w.Register(Shell, name, p))
	return p
}

// monitorPid makes watcher monitor the pid target and returns the ref.
func monitorPid(t *testing.T, w *World, watcher, target Pid) Ref {
	t.Helper()
	ref, err := w.Monitor(watcher, Dest{Pid: target})
	require.NoError(t, err)
	require.NotZero(t, ref)
	return ref
}

// mailbox is p's mailbox as the terms a receive would see, oldest first.
func mailbox(w *World, p Pid) []Term {
	out := []Term{}
	for _, m := range w.Mailbox(p) {
		out = append(out, w.MessageTerm(m))
	}
	return out
}

// exitMsg is {'EXIT', From, Reason}.
func exitMsg(from Pid, reason Term) Term { return Tuple{Atom("EXIT"), from, reason} }

// downMsg is {'DOWN', Ref, process, Object, Reason}.
func downMsg(ref Ref, object, reason Term) Term {
	return Tuple{Atom("DOWN"), ref, Atom("process"), object, reason}
}

// nameObj is {Name, nonode@nohost}, the object of a monitor taken by name.
func nameObj(name string) Term { return Tuple{Atom(name), Node} }

func show(t Term) string {
	if t == nil {
		return "<nil>"
	}
	return t.String()
}

func showAll(ts []Term) string {
	s := make([]string, len(ts))
	for i, t := range ts {
		s[i] = show(t)
	}
	return "[" + strings.Join(s, ", ") + "]"
}

// requireTerm checks got =:= want.
func requireTerm(t *testing.T, want, got Term, msgAndArgs ...any) {
	t.Helper()
	require.Truef(t, got != nil && Equal(want, got), "want %s, got %s %v", show(want), show(got), msgAndArgs)
}

// requireTerms checks two term lists element by element, in order.
func requireTerms(t *testing.T, want, got []Term, msgAndArgs ...any) {
	t.Helper()
	ok := len(want) == len(got)
	for i := 0; ok && i < len(want); i++ {
		ok = got[i] != nil && Equal(want[i], got[i])
	}
	require.Truef(t, ok, "want %s\n got %s %v", showAll(want), showAll(got), msgAndArgs)
}

// requireMailbox checks p's whole mailbox, in order.
func requireMailbox(t *testing.T, w *World, p Pid, want ...Term) {
	t.Helper()
	requireTerms(t, want, mailbox(w, p), "mailbox of "+p.String())
}

// requireAlive checks that p is alive.
func requireAlive(t *testing.T, w *World, p Pid) {
	t.Helper()
	r, dead := w.ExitReason(p)
	require.Truef(t, w.Alive(p) && !dead, "%s should be alive, exited with %s", p, show(r))
}

// requireDead checks that p exited with exactly reason.
func requireDead(t *testing.T, w *World, p Pid, reason Term) {
	t.Helper()
	require.Falsef(t, w.Alive(p), "%s should be dead", p)
	got, ok := w.ExitReason(p)
	require.True(t, ok)
	requireTerm(t, reason, got, "exit reason of "+p.String())
	require.Empty(t, w.Links(p), "a dead process has no links")
}

// requireErr checks that err is a *Error with the given Erlang reason (nil
// for a refused command).
func requireErr(t *testing.T, err error, reason Term) {
	t.Helper()
	require.Error(t, err)
	var e *Error
	require.True(t, errors.As(err, &e), "want *sim.Error, got %T: %v", err, err)
	if reason == nil {
		require.Nil(t, e.Reason, "a refused command has no Erlang reason")
		return
	}
	requireTerm(t, reason, e.Reason, "error reason")
}

// entries returns the whole trace.
func entries(w *World) []Entry {
	out := make([]Entry, 0, w.TraceLen())
	for s := Seq(1); int(s) <= w.TraceLen(); s++ {
		out = append(out, w.Entry(s))
	}
	return out
}

// entriesOf returns the trace entries of one kind.
func entriesOf(w *World, k Kind) []Entry {
	var out []Entry
	for _, e := range entries(w) {
		if e.Kind == k {
			out = append(out, e)
		}
	}
	return out
}

// exitOrder is the pids in the order their exits were recorded.
func exitOrder(w *World) []Pid {
	var out []Pid
	for _, e := range entriesOf(w, KindExit) {
		out = append(out, e.Pid)
	}
	return out
}

// traceText renders every entry with its resolved term, for comparing
// traces of different worlds (TermIDs are world-local).
func traceText(w *World) []string {
	var out []string
	for _, e := range entries(w) {
		out = append(out, e.Kind.String()+" "+e.At.String()+" "+e.Pid.String()+" "+e.Other.String()+" "+
			show(w.Term(e.Term))+" "+e.Ref.String()+" "+itoa(int(e.Cause))+" "+itoa(int(e.Flags)))
	}
	return out
}

func itoa(i int) string { return Int(i).String() }
