package sim

// Erlang orders signals only between one sender and one receiver (fact
// X1): deliveries pending at one instant from different senders, or to
// different receivers, may arrive in any order. The kernel runs them in
// the order they were sent (a FIFO per instant). A World with
// Options.Interleave set picks another of the allowed orders instead:
//
//   - only deliveries (exit signals, messages, DOWNs, call replies) move,
//     and only ahead of other deliveries: a process's own work (an init,
//     terminate or handle_call returning, a supervisor's timer) keeps its
//     place;
//   - a delivery never overtakes an earlier one from the same sender to
//     the same receiver;
//   - Interleave 1 takes the latest eligible delivery (most concurrent
//     orders reversed), other values choose with a PRNG seeded by the
//     value, so each value gives one fixed, repeatable order.
//
// The choice looks at most interleaveWindow deliveries ahead.
const interleaveWindow = 64

// popNow removes the next event of the current instant: the first, or
// with Options.Interleave one the interleaving rules allow.
func (w *World) popNow() (event, bool) {
	if w.interleave == 0 {
		return w.q.popNow()
	}
	eligible := w.q.now.eligible(interleaveWindow)
	if len(eligible) <= 1 {
		return w.q.popNow()
	}
	k := len(eligible) - 1
	if w.interleave > 1 {
		k = int(w.irng.intn(uint64(len(eligible))))
	}
	return w.q.now.removeAt(eligible[k]), true
}

func isDelivery(k evKind) bool {
	return k == evSignal || k == evMessage || k == evDown || k == evReply
}

// eligible lists the positions (from the head, within the first block) of
// the events that may run next under the interleaving rules.
func (f *fifo) eligible(window int) []int {
	if f.n == 0 {
		return nil
	}
	b := f.blocks[0][f.head:]
	out := []int{0}
	if !isDelivery(b[0].kind) {
		return out
	}
	for i := 1; i < len(b) && i < window && isDelivery(b[i].kind); i++ {
		if !sentBefore(b[:i], b[i]) {
			out = append(out, i)
		}
	}
	return out
}

// sentBefore reports whether one of earlier goes from e's sender to e's
// receiver.
func sentBefore(earlier []event, e event) bool {
	for _, x := range earlier {
		if x.from == e.from && x.to == e.to {
			return true
		}
	}
	return false
}

// removeAt removes and returns the event at position i from the head, in
// the first block.
func (f *fifo) removeAt(i int) event {
	if i == 0 {
		e, _ := f.pop()
		return e
	}
	b := f.blocks[0]
	at := f.head + i
	e := b[at]
	f.blocks[0] = append(b[:at], b[at+1:]...)
	f.n--
	return e
}
