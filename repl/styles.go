package repl

import "charm.land/lipgloss/v2"

// styles are the colours of the REPL's output. They apply only when
// colour is on (see useColor); plain output never contains escapes.
type styles struct {
	promptTime, promptPending lipgloss.Style
	time, seq, who, cause     lipgloss.Style
	death, trap, birth, mail  lipgloss.Style
	pass, fail, err, note     lipgloss.Style
	echo, narration           lipgloss.Style
}

// defaultStyles uses the 16 basic ANSI colours, which every terminal
// theme adapts to its background.
func defaultStyles() styles {
	s := lipgloss.NewStyle().TabWidth(lipgloss.NoTabConversion)
	return styles{
		promptTime:    s.Foreground(lipgloss.Cyan),
		promptPending: s.Foreground(lipgloss.Yellow),
		time:          s.Faint(true),
		seq:           s.Faint(true),
		who:           s.Bold(true),
		cause:         s.Faint(true),
		death:         s.Foreground(lipgloss.Red),
		trap:          s.Foreground(lipgloss.Yellow),
		birth:         s.Foreground(lipgloss.Green),
		mail:          s.Foreground(lipgloss.Cyan),
		pass:          s.Foreground(lipgloss.Green).Bold(true),
		fail:          s.Foreground(lipgloss.Red).Bold(true),
		err:           s.Foreground(lipgloss.Red),
		note:          s.Foreground(lipgloss.Yellow),
		echo:          s.Bold(true),
		narration:     s.Italic(true),
	}
}
