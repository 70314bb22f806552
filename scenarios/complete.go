package scenarios

import (
	"slices"
	"strings"
	"unicode"
)

// Names supplies the words of a session that completion offers besides the
// grammar's own: its processes, registered names and refs. Each method
// returns candidates in the order they should be shown.
type Names interface {
	Processes() []string         // process names (latest incarnations)
	Live(prefix string) []string // the live ones among them that start with prefix
	Registered() []string        // registered names, without '@'
	Refs(verb string) []string   // "#Ref<K>" that verb (demonitor, cancel_timer) may take
}

// Completer completes partial commands from the grammar: verbs (at the
// start of a line every verb, so that one needing an actor can be entered
// and say how; after "A:" those a process may perform), processes (live
// ones only as actors and for kill and exit), @registered names,
// refs, expectation kinds, and supervisor option keys and values
// (strategy= offers the four strategies). The zero value completes the
// grammar's words only.
type Completer struct {
	Names    Names    // nil: no processes, registered names or refs
	Commands []string // extra first words, such as a REPL's own commands
}

// Complete returns the word being typed at the end of line (the text before
// the cursor; "" after a space) and the words that may replace it, each
// starting with it. A candidate that finishes its word ends with a space
// ("spawn ", "a: "); one that expects more text right after it does not
// ("strategy=", "init=error:"). inBody tells that line continues an open
// sup body, whose lines are children (worker or sup) rather than commands.
// Complete never fails: it returns no candidates when it has none.
func (c Completer) Complete(line string, inBody bool) (word string, candidates []string) {
	inBody = inBody || Incomplete(line)
	cuts := ";"
	if inBody {
		cuts = ";{"
	}
	seg := line[strings.LastIndexAny(line, cuts)+1:]
	words := strings.Fields(seg)
	if len(words) > 0 && !unicode.IsSpace(rune(seg[len(seg)-1])) {
		word, words = words[len(words)-1], words[:len(words)-1]
	}
	var all []string
	if inBody {
		all = c.child(words, word)
	} else {
		all = c.command(words, word)
	}
	return word, complPrefix(all, word)
}

// command offers the candidates for the next word of a command whose
// previous words are words.
func (c Completer) command(words []string, word string) []string {
	actor := len(words) > 0 && strings.HasSuffix(words[0], ":")
	if actor {
		words = words[1:]
	}
	if len(words) == 0 {
		return c.firstWords(actor, word)
	}
	verb, args := words[0], words[1:]
	switch verb {
	case "expect":
		return c.expectArgs(args, word)
	case "start_child":
		return c.startChildArgs(args, word)
	}
	specs, ok := complArgs[verb]
	if !ok || slices.Contains(args, "{") {
		return nil
	}
	return c.argCandidates(verb, specs, args, word)
}

// firstWords offers the verbs and, for the shell, the extra commands and
// the live processes that could act (as "a:"). After "A:" it offers only
// the verbs a process may perform; at the start of a line every verb, as a
// learner who types a verb that needs an actor is told how on Enter.
func (c Completer) firstWords(actor bool, word string) []string {
	var out []string
	for _, v := range verbNames {
		if !actor || verbs[v].actor != actorNever {
			out = append(out, v+" ")
		}
	}
	if actor {
		return out
	}
	for _, x := range c.Commands {
		out = append(out, x+" ")
	}
	if word != "" { // actors only once a letter narrows them down
		for _, p := range c.live(word) {
			out = append(out, p+": ")
		}
	}
	return out
}

// child offers the words of a line inside a sup body: worker or sup, a
// name, then the options of a worker or of a supervisor child.
func (c Completer) child(words []string, word string) []string {
	switch {
	case len(words) == 0:
		return []string{"worker ", "sup "}
	case len(words) == 1:
		return nil // the child's name
	case words[0] == "worker":
		return complOptions(workerKeys, words[2:], word)
	case words[0] == "sup" && !slices.Contains(words, "{"):
		return complOptions(supChildKeys, words[2:], word)
	}
	return nil
}

