package scenarios

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// Term constructors for expectations.
func atom(s string) *TermExpr    { return &TermExpr{Kind: TermAtom, Atom: s} }
func num(n int64) *TermExpr      { return &TermExpr{Kind: TermInt, Int: n} }
func str(s string) *TermExpr     { return &TermExpr{Kind: TermString, Str: s} }
func wild(s string) *TermExpr    { return &TermExpr{Kind: TermWildcard, Atom: s} }
func pidT(n int64) *TermExpr     { return &TermExpr{Kind: TermPid, Int: n} }
func namePid(s string) *TermExpr { return &TermExpr{Kind: TermNamePid, Atom: s} }
func refT(n int64) *TermExpr     { return &TermExpr{Kind: TermRef, Int: n} }
func tuple(e ...*TermExpr) *TermExpr {
	return &TermExpr{Kind: TermTuple, Elems: e}
}
func list(e ...*TermExpr) *TermExpr  { return &TermExpr{Kind: TermList, Elems: e} }
func mapT(kv ...*TermExpr) *TermExpr { return &TermExpr{Kind: TermMap, Elems: kv} }
func bin(s string) *TermExpr         { return &TermExpr{Kind: TermBinary, Str: s} }

func name(n string) *ProcRef { return &ProcRef{Name: n} }
func reg(n string) *ProcRef  { return &ProcRef{Registered: n} }
func pid(n int) *ProcRef     { return &ProcRef{Pid: n, IsPid: true} }

var shell = Actor{Shell: true}

func by(n string) Actor { return Actor{Proc: ProcRef{Name: n}} }

// clearPos zeroes every Pos reachable from v (and Command.Text), so that
// ASTs can be compared without positions.
func clearPos(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			clearPos(v.Elem())
		}
	case reflect.Slice:
		for i := range v.Len() {
			clearPos(v.Index(i))
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[Pos]() {
			v.SetZero()
			return
		}
		if v.Type() == reflect.TypeFor[Command]() {
			v.FieldByName("Text").SetString("")
		}
		for i := range v.NumField() {
			clearPos(v.Field(i))
		}
	}
}

func jsonOf(v any) string {
	b, _ := json.MarshalIndent(v, "", "  ")
	return string(b)
}

// parseOne parses src, which must hold exactly one valid command.
func parseOne(t *testing.T, src string) *Command {
	t.Helper()
	cmds, err := Parse("t.scn", []byte(src))
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	if len(cmds) != 1 {
		t.Fatalf("Parse(%q): %d commands, want 1", src, len(cmds))
	}
	return cmds[0]
}

// checkAST parses src and compares it, positions aside, with want.
func checkAST(t *testing.T, src string, want *Command) {
	t.Helper()
	got := parseOne(t, src)
	clearPos(reflect.ValueOf(got))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Parse(%q)\n got %s\nwant %s", src, jsonOf(got), jsonOf(want))
	}
}

