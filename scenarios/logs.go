package scenarios

import (
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/sim"
)

// LogReports is what OTP 25's logger prints, in its default text layout,
// for trace entry s, as `logs on` shows it; nil for most entries. Each
// report ends with a blank line, as OTP's do. The header carries the
// virtual time instead of the date. The reports are:
//
//   - SUPERVISOR REPORT for child_terminated, start_error, shutdown_error
//     and reached_max_restart_intensity (errorContext: shutdown), with the
//     offending child's spec as supervisor:format_log writes it;
//   - for a supervised worker that ends itself abnormally (a crash or exit
//     of its own, a failed init, terminate/2 after a trapped stop): the
//     "** Generic server … terminating" error report (not for a failed
//     init), then the proc_lib CRASH REPORT;
//   - for a plain process that raises an error, the emulator's
//     "Error in process … with exit value:" report;
//   - for a message a supervisor does not expect (see SupervisorDrops),
//     supervisor:handle_info's "Supervisor received unexpected message:"
//     error report.
//
// Nothing is printed for normal, shutdown and {shutdown,_} exits, nor for
// a process killed by an exit signal, as on OTP. What the simulator does
// not model is left out rather than made up: a stack trace is [...], and a
// crash report has no heap_size, stack_size or reductions lines. The
// message a worker was handling when a command made it crash or exit is
// written {crash,Reason} or {exit,Reason} after that command (cmd, which
// may be nil).
func LogReports(w *sim.World, s sim.Seq, cmd *Command) []string {
	e := w.Entry(s)
	switch e.Kind {
	case sim.KindChildTerminated:
		return supervisorReport(w, e, "child_terminated", w.Term(e.Term), e.Other)
	case sim.KindSupervisorShutdown:
		return supervisorReport(w, e, "shutdown", w.Term(e.Term), e.Other)
	case sim.KindStartError:
		return supervisorReport(w, e, "start_error", w.Term(e.Term), 0)
	case sim.KindShutdownError:
		return supervisorReport(w, e, "shutdown_error", w.Term(e.Term), e.Other)
	case sim.KindExit:
		return exitReports(w, s, e, cmd)
	case sim.KindMessage:
		if SupervisorDrops(w, e) {
			const text = "Supervisor received unexpected message: "
			return withBlank(header("ERROR", e.At), text+pretty(w.Term(e.Term), len(text)))
		}
	}
	return nil
}

// SupervisorDrops reports whether message entry e is one OTP 25's
// supervisor takes in handle_info's last clause, which logs an error
// report and drops the message: a plain message (sent, or from a timer)
// that reached a live supervisor. Messages OTP handles otherwise are left
// out: {'EXIT',Pid,Reason} (a child's exit, its parent's, or ignored),
// gen_server requests and system messages.
func SupervisorDrops(w *sim.World, e sim.Entry) bool {
	if e.Kind != sim.KindMessage || e.Has(sim.FlagDropped) || e.Cause == 0 || !w.IsSupervisor(e.Pid) {
		return false
	}
	if k := w.Entry(e.Cause).Kind; k != sim.KindSend && k != sim.KindTimer {
		return false // a call's request
	}
	if t, ok := w.Term(e.Term).(sim.Tuple); ok && len(t) > 0 {
		switch t[0] {
		case sim.Atom("EXIT"), sim.Atom("$gen_call"), sim.Atom("$gen_cast"), sim.Atom("system"):
			return false
		}
	}
	return true
}

// header is the first line of a report: =KIND REPORT==== TIME ===.
func header(kind string, at sim.Time) string {
	return "=" + kind + " REPORT==== t=" + at.String() + " ==="
}

// supervisorReport is supervisor:format_log's report. offender is the
// child's pid (0: undefined, for a start that made none).
func supervisorReport(w *sim.World, e sim.Entry, context string, reason sim.Term, offender sim.Pid) []string {
	spec, ok := offenderSpec(w, e, offender)
	if !ok {
		return nil
	}
	return withBlank(
		header("SUPERVISOR", e.At),
		"    supervisor: "+pretty(supName(w, e.Pid), 16),
		"    errorContext: "+context,
		"    reason: "+pretty(reason, 12),
		"    offender: "+pretty(offenderTerm(spec, offender), 14),
	)
}