// expectArgs completes "expect KIND ARGS".
func (c Completer) expectArgs(args []string, word string) []string {
	if len(args) == 0 {
		return complSuffix(expectNames, " ")
	}
	specs, ok := complExpectArgs[args[0]]
	if !ok {
		return nil
	}
	return c.argCandidates("expect", specs, args[1:], word)
}

// startChildArgs completes "start_child SUP [worker NAME [options] | sup NAME [flags] {".
func (c Completer) startChildArgs(args []string, word string) []string {
	switch {
	case len(args) == 0:
		return complSuffix(c.processes(), " ")
	case len(args) == 1:
		return []string{"worker ", "sup "}
	case len(args) == 2 || slices.Contains(args, "{"):
		return nil
	case args[1] == "worker":
		return complOptions(workerKeys, args[3:], word)
	case args[1] == "sup":
		return complOptions(supChildKeys, args[3:], word)
	}
	return nil
}

// complKind is what an argument of a verb may be, for completion.
type complKind int

const (
	complFree    complKind = iota // a new name, a term, a duration, a number: nothing to offer
	complProc                     // a process
	complLive                     // a live process
	complDest                     // a process or an @registered name
	complReg                      // an @registered name
	complRegName                  // a registered name, without '@'
	complRef                      // a ref the verb may take
	complVerb                     // a verb (help)
	complWords                    // one of words
	complOpts                     // key=value options and flags of words, to the end
)

// complArg is one argument of a verb; rest repeats it to the end of the command.
type complArg struct {
	kind  complKind
	words []string
	rest  bool
}

// Shorthands for the tables below.
var (
	cFree = complArg{kind: complFree}
	cProc = complArg{kind: complProc}
	cLive = complArg{kind: complLive}
	cDest = complArg{kind: complDest}
	cReg  = complArg{kind: complReg}
	cRef  = complArg{kind: complRef}
)

func cOneOf(w ...string) complArg { return complArg{kind: complWords, words: w} }
func cRest(a complArg) complArg   { a.rest = true; return a }

// complArgs lists each verb's arguments in order (see Usage). Every verb has
// an entry; expect and start_child are completed by their own functions.
var complArgs = map[string][]complArg{
	"spawn": {cFree, cOneOf("trap_exit")}, "spawn_link": {cFree, cOneOf("trap_exit")}, "spawn_monitor": {cFree},
	"link": {cProc}, "unlink": {cProc}, "monitor": {cDest}, "kill": {cLive},
	"demonitor": {cRef, cOneOf("flush")}, "cancel_timer": {cRef},
	"trap_exit": {cOneOf("on", "off")}, "exit": {cLive, cFree}, "crash": {cFree},
	"send": {cDest, cFree}, "send_after": {cFree, cDest, cFree},
	"register": {cFree, cProc}, "unregister": {complArg{kind: complRegName}},
	"receive": {cProc}, "flush": {cProc}, "hang": {}, "recover": {}, "call": {cDest, complArg{kind: complOpts, words: []string{"timeout"}}},
	"advance": {cFree}, "run": {cFree}, "step": {cFree}, "seed": {cFree}, "chaos": {cFree, cOneOf("for"), cFree}, "mark": {}, "reset": {}, "logs": {cOneOf("on", "off")},
	"ps": {}, "tree": {}, "time": {}, "info": {cProc}, "mailbox": {cProc}, "why": {cProc},
	"whereis": {cReg}, "trace": {cFree}, "help": {complArg{kind: complVerb}},
	"sup":             {cFree, complArg{kind: complOpts, words: supKeys}},
	"terminate_child": {cProc, cProc}, "restart_child": {cProc, cProc}, "delete_child": {cProc, cProc},
	"which_children": {cProc}, "count_children": {cProc}, "stop": {cProc}, "shutdown": {},
	"expect": {}, "start_child": {},
}