func TestParseProcVerbs(t *testing.T) {
	tests := []struct {
		src  string
		want *Command
	}{
		{"spawn a", &Command{Actor: shell, Verb: "spawn", Proc: &ProcCmd{Name: "a"}}},
		{"spawn a trap_exit", &Command{Actor: shell, Verb: "spawn", Proc: &ProcCmd{Name: "a", TrapExit: true}}},
		{"x: spawn a", &Command{Actor: by("x"), Verb: "spawn", Proc: &ProcCmd{Name: "a"}}},
		{"x: spawn_link b trap_exit", &Command{Actor: by("x"), Verb: "spawn_link", Proc: &ProcCmd{Name: "b", TrapExit: true}}},
		{"x: spawn_monitor b", &Command{Actor: by("x"), Verb: "spawn_monitor", Proc: &ProcCmd{Name: "b"}}},
		{"<0.7.0>: link b", &Command{Actor: Actor{Proc: ProcRef{Pid: 7, IsPid: true}}, Verb: "link", Proc: &ProcCmd{Target: name("b")}}},
		{"x:unlink <0.8.0>", &Command{Actor: by("x"), Verb: "unlink", Proc: &ProcCmd{Target: pid(8)}}},
		{"x: monitor b", &Command{Actor: by("x"), Verb: "monitor", Proc: &ProcCmd{Target: name("b")}}},
		{"x: monitor @db", &Command{Actor: by("x"), Verb: "monitor", Proc: &ProcCmd{Target: reg("db")}}},
		{"x: demonitor #Ref<3>", &Command{Actor: by("x"), Verb: "demonitor", Proc: &ProcCmd{Ref: 3}}},
		{"x: demonitor #Ref<3> flush", &Command{Actor: by("x"), Verb: "demonitor", Proc: &ProcCmd{Ref: 3, Flag: true}}},
		{"x: trap_exit on", &Command{Actor: by("x"), Verb: "trap_exit", Proc: &ProcCmd{Flag: true}}},
		{"x: trap_exit off", &Command{Actor: by("x"), Verb: "trap_exit", Proc: &ProcCmd{}}},
		{"x: trap_exit true", &Command{Actor: by("x"), Verb: "trap_exit", Proc: &ProcCmd{Flag: true}}},
		{"x: exit boom", &Command{Actor: by("x"), Verb: "exit", Proc: &ProcCmd{Reason: atom("boom")}}},
		{"x: exit {shutdown, 1}", &Command{Actor: by("x"), Verb: "exit", Proc: &ProcCmd{Reason: tuple(atom("shutdown"), num(1))}}},
		{"exit b kill", &Command{Actor: shell, Verb: "exit", Proc: &ProcCmd{Target: name("b"), Reason: atom("kill")}}},
		{"x: exit b {a, \"s\"}", &Command{Actor: by("x"), Verb: "exit", Proc: &ProcCmd{Target: name("b"), Reason: tuple(atom("a"), str("s"))}}},
		{"exit <0.4.0> normal", &Command{Actor: shell, Verb: "exit", Proc: &ProcCmd{Target: pid(4), Reason: atom("normal")}}},
		{"x: crash", &Command{Actor: by("x"), Verb: "crash", Proc: &ProcCmd{}}},
		{"x: crash badarg", &Command{Actor: by("x"), Verb: "crash", Proc: &ProcCmd{Reason: atom("badarg")}}},
		{"kill b", &Command{Actor: shell, Verb: "kill", Proc: &ProcCmd{Target: name("b")}}},
		{"x: kill b", &Command{Actor: by("x"), Verb: "kill", Proc: &ProcCmd{Target: name("b")}}},
		{"send b hello", &Command{Actor: shell, Verb: "send", Proc: &ProcCmd{Target: name("b"), Msg: atom("hello")}}},
		{"x: send @db {get, <x>, <shell>}", &Command{Actor: by("x"), Verb: "send", Proc: &ProcCmd{Target: reg("db"), Msg: tuple(atom("get"), namePid("x"), namePid("shell"))}}},
		{"register db b", &Command{Actor: shell, Verb: "register", Proc: &ProcCmd{Name: "db", Target: name("b")}}},
		{"x: register @db <0.9.0>", &Command{Actor: by("x"), Verb: "register", Proc: &ProcCmd{Name: "db", Target: pid(9)}}},
		{"unregister db", &Command{Actor: shell, Verb: "unregister", Proc: &ProcCmd{Name: "db"}}},
		{"unregister @db", &Command{Actor: shell, Verb: "unregister", Proc: &ProcCmd{Name: "db"}}},
		{"x: send_after 250ms b tick", &Command{Actor: by("x"), Verb: "send_after", Proc: &ProcCmd{After: 250 * time.Millisecond, Target: name("b"), Msg: atom("tick")}}},
		{"x: send_after 0 @db {t, 1}", &Command{Actor: by("x"), Verb: "send_after", Proc: &ProcCmd{Target: reg("db"), Msg: tuple(atom("t"), num(1))}}},
		{"x: cancel_timer #Ref<12>", &Command{Actor: by("x"), Verb: "cancel_timer", Proc: &ProcCmd{Ref: 12}}},
		{"receive b", &Command{Actor: shell, Verb: "receive", Proc: &ProcCmd{Target: name("b")}}},
		{"flush <0.5.0>", &Command{Actor: shell, Verb: "flush", Proc: &ProcCmd{Target: pid(5)}}},
		{"x: hang", &Command{Actor: by("x"), Verb: "hang", Proc: &ProcCmd{}}},
		{"x: recover", &Command{Actor: by("x"), Verb: "recover", Proc: &ProcCmd{}}},
	}
	for _, tt := range tests {
		checkAST(t, tt.src, tt.want)
	}
}

