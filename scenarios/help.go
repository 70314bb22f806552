package scenarios

import (
	"slices"
	"strings"
)

// helpTopic is one topic of the help index, and the verbs it groups.
type helpTopic struct {
	name, about string
	verbs       []string
}

// helpTopics are the index of `help`, in the order a learner meets them.
var helpTopics = []helpTopic{
	{"processes", "spawn them, send to them, read their mailboxes, call them",
		[]string{"spawn", "send", "receive", "flush", "call", "hang", "recover"}},
	{"signals", "links and exits: how a death spreads, and how trapping stops it",
		[]string{"spawn_link", "link", "unlink", "trap_exit", "exit", "crash", "kill"}},
	{"monitors", "watch a process without dying with it", []string{"spawn_monitor", "monitor", "demonitor"}},
	{"registry", "names written @name, looked up when the action happens", []string{"register", "unregister", "whereis"}},
	{"timers", "messages sent later", []string{"send_after", "cancel_timer"}},
	{"supervisors", "restart what dies, and give up when it dies too often",
		[]string{"sup", "worker", "intensity", "start_child", "terminate_child", "restart_child", "delete_child",
			"which_children", "count_children", "stop", "shutdown"}},
	{"time", "the clock moves only when you say so", []string{"advance", "run", "step", "time", "seed", "chaos"}},
	{"inspection", "look, changing nothing", []string{"ps", "tree", "info", "mailbox", "trace", "why"}},
	{"expectations", "the checks that make a scenario a test", []string{"expect", "mark"}},
	{"session", "start afresh, read real logs, ask for help", []string{"reset", "logs", "help"}},
}

// helpVerbs documents every verb, by topic.
var helpVerbs = slices.Concat(helpProcVerbs, helpSupVerbs, helpTimeVerbs, helpShowVerbs, helpCheckVerbs)

// Help is what `help` prints: the index of topics (topic ""), a topic's
// verbs, or a verb's syntax, options (with their values, units and
// defaults) and example; lines are wrapped at word boundaries to width
// columns (0: not wrapped). ok is false for a word help does not know.
func Help(topic string, width int) ([]string, bool) {
	var lines []helpLine
	switch {
	case topic == "":
		lines = helpIndex()
	case helpTopicNamed(topic) != nil:
		lines = helpTopicLines(helpTopicNamed(topic))
		if v := helpVerbNamed(topic); v != nil { // time is a topic and a verb
			lines = append(append(lines, helpLine{}), helpVerbLines(v)...)
		}
	case helpVerbNamed(topic) != nil:
		lines = helpVerbLines(helpVerbNamed(topic))
	default:
		return nil, false
	}
	var out []string
	for _, l := range lines {
		out = append(out, Wrap(l.text, width, strings.Repeat(" ", l.hang))...)
	}
	return out, true
}

// HelpNames lists what help knows: the topics, then the verbs in topic
// order (for completion).
func HelpNames() []string {
	var out []string
	for _, t := range helpTopics {
		out = append(out, t.name)
	}
	for _, t := range helpTopics {
		out = append(out, t.verbs...)
	}
	return out
}

// helpLine is a line of help and the indent of its continuations.
type helpLine struct {
	text string
	hang int
}

func helpIndex() []helpLine {
	lines := []helpLine{
		{"help TOPIC lists a topic's commands; help VERB shows its syntax, options", 0},
		{"and an example. Without ACTOR: the shell acts; with it (a: link b), a does.", 0},
	}
	for _, t := range helpTopics {
		lines = append(lines, helpLine{"  " + padRight(t.name, 13) + " " + strings.Join(t.verbs, " "), 16})
	}
	return lines
}

func helpTopicLines(t *helpTopic) []helpLine {
	lines := []helpLine{{t.name + ": " + t.about, 2}}
	for _, v := range t.verbs {
		lines = append(lines, helpLine{"  " + padRight(v, 15) + " " + helpVerbNamed(v).brief, 18})
	}
	return append(lines, helpLine{"help VERB shows its syntax, options and an example.", 0})
}

func helpVerbLines(v *helpVerb) []helpLine {
	usage := v.usage
	if usage == "" {
		usage = Usage(v.name)
	}
	lines := []helpLine{{v.name + ": " + v.brief, 2}, {"usage: " + usage, 7}}
	if v.about != "" {
		lines = append(lines, helpLine{v.about, 0})
	}
	if len(v.opts) > 0 && v.name == "expect" {
		lines = append(lines, helpLine{"kinds:", 0})
	} else if len(v.opts) > 0 {
		lines = append(lines, helpLine{"options:", 0})
	}
	for _, o := range v.opts {
		lines = append(lines, helpLine{"  " + o.form, 4}, helpLine{"      " + o.about, 6})
		if o.example != "" {
			lines = append(lines, helpLine{"      example: " + o.example, 15})
		}
	}
	for i, e := range v.examples {
		lead := "example: "
		if i > 0 {
			lead = "         "
		}
		lines = append(lines, helpLine{lead + e, 9})
	}
	return lines
}

func helpTopicNamed(name string) *helpTopic {
	for i := range helpTopics {
		if helpTopics[i].name == name {
			return &helpTopics[i]
		}
	}
	return nil
}

func helpVerbNamed(name string) *helpVerb {
	for i := range helpVerbs {
		if helpVerbs[i].name == name {
			return &helpVerbs[i]
		}
	}
	return nil
}

// help prints Help to fit a terminal of 80 columns (see HelpWidth); the
// REPL and the TUI ask Help again at their own width.
func (x *execution) help(topic string) error {
	lines, ok := Help(topic, HelpWidth)
	if !ok {
		return errorf(x.c.Pos, "no help for %q: help lists the topics%s", topic, didYouMean(topic, HelpNames()))
	}
	for _, l := range lines {
		x.printf(l)
	}
	return nil
}

// HelpWidth is the width help wraps at when no terminal says otherwise:
// 80 columns, less the 2 that every face indents a command's output by.
const HelpWidth = 78