// complExpectArgs lists the arguments of each kind of expectation.
var complExpectArgs = map[string][]complArg{
	"alive": {cProc}, "dead": {cProc, cOneOf("reason=")}, "mailbox": {cProc, cRest(cFree)},
	"registered": {cReg, cProc}, "unregistered": {cReg}, "restarts": {cProc, cFree},
	"exit_order": {cRest(cProc)}, "error": {cFree},
}

// argCandidates offers the candidates for the argument of verb after args.
func (c Completer) argCandidates(verb string, specs []complArg, args []string, word string) []string {
	i := len(args)
	if n := len(specs); n > 0 && (specs[n-1].rest || specs[n-1].kind == complOpts) && i >= n {
		i = n - 1
	}
	if i >= len(specs) {
		return nil
	}
	switch a := specs[i]; a.kind {
	case complProc:
		return complSuffix(c.processes(), " ")
	case complLive:
		return complSuffix(c.live(word), " ")
	case complDest:
		return append(complSuffix(c.processes(), " "), c.registered("@")...)
	case complReg:
		return c.registered("@")
	case complRegName:
		return c.registered("")
	case complRef:
		return c.refs(verb)
	case complVerb:
		return complSuffix(append(complHelpNames(), c.Commands...), " ")
	case complWords:
		return complFinish(a.words)
	case complOpts:
		return complOptions(a.words, args[len(specs)-1:], word)
	}
	return nil
}

// complHelpNames lists what help has a topic for, in help's order, then any
// verb it lacks.
func complHelpNames() []string {
	out := HelpNames()
	for _, v := range verbNames {
		if !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

func (c Completer) processes() []string {
	if c.Names == nil {
		return nil
	}
	return c.Names.Processes()
}

func (c Completer) live(prefix string) []string {
	if c.Names == nil {
		return nil
	}
	return c.Names.Live(prefix)
}

func (c Completer) registered(prefix string) []string {
	if c.Names == nil {
		return nil
	}
	return complSuffix(complPrefixed(c.Names.Registered(), prefix), " ")
}

func (c Completer) refs(verb string) []string {
	if c.Names == nil {
		return nil
	}
	return complSuffix(c.Names.Refs(verb), " ")
}

// complValues are the values completion offers for an option key. A
// value ending in ':' expects a reason after it (init=error:REASON).
var complValues = map[string][]string{
	"strategy":      {"one_for_one", "one_for_all", "rest_for_one", "simple_one_for_one"},
	"restart":       {"permanent", "transient", "temporary"},
	"shutdown":      {"brutal_kill", "infinity", "5000"},
	"auto_shutdown": {"never", "any_significant", "all_significant"},
	"init":          {"ok", "ignore", "error:", "crash:"},
	"timeout":       {"infinity", "5000"},
}

// complOptions offers option keys not yet in used (flags as words, others as
// "key="), or, once word holds a key and '=', the key's values; init= takes
// a comma-separated list and completes its last element.
func complOptions(keys, used []string, word string) []string {
	if key, val, ok := strings.Cut(word, "="); ok {
		head := key + "="
		if key == "init" {
			head += val[:strings.LastIndexByte(val, ',')+1]
		}
		return complFinish(complPrefixed(complValues[key], head))
	}
	var out []string
	for _, k := range keys {
		switch {
		case slices.ContainsFunc(used, func(u string) bool { return u == k || strings.HasPrefix(u, k+"=") }):
		case slices.Contains(flagKeys, k):
			out = append(out, k+" ")
		default:
			out = append(out, k+"=")
		}
	}
	return out
}

// complPrefix keeps the candidates that start with word, without duplicates.
func complPrefix(all []string, word string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range all {
		if strings.HasPrefix(s, word) && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// complFinish appends a space to each word, except to those that expect
// more text right after them ("reason=", "error:").
func complFinish(ws []string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w
		if !strings.HasSuffix(w, "=") && !strings.HasSuffix(w, ":") {
			out[i] += " "
		}
	}
	return out
}

func complSuffix(ws []string, suffix string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w + suffix
	}
	return out
}

func complPrefixed(ws []string, prefix string) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = prefix + w
	}
	return out
}
