// Package repl is crashcourse's line REPL: a shell over one
// scenarios.Session, for learners.
//
// Interactive mode (stdin is a terminal) reads lines with readline. The
// prompt shows the virtual clock and what is pending
// ("[t=1.5s · 3 pending, next +500ms] > "). After each command the REPL
// prints the trace entries it caused, one a line, indented by causal depth
// so that a cascade reads like a story, then what the command printed,
// any note about the run, and the verdict of an expectation. Colour is used
// when stdout is a terminal, unless NO_COLOR is set or TERM is dumb. Tab
// completes verbs, processes, @registered names, refs, expectation kinds
// and supervisor options with their values; history is kept between
// sessions in $XDG_STATE_HOME/crashcourse/history (by default
// ~/.local/state/crashcourse/history), a file of mode 0600 of which the
// REPL reads at most the last MiB and the last 1000 entries, skipping
// (with a message) any entry that is not one line of text it could have
// typed; the TUI's command line shares it. A line that opens a sup body
// with '{' continues on the next lines until the braces close.
// Ctrl-C at the prompt cancels the line (or the open command); while a
// command runs (run, advance, step, a supervisor call, a load) it stops
// the command at the event it reached, which the REPL reports as
// "interrupted at t=…, event #N", and the next command goes on from
// there. Ctrl-D or `quit` leaves, with exit status 0; when commands that
// changed the world ran since the last save, the first asks instead (a
// second, with nothing run in between, leaves). Ctrl-D inside an open sup
// body drops the body.
//
// Besides the command language (the one of scenario files, listed by
// `help`), the REPL has commands of its own: `save FILE`, `save! FILE`,
// `load FILE`, `quit` and the lesson commands below. FILE is a bare name, or a string in the
// language's syntax ("my file.scn").
//
//   - save FILE writes the session as a scenario that `crashcourse run`
//     replays to the same state and passes: every command that parsed, in
//     order (except `help`), with the initial seed when it was not 0. A
//     command that failed is followed by `expect error` (unless an
//     `expect error` that passed already follows it); an expectation that
//     did not pass is kept as a comment; a run, advance or step that
//     Ctrl-C stopped is saved as `step N` with the N events it ran. The
//     file is written atomically: a temporary file in the same directory,
//     then a rename; no temporary file outlives an error, and errors name
//     the user's file. save never replaces a file that this session did
//     not write; save! does, but neither replaces a file that is not
//     regular or that the user may not write (by its mode, for root too,
//     so another user's file stays theirs). A replaced file keeps its
//     mode; a symbolic link is written through (its target replaced, the
//     link kept).
//   - load FILE (or builtin:NAME) runs a scenario in this session, in a
//     fresh world as `crashcourse run` would (the REPL's seed; the session
//     runs `reset`, and `seed N` if the seed changed, unless the world is
//     fresh already, and says so), printed interactively as `crashcourse
//     run -v` prints it, in a script as the script's own commands. A file
//     that does not parse runs nothing. Its commands join the session (a
//     later save includes them, after the reset).
//
// The lessons (package lessons) run here too:
//
//   - lesson lists them with the learner's progress (exercises passed,
//     hints shown); lesson N (or its name, as in lesson links) opens
//     lesson N at the exercise the learner was on: the REPL prints the
//     page (the lesson's explanation, then the exercise), rendered with
//     glamour at the terminal's width (at most 100 columns), and puts the
//     world in the exercise's starting state. From then on every command
//     the learner types is their answer.
//   - check runs lessons.Check on the commands typed since lesson N, next
//     or lesson reset, one a line, so that "your line 3" in its
//     explanation is the third of them; a pass is recorded and next opens
//     the next exercise (printing only the exercise's part of the page),
//     previous the one before.
//     For a predict exercise, predict die: NAMES; restart: NAMES is the
//     answer instead.
//   - hint shows the exercise's next hint (counted), lesson reset puts the
//     world back in the exercise's starting state and starts the answer
//     again. A later save writes the exercise's setup, then the answer.
//
// Progress is kept in $XDG_STATE_HOME/crashcourse/progress.json (see
// lessons.DefaultStore) after every move; a corrupt file is set aside
// with a note, never fatal. A lesson command that cannot be done (no
// lesson open, check on a predict exercise) says why and does not change
// a script's exit status.
//
// Non-interactive mode (stdin is not a terminal) reads commands from stdin
// and prints exactly what `crashcourse run` prints for a file of the same
// lines (`crashcourse run -v` with Verbose), with "<stdin>" as the file
// name: a PASS or FAIL line per expectation, errors with a caret, notes,
// and the closing "N passed, M failed". Unlike run, a line that does not
// parse is reported with its caret and the rest still runs. The exit status
// is the one run would give: 2 when some input could not be parsed or read
// (or a save or load failed), else 1 when an expectation failed, else 0.
//
// Limits, each reported with a message rather than a panic or a hang: a
// line of more than 1 MiB is ignored (at the interactive prompt, whose
// editing cost grows with the square of the line, more than 2048 bytes);
// a command spans at most 1000 lines and 256 KiB; a load reads a regular
// file only (a pipe or a device is refused: opening one could wait for
// ever), of at most 16 MiB and 100,000 commands, and Ctrl-C stops it; a
// command shows at most 200 of the events it caused and 1000 of the lines
// it printed interactively (10,000 of each in verbose non-interactive
// mode); `trace` prints at most 10,000 entries; Tab offers at most 500
// candidates; the simulator itself bounds the processes of a world and
// the events of run, advance and step.
package repl
