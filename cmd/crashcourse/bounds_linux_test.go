//go:build linux

package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// Every input is bounded: each test runs crashcourse as a child process on
// a hostile file and holds it to a ceiling on its peak memory (its maximum
// resident set, which the kernel measures for us).

const boundsChildEnv = "CRASHCOURSE_BOUNDS_CHILD"

// TestBoundsChild is `crashcourse ARGS...` when a test below starts this
// test binary with ARGS after --; otherwise it does nothing.
func TestBoundsChild(t *testing.T) {
	if os.Getenv(boundsChildEnv) != "1" {
		t.Skip("run by the bounds tests")
	}
	os.Exit(run(flag.Args(), os.Stdin, os.Stdout, os.Stderr))
}

// child is crashcourse ARGS run as a process, its input stdin.
func child(t *testing.T, stdin string, args ...string) *exec.Cmd {
	home := t.TempDir()
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^TestBoundsChild$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), boundsChildEnv+"=1", "HOME="+home, "XDG_STATE_HOME="+home, "XDG_CONFIG_HOME="+home)
	cmd.Stdin = strings.NewReader(stdin)
	return cmd
}

// peakRSS is the most memory the finished process held, in bytes.
func peakRSS(cmd *exec.Cmd) int64 {
	return cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss << 10 // Linux counts KiB
}

func TestBoundsHoldUnderAMemoryCeiling(t *testing.T) {
	const mib = 1 << 20
	advances := strings.Repeat("advance 876000h\n", 3000)
	for _, tc := range []struct {
		name, src, stdin string
		args             []string
		code             int
		want             string // in stdout and stderr
		ceiling          int64
		slow             bool
	}{
		{name: "a restart storm in one instant stops at the event bound",
			src:  "sup s intensity=1000000000 period=1 { worker w init=ok,crash:bad }\nw: crash boom\nexpect alive s\n",
			args: []string{"run", "FILE"}, code: exitOK, want: "FILE:2:1: note: stopped at the safety bound of 10000000 events",
			ceiling: 3 << 30, slow: true},
		{name: "count past the process limit, run",
			src:  "sup s {\n  worker w count=9223372036854775807\n}\n",
			args: []string{"run", "FILE"}, code: exitUsage, want: "FILE:2:18: count=9223372036854775807 is more than the process limit of 10000000\n  worker w count=9223372036854775807\n                 ^",
			ceiling: 100 * mib},
		{name: "count past the process limit, export",
			src:  "sup s { worker w count=100000000 }\n",
			args: []string{"export", "FILE", "--erlang"}, code: exitUsage, want: "FILE:1:24: count=100000000 is more than the process limit of 10000000",
			ceiling: 100 * mib},
		{name: "count past the process limit, the REPL goes on",
			stdin: "sup s { worker w count=100000000 }\nspawn a\nexpect alive a\n",
			args:  []string{"repl", "-q"}, code: exitUsage, want: "PASS <stdin>:3 expect alive a",
			ceiling: 100 * mib},
		{name: "the clock stops at its maximum",
			src:  "spawn a\na: send_after 1s a x\n" + advances,
			args: []string{"run", "FILE"}, code: exitFailed, want: "FILE:4: command failed: the clock is at 876000h0m0s: 876000h0m0s more would take it past its maximum of 876000h (100 years)",
			ceiling: 100 * mib},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.slow && testing.Short() {
				t.Skip("runs 10,000,000 events")
			}
			file := write(t, "hostile.scn", tc.src)
			args := make([]string, len(tc.args))
			for i, a := range tc.args {
				args[i] = strings.ReplaceAll(a, "FILE", file)
			}
			cmd := child(t, tc.stdin, args...)
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			err := cmd.Run()
			code := 0
			if exit, ok := err.(*exec.ExitError); ok {
				code = exit.ExitCode()
			} else {
				require.NoError(t, err)
			}
			got := strings.ReplaceAll(out.String(), file, "FILE")
			require.Equal(t, tc.code, code, got)
			require.Contains(t, got, tc.want)
			require.Less(t, peakRSS(cmd), tc.ceiling, "peak memory")
			t.Logf("peak memory %d MiB", peakRSS(cmd)/mib)
		})
	}
}

// A killed run leaves the trace of what it ran: every whole line written is
// a JSON object, seqs from 1 without a gap.
func TestTraceOfAKilledRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a restart storm")
	}
	file := write(t, "storm.scn", "sup s intensity=1000000000 period=1 { worker w init=ok,crash:bad }\nw: crash boom\n")
	trace := file + ".jsonl"
	cmd := child(t, "", "run", file, "--trace", trace)
	require.NoError(t, cmd.Start())
	deadline := time.Now().Add(time.Minute)
	for {
		st, err := os.Stat(trace)
		if err == nil && st.Size() > 1<<20 {
			break
		}
		require.True(t, time.Now().Before(deadline), "no trace written within a minute")
		time.Sleep(50 * time.Millisecond)
	}
	require.NoError(t, cmd.Process.Kill())
	require.Error(t, cmd.Wait(), "killed in the storm")

	data, err := os.ReadFile(trace)
	require.NoError(t, err)
	lines := strings.Split(string(data), "\n")
	lines = lines[:len(lines)-1] // a kill may tear the last line; the others are whole
	for i, line := range lines {
		var e struct{ Seq int }
		require.NoError(t, json.Unmarshal([]byte(line), &e), "line %d", i+1)
		require.Equal(t, i+1, e.Seq)
	}
	require.Greater(t, len(lines), 10_000, "the trace so far")
}

// --trace never truncates the scenario it runs, whatever name it is given.
func TestTraceRefusesTheScenarioItself(t *testing.T) {
	src := "spawn a\nexpect alive a\n"
	file := write(t, "s.scn", src)
	dir := filepath.Dir(file)
	link, hard := filepath.Join(dir, "link.scn"), filepath.Join(dir, "hard.scn")
	require.NoError(t, os.Symlink("s.scn", link))
	require.NoError(t, os.Link(file, hard))
	for _, args := range [][]string{
		{"run", file, "--trace", file},
		{"run", file, "--trace", link},
		{"run", file, "--trace", hard},
		{"run", link, "--trace", filepath.Join(dir, ".", "s.scn")},
	} {
		code, out, errs := call(args...)
		require.Equal(t, exitUsage, code, out)
		require.Contains(t, errs, "is the scenario being run; write the trace to another file")
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		require.Equal(t, src, string(data), "the scenario is intact")
	}
	code, _, errs := call("run", file, "--trace", filepath.Join(dir, "trace.jsonl"))
	require.Equal(t, exitOK, code, errs)
}
