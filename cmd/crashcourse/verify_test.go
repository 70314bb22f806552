package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios/otp"
)

// needErl skips a test that runs the real runtime when erl is missing,
// except under CI (CI=true), where that must fail.
func needErl(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("erl"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("erl is not on PATH and CI=true. %s", otp.InstallHint)
		}
		t.Skip("skipped: erl is not on PATH. " + otp.InstallHint)
	}
}

func TestVerifyWithoutErlang(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	f := write(t, "a.scn", "spawn a\nexpect alive a\n")
	code, _, stderr := call("verify", f)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "apt-get install -y erlang-nox")
}

func TestVerifyExitStatus(t *testing.T) {
	needErl(t)
	good := write(t, "good.scn", "spawn a\na: spawn_link b\nb: exit boom\nexpect dead a reason=boom\n")
	wrong := write(t, "wrong.scn", "spawn a\na: spawn_link b\nb: exit boom\nexpect alive a\n")
	untranslatable := write(t, "step.scn", "spawn a\nstep 2\nexpect alive a\n")
	bad := write(t, "bad.scn", "spwan a\n")

	code, out, _ := call("verify", good)
	assert.Equal(t, exitOK, code, out)
	assert.True(t, strings.HasSuffix(out, " agree, 0 differ, 0 fail on both\n"), out)

	code, out, _ = call("verify", wrong)
	assert.Equal(t, exitFailed, code, out)
	assert.Contains(t, out, "FAIL   "+wrong+":4 expect alive a on both: dead with reason boom")
	assert.True(t, strings.HasSuffix(out, " agree, 0 differ, 1 fail on both\n"), out)

	code, out, _ = call("verify", "--runs", "2", good)
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "note: OTP ran the scenario 2 times")

	code, _, stderr := call("verify", "--runs", "0", good)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--runs takes a number of runs")

	code, _, stderr = call("verify", untranslatable)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, untranslatable+":2:1: step runs single events")

	code, _, stderr = call("verify", bad)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "unknown verb")

	code, _, stderr = call("verify")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "want at least one scenario file")
}

func TestVerifyManyFilesAndKeep(t *testing.T) {
	needErl(t)
	dir := t.TempDir()
	for _, n := range []string{"one", "two"} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, n+".scn"), []byte("spawn "+n+"\nexpect alive "+n+"\n"), 0o644))
	}
	code, out, _ := call("verify", "-q", dir)
	assert.Equal(t, exitOK, code, out)
	assert.Contains(t, out, "== "+filepath.Join(dir, "one.scn")+"\n")
	assert.Contains(t, out, "== "+filepath.Join(dir, "two.scn")+"\n")

	keep := t.TempDir()
	code, _, _ = call("verify", "--keep", keep, filepath.Join(dir, "one.scn"))
	assert.Equal(t, exitOK, code)
	for _, f := range []string{"scenario.terms", "observed.terms", "cc_driver.erl", "cc_worker.erl", "cc_sup.erl"} {
		assert.FileExists(t, filepath.Join(keep, f))
	}
}
