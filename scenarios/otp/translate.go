package otp

import (
	"fmt"
	"strings"
	"time"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// How a command relates to time, which tells the driver how to move its
// virtual clock.
const (
	kindZero = "zero" // happens at the current instant
	kindSync = "sync" // a synchronous call: the clock moves by the real time it took
	kindTime = "time" // advance and run: the clock moves by the given time
)

// step is one command of a scenario: what the simulator did with it and
// the Erlang term the driver runs.
type step struct {
	cmd   *scenarios.Command
	kind  string
	erl   string
	res   scenarios.Result
	err   errInfo      // the command's failure as `expect error` sees it
	obs   *observation // the simulator's view, at an expectation
	exits []simExit    // exits the command caused in the simulator
}

// simExit is one exit in the simulator's trace.
type simExit struct {
	seq    sim.Seq
	pid    term
	reason term
}

// errInfo is how a command failed: failed with an Erlang reason, or
// refused (reason nil) by the language.
type errInfo struct {
	failed bool
	reason *term
}

// TranslateError says why a scenario cannot be run on the real runtime:
// each entry names a line and the reason.
type TranslateError struct {
	Errs scenarios.ErrorList
}

func (e *TranslateError) Error() string {
	parts := make([]string, len(e.Errs))
	for i, x := range e.Errs {
		parts[i] = x.Error()
	}
	return "cannot translate to Erlang:\n" + strings.Join(parts, "\n")
}

// translation is a scenario run in the simulator and translated to Erlang,
// command by command.
type translation struct {
	file      string
	session   *scenarios.Session
	steps     []*step
	regNames  []string
	names     []string // process names in order of first appearance
	ids       map[sim.Pid]term
	incs      map[string]int
	nextPid   sim.Pid
	specs     map[string]*specInfo // the latest definition of each supervisor name
	racyStop  map[string]bool      // workers whose stop OTP leaves to a race (zeroShutdown)
	templates map[string]bool      // simple_one_for_one templates, by name
	races     map[string][2]term   // see startRaces; nil until asked
	defs      int
	mark      sim.Seq
	errs      scenarios.ErrorList
	scale     float64 // virtual ms per real ms, filled in by chooseScale
	align     bool
	why       string // why this scale
}

// specInfo is a supervisor definition and the def id the driver keys its
// dynamic children by.
type specInfo struct {
	spec *scenarios.SupSpec
	def  int
}

// translate runs cmds in a fresh simulation configured by o and translates
// each to Erlang.
// The simulator must not panic; if it does, the panic is returned as an
// error naming the command.
func translate(file string, src []byte, cmds []*scenarios.Command, seed uint64, o sim.Options) (t *translation, err error) {
	t = &translation{
		file: file, session: scenarios.NewSessionWithOptions(seed, o), ids: map[sim.Pid]term{},
		incs: map[string]int{}, nextPid: sim.FirstPid, specs: map[string]*specInfo{},
		racyStop: map[string]bool{}, templates: map[string]bool{},
	}
	t.session.AddSource(file, src)
	for _, c := range cmds {
		if err := t.step(c); err != nil {
			return nil, err
		}
	}
	if len(t.errs) > 0 {
		return nil, &TranslateError{Errs: t.errs}
	}
	return t, nil
}

func (t *translation) world() *sim.World { return t.session.World() }

// step runs one command in the simulator and translates it.
func (t *translation) step(c *scenarios.Command) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s:%d: the simulator panicked on %q: %v", t.file, c.Pos.Line, c.Text, r)
		}
	}()
	s := &step{cmd: c, kind: kindZero}
	w := t.world()
	if c.Expect != nil {
		s.obs = t.simObserve(c.Expect)
	}
	if c.Time != nil && c.Verb == "mark" {
		t.mark = sim.Seq(w.TraceLen())
	}
	before := w.Now()
	s.res = t.session.Exec(c)
	t.learnPids()
	if c.Expect == nil {
		s.err = t.simErr()
	}
	for q := s.res.From; q <= s.res.To; q++ {
		if e := w.Entry(q); e.Kind == sim.KindExit {
			s.exits = append(s.exits, simExit{seq: q, pid: t.ids[e.Pid], reason: t.fromSim(w.Term(e.Term))})
		}
	}
	s.erl = t.command(c, s, w.Now()-before)
	t.steps = append(t.steps, s)
	return nil
}

