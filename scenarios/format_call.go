package scenarios

import (
	"strings"

	"github.com/crashcourse/crashcourse/sim"
)

// describeCall says what a step of a gen_server call means; ok is false
// for other entries.
func describeCall(e sim.Entry, other, term string) (string, bool) {
	switch e.Kind {
	case sim.KindGenCall:
		return "calls " + callText(term) + callWait(e), true
	case sim.KindServe:
		return "handles the call " + term + " from " + other, true
	case sim.KindCallReturn:
		if e.Has(sim.FlagDropped) {
			return "reply " + term + " from " + other + " is dropped: the call is over", true
		}
		return "gets the reply " + term + " from " + other + ": the call returns", true
	case sim.KindCallTimeout:
		return "times out in " + callText(term), true
	}
	return "", false
}

// callWait says how a call goes on: it waits, unless it fails at once.
func callWait(e sim.Entry) string {
	switch e.Other {
	case 0:
		return ": no process has that name"
	case e.Pid:
		return ": calling itself"
	}
	return " and waits"
}

// callText writes {gen_server,call,[P,Req|T]}, as printed, as
// gen_server:call(P,Req|T).
func callText(mfa string) string {
	if args, ok := strings.CutPrefix(mfa, "{gen_server,call,["); ok {
		if args, ok := strings.CutSuffix(args, "]}"); ok {
			return "gen_server:call(" + args + ")"
		}
	}
	return mfa
}

// jsonCall fills the JSON fields of a gen_server call's entries: the peer
// in from or to, the request, reply or {gen_server,call,Args} in msg.
func jsonCall(e sim.Entry, term string, j *jsonEntry) {
	switch e.Kind {
	case sim.KindGenCall, sim.KindCallTimeout:
		j.To, j.Msg = peer(e), term
	case sim.KindServe:
		j.From, j.To, j.Msg = e.Other.String(), e.Pid.String(), term
	case sim.KindReply:
		j.From, j.To, j.Msg = e.Pid.String(), e.Other.String(), term
	case sim.KindCallReturn:
		j.From, j.To, j.Msg = e.Other.String(), e.Pid.String(), term
		if e.Has(sim.FlagDropped) {
			j.Effect = "dropped"
		}
	}
}
