package scenarios

import (
	"slices"
	"strings"
)

// actorRule says whether a verb takes an "ACTOR:" prefix.
type actorRule int

const (
	actorOptional actorRule = iota // the shell acts without one
	actorRequired                  // a process must act
	actorNever                     // the verb is not an action of a process
)

// verbInfo describes a verb: its actor rule, its usage line, and the
// function that parses its arguments into the command.
type verbInfo struct {
	actor     actorRule
	usage     string
	parse     func(*parser, *Command)
	multiLine bool // the command may span lines (a sup body)
}

// verbs is the table of verbs; verbNames lists them sorted.
var (
	verbs     map[string]*verbInfo
	verbNames []string
)

func init() {
	verbs = map[string]*verbInfo{}
	add := func(name string, a actorRule, usage string, parse func(*parser, *Command)) {
		verbs[name] = &verbInfo{actor: a, usage: usage, parse: parse}
	}
	addProcVerbs(add)
	addTimeVerbs(add)
	addShowVerbs(add)
	add("expect", actorNever, "expect KIND ...", parseExpect)
	add("sup", actorNever, "sup NAME [flags] { children }", parseSup)
	addDynVerbs(add)
	verbs["sup"].multiLine = true
	verbs["start_child"].multiLine = true
	for name := range verbs {
		verbNames = append(verbNames, name)
	}
	slices.Sort(verbNames)
}

// Verbs returns the names of all verbs, sorted (for completion and help).
func Verbs() []string { return slices.Clone(verbNames) }

// Usage returns the usage line of a verb ("A: link P"), or "" when the
// verb is unknown. Optional parts are in [brackets]; "A:" marks a
// required actor and "[A:]" an optional one.
func Usage(verb string) string {
	if v, ok := verbs[verb]; ok {
		return v.usage
	}
	return ""
}

type addVerb func(name string, a actorRule, usage string, parse func(*parser, *Command))

func addProcVerbs(add addVerb) {
	add("spawn", actorOptional, "[A:] spawn P [trap_exit]", parseSpawn)
	add("spawn_link", actorRequired, "A: spawn_link P [trap_exit]", parseSpawn)
	add("spawn_monitor", actorRequired, "A: spawn_monitor P", parseSpawn)
	add("link", actorRequired, "A: link P", parseTarget(false))
	add("unlink", actorRequired, "A: unlink P", parseTarget(false))
	add("monitor", actorRequired, "A: monitor P|@n", parseTarget(true))
	add("demonitor", actorRequired, "A: demonitor #Ref<K> [flush]", parseDemonitor)
	add("trap_exit", actorRequired, "A: trap_exit on|off", parseTrapExit)
	add("exit", actorOptional, "A: exit REASON | [A:] exit P REASON", parseExit)
	add("crash", actorRequired, "A: crash [REASON]", parseCrash)
	add("kill", actorOptional, "[A:] kill P", parseTarget(false))
	add("send", actorOptional, "[A:] send P|@n TERM", parseSend)
	add("register", actorOptional, "[A:] register NAME P", parseRegister)
	add("unregister", actorOptional, "[A:] unregister NAME", parseUnregister)
	add("send_after", actorRequired, "A: send_after DURATION P|@n TERM", parseSendAfter)
	add("cancel_timer", actorRequired, "A: cancel_timer #Ref<K>", parseCancelTimer)
	add("receive", actorNever, "receive P", parseTarget(false))
	add("flush", actorNever, "flush P", parseTarget(false))
	add("hang", actorRequired, "A: hang", parseNoArgs)
	add("recover", actorRequired, "A: recover", parseNoArgs)
	add("call", actorOptional, "[A:] call P|@n [TERM] [timeout=D]", parseCall)
}

// parseSpawn: spawn, spawn_link, spawn_monitor P [trap_exit].
func parseSpawn(p *parser, c *Command) {
	pc := &ProcCmd{Name: p.procName("a process name")}
	if p.isWord("trap_exit") {
		pc.TrapExit = true
		p.next()
	}
	c.Proc = pc
}

