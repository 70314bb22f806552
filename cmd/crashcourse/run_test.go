package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func write(t *testing.T, name, src string) string {
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, []byte(src), 0o644))
	return path
}

func call(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

func TestRunExitStatus(t *testing.T) {
	pass := write(t, "pass.scn", "spawn a\nexpect alive a\n")
	fail := write(t, "fail.scn", "spawn a\nexpect dead a\n")
	bad := write(t, "bad.scn", "spawn a\n  spwan b\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"all pass", []string{"run", pass}, exitOK, "1 passed, 0 failed", ""},
		{"some fail", []string{"run", fail}, exitFailed, "FAIL " + fail + ":2: expected a to be dead, got alive", ""},
		{"parse error", []string{"run", bad}, exitUsage, "", bad + ":2:3: unknown verb \"spwan\" (did you mean spawn?)\n  spwan b\n  ^"},
		{"missing file", []string{"run", filepath.Join(t.TempDir(), "nope.scn")}, exitUsage, "", "no such file"},
		{"no file", []string{"run"}, exitUsage, "", "want at least one scenario file"},
		{"flags after the file", []string{"run", pass, "--seed", "3", "-v"}, exitOK, "> spawn a", ""},
		{"builtin", []string{"run", "builtin:links"}, exitOK, "0 failed", ""},
		{"unknown builtin", []string{"run", "builtin:nope"}, exitUsage, "", "no built-in scenario"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", "unknown command"},
		{"tour", nil, exitOK, "0 failed", ""},
		{"help", []string{"help"}, exitOK, "crashcourse run FILE.scn", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := call(tt.args...)
			require.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", out, errs)
			require.Contains(t, out, tt.stdout)
			require.Contains(t, errs, tt.stderr)
		})
	}
}

// run takes several files and directories as verify does: a heading per
// file, one closing line over all, and the worst file's exit status.
func TestRunSeveralFiles(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"a.scn": "spawn a\nexpect alive a\n", "b.scn": "spawn b\nexpect dead b\n", "notes.txt": "not a scenario",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644))
	}
	pass := write(t, "pass.scn", "spawn p\nexpect alive p\nexpect alive p\n")
	bad := write(t, "bad.scn", "spwan b\n")
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
		stderr string
	}{
		{"a directory", []string{"run", dir}, exitFailed, []string{
			"== " + filepath.Join(dir, "a.scn") + "\n",
			"== " + filepath.Join(dir, "b.scn") + "\nFAIL " + filepath.Join(dir, "b.scn") + ":2: expected b to be dead, got alive\n",
			"1 passed, 1 failed in 2 files\n"}, ""},
		{"files and a directory", []string{"run", pass, dir, "-v"}, exitFailed, []string{
			"== " + pass + "\n> spawn p", "3 passed, 1 failed in 3 files\n"}, ""},
		{"one that does not parse", []string{"run", bad, pass}, exitUsage, []string{
			"== " + bad + "\n== " + pass + "\n", "2 passed, 0 failed in 2 files\n"}, "unknown verb"},
		{"all pass", []string{"run", pass, pass}, exitOK, []string{"4 passed, 0 failed in 2 files\n"}, ""},
		{"a trace takes one file", []string{"run", pass, pass, "--trace", "-"}, exitUsage, nil, "--trace takes one scenario file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := call(tt.args...)
			require.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", out, errs)
			for _, s := range tt.stdout {
				require.Contains(t, out, s)
			}
			if tt.code != exitUsage || len(tt.stdout) > 0 {
				require.Equal(t, 1, strings.Count(out, " failed"), "one closing line: %s", out)
			}
			require.Contains(t, errs, tt.stderr)
		})
	}
}

// --trace - writes JSON Lines to stdout and moves the report to stderr.
func TestRunTraceToStdout(t *testing.T) {
	pass := write(t, "pass.scn", "spawn a\nkill a\nexpect dead a reason=killed\n")
	code, out, errs := call("run", pass, "--trace", "-")
	require.Equal(t, exitOK, code)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 4)
	require.Contains(t, lines[0], `"seq":1`)
	require.Contains(t, lines[3], `"ev":"exit"`)
	require.Contains(t, errs, "1 passed, 0 failed")
}

// --trace FILE writes the same bytes on every run.
func TestRunTraceFileIsDeterministic(t *testing.T) {
	src := write(t, "chaos.scn", "spawn a\nspawn b\na: link b\nspawn c\nchaos 2 for 5s\nrun\n")
	dir := t.TempDir()
	var traces []string
	for i := 0; i < 2; i++ {
		path := filepath.Join(dir, "t.jsonl")
		code, _, _ := call("run", src, "--seed", "42", "--trace", path)
		require.Equal(t, exitOK, code)
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		traces = append(traces, string(b))
	}
	require.Equal(t, traces[0], traces[1])
	require.Contains(t, traces[0], `"ev":"chaos"`)
}

// TestRunEscapesFileNames: a scenario whose name holds a newline and an
// escape is reported quoted, so it forges no PASS line and sends no
// escape; a source line with escapes shows them visibly.
func TestRunEscapesFileNames(t *testing.T) {
	name := "x\nPASS all.scn:1 fine\x1b[2J.scn"
	pass := write(t, name, "spawn a\nexpect alive a\n")
	bad := write(t, name, "spawn a \x1b[31m\n")
	quoted := `"` + filepath.Dir(pass) + `/x\nPASS all.scn:1 fine\x1b[2J.scn"`
	code, out, _ := call("run", pass)
	require.Equal(t, exitOK, code)
	require.Equal(t, "PASS "+quoted+":2 expect alive a\n1 passed, 0 failed\n", out)

	code, _, errs := call("run", bad)
	require.Equal(t, exitUsage, code)
	require.Contains(t, errs, `/x\nPASS all.scn:1 fine\x1b[2J.scn":1:9: invalid character U+001B`+"\nspawn a \\x1b[31m\n        ^")
	require.NotContains(t, errs, "\x1b")

	_, _, errs = call("run", filepath.Join(t.TempDir(), "no\x1bpe.scn"))
	require.Contains(t, errs, `no\x1bpe.scn": no such file or directory`)
	require.NotContains(t, errs, "\x1b")
}

// TestVerifyAndExportEscapeFileNames: verify and export name a hostile
// file quoted in their errors, never raw.
func TestVerifyAndExportEscapeFileNames(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "a\nAGREE b.scn\x1b[2J")
	for _, args := range [][]string{{"verify", missing}, {"export", "--erlang", missing}} {
		code, out, errs := call(args...)
		require.Equal(t, exitUsage, code, args[0])
		require.Contains(t, errs, `a\nAGREE b.scn\x1b[2J": no such file or directory`, args[0])
		require.NotContains(t, out+errs, "\x1b", args[0])
		require.NotContains(t, out+errs, "\nAGREE", args[0])
	}
	noSup := write(t, "x\ny.scn", "spawn a\n")
	code, _, errs := call("export", "--erlang", noSup)
	require.Equal(t, exitUsage, code)
	require.Contains(t, errs, `x\ny.scn" has no supervisor to export`)
}
