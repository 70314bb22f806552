package scenarios

import (
	"strings"
	"unicode/utf8"

	"github.com/crashcourse/crashcourse/sim"
)

// Widths of an event line's columns. The time column is at least
// minTimeWidth wide, and as wide as the longest time among the lines
// printed together, so that any time the clock can show (up to
// sim.MaxTime) keeps the columns aligned.
const (
	minTimeWidth = 7
	seqWidth     = 5
	whoWidth     = 10
)

// maxIndent caps the indentation of long cascades: past this causal depth
// the indentation stays as wide, and shows the depth as a number.
const maxIndent = 8

// maxShownDepth bounds the causes FormatEntryIn follows to tell a depth.
const maxShownDepth = 9999

// EventRow is one trace entry as an event line shows it, column by column,
// so that a face can colour the columns and wrap the text.
type EventRow struct {
	Time   string // the entry's virtual time
	Seq    string // "#N"
	Indent string // the causal depth (see Indent)
	Who    string // the subject (see Who)
	Text   string // what happened (see Describe)
	Cause  string // "← #N", or "" for an entry a command made itself
}

// NewEventRow is trace entry s at causal depth depth.
func NewEventRow(w *sim.World, s sim.Seq, depth int) EventRow {
	e := w.Entry(s)
	row := EventRow{Time: e.At.String(), Seq: "#" + itoa(int(s)), Indent: Indent(depth), Who: Who(w, s), Text: Describe(w, s)}
	if e.Cause != 0 {
		row.Cause = "← #" + itoa(int(e.Cause))
	}
	return row
}

// EventRows are the entries r caused, at their causal depths (see Depths).
func EventRows(w *sim.World, r Result) []EventRow {
	depths := Depths(w, r)
	rows := make([]EventRow, len(depths))
	for i, d := range depths {
		rows[i] = NewEventRow(w, r.From+sim.Seq(i), d)
	}
	return rows
}

// Indent is the indentation of an entry at causal depth depth: two spaces
// a level up to maxIndent levels; deeper, as wide as that, ending with the
// depth in parentheses: "          (12) ".
func Indent(depth int) string {
	if depth <= maxIndent {
		return strings.Repeat("  ", depth)
	}
	label := "(" + itoa(depth) + ") "
	return strings.Repeat(" ", max(0, 2*maxIndent-len(label))) + label
}

// TimeWidth is the width of the time column for rows printed together.
func TimeWidth(rows []EventRow) int {
	n := minTimeWidth
	for _, r := range rows {
		n = max(n, len(r.Time))
	}
	return n
}

// Head is the row's columns before its text, padded, with the space
// before the text.
func (r EventRow) Head(timeWidth int) string {
	return padRight(r.Time, timeWidth) + " " + padRight(r.Seq, seqWidth) + " " + r.Indent + padRight(r.Who, whoWidth) + " "
}

// Tail is the text and the cause after it.
func (r EventRow) Tail() string {
	if r.Cause == "" {
		return r.Text
	}
	return r.Text + "   " + r.Cause
}

// Lines lays the row out in lines of at most width columns (0: one line)
// with the time column timeWidth wide: the text wraps at spaces, each
// further line indented to start under the text; a term too long for a
// line breaks after a comma (or, with none, at the width). The cause ends
// the last line, or takes a line of its own when it does not fit there.
func (r EventRow) Lines(timeWidth, width int) []string {
	head := r.Head(timeWidth)
	hang := strings.Repeat(" ", utf8.RuneCountInString(head))
	lines := fitLines(Wrap(head+r.Text, width, hang), width, hang)
	if r.Cause == "" {
		return lines
	}
	last := &lines[len(lines)-1]
	if width <= 0 || utf8.RuneCountInString(*last)+3+utf8.RuneCountInString(r.Cause) <= width {
		*last += "   " + r.Cause
		return lines
	}
	return append(lines, hang+r.Cause)
}

// fitLines breaks each line longer than width after its last comma that
// fits (at width when none does), continuing under hang. A hang that
// leaves no room is not used.
func fitLines(lines []string, width int, hang string) []string {
	if width <= 0 {
		return lines
	}
	if len(hang) >= width/2 {
		hang = ""
	}
	var out []string
	for _, l := range lines {
		for r := []rune(l); ; {
			if len(r) <= width {
				out = append(out, string(r))
				break
			}
			cut := width
			if i := lastIndexRune(r[:width], ','); i >= len(hang) && i > 0 {
				cut = i + 1
			}
			out = append(out, string(r[:cut]))
			r = []rune(hang + string(r[cut:]))
		}
	}
	return out
}

func lastIndexRune(r []rune, c rune) int {
	for i := len(r) - 1; i >= 0; i-- {
		if r[i] == c {
			return i
		}
	}
	return -1
}

// LayEvents lays out rows printed together (see EventRow.Lines).
func LayEvents(rows []EventRow, width int) []string {
	tw := TimeWidth(rows)
	var lines []string
	for _, r := range rows {
		lines = append(lines, r.Lines(tw, width)...)
	}
	return lines
}

// Depths gives each entry of r its causal depth within the command: 0 for
// an entry whose cause came before the command, one more than its cause's
// depth otherwise.
func Depths(w *sim.World, r Result) []int {
	if r.To < r.From {
		return nil
	}
	depths := make([]int, r.To-r.From+1)
	for s := r.From; s <= r.To; s++ {
		if c := w.Entry(s).Cause; c >= r.From {
			depths[s-r.From] = depths[c-r.From] + 1
		}
	}
	return depths
}

// FormatEntryIn is FormatEntry with the subject indented by the causal
// depth of entry s within the command whose first entry is from, as
// EventLines indents it. It follows at most maxShownDepth causes, so a
// view can format the few lines it shows of a long cascade.
func FormatEntryIn(w *sim.World, from, s sim.Seq) string {
	depth := 0
	for c := w.Entry(s).Cause; c >= from && c != 0 && depth < maxShownDepth; c = w.Entry(c).Cause {
		depth++
	}
	return formatEntry(w, s, depth)
}

// EventLines formats the trace entries a command caused, one per line,
// indented by causal depth so a cascade reads like a story.
func EventLines(w *sim.World, r Result) []string {
	return LayEvents(EventRows(w, r), 0)
}
