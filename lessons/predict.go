package lessons

import (
	"slices"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// checkPrediction checks a predict exercise: it runs the setup, fires the
// faults, and sets the learner's prediction beside what happened.
func checkPrediction(ex *Exercise, name string, src []byte, o sim.Options) Verdict {
	pr, errs := ParsePrediction(name, 1, string(src))
	if len(errs) > 0 {
		return Verdict{Errors: errs}
	}
	r := newReplay(ex, o)
	before := r.restartCounts()
	r.faults()
	if errs := r.unknownNames(pr, name, src); len(errs) > 0 {
		return Verdict{Errors: errs}
	}
	v := Verdict{}
	v.Rows = r.rows(pr, before)
	r.expectations(&v)
	v.Notes = r.notes
	v.World, v.Faults = r.s.World(), r.marked+1
	v.Pass = len(v.Failures) == 0
	for _, row := range v.Rows {
		v.Pass = v.Pass && row.Agrees()
	}
	if v.Pass {
		v.Said = ex.Pass
	}
	return v
}

// restartCounts maps each name to the restarts of its latest incarnation.
func (r *replay) restartCounts() map[string]int {
	w := r.s.World()
	out := map[string]int{}
	for _, n := range r.names() {
		p, _ := w.Lookup(n)
		out[n], _ = w.Restarts(p)
	}
	return out
}

// names are the names of every process of the world, sorted.
func (r *replay) names() []string {
	return scenarios.NewWorldNames(r.s.World()).Processes()
}

// unknownNames refuses a prediction naming a process the exercise does
// not have.
func (r *replay) unknownNames(pr Prediction, file string, src []byte) scenarios.ErrorList {
	known := r.names()
	var errs scenarios.ErrorList
	lines := splitLines(string(src))
	for _, n := range append(slices.Clone(pr.Die), pr.Restart...) {
		if slices.Contains(known, n) {
			continue
		}
		pos := pr.Names[n]
		if slices.ContainsFunc(errs, func(e *scenarios.Error) bool { return e.Pos == pos }) {
			continue
		}
		errs = append(errs, &scenarios.Error{Pos: pos, Line: lines[pos.Line-1],
			Msg: sprintf("no process is named %q in this exercise; its processes are: %s", n, joinQuoted(known))})
	}
	return errs
}

// outcome is what the faults did, by name: who died (in the order they
// first exited) and who was restarted.
type outcome struct {
	died      []string
	firstDead map[string]sim.Pid // the first incarnation to die after the faults began
	restarted map[string]bool
}

func (r *replay) outcome(before map[string]int) outcome {
	w := r.s.World()
	o := outcome{firstDead: map[string]sim.Pid{}, restarted: map[string]bool{}}
	for s := r.marked + 1; int(s) <= w.TraceLen(); s++ {
		e := w.Entry(s)
		n := w.Name(e.Pid)
		if e.Kind != sim.KindExit || n == "" || slices.Contains(o.died, n) {
			continue
		}
		o.died = append(o.died, n)
		o.firstDead[n] = e.Pid
	}
	for n, k := range r.restartCounts() {
		o.restarted[n] = k > before[n]
	}
	return o
}

// rows sets prediction and outcome side by side, explaining differences.
func (r *replay) rows(pr Prediction, before map[string]int) []Row {
	o := r.outcome(before)
	order := slices.Clone(o.died)
	var extra []string
	for _, n := range append(slices.Clone(pr.Die), pr.Restart...) {
		if !slices.Contains(order, n) && !slices.Contains(extra, n) {
			extra = append(extra, n)
		}
	}
	slices.Sort(extra)
	var rows []Row
	for _, n := range append(order, extra...) {
		_, died := o.firstDead[n]
		row := Row{Name: n, PredictedDie: slices.Contains(pr.Die, n), Died: died,
			PredictedRestart: slices.Contains(pr.Restart, n), Restarted: o.restarted[n]}
		row.Explain = r.explainRow(row, o)
		rows = append(rows, row)
	}
	return rows
}

// explainRow says why a row's outcome differs from its prediction.
func (r *replay) explainRow(row Row, o outcome) []string {
	if row.Agrees() {
		return nil
	}
	w := r.s.World()
	latest, _ := w.Lookup(row.Name)
	var out []string
	switch {
	case row.Died && !row.PredictedDie:
		out = append(out, r.explainDeath(o.firstDead[row.Name])...)
	case !row.Died && row.PredictedDie:
		out = append(out, r.explainSurvival(latest)...)
	}
	switch {
	case row.Restarted && !row.PredictedRestart:
		out = append(out, sprintf("%s was restarted by its supervisor %s", quote(row.Name), quote(scenarios.Now(w).Label(w.Parent(latest)))))
	case !row.Restarted && row.PredictedRestart && !w.Supervised(latest):
		out = append(out, sprintf("nothing restarts %s: no supervisor started it", quote(row.Name)))
	case !row.Restarted && row.PredictedRestart:
		out = append(out, sprintf("%s was not restarted by its supervisor %s", quote(row.Name), quote(scenarios.Now(w).Label(w.Parent(latest)))))
	}
	return out
}
