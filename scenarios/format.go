package scenarios

import (
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/sim"
)

// FormatEntry prints trace entry s as one human-readable line: when, which
// entry, who, what happened, and what caused it.
//
//	0s      #8   b          exit signal killed from a (link) → b dies   ← #7
func FormatEntry(w *sim.World, s sim.Seq) string { return formatEntry(w, s, 0) }

// formatEntry is FormatEntry with the subject indented by depth steps.
func formatEntry(w *sim.World, s sim.Seq, depth int) string {
	return NewEventRow(w, s, depth).Lines(minTimeWidth, 0)[0]
}

// Who is the subject of trace entry s, as its line prints it: the process
// as it was known then (see At), or "timer" for a timer firing.
func Who(w *sim.World, s sim.Seq) string {
	e := w.Entry(s)
	if e.Kind == sim.KindTimer && e.Pid == 0 {
		return "timer"
	}
	return At(w, s).Label(e.Pid)
}

// Describe says in words what trace entry s records, as a learner would
// read it; processes print as they were known then (see At). The exit of a
// process that raised an error performing a command says why in words
// (`exits with reason {badarg,[...]}: send to @db, and no process is
// registered as db`).
func Describe(w *sim.World, s sim.Seq) string {
	d := describe(At(w, s), w.Entry(s))
	if n := w.Note(s); n != "" {
		d += ": " + n
	}
	return d
}

func describe(pr Printer, e sim.Entry) string {
	w := pr.w
	other, term := pr.Label(e.Other), pr.Term(w.Term(e.Term))
	switch e.Kind {
	case sim.KindSpawn:
		return describeSpawn(e, other)
	case sim.KindLink:
		return "links to " + other
	case sim.KindUnlink:
		return "unlinks from " + other
	case sim.KindMonitor:
		return describeMonitor(e, other, term)
	case sim.KindDemonitor:
		return describeDemonitor(e)
	case sim.KindTrapExit:
		return "sets trap_exit " + onOff(e.Has(sim.FlagOn))
	case sim.KindExitSignal:
		return "calls exit(" + other + ", " + term + ")"
	case sim.KindSignal:
		return describeSignal(pr, e, other, term)
	case sim.KindSend:
		return "sends " + term + " to " + other
	case sim.KindMessage:
		if SupervisorDrops(w, e) {
			return "gets message " + term + " from " + other + " → a supervisor expects no message: it logs an error report and drops it"
		}
		return describeMessage(e, other, term)
	case sim.KindDown:
		object := pr.Pid(e.Other)
		if t, ok := w.DownObject(e.Ref); ok {
			object = pr.Term(t)
		}
		return "gets {'DOWN'," + monitorRef(e.Ref) + ",process," + object + "," + term + "}"
	case sim.KindExit:
		return "exits with reason " + term
	}
	return describeMore(w, e, other, term)
}

func describeMore(w *sim.World, e sim.Entry, other, term string) string {
	switch e.Kind {
	case sim.KindRegister:
		return "is registered as " + term + " (by " + other + ")"
	case sim.KindUnregister:
		if e.Has(sim.FlagOn) {
			return "frees its registered name " + term + " as it dies"
		}
		return "is unregistered as " + term + " (by " + other + ")"
	case sim.KindSendAfter:
		return "sets timer " + e.Ref.String() + " to send " + term + " to " + timerDest(w, e, other)
	case sim.KindCancelTimer:
		return "cancels timer " + e.Ref.String() + " → " + term
	case sim.KindTimer:
		return describeTimer(e, term)
	case sim.KindReceive:
		return "receives " + term
	case sim.KindChaos:
		return "is picked by the chaos monkey and crashes"
	}
	return describeSup(w, e, other, term)
}

