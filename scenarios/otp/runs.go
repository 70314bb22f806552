package otp

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// mergeRuns folds the points of several OTP runs of one scenario into one
// report. OTP may do different things in different runs where it leaves an
// order or a race open; the simulator is judged against every outcome OTP
// showed: a point differs only when it differs in every run. A point
// missing from a run agrees in that run (a run makes a point only when
// something happened or differs). Where OTP's side of a point varied, the
// note says how. varied is the number of such points.
func mergeRuns(runs [][]Point) (merged []Point, varied int) {
	if len(runs) == 1 {
		return runs[0], 0
	}
	slots := map[string][]*Point{} // per run, nil where the run made no such point
	var keys []string
	for r, pts := range runs {
		occur := map[string]int{}
		for k := range pts {
			p := &pts[k]
			key := pointKey(p, occur)
			if _, ok := slots[key]; !ok {
				slots[key] = make([]*Point, len(runs))
				keys = append(keys, key)
			}
			slots[key][r] = p
		}
	}
	for _, key := range keys {
		p, note := pickRun(slots[key])
		if note != "" {
			varied++
			p.Note = joinNotes(p.Note, note)
		}
		merged = append(merged, p)
	}
	sort.SliceStable(merged, func(a, b int) bool { return merged[a].order < merged[b].order })
	return merged, varied
}

// pointKey names a point across runs: its step, what it is about, and how
// many points of that name came before it in the same run.
func pointKey(p *Point, occur map[string]int) string {
	k := strconv.Itoa(p.order) + "\x00" + p.What
	occur[k]++
	return k + "\x00" + strconv.Itoa(occur[k])
}

// pickRun chooses the verdict of a point made in several runs: the best
// any run gave (Agree or FailBoth before Differ; a run without the point
// agrees), shown with that run's sides. When OTP's side differed between
// runs, note says what it showed in which runs.
func pickRun(pts []*Point) (Point, string) {
	var best *Point
	absent := 0
	for _, p := range pts {
		switch {
		case p == nil:
			absent++
		case best == nil || best.Verdict == Differ && p.Verdict != Differ:
			best = p
		}
	}
	out := *best
	if absent > 0 && out.Verdict == Differ {
		out.Verdict, out.OTP = Agree, out.Sim
	}
	return out, variation(pts)
}

// variation describes OTP's side of one point across runs, or "" when it
// was the same in every run.
func variation(pts []*Point) string {
	var order []string
	runsOf := map[string][]string{}
	for r, p := range pts {
		shown := "the same as the simulator"
		if p != nil {
			shown = p.OTP
			if p.OTP == "" {
				shown = p.Sim
			}
		}
		if _, ok := runsOf[shown]; !ok {
			order = append(order, shown)
		}
		runsOf[shown] = append(runsOf[shown], strconv.Itoa(r+1))
	}
	if len(order) < 2 {
		return ""
	}
	parts := make([]string, len(order))
	for i, shown := range order {
		parts[i] = fmt.Sprintf("%s in run %s", shown, strings.Join(runsOf[shown], ","))
	}
	return "OTP varied over " + strconv.Itoa(len(pts)) + " runs: " + strings.Join(parts, "; ")
}
