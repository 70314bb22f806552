package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Section C of otp-facts.md: the registry.

func TestFactC17_RegisterBadarg(t *testing.T) {
	// Each setup returns the register(Name, Target) call that must raise
	// badarg, and what Whereis(Name) must still say afterwards (0: none).
	cases := []struct {
		name  string
		setup func(t *testing.T, w *World) (name string, target, holder Pid)
	}{
		{"C17/name taken by another pid", func(t *testing.T, w *World) (string, Pid, Pid) {
			a := spawnRegistered(t, w, "foo")
			return "foo", spawn(t, w), a
		}},
		{"C17/pid already has a name", func(t *testing.T, w *World) (string, Pid, Pid) {
			spawnRegistered(t, w, "bar")
			a := spawnRegistered(t, w, "foo")
			return "baz", a, 0
		}},
		{"C17/same name to the same pid again", func(t *testing.T, w *World) (string, Pid, Pid) {
			a := spawnRegistered(t, w, "foo")
			return "foo", a, a
		}},
		{"C17/pid is dead", func(t *testing.T, w *World) (string, Pid, Pid) {
			a := spawn(t, w)
			require.NoError(t, w.Exit(a, Normal))
			w.RunInstant()
			return "foo", a, 0
		}},
		{"C17/name undefined", func(t *testing.T, w *World) (string, Pid, Pid) {
			return "undefined", spawn(t, w), 0
		}},
	}
	for _, tc := range cases {
		for _, byProc := range []bool{false, true} {
			name := tc.name + "/shell gets badarg"
			if byProc {
				name = tc.name + "/process caller crashes with {badarg,Stack}"
			}
			t.Run(name, func(t *testing.T) {
				w := New(1)
				regName, target, holder := tc.setup(t, w)
				before := w.Registered()
				targetName := w.RegisteredName(target)
				actor := Shell
				if byProc {
					actor = spawn(t, w)
				}

				err := w.Register(actor, regName, target)
				w.RunInstant()
				if byProc {
					require.NoError(t, err)
					requireDead(t, w, actor, ErrorReason(Badarg))
				} else {
					requireErr(t, err, Badarg)
				}
				require.Equal(t, before, w.Registered(), "the registry is unchanged")
				got, ok := w.Whereis(regName)
				require.Equal(t, holder != 0, ok)
				require.Equal(t, holder, got)
				require.Equal(t, targetName, w.RegisteredName(target))
			})
		}
	}
}

func TestFactC17_WhereisAndRegisteredName(t *testing.T) {
	w := New(1)
	a := spawn(t, w)
	b := spawn(t, w)
	_, ok := w.Whereis("foo")
	require.False(t, ok)
	require.Empty(t, w.Registered())

	other := spawn(t, w)
	require.NoError(t, w.Register(other, "foo", a), "C17/any process may register another")
	requireAlive(t, w, other)
	p, ok := w.Whereis("foo")
	require.True(t, ok)
	require.Equal(t, a, p)
	require.Equal(t, "foo", w.RegisteredName(a))
	require.Equal(t, "", w.RegisteredName(b), "C17/no name is []")
	require.Equal(t, "foo", w.Info(a).Registered)
	require.Equal(t, []string{"foo"}, w.Registered())
}

func TestFactC17_NameFreedWhenDeathIsObservable(t *testing.T) {
	for _, tc := range []struct {
		name    string
		kill    func(w *World, p Pid) error
		reason  Term
		viaLink bool // observe with a trapping linked process instead of a monitor
	}{
		{name: "C17/after exit(boom), seen by DOWN", kill: func(w *World, p Pid) error { return w.Exit(p, Boom) }, reason: Boom},
		{name: "C17/after a crash, seen by DOWN", kill: func(w *World, p Pid) error { return w.Crash(p, Boom) }, reason: ErrorReason(Boom)},
		{name: "C17/after exit(P,kill), seen by DOWN", kill: func(w *World, p Pid) error { return w.SendExit(Shell, p, Kill) }, reason: Killed},
		{name: "C17/after exit(boom), seen by a trapping linked process", kill: func(w *World, p Pid) error { return w.Exit(p, Boom) }, reason: Boom, viaLink: true},
		{name: "C17/after exit(P,kill), seen by a trapping linked process", kill: func(w *World, p Pid) error { return w.SendExit(Shell, p, Kill) }, reason: Killed, viaLink: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			observer := spawnTrap(t, w, true)
			var p Pid
			var want Term
			if tc.viaLink {
				p = spawnLinked(t, w, observer, false)
				want = exitMsg(p, tc.reason)
			} else {
				var ref Ref
				p, ref = spawnOpts(t, w, observer, SpawnOpts{Monitor: true})
				want = downMsg(ref, p, tc.reason)
			}
			require.NoError(t, w.Register(Shell, "foo", p))
			other := spawn(t, w)

			require.NoError(t, tc.kill(w, p))
			// Deliver events one at a time; the moment the observer sees
			// the death, the name must already be free.
			for len(w.Mailbox(observer)) == 0 {
				require.Equal(t, 1, w.Step(1), "the death must reach the observer")
			}
			requireMailbox(t, w, observer, want)
			_, ok := w.Whereis("foo")
			require.False(t, ok, "whereis(foo) is undefined")
			require.Equal(t, "", w.RegisteredName(p))
			require.NoError(t, w.Register(observer, "foo", other))
			requireAlive(t, w, observer)
			got, _ := w.Whereis("foo")
			require.Equal(t, other, got)
		})
	}
}

