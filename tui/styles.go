package tui

import (
	"image/color"

	"charm.land/lipgloss/v2"
)

// Styles are the TUI's colours and emphasis. Every status also has a
// symbol and a word, so the tree reads the same without colour.
type Styles struct {
	Title, Pane, Faint, Bold   lipgloss.Style
	Selected, Cascade, WhyLink lipgloss.Style
	Running, Init, Terminating lipgloss.Style
	Hung, Dead, Restarting     lipgloss.Style
	NotRunning, Flash, Calling lipgloss.Style
	Badge, Err, Note, Key      lipgloss.Style
	WindowIn, WindowOut        lipgloss.Style
}

// DefaultStyles picks colours that read on a dark background when isDark,
// on a light one otherwise. With noColor every style keeps only bold,
// faint and reverse, which NO_COLOR allows.
func DefaultStyles(isDark, noColor bool) Styles {
	ld := lipgloss.LightDark(isDark)
	c := func(light, dark string) color.Color { return ld(lipgloss.Color(light), lipgloss.Color(dark)) }
	base := lipgloss.NewStyle()
	fg := func(col color.Color) lipgloss.Style {
		if noColor {
			return base
		}
		return base.Foreground(col)
	}
	s := Styles{
		Title:       fg(c("#5f00af", "#d7afff")).Bold(true),
		Pane:        fg(c("#444444", "#bcbcbc")),
		Faint:       base.Faint(true),
		Bold:        base.Bold(true),
		Selected:    base.Reverse(true),
		Cascade:     fg(c("#875f00", "#ffd787")),
		WhyLink:     fg(c("#af0000", "#ff8787")).Bold(true),
		Running:     fg(c("#005f00", "#87d787")),
		Init:        fg(c("#875f00", "#ffd75f")),
		Terminating: fg(c("#af5f00", "#ffaf5f")),
		Hung:        fg(c("#870087", "#d787d7")),
		Dead:        fg(c("#af0000", "#ff5f5f")).Bold(true),
		Restarting:  fg(c("#005f87", "#5fd7ff")),
		NotRunning:  base.Faint(true),
		Flash:       base.Reverse(true).Bold(true),
		Calling:     fg(c("#005f5f", "#5fd7d7")),
		Badge:       fg(c("#5f5f87", "#afafd7")),
		Err:         fg(c("#af0000", "#ff5f5f")),
		Note:        fg(c("#875f00", "#ffd75f")),
		Key:         fg(c("#005f87", "#87d7ff")).Bold(true),
		WindowIn:    fg(c("#af0000", "#ff5f5f")).Bold(true),
		WindowOut:   base.Faint(true),
	}
	return s
}
