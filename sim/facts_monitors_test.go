package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Section B of otp-facts.md: monitors.

func TestFactB13_DownMessage(t *testing.T) {
	t.Run("B13/live target exits boom", func(t *testing.T) {
		w := New(1)
		watcher, p := spawn(t, w), spawn(t, w)
		ref := monitorPid(t, w, watcher, p)
		w.RunInstant()
		requireMailbox(t, w, watcher)

		require.NoError(t, w.Exit(p, Boom))
		w.RunInstant()
		requireMailbox(t, w, watcher, downMsg(ref, p, Boom))
		requireAlive(t, w, watcher)
	})
	t.Run("B13/spawn_monitor target exits boom", func(t *testing.T) {
		w := New(1)
		watcher := spawn(t, w)
		p, ref := spawnOpts(t, w, watcher, SpawnOpts{Monitor: true})
		require.NotZero(t, ref)
		require.NoError(t, w.Exit(p, Boom))
		w.RunInstant()
		requireMailbox(t, w, watcher, downMsg(ref, p, Boom))
	})
	t.Run("B13/dead pid: DOWN noproc at once", func(t *testing.T) {
		w := New(1)
		watcher, p := spawn(t, w), spawn(t, w)
		require.NoError(t, w.Exit(p, Boom))
		w.RunInstant()
		now := w.Now()

		ref := monitorPid(t, w, watcher, p)
		w.RunInstant()
		require.Equal(t, now, w.Now(), "no time passes")
		requireMailbox(t, w, watcher, downMsg(ref, p, NoProc))
		requireAlive(t, w, watcher)
	})
	t.Run("B13/by name: the DOWN object is {Name,nonode@nohost}", func(t *testing.T) {
		w := New(1)
		watcher := spawn(t, w)
		p := spawnRegistered(t, w, "myname")
		ref, err := w.Monitor(watcher, Dest{Name: "myname"})
		require.NoError(t, err)
		require.NoError(t, w.Exit(p, Boom))
		w.RunInstant()
		requireMailbox(t, w, watcher, downMsg(ref, nameObj("myname"), Boom))
	})
	t.Run("B13/unregistered name: a ref and an immediate DOWN noproc, no raise", func(t *testing.T) {
		w := New(1)
		watcher := spawn(t, w)
		ref, err := w.Monitor(watcher, Dest{Name: "nosuchname"})
		require.NoError(t, err)
		require.NotZero(t, ref)
		w.RunInstant()
		requireAlive(t, w, watcher)
		requireMailbox(t, w, watcher, downMsg(ref, nameObj("nosuchname"), NoProc))
	})
	t.Run("B13/a name monitor is bound to the pid that held the name", func(t *testing.T) {
		w := New(1)
		watcher := spawn(t, w)
		p1 := spawnRegistered(t, w, "myname3")
		ref, err := w.Monitor(watcher, Dest{Name: "myname3"})
		require.NoError(t, err)
		require.NoError(t, w.Unregister(Shell, "myname3"))
		p2 := spawnRegistered(t, w, "myname3")

		require.NoError(t, w.Exit(p2, Boom))
		w.RunInstant()
		requireMailbox(t, w, watcher)

		require.NoError(t, w.Exit(p1, Normal))
		w.RunInstant()
		requireMailbox(t, w, watcher, downMsg(ref, nameObj("myname3"), Normal))
	})
	t.Run("B13/monitor(process, self()) returns a ref and never fires", func(t *testing.T) {
		w := New(1)
		p := spawn(t, w)
		ref := monitorPid(t, w, p, p)
		w.RunInstant()
		requireMailbox(t, w, p)
		require.NoError(t, w.Exit(p, Boom))
		w.RunInstant()
		requireMailbox(t, w, p)
		require.Empty(t, entriesOf(w, KindDown))
		_ = ref
	})
	t.Run("B13/every monitor gets a fresh ref", func(t *testing.T) {
		w := New(1)
		watcher, p := spawn(t, w), spawn(t, w)
		r1 := monitorPid(t, w, watcher, p)
		r2 := monitorPid(t, w, watcher, p)
		_, r3 := spawnOpts(t, w, watcher, SpawnOpts{Monitor: true})
		require.NotEqual(t, r1, r2)
		require.NotEqual(t, r2, r3)
		require.NotEqual(t, r1, r3)
	})
}

