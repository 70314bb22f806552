package tui

import (
	"fmt"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// inspectorLines describe the selected process: who it is, its
// incarnations, links and monitors both ways, mailbox, and, once dead,
// why.
func (m Model) inspectorLines(w, h int) []string {
	r, ok := m.selectedRow()
	if !ok {
		return []string{m.st.Faint.Render("inspector: nothing selected")}
	}
	lines := []string{m.st.Bold.Render("inspector: " + r.id)}
	if r.pid == 0 {
		return append(lines, m.childNotRunning(r)...)
	}
	lines = append(lines, m.identity(r)...)
	lines = append(lines, m.connections(r.pid)...)
	lines = append(lines, m.mailboxLines(r.pid, w)...)
	lines = append(lines, m.whyLines(r.pid, w)...)
	return lines[:min(len(lines), h)]
}

func (m Model) childNotRunning(r row) []string {
	if r.child.Restarting {
		return []string{"its supervisor is restarting it"}
	}
	return []string{
		fmt.Sprintf("listed by %s with no process (OTP's undefined)", m.world().Label(r.sup)),
		"restart type: " + r.child.Restart.String(),
	}
}

// identity is the pid, state, parent, name and the pids over time.
func (m Model) identity(r row) []string {
	w := m.world()
	info := w.Info(r.pid)
	_, state, st := m.status(r)
	lines := []string{r.pid.String() + "  " + st.Render(state)}
	if info.TrapExit && !r.isSup {
		lines[0] += "  trap_exit"
	}
	if info.Registered != "" {
		lines = append(lines, "registered as @"+info.Registered)
	}
	if info.Parent != sim.Shell && info.Parent != 0 {
		lines = append(lines, "parent: "+w.Label(info.Parent)+" "+info.Parent.String())
	}
	if r.child.Restarts > 0 {
		lines = append(lines, fmt.Sprintf("restarted %d×", r.child.Restarts))
	}
	if inc := m.incarnations(r.pid); len(inc) > 1 {
		lines = append(lines, "incarnations: "+strings.Join(inc, ", "))
	}
	return lines
}

// incarnations lists every pid that bore p's name, oldest first, with how
// each ended.
func (m Model) incarnations(p sim.Pid) []string {
	w := m.world()
	name := w.Name(p)
	if name == "" {
		return nil
	}
	var out []string
	for i := 0; i < w.NumProcesses(); i++ {
		q := sim.FirstPid + sim.Pid(i)
		if w.Name(q) != name {
			continue
		}
		s := q.String()
		if reason, dead := w.ExitReason(q); dead {
			s += " " + scenarios.Now(w).Term(reason)
		} else {
			s += " alive"
		}
		out = append(out, s)
	}
	return out
}

// connections are links and monitors, both ways.
func (m Model) connections(p sim.Pid) []string {
	w := m.world()
	info := w.Info(p)
	var lines []string
	if len(info.Links) > 0 {
		lines = append(lines, "links: "+labels(w, info.Links))
	}
	for _, mo := range info.Monitors {
		lines = append(lines, "monitors "+w.Label(mo.Target)+" ("+mo.Ref.String()+")")
	}
	for _, mo := range info.MonitoredBy {
		lines = append(lines, "monitored by "+w.Label(mo.Watcher)+" ("+monRef(mo.Ref)+")")
	}
	return lines
}

func monRef(r sim.Ref) string {
	if r == 0 {
		return "its supervisor's"
	}
	return r.String()
}

func labels(w *sim.World, ps []sim.Pid) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = w.Label(p)
	}
	return strings.Join(out, ", ")
}

// mailboxLines list the messages waiting in p's mailbox.
func (m Model) mailboxLines(p sim.Pid, width int) []string {
	w := m.world()
	mb := w.Mailbox(p)
	if len(mb) == 0 {
		return []string{"mailbox: empty"}
	}
	lines := []string{fmt.Sprintf("mailbox (%d):", len(mb))}
	for i, msg := range mb {
		if i == 5 {
			lines = append(lines, fmt.Sprintf("  … %d more", len(mb)-5))
			break
		}
		lines = append(lines, "  "+scenarios.Now(w).Term(w.MessageTerm(msg)))
	}
	return lines
}

// whyLines tell a dead process's causal chain, the REPL's `why`, and for
// each supervisor on it that gave up, the restarts that had counted.
func (m Model) whyLines(p sim.Pid, width int) []string {
	w := m.world()
	story := w.Story(p)
	if len(story.Chain) == 0 {
		return nil
	}
	lines := []string{m.st.Bold.Render("why (w highlights it):")}
	for _, g := range story.GaveUp {
		lines = append(lines, scenarios.Wrap("  "+scenarios.GaveUpSummary(w, g), width, "    ")...)
	}
	pr := scenarios.Now(w)
	for _, s := range story.Chain {
		lines = append(lines, "  "+pr.Label(w.Entry(s).Pid)+" "+scenarios.Describe(w, s))
	}
	return lines
}
