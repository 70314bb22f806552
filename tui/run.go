package tui

import (
	"io"

	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/scenarios"
)

// RunOptions configure Run.
type RunOptions struct {
	Title   string // the scenario's name, for the header
	Src     []byte // the scenario whose commands run first
	Seed    uint64
	Lesson  string // a lesson to open at once: its number or name ("" for none)
	NoColor bool
	Input   io.Reader // nil: the program's terminal
	Output  io.Writer // nil: standard output
	// KeepHistory and HistoryFile: see Options.
	KeepHistory bool
	HistoryFile string
}

// Run opens the TUI on the scenario in o.Src, after running its commands
// (the cursor starts at the end of their trace), and returns when the
// learner quits. A scenario that does not parse is returned as the
// scenarios.ErrorList, and nothing opens.
func Run(o RunOptions) error {
	cmds, err := scenarios.Parse(o.Title, o.Src)
	if err != nil {
		return err
	}
	s := scenarios.NewSession(o.Seed)
	s.AddSource(o.Title, o.Src)
	m := New(s, Options{Title: o.Title, NoColor: o.NoColor, KeepHistory: o.KeepHistory, HistoryFile: o.HistoryFile})
	defer m.closeHistory()
	m.Preload(cmds)
	if o.Lesson != "" {
		m = m.OpenLesson(o.Lesson, 0)
	}
	var opts []tea.ProgramOption
	if o.Input != nil {
		opts = append(opts, tea.WithInput(o.Input))
	}
	if o.Output != nil {
		opts = append(opts, tea.WithOutput(o.Output))
	}
	_, err = tea.NewProgram(m, opts...).Run()
	return err
}
