package repl

import (
	"slices"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// The REPL's own commands, outside the language: its files, the lessons'
// commands, and quit.
var (
	fileCommands   = []string{"save", "save!", "load"}
	lessonCommands = []string{"lesson", "check", "hint", "next", "previous", "predict"}
	replCommands   = slices.Concat(fileCommands, lessonCommands, []string{"quit"})
)

// replHelp documents the REPL's own commands for `help`.
var replHelp = map[string][3]string{
	"save":  {"save FILE", "write this session as a scenario that replays to the same state", "save trio.scn"},
	"save!": {"save! FILE", "save, even over a FILE this session did not write", `save! "my trio.scn"`},
	"load":  {"load FILE", "run a scenario file in a fresh world (builtin:NAME: a built-in)", "load builtin:tour"},
	"quit":  {"quit", "leave the REPL (Ctrl-D too); asks first if unsaved", "quit"},
	"lesson": {"lesson [N|reset]", "the lessons and your progress; lesson N opens one; reset restarts the exercise",
		"lesson 1"},
	"check":    {"check", "check your commands since lesson N against the exercise's goal", "check"},
	"hint":     {"hint", "the exercise's next hint, each closer to the answer", "hint"},
	"next":     {"next", "open the lesson's next exercise", "next"},
	"previous": {"previous", "open the exercise before this one", "previous"},
	"predict":  {"predict ANSWER", "answer a predict exercise: die: NAMES; restart: NAMES", "predict die: a b; restart: none"},
}

// replCommand runs line when it is one of the REPL's own commands (save,
// load, quit, or help about them) and reports whether it was.
func (sh *shell) replCommand(line string) bool {
	text, _, _ := strings.Cut(line, " #")
	verb, arg, _ := strings.Cut(strings.TrimSpace(text), " ")
	arg = strings.TrimSpace(arg)
	switch verb {
	case "quit":
		sh.flush(false)
		if arg != "" {
			sh.problem(sh.lineNo, "quit takes no argument")
			sh.sum.broken = true
			return true
		}
		sh.quit = sh.mayLeave()
	case "save", "save!", "load":
		sh.flush(false)
		sh.fileCommand(verb, arg, line)
	case "lesson", "check", "hint", "next", "previous", "predict":
		sh.lessonCommand(verb, arg)
	case "help":
		return sh.replCommandHelp(arg)
	default:
		return false
	}
	return true
}

// fileCommand runs save, save! or load. arg is the text after the verb,
// without a comment; a quoted name is read from line, as the language
// reads a string.
func (sh *shell) fileCommand(verb, arg, line string) {
	if arg == "" {
		sh.problem(sh.lineNo, "usage: "+replHelp[verb][0])
		sh.sum.broken = true
		return
	}
	name := arg
	if strings.HasPrefix(arg, `"`) {
		at := scenarios.Pos{File: sh.file, Line: sh.lineNo, Col: strings.Index(line, verb) + len(verb) + 1}
		var err error
		if name, err = scenarios.FileArgument(at, line); err != nil {
			sh.parseErrors(err, false)
			return
		}
	}
	switch verb {
	case "load":
		sh.load(name)
	default:
		sh.save(name, verb == "save!")
	}
}

// replCommandHelp answers `help save|load|quit`.
func (sh *shell) replCommandHelp(topic string) bool {
	h, ok := replHelp[topic]
	if !ok {
		return false
	}
	sh.flush(false)
	if sh.typed.events {
		for _, l := range scenarios.Wrap(topic+": "+h[1], sh.helpWidth(), "  ") {
			sh.out.line("  " + l)
		}
		sh.out.line("  usage: " + h[0])
		sh.out.line("  example: " + h[2])
	}
	return true
}

// helpWidth is the width help wraps at: the terminal's, less the indent of
// a command's output, or scenarios.HelpWidth.
func (sh *shell) helpWidth() int {
	if sh.width == nil {
		return scenarios.HelpWidth
	}
	return sh.width() - 2
}

// help completes, interactively, what the session's `help` prints: wrapped
// to the terminal's width, with the REPL's own commands under the index
// (briefly) and under help session, and a first exercise. A script prints
// what `crashcourse run` would.
func (sh *shell) help(c *scenarios.Command, r *scenarios.Result) {
	topic := c.Show.Topic
	if sh.script || r.Err != nil {
		return
	}
	width := sh.helpWidth()
	r.Lines, _ = scenarios.Help(topic, width)
	var more []string
	switch topic {
	case "":
		more = []string{"",
			"REPL: " + strings.Join(fileCommands, " ") + " quit   (help session)",
			"Lessons: " + strings.Join(lessonCommands, " "),
			"Tab completes, ↑ recalls, Ctrl-C cancels the line, Ctrl-D leaves.",
			"Start here: spawn a · a: spawn_link b · b: spawn_link c · kill b · why c"}
	case "session":
		more = []string{"", "The REPL's own commands:"}
		for _, v := range replCommands {
			more = append(more, "  "+padRight(replHelp[v][0], 17)+" "+replHelp[v][1])
		}
	}
	for _, l := range more {
		hang := 0
		if strings.HasPrefix(l, "  ") {
			hang = 20 // under the description of a command
		}
		r.Lines = append(r.Lines, scenarios.Wrap(l, width, strings.Repeat(" ", hang))...)
	}
}

func padRight(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat(" ", n-len(s))
}
