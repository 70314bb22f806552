package lessons

import (
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// explainExpect says why a failed expectation saw what it saw: the death
// or the survival of the processes it names, with the causal chain mapped
// back to the lines that made each step happen.
func (r *replay) explainExpect(e *scenarios.ExpectCmd) []string {
	var out []string
	for _, ref := range e.Procs {
		p, ok := r.pidOf(ref)
		if !ok {
			continue
		}
		switch e.Kind {
		case "alive", "dead", "exit_order":
			out = append(out, r.explainFate(p)...)
		case "restarts":
			out = append(out, r.explainRestarts(p)...)
		}
	}
	return out
}

// explainFate explains p's death, or why it is still alive; for a
// restarted p, also how the incarnation before it ended.
func (r *replay) explainFate(p sim.Pid) []string {
	if !r.s.World().Alive(p) {
		return r.explainDeath(p)
	}
	out := r.explainSurvival(p)
	if prev := r.previousIncarnation(p); prev != 0 {
		w := r.s.World()
		out = append(out, sprintf("%s is a restart: its previous incarnation %s ended this way:", quote(scenarios.Now(w).Label(p)), scenarios.Now(w).Label(prev)))
		out = append(out, r.explainDeath(prev)...)
	}
	return out
}

// previousIncarnation is the last process named as p that exited after
// the setup, other than p; 0 if none did.
func (r *replay) previousIncarnation(p sim.Pid) sim.Pid {
	w := r.s.World()
	var prev sim.Pid
	for s := r.setupEnd + 1; int(s) <= w.TraceLen(); s++ {
		if e := w.Entry(s); e.Kind == sim.KindExit && e.Pid != p && w.Name(p) != "" && w.Name(e.Pid) == w.Name(p) {
			prev = e.Pid
		}
	}
	return prev
}

// explainDeath walks sim's Why chain of p from its death back to the first
// cause, one sentence per process that died on the way.
func (r *replay) explainDeath(p sim.Pid) []string {
	w := r.s.World()
	chain := w.Why(p)
	var out []string
	for i := len(chain) - 1; i >= 0; i-- {
		s := chain[i]
		e := w.Entry(s)
		switch {
		case e.Kind == sim.KindExit && i > 0 && w.Entry(chain[i-1]).Kind == sim.KindSignal && !w.Entry(chain[i-1]).Has(sim.FlagTrapped):
			out = append(out, r.diedOfSignal(s, chain[i-1]))
			i--
			if i > 0 && r.sentBy(chain[i-1], chain[i]) {
				i-- // the exit/2 call the sentence already names
			}
		case e.Kind == sim.KindExit && i > 0 && r.callDown(s, chain[i-1]):
			out = append(out, r.diedOfCall(s, chain[i-1]))
			i-- // the DOWN the sentence already names
			if i > 0 && w.Entry(chain[i-1]).Kind == sim.KindGenCall {
				i-- // and the call, when the server was dead already
			}
		case e.Kind == sim.KindExit:
			out = append(out, r.died(s)+r.rootOf(s))
		default:
			out = append(out, r.step(s)+r.rootOf(s))
		}
	}
	return out
}

// step says what trace entry s of a causal chain did: in the words of a
// supervisor's job when a supervisor did it, else as the trace says it.
func (r *replay) step(s sim.Seq) string {
	w := r.s.World()
	e := w.Entry(s)
	pr := scenarios.At(w, s)
	sup, other := quote(pr.Label(e.Pid)), quote(pr.Label(e.Other))
	if w.IsSupervisor(e.Pid) {
		switch e.Kind {
		case sim.KindSignal:
			if !e.Has(sim.FlagViaLink) {
				return sup + " (a supervisor, trapping exits) gets the exit signal " + quote(pr.Term(w.Term(e.Term))) + " from " + other
			}
			return sup + " (a supervisor, trapping exits) learns that " + other + " exited with " + quote(pr.Term(w.Term(e.Term)))
		case sim.KindExitSignal:
			return sup + " stops " + other + " with exit(" + pr.Label(e.Other) + ", " + pr.Term(w.Term(e.Term)) + ")"
		case sim.KindDown:
			return sup + " sees that " + other + " has stopped, and goes on"
		case sim.KindTimeout:
			return sup + " kills " + other + ": it outlived its shutdown time"
		case sim.KindHealthCheck:
			return sup + " finds " + other + " hung: it failed a health check (" + pr.Term(w.Term(e.Term)) + " in a row)"
		case sim.KindUnhealthy:
			return sup + " ends " + other + " with `unhealthy`: too many failed health checks in a row"
		}
	}
	return quote(scenarios.Who(w, s)) + " " + scenarios.Describe(w, s)
}

// rootOf names the command behind entry s when nothing inside the world
// caused it, as " (the exercise's fault `…`)"; "" for other entries.
func (r *replay) rootOf(s sim.Seq) string {
	if r.s.World().Entry(s).Cause != 0 {
		return ""
	}
	return r.lineOf(s, "")
}

// died is "`P` died with `R`" for exit entry s, saying why in words when
// P raised an error performing a command (": send to @db, and no process
// is registered as db"), and when a supervisor gave up because its
// restart intensity was reached.
func (r *replay) died(s sim.Seq) string {
	w := r.s.World()
	e := w.Entry(s)
	pr := scenarios.At(w, s)
	out := quote(pr.Label(e.Pid)) + " died with " + quote(pr.Term(w.Term(e.Term)))
	if n := w.Note(s); n != "" {
		out += ": " + n
	}
	if !w.IsSupervisor(e.Pid) {
		return out // only a supervisor gives up
	}
	for k := s - 1; k > r.marked; k-- {
		if g := w.Entry(k); g.Pid == e.Pid && g.Kind == sim.KindSupervisorShutdown {
			return out + " after reaching its restart intensity (too many restarts within its period)"
		}
	}
	return out
}

// diedOfSignal explains exit entry s caused by the exit signal entry sig.
func (r *replay) diedOfSignal(s, sig sim.Seq) string {
	w := r.s.World()
	e, g := w.Entry(s), w.Entry(sig)
	from := quote(scenarios.At(w, sig).Label(g.Other))
	if g.Has(sim.FlagViaLink) {
		link := r.linkEntry(e.Pid, g.Other, sig)
		if link != 0 { // the name as the link made it, not as a restart has left it
			from = quote(scenarios.At(w, link).Label(g.Other))
		}
		return r.died(s) + " because it is linked to " + from + r.lineOf(link, "the link was made by ")
	}
	if w.IsSupervisor(g.Other) && w.Parent(e.Pid) == g.Other {
		return r.died(s) + " because its supervisor " + from + " stopped it: exit(" + scenarios.At(w, sig).Label(e.Pid) + ", " +
			scenarios.At(w, sig).Term(w.Term(g.Term)) + ")"
	}
	return r.died(s) + " because " + from + " sent it an exit signal" + r.rootOf(g.Cause)
}

// sentBy reports whether entry call is the exit/2 call that sent the
// exit signal delivered by entry sig.
func (r *replay) sentBy(call, sig sim.Seq) bool {
	w := r.s.World()
	c, g := w.Entry(call), w.Entry(sig)
	return c.Kind == sim.KindExitSignal && c.Pid == g.Other && c.Other == g.Pid && !g.Has(sim.FlagViaLink)
}

// lineOf names the command behind trace entry s, as " (your line 3:
// `a: link b`)", with prefix inside the parentheses; "" when s is 0 or no
// command is known.
func (r *replay) lineOf(s sim.Seq, prefix string) string {
	if s == 0 {
		return ""
	}
	o, ok := r.originOf(s)
	if !ok {
		return ""
	}
	return " (" + prefix + o.String() + ")"
}

// linkEntry finds the entry, before entry before, that linked a and b: a
// link or a linked spawn between them; 0 if none is found.
func (r *replay) linkEntry(a, b sim.Pid, before sim.Seq) sim.Seq {
	w := r.s.World()
	for s := before - 1; s > 0; s-- {
		e := w.Entry(s)
		pair := e.Pid == a && e.Other == b || e.Pid == b && e.Other == a
		if pair && (e.Kind == sim.KindLink || e.Kind == sim.KindSpawn && e.Has(sim.FlagLinked)) {
			return s
		}
	}
	return 0
}

// explainSurvival says why p is alive: how the exit signals that reached
// it after the setup ended (the learner's own, such as an exit/2 it
// trapped, and the faults'), and that it still waits in a call, or that
// no signal reached it. A supervisor traps exits by design, so its
// survival is told by its restart limit instead.
func (r *replay) explainSurvival(p sim.Pid) []string {
	w := r.s.World()
	name := quote(scenarios.Now(w).Label(p))
	if v, ok := w.Supervisor(p); ok {
		return []string{sprintf("%s is alive: a supervisor traps exits, so an exit signal (but `kill`) becomes a message to it; it stops when its parent asks it to, or when it gives up past its restart intensity: more than %d restarts within %d s (intensity=%d period=%d)",
			name, v.Flags.Intensity, v.Flags.Period, v.Flags.Intensity, v.Flags.Period)}
	}
	var out []string
	for s := r.setupEnd + 1; int(s) <= w.TraceLen(); s++ {
		e := w.Entry(s)
		if e.Kind != sim.KindSignal || e.Pid != p {
			continue
		}
		pr := scenarios.At(w, s)
		from, reason := quote(pr.Label(e.Other)), quote(pr.Term(w.Term(e.Term)))
		switch {
		case e.Has(sim.FlagTrapped):
			out = append(out, sprintf("%s is alive: the exit signal %s from %s reached it, but it traps exits%s, so the signal became a message {'EXIT',%s,%s}",
				name, reason, from, r.lineOf(r.trapEntry(p, s), "trap_exit was set by "), pr.Pid(e.Other), pr.Term(w.Term(e.Term))))
		case e.Has(sim.FlagIgnored) && w.Term(e.Term).String() == "normal":
			out = append(out, sprintf("%s is alive: the exit signal from %s had reason `normal`, which a process that does not trap exits ignores", name, from))
		case e.Has(sim.FlagIgnored):
			out = append(out, sprintf("%s is alive: the exit signal %s from %s was ignored (they were no longer linked)", name, reason, from))
		}
	}
	if server, ok := w.Calling(p); ok {
		out = append(out, sprintf("%s is alive: it is still waiting in gen_server:call to %s, which has neither replied nor died, and its timeout has not run out",
			name, quote(scenarios.Now(w).Label(server))))
	} else if len(out) == 0 {
		out = append(out, name+" is alive: no exit signal reached it; "+r.linksOf(p)+r.downsOf(p))
	}
	return out
}

// downsOf says which deaths p learnt of by a monitor after the setup, for
// a survival: a DOWN message is why a watcher lives on; "" when none.
func (r *replay) downsOf(p sim.Pid) string {
	w := r.s.World()
	var names []string
	for s := r.setupEnd + 1; int(s) <= w.TraceLen(); s++ {
		if e := w.Entry(s); e.Kind == sim.KindDown && e.Pid == p && w.Exists(e.Other) {
			names = append(names, quote(scenarios.At(w, s).Label(e.Other)))
		}
	}
	if len(names) == 0 {
		return ""
	}
	return "; a monitor told it of the death of " + strings.Join(names, ", ") + " with a `DOWN` message, which kills no one"
}

// linksOf describes p's links, for a survival without signals.
func (r *replay) linksOf(p sim.Pid) string {
	w := r.s.World()
	links := w.Links(p)
	if len(links) == 0 {
		return "it is linked to no process"
	}
	names := make([]string, len(links))
	for i, l := range links {
		names[i] = quote(scenarios.Now(w).Label(l))
	}
	return "it is linked to " + strings.Join(names, ", ") + " and none of them died"
}

// trapEntry finds the entry, before entry before, that made p trap exits:
// its last trap_exit on, or else its spawn.
func (r *replay) trapEntry(p sim.Pid, before sim.Seq) sim.Seq {
	w := r.s.World()
	for s := before - 1; s > 0; s-- {
		e := w.Entry(s)
		if e.Pid == p && (e.Kind == sim.KindTrapExit && e.Has(sim.FlagOn) || e.Kind == sim.KindSpawn) {
			return s
		}
	}
	return 0
}

// maxDeathsExplained bounds the deaths explainRestarts explains: a
// restart storm may have thousands, and the first few say what the rest
// repeat.
const maxDeathsExplained = 5

// explainRestarts explains the deaths, since the setup (the learner's
// commands may kill too), of the incarnations of p's name (the first
// maxDeathsExplained of them, then how many more), or says there were
// none.
func (r *replay) explainRestarts(p sim.Pid) []string {
	w := r.s.World()
	name := w.Name(p)
	var out []string
	deaths := 0
	for s := r.setupEnd + 1; int(s) <= w.TraceLen() && name != ""; s++ {
		e := w.Entry(s)
		if e.Kind != sim.KindExit || w.Name(e.Pid) != name {
			continue
		}
		if deaths++; deaths <= maxDeathsExplained {
			out = append(out, r.explainDeath(e.Pid)...)
		}
	}
	switch {
	case deaths == 0:
		out = append(out, "no "+quote(scenarios.Now(w).Label(p))+" exited")
	case deaths > maxDeathsExplained:
		out = append(out, sprintf("and %d more deaths of %s", deaths-maxDeathsExplained, quote(name)))
	}
	if v, ok := w.Supervisor(w.Parent(p)); ok && w.Supervised(p) {
		out = append(out, sprintf("%s is %s (intensity=%d period=%d): %s", quote(scenarios.Now(w).Label(v.Pid)),
			v.Flags.Strategy, v.Flags.Intensity, v.Flags.Period, strategyRule[v.Flags.Strategy]))
	}
	return out
}

// strategyRule says which children a supervisor restarts when one exits
// (OTP's supervisor, otp-facts E21, E23, E24, E31).
var strategyRule = map[sim.Strategy]string{
	sim.OneForOne:       "it restarts only the child that ended",
	sim.OneForAll:       "to restart one child, it first stops all the others (last started first), then starts them all again",
	sim.RestForOne:      "to restart one child, it first stops the children started after it (last first), then starts them again with it",
	sim.SimpleOneForOne: "it restarts only the child that ended",
}