// learnPids names the processes spawned since the last command: the name
// and incarnation (from 1) of each pid, which is how pids compare across
// the two worlds.
func (t *translation) learnPids() {
	w := t.world()
	for ; int(t.nextPid-sim.FirstPid) < w.NumProcesses(); t.nextPid++ {
		name := w.Name(t.nextPid)
		if t.incs[name] == 0 {
			t.names = append(t.names, name)
		}
		t.incs[name]++
		t.ids[t.nextPid] = pidTerm(name, t.incs[name])
	}
}

func (t *translation) pidOf(p sim.Pid) term {
	if p == sim.Shell {
		return pidTerm(shellName, 0)
	}
	if id, ok := t.ids[p]; ok {
		return id
	}
	return term{k: kPid}
}

func (t *translation) fromSim(x sim.Term) term { return fromSim(x, t.pidOf) }

func (t *translation) simErr() errInfo {
	err := t.session.LastErr()
	if err == nil {
		return errInfo{}
	}
	if se, ok := err.(*sim.Error); ok && se.Reason != nil {
		r := t.fromSim(se.Reason)
		return errInfo{failed: true, reason: &r}
	}
	return errInfo{failed: true}
}

// cannot records that a command has no faithful translation.
func (t *translation) cannot(c *scenarios.Command, why string) string {
	line, _, _ := strings.Cut(c.Text, "\n")
	pos := c.Pos
	pos.Col = 1
	t.errs = append(t.errs, &scenarios.Error{Pos: pos, Msg: why, Line: line})
	return "noop"
}

// command translates one command.
func (t *translation) command(c *scenarios.Command, s *step, took sim.Time) string {
	switch {
	case c.Proc != nil && !c.Actor.Shell && s.err.failed && s.err.reason == nil:
		// The language refused it: its actor cannot act now (for instance a
		// gen_server inside init/1 or terminate/2, where OTP would queue the
		// request). The driver refuses it the same way.
		return eTuple("refuse", eString(s.res.Err.Msg))
	case c.Proc != nil:
		if c.Verb == "call" && c.Actor.Shell {
			s.kind = kindSync
		}
		return t.proc(c)
	case c.Time != nil:
		return t.timeCmd(c, s, took)
	case c.Expect != nil:
		return eTuple("expect", t.expect(c.Expect))
	case c.Sup != nil:
		s.kind = kindSync
		spec, ok := t.supSpec(c, c.Sup)
		if !ok {
			return "noop"
		}
		return eTuple("sup", spec)
	case c.Dyn != nil:
		s.kind = kindSync
		return t.dyn(c)
	}
	return "noop" // inspection: ps, tree, info, why, ...
}

// procRef translates a process reference: a name, a pid literal (the
// incarnation the simulator knows it as), or @n.
func (t *translation) procRef(r scenarios.ProcRef) string {
	switch {
	case r.Registered != "":
		t.noteReg(r.Registered)
		return eTuple("reg", eAtom(r.Registered))
	case r.IsPid:
		if id, ok := t.ids[sim.Pid(r.Pid)]; ok {
			return eTuple("inc", eAtom(id.s), eInt(id.n))
		}
		return eTuple("inc", eAtom("$none"), "0")
	}
	return eTuple("name", eAtom(r.Name))
}

func (t *translation) actor(c *scenarios.Command) string {
	if c.Actor.Shell {
		return "shell"
	}
	return t.procRef(c.Actor.Proc)
}

// erlTerm translates a user term (a message, a reason) into the encoding
// the driver decodes when the command runs: {'$cc_term', E}, where every
// atom, string, tuple and list of E is tagged, so that nothing a user
// writes can pass for a pid, a name or a ref the driver resolves.
func (t *translation) erlTerm(x *scenarios.TermExpr) string {
	return eTuple(eAtom("$cc_term"), t.encode(x))
}

