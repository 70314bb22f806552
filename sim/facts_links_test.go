package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Section A of otp-facts.md: exit signals and links.

func TestFactA1_ExitNormalFromAnotherProcess(t *testing.T) {
	for _, tc := range []struct {
		name      string
		trap      bool
		fromShell bool
	}{
		{name: "A1/non-trapping target ignores it"},
		{name: "A1/trapping target gets EXIT naming the sender", trap: true},
		{name: "A1/non-trapping target ignores it from the shell", fromShell: true},
		{name: "A1/trapping target gets EXIT from the shell", trap: true, fromShell: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			p := spawnTrap(t, w, tc.trap)
			sender := Shell
			if !tc.fromShell {
				sender = spawn(t, w)
			}
			require.NoError(t, w.SendExit(sender, p, Normal))
			w.RunInstant()

			requireAlive(t, w, p)
			if tc.trap {
				requireMailbox(t, w, p, exitMsg(sender, Normal))
			} else {
				requireMailbox(t, w, p)
			}
			require.Empty(t, w.Links(p), "no link is needed or made")
			if sender != Shell {
				requireAlive(t, w, sender)
				requireMailbox(t, w, sender)
			}
		})
	}
}

func TestFactA2_ExitSignalToSelf(t *testing.T) {
	foo := Atom("foo")
	for _, tc := range []struct {
		name   string
		trap   bool
		reason Term
		dies   Term // nil: survives with {'EXIT', Self, reason} queued
	}{
		{name: "A2/exit(self(),normal) kills a non-trapping caller with normal", reason: Normal, dies: Normal},
		{name: "A2/exit(self(),normal) is an EXIT message to a trapping caller", trap: true, reason: Normal},
		{name: "A2/exit(self(),kill) kills a non-trapping caller with killed", reason: Kill, dies: Killed},
		{name: "A2/exit(self(),kill) kills a trapping caller with killed", trap: true, reason: Kill, dies: Killed},
		{name: "A2/exit(self(),foo) is an EXIT message to a trapping caller", trap: true, reason: foo},
		{name: "A2/exit(self(),foo) kills a non-trapping caller with foo", reason: foo, dies: foo},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			watcher := spawn(t, w)
			p, ref := spawnOpts(t, w, watcher, SpawnOpts{Monitor: true, TrapExit: tc.trap})
			require.NoError(t, w.SendExit(p, p, tc.reason))
			w.RunInstant()

			if tc.dies == nil {
				requireAlive(t, w, p)
				requireMailbox(t, w, p, exitMsg(p, tc.reason))
				requireMailbox(t, w, watcher)
				return
			}
			requireDead(t, w, p, tc.dies)
			requireMailbox(t, w, watcher, downMsg(ref, p, tc.dies))
			// It did not return: the dead caller can do nothing more.
			requireErr(t, w.Send(p, Dest{Pid: watcher}, Atom("survived")), NoProc)
			w.RunInstant()
			requireMailbox(t, w, watcher, downMsg(ref, p, tc.dies))
		})
	}
}

func TestFactA3_LinkedPeerCallsExit(t *testing.T) {
	for _, tc := range []struct {
		name string
		trap bool
	}{
		{name: "A3/non-trapping peer dies with boom"},
		{name: "A3/trapping peer gets EXIT Q boom", trap: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			p := spawnTrap(t, w, tc.trap)
			q := spawnLinked(t, w, p, false)
			require.NoError(t, w.Exit(q, Boom))
			w.RunInstant()

			requireDead(t, w, q, Boom)
			if tc.trap {
				requireAlive(t, w, p)
				requireMailbox(t, w, p, exitMsg(q, Boom))
				require.Empty(t, w.Links(p), "the link is gone with Q")
			} else {
				requireDead(t, w, p, Boom)
			}
		})
	}
}

func TestFactA4_ErrorCrashReasonCarriesStack(t *testing.T) {
	kinds := []struct {
		name  string
		error Term // what erlang:error/throw/badmatch raises
	}{
		{"error(boom)", Boom},
		{"throw(boom)", Tuple{Atom("nocatch"), Boom}},
		{"badmatch", Tuple{Atom("badmatch"), Int(2)}},
	}
	for _, k := range kinds {
		for _, trap := range []bool{false, true} {
			name := "A4/" + k.name + "/non-trapping peer dies with {R,Stack}"
			if trap {
				name = "A4/" + k.name + "/trapping peer gets EXIT Q {R,Stack}"
			}
			t.Run(name, func(t *testing.T) {
				w := New(1)
				p := spawnTrap(t, w, trap)
				q := spawnLinked(t, w, p, false)
				require.NoError(t, w.Crash(q, k.error), "a crash is not an error of the command")
				w.RunInstant()

				want := Tuple{k.error, Stack{}}
				requireDead(t, w, q, want)
				got, _ := w.ExitReason(q)
				require.False(t, Equal(k.error, got), "the reason is not the bare error term")
				if trap {
					requireAlive(t, w, p)
					requireMailbox(t, w, p, exitMsg(q, want))
				} else {
					requireDead(t, w, p, want)
				}
			})
		}
	}
}

