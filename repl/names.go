package repl

import (
	"slices"
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// sessionNames gives completion the names of a session's world. Process
// names only ever grow (a name stays bound to its latest incarnation), so
// they are gathered incrementally: a Tab in a world of a million processes
// costs only the processes spawned since the last one.
type sessionNames struct {
	w       *sim.World
	scanned int             // processes already looked at
	seen    map[string]bool // their names
	sorted  []string        // the same, sorted
	monRefs []sim.Ref       // refs made by monitor and spawn_monitor
	timRefs []sim.Ref       // refs made by send_after
}

var _ scenarios.Names = (*sessionNames)(nil)

func newSessionNames(w *sim.World) *sessionNames {
	return &sessionNames{w: w, seen: map[string]bool{}}
}

// Processes returns every process name, sorted.
func (n *sessionNames) Processes() []string {
	total := n.w.NumProcesses()
	grew := false
	for ; n.scanned < total; n.scanned++ {
		name := n.w.Name(sim.FirstPid + sim.Pid(n.scanned))
		if name != "" && !n.seen[name] {
			n.seen[name] = true
			n.sorted = append(n.sorted, name)
			grew = true
		}
	}
	if grew {
		slices.Sort(n.sorted)
	}
	return n.sorted
}

// Registered returns the registered names, sorted.
func (n *sessionNames) Registered() []string { return n.w.Registered() }

// Refs returns the refs demonitor (monitors) or cancel_timer (timers still
// running) may take.
func (n *sessionNames) Refs(verb string) []string {
	var out []string
	switch verb {
	case "demonitor":
		for _, r := range n.monRefs {
			out = append(out, r.String())
		}
	case "cancel_timer":
		for _, r := range n.timRefs {
			if _, active := n.w.TimerRemaining(r); active {
				out = append(out, r.String())
			}
		}
	}
	return out
}

// noteRefs remembers the ref a successful monitor, spawn_monitor or
// send_after printed.
func (n *sessionNames) noteRefs(c *scenarios.Command, r scenarios.Result) {
	if r.Err != nil || len(r.Lines) == 0 {
		return
	}
	k, ok := strings.CutPrefix(r.Lines[0], "#Ref<")
	if !ok {
		return
	}
	v, err := strconv.ParseUint(strings.TrimSuffix(k, ">"), 10, 32)
	if err != nil {
		return
	}
	switch c.Verb {
	case "monitor", "spawn_monitor":
		n.monRefs = append(n.monRefs, sim.Ref(v))
	case "send_after":
		n.timRefs = append(n.timRefs, sim.Ref(v))
	}
}