// parseTarget parses verbs whose one argument is a process, optionally
// given as a registered name @n.
func parseTarget(allowReg bool) func(*parser, *Command) {
	return func(p *parser, c *Command) {
		ref := p.procRef(allowReg)
		c.Proc = &ProcCmd{Target: &ref}
	}
}

func parseNoArgs(p *parser, c *Command) { c.Proc = &ProcCmd{} }

// parseDemonitor: demonitor #Ref<K> [flush].
func parseDemonitor(p *parser, c *Command) {
	pc := &ProcCmd{Ref: p.refArg()}
	if p.isWord("flush") {
		pc.Flag = true
		p.next()
	}
	c.Proc = pc
}

func parseCancelTimer(p *parser, c *Command) { c.Proc = &ProcCmd{Ref: p.refArg()} }

var trapExitFlags = map[string]bool{"on": true, "true": true, "off": false, "false": false}

// parseTrapExit: trap_exit on|off (true|false also accepted).
func parseTrapExit(p *parser, c *Command) { c.Proc = &ProcCmd{Flag: p.onOff()} }

// onOff parses on or off (true or false).
func (p *parser) onOff() bool {
	p.need("on or off")
	on, ok := trapExitFlags[p.tok.val]
	if p.tok.kind != tIdent || !ok {
		p.errorf(p.tok, "expected on or off, found %s", p.describe(p.tok))
	}
	p.next()
	return on
}

// parseExit decides between exit/1 and exit/2 by the number of arguments:
// a process followed by a term is exit/2 (Target set); a single term is
// exit/1, which needs an actor.
func parseExit(p *parser, c *Command) {
	p.need("a reason")
	pc := &ProcCmd{}
	switch p.tok.kind {
	case tError:
		p.errorf(p.tok, "%s", p.tok.val) // a lexical error
	case tIdent, tPid, tReg, tNamePid:
		if !p.endsAfterCurrent() {
			ref := p.procRef(false)
			pc.Target = &ref
		}
	}
	if pc.Target == nil && c.Actor.Shell {
		p.errorf(p.verb, "exit REASON needs an actor: write `A: exit REASON` (or `exit P REASON` to send P an exit signal)")
	}
	pc.Reason = p.term("a reason", false)
	c.Proc = pc
}

// endsAfterCurrent reports whether the token after the current one ends
// the command.
func (p *parser) endsAfterCurrent() bool {
	switch p.peek().kind {
	case tEOL, tSemi, tEOF:
		return true
	case tRBrace:
		return p.inBody > 0
	}
	return false
}

// parseCrash: crash [REASON]; Reason stays nil without one.
func parseCrash(p *parser, c *Command) {
	pc := &ProcCmd{}
	if !p.atEnd() {
		pc.Reason = p.term("a reason", false)
	}
	c.Proc = pc
}

// parseSend: send P|@n TERM.
func parseSend(p *parser, c *Command) {
	ref := p.procRef(true)
	c.Proc = &ProcCmd{Target: &ref, Msg: p.term("a message", false)}
}

// parseSendAfter: send_after DURATION P|@n TERM.
func parseSendAfter(p *parser, c *Command) {
	d := p.duration("a duration")
	ref := p.procRef(true)
	c.Proc = &ProcCmd{After: d, Target: &ref, Msg: p.term("a message", false)}
}

// parseRegister: register NAME P (NAME with or without '@').
func parseRegister(p *parser, c *Command) {
	name := p.regName()
	ref := p.procRef(false)
	c.Proc = &ProcCmd{Name: name, Target: &ref}
}

func parseUnregister(p *parser, c *Command) { c.Proc = &ProcCmd{Name: p.regName()} }

