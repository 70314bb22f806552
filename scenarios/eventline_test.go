package scenarios

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// The causal indentation grows two columns a level up to maxIndent levels,
// then stays as wide and shows the depth.
func TestIndentCapsAndNumbersTheDepth(t *testing.T) {
	require.Equal(t, "", Indent(0))
	require.Equal(t, strings.Repeat("  ", maxIndent), Indent(maxIndent))
	require.Equal(t, strings.Repeat(" ", 2*maxIndent-4)+"(9) ", Indent(9))
	require.Equal(t, strings.Repeat(" ", 2*maxIndent-6)+"(123) ", Indent(123))
	for _, d := range []int{9, 10, 999, 12345} {
		require.Len(t, Indent(d), 2*maxIndent, "depth %d", d)
	}
}

// The time column fits the longest time printed with it, up to the
// clock's maximum.
func TestTimeColumnFitsAnyTime(t *testing.T) {
	rows := []EventRow{{Time: "0s"}, {Time: "1.5s"}}
	require.Equal(t, minTimeWidth, TimeWidth(rows))
	long := "875999h59m59.999999s" // the longest text a time up to sim.MaxTime prints as
	rows = append(rows, EventRow{Time: long})
	require.Equal(t, len(long), TimeWidth(rows))
	lines := LayEvents(rows, 0)
	require.Equal(t, strings.Index(lines[2], "#"), strings.Index(lines[0], "#"), "the seq column stays aligned")
}

// A row wraps under its text at spaces, a long term after a comma, and
// its cause ends the last line or takes one of its own.
func TestEventRowLines(t *testing.T) {
	row := EventRow{Time: "0s", Seq: "#4", Who: "b", Cause: "← #3",
		Text: "gets exit signal boom from a (link) → traps it: {'EXIT',<a>,boom} in its mailbox"}
	head := row.Head(minTimeWidth)
	require.Equal(t, []string{head + row.Text + "   ← #3"}, row.Lines(minTimeWidth, 0))
	lines := row.Lines(minTimeWidth, 60)
	hang := strings.Repeat(" ", len(head))
	require.Equal(t, []string{
		head + "gets exit signal boom from a (link)",
		hang + "→ traps it: {'EXIT',<a>,boom} in",
		hang + "its mailbox   ← #3",
	}, lines)
	row.Text = "gets exit signal boom from a (link) → traps it: {'EXIT',<a>,boom} in its mailbox, which is quite full"
	require.Equal(t, hang+"← #3", row.Lines(minTimeWidth, 60)[3], "no room for the cause on the last line")
	row.Text = "exits with reason {" + strings.Repeat("x,", 40) + "y}"
	for _, l := range row.Lines(minTimeWidth, 60) {
		require.LessOrEqual(t, utf8.RuneCountInString(l), 60, "%q", l)
		if strings.HasPrefix(l, hang+"x") {
			require.True(t, strings.HasSuffix(l, ",") || strings.HasSuffix(l, "← #3"), "%q breaks after a comma", l)
		}
	}
	row.Text = strings.Repeat("z", 100) // no space, no comma: cut at the width
	for _, l := range row.Lines(minTimeWidth, 60) {
		require.LessOrEqual(t, utf8.RuneCountInString(l), 60, "%q", l)
	}
}