func (t *translation) encode(x *scenarios.TermExpr) string {
	switch x.Kind {
	case scenarios.TermAtom:
		return eTuple("a", eAtom(x.Atom))
	case scenarios.TermInt:
		return eInt(x.Int)
	case scenarios.TermFloat:
		return eFloat(x.Float)
	case scenarios.TermString:
		return eTuple("s", eString(x.Str))
	case scenarios.TermTuple, scenarios.TermList:
		elems := make([]string, len(x.Elems))
		for i, e := range x.Elems {
			elems[i] = t.encode(e)
		}
		tag := "l"
		if x.Kind == scenarios.TermTuple {
			tag = "t"
		}
		return eTuple(tag, eList(elems...))
	case scenarios.TermPid:
		if id, ok := t.ids[sim.Pid(x.Int)]; ok {
			return eTuple("pid", eAtom(id.s), eInt(id.n))
		}
		return eTuple("pid", eAtom("$none"), "0")
	case scenarios.TermNamePid:
		if x.Atom == "shell" {
			return "shell"
		}
		return eTuple("name", eAtom(x.Atom))
	case scenarios.TermRef:
		return eTuple("ref", eInt(x.Int))
	case scenarios.TermStack:
		return "stack" // an empty stack trace
	case scenarios.TermMap:
		pairs := make([]string, 0, len(x.Elems)/2)
		for i := 0; i+1 < len(x.Elems); i += 2 {
			pairs = append(pairs, eTuple(t.encode(x.Elems[i]), t.encode(x.Elems[i+1])))
		}
		return eTuple("m", eList(pairs...))
	case scenarios.TermBinary:
		return eTuple("b", eBinary(x.Str))
	}
	return eTuple("a", eAtom("_"))
}

func (t *translation) act(c *scenarios.Command, action string) string {
	return eTuple("act", t.actor(c), action)
}

// proc translates the process and signal verbs.
func (t *translation) proc(c *scenarios.Command) string {
	p := c.Proc
	switch c.Verb {
	case "spawn", "spawn_link", "spawn_monitor":
		kind := map[string]string{"spawn": "plain", "spawn_link": "link", "spawn_monitor": "monitor"}[c.Verb]
		return t.act(c, eTuple("spawn", eAtom(p.Name), kind, eBool(p.TrapExit)))
	case "link", "unlink", "monitor":
		return t.act(c, eTuple(c.Verb, t.procRef(*p.Target)))
	case "demonitor":
		return t.act(c, eTuple("demonitor", eInt(int64(p.Ref)), eBool(p.Flag)))
	case "trap_exit":
		return t.act(c, eTuple("trap_exit", eBool(p.Flag)))
	case "exit", "crash":
		reason := "boom"
		if p.Reason != nil {
			reason = t.erlTerm(p.Reason)
		}
		switch {
		case c.Verb == "crash":
			return t.act(c, eTuple("crash", reason))
		case p.Target == nil:
			return t.act(c, eTuple("exit1", reason))
		}
		return t.act(c, eTuple("exit2", t.procRef(*p.Target), reason))
	case "kill":
		return t.act(c, eTuple("exit2", t.procRef(*p.Target), "kill"))
	case "send":
		return t.act(c, eTuple("send", t.procRef(*p.Target), t.erlTerm(p.Msg)))
	case "send_after":
		return t.act(c, eTuple("send_after", eFloat(ms(p.After)), t.procRef(*p.Target), t.erlTerm(p.Msg)))
	case "cancel_timer":
		return t.act(c, eTuple("cancel_timer", eInt(int64(p.Ref))))
	case "register":
		t.noteReg(p.Name)
		return t.act(c, eTuple("register", eAtom(p.Name), t.procRef(*p.Target)))
	case "unregister":
		t.noteReg(p.Name)
		return t.act(c, eTuple("unregister", eAtom(p.Name)))
	case "receive":
		return eTuple("take", t.procRef(*p.Target), "one")
	case "flush":
		return eTuple("take", t.procRef(*p.Target), "all")
	case "hang":
		return t.act(c, "hang")
	case "recover":
		return eTuple("recover", t.actor(c))
	case "call":
		return t.act(c, t.call(p))
	}
	return t.cannot(c, "no translation for "+c.Verb)
}

func (t *translation) noteReg(name string) {
	for _, n := range t.regNames {
		if n == name {
			return
		}
	}
	t.regNames = append(t.regNames, name)
}

// ms is a duration in (fractional) milliseconds.
func ms(d time.Duration) float64 { return float64(d) / float64(time.Millisecond) }

