package repl

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/stretchr/testify/require"
)

// runPiped runs src as piped input and returns the output and status.
func runPiped(t *testing.T, src string, verbose bool) (string, int) {
	t.Helper()
	var out, errs bytes.Buffer
	code := Run(Options{Stdin: strings.NewReader(src), Stdout: &out, Stderr: &errs, Verbose: verbose})
	require.Empty(t, errs.String())
	return out.String(), code
}

// runScript is what `crashcourse run` prints for src, named <stdin>, and
// the status it exits with.
func runScriptStatus(t *testing.T, src string, verbose bool) (string, int) {
	t.Helper()
	var out bytes.Buffer
	sum, _, err := scenarios.RunScript("<stdin>", []byte(src), scenarios.RunOptions{Verbose: verbose}, &out)
	require.NoError(t, err)
	code := ExitOK
	if sum.Failed > 0 {
		code = ExitFailed
	}
	return out.String(), code
}

// Piped, a valid scenario prints exactly what `crashcourse run` prints
// (and -v what run -v prints), and exits with the same status.
func TestScriptMatchesRun(t *testing.T) {
	extra := scenarios.Scenario{Name: "failing", Src: []byte(
		"spawn a\nkill nobody   # an error nobody expects\nexpect dead a\nkill a\nexpect error\nkill nobody\nexpect error noproc\n" +
			"a: spawn b\nstep 3\nadvance 1s\nrun 1s\n")}
	for _, s := range append(scenarios.Builtin(), extra) {
		for _, verbose := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/verbose=%v", s.Name, verbose), func(t *testing.T) {
				want, wantCode := runScriptStatus(t, string(s.Src), verbose)
				got, code := runPiped(t, string(s.Src), verbose)
				require.Equal(t, want, got)
				require.Equal(t, wantCode, code)
			})
		}
	}
}

func TestScriptStatus(t *testing.T) {
	tests := []struct {
		name, src string
		code      int
		out       []string
	}{
		{"pass", "spawn a\nexpect alive a\n", ExitOK, []string{"PASS <stdin>:2 expect alive a", "1 passed, 0 failed"}},
		{"fail", "spawn a\nexpect dead a\n", ExitFailed, []string{"FAIL <stdin>:2: expected a to be dead, got alive"}},
		{"a failed command is a failure", "kill nobody # hint: spawn it first\n", ExitFailed,
			[]string{"FAIL <stdin>:1: command failed: noproc: no process is called nobody\nkill nobody # hint: spawn it first\n^\n  hint: spawn it first\n", "0 passed, 1 failed"}},
		{"an expected error is no failure", "kill nobody\nexpect error noproc\n", ExitOK, []string{"1 passed, 0 failed"}},
		// Unlike run, a line that does not parse is reported and the rest runs; the status is still run's.
		{"parse error", "spawn a\n  spwan b\nspawn c\nexpect alive c\n", ExitBroken,
			[]string{"<stdin>:2:3: unknown verb \"spwan\" (did you mean spawn?)\n  spwan b\n  ^\n", "PASS <stdin>:4 expect alive c"}},
		{"parse error and failure", "spwan b\nexpect alive b\n", ExitBroken, []string{"FAIL <stdin>:2"}},
		{"quit stops reading", "spawn a\nquit\nexpect dead a\n", ExitOK, []string{"0 passed, 0 failed"}},
		{"unclosed body at the end", "sup s {\n worker w\n", ExitBroken, []string{"<stdin>:1:7: unclosed { (the body of sup s)"}},
		{"load of a missing file", "load nowhere.scn\n", ExitBroken, []string{"<stdin>:1: load: open nowhere.scn"}},
		{"load a builtin", "load builtin:links\n", ExitOK, []string{"PASS builtin:links:"}},
		{"crlf", "spawn a\r\nexpect alive a\r\n", ExitOK, []string{"PASS <stdin>:2 expect alive a\n"}},
		{"no final newline", "spawn a\nexpect alive a", ExitOK, []string{"1 passed"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, code := runPiped(t, tt.src, false)
			require.Equal(t, tt.code, code, out)
			for _, want := range tt.out {
				require.Contains(t, out, want)
			}
		})
	}
}

// A line over 1 MiB is ignored with a message; the session goes on.
func TestScriptLongLine(t *testing.T) {
	src := "spawn a\n" + strings.Repeat("x", MaxLineBytes+1) + "\nexpect alive a\n" +
		"send a " + strings.Repeat("y", MaxLineBytes-7) + "\nexpect mailbox a [_]\n"
	out, code := runPiped(t, src, false)
	require.Equal(t, ExitBroken, code)
	require.Contains(t, out, "<stdin>:2: line longer than 1 MiB (the REPL's limit); ignored\n")
	require.Contains(t, out, "PASS <stdin>:3 expect alive a")
	require.Contains(t, out, "PASS <stdin>:5 expect mailbox a [_]")
	require.Less(t, len(out), 1000)
}

// Binary input and lines of every kind of garbage neither panic nor hang.
func TestScriptBinary(t *testing.T) {
	var b bytes.Buffer
	for i := range 4096 {
		b.WriteByte(byte(i * 7919 % 256))
	}
	b.WriteString("\nspawn a\nexpect alive a\n{{{{\n}}}}\nsup s {\x00\n\xff\xfe}\n")
	out, code := runPiped(t, b.String(), false)
	require.Equal(t, ExitBroken, code)
	require.Contains(t, out, "1 passed, 0 failed")
}

// A million spawns piped in run in reasonable time.
func TestScriptManySpawns(t *testing.T) {
	n := 1_000_000
	if testing.Short() || raceEnabled {
		n = 50_000
	}
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "spawn p%d\n", i)
	}
	b.WriteString("expect alive p0\nps\n")
	start := time.Now()
	out, code := runPiped(t, b.String(), false)
	require.Equal(t, ExitOK, code, out)
	require.Equal(t, "PASS <stdin>:"+fmt.Sprint(n+1)+" expect alive p0\n1 passed, 0 failed\n", out)
	t.Logf("%d spawns in %v", n, time.Since(start))
}

// A command may span at most maxOpenLines lines.
func TestScriptOpenCommandLimit(t *testing.T) {
	src := "sup s {\n" + strings.Repeat("worker w\n", maxOpenLines+5) + "}\nspawn a\nexpect alive a\n"
	out, code := runPiped(t, src, false)
	require.Equal(t, ExitBroken, code)
	require.Contains(t, out, "<stdin>:1: a command may span at most 1000 lines and 256 KiB; this one is dropped")
	require.Contains(t, out, "PASS <stdin>:")
}

func TestReadLine(t *testing.T) {
	src := "a\r\n\nbb\n" + strings.Repeat("z", 50) + "\nlast"
	r := bufioReader(src, 16)
	type got struct {
		line string
		long bool
		eof  bool
	}
	var all []got
	for {
		line, long, err := readLine(r, 20)
		all = append(all, got{line, long, err != nil})
		if err != nil {
			break
		}
	}
	require.Equal(t, []got{{"a", false, false}, {"", false, false}, {"bb", false, false},
		{"", true, false}, {"last", false, true}}, all)
}