func TestParseTimeAndShowVerbs(t *testing.T) {
	tests := []struct {
		src  string
		want *Command
	}{
		{"advance 1m30s", &Command{Actor: shell, Verb: "advance", Time: &TimeCmd{Duration: 90 * time.Second, HasDuration: true}}},
		{"advance 0", &Command{Actor: shell, Verb: "advance", Time: &TimeCmd{HasDuration: true}}},
		{"run", &Command{Actor: shell, Verb: "run", Time: &TimeCmd{}}},
		{"run 1.5s", &Command{Actor: shell, Verb: "run", Time: &TimeCmd{Duration: 1500 * time.Millisecond, HasDuration: true}}},
		{"step", &Command{Actor: shell, Verb: "step", Time: &TimeCmd{N: 1}}},
		{"step 5", &Command{Actor: shell, Verb: "step", Time: &TimeCmd{N: 5}}},
		{"seed 42", &Command{Actor: shell, Verb: "seed", Time: &TimeCmd{N: 42}}},
		{"seed -3", &Command{Actor: shell, Verb: "seed", Time: &TimeCmd{N: -3}}},
		{"chaos 0.25", &Command{Actor: shell, Verb: "chaos", Time: &TimeCmd{Rate: 0.25}}},
		{"chaos 2 for 10s", &Command{Actor: shell, Verb: "chaos", Time: &TimeCmd{Rate: 2, Duration: 10 * time.Second, HasDuration: true}}},
		{"mark", &Command{Actor: shell, Verb: "mark", Time: &TimeCmd{}}},
		{"ps", &Command{Actor: shell, Verb: "ps", Show: &ShowCmd{}}},
		{"tree", &Command{Actor: shell, Verb: "tree", Show: &ShowCmd{}}},
		{"time", &Command{Actor: shell, Verb: "time", Show: &ShowCmd{}}},
		{"info a", &Command{Actor: shell, Verb: "info", Show: &ShowCmd{Target: name("a")}}},
		{"mailbox <0.3.0>", &Command{Actor: shell, Verb: "mailbox", Show: &ShowCmd{Target: pid(3)}}},
		{"why a", &Command{Actor: shell, Verb: "why", Show: &ShowCmd{Target: name("a")}}},
		{"whereis @db", &Command{Actor: shell, Verb: "whereis", Show: &ShowCmd{Target: reg("db")}}},
		{"trace", &Command{Actor: shell, Verb: "trace", Show: &ShowCmd{}}},
		{"trace 20", &Command{Actor: shell, Verb: "trace", Show: &ShowCmd{N: 20}}},
		{"help", &Command{Actor: shell, Verb: "help", Show: &ShowCmd{}}},
		{"help spawn_link", &Command{Actor: shell, Verb: "help", Show: &ShowCmd{Topic: "spawn_link"}}},
	}
	for _, tt := range tests {
		checkAST(t, tt.src, tt.want)
	}
}

