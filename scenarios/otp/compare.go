package otp

import (
	"sort"
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// comparison holds both runs while points are made.
type comparison struct {
	t      *translation
	o      *otpRun
	points []Point
	step   int // the step whose points are being made
}

func compare(t *translation, o *otpRun) []Point {
	c := &comparison{t: t, o: o}
	for i := range t.steps {
		c.pointsOf(i)
	}
	c.step = len(t.steps)
	c.finals()
	return c.points
}

// pointsOf makes the points of command i: its expectation, or its result
// and the exits it caused.
func (c *comparison) pointsOf(i int) {
	c.step = i
	s := c.t.steps[i]
	if s.cmd.Expect != nil {
		c.expectation(i, s)
		return
	}
	c.result(i, s)
	c.exits(i, s)
}

func (c *comparison) add(p Point) {
	p.order = c.step
	c.points = append(c.points, p)
}

func (c *comparison) simMatcher(o *observation) matcher {
	return matcher{latest: o.latest, pidLit: func(n int64) term { return c.t.pidOf(sim.Pid(n)) }}
}

// expectation judges the expectation on both worlds. It agrees when it
// holds in both; it fails on both when it does not hold in the simulator
// and OTP showed the same (up to what OTP leaves open, see sameObservation);
// otherwise the worlds differ.
func (c *comparison) expectation(i int, s *step) {
	e := s.cmd.Expect
	simOK, simGot := judge(e, s.obs, c.simMatcher(s.obs))
	p := Point{Pos: s.cmd.Pos, What: cmdText(s.cmd), Sim: simGot}
	oo, ok := c.o.obs[i]
	if !ok {
		p.OTP, p.Verdict = "no observation (the driver stopped before this line)", Differ
		c.add(p)
		return
	}
	otpOK, otpGot := judge(e, oo, c.simMatcher(oo))
	p.OTP = otpGot
	same, openNote := c.sameObservation(e, s.obs, oo)
	switch {
	case simOK && otpOK:
		p.Verdict = Agree
	case same && simOK:
		p.Verdict, p.Note = Agree, "OTP showed "+otpGot+", another order it leaves open"
	case same:
		p.Verdict = FailBoth
	case simOK:
		p.Verdict, p.Note = Differ, "the expectation holds in the simulator but not on OTP"
	case otpOK:
		p.Verdict, p.Note = Differ, "the expectation holds on OTP but not in the simulator"
	default:
		p.Verdict, p.Note = Differ, "the expectation holds on neither, and they differ"
	}
	if s.res.Check != nil && s.res.Check.Pass != simOK {
		p.Verdict, p.Note = Differ, "verify reads the simulator differently from crashcourse run: please report"
	}
	if openNote != "" {
		p.Note = joinNotes(p.Note, openNote)
	}
	c.add(p)
}

// causes reports whether trace entry a is an ancestor of b.
func (t *translation) causes(a, b sim.Seq) bool {
	w := t.world()
	for s := b; s > a; {
		s = w.Entry(s).Cause
		if s == a {
			return true
		}
	}
	return false
}

// result compares how a command ended: it failed, was refused, or replied
// (supervisor calls). Matching successes make no point, except replies.
func (c *comparison) result(i int, s *step) {
	r, ok := c.o.results[i]
	if !ok {
		if s.erl != "noop" {
			c.add(Point{Pos: s.cmd.Pos, What: "result of `" + cmdText(s.cmd) + "`", Verdict: Differ, Sim: describeErr(s.err), OTP: "not run"})
		}
		return
	}
	oe := otpErr(r)
	what := "result of `" + cmdText(s.cmd) + "`"
	switch {
	case s.err.failed && s.err.reason == nil && oe.reason != nil:
		// The language refuses a command OTP would run and fail.
		c.add(c.unexpectedFailure(i, s, Point{Pos: s.cmd.Pos, What: what, Sim: "refused", OTP: describeErr(oe),
			Note: "the simulator refuses what OTP runs and fails with " + oe.reason.String()}))
		return
	case !sameErr(s.err, oe):
		c.add(Point{Pos: s.cmd.Pos, What: what, Verdict: Differ, Sim: describeErr(s.err), OTP: describeErr(oe)})
		return
	case s.err.failed:
		if p := c.unexpectedFailure(i, s, Point{Pos: s.cmd.Pos, What: what, Sim: describeErr(s.err), OTP: describeErr(oe)}); p.Verdict == FailBoth {
			c.add(p)
			return
		}
	}
	if s.cmd.Dyn == nil || s.cmd.Verb == "stop" || s.cmd.Verb == "shutdown" || s.err.failed && tag(r) != "reply_error" {
		return
	}
	simReply, ok1 := c.simReply(s)
	otpReply, ok2 := otpReplyOf(r)
	if !ok1 || !ok2 {
		return
	}
	simReply, otpReply = childRecords(simReply), childRecords(otpReply)
	p := Point{Pos: s.cmd.Pos, What: "reply to `" + cmdText(s.cmd) + "`", Sim: simReply.String(), OTP: otpReply.String()}
	p.Verdict = agreeIf(equal(simReply, otpReply))
	c.add(p)
}

// unexpectedFailure makes p, a command that failed alike in both worlds,
// a failure on both unless `expect error` follows it or its failure is an
// outcome (a supervisor whose start fails), as crashcourse run counts it.
func (c *comparison) unexpectedFailure(i int, s *step, p Point) Point {
	next := i + 1
	expected := next < len(c.t.steps) && c.t.steps[next].cmd.Expect != nil && c.t.steps[next].cmd.Expect.Kind == "error"
	if !expected && !s.res.Outcome {
		p.Verdict = FailBoth
		p.Note = joinNotes(p.Note, "a command that fails needs `expect error` after it")
	}
	return p
}

func describeErr(e errInfo) string {
	switch {
	case !e.failed:
		return "succeeded"
	case e.reason == nil:
		return "refused"
	}
	return "failed with " + e.reason.String()
}

// simReply is the supervisor's reply the simulator printed.
func (c *comparison) simReply(s *step) (term, bool) {
	if len(s.res.Lines) == 0 {
		return term{}, false
	}
	raw, err := parseTerm(s.res.Lines[0])
	if err != nil {
		return term{}, false
	}
	return c.t.simMap(raw), true
}

// simMap names the raw pids and refs of a term the simulator printed.
func (t *translation) simMap(raw term) term {
	pids := map[string]term{"<shell>": pidTerm(shellName, 0)}
	for p, id := range t.ids {
		pids[p.String()] = id
	}
	refs := map[string]int64{}
	var collect func(term)
	collect = func(x term) {
		if x.k == kRawRef {
			k, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimPrefix(x.s, "#Ref<"), ">"), 10, 64)
			refs[x.s] = k
		}
		for _, e := range x.elems {
			collect(e)
		}
	}
	collect(raw)
	return mapTerm(raw, pids, refs)
}

