package otp

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
)

// Helpers that compile exports with erlc and elixirc and start their trees
// on a real node (testdata/export_check.erl), for the export tests.

// exportCase is one scenario's export under test.
type exportCase struct {
	name      string // the scenario, for messages
	files     []File
	mustStart bool // every top supervisor starts, as in the simulator
}

// newExportCase exports a scenario with gen.
func newExportCase(t *testing.T, gen func(string, []byte) ([]File, error), name string, src []byte) exportCase {
	t.Helper()
	files, err := gen(name, src)
	require.NoError(t, err, name)
	return exportCase{name: name, files: files, mustStart: startsInSimulator(name, src)}
}

// startsInSimulator reports whether every top supervisor of a scenario
// starts in the simulator (the first sup command of each name succeeds):
// then it must start on the real runtime too.
func startsInSimulator(name string, src []byte) bool {
	cmds, err := scenarios.Parse(name, src)
	if err != nil {
		return false
	}
	s := scenarios.NewSession(0)
	seen := map[string]bool{}
	for _, c := range cmds {
		if c.Sup != nil && !seen[c.Sup.Name] {
			seen[c.Sup.Name] = true
			if s.Exec(c).Err != nil {
				return false
			}
		}
	}
	return true
}

// runTool runs a program in a temporary directory, so that a crash dump
// lands there, and returns what it printed.
func runTool(t *testing.T, name string, args ...string) ([]byte, error) {
	cmd := exec.Command(name, args...)
	cmd.Dir = t.TempDir()
	return cmd.CombinedOutput()
}

// requireTool skips a test without the named program, except under CI.
func requireTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%s is not on PATH and CI=true: this check must run in CI. %s", name, InstallHint)
		}
		t.Skipf("skipped: %s is not on PATH. %s", name, InstallHint)
	}
	return path
}

// checkErlangExports compiles each export with erlc +warnings_as_errors in
// a directory of its own, then starts them on one node, one after the
// other, and returns what went wrong.
func checkErlangExports(t *testing.T, cases []exportCase) []string {
	t.Helper()
	requireTool(t, "erl")
	erlc := requireTool(t, "erlc")
	root := t.TempDir()
	var problems, input []string
	for i, c := range cases {
		dir := filepath.Join(root, fmt.Sprint(i))
		paths := writeFiles(t, dir, c.files)
		out, err := runTool(t, erlc, append([]string{"+warnings_as_errors", "-o", dir}, paths...)...)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: erlc: %s", c.name, out))
			continue
		}
		input = append(input, checkTerm(i, "erlang", eString(dir), c.files, "%%"))
	}
	return append(problems, runChecks(t, root, cases, input, "erl", "-noshell", "-run", "export_check", "main")...)
}

// checkElixirExports compiles every export with one elixirc
// --warnings-as-errors (their modules are named apart by their scenario
// file's name, which must differ), then starts them on one node, one
// after the other, and returns what went wrong.
func checkElixirExports(t *testing.T, cases []exportCase) []string {
	t.Helper()
	elixirc := requireTool(t, "elixirc")
	elixir := requireTool(t, "elixir")
	root := t.TempDir()
	beams := filepath.Join(root, "beam")
	var paths, input []string
	seen := map[string]string{}
	for i, c := range cases {
		for _, f := range c.files {
			require.Empty(t, seen[f.Name], "%s: %s is also exported by %s", c.name, f.Name, seen[f.Name])
			seen[f.Name] = c.name
		}
		paths = append(paths, writeFiles(t, filepath.Join(root, "src"), c.files)...)
		input = append(input, checkTerm(i, "elixir", "none", c.files, "  #"))
	}
	out, err := runTool(t, elixirc, append([]string{"--warnings-as-errors", "-o", beams}, paths...)...)
	if err != nil {
		return []string{fmt.Sprintf("elixirc: %s", out)}
	}
	return runChecks(t, root, cases, input, elixir, "-pa", beams, "-e",
		`:export_check.main(Enum.map(System.argv(), &String.to_charlist/1))`)
}

