package otp

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/sim"
)

func TestTranslateCalls(t *testing.T) {
	tr, err := translateSrc(t, `sup s {
  worker db call_time=250ms
}
spawn c
spawn d
c: call db
d: call @db {get, <c>} timeout=300ms
call db x timeout=infinity
`)
	require.NoError(t, err)
	assert.Contains(t, tr.steps[0].erl, `call_time => {'$ms', 250.0}`)
	want := []string{
		"{act, {name, c}, {call, {name, db}, ping, default}}",
		"{act, {name, d}, {call, {reg, db}, {'$cc_term', {t, [{a, get}, {name, c}]}}, 300.0}}",
		"{act, shell, {call, {name, db}, {'$cc_term', {a, x}}, infinity}}",
	}
	for i, w := range want {
		assert.Equal(t, w, tr.steps[i+3].erl)
	}
	assert.Equal(t, kindZero, tr.steps[3].kind, "a process's call is a command of an instant")
	assert.Equal(t, kindSync, tr.steps[5].kind, "the shell's call is synchronous")
}

// A call's timeout is real time in OTP and written in its exit reason: a
// scenario with timeout= or a call that times out is not compressed.
func TestCallTimeoutsRunInRealTime(t *testing.T) {
	for _, tc := range []struct {
		src   string
		scale float64
	}{
		{"sup s { worker db call_time=1s }\ncall db\nadvance 10s\n", 6},
		{"sup s { worker db call_time=1s }\ncall db timeout=2s\nadvance 10s\n", 1},
		{"spawn srv\nspawn c\nc: call srv\nadvance 10s\n", 1},
	} {
		tr, err := translateSrc(t, tc.src)
		require.NoError(t, err)
		tr.chooseScale(Options{})
		assert.Equal(t, tc.scale, tr.scale, tc.src)
	}
}

// A call request's tag is _ in the simulator, [alias|Ref] in OTP 25 and a
// plain ref for a call with timeout infinity: all match.
func TestCallTagsCompare(t *testing.T) {
	simSide := fromSim(sim.Tuple{sim.Atom("$gen_call"), sim.Tuple{sim.Shell, sim.CallTag{}}, sim.Atom("ping")}, func(sim.Pid) term { return pidTerm(shellName, 0) })
	assert.Equal(t, "{'$gen_call',{<shell>,_},ping}", simSide.String())
	pids := map[string]term{"<0.9.0>": pidTerm(shellName, 0)}
	for _, in := range []string{"{'$gen_call',{<0.9.0>,[alias|#Ref<0.1.2.3>]},ping}", "{'$gen_call',{<0.9.0>,#Ref<0.1.2.3>},ping}"} {
		raw, err := parseTerm(in)
		require.NoError(t, err)
		otp := mapTerm(raw, pids, nil)
		assert.True(t, equal(simSide, otp), in)
		assert.True(t, equal(otp, simSide), in)
	}
	other, err := parseTerm("{'$gen_call',{<0.9.0>,[other|#Ref<0.1.2.3>]},ping}")
	require.NoError(t, err)
	assert.False(t, equal(simSide, mapTerm(other, pids, nil)), "only OTP's alias tag is a tag")
}

// An exported worker replies ok to every call, after its call_time.
func TestExportCallTime(t *testing.T) {
	src := []byte("sup top {\n  worker db call_time=250ms\n  worker fast\n}\n")
	erl, err := ExportErlang("x.scn", src)
	require.NoError(t, err)
	assert.Contains(t, erl[1].Text, "handle_call(_Request, _From, State) ->\n    timer:sleep(250), %% each call takes 250ms in the scenario\n    {reply, ok, State}.")
	assert.Contains(t, erl[2].Text, "handle_call(_Request, _From, State) ->\n    {reply, ok, State}.")
	ex, err := ExportElixir("x.scn", src)
	require.NoError(t, err)
	var all string
	for _, f := range ex {
		all += f.Text
	}
	assert.Contains(t, all, "def handle_call(_request, _from, state) do\n    # each call takes 250ms in the scenario\n    Process.sleep(250)\n    {:reply, :ok, state}\n  end")
}
