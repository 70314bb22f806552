package scenarios

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

// requireFits checks that every line, as a face prints it (indented by
// 2), fits width columns.
func requireFits(t *testing.T, lines []string, width int, what string) {
	t.Helper()
	for _, l := range lines {
		require.LessOrEqual(t, 2+utf8.RuneCountInString(l), width, "%s: %q", what, l)
	}
}

// help fits 80x24: the index is a short list by topic, and no line of any
// topic or verb is wider than 80 columns.
func TestHelpFits80x24(t *testing.T) {
	index, ok := Help("", HelpWidth)
	require.True(t, ok)
	require.LessOrEqual(t, len(index), 16, "the index leaves room in 24 lines for the prompt and the REPL's lines")
	requireFits(t, index, 80, "index")
	for _, name := range HelpNames() {
		lines, ok := Help(name, HelpWidth)
		require.True(t, ok, name)
		requireFits(t, lines, 80, "help "+name)
	}
}

// The index names the topics the issue asks for, in a learner's order.
func TestHelpIndexIsByTopic(t *testing.T) {
	var names []string
	for _, tp := range helpTopics {
		names = append(names, tp.name)
	}
	require.Equal(t, []string{"processes", "signals", "monitors", "registry", "timers", "supervisors",
		"time", "inspection", "expectations", "session"}, names)
	index, _ := Help("", 0)
	for _, tp := range helpTopics {
		require.True(t, slices.ContainsFunc(index, func(l string) bool { return strings.HasPrefix(l, "  "+tp.name+" ") }), tp.name)
	}
}

// Every verb of the language has help, with its syntax and an example,
// and belongs to exactly one topic; every topic lists only verbs help
// knows.
func TestHelpCoversEveryVerb(t *testing.T) {
	for _, v := range Verbs() {
		h := helpVerbNamed(v)
		require.NotNil(t, h, "no help for the verb %s", v)
		require.NotEmpty(t, h.brief, v)
		lines, _ := Help(v, 0)
		require.True(t, slices.ContainsFunc(lines, func(l string) bool { return strings.HasPrefix(l, "usage: ") }), v)
		if v != "expect" {
			require.NotEmpty(t, h.examples, "help %s has no example", v)
		}
		in := 0
		for _, tp := range helpTopics {
			if slices.Contains(tp.verbs, v) {
				in++
			}
		}
		require.Equal(t, 1, in, "%s is in %d topics", v, in)
	}
	for _, tp := range helpTopics {
		for _, v := range tp.verbs {
			require.NotNil(t, helpVerbNamed(v), "topic %s lists %s", tp.name, v)
		}
	}
}

// help expect gives one example per kind of expectation, and every
// example of help parses.
func TestHelpExpectHasAnExamplePerKind(t *testing.T) {
	h := helpVerbNamed("expect")
	var kinds []string
	for _, o := range h.opts {
		require.NotEmpty(t, o.example, o.form)
		kinds = append(kinds, strings.Fields(o.example)[1])
	}
	require.Equal(t, expectNames, kinds)
	for _, v := range helpVerbs {
		examples := v.examples
		for _, o := range v.opts {
			if o.example != "" {
				examples = append(examples, o.example)
			}
		}
		for _, e := range examples {
			if v.name == "worker" {
				e = "sup s { " + e + " }"
			}
			_, err := Parse("help", []byte(e))
			require.NoError(t, err, "the example of help %s", v.name)
		}
	}
}

// Units are stated where they differ: shutdown= is milliseconds and
// period= seconds, as in OTP; terminate=, init_time= and call_time= take a
// unit.
func TestHelpStatesUnits(t *testing.T) {
	worker := strings.Join(must(Help("worker", 0)), "\n")
	require.Contains(t, worker, "a bare integer is milliseconds as in OTP: shutdown=500")
	for _, opt := range []string{"terminate", "init_time", "call_time"} {
		i := strings.Index(worker, "  "+opt+"=DURATION\n")
		require.GreaterOrEqual(t, i, 0, opt)
		about, _, _ := strings.Cut(worker[i+len(opt)+12:], "\n")
		require.Contains(t, about, "with a unit", opt)
	}
	require.Contains(t, strings.Join(must(Help("sup", 0)), "\n"), "in seconds as in OTP: period=5")
	require.Contains(t, strings.Join(must(Help("call", 0)), "\n"), "a bare integer of milliseconds")
}

// Help wraps at word boundaries to the width it is given.
func TestHelpWrapsToTheWidth(t *testing.T) {
	for _, name := range append([]string{""}, HelpNames()...) {
		for _, l := range must(Help(name, 40)) {
			if utf8.RuneCountInString(l) > 40 {
				require.Len(t, strings.Fields(l), 1, "help %s: a line over 40 columns is one long word: %q", name, l)
			}
		}
	}
}

// An unknown word is an error that says where the topics are, and
// suggests a near name.
func TestHelpUnknownSuggests(t *testing.T) {
	rs := execAll(t, NewSession(0), "help lnk")
	require.NotNil(t, rs[0].Err)
	require.Contains(t, rs[0].Err.Message(), `no help for "lnk": help lists the topics (did you mean link?)`)
}

func must(lines []string, ok bool) []string {
	if !ok {
		panic("no such help")
	}
	return lines
}