func TestFactA5_KillIsUntrappable(t *testing.T) {
	for _, tc := range []struct {
		name              string
		qTraps, peerTraps bool
		fromShell         bool
	}{
		{name: "A5/Q not trapping, peer not trapping"},
		{name: "A5/Q trapping, peer not trapping", qTraps: true},
		{name: "A5/Q not trapping, peer trapping", peerTraps: true},
		{name: "A5/Q trapping, peer trapping", qTraps: true, peerTraps: true},
		{name: "A5/Q trapping, killed by the shell", qTraps: true, peerTraps: true, fromShell: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			peer := spawnTrap(t, w, tc.peerTraps)
			q := spawnLinked(t, w, peer, tc.qTraps)
			watcher := spawn(t, w)
			ref := monitorPid(t, w, watcher, q)
			killer := Shell
			if !tc.fromShell {
				killer = spawn(t, w)
			}
			require.NoError(t, w.SendExit(killer, q, Kill))
			w.RunInstant()

			requireDead(t, w, q, Killed)
			requireMailbox(t, w, q)
			if tc.peerTraps {
				requireAlive(t, w, peer)
				requireMailbox(t, w, peer, exitMsg(q, Killed))
			} else {
				requireDead(t, w, peer, Killed)
			}
			requireMailbox(t, w, watcher, downMsg(ref, q, Killed))
			if killer != Shell {
				requireAlive(t, w, killer)
			}
		})
	}
}

func TestFactA6_ExitKillViaExit1IsTrappable(t *testing.T) {
	for _, tc := range []struct {
		name      string
		reason    Atom
		qTraps    bool
		peerTraps bool
	}{
		{name: "A6/exit(kill): non-trapping peer dies with kill", reason: Kill},
		{name: "A6/exit(kill): trapping peer gets EXIT Q kill and survives", reason: Kill, peerTraps: true},
		{name: "A6/exit(kill) by a trapping Q: peer still dies with kill", reason: Kill, qTraps: true},
		{name: "A6/exit(killed): non-trapping peer dies with killed", reason: Killed},
		{name: "A6/exit(killed): trapping peer gets EXIT Q killed", reason: Killed, peerTraps: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			peer := spawnTrap(t, w, tc.peerTraps)
			q := spawnLinked(t, w, peer, tc.qTraps)
			watcher := spawn(t, w)
			ref := monitorPid(t, w, watcher, q)
			require.NoError(t, w.Exit(q, tc.reason))
			w.RunInstant()

			requireDead(t, w, q, tc.reason)
			requireMailbox(t, w, watcher, downMsg(ref, q, tc.reason))
			if tc.peerTraps {
				requireAlive(t, w, peer)
				requireMailbox(t, w, peer, exitMsg(q, tc.reason))
			} else {
				requireDead(t, w, peer, tc.reason)
			}
		})
	}
}

func TestFactA6_KillPropagatesAsKillInChain(t *testing.T) {
	// A12c: in a chain with nobody trapping, exit(kill) propagates as kill.
	w := New(1)
	a := spawn(t, w)
	b := spawnLinked(t, w, a, false)
	c := spawnLinked(t, w, b, false)
	require.NoError(t, w.Exit(c, Kill))
	w.RunInstant()
	for _, p := range []Pid{c, b, a} {
		requireDead(t, w, p, Kill)
	}
	require.Equal(t, []Pid{c, b, a}, exitOrder(w))
}

func TestFactA7_NormalExitAndShutdown(t *testing.T) {
	for _, tc := range []struct {
		name      string
		reason    Atom
		peerTraps bool
		peerDies  bool
	}{
		{name: "A7/exit(normal): non-trapping peer unaffected", reason: Normal},
		{name: "A7/exit(normal): trapping peer gets EXIT Q normal", reason: Normal, peerTraps: true},
		{name: "A7/exit(shutdown): non-trapping peer dies with shutdown", reason: Shutdown, peerDies: true},
		{name: "A7/exit(shutdown): trapping peer gets EXIT Q shutdown", reason: Shutdown, peerTraps: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			peer := spawnTrap(t, w, tc.peerTraps)
			q := spawnLinked(t, w, peer, false)
			require.NoError(t, w.Exit(q, tc.reason))
			w.RunInstant()

			requireDead(t, w, q, tc.reason)
			switch {
			case tc.peerDies:
				requireDead(t, w, peer, tc.reason)
			case tc.peerTraps:
				requireAlive(t, w, peer)
				requireMailbox(t, w, peer, exitMsg(q, tc.reason))
			default:
				requireAlive(t, w, peer)
				requireMailbox(t, w, peer)
				require.Empty(t, w.Links(peer), "the dead peer's link is dropped")
			}
		})
	}
}

