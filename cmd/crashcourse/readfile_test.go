package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
)

// Every command that reads a scenario file refuses one past the limit and
// a device, with a message and exit status 2 (verify only where erl is, as
// it looks for erl first); run also refuses a directory (verify and export
// read the *.scn files in one).
func TestScenarioFilesAreBounded(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.scn")
	f, err := os.Create(big)
	require.NoError(t, err)
	require.NoError(t, f.Truncate(scenarios.MaxFileBytes+1)) // sparse: costs no disk
	require.NoError(t, f.Close())
	limit := write(t, "limit.scn", "spawn a\n")
	require.NoError(t, os.Truncate(limit, scenarios.MaxFileBytes)) // exactly the limit: read
	cases := []struct{ name, file, stderr string }{
		{"larger than the limit", big, "is larger than 16 MiB, the limit for a scenario file"},
		{"a device that never ends", os.DevNull, "is not a regular file"},
	}
	if _, err := os.Stat("/dev/zero"); err == nil {
		cases = append(cases, struct{ name, file, stderr string }{"dev zero", "/dev/zero", "is not a regular file"})
	}
	cmds := [][]string{{"run"}, {"export", "--erlang"}}
	if _, err := exec.LookPath("erl"); err == nil {
		cmds = append(cmds, []string{"verify"})
	}
	for _, tc := range cases {
		for _, cmd := range cmds {
			t.Run(tc.name+"/"+cmd[0], func(t *testing.T) {
				code, _, stderr := call(append(cmd, tc.file)...)
				assert.Equal(t, exitUsage, code)
				assert.Contains(t, stderr, tc.stderr)
			})
		}
	}
	code, _, stderr := call("run", dir) // a directory stands for its *.scn files
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "is larger than 16 MiB, the limit for a scenario file")
	_, err = scenarios.ReadFileLimited(dir, true)
	assert.ErrorContains(t, err, "is a directory, not a scenario file")
	_, err = scenarios.ReadFileLimited(limit, true)
	assert.NoError(t, err, "a file of exactly the limit is read")
}
