package otp

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
)

// The conformance corpus: scenarios/conformance/*.scn, one small scenario
// per case of otp-facts.md, named by its fact (a01_…, x1_…, e32_…).
func corpus(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "conformance", "*.scn"))
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(files), 80, "the corpus has at least 80 scenarios")
	return files
}

// Every scenario of the corpus passes in the simulator: every expectation
// holds, and every command that fails is followed by `expect error`.
func TestCorpusRuns(t *testing.T) {
	for _, f := range corpus(t) {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		var out strings.Builder
		sum, _, err := scenarios.RunScript(f, src, scenarios.RunOptions{}, &out)
		require.NoError(t, err, f)
		assert.Zero(t, sum.Failed, "%s:\n%s", f, out.String())
		assert.Zero(t, sum.Errors, "%s: a command failed without `expect error` after it:\n%s", f, out.String())
		assert.Positive(t, sum.Passed, "%s has no expectation", f)
	}
}

// Every numbered fact of otp-facts.md A–E (1–32) and X1 has a scenario.
func TestCorpusCoversEveryFact(t *testing.T) {
	have := map[string]bool{}
	name := regexp.MustCompile(`^([a-e])(\d\d)_|^(x1)_|^(v11)_`)
	for _, f := range corpus(t) {
		m := name.FindStringSubmatch(filepath.Base(f))
		require.NotNil(t, m, "%s is not named by its fact (or v11_ for a rule of LANGUAGE.md's v1.1 additions)", f)
		if m[4] != "" {
			continue
		}
		if m[3] != "" {
			have["X1"] = true
			continue
		}
		have[strings.TrimLeft(m[2], "0")] = true
		assert.Equal(t, factSection(m[2]), m[1], "%s: fact %s is in section %s", f, m[2], factSection(m[2]))
	}
	for n := 1; n <= 32; n++ {
		assert.True(t, have[itoa(n)], "no scenario for fact %d", n)
	}
	assert.True(t, have["X1"], "no scenario for X1")
}

// factSection is the section of otp-facts.md a numbered fact is in.
func factSection(n string) string {
	switch k := atoi(n); {
	case k <= 12:
		return "a"
	case k <= 16:
		return "b"
	case k <= 19:
		return "c"
	case k == 20:
		return "d"
	}
	return "e"
}

func itoa(n int) string { return strconv.Itoa(n) }

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// A sample of the corpus agrees with the real runtime (CI verifies all of
// it with `crashcourse verify scenarios/conformance`).
// The runs are sequential: real time on a loaded machine is what makes
// the real runtime's races show.
func TestCorpusSampleVerifies(t *testing.T) {
	rt := requireErlang(t)
	for _, f := range corpus(t) {
		base := filepath.Base(f)
		if !strings.HasSuffix(strings.TrimSuffix(base, ".scn"), "kill") && !strings.HasPrefix(base, "e27") && !strings.HasPrefix(base, "x1") && !strings.HasPrefix(base, "v11_") {
			continue
		}
		t.Run(base, func(t *testing.T) {
			src, err := os.ReadFile(f)
			require.NoError(t, err)
			var out strings.Builder
			rep, err := Verify(context.Background(), rt, f, src, Options{}, &out)
			require.NoError(t, err)
			assert.Zero(t, rep.Differ, out.String())
		})
	}
}
