package otp

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// The hostile corpus: testdata/hostile/*.scn try to reach the node's
// system processes (rex runs os:cmd, file_server_2 writes files), to forge
// the driver's requests and placeholders, and send Latin-1 atoms. CANARY
// stands for a path that must never appear. Each must verify with every
// point agreeing: the simulator has no system processes, and the real
// runtime must not show them either.
func TestHostileScenariosRunNothingButTheScenario(t *testing.T) {
	rt := requireErlang(t)
	files, err := filepath.Glob(filepath.Join("testdata", "hostile", "*.scn"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			canary := filepath.Join(t.TempDir(), "canary")
			src := withCanary(t, f, canary)
			var out strings.Builder
			rep, err := Verify(context.Background(), rt, f, src, Options{}, &out)
			require.NoError(t, err, out.String())
			assert.Zero(t, rep.Differ, out.String())
			assert.NoFileExists(t, canary, "the scenario reached a system process")
			assert.NoDirExists(t, canary, "the scenario reached a system process")
		})
	}
}

func withCanary(t *testing.T, file, canary string) []byte {
	t.Helper()
	src, err := os.ReadFile(file)
	require.NoError(t, err)
	return []byte(strings.ReplaceAll(string(src), "CANARY", canary))
}

// The corpus's payloads are live: sent to the node's own rex and
// file_server_2, as verify once did, they create the canary. Without this
// the corpus could pass by payloads that do nothing.
func TestHostilePayloadsWorkOnTheNodesOwnNames(t *testing.T) {
	requireErlang(t)
	dir := t.TempDir()
	rex, dirCanary, fileCanary := filepath.Join(dir, "rex"), filepath.Join(dir, "dir"), filepath.Join(dir, "file")
	script := `rex ! {'$gen_cast', {cast, os, cmd, ["touch ` + rex + `"], self()}},
file_server_2 ! {'$gen_call', {self(), t}, {make_dir, "` + dirCanary + `"}},
file_server_2 ! {'$gen_call', {self(), t}, {write_file, "` + fileCanary + `", "x"}},
receive after 500 -> halt() end.`
	out, err := exec.Command("erl", "-noshell", "-eval", script).CombinedOutput()
	require.NoError(t, err, string(out))
	assert.FileExists(t, rex)
	assert.DirExists(t, dirCanary)
	assert.FileExists(t, fileCanary)
}

// A file name is data: a newline in it cannot end the comment it is in and
// smuggle a command into the translated program.
func TestFileNameCannotSmuggleTerms(t *testing.T) {
	name := "x.scn\n{cmd, 0, zero, {act, shell, {spawn, smuggled, plain, false}}}.\n%% \r\u2028y"
	src := []byte("spawn a\n# a comment\nexpect alive a\n")
	cmds, err := scenarios.Parse(name, src)
	require.NoError(t, err)
	tr, err := translate(name, src, cmds, 0, sim.Options{})
	require.NoError(t, err)
	tr.chooseScale(Options{})
	terms := 0
	for _, line := range strings.Split(strings.TrimSuffix(tr.program(), "\n"), "\n") {
		if !strings.HasPrefix(line, "%% ") {
			terms++
		}
		assert.NotContains(t, line, "\r")
	}
	assert.Equal(t, 1+len(tr.steps), terms, "the config and one term per command, nothing else:\n%s", tr.program())

	rt := requireErlang(t)
	var out strings.Builder
	rep, err := Verify(context.Background(), rt, name, src, Options{}, &out)
	require.NoError(t, err)
	assert.Zero(t, rep.Differ, out.String())
	for _, p := range rep.Points {
		assert.NotEqual(t, "outcome of smuggled", p.What, "the smuggled spawn ran")
	}
}
