package scenarios

import "strings"

// expectKind describes one kind of expectation: its usage and its parser.
type expectKind struct {
	usage string
	parse func(*parser, *ExpectCmd)
}

var (
	expectKinds map[string]expectKind
	expectNames []string
)

func init() {
	expectKinds = map[string]expectKind{
		"alive":        {"expect alive P", parseExpectProc},
		"dead":         {"expect dead P [reason=TERM]", parseExpectDead},
		"mailbox":      {"expect mailbox P [TERM, ...]", parseExpectMailbox},
		"registered":   {"expect registered @n P", parseExpectRegistered},
		"unregistered": {"expect unregistered @n", parseExpectUnregistered},
		"restarts":     {"expect restarts P N", parseExpectRestarts},
		"exit_order":   {"expect exit_order P1 [P2 ...]", parseExpectExitOrder},
		"error":        {"expect error [TERM]", parseExpectError},
	}
	expectNames = []string{"alive", "dead", "mailbox", "registered", "unregistered", "restarts", "exit_order", "error"}
}

// parseExpect: expect KIND ARGS; Kind is the second word.
func parseExpect(p *parser, c *Command) {
	p.need("what to expect")
	t := p.tok
	k, ok := expectKinds[t.val]
	if t.kind != tIdent || !ok {
		p.errorf(t, "unknown expectation %s (want %s)%s", p.describe(t), strings.Join(expectNames, ", "), didYouMean(t.val, expectNames))
	}
	p.next()
	p.usage = k.usage
	e := &ExpectCmd{Kind: t.val}
	k.parse(p, e)
	c.Expect = e
}

func parseExpectProc(p *parser, e *ExpectCmd) {
	e.Procs = []ProcRef{p.procRef(false)}
}

// parseExpectDead: expect dead P [reason=TERM].
func parseExpectDead(p *parser, e *ExpectCmd) {
	parseExpectProc(p, e)
	if p.atEnd() {
		return
	}
	if !p.isWord("reason") {
		p.errorf(p.tok, "expected reason=TERM, found %s", p.describe(p.tok))
	}
	p.next()
	if p.tok.kind != tEq {
		p.errorf(p.tok, "expected = after reason, found %s", p.describe(p.tok))
	}
	p.next()
	e.Reason = p.term("a reason", true)
}

// parseExpectMailbox: expect mailbox P [TERM, ...]. When the rest of the
// line is exactly one list literal, its elements are the messages (so
// "[]" is an empty mailbox and one list message is written [[a,b]]);
// otherwise the rest is a comma-separated sequence of messages, possibly
// empty.
func parseExpectMailbox(p *parser, e *ExpectCmd) {
	parseExpectProc(p, e)
	e.Messages = []*TermExpr{}
	for !p.atEnd() {
		if len(e.Messages) > 0 {
			if p.tok.kind != tComma {
				p.errorf(p.tok, "expected , between messages, found %s", p.describe(p.tok))
			}
			p.next()
		}
		e.Messages = append(e.Messages, p.term("a message", true))
	}
	if len(e.Messages) == 1 && e.Messages[0].Kind == TermList {
		e.Messages = e.Messages[0].Elems
		if e.Messages == nil {
			e.Messages = []*TermExpr{}
		}
	}
}

// parseExpectRegistered: expect registered @n P.
func parseExpectRegistered(p *parser, e *ExpectCmd) {
	e.Reg = p.regName()
	parseExpectProc(p, e)
}

func parseExpectUnregistered(p *parser, e *ExpectCmd) { e.Reg = p.regName() }

// parseExpectRestarts: expect restarts P N, N ≥ 0.
func parseExpectRestarts(p *parser, e *ExpectCmd) {
	parseExpectProc(p, e)
	e.N = p.intArg("the number of restarts", 0)
}

// parseExpectExitOrder: expect exit_order P1 [P2 ...], one or more; with
// one, it checks only that P1 exited since the mark.
func parseExpectExitOrder(p *parser, e *ExpectCmd) {
	for len(e.Procs) < 1 || !p.atEnd() {
		e.Procs = append(e.Procs, p.procRef(false))
	}
}

// parseExpectError: expect error [TERM].
func parseExpectError(p *parser, e *ExpectCmd) {
	if !p.atEnd() {
		e.Reason = p.term("a reason", true)
	}
}

func addDynVerbs(add addVerb) {
	add("start_child", actorNever, "start_child SUP [worker NAME [options] | sup NAME [flags] { children }]", parseStartChild)
	add("terminate_child", actorNever, "terminate_child SUP NAME|PID", parseTerminateChild)
	add("restart_child", actorNever, "restart_child SUP NAME", parseChildCall)
	add("delete_child", actorNever, "delete_child SUP NAME", parseChildCall)
	add("which_children", actorNever, "which_children SUP", parseSupCall)
	add("count_children", actorNever, "count_children SUP", parseSupCall)
	add("stop", actorNever, "stop SUP", parseSupCall)
	add("shutdown", actorNever, "shutdown", func(p *parser, c *Command) { c.Dyn = &DynCmd{} })
}

func parseSupCall(p *parser, c *Command) { c.Dyn = &DynCmd{Sup: p.procRef(false)} }

func parseChildCall(p *parser, c *Command) {
	c.Dyn = &DynCmd{Sup: p.procRef(false)}
	c.Dyn.Child = p.procName("a child name")
}

// parseTerminateChild: terminate_child SUP NAME|PID.
func parseTerminateChild(p *parser, c *Command) {
	c.Dyn = &DynCmd{Sup: p.procRef(false)}
	p.need("a child name or pid")
	if p.tok.kind == tPid {
		ref := p.procRef(false)
		c.Dyn.Pid = &ref
		return
	}
	c.Dyn.Child = p.procName("a child name or pid")
}

// parseStartChild: start_child SUP [worker NAME … | sup NAME … { … }];
// without a spec (simple_one_for_one) Spec is nil.
func parseStartChild(p *parser, c *Command) {
	c.Dyn = &DynCmd{Sup: p.procRef(false)}
	if !p.atEnd() {
		ch := p.child(1, nil)
		c.Dyn.Spec = &ch
	}
}