func addTimeVerbs(add addVerb) {
	add("advance", actorNever, "advance DURATION", parseAdvance)
	add("run", actorNever, "run [DURATION]", parseRun)
	add("step", actorNever, "step [N]", parseStep)
	add("seed", actorNever, "seed N", parseSeed)
	add("chaos", actorNever, "chaos RATE [for DURATION]", parseChaos)
	add("mark", actorNever, "mark", func(p *parser, c *Command) { c.Time = &TimeCmd{} })
	add("reset", actorNever, "reset", func(p *parser, c *Command) { c.Time = &TimeCmd{} })
	add("logs", actorNever, "logs on|off", func(p *parser, c *Command) { c.Time = &TimeCmd{On: p.onOff()} })
}

func parseAdvance(p *parser, c *Command) {
	c.Time = &TimeCmd{Duration: p.duration("a duration"), HasDuration: true}
}

func parseRun(p *parser, c *Command) {
	c.Time = &TimeCmd{}
	if !p.atEnd() {
		c.Time.Duration, c.Time.HasDuration = p.duration("a duration"), true
	}
}

func parseStep(p *parser, c *Command) {
	c.Time = &TimeCmd{N: 1}
	if !p.atEnd() {
		c.Time.N = p.int64Arg("the number of events", 1)
	}
}

func parseSeed(p *parser, c *Command) {
	c.Time = &TimeCmd{N: p.int64Arg("a seed", minInt64)}
}

// parseChaos: chaos RATE [for DURATION], RATE a non-negative number.
func parseChaos(p *parser, c *Command) {
	c.Time = &TimeCmd{Rate: p.rateArg()}
	if p.isWord("for") {
		p.next()
		c.Time.Duration, c.Time.HasDuration = p.duration("a duration"), true
	}
}

func addShowVerbs(add addVerb) {
	none := func(p *parser, c *Command) { c.Show = &ShowCmd{} }
	add("ps", actorNever, "ps", none)
	add("tree", actorNever, "tree", none)
	add("time", actorNever, "time", none)
	add("info", actorNever, "info P", parseShowTarget)
	add("mailbox", actorNever, "mailbox P", parseShowTarget)
	add("why", actorNever, "why P", parseShowTarget)
	add("whereis", actorNever, "whereis @n", parseWhereis)
	add("trace", actorNever, "trace [N]", parseTrace)
	add("help", actorNever, "help [TOPIC|VERB]", parseHelp)
}

func parseShowTarget(p *parser, c *Command) {
	ref := p.procRef(false)
	c.Show = &ShowCmd{Target: &ref}
}

// parseWhereis: whereis @n (a bare n is accepted too).
func parseWhereis(p *parser, c *Command) {
	ref := ProcRef{Pos: p.tok.pos}
	ref.Registered = p.regName()
	c.Show = &ShowCmd{Target: &ref}
}

// parseTrace: trace [N], N ≥ 0 (0: the whole trace).
func parseTrace(p *parser, c *Command) {
	c.Show = &ShowCmd{}
	if !p.atEnd() {
		c.Show.N = p.intArg("the number of events", 0)
	}
}

// parseHelp: help [TOPIC]; the topic is any word, checked by the help itself.
func parseHelp(p *parser, c *Command) {
	c.Show = &ShowCmd{}
	if p.atEnd() {
		return
	}
	if p.tok.kind != tIdent {
		p.errorf(p.tok, "expected a verb, found %s", p.describe(p.tok))
	}
	c.Show.Topic = p.tok.val
	p.next()
}

// enumArg parses one of the allowed words for what.
func (p *parser) enumArg(what string, allowed ...string) string {
	p.need(what)
	t := p.tok
	if (t.kind != tIdent && t.kind != tVar) || !slices.Contains(allowed, t.val) {
		p.errorf(t, "unknown %s %s (want %s)", what, quote(p.src[t.off:t.end]), strings.Join(allowed, ", "))
	}
	p.next()
	return t.val
}