func TestFactA8_LinkEdgeCases(t *testing.T) {
	t.Run("A8/link to a dead pid crashes a non-trapping caller with {noproc,Stack}", func(t *testing.T) {
		w := New(1)
		dead := spawn(t, w)
		require.NoError(t, w.Exit(dead, Normal))
		w.RunInstant()
		p := spawn(t, w)
		peer := spawnLinked(t, w, p, true) // watches p die
		before := w.TraceLen()

		require.NoError(t, w.Link(p, dead), "a process that raises crashes; the call does not fail")
		w.RunInstant()

		requireDead(t, w, p, ErrorReason(NoProc))
		requireMailbox(t, w, peer, exitMsg(p, ErrorReason(NoProc)))
		for s := Seq(before + 1); int(s) <= w.TraceLen(); s++ {
			e := w.Entry(s)
			require.NotEqual(t, KindLink, e.Kind, "no link is recorded")
			require.NotEqual(t, dead, e.Pid, "no signal reaches the dead pid: %v", e)
		}
	})
	t.Run("A8/link to a dead pid by a trapping caller returns and queues EXIT noproc", func(t *testing.T) {
		w := New(1)
		dead := spawn(t, w)
		require.NoError(t, w.Exit(dead, Boom))
		w.RunInstant()
		p := spawnTrap(t, w, true)

		require.NoError(t, w.Link(p, dead))
		w.RunInstant()

		requireAlive(t, w, p)
		requireMailbox(t, w, p, exitMsg(dead, NoProc))
		require.Empty(t, w.Links(p))
	})
	t.Run("A8/link(self()) does nothing", func(t *testing.T) {
		w := New(1)
		p := spawn(t, w)
		require.NoError(t, w.Link(p, p))
		w.RunInstant()
		require.Empty(t, w.Links(p))
		requireAlive(t, w, p)
		requireMailbox(t, w, p)
	})
	t.Run("A8/links are bidirectional", func(t *testing.T) {
		w := New(1)
		p, q := spawn(t, w), spawn(t, w)
		require.NoError(t, w.Link(p, q))
		require.Equal(t, []Pid{q}, w.Links(p))
		require.Equal(t, []Pid{p}, w.Links(q))
	})
	for _, trap := range []bool{false, true} {
		name := "A8/links are not counted: one unlink undoes two links (non-trapping)"
		if trap {
			name = "A8/links are not counted: one unlink undoes two links (trapping)"
		}
		t.Run(name, func(t *testing.T) {
			w := New(1)
			p := spawnTrap(t, w, trap)
			q := spawn(t, w)
			require.NoError(t, w.Link(p, q))
			require.NoError(t, w.Link(p, q))
			require.Equal(t, []Pid{q}, w.Links(p))
			require.Equal(t, []Pid{p}, w.Links(q))
			require.NoError(t, w.Unlink(p, q))
			require.Empty(t, w.Links(p))
			require.Empty(t, w.Links(q))

			require.NoError(t, w.Exit(q, Boom))
			w.RunInstant()
			requireAlive(t, w, p)
			requireMailbox(t, w, p)
		})
	}
}

func TestFactA9_UnlinkWhileTrapping(t *testing.T) {
	t.Run("A9/unlink does not remove an EXIT already queued", func(t *testing.T) {
		w := New(1)
		p := spawnTrap(t, w, true)
		q := spawnLinked(t, w, p, false)
		require.NoError(t, w.Send(Shell, Dest{Pid: p}, Atom("before")))
		require.NoError(t, w.Exit(q, Boom))
		w.RunInstant()
		requireMailbox(t, w, p, Atom("before"), exitMsg(q, Boom))

		require.NoError(t, w.Unlink(p, q))
		w.RunInstant()
		requireMailbox(t, w, p, Atom("before"), exitMsg(q, Boom))
	})
	t.Run("A9/unlink before Q dies: no EXIT arrives", func(t *testing.T) {
		w := New(1)
		p := spawnTrap(t, w, true)
		q := spawnLinked(t, w, p, false)
		require.NoError(t, w.Unlink(p, q))
		require.NoError(t, w.Exit(q, Boom))
		w.RunInstant()
		requireAlive(t, w, p)
		requireMailbox(t, w, p)
	})
	t.Run("A9/unlink after Q died but before its signal arrived: no EXIT (unlink/1 docs)", func(t *testing.T) {
		w := New(1)
		p := spawnTrap(t, w, false)
		q := spawnLinked(t, w, p, false)
		require.NoError(t, w.Exit(q, Boom)) // the link signal is on its way
		require.NoError(t, w.Unlink(p, q))
		w.RunInstant()
		requireAlive(t, w, p)
		requireMailbox(t, w, p)
	})
}

