package sim

// evKind is what a queued event does when it runs.
type evKind uint8

const (
	evSignal     evKind = iota + 1 // an exit signal reaches `to`
	evMessage                      // a message reaches `to`
	evDown                         // a DOWN for monitor `aux` reaches `to`
	evTimer                        // timer `aux` expires
	evChaos                        // the chaos monkey picks a victim
	evSupTimer                     // a supervisor's shutdown time for a child ran out
	evSupDelay                     // a backoff delay before a restart is over
	evInitDone                     // a worker's slow init/1 returns
	evWorkerExit                   // a worker's terminate/2 is done
	evHealth                       // a health check ticks, or times out
	evSupRetry                     // a supervisor takes its next message after casting itself a retry
	evCallTimer                    // the timeout of call `aux` runs out
	evServed                       // worker `to` returns from handle_call/3 for call `aux`
	evReply                        // the reply to call `aux` reaches its caller
)

// event is one pending effect. It holds no pointers, so a queue of millions
// costs the garbage collector nothing to scan.
type event struct {
	at    Time
	seq   uint64 // scheduling order: ties at one instant run first-in first-out
	to    Pid
	from  Pid
	term  TermID
	aux   uint32
	cause Seq
	kind  evKind
	flags uint8
}

// queue orders events by (time, seq). Events for the current instant wait in
// a FIFO, so a cascade of a million signals at one instant never pays for a
// heap; only events in the future go through the heap. The heap holds
// 16-byte keys and the events wait in a slab, so sifting stays in cache.
type queue struct {
	now  fifo
	keys []heapKey // 4-ary min-heap
	slab []event   // future events, by slot
	free []uint32  // free slots of slab
	seq  uint64
}

// heapKey orders a future event: by time, then by seq, which fills the high
// bits of seqSlot above the event's slot.
type heapKey struct {
	at      Time
	seqSlot uint64
}

const slotBits = 26

func (k heapKey) slot() uint32 { return uint32(k.seqSlot & (1<<slotBits - 1)) }

// each calls f on every queued event, in no particular order.
func (q *queue) each(f func(*event)) {
	q.now.each(f)
	for _, k := range q.keys {
		f(&q.slab[k.slot()])
	}
}

func (q *queue) pushNow(e event) {
	q.seq++
	e.seq = q.seq
	q.now.push(e)
}

func (q *queue) pushFuture(e event) {
	q.seq++
	e.seq = q.seq
	var slot uint32
	if n := len(q.free); n > 0 {
		slot = q.free[n-1]
		q.free = q.free[:n-1]
		q.slab[slot] = e
	} else {
		slot = uint32(len(q.slab))
		q.slab = append(q.slab, e)
	}
	k := heapKey{at: e.at, seqSlot: e.seq<<slotBits | uint64(slot)}
	q.keys = append(q.keys, k)
	q.up(len(q.keys)-1, k)
}

// popNow removes the next event of the current instant.
func (q *queue) popNow() (event, bool) { return q.now.pop() }

// peekFuture returns the earliest future event, or nil.
func (q *queue) peekFuture() *event {
	if len(q.keys) == 0 {
		return nil
	}
	return &q.slab[q.keys[0].slot()]
}

// promote moves every future event due at t into the current-instant FIFO,
// keeping their seq order. It is called only when the FIFO is empty, so the
// promoted events, scheduled earlier, still run before anything they cause.
func (q *queue) promote(t Time) {
	for len(q.keys) > 0 && q.keys[0].at == t {
		q.now.push(q.popFuture())
	}
}

func (q *queue) popFuture() event {
	slot := q.keys[0].slot()
	last := len(q.keys) - 1
	k := q.keys[last]
	q.keys = q.keys[:last]
	if last > 0 {
		q.up(q.sinkHole(), k)
	}
	q.free = append(q.free, slot)
	return q.slab[slot]
}

// sinkHole moves the hole left at the root down to a leaf, pulling the
// smallest child up at each level, and returns where the hole ends. The
// key that must fill it then usually stays there: it came from the bottom.
func (q *queue) sinkHole() int {
	h := q.keys
	n := len(h)
	i := 0
	for {
		c := 4*i + 1
		if c >= n {
			return i
		}
		m := c
		for j := c + 1; j < min(c+4, n); j++ {
			if h[j].before(h[m]) {
				m = j
			}
		}
		h[i] = h[m]
		i = m
	}
}

func (a heapKey) before(b heapKey) bool {
	return a.at < b.at || a.at == b.at && a.seqSlot < b.seqSlot
}

// up places k at i, or above it while it comes before its parent.
func (q *queue) up(i int, k heapKey) {
	h := q.keys
	for i > 0 {
		p := (i - 1) / 4
		if !k.before(h[p]) {
			break
		}
		h[i] = h[p]
		i = p
	}
	h[i] = k
}

func (q *queue) clone() queue {
	c := *q
	c.now = q.now.clone()
	c.keys = append([]heapKey(nil), q.keys...)
	c.slab = append([]event(nil), q.slab...)
	c.free = append([]uint32(nil), q.free...)
	return c
}

// nextFuture reports when the earliest future event is due.
func (q *queue) nextFuture() (Time, bool) {
	if len(q.keys) == 0 {
		return 0, false
	}
	return q.keys[0].at, true
}
