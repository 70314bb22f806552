package main

import (
	"bufio"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestVerifyRefusesALongRunWithTheEstimate(t *testing.T) {
	needErl(t)
	long := write(t, "long.scn", "sup s intensity=3 period=1 {\n  worker w\n}\nw: crash\nadvance 1h\nw: crash\n")
	code, out, stderr := call("verify", long)
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "the run needs about 1h0m1s of real time")
	assert.Contains(t, stderr, "more than the 2m0s allowed; --max-real 1h1m0s runs it")

	code, _, stderr = call("verify", "--max-real", "0", long)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "--max-real wants a positive duration")
}

// SIGTERM or SIGINT to a running `crashcourse verify` stops the Erlang VM
// and removes the temporary files before it exits with 128+N. The report
// streams: the first expectation's line comes while the run goes on.
func TestVerifyStopsTheRuntimeOnSignals(t *testing.T) {
	needErl(t)
	if _, err := os.Stat("/proc/self/stat"); err != nil {
		t.Skip("skipped: finding the VM needs /proc")
	}
	bin := filepath.Join(t.TempDir(), "crashcourse")
	build := exec.Command("go", "build", "-o", bin, ".")
	out, err := build.CombinedOutput()
	require.NoError(t, err, string(out))
	long := write(t, "long.scn", "spawn a\nexpect alive a\nadvance 60s\nexpect alive a\n")
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			tmp := t.TempDir()
			cmd := exec.Command(bin, "verify", "--scale", "1", long)
			cmd.Env = append(os.Environ(), "TMPDIR="+tmp)
			var stderr strings.Builder
			cmd.Stderr = &stderr
			stdout, err := cmd.StdoutPipe()
			require.NoError(t, err)
			require.NoError(t, cmd.Start())
			beam := waitForChild(t, cmd.Process.Pid, "beam.smp")
			lines := bufio.NewReader(stdout)
			first, err := lines.ReadString('\n')
			for err == nil && strings.HasPrefix(first, "note: ") {
				first, err = lines.ReadString('\n')
			}
			require.NoError(t, err)
			assert.Contains(t, first, "AGREE  "+long+":2 expect alive a")
			require.NoError(t, cmd.Process.Signal(sig))
			err = cmd.Wait()
			var exit *exec.ExitError
			require.ErrorAs(t, err, &exit, stderr.String())
			assert.Equal(t, 128+int(sig), exit.ExitCode(), stderr.String())
			assert.False(t, alive(beam), "beam.smp (pid %d) outlived crashcourse", beam)
			left, err := os.ReadDir(tmp)
			require.NoError(t, err)
			assert.Empty(t, left, "temporary files left behind")
		})
	}
}

// waitForChild waits until the process parent has a child running the
// command comm and returns its pid.
func waitForChild(t *testing.T, parent int, comm string) int {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir("/proc")
		for _, e := range entries {
			pid, err := strconv.Atoi(e.Name())
			if err != nil {
				continue
			}
			name, ppid, ok := procStat(pid)
			if ok && ppid == parent && name == comm {
				return pid
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no %s child of %d appeared", comm, parent)
	return 0
}

// procStat reads a process's command name and parent from /proc.
func procStat(pid int) (string, int, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return "", 0, false
	}
	s := string(b)
	open, end := strings.IndexByte(s, '('), strings.LastIndexByte(s, ')')
	if open < 0 || end < open {
		return "", 0, false
	}
	fields := strings.Fields(s[end+1:])
	if len(fields) < 2 {
		return "", 0, false
	}
	ppid, err := strconv.Atoi(fields[1])
	return s[open+1 : end], ppid, err == nil
}

// alive reports whether pid is a running process (not gone, not a zombie).
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	s := string(b)
	fields := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	return len(fields) > 0 && fields[0] != "Z"
}
