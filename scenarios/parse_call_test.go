package scenarios

import (
	"testing"
	"time"
)

func TestParseCall(t *testing.T) {
	ms := func(n int) *CallTimeout { return &CallTimeout{D: time.Duration(n) * time.Millisecond} }
	tests := []struct {
		src  string
		want *Command
	}{
		{"call db", &Command{Actor: shell, Verb: "call", Proc: &ProcCmd{Target: name("db")}}},
		{"x: call @db", &Command{Actor: by("x"), Verb: "call", Proc: &ProcCmd{Target: reg("db")}}},
		{"x: call <0.7.0> {get, 1}", &Command{Actor: by("x"), Verb: "call", Proc: &ProcCmd{Target: pid(7), Msg: tuple(atom("get"), num(1))}}},
		{"call db timeout=300ms", &Command{Actor: shell, Verb: "call", Proc: &ProcCmd{Target: name("db"), Timeout: ms(300)}}},
		{"call db ping timeout=5s", &Command{Actor: shell, Verb: "call", Proc: &ProcCmd{Target: name("db"), Msg: atom("ping"), Timeout: ms(5000)}}},
		{"call db ping timeout=250", &Command{Actor: shell, Verb: "call", Proc: &ProcCmd{Target: name("db"), Msg: atom("ping"), Timeout: ms(250)}}},
		{"call db x timeout=0", &Command{Actor: shell, Verb: "call", Proc: &ProcCmd{Target: name("db"), Msg: atom("x"), Timeout: ms(0)}}},
		{"call db timeout=infinity", &Command{Actor: shell, Verb: "call", Proc: &ProcCmd{Target: name("db"), Timeout: &CallTimeout{Infinity: true}}}},
		{"call db timeout", &Command{Actor: shell, Verb: "call", Proc: &ProcCmd{Target: name("db"), Msg: atom("timeout")}}},
	}
	for _, tt := range tests {
		checkAST(t, tt.src, tt.want)
	}
}

func TestParseCallErrors(t *testing.T) {
	checkErrors(t, []errorCase{
		{"call", []string{"1:5: missing a process (usage: [A:] call P|@n [TERM] [timeout=D])"}},
		{"call db ping pong", []string{`1:14: expected timeout=D or the end of the command, found "pong"`}},
		{"call db timeout=", []string{"1:17: missing a timeout (usage: [A:] call P|@n [TERM] [timeout=D])"}},
		{"call db timeout=soon", []string{`1:17: invalid timeout "soon" (want infinity, milliseconds or a duration)`}},
		{"call db timeout=1500us", []string{`1:17: timeout "1500us" is not a whole number of milliseconds`}},
		{"call db timeout=-1", []string{"1:17: a timeout must be at least 0, not -1"}},
		{"call db timeout=3153600000001", []string{`1:17: timeout "3153600000001" is longer than the maximum of 876000h (100 years)`}},
		{"call db timeout=876001h", []string{`1:17: duration "876001h" is longer than the maximum of 876000h (100 years)`}},
		{"call db x timeout=1s timeout=2s", []string{`1:22: unexpected "timeout" after the command`}},
		{"call db X", []string{"1:9: a variable like X matches anything: it is only allowed in expectations"}},
		{"a: call db {", []string{"1:12: unclosed {"}},
	})
}
