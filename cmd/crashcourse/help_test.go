package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// flagDef finds the flags this package defines: fs.Bool("q", …),
// fs.StringVar(&f.trace, "trace", …) and the like.
var flagDef = regexp.MustCompile(`\.(?:Bool|String|Int|Uint64|Float64|Duration)(?:Var)?\((?:&[\w.]+, )?"([\w-]+)"`)

// crashcourse help lists every subcommand and every flag the code defines,
// and summarises the language by topic.
func TestHelpListsEverySubcommandAndFlag(t *testing.T) {
	code, out, _ := call("help")
	require.Equal(t, exitOK, code)
	for _, sub := range []string{"tui", "run", "repl", "scenarios", "show", "lesson", "serve", "verify", "export"} {
		require.Contains(t, out, "crashcourse "+sub+" ", "subcommand %s", sub)
	}
	files, err := filepath.Glob("*.go")
	require.NoError(t, err)
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range flagDef.FindAllStringSubmatch(string(src), -1) {
			seen++
			require.Regexp(t, `(^|[\s\[|])--?`+regexp.QuoteMeta(m[1])+`\b`, out, "flag %s of %s", m[1], f)
		}
	}
	require.Greater(t, seen, 25, "the flag pattern still finds the flags")
	for _, topic := range []string{"processes", "signals", "monitors", "registry", "timers", "supervisors", "time",
		"inspection", "expectations", "session"} {
		require.Regexp(t, `\n {4}`+topic+` +\w`, out, "topic %s", topic)
	}
	require.Contains(t, out, "shutdown=MS and period=SECONDS")
}

// crashcourse help repl describes the REPL, its keys and its own commands;
// help lesson the lessons; an unknown topic is a usage error.
func TestHelpTopics(t *testing.T) {
	code, out, _ := call("help", "repl")
	require.Equal(t, exitOK, code)
	for _, s := range []string{"usage: crashcourse repl [--seed N] [-q] [--lesson-file FILE.md]", "Tab", "Ctrl-C", "Ctrl-D",
		"save FILE", "save! FILE", "load FILE", "quit", "lesson [N|reset]", "history", "Piped"} {
		require.Contains(t, out, s)
	}
	code, out, _ = call("help", "lesson")
	require.Equal(t, exitOK, code)
	require.Contains(t, out, "crashcourse lesson watch N")
	code, _, errs := call("help", "frobnicate")
	require.Equal(t, exitUsage, code)
	require.Contains(t, errs, `no help on "frobnicate"`)
}
