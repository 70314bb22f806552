package otp

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
)

func TestPointLinesKeepTheThreeVerdictsApart(t *testing.T) {
	pos := scenarios.Pos{File: "f.scn", Line: 4}
	for _, tc := range []struct {
		p    Point
		want string
	}{
		{Point{Pos: pos, What: "expect alive a", Sim: "alive", OTP: "alive"}, "AGREE  f.scn:4 expect alive a: alive"},
		{Point{Pos: pos, What: "expect alive a", Verdict: Differ, Sim: "alive", OTP: "dead with reason boom", Note: "why"},
			"DIFFER f.scn:4 expect alive a: sim=alive otp=dead with reason boom (why)"},
		{Point{Pos: pos, What: "expect alive a", Verdict: FailBoth, Sim: "dead with reason boom", OTP: "dead with reason boom"},
			"FAIL   f.scn:4 expect alive a on both: dead with reason boom"},
		{Point{Pos: pos, What: "expect exit_order a b", Verdict: FailBoth, Sim: "exit order b, a", OTP: "exit order a, b"},
			"FAIL   f.scn:4 expect exit_order a b on both: sim=exit order b, a otp=exit order a, b"},
		{Point{Pos: scenarios.Pos{File: "f.scn"}, What: "outcome of a", Sim: "alive", OTP: "alive"}, "AGREE  f.scn outcome of a: alive"},
		{Point{Pos: scenarios.Pos{File: "x\nAGREE y.scn"}, What: "outcome of a", Sim: "alive", OTP: "alive"}, `AGREE  "x\nAGREE y.scn" outcome of a: alive`},
		{Point{Pos: scenarios.Pos{File: "x\x1b[2J", Line: 4}, What: "expect alive a", Sim: "alive", OTP: "alive"}, `AGREE  "x\x1b[2J":4 expect alive a: alive`},
		{Point{Pos: pos, What: "exits caused by `kill top`", Sim: "top killed, a killed, b killed", OTP: "top killed, b killed, a killed", Note: "a set"},
			"AGREE  f.scn:4 exits caused by `kill top`: sim=top killed, a killed, b killed otp=top killed, b killed, a killed (a set)"},
	} {
		assert.Equal(t, tc.want, tc.p.String())
	}
}

func TestSummaryCountsDifferAndFailOnBothApart(t *testing.T) {
	rep := Report{Points: []Point{{}, {Verdict: Differ}, {Verdict: FailBoth}, {Verdict: FailBoth}, {}}}
	rep.count()
	assert.Equal(t, "2 agree, 1 differ, 2 fail on both", rep.Summary())
	assert.True(t, rep.Failed())
	assert.False(t, Report{Agree: 3}.Failed())
	assert.True(t, Report{FailBoth: 1}.Failed(), "a false expectation fails verify even when both worlds agree")
	assert.True(t, Report{Differ: 1}.Failed())
}

// pt is a point of step order about what, with both sides.
func pt(order int, what string, v Verdict, sim, otp string) Point {
	return Point{What: what, Verdict: v, Sim: sim, OTP: otp, order: order}
}

