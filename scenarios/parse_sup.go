package scenarios

import (
	"slices"
	"strings"
	"time"

	"github.com/crashcourse/crashcourse/sim"
)

// Option keys, in the order error messages list them.
var (
	supKeys      = []string{"strategy", "intensity", "period", "auto_shutdown", "backoff"}
	childKeys    = []string{"restart", "shutdown", "significant"}
	supChildKeys = slices.Concat(supKeys, childKeys)
	workerKeys   = slices.Concat(childKeys, []string{"trap_exit", "terminate", "init", "init_time", "call_time", "register", "count", "health", "backoff"})
	// flagKeys are bare words that take no value.
	flagKeys  = []string{"significant", "trap_exit"}
	initKinds = []string{"ok", "ignore", "error", "crash"}
)

const (
	workerUsage = "worker NAME [restart=…] [shutdown=…] [trap_exit] [terminate=DURATION] [init=…] [init_time=DURATION] [call_time=DURATION] [register=NAME] [significant] [count=N] [health=INTERVAL/TIMEOUT/THRESHOLD] [backoff=MIN..MAX]"
	supUsage    = "sup NAME [strategy=…] [intensity=N] [period=SECONDS] [auto_shutdown=…] [backoff=MIN..MAX] { children }"
)

// parseSup parses a top-level "sup NAME [flags] { children }".
func parseSup(p *parser, c *Command) {
	c.Sup = p.supSpec(p.verb, false, 1)
}

// supSpec parses a supervisor after its "sup" keyword kw: name, flags
// (and, for a child, child options), then its body. Flags not given keep
// OTP's defaults.
func (p *parser) supSpec(kw token, child bool, depth int) *SupSpec {
	if depth > maxDepth {
		p.errorf(kw, "supervisors nested too deeply (more than %d levels)", maxDepth)
	}
	p.usage = supUsage
	s := &SupSpec{Pos: kw.pos, Strategy: "one_for_one", Intensity: 1, Period: 5, AutoShutdown: "never"}
	p.countProcs(p.tok, 1)
	s.Name = p.procName("a supervisor name")
	keys := supKeys
	if child {
		keys = supChildKeys
	}
	p.options("sup", keys, func(key string) { p.supOption(s, key) })
	if p.tok.kind == tEOL && p.peek().kind == tLBrace {
		p.next() // so that recovery skips the body that follows
		p.errorf(p.tok, "the { of sup %s must be on the line of sup %s", s.Name, s.Name)
	}
	if p.tok.kind != tLBrace {
		p.errorf(p.tok, "expected { to open the body of sup %s, found %s", s.Name, p.describe(p.tok))
	}
	s.Children = p.body(s.Name, depth)
	return s
}

// options parses "key=value" options and bare flag words up to the end of
// the command or a '{', calling apply with each key once its '=' (if any)
// is consumed.
func (p *parser) options(what string, keys []string, apply func(key string)) {
	seen := map[string]bool{}
	for !p.atEnd() && p.tok.kind != tLBrace {
		k := p.tok
		if k.kind != tIdent || !slices.Contains(keys, k.val) {
			p.badOption(what, keys, k)
		}
		if seen[k.val] {
			p.errorf(k, "duplicate option %s", k.val)
		}
		seen[k.val] = true
		p.next()
		flag := slices.Contains(flagKeys, k.val)
		switch {
		case flag && p.tok.kind == tEq:
			p.errorf(p.tok, "%s takes no value", k.val)
		case !flag && p.tok.kind != tEq:
			p.errorf(p.tok, "expected = after %s, found %s", k.val, p.describe(p.tok))
		case !flag:
			p.next()
			p.need("a value for " + k.val)
		}
		apply(k.val)
	}
}

// badOption reports an unknown option key.
func (p *parser) badOption(what string, keys []string, k token) {
	switch {
	case k.kind != tIdent && k.kind != tVar:
		p.errorf(k, "expected an option of %s, found %s", what, p.describe(k))
	case what == "sup" && slices.Contains(childKeys, k.val):
		p.errorf(k, "%s applies only to a sup inside another sup's body", k.val)
	}
	p.errorf(k, "unknown option %s for %s (want %s)", quote(k.val), what, strings.Join(keys, ", "))
}