func TestFactB14_Demonitor(t *testing.T) {
	// setup: watcher W monitors P, W's mailbox gets a before P dies and b after.
	setup := func(t *testing.T) (w *World, watcher, p Pid, ref Ref) {
		w = New(1)
		watcher, p = spawn(t, w), spawn(t, w)
		ref = monitorPid(t, w, watcher, p)
		return
	}
	t.Run("B14/demonitor keeps a DOWN already queued", func(t *testing.T) {
		w, watcher, p, ref := setup(t)
		require.NoError(t, w.Exit(p, Boom))
		w.RunInstant()
		require.NoError(t, w.Demonitor(watcher, ref, false))
		w.RunInstant()
		requireMailbox(t, w, watcher, downMsg(ref, p, Boom))
	})
	t.Run("B14/demonitor flush removes the queued DOWN and only it", func(t *testing.T) {
		w, watcher, p, ref := setup(t)
		other := spawn(t, w)
		ref2 := monitorPid(t, w, watcher, other)
		require.NoError(t, w.Send(Shell, Dest{Pid: watcher}, Atom("a")))
		require.NoError(t, w.Exit(p, Boom))
		require.NoError(t, w.Exit(other, Boom))
		w.RunInstant()
		require.NoError(t, w.Send(Shell, Dest{Pid: watcher}, Atom("b")))
		w.RunInstant()
		requireMailbox(t, w, watcher, Atom("a"), downMsg(ref, p, Boom), downMsg(ref2, other, Boom), Atom("b"))

		require.NoError(t, w.Demonitor(watcher, ref, true))
		requireMailbox(t, w, watcher, Atom("a"), downMsg(ref2, other, Boom), Atom("b"))
	})
	t.Run("B14/no DOWN arrives after demonitor", func(t *testing.T) {
		w, watcher, p, ref := setup(t)
		require.NoError(t, w.Demonitor(watcher, ref, false))
		require.NoError(t, w.Exit(p, Boom))
		w.RunInstant()
		requireMailbox(t, w, watcher)
		require.Empty(t, w.Info(p).MonitoredBy)
	})
	t.Run("B14/no DOWN arrives after demonitor even if it was in flight", func(t *testing.T) {
		w, watcher, p, ref := setup(t)
		require.NoError(t, w.Exit(p, Boom)) // the DOWN is on its way
		require.NoError(t, w.Demonitor(watcher, ref, false))
		w.RunInstant()
		requireMailbox(t, w, watcher)
	})
	t.Run("B14/demonitor by a process that does not hold the ref is ignored", func(t *testing.T) {
		w, watcher, p, ref := setup(t)
		stranger := spawn(t, w)
		require.NoError(t, w.Demonitor(stranger, ref, true))
		require.NoError(t, w.Exit(p, Boom))
		w.RunInstant()
		requireMailbox(t, w, watcher, downMsg(ref, p, Boom))
	})
	t.Run("B14/demonitor flush of a monitor on self", func(t *testing.T) {
		// B13: monitor(process, self()) gives a ref; demonitor(Ref,[flush])
		// then returns true (checked on OTP 25).
		w := New(1)
		p := spawn(t, w)
		ref := monitorPid(t, w, p, p)
		require.NotPanics(t, func() { require.NoError(t, w.Demonitor(p, ref, true)) })
		w.RunInstant()
		requireAlive(t, w, p)
		requireMailbox(t, w, p)
	})
}

func TestFactB15_TwoMonitorsTwoDowns(t *testing.T) {
	for _, tc := range []struct {
		name     string
		spawnMon bool
	}{
		{name: "B15/two monitor calls: two DOWNs in creation order"},
		{name: "B15/spawn_monitor then monitor: two DOWNs in creation order", spawnMon: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			watcher := spawn(t, w)
			var p Pid
			var r1 Ref
			if tc.spawnMon {
				p, r1 = spawnOpts(t, w, watcher, SpawnOpts{Monitor: true})
			} else {
				p = spawn(t, w)
				r1 = monitorPid(t, w, watcher, p)
			}
			r2 := monitorPid(t, w, watcher, p)
			require.NotEqual(t, r1, r2)
			require.NoError(t, w.Exit(p, Boom))
			w.RunInstant()
			requireMailbox(t, w, watcher, downMsg(r1, p, Boom), downMsg(r2, p, Boom))
		})
	}
}

func TestFactB16_MonitorsIgnoreTrapExit(t *testing.T) {
	for _, tc := range []struct {
		name string
		trap bool
	}{
		{name: "B16/non-trapping watcher gets only DOWN and lives"},
		{name: "B16/trapping watcher gets only DOWN and lives", trap: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			watcher := spawnTrap(t, w, tc.trap)
			p := spawn(t, w)
			ref := monitorPid(t, w, watcher, p)
			require.NoError(t, w.Exit(p, Boom))
			w.RunInstant()
			requireAlive(t, w, watcher)
			requireMailbox(t, w, watcher, downMsg(ref, p, Boom))

			for _, e := range entriesOf(w, KindSignal) {
				require.NotEqual(t, watcher, e.Pid, "no exit signal reaches the watcher")
			}
		})
	}
}
