package scenarios

import (
	"io"

	"github.com/crashcourse/crashcourse/sim"
)

// jsonEntry is one line of the JSON Lines trace. Field order is fixed, so
// the same trace always encodes to the same bytes.
type jsonEntry struct {
	Seq        sim.Seq  `json:"seq"`
	T          sim.Time `json:"t"`
	Ev         string   `json:"ev"`
	Pid        string   `json:"pid"`
	Name       string   `json:"name,omitempty"`
	From       string   `json:"from,omitempty"`
	To         string   `json:"to,omitempty"`
	Reason     string   `json:"reason,omitempty"`
	Msg        string   `json:"msg,omitempty"`
	Ref        string   `json:"ref,omitempty"`
	Registered string   `json:"registered,omitempty"`
	Via        string   `json:"via,omitempty"`
	Effect     string   `json:"effect,omitempty"`
	Result     string   `json:"result,omitempty"`
	Cause      sim.Seq  `json:"cause,omitempty"`
}

// WriteJSONL writes trace entries from..to (inclusive) as JSON Lines.
func WriteJSONL(out io.Writer, w *sim.World, from, to sim.Seq) error {
	t := newTraceStream(out)
	t.next = from
	t.writeTo(w, to)
	return t.err
}

func toJSON(w *sim.World, s sim.Seq) jsonEntry {
	e := w.Entry(s)
	j := jsonEntry{Seq: s, T: e.At, Ev: e.Kind.String(), Pid: e.Pid.String(), Name: w.Name(e.Pid), Cause: e.Cause}
	if e.Ref != 0 {
		j.Ref = e.Ref.String()
	}
	term := w.Term(e.Term).String()
	switch e.Kind {
	case sim.KindSpawn:
		j.From = e.Other.String()
		if e.Has(sim.FlagLinked) {
			j.Via = "spawn_link"
		} else if e.Has(sim.FlagMonitored) {
			j.Via = "spawn_monitor"
		}
	case sim.KindLink, sim.KindUnlink, sim.KindMonitor, sim.KindDemonitor:
		j.To = peer(e)
		if e.Kind == sim.KindMonitor && e.Has(sim.FlagOn) {
			j.Registered = term
		}
	case sim.KindExitSignal:
		j.To, j.Reason = e.Other.String(), term
	case sim.KindSignal:
		j.From, j.To, j.Reason = e.Other.String(), e.Pid.String(), term
		j.Via, j.Effect = signalVia(e), signalEffect(e)
	case sim.KindSend, sim.KindSendAfter:
		j.From, j.To, j.Msg = e.Pid.String(), peer(e), term
	case sim.KindMessage, sim.KindTimer:
		j.From, j.To, j.Msg = e.Other.String(), e.Pid.String(), term
		if e.Has(sim.FlagDropped) {
			j.Effect = "dropped"
		}
	case sim.KindDown:
		j.From, j.To, j.Reason = e.Other.String(), e.Pid.String(), term
	case sim.KindExit:
		j.Reason = term
	case sim.KindRegister, sim.KindUnregister:
		j.Registered, j.From = term, e.Other.String()
	case sim.KindCancelTimer:
		j.Result = term
	case sim.KindTrapExit:
		j.Result = onOff(e.Has(sim.FlagOn))
	case sim.KindReceive:
		j.Msg = term
	default:
		jsonCall(e, term, &j)
	}
	return j
}

func peer(e sim.Entry) string {
	if e.Other == 0 {
		return ""
	}
	return e.Other.String()
}

func signalVia(e sim.Entry) string {
	if e.Has(sim.FlagViaLink) {
		return "link"
	}
	return "exit"
}

func signalEffect(e sim.Entry) string {
	switch {
	case e.Has(sim.FlagTrapped):
		return "trapped"
	case e.Has(sim.FlagIgnored):
		return "ignored"
	}
	return "fatal"
}