func otpReplyOf(r term) (term, bool) {
	switch tag(r) {
	case "reply", "reply_error":
		return r.elems[1], true
	}
	return term{}, false
}

// childRecords hides what differs by construction in the #child{} record
// OTP leaks into start_child errors: the start function (the simulator
// names a module after the child, verify runs cc_worker) and the shutdown
// time (scaled to real time).
func childRecords(t term) term {
	if t.k != kTuple && t.k != kList {
		return t
	}
	out := term{k: t.k, elems: make([]term, len(t.elems))}
	for i, e := range t.elems {
		out.elems[i] = childRecords(e)
	}
	if t.k == kTuple && len(t.elems) == 9 && t.elems[0].k == kAtom && t.elems[0].s == "child" {
		out.elems[3] = atom("$start")
		out.elems[6] = atom("$shutdown")
	}
	return out
}

// exits compares the exits a command caused: the same processes with the
// same reasons, and in the same order wherever the simulator's order is
// causal (a supervisor waiting for each child, a chain of links). Exits
// with no causal order between them are compared as a set.
func (c *comparison) exits(i int, s *step) {
	start, ok := c.o.starts[i]
	if !ok {
		return
	}
	end := c.nextStart(i)
	var otp []otpExit
	var only []string
	for _, e := range c.o.exits {
		if e.key > start && (end == 0 || e.key < end) {
			if e.pid.k == kPid && c.t.incs[e.pid.s] < int(e.pid.n) && !c.knownLater(e.pid) {
				only = append(only, exitText(e.pid, e.reason))
				continue
			}
			otp = append(otp, e)
		}
	}
	if len(otp) == 0 && len(s.exits) == 0 {
		return
	}
	sort.Slice(otp, func(a, b int) bool { return otp[a].key < otp[b].key })
	p := Point{Pos: s.cmd.Pos, What: "exits caused by `" + cmdText(s.cmd) + "`"}
	p.Sim = describeExits(s.exits)
	parts := make([]string, len(otp))
	for k, e := range otp {
		parts[k] = exitText(e.pid, e.reason)
	}
	p.OTP = strings.Join(parts, ", ")
	if p.OTP == "" {
		p.OTP = "none"
	}
	same, note := c.sameExits(s.exits, otp)
	p.Verdict, p.Note = agreeIf(same), note
	if len(only) > 0 {
		p.Note = joinNotes(p.Note, "not compared, only OTP spawned them: "+strings.Join(only, ", "))
	}
	c.add(p)
}

