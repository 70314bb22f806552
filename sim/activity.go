package sim

// Activity is what a live process is doing, as views show it.
type Activity uint8

// Activities. A process that is none of the others is ActRunning: idle or
// ready, it reacts to signals and performs commands.
const (
	ActRunning     Activity = iota
	ActInit                 // a worker inside a slow init/1 (init_time=)
	ActTerminating          // a worker inside terminate/2 (terminate=)
	ActHung                 // stopped answering (hang): its code runs nothing until recover
	ActServing              // a worker inside handle_call/3 (call_time=)
	ActCalling              // waiting in a gen_server:call of its own
)

var activityNames = [...]string{
	ActRunning: "running", ActInit: "in init", ActTerminating: "terminating", ActHung: "hung",
	ActServing: "serving a call", ActCalling: "in a call",
}

func (a Activity) String() string {
	if int(a) < len(activityNames) {
		return activityNames[a]
	}
	return "unknown"
}

// Activity says what p, which must be alive, is doing. Hung wins over the
// callback a worker hung in: nothing it would do happens while it hangs.
func (w *World) Activity(p Pid) Activity {
	pr := w.proc(p)
	if pr.flags&flagHung != 0 {
		return ActHung
	}
	if wk := w.workerOf(pr); wk != nil {
		switch {
		case wk.initing:
			return ActInit
		case wk.terminating:
			return ActTerminating
		case wk.serving != 0:
			return ActServing
		}
	}
	if w.inCall(pr) {
		return ActCalling
	}
	return ActRunning
}
