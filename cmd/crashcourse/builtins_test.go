package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/stretchr/testify/require"
)

// `crashcourse scenarios` lists every built-in, each once, with its
// one-line description, in the suggested learning order (the tour first),
// in lines that fit 80 columns.
func TestScenariosListsEveryBuiltinWithItsDescriptionInLearningOrder(t *testing.T) {
	code, out, errs := call("scenarios")
	require.Equal(t, exitOK, code, errs)
	last := -1
	for _, s := range scenarios.Catalogue() {
		require.NotEmpty(t, s.Description(), s.Name)
		i := strings.Index(out, ". "+s.Name+" ")
		require.Greater(t, i, last, "%s is listed, after the one before it", s.Name)
		last = i
		first, _, _ := strings.Cut(s.Description(), " ")
		require.Contains(t, out[i:], first)
	}
	require.Len(t, scenarios.Catalogue(), len(scenarios.Builtin()))
	require.True(t, strings.HasPrefix(strings.SplitN(out, "\n 1. ", 2)[1], "tour "), "the tour comes first")
	for _, l := range strings.Split(out, "\n") {
		require.LessOrEqual(t, utf8.RuneCountInString(l), 80, l)
	}
}

// `crashcourse scenarios -q` lists only the names, one a line, in the same
// order, for scripts: every name runs.
func TestScenariosQuietListsOnlyTheNames(t *testing.T) {
	code, out, errs := call("scenarios", "-q")
	require.Equal(t, exitOK, code, errs)
	var want []string
	for _, s := range scenarios.Catalogue() {
		want = append(want, "builtin:"+s.Name)
	}
	require.Equal(t, strings.Join(want, "\n")+"\n", out)
	code, _, errs = call("scenarios", "-x")
	require.Equal(t, exitUsage, code)
	require.Contains(t, errs, "-q")
}

// `crashcourse show builtin:NAME` prints the scenario's source.
func TestShowPrintsABuiltinsSource(t *testing.T) {
	s, _ := scenarios.BuiltinNamed("links")
	for _, arg := range []string{"builtin:links", "links"} {
		code, out, _ := call("show", arg)
		require.Equal(t, exitOK, code)
		require.Equal(t, string(s.Src), out)
	}
	code, _, errs := call("show", "builtin:nope")
	require.Equal(t, exitUsage, code)
	require.Contains(t, errs, `no built-in scenario "nope"`)
	code, _, _ = call("show")
	require.Equal(t, exitUsage, code)
}

// The tour narrates its comments before the commands they explain, says
// what mark does, and ends by pointing to the REPL, the lessons and the TUI.
func TestTourNarratesAndPointsOnward(t *testing.T) {
	code, out, _ := call()
	require.Equal(t, exitOK, code)
	require.Contains(t, out, "\nKill the middle of the chain. The exit signal spreads along every link.\n> kill b\n")
	require.Contains(t, out, "mark starts counting exits afresh")
	require.Contains(t, out, "\n> mark\n")
	require.Less(t, strings.Index(out, "mark starts counting"), strings.Index(out, "\n> mark\n"))
	for _, next := range []string{"crashcourse repl", "crashcourse lesson", "crashcourse tui FILE.scn"} {
		require.Contains(t, out[strings.Index(out, "passed, 0 failed"):], next)
	}
}