func TestParseExpect(t *testing.T) {
	ex := func(e *ExpectCmd) *Command { return &Command{Actor: shell, Verb: "expect", Expect: e} }
	msgs := func(m ...*TermExpr) []*TermExpr { return append([]*TermExpr{}, m...) }
	tests := []struct {
		src  string
		want *Command
	}{
		{"expect alive a", ex(&ExpectCmd{Kind: "alive", Procs: []ProcRef{*name("a")}})},
		{"expect dead <0.4.0>", ex(&ExpectCmd{Kind: "dead", Procs: []ProcRef{*pid(4)}})},
		{"expect dead a reason={boom, [...]}", ex(&ExpectCmd{Kind: "dead", Procs: []ProcRef{*name("a")},
			Reason: tuple(atom("boom"), &TermExpr{Kind: TermStack})})},
		{"expect dead a reason=_", ex(&ExpectCmd{Kind: "dead", Procs: []ProcRef{*name("a")}, Reason: wild("_")})},
		{"expect mailbox a", ex(&ExpectCmd{Kind: "mailbox", Procs: []ProcRef{*name("a")}, Messages: msgs()})},
		{"expect mailbox a []", ex(&ExpectCmd{Kind: "mailbox", Procs: []ProcRef{*name("a")}, Messages: msgs()})},
		{"expect mailbox a [a, {b,1}]", ex(&ExpectCmd{Kind: "mailbox", Procs: []ProcRef{*name("a")},
			Messages: msgs(atom("a"), tuple(atom("b"), num(1)))})},
		{"expect mailbox a [[a,b]]", ex(&ExpectCmd{Kind: "mailbox", Procs: []ProcRef{*name("a")},
			Messages: msgs(list(atom("a"), atom("b")))})},
		{"expect mailbox a hello, {'EXIT', <b>, _X}", ex(&ExpectCmd{Kind: "mailbox", Procs: []ProcRef{*name("a")},
			Messages: msgs(atom("hello"), tuple(atom("EXIT"), namePid("b"), wild("_X")))})},
		{"expect mailbox a [x], y", ex(&ExpectCmd{Kind: "mailbox", Procs: []ProcRef{*name("a")},
			Messages: msgs(list(atom("x")), atom("y"))})},
		{"expect registered @db a", ex(&ExpectCmd{Kind: "registered", Reg: "db", Procs: []ProcRef{*name("a")}})},
		{"expect unregistered @db", ex(&ExpectCmd{Kind: "unregistered", Reg: "db"})},
		{"expect restarts w 2", ex(&ExpectCmd{Kind: "restarts", Procs: []ProcRef{*name("w")}, N: 2})},
		{"expect exit_order a", ex(&ExpectCmd{Kind: "exit_order", Procs: []ProcRef{*name("a")}})},
		{"expect exit_order c b a", ex(&ExpectCmd{Kind: "exit_order", Procs: []ProcRef{*name("c"), *name("b"), *name("a")}})},
		{"expect error", ex(&ExpectCmd{Kind: "error"})},
		{"expect error {already_started, _}", ex(&ExpectCmd{Kind: "error", Reason: tuple(atom("already_started"), wild("_"))})},
	}
	for _, tt := range tests {
		checkAST(t, tt.src, tt.want)
	}
}

func TestParseTerms(t *testing.T) {
	tests := []struct {
		src  string
		want *TermExpr
	}{
		{"'EXIT'", atom("EXIT")},
		{`'it''s'`, nil},
		{`'a\'b\\c'`, atom(`a'b\c`)},
		{"nonode@nohost", atom("nonode@nohost")},
		{`"tab\there\"q\""`, str("tab\there\"q\"")},
		{`"café"`, str("café")},
		{"-12", num(-12)},
		{"9223372036854775807", num(9223372036854775807)},
		{"1.5", &TermExpr{Kind: TermFloat, Float: 1.5}},
		{"-2.5e-3", &TermExpr{Kind: TermFloat, Float: -2.5e-3}},
		{"1.0E2", &TermExpr{Kind: TermFloat, Float: 100}},
		{"<0.12.0>", pidT(12)},
		{"<worker_1>", namePid("worker_1")},
		{"#Ref<4>", refT(4)},
		{"[...]", &TermExpr{Kind: TermStack}},
		{"{}", tuple()},
		{"[]", list()},
		{"{a, [1, {b}], \"s\"}", tuple(atom("a"), list(num(1), tuple(atom("b"))), str("s"))},
		{"#{}", mapT()},
		{"#{a => 1, {k} => [x]}", mapT(atom("a"), num(1), tuple(atom("k")), list(atom("x")))},
		{"#{<b> => #{c => <<>>}}", mapT(namePid("b"), mapT(atom("c"), bin("")))},
		{`<<"abc">>`, bin("abc")},
		{"<<1,2,3>>", bin("\x01\x02\x03")},
		{`<<"ab", 0, "é">>`, bin("ab\x00\xe9")},
	}
	for _, tt := range tests {
		cmds, err := Parse("t", []byte("send a "+tt.src))
		if tt.want == nil {
			if err == nil {
				t.Errorf("send a %s: no error", tt.src)
			}
			continue
		}
		if err != nil || len(cmds) != 1 {
			t.Errorf("send a %s: %v", tt.src, err)
			continue
		}
		got := cmds[0].Proc.Msg
		clearPos(reflect.ValueOf(got))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("send a %s:\n got %s\nwant %s", tt.src, jsonOf(got), jsonOf(tt.want))
		}
	}
}

