package scenarios

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// checkPositions fails when err is not nil and not an ErrorList whose
// entries point into their lines.
func checkPositions(t *testing.T, src string, err error) {
	t.Helper()
	if err == nil {
		return
	}
	var list ErrorList
	if !errors.As(err, &list) || len(list) == 0 || len(list) > maxErrors {
		t.Fatalf("Parse(%q): error %T %v, want an ErrorList of 1 to %d", src, err, err, maxErrors)
	}
	for _, e := range list {
		if e.Pos.Line < 1 || e.Pos.Col < 1 || e.Pos.Col > len(e.Line)+1 {
			t.Fatalf("Parse(%q): error at %d:%d outside its line %q: %s", src, e.Pos.Line, e.Pos.Col, e.Line, e.Msg)
		}
	}
}

func FuzzParse(f *testing.F) {
	seeds := []string{
		"spawn a\na: spawn_link b trap_exit\nb: exit boom\nexpect dead a reason=boom\n",
		"spawn w\nw: monitor @db\nregister db w\nsend @db {hello, <w>, [1, 2.5, \"s\"]}\nexpect mailbox w [{hello, _, _}]\n",
		"sup top strategy=one_for_all intensity=2 period=5 {\n  worker a restart=transient shutdown=500 init=ok,error:down\n  sup inner { worker b trap_exit terminate=10ms; worker c }\n}\nmark\nkill a\nexpect exit_order a b\n",
		"a: send_after 1s b tick\na: cancel_timer #Ref<1>\nadvance 2s; run; step 3\nchaos 0.5 for 10s\n",
		"start_child s worker w count=2 health=1s/100ms/3 backoff=10ms..1s\nterminate_child s <0.5.0>\nshutdown\n",
		"spwan a\nsend a {b\nsup x {\n",
		"send a #{k => <<\"v\">>, <b> => [<<1,2>>]} # #{comment\nexpect mailbox a [#{k => _, <b> => _}]\n",
		"sup s { worker w init=error:#{why => <<0,255>>} }\nsend a #{a => #{}\nsend a <<256>>\nsend a <<\"x\"\n",
		"sup s { worker w count=9223372036854775807 }\nstart_child s worker v count=100000000\n",
		"advance 2562047h\nrun 876000h\nsup s { worker w shutdown=3153600000001 init_time=876001h }\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		cmds, err := Parse("fuzz", src)
		checkPositions(t, string(src), err)
		for _, c := range cmds {
			if c.Pos.Line < 1 || c.Pos.Col < 1 || c.Text == "" {
				t.Fatalf("command %+v has no position or text", c)
			}
		}
		Incomplete(string(src))
	})
}

// TestParseLimits feeds inputs that must neither panic, nor hang, nor
// exhaust the stack.
func TestParseLimits(t *testing.T) {
	deep := func(open, close string, n int) string {
		return "send a " + strings.Repeat(open, n) + "x" + strings.Repeat(close, n)
	}
	tests := []struct {
		src  string
		want string // the first error, "" for none
	}{
		{deep("{", "}", 100), ""},
		{deep("{", "}", 101), "1:108: term nested too deeply (more than 100 levels)"},
		{deep("[", "]", 10000), "1:108: term nested too deeply (more than 100 levels)"},
		{deep("#{k => ", "}", 10000), "1:708: term nested too deeply (more than 100 levels)"},
		{"send a <<" + strings.Repeat("1,", 1<<16) + "1>>", ""},
		{strings.Repeat("{", 10000), `1:1: expected a command, found "{"`},
		{strings.Repeat("sup a {", 10000), "1:644: unclosed { (the body of sup a)"}, // the error limit cuts the outer ones
		{"send a " + strings.Repeat("x", 1<<20), ""},
		{"send a \"" + strings.Repeat("x", 1<<20), "1:8: unterminated string"},
		{strings.Repeat("spawn a; ", 1<<17), ""},
		{"spawn a \x00\x00\x00", "1:9: invalid character U+0000"},
		{"\xff\xfe\xfd", "1:1: invalid character: byte 0xff is not UTF-8"},
		{strings.Repeat("\n", 1<<16) + "spawn", "65537:6: missing a process name (usage: [A:] spawn P [trap_exit])"},
	}
	for _, tt := range tests {
		start := time.Now()
		_, err := Parse("t", []byte(tt.src))
		checkPositions(t, tt.src[:min(len(tt.src), 60)], err)
		got := ""
		if list, ok := err.(ErrorList); ok {
			got = strings.TrimPrefix(list[0].Error(), "t:")
		}
		if got != tt.want {
			t.Errorf("Parse(%.40q…): first error %q, want %q", tt.src, got, tt.want)
		}
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("Parse(%.40q…) took %v", tt.src, d)
		}
	}
}
