package otp

import (
	"fmt"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// ExportErlang writes each supervisor of the scenario as an Erlang
// supervisor module (init/1 returning sup flags and child specs as maps),
// nested supervisors as modules of their own, and a gen_server skeleton for
// each worker. The modules compile with erlc; top-level supervisors
// register under their module's name. Module names follow the rules of
// moduleNames (crashcourse_NAME_sup, crashcourse_NAME_server).
func ExportErlang(file string, src []byte) ([]File, error) {
	t, err := readTrees(file, src)
	if err != nil {
		return nil, err
	}
	x := &erlExport{tree: t, names: newModuleNames(erlFile, "_"), workers: map[string]string{}}
	for _, s := range t.tops {
		x.sup(s, place{})
	}
	for i := range x.files {
		x.files[i].Text = erlPrintable(x.files[i].Text)
	}
	return x.files, nil
}

type erlExport struct {
	*tree
	files   []File
	names   *moduleNames
	workers map[string]string // worker behaviour (workerKey) → its module
}

func erlFile(mod string) string { return mod + ".erl" }

func erlSupModule(name string) string { return scenarios.SupModule(name) }

func erlWorkerModule(name string) string { return scenarios.WorkerModule(name) }

// sup writes a supervisor's module, then those of its children, and
// returns its module name. A zero place is the top of a tree.
func (x *erlExport) sup(s *scenarios.SupSpec, at place) string {
	mod := x.names.unique(erlSupModule(s.Name))
	top := at.top == ""
	if top {
		at = topPlace(mod)
	}
	slot := len(x.files) // a supervisor comes before the modules of its children
	x.files = append(x.files, File{})
	var b strings.Builder
	fmt.Fprintf(&b, "%%%% %s: supervisor %s, exported by crashcourse from %s.\n", mod, s.Name, fileLabel(x.file, eString))
	fmt.Fprintf(&b, "-module(%s).\n-behaviour(supervisor).\n\n-export([start_link/0]).\n-export([init/1]).\n\n", eAtom(mod))
	if top {
		b.WriteString("start_link() ->\n    supervisor:start_link({local, ?MODULE}, ?MODULE, []).\n\n")
	} else {
		b.WriteString("start_link() ->\n    supervisor:start_link(?MODULE, []).\n\n")
	}
	b.WriteString("init([]) ->\n")
	flags := []string{"strategy", strategyOf(s), "intensity", eInt(int64(s.Intensity)), "period", eInt(int64(s.Period))}
	if s.AutoShutdown != "" && s.AutoShutdown != "never" {
		flags = append(flags, "auto_shutdown", s.AutoShutdown)
	}
	fmt.Fprintf(&b, "    SupFlags = %s,\n", eMap(flags...))
	if s.Backoff != nil {
		fmt.Fprintf(&b, "    %%%% backoff=%v..%v is a crashcourse extension: OTP restarts at once.\n", s.Backoff.Min, s.Backoff.Max)
	}
	template := s.Strategy == "simple_one_for_one"
	h := newHints()
	var specs []string
	for i := range s.Children {
		for _, cs := range x.childSpecs(&s.Children[i], at, template) {
			h.static(cs.id, cs.spec)
			specs = append(specs, cs.spec)
		}
	}
	b.WriteString("    ChildSpecs = [\n")
	for i, cs := range specs {
		b.WriteString("        " + cs)
		if i < len(specs)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("    ],\n    {ok, {SupFlags, ChildSpecs}}.\n")
	for _, ch := range x.dynamic[s.Name] {
		for _, cs := range x.childSpecs(ch, at, false) {
			h.add(cs.id, cs.spec)
		}
	}
	tmpl := ""
	if template && len(specs) > 0 {
		tmpl = specs[0]
	}
	b.WriteString(erlShell.write(s.Name, at, h, tmpl))
	x.files[slot] = File{Name: erlFile(mod), Module: mod, Top: top, Text: b.String()}
	return mod
}

func strategyOf(s *scenarios.SupSpec) string {
	if s.Strategy == "" {
		return "one_for_one"
	}
	return s.Strategy
}

// childSpec is one child spec as written, and its id.
type childSpec struct{ id, spec string }

// childSpecs writes a child's spec maps (count=N gives N of them) and the
// modules they need; a template (the child of simple_one_for_one) is one
// spec.
func (x *erlExport) childSpecs(c *scenarios.ChildSpec, at place, template bool) []childSpec {
	if c.Sup != nil {
		mod := x.sup(c.Sup, at.below(c.Sup.Name, template))
		return []childSpec{{c.Sup.Name, erlChildSpec(c.Sup.Name, mod, "supervisor", c.Sup.Child, true)}}
	}
	w := c.Worker
	key := workerKey(w)
	mod, ok := x.workers[key]
	if !ok {
		mod = x.names.unique(erlWorkerModule(w.Name))
		x.workers[key] = mod
		x.files = append(x.files, File{Name: erlFile(mod), Module: mod, Text: x.worker(w, mod)})
	}
	ids := w.IDs()
	if template {
		ids = ids[:1]
	}
	var out []childSpec
	for _, id := range ids {
		out = append(out, childSpec{id, erlChildSpec(id, mod, "worker", w.Opts, false)})
	}
	return out
}

// workerKey identifies a worker behaviour: its name and what its module
// does (not its child options or count), so that the same behaviour is one
// module.
func workerKey(w *scenarios.WorkerSpec) string {
	o := *w
	o.Count, o.Opts = 0, scenarios.ChildOpts{}
	return fmt.Sprintf("%s %v %v %v %v %q %s", o.Name, o.TrapExit, o.Terminate, o.InitTime, o.CallTime, o.Register, initSig(o.Init))
}

func initSig(rs []scenarios.InitResult) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = initText(r)
	}
	return strings.Join(parts, ",")
}