func TestRunsAcceptAnyOutcomeOTPShowed(t *testing.T) {
	for _, tc := range []struct {
		name    string
		runs    [][]Point
		want    Verdict
		otp     string
		varied  bool
		comment string
	}{
		{name: "one run is the plain comparison",
			runs: [][]Point{{pt(0, "x", Differ, "a", "b")}}, want: Differ, otp: "b"},
		{name: "the simulator matches the second run",
			runs: [][]Point{{pt(0, "x", Differ, "a", "b")}, {pt(0, "x", Agree, "a", "a")}}, want: Agree, otp: "a", varied: true},
		{name: "OTP never did what the simulator did",
			runs: [][]Point{{pt(0, "x", Differ, "a", "b")}, {pt(0, "x", Differ, "a", "c")}}, want: Differ, otp: "b", varied: true},
		{name: "the same difference every time does not vary",
			runs: [][]Point{{pt(0, "x", Differ, "a", "b")}, {pt(0, "x", Differ, "a", "b")}}, want: Differ, otp: "b"},
		{name: "a run that made no point agrees",
			runs: [][]Point{{pt(0, "x", Differ, "a", "b")}, {}}, want: Agree, otp: "a", varied: true},
		{name: "a false expectation OTP also showed fails on both",
			runs: [][]Point{{pt(0, "x", Differ, "a", "b")}, {pt(0, "x", FailBoth, "a", "a")}}, want: FailBoth, otp: "a", varied: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			merged, varied := mergeRuns(tc.runs)
			require.Len(t, merged, 1)
			assert.Equal(t, tc.want, merged[0].Verdict)
			assert.Equal(t, tc.otp, merged[0].OTP)
			if tc.varied {
				assert.Equal(t, 1, varied)
				assert.Contains(t, merged[0].Note, "OTP varied over 2 runs: ")
			} else {
				assert.Zero(t, varied)
				assert.NotContains(t, merged[0].Note, "varied")
			}
		})
	}
}

func TestRunsKeepThePointsInScenarioOrder(t *testing.T) {
	merged, varied := mergeRuns([][]Point{
		{pt(0, "first", Agree, "a", "a"), pt(3, "last", Agree, "c", "c")},
		{pt(0, "first", Agree, "a", "a"), pt(1, "only in run 2", Differ, "none", "b x"), pt(3, "last", Agree, "c", "c")},
	})
	var whats []string
	for _, p := range merged {
		whats = append(whats, p.What)
	}
	assert.Equal(t, []string{"first", "only in run 2", "last"}, whats)
	assert.Equal(t, Agree, merged[1].Verdict, "run 1 showed no such difference")
	assert.Equal(t, "OTP varied over 2 runs: the same as the simulator in run 1; b x in run 2", merged[1].Note)
	assert.Equal(t, 1, varied)
}

func TestMailboxesCompareInOrderPerSender(t *testing.T) {
	w, v := pidTerm("w", 1), pidTerm("v", 1)
	exit := func(from term) term { return term{k: kTuple, elems: []term{atom("EXIT"), from, atom("boom")}} }
	down := func(ref int64, of term) term {
		return term{k: kTuple, elems: []term{atom("DOWN"), {k: kRef, n: ref}, atom("process"), of, atom("boom")}}
	}
	for _, tc := range []struct {
		name string
		a, b []term
		same bool
	}{
		{"a process's EXIT comes before its DOWN", []term{exit(w), down(1, w)}, []term{down(1, w), exit(w)}, false},
		{"two senders interleave freely", []term{exit(w), exit(v)}, []term{exit(v), exit(w)}, true},
		{"two DOWNs of one process are a set (B15)", []term{down(1, w), down(2, w)}, []term{down(2, w), down(1, w)}, true},
		{"plain messages keep their order", []term{atom("m1"), atom("m2")}, []term{atom("m2"), atom("m1")}, false},
		{"a missing message", []term{atom("m1"), atom("m2")}, []term{atom("m1")}, false},
		{"another message", []term{exit(w)}, []term{exit(v)}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.same, sameBySender(tc.a, tc.b))
		})
	}
}

// expectVerdict runs src in the simulator and judges its last command, an
// expectation, against the observation OTP is said to have made.
func expectVerdict(t *testing.T, src string, otp *observation) Point {
	t.Helper()
	tr, err := translateSrc(t, src)
	require.NoError(t, err)
	last := len(tr.steps) - 1
	s := tr.steps[last]
	require.NotNil(t, s.cmd.Expect)
	otp.latest = s.obs.latest
	c := &comparison{t: tr, o: &otpRun{obs: map[int]*observation{last: otp}}}
	c.expectation(last, s)
	require.Len(t, c.points, 1)
	return c.points[0]
}