// timeCmd translates advance, run, step, seed, chaos, mark and reset.
func (t *translation) timeCmd(c *scenarios.Command, s *step, took sim.Time) string {
	tc := c.Time
	switch c.Verb {
	case "advance":
		s.kind = kindTime
		return eTuple("advance", eFloat(ms(tc.Duration)))
	case "run":
		// The simulator ran until nothing was pending: give the real runtime
		// the same time, and a little more for its timers to be late.
		s.kind = kindTime
		d := float64(took) / float64(sim.Millisecond)
		return eTuple("advance", eFloat(d+runMargin))
	case "mark":
		return "mark"
	case "seed":
		return "noop" // the seed only matters to chaos
	case "chaos":
		if tc.Rate == 0 {
			return "noop"
		}
		return t.cannot(c, "chaos crashes processes at random from the simulator's seed; the real runtime cannot replay it")
	case "logs":
		return "noop" // logs only print
	case "reset":
		return t.cannot(c, "reset starts a fresh simulated world, which one run of the real runtime cannot; verify the parts before and after it as separate files")
	}
	return t.cannot(c, "step runs single events of the simulator, which have no counterpart in the real runtime; use advance or run")
}

// runMargin is the virtual time, in ms, a translated `run` adds to the
// simulator's for the real runtime to finish what it was doing.
const runMargin = 2

// expect translates an expectation into the observation the driver makes.
func (t *translation) expect(e *scenarios.ExpectCmd) string {
	switch e.Kind {
	case "alive", "dead":
		return eTuple("life", t.procRef(e.Procs[0]))
	case "mailbox":
		return eTuple("mailbox", t.procRef(e.Procs[0]))
	case "registered":
		t.noteReg(e.Reg)
		return eTuple("registered", eAtom(e.Reg), t.procRef(e.Procs[0]))
	case "unregistered":
		t.noteReg(e.Reg)
		return eTuple("unregistered", eAtom(e.Reg))
	case "restarts":
		return eTuple("restarts", t.procRef(e.Procs[0]))
	case "exit_order":
		refs := make([]string, len(e.Procs))
		for i, p := range e.Procs {
			refs[i] = t.procRef(p)
		}
		return eTuple("exit_order", eList(refs...))
	}
	return "error"
}

// dyn translates supervisor calls, stop and shutdown.
func (t *translation) dyn(c *scenarios.Command) string {
	d := c.Dyn
	switch c.Verb {
	case "shutdown":
		return "shutdown"
	case "stop":
		return eTuple("stop", t.procRef(d.Sup))
	case "which_children", "count_children":
		return eTuple("sup_call", c.Verb, t.procRef(d.Sup), "none")
	case "restart_child", "delete_child":
		return eTuple("sup_call", c.Verb, t.procRef(d.Sup), eAtom(d.Child))
	case "terminate_child":
		arg := eAtom(d.Child)
		if d.Pid != nil {
			arg = eTuple("pid", t.procRef(*d.Pid))
		}
		return eTuple("sup_call", c.Verb, t.procRef(d.Sup), arg)
	}
	// start_child
	if d.Spec == nil {
		tmpl := "'$none'"
		if info, ok := t.specs[d.Sup.Name]; ok && info.spec.Strategy == "simple_one_for_one" && len(info.spec.Children) == 1 {
			ch := info.spec.Children[0]
			name := ""
			if ch.Worker != nil {
				name = ch.Worker.Name
			} else if ch.Sup != nil {
				name = ch.Sup.Name
			}
			tmpl = eTuple(eAtom(name), eInt(int64(info.def)))
		}
		return eTuple("sup_call", "start_child", t.procRef(d.Sup), eTuple("template", tmpl))
	}
	specs, ok := t.childSpecs(c, d.Spec)
	if !ok || len(specs) == 0 {
		return "noop"
	}
	return eTuple("sup_call", "start_child", t.procRef(d.Sup), specs[0])
}

// Supervisor specs. Durations are scaled to real time by the driver's
// scale, which is only known once the whole scenario has run: they are
// written as {'$ms', VirtualMs} and rewritten when the program is written.

