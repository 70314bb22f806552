package sim

// chaos is the fault injector's state. Ticks come at uniformly random
// intervals averaging 1/rate; each crashes one live process chosen
// uniformly among those that run user code: supervisors are never picked.
type chaos struct {
	gen   uint32 // bumped by every SetChaos; older ticks are stale
	mean  Time   // mean interval between crashes; 0 when off
	until Time   // no ticks after this instant
}

// ChaosReason is the error a chaos victim raises: it exits {chaos, Stack}.
const ChaosReason Atom = "chaos"

// SetChaos makes random processes crash at rate crashes per virtual second
// on average (at least one per MaxTime), for the span d (forever when
// d ≤ 0). Rate 0 stops it. What
// is crashed, and when, depends only on the seed and the world's history.
func (w *World) SetChaos(rate float64, d Time) {
	w.chaos.gen++
	w.chaos.mean = 0
	if !(rate > 0) { // NaN too
		w.victims = victims{}
		return
	}
	if !w.victims.on() {
		w.victims.build(w)
	}
	w.chaos.mean = Time(max(min(float64(Second)/rate, float64(MaxTime)), 1))
	w.chaos.until = MaxTime
	if d > 0 {
		w.chaos.until = w.after(d)
	}
	w.scheduleChaos(w.cause)
}

func (w *World) scheduleChaos(cause Seq) {
	at := w.now + 1 + Time(w.rng.intn(uint64(2*w.chaos.mean)))
	if at > w.chaos.until {
		w.chaos.mean = 0
		w.victims = victims{}
		return
	}
	w.schedule(event{at: at, kind: evChaos, aux: w.chaos.gen, cause: cause})
}

func (w *World) chaosTick(e event) {
	victim, ok := w.chaosVictim()
	if ok {
		s := w.record(Entry{Kind: KindChaos, Pid: victim, Cause: e.cause})
		w.die(victim, w.intern(ErrorReason(ChaosReason)), s)
	}
	w.scheduleChaos(e.cause)
}

// chaosVictim picks a live process that is not a supervisor, uniformly at
// random: the k-th of them in pid order, k drawn from the PRNG.
func (w *World) chaosVictim() (Pid, bool) {
	if !w.victims.on() {
		w.victims.build(w)
	}
	n := w.victims.count()
	if n == 0 {
		return 0, false
	}
	return FirstPid + Pid(w.victims.nth(int(w.rng.intn(uint64(n))))), true
}
