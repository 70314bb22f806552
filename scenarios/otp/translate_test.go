package otp

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

func translateSrc(t *testing.T, src string) (*translation, error) {
	t.Helper()
	cmds, err := scenarios.Parse("t.scn", []byte(src))
	require.NoError(t, err)
	return translate("t.scn", []byte(src), cmds, 0, sim.Options{})
}

func TestTranslateCommands(t *testing.T) {
	tr, err := translateSrc(t, `spawn a trap_exit
a: spawn_link b
a: monitor @db
b: send a {hello, <a>, "hi", 1.5}
send @db x
b: crash
a: exit b kill
kill b
a: send_after 1s <0.100.0> tick
a: cancel_timer #Ref<2>
receive a
flush a
advance 250ms
run
mark
seed 3
ps
expect mailbox a [{'EXIT', <b>, _}]
expect exit_order a b
`)
	require.NoError(t, err)
	want := []string{
		"{act, shell, {spawn, a, plain, true}}",
		"{act, {name, a}, {spawn, b, link, false}}",
		"{act, {name, a}, {monitor, {reg, db}}}",
		`{act, {name, b}, {send, {name, a}, {'$cc_term', {t, [{a, hello}, {name, a}, {s, "hi"}, 1.5]}}}}`,
		"{act, shell, {send, {reg, db}, {'$cc_term', {a, x}}}}",
		"{act, {name, b}, {crash, boom}}",
		"{act, {name, a}, {exit2, {name, b}, {'$cc_term', {a, kill}}}}",
		"{act, shell, {exit2, {name, b}, kill}}",
		"{act, {name, a}, {send_after, 1000.0, {inc, a, 1}, {'$cc_term', {a, tick}}}}",
		"{act, {name, a}, {cancel_timer, 2}}",
		"{take, {name, a}, one}",
		"{take, {name, a}, all}",
		"{advance, 250.0}",
		"{advance, 2.0}", // the timer was cancelled: nothing to run but the margin
		"mark",
		"noop",
		"noop",
		"{expect, {mailbox, {name, a}}}",
		"{expect, {exit_order, [{name, a}, {name, b}]}}",
	}
	require.Len(t, tr.steps, len(want))
	for i, w := range want {
		assert.Equal(t, w, tr.steps[i].erl, tr.steps[i].cmd.Text)
	}
	assert.Equal(t, []string{"db"}, tr.regNames)
}

func TestTranslateSupervisorSpec(t *testing.T) {
	tr, err := translateSrc(t, `sup top strategy=rest_for_one intensity=3 period=10 {
  worker a trap_exit terminate=300ms init=ok,error:db_down init_time=20ms register=db
  worker t restart=temporary shutdown=brutal_kill
  sup inner restart=transient { worker c count=2 }
}`)
	require.NoError(t, err)
	got := tr.steps[0].erl
	for _, frag := range []string{
		"strategy => rest_for_one", "intensity => 3", "period => 10", "auto_shutdown => never",
		"name => a", "trap_exit => true", "terminate => {'$ms', 300.0}", "init => [ok, {error, {'$cc_term', {a, db_down}}}]",
		"init_time => {'$ms', 20.0}", "register => {'$cc_reg', db}", "shutdown => {'$ms', 5000.0}",
		"restart => temporary", "shutdown => brutal_kill",
		"kind => supervisor, name => inner", "restart => transient", "shutdown => infinity",
		"name => c_1", "name => c_2",
	} {
		assert.Contains(t, got, frag)
	}
	assert.Equal(t, kindSync, tr.steps[0].kind)
}

func TestUntranslatableCommandsNameTheirLines(t *testing.T) {
	_, err := translateSrc(t, `spawn a
step 3
chaos 0.5
chaos 0
sup s backoff=10ms..1s { worker w }
sup h { worker x health=1s/100ms/3 }
reset
`)
	var te *TranslateError
	require.True(t, errors.As(err, &te), "%v", err)
	var lines []int
	for _, e := range te.Errs {
		lines = append(lines, e.Pos.Line)
	}
	assert.Equal(t, []int{2, 3, 5, 6, 7}, lines)
	assert.Contains(t, te.Error(), "step runs single events")
	assert.Contains(t, te.Error(), "t.scn:7:1: reset starts a fresh simulated world")
	assert.Contains(t, te.Error(), "t.scn:5:1: backoff=")
}

func TestChooseScale(t *testing.T) {
	short, err := translateSrc(t, "spawn a\nadvance 1s\n")
	require.NoError(t, err)
	short.chooseScale(Options{})
	assert.Equal(t, 1.0, short.scale)
	assert.False(t, short.align)

	long, err := translateSrc(t, "spawn a\nadvance 10s\n")
	require.NoError(t, err)
	long.chooseScale(Options{})
	assert.Equal(t, 5.0, long.scale)
	assert.Contains(t, long.why, "1:5")

	// Two restarts 1.1 s apart under period=1: the window decides, so real time.
	window, err := translateSrc(t, `sup s intensity=3 period=1 {
  worker w
}
w: crash
advance 10s
w: crash
`)
	require.NoError(t, err)
	window.chooseScale(Options{})
	assert.Equal(t, 1.0, window.scale)
	assert.True(t, window.align)
	assert.Contains(t, window.why, "restart window of s")

	forced, err := translateSrc(t, "spawn a\nadvance 10s\n")
	require.NoError(t, err)
	forced.chooseScale(Options{Scale: 20})
	assert.Equal(t, 20.0, forced.scale)
}

func TestProgramIsConsultable(t *testing.T) {
	tr, err := translateSrc(t, "spawn a\n# a comment\nsend a 'quoted atom'\n")
	require.NoError(t, err)
	tr.chooseScale(Options{})
	p := tr.program()
	assert.True(t, strings.HasPrefix(p, "%% -*- coding: utf-8 -*-\n"))
	assert.Contains(t, p, "%% 3: send a 'quoted atom'\n{cmd, 1, zero, {act, shell, {send, {name, a}, {'$cc_term', {a, 'quoted atom'}}}}}.\n")
}
