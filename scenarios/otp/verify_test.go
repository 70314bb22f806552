package otp

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
)

func verifySrc(t *testing.T, name, src string) (Report, string, error) {
	t.Helper()
	rt := requireErlang(t)
	var out strings.Builder
	rep, err := Verify(context.Background(), rt, name, []byte(src), Options{}, &out)
	return rep, out.String(), err
}

// plantedBase agrees with OTP everywhere; planting a wrong expectation in
// it must make verify report DIFFER for exactly that line.
const plantedBase = `spawn boss trap_exit
boss: spawn_link worker
worker: crash db_down
expect dead worker reason={db_down, _}
expect mailbox boss [{'EXIT', <worker>, {db_down, [...]}}]
sup app intensity=2 {
  worker repo
  worker api trap_exit terminate=50ms
}
mark
repo: crash boom
repo: crash boom
repo: crash boom
run
expect exit_order repo api app
expect dead app reason=shutdown
`

func TestVerifyAgreesOnACorrectScenario(t *testing.T) {
	rep, out, err := verifySrc(t, "base.scn", plantedBase)
	require.NoError(t, err)
	assert.Equal(t, 0, rep.Differ, out)
	assert.Equal(t, 0, rep.FailBoth, out)
	assert.Greater(t, rep.Agree, 10)
	assert.Contains(t, out, "AGREE  base.scn:15 expect exit_order repo api app")
	assert.True(t, strings.HasSuffix(out, " agree, 0 differ, 0 fail on both\n"), out)
}

// A false expectation that the simulator and OTP agree about is a FAIL on
// both, counted apart from differences.
func TestVerifyFailsAWrongExpectationOnBoth(t *testing.T) {
	// Line 16 now claims the supervisor exited normal: both say shutdown.
	src := strings.Replace(plantedBase, "expect dead app reason=shutdown", "expect dead app reason=normal", 1)
	rep, out, err := verifySrc(t, "planted.scn", src)
	require.NoError(t, err)
	var failed []Point
	for _, p := range rep.Points {
		if p.Verdict != Agree {
			failed = append(failed, p)
		}
	}
	require.Len(t, failed, 1, out)
	assert.Equal(t, FailBoth, failed[0].Verdict)
	assert.Equal(t, 16, failed[0].Pos.Line)
	assert.Equal(t, "dead with reason shutdown", failed[0].OTP)
	assert.Contains(t, out, "FAIL   planted.scn:16 expect dead app reason=normal on both: dead with reason shutdown\n")
	assert.True(t, strings.HasSuffix(out, " agree, 0 differ, 1 fail on both\n"), out)
	assert.True(t, rep.Failed())
}

// --runs runs OTP several times and says so; a scenario OTP always runs
// the same way agrees as with one run.
func TestVerifyRunsOTPSeveralTimes(t *testing.T) {
	rt := requireErlang(t)
	var out strings.Builder
	rep, err := Verify(context.Background(), rt, "base.scn", []byte(plantedBase), Options{Runs: 3}, &out)
	require.NoError(t, err)
	assert.Equal(t, 3, rep.Runs)
	assert.Zero(t, rep.Differ, out.String())
	assert.Zero(t, rep.FailBoth, out.String())
	assert.Contains(t, out.String(), "note: OTP ran the scenario 3 times; it varied at ")
}

// Every translatable built-in scenario agrees with the real runtime. The
// runs are sequential: real time on a loaded machine is what makes the
// real runtime's races show.
func TestVerifyBuiltinScenarios(t *testing.T) {
	rt := requireErlang(t)
	for _, s := range scenarios.Builtin() {
		t.Run(s.Name, func(t *testing.T) {
			var out strings.Builder
			rep, err := Verify(context.Background(), rt, "builtin:"+s.Name, s.Src, Options{}, &out)
			var te *TranslateError
			if s.Name == "extensions" {
				require.True(t, errors.As(err, &te), "extensions use backoff= and health=: %v", err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, 0, rep.Differ, out.String())
		})
	}
}

// Two children that die at the same instant reach their supervisor in an
// order Erlang leaves open; with intensity=1 the order decides which one
// is restarted before the supervisor gives up. Whichever OTP takes, the
// simulator takes too in one of its interleavings: no DIFFER.
const twinDeaths = `sup top intensity=1 {
  worker a
  worker b
}
spawn p
p: link a
p: link b
p: exit boom
expect dead top reason=shutdown
`

func TestVerifyAcceptsEitherOrderOfConcurrentDeaths(t *testing.T) {
	rep, out, err := verifySrc(t, "twin.scn", twinDeaths)
	require.NoError(t, err)
	assert.Zero(t, rep.Differ, out)
	assert.Zero(t, rep.FailBoth, out)
}

// A run that needs more real time than MaxReal is refused before anything
// runs (no runtime is needed to refuse it), with the estimate.
func TestVerifyRefusesARunLongerThanMaxReal(t *testing.T) {
	// Two restarts an hour apart under period=1: the window decides, so the
	// hour runs in real time.
	window := "sup s intensity=3 period=1 {\n  worker w\n}\nw: crash\nadvance 1h\nw: crash\n"
	tests := []struct {
		name     string
		src      string
		o        Options
		estimate string
	}{
		{"restart window in real time", window, Options{}, "about 1h0m1s"},
		{"forced scale", "spawn a\nadvance 10m\n", Options{Scale: 1}, "about 10m0s"},
		{"a limit set lower", "spawn a\nadvance 10s\n", Options{Scale: 1, MaxReal: 5 * time.Second}, "about 10s"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out strings.Builder
			_, err := Verify(context.Background(), nil, "long.scn", []byte(tc.src), tc.o, &out)
			var long *TooLongError
			require.True(t, errors.As(err, &long), "%v", err)
			assert.Contains(t, err.Error(), tc.estimate)
			assert.Contains(t, err.Error(), "--max-real")
			assert.Empty(t, out.String(), "nothing is reported before the run")
		})
	}
}

// Compressed runs fit in the default limit whatever their virtual time.
func TestVerifyCompressedRunsFitTheDefaultLimit(t *testing.T) {
	tr, err := translateSrc(t, "spawn a\nadvance 24h\n")
	require.NoError(t, err)
	tr.chooseScale(Options{})
	assert.LessOrEqual(t, tr.realTime(), DefaultBudget)
}
