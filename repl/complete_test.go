package repl

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

func doComplete(sh *shell, line string) ([]string, int) {
	got, n := completer{sh}.Do([]rune(line), len([]rune(line)))
	out := make([]string, len(got))
	for i, g := range got {
		out[i] = string(g)
	}
	return out, n
}

// The readline adapter returns the suffixes of the candidates, from the
// session's processes, registered names and refs: every verb at the start
// of a line, live processes only for kill and as actors.
func TestCompleterDo(t *testing.T) {
	s := newSession(false, false)
	s.feedAll("spawn alpha\nspawn beta\nregister db beta\nalpha: monitor beta\nalpha: send_after 1s beta x\nalpha: send_after 1ms beta y\nadvance 2ms\n" +
		"spawn gone\nkill gone\n")
	tests := []struct {
		line string
		want []string
		n    int
	}{
		{"a: spawn_l", []string{"ink "}, 7},
		{"kill ", []string{"alpha ", "beta "}, 0}, // gone is dead
		{"kill g", []string{}, 1},
		{"alpha: link g", []string{"one "}, 1},
		{"g", []string{}, 1},
		{"al", []string{"pha: "}, 2},
		{"spawn_", []string{"link ", "monitor "}, 6},
		{"tra", []string{"ce ", "p_exit "}, 3},
		{"send @", []string{"db "}, 1},
		{"alpha: demonitor ", []string{"#Ref<1> "}, 0},
		{"alpha: cancel_timer #R", []string{"ef<2> "}, 2}, // #Ref<3> has fired
		{"sup s auto_shutdown=a", []string{"ny_significant ", "ll_significant "}, 15},
		{"load builtin:li", []string{"nks "}, 10},
		{"help sa", []string{"ve ", "ve! "}, 2},
	}
	for _, tt := range tests {
		got, n := doComplete(s.sh, tt.line)
		require.Equal(t, tt.want, got, tt.line)
		require.Equal(t, tt.n, n, tt.line)
	}
	// Inside an open sup body, lines are children.
	s.sh.feed("sup s {")
	got, _ := doComplete(s.sh, "  w")
	require.Equal(t, []string{"orker "}, got)
	got, _ = doComplete(s.sh, "worker x restart=p")
	require.Equal(t, []string{"ermanent "}, got)
}

// Process names are gathered incrementally and capped per Tab.
func TestCompleterManyProcesses(t *testing.T) {
	s := newSession(false, false)
	for i := range maxCandidates + 10 {
		s.sh.feed("spawn p" + itoa(i))
	}
	got, _ := doComplete(s.sh, "kill p")
	require.Len(t, got, maxCandidates)
	s.sh.feed("spawn zed")
	got, _ = doComplete(s.sh, "kill z")
	require.Equal(t, []string{"ed "}, got)
}

func TestFileCandidates(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "trio.scn"), nil, 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644))
	require.NoError(t, os.Mkdir(filepath.Join(dir, "lessons"), 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".hidden.scn"), nil, 0o644))
	got := fileCandidates(dir+"/", false)
	require.ElementsMatch(t, []string{dir + "/trio.scn ", dir + "/lessons/"}, got)
	require.Equal(t, []string{"builtin:tour "}, fileCandidates("builtin:to", true))
	require.Empty(t, fileCandidates(filepath.Join(dir, "missing", "x"), false))
}