func TestExpectationVerdicts(t *testing.T) {
	boom := atom("boom")
	t.Run("holds on both: agree", func(t *testing.T) {
		p := expectVerdict(t, "spawn a\na: exit boom\nexpect dead a\n", &observation{reason: boom})
		assert.Equal(t, Agree, p.Verdict, p.String())
	})
	t.Run("false on both alike: fail on both", func(t *testing.T) {
		p := expectVerdict(t, "spawn a\na: exit boom\nexpect alive a\n", &observation{reason: boom})
		assert.Equal(t, FailBoth, p.Verdict, p.String())
	})
	t.Run("false on both, but differently: differ", func(t *testing.T) {
		p := expectVerdict(t, "spawn a\na: exit boom\nexpect alive a\n", &observation{reason: atom("other")})
		assert.Equal(t, Differ, p.Verdict, p.String())
	})
	t.Run("holds in the simulator only: differ", func(t *testing.T) {
		p := expectVerdict(t, "spawn a\na: exit boom\nexpect dead a reason=boom\n", &observation{alive: true})
		assert.Equal(t, Differ, p.Verdict, p.String())
		assert.Contains(t, p.Note, "holds in the simulator but not on OTP")
	})
}

// The children of a killed supervisor get its exit signal concurrently
// (otp-facts: "Things where I could not establish a guarantee"): their exit
// order is open, whatever order the simulator picked. A supervisor's
// orderly shutdown is causal.
func TestExitOrdersAreComparedWhereTheyAreCausal(t *testing.T) {
	const killed = `sup top {
  worker a
  worker b
}
mark
kill top
`
	// OTP's order keys: the later the exit, the larger.
	order := func(keys ...int64) *observation { return &observation{order: keys} }

	p := expectVerdict(t, killed+"expect exit_order top a b\n", order(1, 3, 2))
	assert.Equal(t, Agree, p.Verdict, p.String())
	assert.Contains(t, p.Note, "OTP leaves the order of a/b open")

	p = expectVerdict(t, killed+"expect exit_order top b a\n", order(1, 2, 3))
	assert.Equal(t, FailBoth, p.Verdict, "the simulator killed a first, OTP may too: %s", p.String())

	p = expectVerdict(t, killed+"expect exit_order a top\n", order(2, 1))
	assert.Equal(t, FailBoth, p.Verdict, p.String())

	p = expectVerdict(t, killed+"expect exit_order top a\n", order(2, 1))
	assert.Equal(t, Differ, p.Verdict, "a dies of top's exit: OTP showing a first is a real difference: %s", p.String())

	const stopped = "sup top {\n  worker a\n  worker b\n}\nmark\nstop top\n"
	p = expectVerdict(t, stopped+"expect exit_order b a\n", order(2, 1))
	assert.Equal(t, Differ, p.Verdict, "a shutdown is causal: %s", p.String())
	p = expectVerdict(t, stopped+"expect exit_order b a\n", order(1, 2))
	assert.Equal(t, Agree, p.Verdict, p.String())
	assert.Empty(t, p.Note)
}

