package scenarios

import (
	"slices"
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/sim"
)

// WorldNames gives completion the names of a world, for every face. Process
// names only ever grow (a name stays bound to its latest incarnation) until
// a reset, so they are gathered incrementally: a Tab in a world of a million
// processes costs only the processes spawned since the last one.
type WorldNames struct {
	w       *sim.World
	scanned int             // processes already looked at
	seen    map[string]bool // their names
	sorted  []string        // the same, sorted
	monRefs []sim.Ref       // refs made by monitor and spawn_monitor
	timRefs []sim.Ref       // refs made by send_after
}

var _ Names = (*WorldNames)(nil)

// NewWorldNames returns the names of w; call NoteRefs after each command
// so that refs can be offered and a reset forgets them.
func NewWorldNames(w *sim.World) *WorldNames {
	return &WorldNames{w: w, seen: map[string]bool{}}
}

// Processes returns every process name, sorted.
func (n *WorldNames) Processes() []string {
	total := n.w.NumProcesses()
	if total < n.scanned { // the world was reset
		*n = *NewWorldNames(n.w)
	}
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

// maxLive bounds the names Live returns: no face shows more candidates.
const maxLive = 1000

// Live returns the names that start with prefix whose latest incarnation
// is alive, sorted, at most maxLive of them. It looks only at the names
// with that prefix (a binary search finds them) and stops at maxLive, so a
// Tab stays cheap in a world of a million processes.
func (n *WorldNames) Live(prefix string) []string {
	names := n.Processes()
	i, _ := slices.BinarySearch(names, prefix)
	var out []string
	for ; i < len(names) && strings.HasPrefix(names[i], prefix) && len(out) < maxLive; i++ {
		if p, ok := n.w.Lookup(names[i]); ok && n.w.Alive(p) {
			out = append(out, names[i])
		}
	}
	return out
}

// Registered returns the registered names, sorted.
func (n *WorldNames) Registered() []string { return n.w.Registered() }

// Refs returns the refs demonitor (monitors) or cancel_timer (timers still
// running) may take.
func (n *WorldNames) Refs(verb string) []string {
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

// NoteRefs remembers the ref a successful monitor, spawn_monitor or
// send_after printed; after a reset it forgets every name and ref.
func (n *WorldNames) NoteRefs(c *Command, r Result) {
	if c.Verb == "reset" {
		*n = *NewWorldNames(n.w)
		return
	}
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
