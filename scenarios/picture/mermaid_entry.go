package picture

import (
	"strconv"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// Arrows of the diagram.
const (
	arrowExit    = "-x"   // an exit signal
	arrowDown    = "--)"  // a DOWN message
	arrowMessage = "->>"  // a message (a call is its $gen_call message)
	arrowReply   = "-->>" // a call's reply
)

// entry is the arrow or note trace entry s is drawn as; ok is false for
// the entries a diagram leaves out.
func (d *diagram) entry(w *sim.World, s sim.Seq) (step, bool) {
	e := w.Entry(s)
	pr := scenarios.At(w, s)
	self, other, term := lifeline(w, e.Pid), lifeline(w, e.Other), pr.Term(w.Term(e.Term))
	switch e.Kind {
	case sim.KindSignal:
		return step{from: other, to: self, arrow: arrowExit, text: "exit " + term + signalOutcome(e)}, true
	case sim.KindDown:
		return step{from: other, to: self, arrow: arrowDown, text: "DOWN " + term}, true
	case sim.KindMessage:
		return step{from: other, to: self, arrow: arrowMessage, text: dropped(e, "message "+term)}, true
	case sim.KindCallReturn:
		return step{from: other, to: self, arrow: arrowReply, text: dropped(e, "reply "+term)}, true
	case sim.KindExit:
		return step{from: self, text: "exits: " + term}, true
	case sim.KindSpawn:
		return d.respawn(e, self, other)
	}
	return supervisorNote(w, e, self, pr.Label(e.Other), term)
}

// respawn marks a new incarnation of a process the diagram already drew:
// restarted by its supervisor, or spawned again.
func (d *diagram) respawn(e sim.Entry, self, parent string) (step, bool) {
	if _, drawn := d.ids[self]; !drawn || self == e.Pid.String() {
		return step{}, false
	}
	return step{from: self, text: "back as " + e.Pid.String() + ", started by " + parent}, true
}

// supervisorNote is the note for a supervisor's report or a worker's state
// change; ok is false for the entries left out.
func supervisorNote(w *sim.World, e sim.Entry, self, other, term string) (step, bool) {
	text := ""
	switch e.Kind {
	case sim.KindRestart:
		text = "restarts " + term
	case sim.KindSupervisorShutdown:
		text = "reached_max_restart_intensity: gives up, shuts down"
	case sim.KindAutoShutdown:
		text = "significant child " + other + " ended: shuts down"
	case sim.KindTimeout:
		text = other + " outlived its shutdown time: kills it"
	case sim.KindStartError:
		text = "child " + scenarios.Now(w).Term(w.Term(e.Child)) + " failed to start: " + term
	case sim.KindChaos:
		text = "crashed by chaos"
	case sim.KindHang:
		text = "hangs"
	case sim.KindRecover:
		text = "answers again"
	case sim.KindCallTimeout:
		text = "call to " + other + " timed out"
	default:
		return step{}, false
	}
	return step{from: self, text: text}, true
}

// signalOutcome says what an exit signal did to its receiver.
func signalOutcome(e sim.Entry) string {
	via := ""
	if e.Has(sim.FlagViaLink) {
		via = " (link)"
	}
	switch {
	case e.Has(sim.FlagDropped):
		return via + ": the receiver is already dead"
	case e.Has(sim.FlagTrapped | sim.FlagOn):
		return via + ": trapped, a stop from its supervisor"
	case e.Has(sim.FlagTrapped):
		return via + ": trapped as an 'EXIT' message"
	case e.Has(sim.FlagIgnored):
		return via + ": ignored"
	}
	return via + ": it dies"
}

// dropped marks a delivery that found its receiver dead.
func dropped(e sim.Entry, text string) string {
	if e.Has(sim.FlagDropped) {
		return text + " (dropped: the receiver is dead)"
	}
	return text
}

func itoa(n int) string { return strconv.Itoa(n) }