func TestParsePositionsAndText(t *testing.T) {
	src := "# intro\n\n  x: send @db {a, b}   # trailing\nps; tree\r\nspawn z"
	cmds, err := Parse("f.scn", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if len(cmds) != 4 {
		t.Fatalf("%d commands, want 4", len(cmds))
	}
	c := cmds[0]
	if c.Pos != (Pos{"f.scn", 3, 3}) || c.Text != "x: send @db {a, b}" {
		t.Errorf("command 1: Pos %v Text %q", c.Pos, c.Text)
	}
	if p := c.Proc.Target.Pos; p != (Pos{"f.scn", 3, 11}) {
		t.Errorf("target Pos %v, want 3:11", p)
	}
	if p := c.Proc.Msg.Elems[1].Pos; p != (Pos{"f.scn", 3, 19}) {
		t.Errorf("term Pos %v, want 3:19", p)
	}
	if c := cmds[2]; c.Pos != (Pos{"f.scn", 4, 5}) || c.Text != "tree" {
		t.Errorf("command 3: Pos %v Text %q", c.Pos, c.Text)
	}
	if c := cmds[3]; c.Pos != (Pos{"f.scn", 5, 1}) {
		t.Errorf("command 4: Pos %v", c.Pos)
	}
}

func TestParseLineNumbers(t *testing.T) {
	cmds, err := ParseLine("<repl>", 7, "spawn a")
	if err != nil || cmds[0].Pos != (Pos{"<repl>", 7, 1}) {
		t.Fatalf("ParseLine: %v %v", cmds, err)
	}
	_, err = ParseLine("<repl>", 7, "spawn A")
	if err == nil || err.Error() != `<repl>:7:7: invalid process name "A" (want [a-z][a-z0-9_]*)` {
		t.Errorf("ParseLine error: %v", err)
	}
}

func TestParseEmpty(t *testing.T) {
	for _, src := range []string{"", "\n\n", "# only a comment", " ; ;\n\t\n", "\uFEFF# a BOM\n"} {
		cmds, err := Parse("t", []byte(src))
		if err != nil || len(cmds) != 0 {
			t.Errorf("Parse(%q) = %v, %v; want nothing", src, cmds, err)
		}
	}
}

// errorCase is an input with the errors Parse must report, each written
// "line:col: message".
type errorCase struct {
	src  string
	want []string
}

func checkErrors(t *testing.T, tests []errorCase) {
	t.Helper()
	for _, tt := range tests {
		_, err := Parse("t", []byte(tt.src))
		var list ErrorList
		if !errors.As(err, &list) {
			t.Errorf("Parse(%q): error %v, want an ErrorList", tt.src, err)
			continue
		}
		var got []string
		for _, e := range list {
			got = append(got, strings.TrimPrefix(e.Error(), "t:"))
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%q) errors:\n got %q\nwant %q", tt.src, got, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	checkErrors(t, []errorCase{
		{"spwan a", []string{`1:1: unknown verb "spwan" (did you mean spawn?)`}},
		{"sned a x", []string{`1:1: unknown verb "sned" (did you mean send?)`}},
		{"frobnicate", []string{`1:1: unknown verb "frobnicate"`}},
		{"a : spawn b", []string{`1:1: unknown verb "a" (to name an actor, write a: with no space before the colon)`}},
		{"spawn_link b", []string{"1:1: spawn_link needs an actor: write `a: spawn_link b`"}},
		{"spawn_link a trap_exit # why", []string{"1:1: spawn_link needs an actor: write `b: spawn_link a trap_exit`"}},
		{"spawn_link", []string{"1:1: spawn_link needs an actor: write `A: spawn_link P`"}},
		{"spawn_monitor b; spawn c", []string{"1:1: spawn_monitor needs an actor: write `a: spawn_monitor b`"}},
		{"link b", []string{"1:1: link needs an actor: write `a: link b`"}},
		{"crash", []string{"1:1: crash needs an actor: write `A: crash`"}},
		{"crash boom", []string{"1:1: crash needs an actor: write `a: crash boom`"}},
		{"send_after 1s a x", []string{"1:1: send_after needs an actor: write `b: send_after 1s a x`"}},
		{"exit 'boom", []string{"1:6: unterminated quoted atom"}},
		{"\uFEFFspwan", []string{`1:4: unknown verb "spwan" (did you mean spawn?)`}},
		{"exit boom", []string{"1:1: exit REASON needs an actor: write `A: exit REASON` (or `exit P REASON` to send P an exit signal)"}},
		{"a: receive b", []string{"1:1: receive takes no actor: write `receive P`"}},
		{"a: expect alive b", []string{"1:1: expect takes no actor: write `expect KIND ...`"}},
		{"a: sup s {}", []string{"1:1: sup takes no actor: write `sup NAME { children }`"}},
		{"a: advance 1s", []string{"1:1: advance takes no actor: write `advance DURATION`"}},
		{"a: stop s", []string{"1:1: stop takes no actor: write `stop SUP`"}},
		{"a: mark", []string{"1:1: mark takes no actor: write `mark`"}},
		{"@db: spawn a", []string{`1:1: the actor must be a process name or pid, not "@db"`}},
		{"spawn fooBar", []string{`1:7: invalid process name "fooBar" (want [a-z][a-z0-9_]*)`}},
		{"spawn a@b", []string{`1:7: invalid process name "a@b" (want [a-z][a-z0-9_]*)`}},
		{"spawn", []string{"1:6: missing a process name (usage: [A:] spawn P [trap_exit])"}},
		{"spawn a b", []string{`1:9: unexpected "b" after the command`}},
		{"ps now", []string{`1:4: unexpected "now" after the command`}},
		{"kill @db", []string{`1:6: kill takes a process name or pid here, not a registered name ("@db")`}},
		{"kill <a>", []string{"1:6: write the process name a, not <a>"}},
		{"a: demonitor 3", []string{`1:14: expected a reference #Ref<K>, found "3"`}},
		{"a: trap_exit maybe", []string{`1:14: expected on or off, found "maybe"`}},
		{"send a", []string{"1:7: missing a message (usage: [A:] send P|@n TERM)"}},
		{"send a X", []string{"1:8: a variable like X matches anything: it is only allowed in expectations"}},
		{"send a {b, c", []string{"1:8: unclosed {"}},
		{"send a {b, c\nps", []string{"1:8: unclosed {"}},
		{"send a [b c]", []string{`1:11: expected , or ], found "c"`}},
		{"send a {b,}", []string{`1:11: expected a term, found "}"`}},
		{"send a 99999999999999999999", []string{`1:8: integer "99999999999999999999" out of range`}},
		{"send a 1.0e999", []string{`1:8: float "1.0e999" out of range`}},
		{"send a #{a 1}", []string{`1:12: expected => after a map key, found "1"`}},
		{"send a #{a => 1", []string{"1:8: unclosed #{"}},
		{"send a #{X => 1}", []string{"1:10: a variable like X matches anything: it is only allowed in expectations"}},
		{"expect mailbox a [#{X => 1}]", []string{"1:21: a variable like X matches anything: it is only allowed in expectations"}},
		{"send a <<256>>", []string{"1:10: a byte is an integer from 0 to 255, not 256"}},
		{"send a <<a>>", []string{`1:10: expected a string or a byte (0..255) in a binary, found "a"`}},
		{`send a <<"€">>`, []string{`1:10: character '€' does not fit in a byte: write its bytes as integers, e.g. <<195,169>> for "é" in UTF-8`}},
		{"send a <<1 2>>", []string{`1:12: expected , or >>, found "2"`}},
		{"send a <<1,", []string{"1:8: unclosed <<"}},
		{"send a 16#ff", []string{"1:8: based integers like 16#FF are not supported"}},
		{"send a \"abc", []string{"1:8: unterminated string"}},
		{"send a 'abc\nps", []string{"1:8: unterminated quoted atom"}},
		{`send a "a\qb"`, []string{`1:10: unknown escape sequence "\\q"`}},
		{"send a <0.1>", []string{`1:8: malformed pid "<0.1>" (want <0.N.0> or <name>)`}},
		{"send a #Ref<x>", []string{"1:8: malformed reference (want #Ref<N>)"}},
		{"send @ x", []string{"1:6: expected a lowercase name after @"}},
		{"send a x\x00", []string{"1:9: invalid character U+0000"}},
		{"send a \xff", []string{"1:8: invalid character: byte 0xff is not UTF-8"}},
		{"send a \"\xfe\"", []string{"1:9: invalid character: byte 0xfe is not UTF-8"}},
		{"send a é", []string{`1:8: invalid character U+00E9 'é'`}},
		{"send a x.", []string{`1:9: invalid character '.'`}},
		{"advance 5", []string{"1:9: missing unit in duration 5 (write 5s or 5ms)"}},
		{"advance -5s", []string{`1:9: negative duration "-5s"`}},
		{"advance 5parsecs", []string{`1:9: invalid duration "5parsecs"`}},
		{"advance", []string{"1:8: missing a duration (usage: advance DURATION)"}},
		{"step 0", []string{"1:6: the number of events must be at least 1, not 0"}},
		{"chaos -1", []string{"1:7: the rate must not be negative"}},
		{"chaos 0.1 for 3", []string{"1:15: missing unit in duration 3 (write 3s or 3ms)"}},
		{"whereis <0.1.0>", []string{`1:9: expected a registered name (@name), found "<0.1.0>"`}},
		{"expect alive", []string{"1:13: missing a process (usage: expect alive P)"}},
		{"expect alvie a", []string{`1:8: unknown expectation "alvie" (want alive, dead, mailbox, registered, unregistered, restarts, exit_order, error) (did you mean alive?)`}},
		{"expect dead a because=x", []string{`1:15: expected reason=TERM, found "because"`}},
		{"expect mailbox a [x] y", []string{`1:22: expected , between messages, found "y"`}},
		{"expect exit_order", []string{"1:18: missing a process (usage: expect exit_order P1 [P2 ...])"}},
		{"expect restarts a -1", []string{"1:19: the number of restarts must be at least 0, not -1"}},
	})
}

