package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// listScenarios prints every built-in scenario with its one-line
// description, in a suggested learning order, wrapped to the terminal.
func listScenarios(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 1 && args[0] == "-q":
		for _, s := range scenarios.Catalogue() {
			fmt.Fprintln(stdout, "builtin:"+s.Name)
		}
		return exitOK
	case len(args) > 0:
		fmt.Fprintf(stderr, "crashcourse scenarios: unexpected %q (-q lists only the names, for scripts)\n", args[0])
		return exitUsage
	}
	width := textWidth(0, stdout)
	fmt.Fprintln(stdout, "Built-in scenarios, in a suggested learning order.")
	fmt.Fprintln(stdout, "Watch one, told event by event:  crashcourse run -v builtin:NAME")
	fmt.Fprintln(stdout, "Read its source:                 crashcourse show builtin:NAME")
	fmt.Fprintln(stdout)
	for i, s := range scenarios.Catalogue() {
		head := fmt.Sprintf("%2d. %-18s ", i+1, s.Name)
		for _, l := range scenarios.Wrap(head+s.Description(), width, strings.Repeat(" ", len(head))) {
			fmt.Fprintln(stdout, l)
		}
	}
	return exitOK
}

// show prints the source of a built-in scenario (builtin:NAME, or NAME).
func show(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		fmt.Fprintf(stderr, "crashcourse show: want one built-in scenario, like builtin:links (crashcourse scenarios lists them)\n")
		return exitUsage
	}
	name := strings.TrimPrefix(args[0], "builtin:")
	s, ok := scenarios.BuiltinNamed(name)
	if !ok {
		fmt.Fprintf(stderr, "crashcourse show: no built-in scenario %q (crashcourse scenarios lists them)\n", name)
		return exitUsage
	}
	stdout.Write(s.Src)
	return exitOK
}

// tourEnd points a learner who finished the tour to where to go next.
const tourEnd = `
Where next:
  crashcourse repl              try it yourself: type commands, see every event (help lists them)
  crashcourse lesson            the lessons, one idea and one exercise each
  crashcourse                   on a terminal, the TUI: a tree to break with one key
  crashcourse tui FILE.scn      any scenario in the TUI; crashcourse scenarios lists the built-ins
`
