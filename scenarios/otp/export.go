package otp

import (
	"fmt"
	"path"
	"strings"
	"unicode"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// File is one source file of an export.
type File struct {
	Name string // app_sup.erl, app_supervisor.ex
	Text string
}

// tree is what export needs of a scenario: its top-level supervisors, and
// the children it adds to them at run time.
type tree struct {
	file    string
	tops    []*scenarios.SupSpec
	dynamic map[string][]*scenarios.ChildSpec // supervisor name → children given to start_child
}

func readTrees(file string, src []byte) (*tree, error) {
	cmds, err := scenarios.Parse(file, src)
	if err != nil {
		return nil, err
	}
	t := &tree{file: file, dynamic: map[string][]*scenarios.ChildSpec{}}
	seen := map[string]bool{}
	for _, c := range cmds {
		switch {
		case c.Sup != nil && !seen[c.Sup.Name]:
			seen[c.Sup.Name] = true
			t.tops = append(t.tops, c.Sup)
		case c.Dyn != nil && c.Verb == "start_child" && c.Dyn.Spec != nil:
			t.dynamic[c.Dyn.Sup.Name] = append(t.dynamic[c.Dyn.Sup.Name], c.Dyn.Spec)
		}
	}
	if len(t.tops) == 0 {
		return nil, fmt.Errorf("%s has no supervisor to export (export prints the trees built with sup NAME { ... })", file)
	}
	return t, nil
}

// ExportErlang writes each supervisor of the scenario as an Erlang
// supervisor module (init/1 returning sup flags and child specs as maps),
// nested supervisors as modules of their own, and a gen_server skeleton for
// each worker. The modules compile with erlc.
func ExportErlang(file string, src []byte) ([]File, error) {
	t, err := readTrees(file, src)
	if err != nil {
		return nil, err
	}
	x := &erlExport{tree: t, workers: map[string]string{}}
	for _, s := range t.tops {
		x.sup(s, true)
	}
	return x.files, nil
}

type erlExport struct {
	*tree
	files   []File
	workers map[string]string
}

func erlSupModule(name string) string {
	if strings.HasSuffix(name, "sup") {
		return name
	}
	return name + "_sup"
}

func erlWorkerModule(name string) string { return name + "_server" }

func (x *erlExport) sup(s *scenarios.SupSpec, top bool) {
	mod := erlSupModule(s.Name)
	slot := len(x.files) // a supervisor comes before the modules of its children
	x.files = append(x.files, File{})
	var b strings.Builder
	fmt.Fprintf(&b, "%%%% %s: supervisor %s, exported by crashcourse from %s.\n", mod, s.Name, path.Base(x.file))
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
	var specs []string
	for i := range s.Children {
		specs = append(specs, x.childSpecs(&s.Children[i], s.Strategy == "simple_one_for_one")...)
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
	if dyn := x.dynamic[s.Name]; len(dyn) > 0 {
		b.WriteString("\n%% The scenario adds children at run time:\n")
		for _, ch := range dyn {
			for _, cs := range x.childSpecs(ch, false) {
				fmt.Fprintf(&b, "%%%%   supervisor:start_child(%s, %s)\n", mod, cs)
			}
		}
	}
	if s.Strategy == "simple_one_for_one" {
		fmt.Fprintf(&b, "\n%%%% Start children with supervisor:start_child(%s, []).\n", mod)
	}
	x.files[slot] = File{Name: mod + ".erl", Text: b.String()}
}

func strategyOf(s *scenarios.SupSpec) string {
	if s.Strategy == "" {
		return "one_for_one"
	}
	return s.Strategy
}

// childSpecs writes a child's spec maps (count=N gives N of them) and the
// modules they need.
func (x *erlExport) childSpecs(c *scenarios.ChildSpec, template bool) []string {
	if c.Sup != nil {
		x.sup(c.Sup, false)
		mod := erlSupModule(c.Sup.Name)
		return []string{erlChildSpec(c.Sup.Name, mod, "supervisor", c.Sup.Child, true)}
	}
	w := c.Worker
	mod, fresh := workerModule(x.workers, erlWorkerModule(w.Name), w)
	if fresh {
		x.files = append(x.files, File{Name: mod + ".erl", Text: x.worker(w, mod)})
	}
	ids := []string{w.Name}
	if w.Count > 0 {
		ids = ids[:0]
		for i := 1; i <= w.Count; i++ {
			ids = append(ids, fmt.Sprintf("%s_%d", w.Name, i))
		}
	}
	if template {
		ids = ids[:1]
	}
	var out []string
	for _, id := range ids {
		out = append(out, erlChildSpec(id, mod, "worker", w.Opts, false))
	}
	return out
}

// workerModule names the module of a worker's behaviour: one per name, and
// another (suffixed _2, _3, ...) when a name comes back with other options.
// fresh reports a module not written yet.
func workerModule(seen map[string]string, base string, w *scenarios.WorkerSpec) (string, bool) {
	o := *w
	o.Name, o.Count, o.Opts = "", 0, scenarios.ChildOpts{}
	sig := fmt.Sprintf("%v %v %v %v %s", o.TrapExit, o.Terminate, o.InitTime, o.Register, initSig(o.Init))
	for i := 1; ; i++ {
		mod := base
		if i > 1 {
			mod = fmt.Sprintf("%s_%d", base, i)
		}
		switch have, ok := seen[mod]; {
		case !ok:
			seen[mod] = sig
			return mod, true
		case have == sig:
			return mod, false
		}
	}
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
	fmt.Fprintf(&b, "%%%% %s: worker %s, a gen_server exported by crashcourse from %s.\n", mod, w.Name, path.Base(x.file))
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
	first := scenarios.InitResult{Kind: "ok"}
	if len(w.Init) > 0 {
		first = w.Init[0]
	}
	fmt.Fprintf(&b, "    %s.\n\n", initText(first))
	b.WriteString("handle_call(_Request, _From, State) ->\n    {reply, ok, State}.\n\n")
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

// ExportElixir writes each supervisor as an Elixir module using Supervisor
// (children, Supervisor.init/2) or DynamicSupervisor for
// simple_one_for_one, and a GenServer module for each worker.
func ExportElixir(file string, src []byte) ([]File, error) {
	t, err := readTrees(file, src)
	if err != nil {
		return nil, err
	}
	base := strings.TrimPrefix(path.Base(file), "builtin:")
	x := &exExport{tree: t, ns: camel(strings.TrimSuffix(base, path.Ext(base))), workers: map[string]string{}}
	for _, s := range t.tops {
		x.sup(s, true)
	}
	return x.files, nil
}

type exExport struct {
	*tree
	ns      string
	files   []File
	workers map[string]string
}

// camel turns a scenario name into an Elixir alias part: db_pool → DbPool.
func camel(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		switch {
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			up = true
		case up:
			b.WriteRune(unicode.ToUpper(r))
			up = false
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if out == "" || !unicode.IsUpper(rune(out[0])) {
		out = "X" + out
	}
	return out
}

func (x *exExport) supModule(name string) string    { return x.ns + "." + camel(name) + "Supervisor" }
func (x *exExport) workerModule(name string) string { return x.ns + "." + camel(name) }

func (x *exExport) sup(s *scenarios.SupSpec, top bool) {
	mod := x.supModule(s.Name)
	slot := len(x.files) // a supervisor comes before the modules of its children
	x.files = append(x.files, File{})
	dynamic := s.Strategy == "simple_one_for_one"
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: supervisor %s, exported by crashcourse from %s.\n", mod, s.Name, path.Base(x.file))
	fmt.Fprintf(&b, "defmodule %s do\n", mod)
	if dynamic {
		b.WriteString("  # simple_one_for_one in the scenario: a DynamicSupervisor in Elixir.\n  use DynamicSupervisor\n\n")
	} else {
		b.WriteString("  use Supervisor\n\n")
	}
	behaviour := "Supervisor"
	if dynamic {
		behaviour = "DynamicSupervisor"
	}
	name := ""
	if top {
		name = ", name: __MODULE__"
	}
	fmt.Fprintf(&b, "  def start_link(init_arg) do\n    %s.start_link(__MODULE__, init_arg%s)\n  end\n\n", behaviour, name)
	b.WriteString("  @impl true\n  def init(_init_arg) do\n")
	opts := fmt.Sprintf("strategy: :one_for_one, max_restarts: %d, max_seconds: %d", s.Intensity, s.Period)
	if !dynamic {
		opts = fmt.Sprintf("strategy: :%s, max_restarts: %d, max_seconds: %d", strategyOf(s), s.Intensity, s.Period)
	}
	if s.AutoShutdown != "" && s.AutoShutdown != "never" {
		opts += ", auto_shutdown: :" + s.AutoShutdown
	}
	if s.Backoff != nil {
		fmt.Fprintf(&b, "    # backoff=%v..%v is a crashcourse extension: OTP restarts at once.\n", s.Backoff.Min, s.Backoff.Max)
	}
	if dynamic {
		fmt.Fprintf(&b, "    DynamicSupervisor.init(%s)\n  end\n", opts)
		for _, c := range s.Children {
			specs := x.childSpecs(&c)
			if len(specs) > 0 {
				fmt.Fprintf(&b, "\n  # Start children with DynamicSupervisor.start_child(__MODULE__, %s)\n", specs[0])
			}
		}
		b.WriteString("end\n")
		x.files[slot] = File{Name: snake(mod) + ".ex", Text: b.String()}
		return
	}
	b.WriteString("    children = [\n")
	var specs []string
	for i := range s.Children {
		specs = append(specs, x.childSpecs(&s.Children[i])...)
	}
	for i, cs := range specs {
		b.WriteString("      " + cs)
		if i < len(specs)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("    ]\n\n")
	fmt.Fprintf(&b, "    Supervisor.init(children, %s)\n  end\n", opts)
	if dyn := x.dynamic[s.Name]; len(dyn) > 0 {
		b.WriteString("\n  # The scenario adds children at run time:\n")
		for _, ch := range dyn {
			for _, cs := range x.childSpecs(ch) {
				fmt.Fprintf(&b, "  #   Supervisor.start_child(__MODULE__, %s)\n", cs)
			}
		}
	}
	b.WriteString("end\n")
	x.files[slot] = File{Name: snake(mod) + ".ex", Text: b.String()}
}

// childSpecs writes Supervisor.child_spec/2 calls with the options that
// differ from the module's defaults.
func (x *exExport) childSpecs(c *scenarios.ChildSpec) []string {
	if c.Sup != nil {
		x.sup(c.Sup, false)
		return []string{exChildSpec(x.supModule(c.Sup.Name), c.Sup.Name, c.Sup.Child, true)}
	}
	w := c.Worker
	mod, fresh := workerModule(x.workers, x.workerModule(w.Name), w)
	if fresh {
		x.files = append(x.files, File{Name: snake(mod) + ".ex", Text: x.worker(w, mod)})
	}
	var out []string
	for _, id := range w.IDs() {
		out = append(out, exChildSpec(mod, id, w.Opts, false))
	}
	return out
}

func exChildSpec(mod, id string, o scenarios.ChildOpts, sup bool) string {
	opts := []string{"id: :" + exAtom(id)}
	if o.Restart != "" && o.Restart != "permanent" {
		opts = append(opts, "restart: :"+o.Restart)
	}
	if o.Shutdown.Set {
		opts = append(opts, "shutdown: "+exShutdown(o.Shutdown))
	}
	if o.Significant {
		opts = append(opts, "significant: true")
	}
	return "Supervisor.child_spec({" + mod + ", []}, " + strings.Join(opts, ", ") + ")"
}

func exShutdown(s scenarios.Shutdown) string {
	switch {
	case s.Infinity:
		return ":infinity"
	case s.BrutalKill:
		return ":brutal_kill"
	}
	return fmt.Sprint(s.Timeout.Milliseconds())
}

// exAtom quotes an atom name for Elixir when Erlang would quote it (always
// valid Elixir, if sometimes more quoting than it needs).
func exAtom(s string) string {
	if sim.Atom(s).String() == s {
		return s
	}
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

func (x *exExport) worker(w *scenarios.WorkerSpec, mod string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: worker %s, a GenServer exported by crashcourse from %s.\n", mod, w.Name, path.Base(x.file))
	fmt.Fprintf(&b, "defmodule %s do\n  use GenServer\n\n", mod)
	if w.Register != "" {
		fmt.Fprintf(&b, "  def start_link(arg) do\n    GenServer.start_link(__MODULE__, arg, name: :%s)\n  end\n\n", exAtom(w.Register))
	} else {
		b.WriteString("  def start_link(arg) do\n    GenServer.start_link(__MODULE__, arg)\n  end\n\n")
	}
	b.WriteString("  @impl true\n  def init(_arg) do\n")
	if w.TrapExit {
		b.WriteString("    # Trap exits: a shutdown from the supervisor runs terminate/2.\n    Process.flag(:trap_exit, true)\n")
	}
	if w.InitTime > 0 {
		fmt.Fprintf(&b, "    # init takes %v in the scenario\n    Process.sleep(%d)\n", w.InitTime, w.InitTime.Milliseconds())
	}
	if len(w.Init) > 1 {
		parts := make([]string, len(w.Init))
		for i, r := range w.Init {
			parts[i] = exInit(r)
		}
		fmt.Fprintf(&b, "    # In the scenario init/1 returns, start after start: %s (the last repeating).\n", strings.Join(parts, ", "))
	}
	first := scenarios.InitResult{Kind: "ok"}
	if len(w.Init) > 0 {
		first = w.Init[0]
	}
	fmt.Fprintf(&b, "    %s\n  end\n", exInit(first))
	if w.Terminate > 0 {
		fmt.Fprintf(&b, "\n  @impl true\n  def terminate(_reason, _state) do\n    # cleaning up takes %v in the scenario\n    Process.sleep(%d)\n    :ok\n  end\n", w.Terminate, w.Terminate.Milliseconds())
	}
	b.WriteString("end\n")
	return b.String()
}

func exInit(r scenarios.InitResult) string {
	reason := ":undefined"
	if r.Reason != nil {
		reason = exTerm(r.Reason)
	}
	switch r.Kind {
	case "ignore":
		return ":ignore"
	case "error":
		return "{:stop, " + reason + "}"
	case "crash":
		return ":erlang.error(" + reason + ")"
	}
	return "{:ok, %{}}"
}

func exTerm(t *scenarios.TermExpr) string {
	switch t.Kind {
	case scenarios.TermInt:
		return eInt(t.Int)
	case scenarios.TermFloat:
		return eFloat(t.Float)
	case scenarios.TermString:
		return "~c" + eString(t.Str)
	case scenarios.TermTuple, scenarios.TermList:
		elems := make([]string, len(t.Elems))
		for i, e := range t.Elems {
			elems[i] = exTerm(e)
		}
		if t.Kind == scenarios.TermTuple {
			return "{" + strings.Join(elems, ", ") + "}"
		}
		return "[" + strings.Join(elems, ", ") + "]"
	case scenarios.TermMap:
		parts := make([]string, 0, len(t.Elems)/2)
		for i := 0; i+1 < len(t.Elems); i += 2 {
			parts = append(parts, exTerm(t.Elems[i])+" => "+exTerm(t.Elems[i+1]))
		}
		return "%{" + strings.Join(parts, ", ") + "}"
	case scenarios.TermBinary:
		return eBinary(t.Str)
	case scenarios.TermAtom:
		return ":" + exAtom(t.Atom)
	}
	return ":" + exAtom(t.String())
}

// snake turns an Elixir module name into its file name: Tour.AppSupervisor
// → tour/app_supervisor.
func snake(mod string) string {
	var b strings.Builder
	for i, r := range mod {
		switch {
		case r == '.':
			b.WriteByte('/')
		case unicode.IsUpper(r):
			if i > 0 && mod[i-1] != '.' {
				b.WriteByte('_')
			}
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