func TestParseRecovery(t *testing.T) {
	src := "spawn a\nspwan b\nspawn c; kill\nspawn d\n"
	cmds, err := Parse("t", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != 2 {
		t.Fatalf("errors %v, want 2", err)
	}
	var names []string
	for _, c := range cmds {
		names = append(names, c.Proc.Name)
	}
	if strings.Join(names, ",") != "a,c,d" {
		t.Errorf("commands %v, want a, c, d", names)
	}
}

func TestParseStopsAfterTenErrors(t *testing.T) {
	src := strings.Repeat("bogus\n", 50)
	_, err := Parse("t", []byte(src))
	var list ErrorList
	if !errors.As(err, &list) || len(list) != maxErrors {
		t.Fatalf("got %d errors, want %d", len(list), maxErrors)
	}
	if last := list[len(list)-1]; last.Pos.Line != 10 {
		t.Errorf("last error on line %d, want 10", last.Pos.Line)
	}
}

func TestVerbsAndUsage(t *testing.T) {
	vs := Verbs()
	if len(vs) < 40 || Usage("spawn_link") != "A: spawn_link P [trap_exit]" || Usage("nope") != "" {
		t.Errorf("Verbs() = %v, Usage(spawn_link) = %q", vs, Usage("spawn_link"))
	}
	for _, v := range vs {
		if Usage(v) == "" {
			t.Errorf("verb %s has no usage", v)
		}
	}
}

// A comment that ends a command's line and begins "# hint:" is that
// command's hint; '#' inside a string, a map or a ref is no comment.
func TestParseHints(t *testing.T) {
	src := "expect alive a # hint: start a first \nexpect alive b; expect dead c #hint: no space\nsend a \"# hint: text\" # hint:x\nsend a #{k => #Ref<1>}\n# hint: alone\nexpect alive d\n"
	cmds, err := Parse("t", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var hints []string
	for _, c := range cmds {
		hints = append(hints, c.Hint)
	}
	want := []string{"start a first", "", "", "x", "", ""}
	if !reflect.DeepEqual(hints, want) {
		t.Errorf("hints %q, want %q", hints, want)
	}
}
