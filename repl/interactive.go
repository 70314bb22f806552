package repl

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"

	"github.com/chzyer/readline"
	"github.com/crashcourse/crashcourse/scenarios"
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
	sh.useLessons(o.Lessons)
	cfg, guard := readlineConfig(o, sh)
	rl, err := readline.NewEx(cfg)
	if err != nil {
		fmt.Fprintf(o.Stderr, "crashcourse repl: %v\n", err)
		return ExitBroken
	}
	defer rl.Close()
	sh.width, out.width = cfg.FuncGetWidth, cfg.FuncGetWidth
	hist := keepHistory(o, rl)
	defer hist.Close()
	if o.term == nil {
		stop := catchInterrupts(sh)
		defer stop()
	}
	out.printf("%s", banner)
	out.flush()
	return loop(rl, sh, guard, hist)
}

// keepHistory opens the history (see scenarios.History), gives readline
// what it holds, and tells the user what they should know about it.
func keepHistory(o Options, rl *readline.Instance) *scenarios.History {
	hist, entries, notes := scenarios.OpenHistory(o.HistoryFile)
	for _, n := range notes {
		fmt.Fprintln(o.Stderr, "crashcourse repl: "+n)
	}
	for _, e := range entries {
		rl.SaveHistory(e)
	}
	return hist
}

// loop is the read-eval-print loop proper.
func loop(rl *readline.Instance, sh *shell, guard *inputGuard, hist *scenarios.History) int {
	for !sh.quit {
		rl.SetPrompt(sh.prompt())
		line, err := rl.Readline()
		dropped := guard.dropped.Swap(false)
		switch {
		case errors.Is(err, readline.ErrInterrupt):
			sh.interrupt()
			continue
		case errors.Is(err, io.EOF):
			if guard.ended.Load() || sh.endOfInput() {
				return ExitOK
			}
			sh.out.flush()
			continue
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
		for _, h := range scenarios.HistoryEntries(text) {
			rl.SaveHistory(h)
			hist.Add(h)
		}
	}
	return ExitOK
}

// readlineConfig configures readline for the shell, and returns the guard
// on its input. History is kept in memory only: the REPL reads and writes
// its file itself, within bounds (see scenarios.History).
func readlineConfig(o Options, sh *shell) (*readline.Config, *inputGuard) {
	cfg := &readline.Config{
		Prompt:                 sh.prompt(),
		HistoryLimit:           scenarios.MaxHistoryEntries,
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
	return cfg, guard
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
