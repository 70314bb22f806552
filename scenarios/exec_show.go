package scenarios

import (
	"strings"

	"github.com/crashcourse/crashcourse/sim"
)

// maxListed bounds how many processes ps and tree print, so a world of a
// million processes answers at once.
const maxListed = 200

// show performs the inspection verbs; they change nothing.
func (x *execution) show(sc *ShowCmd) error {
	switch x.c.Verb {
	case "ps":
		x.ps()
	case "tree":
		x.tree()
	case "time":
		x.printf(TimeLine(x.w()))
	case "trace":
		x.traceTail(sc.N)
	case "help":
		return x.help(sc.Topic)
	case "whereis":
		x.whereis(sc.Target.Registered)
	default:
		return x.showProc(sc)
	}
	return nil
}

func (x *execution) showProc(sc *ShowCmd) error {
	p, err := x.pid(*sc.Target)
	if err != nil {
		return err
	}
	switch x.c.Verb {
	case "info":
		x.info(p)
	case "mailbox":
		x.mailbox(p)
	case "why":
		x.why(p)
	}
	return nil
}

// TimeLine describes the clock and what is pending:
// "t=1.5s · 3 pending, next +500ms".
func TimeLine(w *sim.World) string {
	s := "t=" + w.Now().String()
	n := w.Pending()
	if n == 0 {
		return s + " · nothing pending"
	}
	next, _ := w.NextAt()
	return s + " · " + itoa(n) + " pending, next +" + (next - w.Now()).String()
}

func (x *execution) ps() {
	w := x.w()
	if w.NumProcesses() == 0 {
		x.printf("no processes yet: spawn one (spawn a), or start a supervisor (sup s { worker w })")
		return
	}
	x.printf(padRight("PID", 12) + padRight("NAME", 12) + padRight("STATUS", 8) + "DETAIL")
	n := w.NumProcesses()
	for i := 0; i < n && i < maxListed; i++ {
		x.printf(x.psLine(sim.FirstPid + sim.Pid(i)))
	}
	if n > maxListed {
		x.printf(sprintf("… %d more processes (%d alive in all)", n-maxListed, w.NumAlive()))
	}
}

func (x *execution) psLine(p sim.Pid) string {
	w := x.w()
	info := w.Info(p)
	status, detail := "alive", x.psDetail(info)
	if !info.Alive {
		status, detail = "dead", "reason "+Now(w).Term(info.Reason)
	}
	return padRight(p.String(), 12) + padRight(orDash(info.Name), 12) + padRight(status, 8) + detail
}

func (x *execution) psDetail(info sim.ProcInfo) string {
	var parts []string
	if info.TrapExit {
		parts = append(parts, "trap_exit")
	}
	if info.Registered != "" {
		parts = append(parts, "@"+info.Registered)
	}
	if len(info.Links) > 0 {
		parts = append(parts, "links "+x.labels(info.Links))
	}
	if info.Mailbox > 0 {
		parts = append(parts, Count(info.Mailbox, "message", "messages"))
	}
	return strings.Join(parts, ", ")
}

func (x *execution) labels(ps []sim.Pid) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = Now(x.w()).Label(p)
	}
	return strings.Join(out, " ")
}

func (x *execution) info(p sim.Pid) {
	w := x.w()
	i := w.Info(p)
	x.printf(x.psLine(p))
	x.printf("  parent:    " + Now(w).Label(i.Parent))
	x.printf("  links:     " + orDash(x.labels(i.Links)))
	x.printf("  trap_exit: " + sprintf("%v", i.TrapExit))
	x.printf("  name:      " + orDash(regText(i.Registered)))
	for _, m := range i.Monitors {
		x.printf("  monitors:  " + Now(w).Label(m.Target) + " " + monitorRef(m.Ref))
	}
	for _, m := range i.MonitoredBy {
		x.printf("  monitored: by " + Now(w).Label(m.Watcher) + " " + monitorRef(m.Ref))
	}
	x.mailboxLines(p, i.Mailbox)
	if s, ok := w.Calling(p); ok {
		x.printf("  calling:   " + Now(w).Label(s) + ", waiting in gen_server:call")
	}
	x.supervision(p)
}

// supervision adds what a supervisor is, or who supervises a child.
func (x *execution) supervision(p sim.Pid) {
	w := x.w()
	if v, ok := w.Supervisor(p); ok {
		f := v.Flags
		x.printf("  supervisor: " + f.Strategy.String() + ", intensity " + itoa(f.Intensity) + " per " + itoa(f.Period) + "s, auto_shutdown " + f.AutoShutdown.String())
		x.printf("  children:  " + itoa(len(v.Children)) + busyNote(v.Busy))
		return
	}
	if n, ok := w.Restarts(p); ok {
		x.printf("  supervised by " + Now(w).Label(w.Parent(p)) + ", restarted " + Count(n, "time", "times"))
	}
	if w.Hung(p) {
		x.printf("  hung: answers nothing until it recovers")
	}
}

func busyNote(busy string) string {
	if busy == "" {
		return ""
	}
	return "; now " + busy
}

func (x *execution) mailbox(p sim.Pid) {
	w := x.w()
	box := w.Mailbox(p)
	if len(box) == 0 {
		x.printf("the mailbox of " + Now(w).Label(p) + " is empty")
	}
	for _, m := range box {
		x.printf(Now(w).Term(w.MessageTerm(m)))
	}
}

// maxInfoMessages bounds the messages info lists; mailbox P lists them all.
const maxInfoMessages = 5

// mailboxLines is info's account of a mailbox: how many messages, then the
// first few, oldest first, as receive would take them.
func (x *execution) mailboxLines(p sim.Pid, n int) {
	w := x.w()
	x.printf("  mailbox:   " + Count(n, "message", "messages"))
	box := w.Mailbox(p)
	for i, m := range box {
		if i == maxInfoMessages {
			x.printf(sprintf("    … %d more (mailbox %s lists them all)", len(box)-i, Now(w).Label(p)))
			break
		}
		x.printf("    " + Now(w).Term(w.MessageTerm(m)))
	}
}

func (x *execution) whereis(name string) {
	if p, ok := x.w().Whereis(name); ok {
		x.printf(Now(x.w()).Both(p))
		return
	}
	x.printf("undefined")
}

func (x *execution) traceTail(n int) {
	w := x.w()
	from := 1
	if n > 0 && w.TraceLen() > n {
		from = w.TraceLen() - n + 1
	}
	rows := make([]EventRow, 0, w.TraceLen()-from+1)
	for s := from; s <= w.TraceLen(); s++ {
		rows = append(rows, NewEventRow(w, sim.Seq(s), 0))
	}
	for _, l := range LayEvents(rows, 0) {
		x.printf(l)
	}
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func regText(name string) string {
	if name == "" {
		return ""
	}
	return "@" + name
}
