package repl

import "strings"

// guideIntro and guideRest frame the list of the REPL's own commands in
// Guide.
const (
	guideIntro = `crashcourse repl — a shell over one simulated world, on a virtual clock

usage: crashcourse repl [--seed N] [-q] [--lesson-file FILE.md]
  --seed N              seed the world's random generator (as run --seed N does; default 0)
  -q                    piped: print only what crashcourse run prints (PASS/FAIL and totals)
  --lesson-file FILE.md the lesson commands teach this lesson file instead of the bundled lessons

On a terminal, type commands of the language (help lists them by topic; help
TOPIC and help VERB say more). After each command the REPL prints the events
it caused, one a line: the time, the event's number, who, what happened, and
"← #N", the event that caused it. A cascade is indented by cause, so it reads
like a story (past 8 levels the depth shows as a number, "(9)"); long lines
wrap under their text. The prompt shows the clock and what is pending:
  [t=1.5s · 3 pending, next +500ms] >
Nothing happens on its own: advance, run and step move the clock.

Keys:
  Tab       completes verbs, live processes, @registered names, refs,
            expectation kinds and supervisor options with their values
  ↑ ↓       history, kept between sessions in $XDG_STATE_HOME/crashcourse/history
            (default ~/.local/state/crashcourse/history), shared with the TUI
  Ctrl-C    cancels the line; while a command runs, stops it where it got to
  Ctrl-D    leaves (asking first when commands are unsaved); inside an open
            sup body { … }, drops the body instead
  A line that opens a sup body with { continues on the next lines ("...")
  until its braces close.

The REPL's own commands (not part of the language):
`
	guideRest = `
save writes every command that parsed, in order; a command that failed is
followed by expect error, so crashcourse run FILE replays the session to the
same state and passes. save never replaces a file this session did not write
(save! does). load runs a file in a fresh world, as crashcourse run would
(the session runs reset first, and says so).

Piped (crashcourse repl < FILE), the REPL prints what crashcourse run -v
prints for the same lines, without prompts or colour, and exits with run's
status; unlike run, a line that does not parse is reported and the rest
still runs.
`
)

// Guide describes the REPL, for `crashcourse help repl`.
func Guide() string {
	var b strings.Builder
	b.WriteString(guideIntro)
	for _, v := range replCommands {
		b.WriteString("  " + padRight(replHelp[v][0], 18) + " " + replHelp[v][1] + "\n")
	}
	b.WriteString(guideRest)
	return b.String()
}