// knownLater reports whether the simulator ever had this incarnation.
func (c *comparison) knownLater(p term) bool { return c.t.incs[p.s] >= int(p.n) }

func (c *comparison) nextStart(i int) int64 {
	for j := i + 1; j < len(c.t.steps); j++ {
		if k, ok := c.o.starts[j]; ok {
			return k
		}
	}
	return 0
}

func describeExits(es []simExit) string {
	if len(es) == 0 {
		return "none"
	}
	parts := make([]string, len(es))
	for k, e := range es {
		parts[k] = exitText(e.pid, e.reason)
	}
	return strings.Join(parts, ", ")
}

func exitText(p, reason term) string {
	name := strings.TrimSuffix(strings.TrimPrefix(p.String(), "<"), ">")
	return name + " " + reason.String()
}

// sameExits matches the simulator's exits with OTP's by process identity.
func (c *comparison) sameExits(sims []simExit, otp []otpExit) (bool, string) {
	if len(sims) != len(otp) {
		return false, ""
	}
	pos := map[string]int{} // process → index in OTP order
	for k, e := range otp {
		pos[e.pid.String()] = k
	}
	var open, notes []string
	for _, e := range sims {
		k, ok := pos[e.pid.String()]
		if !ok {
			return false, ""
		}
		same, note := c.t.sameReason(e.pid, e.reason, otp[k].reason)
		if !same {
			return false, ""
		}
		if note != "" {
			notes = append(notes, exitName(e)+": "+note)
		}
	}
	for a := 0; a < len(sims); a++ {
		var with []string
		for b := a + 1; b < len(sims); b++ {
			before := pos[sims[a].pid.String()] < pos[sims[b].pid.String()]
			causal := c.t.causes(sims[a].seq, sims[b].seq)
			switch {
			case causal && !before:
				return false, "in the simulator " + exitName(sims[a]) + " exits before " + exitName(sims[b]) + " and causes it; OTP shows the other order"
			case !causal:
				with = append(with, exitName(sims[b]))
			}
		}
		if len(with) > 0 {
			open = append(open, exitName(sims[a])+" with "+strings.Join(with, ", "))
		}
	}
	if len(open) > 0 {
		notes = append(notes, "OTP leaves the order open for "+strings.Join(open, "; ")+": compared as a set, causal orders as sequences")
	}
	return true, strings.Join(notes, "; ")
}

func exitName(e simExit) string {
	return strings.TrimSuffix(strings.TrimPrefix(e.pid.String(), "<"), ">")
}

