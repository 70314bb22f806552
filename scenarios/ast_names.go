package scenarios

import (
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/sim"
)

// String prints a process reference as written: a name, a pid <0.N.0>, or
// @n.
func (r ProcRef) String() string {
	switch {
	case r.Registered != "":
		return "@" + r.Registered
	case r.IsPid:
		return sim.Pid(r.Pid).String()
	}
	return r.Name
}

// The Erlang modules of an exported scenario, as `logs on` reports name
// them too: the project's prefix, the name clipped to MaxModuleNamePart
// bytes, and _sup or _server (scenarios/otp's export explains the rules,
// and numbers a module whose name is taken; reports do not).
const (
	ErlangModulePrefix = "crashcourse_"
	// MaxModuleNamePart is how much of a scenario name enters a module
	// name: room for a prefix, a suffix and a number within an atom.
	MaxModuleNamePart = 100
)

// ClipName shortens a name (ASCII, as the language spells names) to
// MaxModuleNamePart bytes.
func ClipName(name string) string {
	if len(name) > MaxModuleNamePart {
		return name[:MaxModuleNamePart]
	}
	return name
}

// WorkerModule is the module of a worker's gen_server:
// crashcourse_NAME_server.
func WorkerModule(name string) string { return ErlangModulePrefix + ClipName(name) + "_server" }

// SupModule is the module of a supervisor: crashcourse_NAME_sup, or
// crashcourse_NAME when the name already ends in "sup". A top-level
// supervisor is registered as its module.
func SupModule(name string) string {
	if strings.HasSuffix(name, "sup") {
		return ErlangModulePrefix + ClipName(name)
	}
	return ErlangModulePrefix + ClipName(name) + "_sup"
}

// IDs are the child ids a worker spec stands for: its name, or with
// count=N the names NAME_1 … NAME_N.
func (w *WorkerSpec) IDs() []string {
	if w.Count == 0 {
		return []string{w.Name}
	}
	ids := make([]string, w.Count)
	for i := range ids {
		ids[i] = w.Name + "_" + strconv.Itoa(i+1)
	}
	return ids
}