// offenderSpec finds the spec of the child a supervisor report is about.
func offenderSpec(w *sim.World, e sim.Entry, offender sim.Pid) (sim.ChildSpec, bool) {
	if offender != 0 {
		return w.ChildSpecOf(offender)
	}
	if e.Other != 0 {
		return w.ChildSpecOf(e.Other)
	}
	id, _ := w.Term(e.Child).(sim.Atom)
	return w.ChildSpecByID(e.Pid, string(id))
}

// offenderTerm is the child as supervisor reports list it.
func offenderTerm(spec sim.ChildSpec, p sim.Pid) sim.Term {
	pid := sim.Term(sim.Atom("undefined"))
	if p != 0 {
		pid = p
	}
	kind := sim.Atom("worker")
	if spec.Sup != nil {
		kind = "supervisor"
	}
	return sim.List{
		pair("pid", pid), pair("id", sim.Atom(spec.ID)),
		pair("mfargs", sim.Tuple{sim.Atom(module(spec)), sim.Atom("start_link"), sim.List{}}),
		pair("restart_type", sim.Atom(spec.Restart.String())),
		pair("significant", sim.Atom(strconv.FormatBool(spec.Significant))),
		pair("shutdown", spec.Shutdown.Term()), pair("child_type", kind),
	}
}

// module is the callback module of a child, as exported.
func module(spec sim.ChildSpec) string {
	if spec.Module != "" {
		return spec.Module
	}
	return spec.ID
}

// supName is how a supervisor names itself in its reports, as the exported
// code starts it: a top-level one is registered, {local,Module}; a nested
// one is {Pid,Module}.
func supName(w *sim.World, sup sim.Pid) sim.Term {
	if spec, nested := w.ChildSpecOf(sup); nested {
		return sim.Tuple{sup, sim.Atom(module(spec))}
	}
	return sim.Tuple{sim.Atom("local"), sim.Atom(SupModule(w.Name(sup)))}
}

// registeredAs is how proc_lib lists a supervisor among a process's
// ancestors: by its registered name (a top-level one), else by its pid.
func registeredAs(w *sim.World, sup sim.Pid) sim.Term {
	if _, nested := w.ChildSpecOf(sup); nested {
		return sup
	}
	return sim.Atom(SupModule(w.Name(sup)))
}

func pair(k string, v sim.Term) sim.Term { return sim.Tuple{sim.Atom(k), v} }

// withBlank is a report's lines, each possibly several lines long, and the
// blank line that ends it.
func withBlank(parts ...string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, strings.Split(p, "\n")...)
	}
	return append(out, "")
}

// exitReports are the reports of a process's exit, if any.
func exitReports(w *sim.World, s sim.Seq, e sim.Entry, cmd *Command) []string {
	reason := w.Term(e.Term)
	if quietReason(reason) || killedBySignal(w, e) || w.IsSupervisor(e.Pid) {
		return nil
	}
	spec, supervised := w.ChildSpecOf(e.Pid)
	if !supervised {
		if errorRaised(reason) {
			return withBlank(header("ERROR", e.At), "Error in process "+e.Pid.String()+" with exit value:", pretty(reason, 0))
		}
		return nil
	}
	ex := workerExit{w: w, s: s, e: e, spec: spec, reason: reason, cmd: cmd}
	ex.inited = ex.initialized()
	if !ex.inited {
		return ex.crashReport()
	}
	return append(ex.serverReport(), ex.crashReport()...)
}

// quietReason: OTP reports no exit with reason normal, shutdown or
// {shutdown,_}.
func quietReason(r sim.Term) bool {
	if t, ok := r.(sim.Tuple); ok && len(t) == 2 && t[0] == sim.Shutdown {
		return true
	}
	return r == sim.Normal || r == sim.Shutdown
}

// killedBySignal: the exit was an exit signal's doing, so the process ran
// none of its code and logs nothing.
func killedBySignal(w *sim.World, e sim.Entry) bool {
	if e.Cause == 0 {
		return false
	}
	c := w.Entry(e.Cause)
	return c.Kind == sim.KindSignal && c.Pid == e.Pid
}

// errorRaised: the reason is {R, Stack}, an erlang:error exception's.
func errorRaised(r sim.Term) bool {
	t, ok := r.(sim.Tuple)
	if !ok || len(t) != 2 {
		return false
	}
	_, stack := t[1].(sim.Stack)
	return stack
}