// supOption applies one flag of a supervisor.
func (p *parser) supOption(s *SupSpec, key string) {
	switch key {
	case "strategy":
		s.Strategy = p.enumArg("strategy", "one_for_one", "one_for_all", "rest_for_one", "simple_one_for_one")
		s.SetStrategy = true
	case "intensity":
		s.Intensity, s.SetIntensity = p.intArg("intensity", 0), true
	case "period":
		s.Period, s.SetPeriod = p.period(), true
	case "auto_shutdown":
		s.AutoShutdown = p.enumArg("auto_shutdown", "never", "any_significant", "all_significant")
	case "backoff":
		s.Backoff = p.backoff()
	default:
		p.childOption(&s.Child, key)
	}
}

// childOption applies an option common to workers and child supervisors.
func (p *parser) childOption(o *ChildOpts, key string) {
	switch key {
	case "restart":
		o.Restart = p.enumArg("restart", "permanent", "transient", "temporary")
	case "shutdown":
		o.Shutdown = p.shutdown()
	case "significant":
		o.Significant = true
	}
}

// period parses period=SECONDS: a positive integer of seconds, or a
// duration of whole seconds.
func (p *parser) period() int {
	t := p.tok
	if t.kind == tInt {
		return p.intArg("period", 1)
	}
	d := p.durationOf(t, "a period")
	if d < time.Second || d%time.Second != 0 {
		p.errorf(t, "period must be a whole number of seconds, at least 1")
	}
	p.next()
	return int(d / time.Second)
}

// shutdown parses shutdown=brutal_kill|infinity|MS|DURATION; a bare
// integer is milliseconds, as in OTP.
func (p *parser) shutdown() Shutdown {
	t := p.tok
	s := Shutdown{Set: true}
	switch {
	case t.kind == tIdent && t.val == "brutal_kill":
		s.BrutalKill = true
	case t.kind == tIdent && t.val == "infinity":
		s.Infinity = true
	case t.kind == tInt:
		ms := p.int64Arg("shutdown", 0)
		if ms > int64(maxDuration/time.Millisecond) {
			p.errorf(t, "shutdown %s is longer than the maximum of %s", quote(t.val), sim.MaxTimeText)
		}
		s.Timeout = time.Duration(ms) * time.Millisecond
		return s
	case t.kind == tDuration:
		s.Timeout = p.durationOf(t, "shutdown")
	default:
		p.errorf(t, "invalid shutdown %s (want brutal_kill, infinity, milliseconds or a duration)", p.describe(t))
	}
	p.next()
	return s
}

// backoff parses backoff=MIN..MAX, 0 < MIN ≤ MAX.
func (p *parser) backoff() *Backoff {
	t := p.tok
	b := &Backoff{Min: p.duration("a minimum delay")}
	if p.tok.kind != tDotDot {
		p.errorf(p.tok, "expected .. in backoff=MIN..MAX, found %s", p.describe(p.tok))
	}
	p.next()
	b.Max = p.duration("a maximum delay")
	switch {
	case b.Min <= 0:
		p.errorf(t, "backoff minimum must be positive")
	case b.Max < b.Min:
		p.errorf(t, "backoff maximum %v is less than its minimum %v", b.Max, b.Min)
	}
	return b
}

// body parses the { … } of supervisor sup, whose '{' is the current
// token: children separated by newlines or ';'. A broken child is
// skipped and the body goes on; duplicate names are errors.
func (p *parser) body(sup string, depth int) []ChildSpec {
	open := p.tok
	p.next()
	p.inBody++
	var children []ChildSpec
	names := map[string]bool{}
	for {
		p.skipSeparators()
		switch p.tok.kind {
		case tRBrace:
			p.inBody--
			p.next()
			return children
		case tEOF:
			p.errorf(open, "unclosed { (the body of sup %s)", sup)
		}
		if ch, ok := p.bodyChild(depth, names); ok {
			children = append(children, ch)
		}
	}
}

// bodyChild parses one child of a body and recovers from its errors.
func (p *parser) bodyChild(depth int, names map[string]bool) (ch ChildSpec, ok bool) {
	inBody, usage := p.inBody, p.usage
	multiLine := p.isWord("sup")
	defer func() {
		if p.recoverFrom(recover(), inBody, usage, multiLine) {
			ok = false
		}
	}()
	ch = p.child(depth, names)
	p.expectEnd("the child")
	p.usage = usage
	return ch, true
}

