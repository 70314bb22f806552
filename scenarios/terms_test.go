package scenarios

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// An expected map matches a map with exactly the same keys, each value
// matching its pattern (`_` included); key order as written does not matter.
func TestExpectedMapMatchesExactlySameKeys(t *testing.T) {
	for _, c := range []struct {
		pattern string
		pass    bool
	}{
		{"#{a => 1, b => <<\"x\">>}", true},
		{"#{b => <<\"x\">>, a => 1}", true},
		{"#{a => _, b => _}", true},
		{"#{a => 1}", false},
		{"#{a => 1, b => <<\"x\">>, c => 2}", false},
		{"#{a => 2, b => <<\"x\">>}", false},
		{"#{a => 1.0, b => <<\"x\">>}", false},
		{"#{a => 1, b => \"x\"}", false},
		{"#{a => 1, b => <<120>>}", true},
		{"{a, 1}", false},
		{"_", true},
	} {
		sum, out := runText(t, "spawn p\nsend p #{b => <<\"x\">>, a => 1}\nexpect mailbox p ["+c.pattern+"]\n")
		require.Equal(t, c.pass, sum.Failed == 0, "%s\n%s", c.pattern, out)
	}
}

// A map key may be the pid of a named process; it is resolved when the
// command runs.
func TestMapKeysResolvePids(t *testing.T) {
	sum, out := runText(t, "spawn p\nspawn q\nsend p #{<q> => up}\nexpect mailbox p [#{<q> => up}]\nkill q\nspawn q\nexpect mailbox p [#{<q> => up}]\n")
	require.Equal(t, Summary{Passed: 1, Failed: 1}, sum, out)
}
