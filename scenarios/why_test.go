package scenarios

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// whyOf runs src in a fresh session and returns what its last command,
// a `why`, printed.
func whyOf(t *testing.T, src string) string {
	t.Helper()
	rs := execAll(t, NewSession(0), src)
	last := rs[len(rs)-1]
	require.Nil(t, last.Err)
	return strings.Join(last.Lines, "\n")
}

// why on a process stopped by a supervisor that reached its intensity
// names reached_max_restart_intensity and each exit whose restart counted
// in the window, with its time; an exit outside the window is left out.
func TestWhyAfterIntensityShutdownTellsTheRestartsThatCounted(t *testing.T) {
	out := whyOf(t, "sup top intensity=2 period=1 { worker a; worker b }\na: crash old\nadvance 3s\na: crash one\nadvance 500ms\na: crash two\nadvance 700ms\na: crash three\nwhy b")
	require.Contains(t, out, "top gave up: intensity=2 period=1 allows 2 restarts in its window, and 2 already counted")
	require.Contains(t, out, "(stamped in whole seconds: 3, 3; at second 4 the window counts stamps >= 4-1):")
	require.Contains(t, out, "3s      #")
	require.Contains(t, out, "exits with reason {one,[...]}")
	require.Contains(t, out, "3.5s    #")
	require.Contains(t, out, "exits with reason {two,[...]}")
	require.Contains(t, out, "reached_max_restart_intensity after a exited")
	require.Contains(t, out, "exits with reason {three,[...]}")
	require.NotContains(t, out, "{old,[...]}", "the restart at second 0 left the window")
	lines := strings.Split(out, "\n")
	require.Contains(t, lines[len(lines)-1], "b          exits with reason shutdown", "the story ends with b's end")
}

// why on a restarted name says its latest incarnation is alive and offers
// the previous incarnation's story by its pid.
func TestWhyOnRestartedNameOffersThePreviousIncarnation(t *testing.T) {
	out := whyOf(t, "sup top { worker w }\nw: crash oops\nwhy w")
	require.Equal(t, "w is alive: <0.102.0> is its latest incarnation\n"+
		"its previous incarnation <0.101.0> exited with reason {oops,[...]}: `why <0.101.0>` tells why", out)
	require.Equal(t, "w is alive", whyOf(t, "spawn w\nwhy w"), "a first incarnation has nothing to offer")
}

// A crash raised inside a process says why in words on its event line.
func TestCrashRaisedInsideAProcessSaysWhyInWords(t *testing.T) {
	require.Contains(t, whyOf(t, "spawn client\nclient: send @db hi\nwhy client"),
		"client     exits with reason {badarg,[...]}: send to @db, and no process is registered as db")
	require.Contains(t, whyOf(t, "spawn g\nspawn l\nkill g\nl: link g\nwhy l"),
		"l          exits with reason {noproc,[...]}: link to g, and g is dead")
}

// A view too narrow for the whole story says in one line why a supervisor
// gave up, with the times of the restarts that counted.
func TestGaveUpSummarySaysWhichRestartsCounted(t *testing.T) {
	s := NewSession(0)
	execAll(t, s, "sup top intensity=2 period=5 { worker a }\na: crash\nadvance 1s\na: crash\na: crash")
	top, _ := s.World().Lookup("top")
	st := s.World().Story(top)
	require.Len(t, st.GaveUp, 1)
	require.Equal(t, "top gave up: intensity=2 period=5, and 2 restarts had counted (at 0s, 1s)", GaveUpSummary(s.World(), st.GaveUp[0]))
	s = NewSession(0)
	execAll(t, s, "sup z intensity=0 { worker a }\na: crash")
	z, _ := s.World().Lookup("z")
	require.Equal(t, "z gave up: intensity=0 period=5, so no restart at all", GaveUpSummary(s.World(), s.World().Story(z).GaveUp[0]))
}

// A supervisor that counted many restarts (a storm under a high
// intensity) has its story told by the first few: why stays a few lines,
// not one per restart.
func TestWhyOfAStormListsTheFirstRestartsOnly(t *testing.T) {
	out := whyOf(t, "sup top intensity=5000 period=1 { worker db init=ok,crash:bad }\ndb: crash boom\nwhy top")
	require.Contains(t, out, "and 5000 already counted")
	require.Contains(t, out, ", … (4990 more); at second 0")
	require.Contains(t, out, "… and 4990 more restarts like these")
	require.Less(t, len(strings.Split(out, "\n")), 40, out)
	require.Less(t, len(out), 8000)
}