// finals compares the outcome of every process name and registered name.
func (c *comparison) finals() {
	w := c.t.world()
	end := scenarios.Pos{File: c.t.file}
	for _, name := range c.t.names {
		p, _ := w.Lookup(name)
		k := c.t.incs[name]
		f, ok := c.o.finals[name]
		life := Point{Pos: end, What: "outcome of " + name}
		life.Sim = lifeText(w, c.t, p, k)
		if !ok {
			life.OTP, life.Verdict = "never started", Differ
			c.add(life)
			continue
		}
		life.OTP = otpLifeText(f, c.o.incs[name])
		same, note := c.sameLife(w, p, k, f, c.o.incs[name])
		life.Verdict, life.Note = agreeIf(life.Sim == life.OTP || same), note
		c.add(life)
		if !w.IsSupervisor(p) {
			c.mailbox(end, name, p, f)
		}
		if n, sup := w.Restarts(p); sup || f.supervised {
			rp := Point{Pos: end, What: "restarts of " + name, Sim: restartText(n, sup), OTP: restartText(f.restarts, f.supervised)}
			rp.Verdict = agreeIf(rp.Sim == rp.OTP)
			c.add(rp)
		}
	}
	for _, reg := range c.t.regNames {
		rp := Point{Pos: end, What: "registry @" + reg, Sim: "free", OTP: "free"}
		if h, ok := w.Whereis(reg); ok {
			rp.Sim = c.t.pidOf(h).String()
		}
		if h := c.o.reg[reg]; h != nil {
			rp.OTP = h.String()
		}
		rp.Verdict = agreeIf(rp.Sim == rp.OTP)
		c.add(rp)
	}
	var extra []string
	for name := range c.o.finals {
		if c.t.incs[name] == 0 {
			extra = append(extra, name)
		}
	}
	sort.Strings(extra)
	for _, name := range extra {
		f := c.o.finals[name]
		c.add(Point{Pos: end, What: "outcome of " + name, Sim: "never spawned",
			Note: "only OTP spawned it (" + otpLifeText(f, c.o.incs[name]) + "): a process whose start OTP rejects before it runs, which the simulator does not create"})
	}
}

func lifeText(w *sim.World, t *translation, p sim.Pid, k int) string {
	if r, dead := w.ExitReason(p); dead {
		return "dead " + t.fromSim(r).String() + incText(k)
	}
	return "alive" + incText(k)
}

func otpLifeText(f otpFinal, k int) string {
	if !f.alive {
		return "dead " + f.reason.String() + incText(k)
	}
	return "alive" + incText(k)
}

func incText(k int) string {
	if k <= 1 {
		return ""
	}
	return " (incarnation " + strconv.Itoa(k) + ")"
}

// sameLife compares a process's latest incarnation in both worlds: the
// same number of incarnations, alive in both or dead with the same reason
// (or one OTP leaves open; note says so).
func (c *comparison) sameLife(w *sim.World, p sim.Pid, k int, f otpFinal, ok int) (bool, string) {
	if k != ok {
		return false, ""
	}
	r, dead := w.ExitReason(p)
	if dead != !f.alive {
		return false, ""
	}
	if !dead {
		return true, ""
	}
	return c.t.sameReason(c.t.pidOf(p), c.t.fromSim(r), f.reason)
}

func restartText(n int, supervised bool) string {
	if !supervised {
		return "not supervised"
	}
	return strconv.Itoa(n)
}

// mailbox compares a process's final mailbox. Messages from one sender
// keep their order (X1); across senders the order may differ when they
// arrived during the same command, so a mailbox with the same messages in
// another order agrees with a note.
func (c *comparison) mailbox(end scenarios.Pos, name string, p sim.Pid, f otpFinal) {
	w := c.t.world()
	var sims []term
	for _, m := range w.Mailbox(p) {
		sims = append(sims, c.t.fromSim(w.MessageTerm(m)))
	}
	mp := Point{Pos: end, What: "mailbox of " + name, Sim: "[" + joinTerms(sims) + "]", OTP: "[" + joinTerms(f.msgs) + "]"}
	switch {
	case sameSeq(sims, f.msgs):
	case sameBySender(sims, f.msgs):
		mp.Note = "the same messages, in another order only where OTP leaves it open: compared per sender"
	default:
		mp.Verdict = Differ
	}
	c.add(mp)
}

func sameSeq(a, b []term) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !equal(a[i], b[i]) {
			return false
		}
	}
	return true
}

// cmdText is a command as written, its first line only.
func cmdText(c *scenarios.Command) string {
	if first, _, more := strings.Cut(c.Text, "\n"); more {
		return strings.TrimSpace(first) + " …"
	}
	return c.Text
}
