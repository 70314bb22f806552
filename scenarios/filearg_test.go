package scenarios

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFileArgument(t *testing.T) {
	cases := []struct {
		name, line, want, err string
	}{
		{"bare name", "save trio.scn", "trio.scn", ""},
		{"bare name, spaces around", "save   trio.scn  ", "trio.scn", ""},
		{"string loses its quotes", `save "q.scn"`, "q.scn", ""},
		{"string with spaces and escapes", `save "my \"best\" run.scn"`, `my "best" run.scn`, ""},
		{"string then a comment", `save "a.scn" # for Monday`, "a.scn", ""},
		{"unterminated string", `save "a.scn`, "", `<repl>:3:6: unterminated string`},
		{"text after the string", `save "a" b`, "", `<repl>:3:10: unexpected text after the file name`},
		{"empty string", `save ""`, "", `<repl>:3:6: the file name is empty`},
		{"bad escape", `save "a\qb"`, "", `<repl>:3:8: unknown escape sequence`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := FileArgument(Pos{File: "<repl>", Line: 3, Col: 5}, c.line)
			if c.err != "" {
				require.ErrorContains(t, err, c.err)
				require.Len(t, err.(ErrorList), 1)
				require.Equal(t, c.line, err.(ErrorList)[0].Line)
				return
			}
			require.NoError(t, err)
			require.Equal(t, c.want, got)
		})
	}
}
