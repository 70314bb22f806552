package otp

import (
	"fmt"
	"path"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// ExportElixir writes each supervisor as an Elixir module using Supervisor
// (children, Supervisor.init/2) or DynamicSupervisor for
// simple_one_for_one, and a GenServer module for each worker. Modules are
// named Crashcourse.FILE.NAME (the scenario's file name and the process's
// name in CamelCase, supervisors ending in Supervisor; see moduleNames),
// in files named as Mix expects (crashcourse/file/name_supervisor.ex).
// Top-level supervisors register under their module's name.
func ExportElixir(file string, src []byte) ([]File, error) {
	t, err := readTrees(file, src)
	if err != nil {
		return nil, err
	}
	base := strings.TrimPrefix(path.Base(file), "builtin:")
	x := &exExport{tree: t, ns: exPrefix + camel(strings.TrimSuffix(base, path.Ext(base))),
		names: newModuleNames(exFile, ""), workers: map[string]string{}}
	for _, s := range t.tops {
		x.sup(s, place{})
	}
	return x.files, nil
}

type exExport struct {
	*tree
	ns      string
	files   []File
	names   *moduleNames
	workers map[string]string // worker behaviour (workerKey) → its module
}

func exFile(mod string) string { return snake(mod) + ".ex" }

// sup writes a supervisor's module, then those of its children, and
// returns its module name. A zero place is the top of a tree.
func (x *exExport) sup(s *scenarios.SupSpec, at place) string {
	mod := x.names.unique(x.ns + "." + camel(s.Name) + "Supervisor")
	top := at.top == ""
	if top {
		at = topPlace(mod)
	}
	slot := len(x.files) // a supervisor comes before the modules of its children
	x.files = append(x.files, File{})
	dynamic := s.Strategy == "simple_one_for_one"
	behaviour := "Supervisor"
	if dynamic {
		behaviour = "DynamicSupervisor"
	}
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: supervisor %s, exported by crashcourse from %s.\n", mod, s.Name, fileLabel(x.file, exQuote))
	fmt.Fprintf(&b, "defmodule %s do\n", mod)
	if dynamic {
		b.WriteString("  # simple_one_for_one in the scenario: a DynamicSupervisor in Elixir.\n")
	}
	fmt.Fprintf(&b, "  use %s\n\n", behaviour)
	name := ""
	if top {
		name = ", name: __MODULE__"
	}
	fmt.Fprintf(&b, "  def start_link(init_arg) do\n    %s.start_link(__MODULE__, init_arg%s)\n  end\n\n", behaviour, name)
	b.WriteString("  @impl true\n  def init(_init_arg) do\n")
	if s.Backoff != nil {
		fmt.Fprintf(&b, "    # backoff=%v..%v is a crashcourse extension: OTP restarts at once.\n", s.Backoff.Min, s.Backoff.Max)
	}
	h := newHints()
	var specs []string
	for i := range s.Children {
		for _, cs := range x.childSpecs(&s.Children[i], at, dynamic) {
			h.static(cs.id, cs.spec)
			specs = append(specs, cs.spec)
		}
	}
	opts := exSupOpts(s, dynamic)
	tmpl := ""
	if dynamic {
		fmt.Fprintf(&b, "    DynamicSupervisor.init(%s)\n  end\n", opts)
		if len(specs) > 0 {
			tmpl = specs[0]
		}
	} else {
		b.WriteString("    children = [\n")
		for i, cs := range specs {
			b.WriteString("      " + cs)
			if i < len(specs)-1 {
				b.WriteByte(',')
			}
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "    ]\n\n")
		if s.AutoShutdown != "" && s.AutoShutdown != "never" {
			b.WriteString("    # Supervisor.init/2 knows no auto_shutdown (Elixir 1.14): it joins the flags it returns.\n")
			fmt.Fprintf(&b, "    {:ok, {flags, specs}} = Supervisor.init(children, %s)\n", opts)
			fmt.Fprintf(&b, "    {:ok, {Map.put(flags, :auto_shutdown, :%s), specs}}\n  end\n", s.AutoShutdown)
		} else {
			fmt.Fprintf(&b, "    Supervisor.init(children, %s)\n  end\n", opts)
		}
	}
	for _, ch := range x.dynamic[s.Name] {
		for _, cs := range x.childSpecs(ch, at, false) {
			h.add(cs.id, cs.spec)
		}
	}
	b.WriteString(exShell.write(s.Name, at, h, tmpl))
	b.WriteString("end\n")
	x.files[slot] = File{Name: exFile(mod), Module: mod, Top: top, Text: b.String()}
	return mod
}

// exSupOpts are the options of Supervisor.init/2 (DynamicSupervisor.init/1
// when dynamic, which is always one_for_one).
func exSupOpts(s *scenarios.SupSpec, dynamic bool) string {
	strategy := strategyOf(s)
	if dynamic {
		strategy = "one_for_one"
	}
	return fmt.Sprintf("strategy: :%s, max_restarts: %d, max_seconds: %d", strategy, s.Intensity, s.Period)
}

// childSpecs writes Supervisor.child_spec/2 calls with the options that
// differ from the module's defaults, and the modules they need.
func (x *exExport) childSpecs(c *scenarios.ChildSpec, at place, template bool) []childSpec {
	if c.Sup != nil {
		mod := x.sup(c.Sup, at.below(c.Sup.Name, template))
		return []childSpec{{c.Sup.Name, exChildSpec(mod, c.Sup.Name, c.Sup.Child)}}
	}
	w := c.Worker
	key := workerKey(w)
	mod, ok := x.workers[key]
	if !ok {
		mod = x.names.unique(x.ns + "." + camel(w.Name))
		x.workers[key] = mod
		x.files = append(x.files, File{Name: exFile(mod), Module: mod, Text: x.worker(w, mod)})
	}
	ids := w.IDs()
	if template {
		ids = ids[:1]
	}
	var out []childSpec
	for _, id := range ids {
		out = append(out, childSpec{id, exChildSpec(mod, id, w.Opts)})
	}
	return out
}

func exChildSpec(mod, id string, o scenarios.ChildOpts) string {
	opts := []string{"id: " + exAtom(id)}
	if o.Restart != "" && o.Restart != "permanent" {
		opts = append(opts, "restart: :"+o.Restart)
	}
	if o.Shutdown.Set {
		opts = append(opts, "shutdown: "+exShutdown(o.Shutdown))
	}
	spec := "Supervisor.child_spec({" + mod + ", []}, " + strings.Join(opts, ", ") + ")"
	if o.Significant {
		// Supervisor.child_spec/2 refuses the key (Elixir 1.14); OTP takes it.
		spec = "Map.put(" + spec + ", :significant, true)"
	}
	return spec
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

func (x *exExport) worker(w *scenarios.WorkerSpec, mod string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s: worker %s, a GenServer exported by crashcourse from %s.\n", mod, w.Name, fileLabel(x.file, exQuote))
	fmt.Fprintf(&b, "defmodule %s do\n  use GenServer\n\n", mod)
	if w.Register != "" {
		fmt.Fprintf(&b, "  def start_link(arg) do\n    GenServer.start_link(__MODULE__, arg, name: %s)\n  end\n\n", exAtom(w.Register))
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
	fmt.Fprintf(&b, "    %s\n  end\n", exInit(firstInit(w)))
	b.WriteString("\n  @impl true\n  def handle_call(_request, _from, state) do\n")
	if w.CallTime > 0 {
		fmt.Fprintf(&b, "    # each call takes %v in the scenario\n    Process.sleep(%d)\n", w.CallTime, w.CallTime.Milliseconds())
	}
	b.WriteString("    {:reply, :ok, state}\n  end\n")
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

// exTerm writes a term as Elixir source: strings (Erlang strings) as
// charlists, binaries as their bytes, pids and refs of the scenario as
// atoms of their text.
func exTerm(t *scenarios.TermExpr) string {
	switch t.Kind {
	case scenarios.TermInt:
		return eInt(t.Int)
	case scenarios.TermFloat:
		return eFloat(t.Float)
	case scenarios.TermString:
		return "~c" + exQuote(t.Str)
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
		return exAtom(t.Atom)
	}
	return exAtom(t.String())
}
