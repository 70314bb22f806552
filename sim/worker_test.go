package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// A gen_server inside init/1 or terminate/2 handles no request, so a
// command it should perform is refused (on OTP the request would wait in
// its queue: it runs after a slow init, and never after terminate).
func TestBusyWorkerRefusesCommands(t *testing.T) {
	w := New(1)
	slow := ChildSpec{ID: "g", InitTime: 50 * Millisecond, Shutdown: ShutdownSpec{Timeout: Second}}
	quitting := ChildSpec{ID: "e", TrapExit: true, Terminate: 100 * Millisecond, Shutdown: ShutdownSpec{Timeout: Second}}
	_, err := w.StartSupervisor("s", SupSpec{Flags: SupFlags{Intensity: 5, Period: 5}, Children: []ChildSpec{slow, quitting}})
	require.NoError(t, err)
	p, _, _ := w.Spawn(Shell, SpawnOpts{Name: "p"})

	g, _ := w.Lookup("g")
	require.NoError(t, w.Crash(g, Boom))
	w.RunInstant()
	g, _ = w.Lookup("g")
	err = w.Send(g, Dest{Pid: p}, Atom("hello"))
	require.ErrorContains(t, err, "inside init/1")
	w.Advance(50 * Millisecond)
	require.NoError(t, w.Send(g, Dest{Pid: p}, Atom("hello")))

	e, _ := w.Lookup("e")
	s, _ := w.Lookup("s")
	require.NoError(t, w.SendExit(Shell, s, Shutdown))
	w.RunInstant()
	require.ErrorContains(t, w.Send(e, Dest{Pid: p}, Atom("hi")), "inside terminate/2")
	w.RunInstant()
	require.Len(t, w.Mailbox(p), 1)
}
