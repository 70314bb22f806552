package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Real OTP 25 behaviour that the kernel does not reproduce yet. Each test
// asserts what OTP does (checked with escript on OTP 25.2.3 on this machine)
// and is skipped unless SIM_KNOWN_DEVIATIONS=1; see knownDeviation.

// ghost is a pid no world in these tests ever spawns, like <0.9999.0>.
const ghost Pid = 9999

func TestDeviationA8_LinkToNeverExistingPid(t *testing.T) {
	knownDeviation(t, "a pid that never existed is refused with *Error{noproc} instead of acting as a dead pid")
	t.Run("A8/non-trapping caller crashes with {noproc,Stack}", func(t *testing.T) {
		w := New(1)
		p := spawn(t, w)
		require.NoError(t, w.Link(p, ghost))
		w.RunInstant()
		requireDead(t, w, p, ErrorReason(NoProc))
	})
	t.Run("A8/trapping caller gets EXIT ghost noproc", func(t *testing.T) {
		w := New(1)
		p := spawnTrap(t, w, true)
		require.NoError(t, w.Link(p, ghost))
		w.RunInstant()
		requireAlive(t, w, p)
		requireMailbox(t, w, p, exitMsg(ghost, NoProc))
	})
}

func TestDeviationB13_MonitorNeverExistingPid(t *testing.T) {
	knownDeviation(t, "a pid that never existed is refused with *Error{noproc} instead of acting as a dead pid")
	w := New(1)
	p := spawn(t, w)
	ref, err := w.Monitor(p, Dest{Pid: ghost})
	require.NoError(t, err)
	w.RunInstant()
	requireMailbox(t, w, p, downMsg(ref, ghost, NoProc))
}

func TestDeviationC18_SendExitUnlinkToNeverExistingPid(t *testing.T) {
	knownDeviation(t, "a pid that never existed is refused with *Error{noproc} instead of acting as a dead pid")
	// OTP 25: Ghost ! hi returns hi, exit(Ghost, kill) and unlink(Ghost)
	// return true; nothing raises.
	w := New(1)
	p := spawn(t, w)
	require.NoError(t, w.Send(p, Dest{Pid: ghost}, Atom("hi")))
	require.NoError(t, w.SendExit(p, ghost, Kill))
	require.NoError(t, w.Unlink(p, ghost))
	require.NoError(t, w.Send(Shell, Dest{Pid: ghost}, Atom("hi")))
	w.RunInstant()
	requireAlive(t, w, p)
}

func TestDeviationX1_LinkAfterExitSignalFromSameSender(t *testing.T) {
	knownDeviation(t, "Link is established at once, although OTP delivers the link request after the sender's earlier exit signal")
	// S does B!m1, exit(B,boom), link(B): B dies of boom before the link
	// request reaches it, so S gets noproc, not boom.
	for _, tc := range []struct {
		name string
		trap bool
	}{
		{name: "X1/non-trapping S dies with noproc"},
		{name: "X1/trapping S gets EXIT B noproc", trap: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			b := spawn(t, w)
			s := spawnTrap(t, w, tc.trap)
			require.NoError(t, w.Send(s, Dest{Pid: b}, Atom("m1")))
			require.NoError(t, w.SendExit(s, b, Boom))
			require.NoError(t, w.Link(s, b))
			w.RunInstant()
			requireDead(t, w, b, Boom)
			if tc.trap {
				requireAlive(t, w, s)
				requireMailbox(t, w, s, exitMsg(b, NoProc))
			} else {
				requireDead(t, w, s, NoProc)
			}
		})
	}
}
