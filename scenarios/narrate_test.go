package scenarios

import (
	"bytes"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
)

// The comments between commands are narration for the command after them:
// paragraphs split by blank lines, each block printed after a blank line.
// A comment inside a command (a sup body, a hint) is not narration; the
// comments after the last command are the end's.
func TestNarrationPrecedesTheCommandItExplains(t *testing.T) {
	src := "# Title.\n# More.\n\n# Second paragraph.\nspawn a\nspawn b # hint: not narration\n" +
		"sup s {\n  # inside the body\n  worker w\n}\n#\n# after a bare #\n\nkill a\n# the end\n"
	cmds, err := Parse("t.scn", []byte(src))
	require.NoError(t, err)
	before, end := NarrationOf([]byte(src), cmds)
	require.Equal(t, [][]string{
		{"", "Title.", "More.", "", "Second paragraph."},
		nil,
		nil,
		{"", "after a bare #"},
	}, before)
	require.Equal(t, []string{"", "the end"}, end)
}

// run -v prints the narration before the command it precedes; run
// without -v does not.
func TestRunVerboseNarratesComments(t *testing.T) {
	src := "# Start two processes.\nspawn a\n# Then kill one.\nkill a\nexpect dead a\n"
	var quiet, loud bytes.Buffer
	_, _, err := RunScript("t.scn", []byte(src), RunOptions{}, &quiet)
	require.NoError(t, err)
	_, _, err = RunScript("t.scn", []byte(src), RunOptions{Verbose: true}, &loud)
	require.NoError(t, err)
	require.NotContains(t, quiet.String(), "Then kill one.")
	require.Contains(t, loud.String(), "\nStart two processes.\n> spawn a\n")
	require.Contains(t, loud.String(), "\nThen kill one.\n> kill a\n")
}

// Every built-in has its place in the suggested learning order, and a
// description of one sentence.
func TestEveryBuiltinHasAPlaceInTheLearningOrder(t *testing.T) {
	for _, s := range Builtin() {
		require.True(t, slices.Contains(learningOrder, s.Name), "%s is not in learningOrder", s.Name)
		require.NotEmpty(t, s.Description(), s.Name)
		require.NotContains(t, s.Description(), "(fact", s.Name)
	}
	require.Equal(t, "tour", Catalogue()[0].Name)
}
