package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/stretchr/testify/require"
)

func callWithStdin(stdin string, args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// `crashcourse repl < FILE.scn` prints what `crashcourse run -v FILE.scn`
// prints (its positions name the file "<stdin>"), with the same status;
// -q as plain run.
func TestReplPipedMatchesRun(t *testing.T) {
	cases := []struct{ repl, run []string }{
		{nil, []string{"-v"}}, {[]string{"-v"}, []string{"-v"}}, {[]string{"-q"}, nil},
		{[]string{"-q", "--seed", "9"}, []string{"--seed", "9"}},
	}
	for _, s := range scenarios.Builtin() {
		path := write(t, s.Name+".scn", string(s.Src))
		for _, c := range cases {
			wantCode, want, _ := call(append([]string{"run", path}, c.run...)...)
			code, got, errs := callWithStdin(string(s.Src), append([]string{"repl"}, c.repl...)...)
			require.Empty(t, errs)
			require.Equal(t, wantCode, code, s.Name)
			require.Equal(t, strings.ReplaceAll(want, path, "<stdin>"), got, s.Name)
		}
	}
}

func TestReplPipedStatus(t *testing.T) {
	tests := []struct {
		name, stdin string
		args        []string
		code        int
		stdout      string
		stderr      string
	}{
		{"pass", "spawn a\nexpect alive a\n", nil, exitOK, "> spawn a\n  0s      #1    a          is spawned by <shell>\nPASS <stdin>:2 expect alive a\n1 passed, 0 failed\n", ""},
		{"fail", "spawn a\nexpect dead a\n", nil, exitFailed, "FAIL <stdin>:2: expected a to be dead, got alive", ""},
		{"parse error, the rest runs", "spwan a\nspawn b\nexpect alive b\n", []string{"-q"}, exitUsage,
			"<stdin>:1:1: unknown verb \"spwan\" (did you mean spawn?)\nspwan a\n^\nPASS <stdin>:3 expect alive b\n1 passed, 0 failed\n", ""},
		{"empty", "", nil, exitOK, "0 passed, 0 failed\n", ""},
		{"bad flag", "", []string{"--nope"}, exitUsage, "", "crashcourse repl: flag provided but not defined"},
		{"stray argument", "", []string{"x.scn"}, exitUsage, "", "pipe a scenario in: crashcourse repl < FILE.scn"},
		{"help mentions repl", "", []string{"help"}, exitOK, "crashcourse repl", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := tt.args
			if len(args) == 0 || args[0] != "help" {
				args = append([]string{"repl"}, args...)
			}
			code, out, errs := callWithStdin(tt.stdin, args...)
			require.Equal(t, tt.code, code, "stdout:\n%s\nstderr:\n%s", out, errs)
			require.Contains(t, out, tt.stdout)
			require.Contains(t, errs, tt.stderr)
		})
	}
}

// `crashcourse repl --lesson-file FILE.md` teaches an instructor's lesson;
// one that does not parse is refused with its carets.
func TestReplTeachesAnInstructorsLesson(t *testing.T) {
	lessonState(t)
	md := write(t, "mine.md", minimalLesson)
	code, out, errs := callWithStdin("lesson\nlesson 1\nkill a\ncheck\n", "repl", "--lesson-file", md)
	require.Empty(t, errs)
	require.Equal(t, exitOK, code, out)
	for _, want := range []string{"1. Mine  (0 of 1 passed)", "Lesson 1: Mine", "✓ Passed. You killed a."} {
		require.Contains(t, out, want)
	}

	bad := write(t, "bad.md", "no title here\n")
	code, _, errs = callWithStdin("", "repl", "--lesson-file", bad)
	require.Equal(t, exitUsage, code)
	require.Contains(t, errs, "bad.md:1:")
}