// erlChildSpec is a child spec map with every key OTP knows, defaults
// spelled out.
func erlChildSpec(id, mod, kind string, o scenarios.ChildOpts, sup bool) string {
	kv := []string{"id", eAtom(id), "start", eTuple(eAtom(mod), "start_link", "[]"),
		"restart", restart(o.Restart), "shutdown", exportShutdown(o.Shutdown, sup), "type", kind}
	if o.Significant {
		kv = append(kv, "significant", "true")
	}
	kv = append(kv, "modules", eList(eAtom(mod)))
	return eMap(kv...)
}

// exportShutdown is a shutdown spec in OTP's terms: milliseconds, infinity
// or brutal_kill.
func exportShutdown(s scenarios.Shutdown, sup bool) string {
	switch {
	case !s.Set && sup, s.Infinity:
		return "infinity"
	case s.BrutalKill:
		return "brutal_kill"
	case !s.Set:
		return "5000"
	}
	return eInt(s.Timeout.Milliseconds())
}

// worker writes a gen_server skeleton that behaves as the scenario's worker.
func (x *erlExport) worker(w *scenarios.WorkerSpec, mod string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%%%% %s: worker %s, a gen_server exported by crashcourse from %s.\n", mod, w.Name, fileLabel(x.file, eString))
	fmt.Fprintf(&b, "-module(%s).\n-behaviour(gen_server).\n\n-export([start_link/0]).\n", eAtom(mod))
	b.WriteString("-export([init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).\n\n")
	if w.Register != "" {
		fmt.Fprintf(&b, "start_link() ->\n    gen_server:start_link({local, %s}, ?MODULE, [], []).\n\n", eAtom(w.Register))
	} else {
		b.WriteString("start_link() ->\n    gen_server:start_link(?MODULE, [], []).\n\n")
	}
	b.WriteString("init([]) ->\n")
	if w.TrapExit {
		b.WriteString("    %% Trap exits: a shutdown from the supervisor runs terminate/2.\n")
		b.WriteString("    process_flag(trap_exit, true),\n")
	}
	if w.InitTime > 0 {
		fmt.Fprintf(&b, "    timer:sleep(%d), %%%% init takes %v in the scenario\n", w.InitTime.Milliseconds(), w.InitTime)
	}
	if len(w.Init) > 1 {
		parts := make([]string, len(w.Init))
		for i, r := range w.Init {
			parts[i] = initText(r)
		}
		fmt.Fprintf(&b, "    %%%% In the scenario init/1 returns, start after start: %s (the last repeating).\n", strings.Join(parts, ", "))
	}
	fmt.Fprintf(&b, "    %s.\n\n", initText(firstInit(w)))
	b.WriteString("handle_call(_Request, _From, State) ->\n")
	if w.CallTime > 0 {
		fmt.Fprintf(&b, "    timer:sleep(%d), %%%% each call takes %v in the scenario\n", w.CallTime.Milliseconds(), w.CallTime)
	}
	b.WriteString("    {reply, ok, State}.\n\n")
	b.WriteString("handle_cast(_Msg, State) ->\n    {noreply, State}.\n\n")
	b.WriteString("handle_info(_Info, State) ->\n    {noreply, State}.\n\n")
	if w.Terminate > 0 {
		fmt.Fprintf(&b, "terminate(_Reason, _State) ->\n    timer:sleep(%d), %%%% cleaning up takes %v in the scenario\n    ok.\n", w.Terminate.Milliseconds(), w.Terminate)
	} else {
		b.WriteString("terminate(_Reason, _State) ->\n    ok.\n")
	}
	if w.Health != nil || w.Backoff != nil {
		b.WriteString("\n%% health= and backoff= are crashcourse extensions with no OTP equivalent.\n")
	}
	return b.String()
}

// firstInit is what a worker's init/1 returns the first time: its first
// init= result, ok without one.
func firstInit(w *scenarios.WorkerSpec) scenarios.InitResult {
	if len(w.Init) > 0 {
		return w.Init[0]
	}
	return scenarios.InitResult{Kind: "ok"}
}

// initText is one init= result as the Erlang init/1 returns it.
func initText(r scenarios.InitResult) string {
	reason := "undefined"
	if r.Reason != nil {
		reason = exportTerm(r.Reason)
	}
	switch r.Kind {
	case "ignore":
		return "ignore"
	case "error":
		return "{stop, " + reason + "}"
	case "crash":
		return "erlang:error(" + reason + ")"
	}
	return "{ok, #{}}"
}

// exportTerm writes a term as Erlang source; pids and refs of the
// scenario have no meaning in real code and become atoms.
func exportTerm(t *scenarios.TermExpr) string {
	return erlText(t, func(x *scenarios.TermExpr) string { return eAtom(x.String()) })
}
