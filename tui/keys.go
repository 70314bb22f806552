package tui

import "charm.land/bubbles/v2/key"

// KeyMap is every key the TUI answers, and the source of its help (?).
// k kills, as fault injection reads best with the first letter, so the
// selection moves with the arrows and j.
type KeyMap struct {
	Up, Down, Fold, Focus           key.Binding
	Step, Back, Forward, Start, End key.Binding
	Play, Pause, Faster, Slower     key.Binding
	Wait                            key.Binding
	Kill, Crash, Exit, Normal, Hang key.Binding
	Why, Window, Lesson, Page       key.Binding
	Command                         key.Binding
	Help                            key.Binding
	Escape, Quit                    key.Binding
}

// DefaultKeyMap is the TUI's key map.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Up:      b([]string{"up", "ctrl+p"}, "↑", "select up"),
		Down:    b([]string{"down", "j", "ctrl+n"}, "↓/j", "select down"),
		Fold:    b([]string{"enter"}, "enter", "fold/unfold"),
		Focus:   b([]string{"tab"}, "tab", "tree ⇄ log"),
		Step:    b([]string{"space"}, "space", "step one event"),
		Back:    b([]string{"left", "b"}, "←/b", "back one event"),
		Forward: b([]string{"right"}, "→", "forward one event"),
		Start:   b([]string{"g", "home"}, "g", "to the start"),
		End:     b([]string{"G", "end"}, "G", "to the end"),
		Wait:    b([]string{"t"}, "t", "let 1s pass"),
		Play:    b([]string{"r"}, "r", "play"),
		Pause:   b([]string{"p"}, "p", "pause"),
		Faster:  b([]string{"+", "="}, "+", "play faster"),
		Slower:  b([]string{"-"}, "-", "play slower"),
		Kill:    b([]string{"k"}, "k", "kill"),
		Crash:   b([]string{"x"}, "x", "crash"),
		Exit:    b([]string{"e"}, "e", "exit, reason typed"),
		Normal:  b([]string{"n"}, "n", "exit normal"),
		Hang:    b([]string{"h"}, "h", "hang / recover"),
		Why:     b([]string{"w"}, "w", "why did it die"),
		Window:  b([]string{"v"}, "v", "restart window"),
		Lesson:  b([]string{"l"}, "l", "lesson pane"),
		Page:    b([]string{"L"}, "L", "lesson page"),
		Command: b([]string{":"}, ":", "command line"),
		Help:    b([]string{"?"}, "?", "all keys"),
		Escape:  b([]string{"esc"}, "esc", "clear / close"),
		Quit:    b([]string{"q", "ctrl+c"}, "q", "quit"),
	}
}

// ShortHelp is the one-line reminder under the panes.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Kill, k.Crash, k.Wait, k.Back, k.Play, k.Why, k.Command, k.Help, k.Quit}
}

// FullHelp is the help screen, one column per topic: the panes, time,
// faults.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Fold, k.Focus, k.Why, k.Window, k.Lesson, k.Page, k.Command, k.Help, k.Escape, k.Quit},
		{k.Wait, k.Step, k.Back, k.Forward, k.Start, k.End, k.Play, k.Pause, k.Faster, k.Slower},
		{k.Kill, k.Crash, k.Exit, k.Normal, k.Hang},
	}
}
