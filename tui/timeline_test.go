package tui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
	"github.com/stretchr/testify/require"
	"pgregory.net/rapid"
)

// fingerprint is everything the panes can show of a world.
func fingerprint(w *sim.World) string {
	var b strings.Builder
	fmt.Fprintf(&b, "t=%v n=%d\n", w.Now(), w.TraceLen())
	for i := 0; i < w.NumProcesses(); i++ {
		p := sim.FirstPid + sim.Pid(i)
		info := w.Info(p)
		fmt.Fprintf(&b, "%v %+v", p, info)
		if info.Alive {
			fmt.Fprintf(&b, " %v", w.Activity(p))
		}
		for _, m := range w.Mailbox(p) {
			fmt.Fprintf(&b, " %v", w.MessageTerm(m))
		}
		if v, ok := w.Supervisor(p); ok {
			fmt.Fprintf(&b, " %+v", v)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// freshAt runs cmds on a new session until its trace is k long (all of
// them when k is the end): the reference the rewind must match.
func freshAt(cmds []*scenarios.Command, k, end sim.Seq) *sim.World {
	s := scenarios.NewSession(0)
	w := s.World()
	if k == end {
		k = ^sim.Seq(0)
	}
	for _, c := range cmds {
		if sim.Seq(w.TraceLen()) >= k {
			break
		}
		s.SetInterrupt(func() bool { return sim.Seq(w.TraceLen()) >= k })
		s.Exec(c)
	}
	return w
}

// genScenario draws a small scenario of processes, links, traps,
// monitors, a supervision tree, faults and time.
func genScenario(t *rapid.T) string {
	names := []string{"a", "b", "c", "d"}
	lines := []string{
		"sup top strategy=" + rapid.SampledFrom([]string{"one_for_one", "one_for_all", "rest_for_one"}).Draw(t, "strategy") +
			" intensity=2 { worker w1 trap_exit terminate=100ms; worker w2; worker w3 init_time=50ms }",
	}
	for _, n := range names {
		lines = append(lines, "spawn "+n)
	}
	procs := append(names, "w1", "w2", "w3")
	for i := rapid.IntRange(3, 14).Draw(t, "n"); i > 0; i-- {
		p := rapid.SampledFrom(procs).Draw(t, "p")
		q := rapid.SampledFrom(names).Draw(t, "q")
		lines = append(lines, rapid.SampledFrom([]string{
			q + ": link " + p, q + ": trap_exit on", q + ": monitor " + p, "kill " + p,
			p + ": crash", p + ": exit normal", "exit " + p + " boom", "advance 60ms",
			q + ": send_after 30ms " + p + " hi", "send " + p + " hello", "run",
		}).Draw(t, "cmd"))
	}
	return strings.Join(lines, "\n") + "\n"
}

// TestRewindEqualsAFreshRun: after any moves of the cursor, the world
// shown is the world of a fresh run stopped at the same event.
func TestRewindEqualsAFreshRun(t *testing.T) {
	rapid.Check(t, func(t *rapid.T) {
		src := genScenario(t)
		cmds, err := scenarios.Parse("gen.scn", []byte(src))
		require.NoError(t, err)
		tl := newTimeline(scenarios.NewSession(0))
		tl.every = rapid.IntRange(1, 16).Draw(t, "every")
		for _, c := range cmds {
			tl.exec(c, nil)
		}
		for i := rapid.IntRange(1, 12).Draw(t, "moves"); i > 0; i-- {
			switch rapid.IntRange(0, 3).Draw(t, "move") {
			case 0:
				tl.seek(sim.Seq(rapid.IntRange(0, int(tl.headLen())).Draw(t, "k")))
			case 1:
				tl.back()
			case 2:
				tl.seek(tl.at + 1)
			case 3:
				tl.seek(tl.at + sim.Seq(rapid.IntRange(1, 40).Draw(t, "d")))
			}
			require.Equal(t, fingerprint(freshAt(cmds, tl.at, tl.headLen())), fingerprint(tl.view.World()),
				"cursor at %d of %d\n%s", tl.at, tl.headLen(), src)
		}
	})
}
