package otp

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// twinRun is what OTP 25 does with twinDeaths (minus its expectation):
// top gets b's EXIT first, restarts b, then gives up on a's and stops b#2.
func twinRun() *otpRun {
	shutdown, boom := atom("shutdown"), atom("boom")
	return &otpRun{
		results: map[int]term{0: atom("ok"), 1: atom("ok"), 2: atom("ok"), 3: atom("ok"), 4: atom("ok")},
		starts:  map[int]int64{0: 10, 1: 20, 2: 30, 3: 40, 4: 50},
		incs:    map[string]int{"top": 1, "a": 1, "b": 2, "p": 1},
		exits: []otpExit{
			{pid: pidTerm("p", 1), reason: boom, key: 51},
			{pid: pidTerm("b", 1), reason: boom, key: 52},
			{pid: pidTerm("a", 1), reason: boom, key: 53},
			{pid: pidTerm("b", 2), reason: shutdown, key: 54},
			{pid: pidTerm("top", 1), reason: shutdown, key: 55},
		},
		finals: map[string]otpFinal{
			"top": {reason: shutdown},
			"a":   {reason: boom, supervised: true},
			"b":   {reason: shutdown, supervised: true, restarts: 1},
			"p":   {reason: boom},
		},
		reg: map[string]*term{},
	}
}

// The simulator's fixed order handles a's EXIT first; OTP took b's. The
// comparison finds the interleaving in which the simulator does what OTP
// did, and says what the fixed order gave.
func TestComparisonTakesTheInterleavingOTPTook(t *testing.T) {
	src := []byte(twinDeaths[:len(twinDeaths)-len("expect dead top reason=shutdown\n")])
	cmds, err := scenarios.Parse("twin.scn", src)
	require.NoError(t, err)
	fixed, err := translate("twin.scn", src, cmds, 0, sim.Options{})
	require.NoError(t, err)
	alts, notes := alternatives(fixed, src, cmds, 0, 0)
	require.Empty(t, notes)
	require.Greater(t, len(alts), 1, "the deaths of a and b are concurrent")

	assert.Positive(t, differs(compare(fixed, twinRun())), "the fixed order alone differs from this run")
	pts, took := compareRun(alts, twinRun())
	assert.Positive(t, took)
	for _, p := range pts {
		assert.Equal(t, Agree, p.Verdict, p.String())
	}
	var noted []string
	for _, p := range pts {
		if p.What == "outcome of a" || p.What == "restarts of b" {
			noted = append(noted, p.Note)
		}
	}
	assert.Equal(t, []string{
		"compared with the simulator taking OTP's order of concurrent deliveries; its fixed order gives sim=dead shutdown (incarnation 2)",
		"compared with the simulator taking OTP's order of concurrent deliveries; its fixed order gives sim=0",
	}, noted)
}
