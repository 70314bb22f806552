package repl

import (
	"bufio"
	"fmt"
	"io"
	"strconv"

	"charm.land/lipgloss/v2"
)

// output writes the REPL's lines, coloured or plain.
type output struct {
	w     *bufio.Writer
	color bool
	st    styles
	// width is the terminal's width, which event lines wrap to; nil (a
	// script) leaves them a line each, as `crashcourse run` prints them.
	width func() int
}

// eventWidth is the width event lines wrap to under a command, whose
// output is indented by two columns; 0 means no wrapping.
func (o *output) eventWidth() int {
	if o.width == nil {
		return 0
	}
	return max(0, o.width()-2)
}

func newOutput(w io.Writer, color bool) *output {
	return &output{w: bufio.NewWriter(w), color: color, st: defaultStyles()}
}

// paint renders text in style s when colour is on.
func (o *output) paint(s lipgloss.Style, text string) string {
	if !o.color || text == "" {
		return text
	}
	return s.Render(text)
}

func (o *output) line(s string) {
	o.w.WriteString(s)
	o.w.WriteByte('\n')
}

func (o *output) printf(format string, args ...any) { fmt.Fprintf(o.w, format, args...) }

func (o *output) flush() { o.w.Flush() }

func itoa(n int) string { return strconv.Itoa(n) }