func TestFactC17_UnregisterFromAnyProcess(t *testing.T) {
	w := New(1)
	a := spawnRegistered(t, w, "foo")
	x := spawn(t, w)
	require.NoError(t, w.Unregister(x, "foo"))
	w.RunInstant()
	requireAlive(t, w, x)
	requireAlive(t, w, a)
	_, ok := w.Whereis("foo")
	require.False(t, ok)
	require.Equal(t, "", w.RegisteredName(a))
	// a has no name any more, so it may be registered again.
	require.NoError(t, w.Register(Shell, "bar", a))
	require.Equal(t, "bar", w.RegisteredName(a))
}

func TestFactC18_SendToName(t *testing.T) {
	hello := Atom("hello")
	t.Run("C18/unregistered name raises badarg in the shell", func(t *testing.T) {
		w := New(1)
		requireErr(t, w.Send(Shell, Dest{Name: "nosuchname"}, hello), Badarg)
		require.Zero(t, w.TraceLen(), "a failed shell send changes nothing")
	})
	t.Run("C18/unregistered name crashes a process sender with {badarg,Stack}", func(t *testing.T) {
		w := New(1)
		s := spawn(t, w)
		peer := spawnLinked(t, w, s, true)
		require.NoError(t, w.Send(s, Dest{Name: "nosuchname"}, hello))
		w.RunInstant()
		requireDead(t, w, s, ErrorReason(Badarg))
		requireMailbox(t, w, peer, exitMsg(s, ErrorReason(Badarg)))
	})
	t.Run("C18/registered name delivers", func(t *testing.T) {
		w := New(1)
		p := spawnRegistered(t, w, "foo")
		s := spawn(t, w)
		require.NoError(t, w.Send(s, Dest{Name: "foo"}, hello))
		w.RunInstant()
		requireMailbox(t, w, p, hello)
	})
	t.Run("C18/sending to a dead pid never raises", func(t *testing.T) {
		w := New(1)
		s := spawn(t, w)
		dead := spawn(t, w)
		require.NoError(t, w.Exit(dead, Boom))
		w.RunInstant()
		require.NoError(t, w.Send(s, Dest{Pid: dead}, hello))
		require.NoError(t, w.Send(Shell, Dest{Pid: dead}, hello))
		w.RunInstant()
		requireAlive(t, w, s)
		requireMailbox(t, w, dead)
		for _, e := range entriesOf(w, KindMessage) {
			require.True(t, e.Has(FlagDropped))
		}
	})
}

func TestFactC19_UnregisterUnknownName(t *testing.T) {
	t.Run("C19/shell gets badarg", func(t *testing.T) {
		w := New(1)
		requireErr(t, w.Unregister(Shell, "nosuch"), Badarg)
	})
	t.Run("C19/process caller crashes with {badarg,Stack}", func(t *testing.T) {
		w := New(1)
		p := spawn(t, w)
		require.NoError(t, w.Unregister(p, "nosuch"))
		requireDead(t, w, p, ErrorReason(Badarg))
	})
	t.Run("C19/second unregister of a freed name is badarg", func(t *testing.T) {
		w := New(1)
		spawnRegistered(t, w, "foo")
		require.NoError(t, w.Unregister(Shell, "foo"))
		requireErr(t, w.Unregister(Shell, "foo"), Badarg)
	})
}
