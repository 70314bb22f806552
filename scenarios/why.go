package scenarios

import (
	"strings"

	"github.com/crashcourse/crashcourse/sim"
)

// why prints WhyLines for p.
func (x *execution) why(p sim.Pid) {
	for _, l := range WhyLines(x.w(), p) {
		x.printf(l)
	}
}

// WhyLines tell the story of p's end, as `why P` prints it: the causal
// chain from the first cause to p's exit, one event line each. When a
// supervisor on that chain gave up (reached_max_restart_intensity), the
// restarts that counted toward its intensity come first, each after the
// exit that asked for it, and its report joins the chain after the event
// that caused it. For a live p it says so, and for a restarted name it
// offers the chain of the previous incarnation.
func WhyLines(w *sim.World, p sim.Pid) []string {
	if w.Alive(p) {
		return aliveLines(w, p)
	}
	st := w.Story(p)
	var lines []string
	reports := map[sim.Seq][]sim.Seq{} // cause → reports it caused; looked up only
	for _, g := range st.GaveUp {
		lines = append(lines, gaveUpLines(w, g)...)
		c := w.Entry(g.Report).Cause
		reports[c] = append(reports[c], g.Report)
	}
	if len(st.GaveUp) > 0 {
		lines = append(lines, "and then one more exit asked for a restart, one too many:")
	}
	for _, s := range st.Chain {
		lines = append(lines, FormatEntry(w, s))
		for _, r := range reports[s] {
			lines = append(lines, FormatEntry(w, r))
		}
	}
	return lines
}

// gaveUpLines say why a supervisor gave up: how many restarts its flags
// allow in its window, and which ones already counted there, each after the
// exit that caused it.
func gaveUpLines(w *sim.World, g sim.GaveUp) []string {
	sup := At(w, g.Report).Label(g.Sup)
	if g.Intensity == 0 {
		return []string{sup + " gave up: intensity=0 allows no restart in its window."}
	}
	now := int64(w.Entry(g.Report).At / sim.Second)
	shown := g.Counted[:min(len(g.Counted), maxCountedShown)]
	stamps := make([]string, len(shown))
	for i, r := range shown {
		stamps[i] = sprintf("%d", int64(w.Entry(r).At/sim.Second))
	}
	lines := []string{sprintf("%s gave up: intensity=%d period=%d allows %d %s in its window, and %d already counted",
		sup, g.Intensity, g.Period, g.Intensity, plural(g.Intensity, "restart"), len(g.Counted)),
		sprintf("(stamped in whole seconds: %s%s; at second %d the window counts stamps >= %d-%d):",
			strings.Join(stamps, ", "), moreCounted(g), now, now, g.Period)}
	for _, r := range shown {
		if ex, ok := w.ExitSeq(w.Entry(r).Other); ok && ex < r {
			lines = append(lines, FormatEntry(w, ex))
		}
		lines = append(lines, FormatEntry(w, r))
	}
	if more := len(g.Counted) - len(shown); more > 0 {
		lines = append(lines, sprintf("… and %d more %s like these", more, plural(more, "restart")))
	}
	return lines
}

// maxCountedShown bounds the restarts a supervisor's story lists one by
// one: a high intensity can count a million, and the first few tell it.
const maxCountedShown = 10

// moreCounted is ", … (N more)" when g counted more restarts than are
// shown, else "".
func moreCounted(g sim.GaveUp) string {
	if more := len(g.Counted) - maxCountedShown; more > 0 {
		return sprintf(", … (%d more)", more)
	}
	return ""
}

// aliveLines say that p is alive; for the latest incarnation of a name
// that had others, they offer the previous one's story.
func aliveLines(w *sim.World, p sim.Pid) []string {
	pr := Now(w)
	prev, ok := w.Previous(p)
	if !ok || pr.Label(p) == p.String() {
		return []string{pr.Label(p) + " is alive"}
	}
	lines := []string{pr.Label(p) + " is alive: " + p.String() + " is its latest incarnation"}
	if w.Alive(prev) {
		return append(lines, "its previous incarnation "+prev.String()+" is alive too (it has not finished exiting)")
	}
	reason := pr.Term(w.Info(prev).Reason)
	return append(lines, "its previous incarnation "+prev.String()+" exited with reason "+reason+": `why "+prev.String()+"` tells why")
}

// plural is noun for one, noun+"s" for any other count.
func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// GaveUpSummary says in one line why a supervisor gave up, for a view too
// narrow for WhyLines: "top gave up: intensity=3 period=5, and 3 restarts
// had counted (at 0s, 1s, 1s)".
func GaveUpSummary(w *sim.World, g sim.GaveUp) string {
	s := sprintf("%s gave up: intensity=%d period=%d", At(w, g.Report).Label(g.Sup), g.Intensity, g.Period)
	if len(g.Counted) == 0 {
		return s + ", so no restart at all"
	}
	shown := g.Counted[:min(len(g.Counted), maxCountedShown)]
	at := make([]string, len(shown))
	for i, r := range shown {
		at[i] = w.Entry(r).At.String()
	}
	return sprintf("%s, and %d %s had counted (at %s%s)", s, len(g.Counted), plural(len(g.Counted), "restart"), strings.Join(at, ", "), moreCounted(g))
}
