package otp

import (
	"context"
	"errors"
	"strings"
	"testing"

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
	assert.Greater(t, rep.Agree, 10)
	assert.Contains(t, out, "AGREE  base.scn:15 expect exit_order repo api app")
	assert.True(t, strings.HasSuffix(out, "0 differ\n"), out)
}

func TestVerifyReportsAPlantedWrongExpectation(t *testing.T) {
	// Line 16 now claims the supervisor exited normal: OTP says shutdown.
	src := strings.Replace(plantedBase, "expect dead app reason=shutdown", "expect dead app reason=normal", 1)
	rep, out, err := verifySrc(t, "planted.scn", src)
	require.NoError(t, err)
	var differ []Point
	for _, p := range rep.Points {
		if !p.Agree {
			differ = append(differ, p)
		}
	}
	require.Len(t, differ, 1, out)
	assert.Equal(t, 16, differ[0].Pos.Line)
	assert.Equal(t, "dead with reason shutdown", differ[0].OTP)
	assert.Contains(t, out, "DIFFER planted.scn:16 expect dead app reason=normal: sim=dead with reason shutdown otp=dead with reason shutdown")
	assert.Contains(t, out, "1 differ\n")
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
