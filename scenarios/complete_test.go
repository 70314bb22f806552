package scenarios

import (
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

type fakeNames struct{}

func (fakeNames) Processes() []string  { return []string{"alpha", "beta", "boss"} }
func (fakeNames) Registered() []string { return []string{"db", "cache"} }

// Live: beta is dead.
func (fakeNames) Live(prefix string) []string {
	var out []string
	for _, n := range []string{"alpha", "boss"} {
		if strings.HasPrefix(n, prefix) {
			out = append(out, n)
		}
	}
	return out
}
func (fakeNames) Refs(verb string) []string {
	if verb == "cancel_timer" {
		return []string{"#Ref<2>"}
	}
	return []string{"#Ref<1>", "#Ref<3>"}
}

func TestComplete(t *testing.T) {
	c := Completer{Names: fakeNames{}, Commands: []string{"save", "load", "quit"}}
	tests := []struct {
		line, word string
		want       []string // nil: no candidate
		inBody     bool
	}{
		{line: "spa", word: "spa", want: []string{"spawn ", "spawn_link ", "spawn_monitor "}}, // every verb at the start: Enter says how to give an actor
		{line: "a: spa", word: "spa", want: []string{"spawn ", "spawn_link ", "spawn_monitor "}},
		{line: "a: spawn_l", word: "spawn_l", want: []string{"spawn_link "}},
		{line: "li", word: "li", want: []string{"link "}},
		{line: "cr", word: "cr", want: []string{"crash "}},
		{line: "a: ad", word: "ad"},                      // advance takes none
		{line: "b", word: "b", want: []string{"boss: "}}, // live actors once narrowed
		{line: "kill ", want: []string{"alpha ", "boss "}},
		{line: "kill b", word: "b", want: []string{"boss "}},
		{line: "exit ", want: []string{"alpha ", "boss "}},
		{line: "sa", word: "sa", want: []string{"save "}},
		{line: "a: link ", word: "", want: []string{"alpha ", "beta ", "boss "}},
		{line: "a: link b", word: "b", want: []string{"beta ", "boss "}},
		{line: "send ", want: []string{"alpha ", "beta ", "boss ", "@db ", "@cache "}},
		{line: "send @", word: "@", want: []string{"@db ", "@cache "}},
		{line: "whereis @c", word: "@c", want: []string{"@cache "}},
		{line: "unregister ", want: []string{"db ", "cache "}},
		{line: "a: demonitor #", word: "#", want: []string{"#Ref<1> ", "#Ref<3> "}},
		{line: "a: demonitor #Ref<1> ", want: []string{"flush "}},
		{line: "a: cancel_timer ", want: []string{"#Ref<2> "}},
		{line: "a: trap_exit o", word: "o", want: []string{"on ", "off "}},
		{line: "spawn x ", want: []string{"trap_exit "}},
		{line: "spawn x", word: "x"},
		{line: "help sp", word: "sp", want: []string{"spawn ", "spawn_link ", "spawn_monitor "}},
		{line: "help qu", word: "qu", want: []string{"quit "}},
		{line: "help in", word: "in", want: []string{"inspection ", "intensity ", "info "}},
		{line: "expect ", want: []string{"alive ", "dead ", "mailbox ", "registered ", "unregistered ", "restarts ", "exit_order ", "error "}},
		{line: "expect dead alpha ", want: []string{"reason="}},
		{line: "expect exit_order alpha beta b", word: "b", want: []string{"beta ", "boss "}},
		{line: "expect registered @db ", want: []string{"alpha ", "beta ", "boss "}},
		{line: "sup s st", word: "st", want: []string{"strategy="}},
		{line: "sup s strategy=", word: "strategy=", want: []string{
			"strategy=one_for_one ", "strategy=one_for_all ", "strategy=rest_for_one ", "strategy=simple_one_for_one "}},
		{line: "sup s strategy=one_for_all a", word: "a", want: []string{"auto_shutdown="}},
		{line: "sup s restart", word: "restart"}, // not for a top-level sup
		{line: "sup s {", want: []string{"worker ", "sup "}},
		{line: "sup s { worker w r", word: "r", want: []string{"restart=", "register="}},
		{line: "sup s { worker w; worker v restart=t", word: "restart=t", want: []string{"restart=transient ", "restart=temporary "}},
		{line: "worker w ", inBody: true, want: []string{"restart=", "shutdown=", "significant ", "trap_exit ",
			"terminate=", "init=", "init_time=", "call_time=", "register=", "count=", "health=", "backoff="}},
		{line: "worker w shutdown=b", inBody: true, word: "shutdown=b", want: []string{"shutdown=brutal_kill "}},
		{line: "worker w init=ok,e", inBody: true, word: "init=ok,e", want: []string{"init=ok,error:"}},
		{line: "worker w trap_exit t", inBody: true, word: "t", want: []string{"terminate="}},
		{line: "sup t ", inBody: true, want: []string{"strategy=", "intensity=", "period=", "auto_shutdown=",
			"backoff=", "restart=", "shutdown=", "significant "}},
		{line: "start_child b", word: "b", want: []string{"beta ", "boss "}},
		{line: "start_child boss ", want: []string{"worker ", "sup "}},
		{line: "start_child boss worker w in", word: "in", want: []string{"init=", "init_time="}},
		{line: "spawn a; a: spawn_link b; kill ", want: []string{"alpha ", "boss "}},
		{line: "frobnicate ", want: nil},
		{line: "send alpha {", word: "{"},
		{line: "alpha: call ", want: []string{"alpha ", "beta ", "boss ", "@db ", "@cache "}},
		{line: "call @db ", want: []string{"timeout="}},
		{line: "call @db {get,1} timeout=i", word: "timeout=i", want: []string{"timeout=infinity "}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			word, got := c.Complete(tt.line, tt.inBody)
			require.Equal(t, tt.word, word)
			require.Equal(t, tt.want, got)
		})
	}
}

// Every verb has an entry in the completion table.
func TestCompleteKnowsEveryVerb(t *testing.T) {
	for _, v := range Verbs() {
		_, ok := complArgs[v]
		require.True(t, ok, "no completion entry for verb %s", v)
	}
	for _, k := range expectNames {
		_, ok := complExpectArgs[k]
		require.True(t, ok, "no completion entry for expect %s", k)
	}
}

// Every option value completion offers parses, so the table cannot drift
// from the grammar.
func TestCompleteValuesParse(t *testing.T) {
	for key, vals := range complValues {
		for _, v := range vals {
			opt := key + "=" + v
			if strings.HasSuffix(v, ":") {
				opt += "boom"
			}
			src := "sup s { worker w " + opt + " }"
			switch {
			case slices.Contains(supKeys, key):
				src = "sup s " + opt + " { worker w }"
			case key == "timeout":
				src = "call a " + opt
			}
			_, err := Parse("t", []byte(src))
			require.NoError(t, err, src)
		}
	}
}

// Completion never panics, whatever the line.
func FuzzComplete(f *testing.F) {
	f.Add("sup s { worker w init=ok,", false)
	f.Add("a: demonitor #Ref<", true)
	f.Add("\x00;{;}", false)
	c := Completer{Names: fakeNames{}}
	f.Fuzz(func(t *testing.T, line string, inBody bool) {
		word, got := c.Complete(line, inBody)
		for _, g := range got {
			if !strings.HasPrefix(g, word) {
				t.Fatalf("candidate %q does not start with %q", g, word)
			}
		}
	})
}