// describeSup says what a supervisor's report or action means.
func describeSup(w *sim.World, e sim.Entry, child, term string) string {
	switch e.Kind {
	case sim.KindChildStarted:
		return "started child " + child
	case sim.KindChildTerminated:
		return "child_terminated: " + child + " exited with " + term
	case sim.KindRestart:
		return "restarts " + term
	case sim.KindStartError:
		return "start_error: " + w.Term(e.Child).String() + " failed to start with " + term
	case sim.KindShutdownError:
		return "shutdown_error: " + child + " ended with " + term + ", not as its shutdown asked"
	case sim.KindSupervisorShutdown:
		return "reached_max_restart_intensity after " + child + " exited: shuts down"
	case sim.KindAutoShutdown:
		return "auto_shutdown: significant child " + child + " ended, so it shuts down"
	case sim.KindTimeout:
		return child + " outlived its shutdown time: kills it"
	case sim.KindBackoff:
		return "backs off before the restart: " + term + " ({Id, Ms})"
	case sim.KindHealthCheck:
		return child + " failed a health check (" + term + " in a row)"
	case sim.KindUnhealthy:
		return "ends " + child + ": unhealthy"
	case sim.KindCall:
		return "calls " + child + ": " + term
	case sim.KindReply:
		return "replies " + term
	}
	if s, ok := describeCall(e, child, term); ok {
		return s
	}
	return describeWorker(e, term)
}

func describeWorker(e sim.Entry, term string) string {
	switch e.Kind {
	case sim.KindTerminate:
		return "runs terminate(" + term + ")"
	case sim.KindHang:
		return "hangs: stops answering"
	case sim.KindRecover:
		return "recovers"
	}
	return e.Kind.String()
}

func describeSpawn(e sim.Entry, parent string) string {
	s := "is spawned by " + parent
	switch {
	case e.Has(sim.FlagLinked):
		s += ", linked"
	case e.Has(sim.FlagMonitored):
		s += ", monitored as " + e.Ref.String()
	}
	if e.Has(sim.FlagOn) {
		s += ", trapping exits"
	}
	return s
}

func describeMonitor(e sim.Entry, target, name string) string {
	if e.Ref == 0 {
		return "monitors " + target
	}
	if e.Has(sim.FlagOn) {
		return "monitors @" + name + " as " + e.Ref.String()
	}
	return "monitors " + target + " as " + e.Ref.String()
}

func describeDemonitor(e sim.Entry) string {
	s := "demonitors " + e.Ref.String()
	if e.Has(sim.FlagOn) {
		s += " with flush"
	}
	return s
}

func describeSignal(pr Printer, e sim.Entry, from, reason string) string {
	s := "gets exit signal " + reason + " from " + from
	if e.Has(sim.FlagViaLink) {
		s += " (link)"
	}
	switch {
	case e.Has(sim.FlagTrapped | sim.FlagOn):
		return s + " → traps it: a stop from its supervisor"
	case e.Has(sim.FlagTrapped):
		return s + " → traps it: {'EXIT'," + pr.Pid(e.Other) + "," + reason + "} in its mailbox"
	case e.Has(sim.FlagIgnored) && e.Has(sim.FlagViaLink) && reason != "normal":
		return s + " → ignored: no link any more"
	case e.Has(sim.FlagIgnored):
		return s + " → ignored: normal does not kill"
	}
	return s + " → " + pr.Label(e.Pid) + " dies"
}

func describeMessage(e sim.Entry, from, msg string) string {
	if e.Has(sim.FlagDropped) {
		return "is dead: message " + msg + " from " + from + " is dropped"
	}
	return "gets message " + msg + " from " + from
}

func describeTimer(e sim.Entry, msg string) string {
	if e.Has(sim.FlagDropped) {
		return "timer " + e.Ref.String() + " fires: " + msg + " dropped, its name is not registered"
	}
	return "timer " + e.Ref.String() + " fires: " + msg
}

func timerDest(w *sim.World, e sim.Entry, other string) string {
	if d, ok := w.TimerDest(e.Ref); ok && d.Name != "" {
		return "@" + d.Name
	}
	return other
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}

func itoa(n int) string { return strconv.Itoa(n) }

// Count says n of a thing in English: "1 message", "2 messages", "0 messages".
func Count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}

func padRight(s string, n int) string {
	if len(s) >= n {
		return s
	}
	return s + strings.Repeat(" ", n-len(s))
}

// monitorRef prints a ref; a supervisor's own monitors have no number.
func monitorRef(r sim.Ref) string {
	if r == 0 {
		return "Ref"
	}
	return r.String()
}