func TestFactA10_SpawnLinkChildExitsAtOnce(t *testing.T) {
	foo := Atom("foo")
	for _, tc := range []struct {
		name string
		trap bool
	}{
		{name: "A10/non-trapping parent dies with foo"},
		{name: "A10/trapping parent gets EXIT Child foo", trap: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			parent := spawnTrap(t, w, tc.trap)
			child := spawnLinked(t, w, parent, false)
			require.NoError(t, w.Exit(child, foo))
			w.RunInstant()

			requireDead(t, w, child, foo)
			if tc.trap {
				requireAlive(t, w, parent)
				requireMailbox(t, w, parent, exitMsg(child, foo))
			} else {
				requireDead(t, w, parent, foo)
			}
		})
	}
}

// chain builds A–B–C: A spawn_links B, B spawn_links C, and an observer
// monitors all three (refs in order a, b, c).
func chain(t *testing.T, w *World, bTraps bool) (a, b, c, obs Pid, refs []Ref) {
	t.Helper()
	a = spawn(t, w)
	b = spawnLinked(t, w, a, bTraps)
	c = spawnLinked(t, w, b, false)
	obs = spawn(t, w)
	for _, p := range []Pid{a, b, c} {
		refs = append(refs, monitorPid(t, w, obs, p))
	}
	return a, b, c, obs, refs
}

func TestFactA11_ChainExit(t *testing.T) {
	t.Run("A11/nobody traps: C, B, A die with boom in that order", func(t *testing.T) {
		w := New(1)
		a, b, c, obs, refs := chain(t, w, false)
		require.NoError(t, w.Exit(c, Boom))
		w.RunInstant()

		for _, p := range []Pid{a, b, c} {
			requireDead(t, w, p, Boom)
		}
		require.Equal(t, []Pid{c, b, a}, exitOrder(w))
		requireMailbox(t, w, obs,
			downMsg(refs[2], c, Boom), downMsg(refs[1], b, Boom), downMsg(refs[0], a, Boom))
	})
	t.Run("A11/B traps: B gets EXIT C boom and A is unaffected", func(t *testing.T) {
		w := New(1)
		a, b, c, obs, refs := chain(t, w, true)
		require.NoError(t, w.Exit(c, Boom))
		w.RunInstant()

		requireDead(t, w, c, Boom)
		requireAlive(t, w, b)
		requireAlive(t, w, a)
		requireMailbox(t, w, b, exitMsg(c, Boom))
		requireMailbox(t, w, a)
		require.Equal(t, []Pid{b}, w.Links(a), "the A–B link is intact")
		requireMailbox(t, w, obs, downMsg(refs[2], c, Boom))
	})
}

func TestFactA12_ChainKill(t *testing.T) {
	t.Run("A12/B traps: B gets EXIT C killed and A survives", func(t *testing.T) {
		w := New(1)
		a, b, c, _, _ := chain(t, w, true)
		x := spawn(t, w)
		require.NoError(t, w.SendExit(x, c, Kill))
		w.RunInstant()

		requireDead(t, w, c, Killed)
		requireAlive(t, w, b)
		requireAlive(t, w, a)
		requireMailbox(t, w, b, exitMsg(c, Killed))
		requireMailbox(t, w, a)
	})
	t.Run("A12/nobody traps: all die with killed, C then B then A", func(t *testing.T) {
		w := New(1)
		a, b, c, obs, refs := chain(t, w, false)
		x := spawn(t, w)
		require.NoError(t, w.SendExit(x, c, Kill))
		w.RunInstant()

		for _, p := range []Pid{a, b, c} {
			requireDead(t, w, p, Killed)
		}
		require.Equal(t, []Pid{c, b, a}, exitOrder(w))
		requireMailbox(t, w, obs,
			downMsg(refs[2], c, Killed), downMsg(refs[1], b, Killed), downMsg(refs[0], a, Killed))
		requireAlive(t, w, x)
	})
}
