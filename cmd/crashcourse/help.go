package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/crashcourse/crashcourse/repl"
	"github.com/crashcourse/crashcourse/scenarios"
)

// languageIntro opens the summary of the language in `crashcourse help`;
// the index of its verbs by topic follows, from scenarios.Help.
const languageIntro = `the language (scenario files, the REPL, the TUI's command line):
  One command a line, or several separated by ';'; '#' starts a comment (on an
  expect line, "# hint: …" is printed under its FAIL). A sup body { … } may span
  lines. Names are lowercase (a, db_1) and mean a process's latest incarnation;
  <0.N.0> is a pid, <name> a name's pid in a term, @name a registered name.
  Durations take a unit (500ms, 2s, 1m30s), except where OTP's own numbers
  are kept: shutdown=MS and period=SECONDS. Terms are Erlang's: atoms, numbers,
  "strings", {tuples}, [lists]; in an expectation _ matches anything.
`

// helpTopics are what `crashcourse help TOPIC` answers besides the index.
var helpTopics = map[string]func() string{
	"repl":   repl.Guide,
	"lesson": func() string { return lessonUsage },
}

// helpCommand answers `crashcourse help [repl|lesson]`: without a topic,
// every subcommand and flag, then a summary of the language.
func helpCommand(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stdout, usage+"\n"+lessonSection()+"\n"+languageSummary())
		return exitOK
	}
	if text, ok := helpTopics[args[0]]; ok && len(args) == 1 {
		fmt.Fprint(stdout, text())
		return exitOK
	}
	fmt.Fprintf(stderr, "crashcourse help: no help on %q: try crashcourse help, crashcourse help repl or crashcourse help lesson\n",
		strings.Join(args, " "))
	return exitUsage
}

// lessonSection is lessonUsage under a heading of its own.
func lessonSection() string {
	body, _ := strings.CutPrefix(lessonUsage, "usage:\n")
	return "lesson subcommands and flags:\n" + strings.ReplaceAll(body, "flags:\n", "")
}

// languageSummary is the language's introduction and its verbs by topic.
func languageSummary() string {
	index, _ := scenarios.Help("", 78)
	var b strings.Builder
	b.WriteString(languageIntro)
	for _, l := range index {
		b.WriteString("  " + l + "\n")
	}
	b.WriteString("  crashcourse help repl describes the REPL, crashcourse help lesson the lessons.\n")
	return b.String()
}
