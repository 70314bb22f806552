package repl

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/chzyer/readline"
)

// banner greets a learner.
const banner = `crashcourse repl — Erlang processes on a virtual clock.
Type help for the commands, Tab to complete, Ctrl-D to leave.
Try a linked trio:  spawn a · a: spawn_link b · b: spawn_link c · kill b · why c
`

// fakeTerminal lets tests drive the interactive REPL from a plain reader.
type fakeTerminal struct{ width int }

// runInteractive reads lines with readline until Ctrl-D or quit.
func runInteractive(o Options) int {
	out := newOutput(o.Stdout, o.term == nil && useColor(o.Stdout))
	sh := newShell(o.Seed, "<repl>", false, true, out)
	cfg, history, guard := readlineConfig(o, sh)
	rl, err := readline.NewEx(cfg)
	if err != nil {
		fmt.Fprintf(o.Stderr, "crashcourse repl: %v\n", err)
		return ExitBroken
	}
	defer rl.Close()
	if o.term == nil {
		stop := catchInterrupts(sh)
		defer stop()
	}
	if history == "" {
		fmt.Fprintln(o.Stderr, "crashcourse repl: no state directory for the history; it will not be kept")
	}
	out.printf("%s", banner)
	out.flush()
	return loop(rl, sh, guard)
}

// loop is the read-eval-print loop proper.
func loop(rl *readline.Instance, sh *shell, guard *inputGuard) int {
	for !sh.quit {
		rl.SetPrompt(sh.prompt())
		line, err := rl.Readline()
		dropped := guard.dropped.Swap(false)
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			sh.interrupt()
			continue
		case errors.Is(err, io.EOF):
			return ExitOK
		case err != nil:
			return ExitBroken
		case dropped:
			sh.refuse("line longer than " + itoa(maxTypedBytes) + " bytes at the prompt; ignored " +
				"(for long input: load FILE, or crashcourse repl < FILE)")
			sh.out.flush()
			continue
		}
		text := sh.feed(line)
		sh.out.flush()
		for _, h := range historyEntries(text) {
			rl.SaveHistory(h)
		}
	}
	return ExitOK
}

// readlineConfig configures readline for the shell, and returns the
// history file it uses ("" for none) and the guard on its input.
func readlineConfig(o Options, sh *shell) (*readline.Config, string, *inputGuard) {
	history := o.HistoryFile
	if history == "" {
		history = defaultHistoryFile()
	}
	if history != "" && os.MkdirAll(filepath.Dir(history), 0o700) != nil {
		history = ""
	}
	cfg := &readline.Config{
		Prompt:                 sh.prompt(),
		HistoryFile:            history,
		DisableAutoSaveHistory: true,
		HistorySearchFold:      true,
		AutoComplete:           completer{sh},
		InterruptPrompt:        "^C",
		EOFPrompt:              "\n",
		Stdout:                 o.Stdout,
		Stderr:                 o.Stderr,
	}
	guard := &inputGuard{r: io.NopCloser(o.Stdin)}
	if f, ok := o.Stdin.(*os.File); ok && f == os.Stdin {
		guard.r = readline.NewCancelableStdin(f)
	}
	cfg.Stdin = guard
	if t := o.term; t != nil {
		cfg.FuncIsTerminal = func() bool { return true }
		cfg.FuncMakeRaw = func() error { return nil }
		cfg.FuncExitRaw = func() error { return nil }
		cfg.FuncGetWidth = func() int { return t.width }
		cfg.FuncOnWidthChanged = func(func()) {}
	}
	return cfg, history, guard
}

// defaultHistoryFile is $XDG_STATE_HOME/crashcourse/history, by default
// ~/.local/state/crashcourse/history; "" when there is no home.
func defaultHistoryFile() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil || home == "" {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "crashcourse", "history")
}

// historyEntries is what history keeps of a command: the command itself,
// with a multi-line one joined by "; " (which the language reads the
// same) unless a comment would swallow the rest, then line by line.
func historyEntries(text string) []string {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	lines := strings.Split(text, "\n")
	if len(lines) == 1 || strings.Contains(text, "#") {
		return lines
	}
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return []string{strings.Join(lines, "; ")}
}

// catchInterrupts keeps Ctrl-C from killing the REPL while a command runs
// (the terminal is not in raw mode then): it stops the command at the
// event it reached instead, and a load with it. It returns the function
// that stops catching.
func catchInterrupts(sh *shell) func() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case <-ch:
				sh.interrupted.Store(true)
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
