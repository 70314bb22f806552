package otp

// streamer makes the points of a run while the driver's output arrives,
// each as soon as everything it compares is known, and hands them on in
// the order of the scenario.
type streamer struct {
	c    *comparison
	r    *otpReader
	next int // the next command to compare
	sent int // points already handed on
	emit func(Point)
}

func newStreamer(t *translation, r *otpReader, emit func(Point)) *streamer {
	return &streamer{c: &comparison{t: t, o: r.o}, r: r, emit: emit}
}

// ready reports whether the points of command i are known: an expectation
// once the driver observed it; another command once a later command has
// started, since its exits are those before that start (the driver writes
// every exit before then first).
func (s *streamer) ready(i int) bool {
	if s.c.t.steps[i].cmd.Expect != nil {
		_, ok := s.r.o.obs[i]
		return ok
	}
	return s.r.last > i
}

// advance compares every command whose points are known.
func (s *streamer) advance() {
	for s.next < len(s.c.t.steps) && s.ready(s.next) {
		s.c.pointsOf(s.next)
		s.next++
	}
	s.flush()
}

// finish compares what is left, once the run is over, and the final
// outcomes.
func (s *streamer) finish() {
	for ; s.next < len(s.c.t.steps); s.next++ {
		s.c.pointsOf(s.next)
	}
	s.c.step = len(s.c.t.steps)
	s.c.finals()
	s.flush()
}

func (s *streamer) flush() {
	for ; s.sent < len(s.c.points); s.sent++ {
		s.emit(s.c.points[s.sent])
	}
}
