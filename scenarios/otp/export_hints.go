package otp

import (
	"strconv"
	"strings"
)

// The start_child calls an export suggests, in comments at the end of a
// supervisor's module. A block that starts with hintsHead can be pasted
// whole into a shell (erl or iex) on the running tree: it finds a nested
// supervisor by its child ids under the registered top supervisor (only top
// supervisors are registered), and each of its calls succeeds on a tree
// just started, unless the child itself fails to start as it does in the
// scenario.

// hintsHead opens a block of calls to paste into a shell.
const hintsHead = "On the running tree (paste into a shell):"

// shellSyntax is how an export's shell snippets are spelled in one
// language.
type shellSyntax struct {
	comment                string
	variable               func(i int) string
	lookup                 func(v, id, parent string) string // bind v to child id of parent
	startChild, startExtra func(sup, spec string) string     // start_child with a spec, and of simple_one_for_one
	remove                 func(sup, id string) string       // terminate and delete a child
	end                    string                            // after the last expression
}

var erlShell = shellSyntax{
	comment:  "%%",
	variable: func(i int) string { return "S" + strconv.Itoa(i) },
	lookup: func(v, id, parent string) string {
		return "{_, " + v + ", _, _} = lists:keyfind(" + eAtom(id) + ", 1, supervisor:which_children(" + parent + ")),"
	},
	startChild: func(sup, spec string) string { return "supervisor:start_child(" + sup + ", " + spec + ")" },
	startExtra: func(sup, _ string) string { return "supervisor:start_child(" + sup + ", [])" },
	remove: func(sup, id string) string {
		return "supervisor:terminate_child(" + sup + ", " + eAtom(id) + "), supervisor:delete_child(" + sup + ", " + eAtom(id) + "),"
	},
	end: ".",
}

var exShell = shellSyntax{
	comment:  "  #",
	variable: func(i int) string { return "s" + strconv.Itoa(i) },
	lookup: func(v, id, parent string) string {
		return "{_, " + v + ", _, _} = List.keyfind(Supervisor.which_children(" + parent + "), " + exAtom(id) + ", 0)"
	},
	startChild: func(sup, spec string) string { return "Supervisor.start_child(" + sup + ", " + spec + ")" },
	startExtra: func(sup, spec string) string { return "DynamicSupervisor.start_child(" + sup + ", " + spec + ")" },
	remove: func(sup, id string) string {
		return "Supervisor.terminate_child(" + sup + ", " + exAtom(id) + "); Supervisor.delete_child(" + sup + ", " + exAtom(id) + ")"
	},
}

// write returns the comment block for the supervisor name at its place:
// the children the scenario adds with start_child, or, for a
// simple_one_for_one supervisor, how to start one (template: its child
// spec). It is empty when there is nothing to suggest.
func (sh shellSyntax) write(name string, at place, h *hints, template string) string {
	what := "The scenario adds children to " + name + " at run time."
	if template != "" {
		what = name + " starts its children on demand."
	}
	var b strings.Builder
	line := func(s string) { b.WriteString(sh.comment + " " + s + "\n") }
	b.WriteString("\n")
	sup := "SUP"
	if at.fixed {
		line(what + " " + hintsHead)
		sup = at.top
		for i, id := range at.path {
			v := sh.variable(i + 1)
			line("  " + sh.lookup(v, id, sup))
			sup = v
		}
	} else {
		line(what + " " + name + " runs under a simple_one_for_one supervisor, so each of its")
		line("instances has its own pid, to pass as SUP in:")
	}
	calls := sh.calls(sup, h, template)
	if len(calls) == 0 {
		return ""
	}
	for i, c := range calls {
		switch {
		case !at.fixed:
			c = strings.TrimSuffix(c, ",")
		case i == len(calls)-1:
			c += sh.end
		case sh.end != "" && !strings.HasSuffix(c, ","):
			c += ","
		}
		line("  " + c)
	}
	return b.String()
}

// calls are the calls on supervisor sup that a block suggests.
func (sh shellSyntax) calls(sup string, h *hints, template string) []string {
	if template != "" {
		return []string{sh.startExtra(sup, template)}
	}
	var calls []string
	for _, c := range h.calls {
		if c.replace {
			calls = append(calls, sh.remove(sup, c.id))
		}
		calls = append(calls, sh.startChild(sup, c.spec))
	}
	return calls
}