// A trapping child with shutdown=0 ends killed or shutdown depending on a
// race in OTP's supervisor (otp-facts E26, "could not establish a
// guarantee"): the two reasons are alternatives for it, and for it only.
func TestZeroShutdownReasonsAreAlternatives(t *testing.T) {
	const src = `sup top {
  worker z trap_exit shutdown=0
  worker y trap_exit shutdown=10
  worker n shutdown=0
}
stop top
`
	killed := &observation{reason: atom("killed")}
	p := expectVerdict(t, src+"expect dead z reason=shutdown\n", killed)
	assert.Equal(t, Agree, p.Verdict, p.String())
	assert.Contains(t, p.Note, "shutdown=0")

	p = expectVerdict(t, src+"expect dead z reason=killed\n", &observation{reason: atom("killed")})
	assert.Equal(t, FailBoth, p.Verdict, "the simulator's terminate ends at once; OTP may: %s", p.String())

	p = expectVerdict(t, src+"expect dead y reason=shutdown\n", killed)
	assert.Equal(t, Differ, p.Verdict, "shutdown=10 gives terminate/2 its time: %s", p.String())

	p = expectVerdict(t, src+"expect dead n reason=shutdown\n", killed)
	assert.Equal(t, Differ, p.Verdict, "a non-trapping child dies of the shutdown signal: %s", p.String())

	p = expectVerdict(t, src+"expect dead z reason=shutdown\n", &observation{reason: atom("boom")})
	assert.Equal(t, Differ, p.Verdict, "only killed and shutdown are alternatives: %s", p.String())
}

// A gen_server whose init fails acks, then exits; its supervisor's exit
// signal often takes it down first (otp-facts E28, "could not establish a
// guarantee"): its own reason and the supervisor's are alternatives, for
// it only, and only when the supervisor exits at that instant.
func TestFailedStartReasonsAreAlternatives(t *testing.T) {
	const src = "sup s {\n  worker a\n  worker w init=error:bad\n}\n"
	supReason := term{k: kTuple, elems: []term{atom("shutdown"),
		{k: kTuple, elems: []term{atom("failed_to_start_child"), atom("w"), atom("bad")}}}}

	p := expectVerdict(t, src+"expect dead w reason=bad\n", &observation{reason: supReason})
	assert.Equal(t, Agree, p.Verdict, p.String())
	assert.Contains(t, p.Note, "init failed")

	p = expectVerdict(t, src+"expect dead a reason=shutdown\n", &observation{reason: supReason})
	assert.Equal(t, Differ, p.Verdict, "a started, and its supervisor stopped it: %s", p.String())

	p = expectVerdict(t, "sup s intensity=3 {\n  worker w init=ok,error:bad,ok\n}\nw: crash boom\nexpect alive w\n", &observation{alive: true})
	assert.Equal(t, Agree, p.Verdict, p.String())
	tr, err := translateSrc(t, "sup s intensity=3 {\n  worker w init=ok,error:bad,ok\n}\nw: crash boom\n")
	require.NoError(t, err)
	assert.Empty(t, tr.startRaces(), "the supervisor lives on and retries: no race")
}

// resultPoint runs src in the simulator and compares the result of its
// command i with the one OTP is said to have given.
func resultPoint(t *testing.T, src string, i int, otp term) []Point {
	t.Helper()
	tr, err := translateSrc(t, src)
	require.NoError(t, err)
	c := &comparison{t: tr, o: &otpRun{results: map[int]term{i: otp}}}
	c.result(i, tr.steps[i])
	return c.points
}

// A command that fails needs `expect error` after it (crashcourse run
// counts it as a failure otherwise): failing alike in both worlds, it
// fails on both.
func TestFailedCommandsFailOnBothUnlessExpected(t *testing.T) {
	noproc := term{k: kTuple, elems: []term{atom("error"), atom("noproc")}}
	pts := resultPoint(t, "spawn a\nghost: send a hi\n", 1, noproc)
	require.Len(t, pts, 1)
	assert.Equal(t, FailBoth, pts[0].Verdict, pts[0].String())
	assert.Equal(t, "FAIL   t.scn:2 result of `ghost: send a hi` on both: failed with noproc (a command that fails needs `expect error` after it)", pts[0].String())

	assert.Empty(t, resultPoint(t, "spawn a\nghost: send a hi\nexpect error noproc\n", 1, noproc))

	pts = resultPoint(t, "spawn a\nghost: send a hi\nexpect error noproc\n", 1, atom("ok"))
	require.Len(t, pts, 1)
	assert.Equal(t, Differ, pts[0].Verdict, pts[0].String())
}
