package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Each planted fault departs from its OTP rule, and only when planted: the
// same actions in a World without it follow the rule. (The oracle tests in
// scenarios/otp show that verify catches each departure on real OTP.)
func TestPlantedFaultsBreakOnlyTheirRule(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fault Fault
		// story runs the actions and returns what the rule decides.
		story     func(t *testing.T, w *World) []string
		rule, bad []string
	}{
		{
			name: "one_for_all restarts every child", fault: FaultOneForAllRestartsOnlyFailed,
			story: func(t *testing.T, w *World) []string {
				startSup(t, w, "top", SupSpec{Flags: sflags(OneForAll, 1, 5), Children: workers("a", "b", "c")})
				m := mark(w)
				exitWith(t, w, "b", Boom)
				return only(story(w, m), "started")
			},
			rule: lines("started top a", "started top b", "started top c"),
			bad:  lines("started top b"),
		},
		{
			name: "exit(P, kill) kills a trapping P with killed", fault: FaultKillTrappable,
			story: func(t *testing.T, w *World) []string {
				p := spawnTrap(t, w, true)
				require.NoError(t, w.SendExit(Shell, p, Kill))
				w.RunInstant()
				return []string{alive(w, p), itoa(len(w.Mailbox(p)))}
			},
			rule: lines("dead", "0"),
			bad:  lines("alive", "1"),
		},
		{
			name: "restarts count within Period seconds", fault: FaultIntensityWindowLonger,
			story: func(t *testing.T, w *World) []string {
				top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 1), Children: workers("a")})
				w.Advance(500 * Millisecond)
				exitWith(t, w, "a", Boom)
				w.Advance(2 * Second)
				exitWith(t, w, "a", Boom)
				return []string{alive(w, top)}
			},
			rule: lines("alive"),
			bad:  lines("dead"),
		},
		{
			name: "a dying process signals its links before its monitors", fault: FaultMonitorsBeforeLinks,
			story: func(t *testing.T, w *World) []string {
				boss := spawnTrap(t, w, true)
				p := spawnLinked(t, w, boss, false)
				monitorPid(t, w, boss, p)
				require.NoError(t, w.Exit(p, Boom))
				w.RunInstant()
				var kinds []string
				for _, m := range mailbox(w, boss) {
					kinds = append(kinds, show(m.(Tuple)[0]))
				}
				return kinds
			},
			rule: lines("'EXIT'", "'DOWN'"),
			bad:  lines("'DOWN'", "'EXIT'"),
		},
		{
			name: "a normal exit leaves a non-trapping linked process alone", fault: FaultNormalExitKillsLinked,
			story: func(t *testing.T, w *World) []string {
				a := spawn(t, w)
				b := spawnLinked(t, w, a, false)
				require.NoError(t, w.Exit(b, Normal))
				w.RunInstant()
				return []string{alive(w, a)}
			},
			rule: lines("alive"),
			bad:  lines("dead"),
		},
		{
			name: "a supervisor stops its children in reverse start order", fault: FaultStopInStartOrder,
			story: func(t *testing.T, w *World) []string {
				top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: workers("a", "b", "c")})
				m := mark(w)
				require.NoError(t, w.Stop(top))
				return only(story(w, m), "exit")
			},
			rule: lines("exit c shutdown", "exit b shutdown", "exit a shutdown", "exit top shutdown"),
			bad:  lines("exit a shutdown", "exit b shutdown", "exit c shutdown", "exit top shutdown"),
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			require.Equal(t, tc.rule, tc.story(t, New(1)), "without the fault, OTP's rule")
			planted := NewWithOptions(1, Options{Faults: tc.fault})
			require.Equal(t, tc.bad, tc.story(t, planted.Clone()), "a clone keeps the fault")
			require.Equal(t, tc.bad, tc.story(t, planted), "with the fault planted")
		})
	}
}

func alive(w *World, p Pid) string {
	if w.Alive(p) {
		return "alive"
	}
	return "dead"
}