// child parses "worker NAME [options]" or "sup NAME [flags] { … }". When
// names is not nil, the child's name must not be in it, and is added.
func (p *parser) child(depth int, names map[string]bool) ChildSpec {
	kw := p.tok
	ch := ChildSpec{Pos: kw.pos}
	nameTok := p.peek()
	switch {
	case p.isWord("worker"):
		p.next()
		ch.Worker = p.worker()
	case p.isWord("sup"):
		p.next()
		ch.Sup = p.supSpec(kw, true, depth+1)
	case (kw.kind == tIdent || kw.kind == tVar) && verbs[kw.val] != nil:
		p.errorf(kw, "expected worker or sup, found the verb %s (missing } before it?)", kw.val)
	default:
		p.errorf(kw, "expected worker or sup, found %s", p.describe(kw))
	}
	if names != nil {
		name := ch.name()
		if names[name] {
			p.errorf(nameTok, "duplicate child name %s", quote(name))
		}
		names[name] = true
	}
	return ch
}

// name returns the name of the worker or supervisor.
func (ch ChildSpec) name() string {
	if ch.Worker != nil {
		return ch.Worker.Name
	}
	return ch.Sup.Name
}

// worker parses a worker's name and options, after "worker".
func (p *parser) worker() *WorkerSpec {
	p.usage = workerUsage
	p.countProcs(p.tok, 1)
	w := &WorkerSpec{Name: p.procName("a worker name")}
	p.options("worker", workerKeys, func(key string) { p.workerOption(w, key) })
	return w
}

// workerOption applies one option of a worker.
func (p *parser) workerOption(w *WorkerSpec, key string) {
	switch key {
	case "trap_exit":
		w.TrapExit = true
	case "terminate":
		w.Terminate = p.duration("a duration")
	case "init":
		w.Init = p.initList()
	case "init_time":
		w.InitTime = p.duration("a duration")
	case "call_time":
		w.CallTime = p.duration("a duration")
	case "register":
		w.Register = p.regName()
	case "count":
		w.Count = p.count()
	case "health":
		w.Health = p.health()
	case "backoff":
		w.Backoff = p.backoff()
	default:
		p.childOption(&w.Opts, key)
	}
}

// count parses count=N. N is bounded by the process limit before anything
// is allocated for the N children.
func (p *parser) count() int {
	t := p.tok
	n := p.intArg("count", 1)
	if n > sim.MaxProcesses {
		p.errorf(t, "count=%d is more than the process limit of %d", n, sim.MaxProcesses)
	}
	p.countProcs(t, n-1)
	return n
}

// countProcs adds n processes to those the command's supervision tree
// starts, and refuses a tree past the process limit.
func (p *parser) countProcs(t token, n int) {
	if n > sim.MaxProcesses-p.procs {
		p.errorf(t, "this supervision tree would start more than the process limit of %d processes", sim.MaxProcesses)
	}
	p.procs += n
}

// initList parses init=R1,R2,…: ok, ignore, error:TERM or crash:TERM.
func (p *parser) initList() []InitResult {
	var res []InitResult
	for {
		t := p.tok
		if t.kind != tIdent || !slices.Contains(initKinds, t.val) {
			p.errorf(t, "unknown init result %s (want ok, ignore, error:REASON, crash:REASON)", p.describe(t))
		}
		p.next()
		r := InitResult{Kind: t.val}
		if r.Kind == "error" || r.Kind == "crash" {
			if p.tok.kind != tColon {
				p.errorf(p.tok, "expected : after %s (write %s:REASON), found %s", t.val, t.val, p.describe(p.tok))
			}
			p.next()
			r.Reason = p.term("a reason", false)
		}
		res = append(res, r)
		if p.tok.kind != tComma {
			return res
		}
		p.next()
		p.need("an init result")
	}
}

// health parses health=INTERVAL/TIMEOUT/THRESHOLD.
func (p *parser) health() *Health {
	t := p.tok
	h := &Health{Interval: p.duration("an interval")}
	p.expectSlash()
	h.Timeout = p.duration("a timeout")
	p.expectSlash()
	h.Threshold = p.intArg("a threshold", 1)
	if h.Interval <= 0 || h.Timeout <= 0 {
		p.errorf(t, "health interval and timeout must be positive")
	}
	return h
}

func (p *parser) expectSlash() {
	if p.tok.kind != tSlash {
		p.errorf(p.tok, "expected / in health=INTERVAL/TIMEOUT/THRESHOLD, found %s", p.describe(p.tok))
	}
	p.next()
}
