package scenarios

import (
	"github.com/crashcourse/crashcourse/sim"
)

// workerExit is the exit of a supervised worker (a gen_server) that ended
// itself, for its reports.
type workerExit struct {
	w      *sim.World
	s      sim.Seq // its exit entry
	e      sim.Entry
	spec   sim.ChildSpec
	reason sim.Term
	cmd    *Command
	inited bool // its init/1 had returned {ok, _} (see initialized)
}

// initialized reports whether the worker's init/1 had returned {ok, _}:
// its supervisor recorded it started between its spawn and its exit.
// The scan goes back over the worker's life; exitReports makes it once per
// death and keeps the answer in inited.
func (x workerExit) initialized() bool {
	for s := x.s - 1; s > 0; s-- {
		e := x.w.Entry(s)
		switch {
		case e.Kind == sim.KindChildStarted && e.Other == x.e.Pid:
			return true
		case e.Kind == sim.KindSpawn && e.Pid == x.e.Pid:
			return false
		}
	}
	return false
}

// viaTerminate: the worker stopped through terminate/2, after a trapped
// exit signal from its supervisor.
func (x workerExit) viaTerminate() bool {
	return x.e.Cause != 0 && x.w.Entry(x.e.Cause).Kind == sim.KindTerminate
}

// name is how gen_server names itself: its registered name, or its pid.
func (x workerExit) name() sim.Term {
	if x.spec.Register != "" {
		return sim.Atom(x.spec.Register)
	}
	return x.e.Pid
}

// serverReport is gen_server's "** Generic server … terminating" report.
func (x workerExit) serverReport() []string {
	return withBlank(
		header("ERROR", x.e.At),
		"** Generic server "+x.name().String()+" terminating ",
		"** Last message in was "+pretty(x.lastMessage(), 24),
		"** When Server state == #{}",
		"** Reason for termination ==",
		"** "+pretty(x.terminationReason(), 3),
	)
}

// terminationReason is the reason gen_server's report gives: what a
// callback raised (error or exit) comes with its stack, {R, Stack}, though
// the process exits with R; a trapped stop is given as it came.
func (x workerExit) terminationReason() sim.Term {
	if x.viaTerminate() {
		return x.reason
	}
	return sim.ErrorReason(x.bareReason())
}

// lastMessage is the message the worker was handling: the EXIT from its
// supervisor, or the command that made it act, as {crash,R} or {exit,R}.
func (x workerExit) lastMessage() sim.Term {
	if x.viaTerminate() {
		return sim.Tuple{sim.Atom("EXIT"), x.w.Parent(x.e.Pid), x.reason}
	}
	verb := "crash"
	if x.cmd != nil {
		verb = x.cmd.Verb
	}
	return sim.Tuple{sim.Atom(verb), x.bareReason()}
}

// bareReason is the reason without the stack of an error exception.
func (x workerExit) bareReason() sim.Term {
	if errorRaised(x.reason) {
		return x.reason.(sim.Tuple)[0]
	}
	return x.reason
}

// crashReport is proc_lib's CRASH REPORT.
func (x workerExit) crashReport() []string {
	class := "exit"
	if errorRaised(x.reason) {
		class = "error"
	}
	registered := sim.Term(sim.List{})
	if x.spec.Register != "" {
		registered = sim.Atom(x.spec.Register)
	}
	return withBlank(
		header("CRASH", x.e.At),
		"  crasher:",
		"    initial call: "+module(x.spec)+":init/1",
		"    pid: "+x.e.Pid.String(),
		"    registered_name: "+registered.String(),
		"    exception "+class+": "+pretty(x.bareReason(), len("    exception "+class+": ")),
		"      in function  "+x.where(),
		"    ancestors: "+pretty(x.ancestors(), 15),
		"    message_queue_len: 0",
		"    messages: []",
		"    links: "+pretty(x.links(), 11),
		"    dictionary: []",
		"    trap_exit: "+sim.Atom(boolText(x.w.Info(x.e.Pid).TrapExit)).String(),
		"    status: running",
		"  neighbours:",
	)
}

// where is the function the exception left, as the crash report names it.
func (x workerExit) where() string {
	switch {
	case !x.inited && errorRaised(x.reason):
		return module(x.spec) + ":init/1"
	case !x.inited:
		return "gen_server:init_it/6 (gen_server.erl, line 835)"
	case x.viaTerminate():
		return "gen_server:decode_msg/9 (gen_server.erl, line 909)"
	}
	return module(x.spec) + ":handle_info/2"
}

// ancestors are the supervisors above the worker, nearest first, then the
// shell that started the top one.
func (x workerExit) ancestors() sim.Term {
	var out sim.List
	for p := x.w.Parent(x.e.Pid); p != sim.Shell; p = x.w.Parent(p) {
		out = append(out, registeredAs(x.w, p))
	}
	return append(out, sim.Shell)
}

// links are the processes the worker was linked to when it died: its
// supervisor (unless the worker is stopping because its supervisor died)
// and those its exit sent a link signal at that instant.
func (x workerExit) links() sim.Term {
	out := sim.List{}
	parent := x.w.Parent(x.e.Pid)
	if !x.viaTerminate() || x.w.Alive(parent) {
		out = append(out, parent)
	}
	for s := x.s + 1; int(s) <= x.w.TraceLen(); s++ {
		e := x.w.Entry(s)
		if e.At != x.e.At {
			break
		}
		if e.Kind == sim.KindSignal && e.Cause == x.s && e.Has(sim.FlagViaLink) && e.Pid != parent {
			out = append(out, e.Pid)
		}
	}
	return out
}

func boolText(b bool) string {
	if b {
		return "true"
	}
	return "false"
}
