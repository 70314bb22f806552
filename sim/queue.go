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
// a plain FIFO, so a cascade of a million signals at one instant never pays
// for a heap; only events in the future go through the binary heap.
type queue struct {
	now    fifo    // due at the current instant, in seq order
	future []event // binary min-heap on (at, seq)
	seq    uint64
}

func (q *queue) len() int { return q.now.len() + len(q.future) }

// each calls f on every queued event, in no particular order.
func (q *queue) each(f func(*event)) {
	q.now.each(f)
	for i := range q.future {
		f(&q.future[i])
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
	q.future = append(q.future, e)
	q.up(len(q.future) - 1)
}

// popNow removes the next event of the current instant.
func (q *queue) popNow() (event, bool) { return q.now.pop() }

// nextFuture reports when the earliest future event is due.
func (q *queue) nextFuture() (Time, bool) {
	if len(q.future) == 0 {
		return 0, false
	}
	return q.future[0].at, true
}

// promote moves every future event due at t into the current-instant FIFO,
// keeping their seq order. It is called only when the FIFO is empty, so the
// promoted events, scheduled earlier, still run before anything they cause.
func (q *queue) promote(t Time) {
	for len(q.future) > 0 && q.future[0].at == t {
		q.now.push(q.popFuture())
	}
}

func (q *queue) popFuture() event {
	h := q.future
	top := h[0]
	last := len(h) - 1
	h[0] = h[last]
	q.future = h[:last]
	if last > 0 {
		q.down(0)
	}
	return top
}

func (q *queue) less(i, j int) bool {
	a, b := &q.future[i], &q.future[j]
	return a.at < b.at || a.at == b.at && a.seq < b.seq
}

func (q *queue) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !q.less(i, p) {
			return
		}
		q.future[i], q.future[p] = q.future[p], q.future[i]
		i = p
	}
}

func (q *queue) down(i int) {
	n := len(q.future)
	for {
		l := 2*i + 1
		if l >= n {
			return
		}
		m := l
		if r := l + 1; r < n && q.less(r, l) {
			m = r
		}
		if !q.less(m, i) {
			return
		}
		q.future[i], q.future[m] = q.future[m], q.future[i]
		i = m
	}
}

func (q *queue) clone() queue {
	c := *q
	c.now = q.now.clone()
	c.future = append([]event(nil), q.future...)
	return c
}