// supSpec translates a supervisor as written, with OTP's defaults.
func (t *translation) supSpec(c *scenarios.Command, s *scenarios.SupSpec) (string, bool) {
	if s.Backoff != nil {
		t.cannot(c, "backoff= is a crashcourse extension (sup "+s.Name+"): OTP restarts at once")
		return "", false
	}
	t.defs++
	def := t.defs
	t.specs[s.Name] = &specInfo{spec: s, def: def}
	if s.Strategy == "simple_one_for_one" {
		for _, ch := range s.Children {
			if ch.Worker != nil {
				t.templates[ch.Worker.Name] = true
			}
		}
	}
	var children []string
	ok := true
	for i := range s.Children {
		cs, good := t.childSpecs(c, &s.Children[i])
		ok = ok && good
		children = append(children, cs...)
	}
	strategy := s.Strategy
	if strategy == "" {
		strategy = "one_for_one"
	}
	auto := s.AutoShutdown
	if auto == "" {
		auto = "never"
	}
	return eMap("name", eAtom(s.Name), "def", eInt(int64(def)), "strategy", strategy,
		"intensity", eInt(int64(s.Intensity)), "period", eInt(int64(s.Period)),
		"auto_shutdown", auto, "children", eList(children...)), ok
}

// childSpecs translates one child; count=N gives N children.
func (t *translation) childSpecs(c *scenarios.Command, ch *scenarios.ChildSpec) ([]string, bool) {
	if ch.Sup != nil {
		inner, ok := t.supSpec(c, ch.Sup)
		def := t.specs[ch.Sup.Name].def
		return []string{eMap("kind", "supervisor", "name", eAtom(ch.Sup.Name), "def", eInt(int64(def)),
			"restart", restart(ch.Sup.Child.Restart), "shutdown", shutdownSpec(ch.Sup.Child.Shutdown, true),
			"significant", eBool(ch.Sup.Child.Significant), "sup", inner)}, ok
	}
	wk := ch.Worker
	switch {
	case wk.Health != nil:
		t.cannot(c, "health= is a crashcourse extension (worker "+wk.Name+"): OTP supervisors do not check health")
		return nil, false
	case wk.Backoff != nil:
		t.cannot(c, "backoff= is a crashcourse extension (worker "+wk.Name+"): OTP restarts at once")
		return nil, false
	}
	if wk.Register != "" {
		t.noteReg(wk.Register)
	}
	var out []string
	for _, name := range wk.IDs() {
		t.noteWorker(wk, name)
		t.defs++
		out = append(out, t.workerSpec(wk, name, t.defs))
	}
	return out, true
}

func (t *translation) workerSpec(wk *scenarios.WorkerSpec, name string, def int) string {
	inits := make([]string, len(wk.Init))
	for i, r := range wk.Init {
		switch r.Kind {
		case "ok", "ignore":
			inits[i] = r.Kind
		default:
			reason := "undefined"
			if r.Reason != nil {
				reason = t.erlTerm(r.Reason)
			}
			inits[i] = eTuple(r.Kind, reason)
		}
	}
	reg := "undefined"
	if wk.Register != "" {
		reg = eTuple(eAtom("$cc_reg"), eAtom(wk.Register)) // the driver's name for it
	}
	return eMap("kind", "worker", "name", eAtom(name), "def", eInt(int64(def)),
		"restart", restart(wk.Opts.Restart), "shutdown", shutdownSpec(wk.Opts.Shutdown, false),
		"significant", eBool(wk.Opts.Significant), "trap_exit", eBool(wk.TrapExit),
		"terminate", scaledMs(wk.Terminate), "init", eList(inits...),
		"init_time", scaledMs(wk.InitTime), "call_time", scaledMs(wk.CallTime), "register", reg)
}

func restart(r string) string {
	if r == "" {
		return "permanent"
	}
	return r
}

// shutdownSpec is a child's shutdown with OTP's defaults: 5000 ms for a
// worker, infinity for a supervisor.
func shutdownSpec(s scenarios.Shutdown, sup bool) string {
	switch {
	case !s.Set && sup, s.Infinity:
		return "infinity"
	case s.BrutalKill:
		return "brutal_kill"
	case !s.Set:
		return scaledMs(5 * time.Second)
	}
	return scaledMs(s.Timeout)
}

// scaledMs is a placeholder for a duration the driver gets in real ms.
func scaledMs(d time.Duration) string { return eTuple(eAtom("$ms"), eFloat(ms(d))) }