// writeFiles writes an export under dir and returns the paths written.
func writeFiles(t *testing.T, dir string, files []File) []string {
	t.Helper()
	var paths []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(f.Text), 0o644))
		paths = append(paths, p)
	}
	return paths
}

// checkTerm is one export's entry in export_check's input.
func checkTerm(i int, lang, dir string, files []File, comment string) string {
	var tops, blocks []string
	for _, f := range files {
		if f.Top {
			mod := f.Module
			if lang == "elixir" {
				mod = "Elixir." + mod
			}
			tops = append(tops, eAtom(mod))
		}
		for _, b := range hintBlocks(f, comment) {
			blocks = append(blocks, eString(b))
		}
	}
	return fmt.Sprintf("{%d, %s, %s, %s, %s}.\n", i, lang, dir, eList(tops...), eList(blocks...))
}

// runChecks compiles export_check, runs it on the input with the command
// given (the input file's path last) and reads its report: every hint
// must succeed, and every top supervisor of an export that mustStart must
// start.
func runChecks(t *testing.T, root string, cases []exportCase, input []string, cmd ...string) []string {
	t.Helper()
	check := filepath.Join(root, "check")
	require.NoError(t, os.MkdirAll(check, 0o755))
	src, err := filepath.Abs(filepath.Join("testdata", "export_check.erl"))
	require.NoError(t, err)
	out, err := runTool(t, "erlc", "-o", check, src)
	require.NoError(t, err, "erlc export_check.erl: %s", out)
	in := filepath.Join(root, "check.input")
	require.NoError(t, os.WriteFile(in, []byte("%% -*- coding: utf-8 -*-\n"+strings.Join(input, "")), 0o644))
	args := append(append([]string{"-pa", check}, cmd[1:]...), in)
	out, err = runTool(t, cmd[0], args...)
	require.NoError(t, err, "%s: %s", cmd[0], out)
	return readChecks(cases, input, string(out))
}

// readChecks turns export_check's report into problems; input holds the
// entries of the cases it checked, each starting with its index.
func readChecks(cases []exportCase, input []string, report string) []string {
	var problems []string
	started := map[int]int{}
	for _, line := range strings.Split(strings.TrimSpace(report), "\n") {
		var i int
		var what string
		if _, err := fmt.Sscanf(line, "%d %s", &i, &what); err != nil || i < 0 || i >= len(cases) {
			problems = append(problems, "unexpected output: "+line)
			continue
		}
		failed := strings.Contains(line, " error ")
		if what == "start" {
			started[i]++
		}
		if failed && (what == "hint" || cases[i].mustStart) {
			problems = append(problems, cases[i].name+": "+line)
		}
	}
	for _, entry := range input {
		var i int
		fmt.Sscanf(entry, "{%d,", &i)
		tops := 0
		for _, f := range cases[i].files {
			if f.Top {
				tops++
			}
		}
		if started[i] != tops {
			problems = append(problems, fmt.Sprintf("%s: %d of %d top supervisors tried", cases[i].name, started[i], tops))
		}
	}
	return problems
}

// hintBlocks are the shell snippets an export's comments suggest (those
// opened by hintsHead), without their comment marks.
func hintBlocks(f File, comment string) []string {
	var blocks []string
	lines := strings.Split(f.Text, "\n")
	for i, l := range lines {
		if !strings.HasPrefix(l, comment+" ") || !strings.HasSuffix(l, hintsHead) {
			continue
		}
		var code []string
		for _, c := range lines[i+1:] {
			s, ok := strings.CutPrefix(c, comment+"   ")
			if !ok {
				break
			}
			code = append(code, s)
		}
		blocks = append(blocks, strings.Join(code, "\n"))
	}
	return blocks
}
