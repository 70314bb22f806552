package otp

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// Options configure Verify.
type Options struct {
	Seed uint64 // the simulator's seed
	// Scale is how many virtual milliseconds pass per real millisecond on
	// the real runtime. 0 chooses: 1 (real time) for a scenario whose
	// virtual time fits in Budget, else the factor that fits it there;
	// always 1 when a supervisor's restart window decides the outcome.
	Scale  float64
	Budget time.Duration // default DefaultBudget
	Keep   string        // a directory to keep the translated program and what OTP did (of the last run)
	// Runs is how many times the scenario runs on OTP (default 1). A point
	// agrees when the simulator did what OTP did in any run; the report
	// says where OTP varied.
	Runs int
	// Faults plants known wrong rules in the simulator. For oracle tests
	// only: they prove that verify reports what the simulator gets wrong.
	// No command-line flag sets it.
	Faults sim.Fault
}

// DefaultBudget is the real time a scenario's virtual time is compressed
// into when Options.Scale is 0.
const DefaultBudget = 2 * time.Second

// Report is what Verify found.
type Report struct {
	File     string
	Points   []Point
	Agree    int // points where the simulator did what OTP did
	Differ   int // points where the simulator did what OTP never did
	FailBoth int // expectations that hold in neither world, which agree
	Scale    float64
	Runs     int      // how many times OTP ran the scenario
	Varied   int      // points where OTP did not do the same in every run
	Notes    []string // how the run was made (scale, alignment, runs)
}

// Verify runs a scenario in the simulator and on the real runtime
// (Options.Runs times) and writes one line per point (AGREE, DIFFER or
// FAIL … on both), notes, and the closing line Report.Summary. A scenario
// that does not parse returns its scenarios.ErrorList, one that cannot be
// translated a *TranslateError, and a run that fails on the real runtime
// an error; nothing is written then but the notes.
func Verify(ctx context.Context, rt *Runtime, file string, src []byte, o Options, out io.Writer) (Report, error) {
	rep := Report{File: file, Runs: max(1, o.Runs)}
	cmds, err := scenarios.Parse(file, src)
	if err != nil {
		return rep, err
	}
	t, err := translate(file, src, cmds, o.Seed, sim.Options{Faults: o.Faults})
	if err != nil {
		return rep, err
	}
	t.chooseScale(o)
	rep.Scale = t.scale
	rep.Notes = append(rep.Notes, t.why)
	program := t.program()
	alts, notes := alternatives(t, src, cmds, o.Seed, o.Faults)
	rep.Notes = append(rep.Notes, notes...)
	runs := make([][]Point, rep.Runs)
	var reordered []string
	for r := range runs {
		run, err := t.runOTP(ctx, rt, program, o.Keep)
		if err != nil {
			return rep, err
		}
		var took int
		if runs[r], took = compareRun(alts, run); took > 0 {
			reordered = append(reordered, strconv.Itoa(r+1))
		}
	}
	rep.Points, rep.Varied = mergeRuns(runs)
	rep.count()
	if rep.Runs > 1 {
		rep.Notes = append(rep.Notes, fmt.Sprintf("OTP ran the scenario %d times; it varied at %d points; each point is judged against every outcome OTP showed", rep.Runs, rep.Varied))
	}
	if len(reordered) > 0 {
		rep.Notes = append(rep.Notes, "OTP took another order of concurrent deliveries than the simulator's fixed one (run "+
			strings.Join(reordered, ",")+"): compared with the simulator taking that order, as Erlang allows")
	}
	for _, n := range rep.Notes {
		fmt.Fprintln(out, "note: "+n)
	}
	for _, p := range rep.Points {
		fmt.Fprintln(out, p.String())
	}
	fmt.Fprintln(out, rep.Summary())
	return rep, nil
}

// runOTP runs the translated program once on the real runtime and reads
// what the driver observed.
func (t *translation) runOTP(ctx context.Context, rt *Runtime, program, keep string) (*otpRun, error) {
	guard := time.Duration(float64(t.world().Now())/float64(sim.Millisecond)/t.scale)*time.Millisecond + 2*time.Minute
	ctx, cancel := context.WithTimeout(ctx, guard)
	defer cancel()
	output, err := rt.run(ctx, program, keep)
	if err != nil {
		return nil, err
	}
	run, err := parseOTP(bytes.NewReader(output))
	switch {
	case err != nil:
		return nil, err
	case run.crash != "":
		return nil, fmt.Errorf("the driver crashed: %s", run.crash)
	case !run.done:
		return nil, fmt.Errorf("the driver stopped before the end of the scenario")
	}
	return run, nil
}

// chooseScale picks the time scale (see Options.Scale) and says why.
func (t *translation) chooseScale(o Options) {
	total := float64(t.world().Now()) / float64(sim.Millisecond)
	budget := o.Budget
	if budget <= 0 {
		budget = DefaultBudget
	}
	window := t.restartWindowMatters()
	switch {
	case o.Scale > 0:
		t.scale = o.Scale
		t.why = fmt.Sprintf("time scale %s virtual ms per real ms (--scale)", trimFloat(o.Scale))
	case window != "":
		t.scale = 1
		t.why = "real time (1:1): " + window + " decides a restart, and OTP counts restarts in whole seconds of real time"
	default:
		t.scale = math.Max(1, math.Ceil(total/float64(budget.Milliseconds())))
		if t.scale == 1 {
			t.why = "real time (1:1)"
		} else {
			t.why = fmt.Sprintf("time scale 1:%s: %v of virtual time runs in about %v", trimFloat(t.scale),
				time.Duration(total*float64(time.Millisecond)).Round(time.Millisecond),
				time.Duration(total/t.scale*float64(time.Millisecond)).Round(time.Millisecond))
		}
	}
	t.align = window != "" && t.scale == 1
	if t.align {
		t.why += "; the run starts on a whole second, as the simulator's clock does"
	}
}

func trimFloat(f float64) string { return strings.TrimSuffix(fmt.Sprintf("%g", f), ".0") }

// restartWindowMatters names a supervisor whose restart history in the
// simulator spans its period or more: then restarts can drop out of the
// window, which only real time reproduces. Within the period every earlier
// restart counts whatever the scale, and compressing time changes nothing.
func (t *translation) restartWindowMatters() string {
	w := t.world()
	first := map[sim.Pid]sim.Time{}
	for s := sim.Seq(1); int(s) <= w.TraceLen(); s++ {
		e := w.Entry(s)
		if e.Kind != sim.KindRestart && e.Kind != sim.KindSupervisorShutdown {
			continue
		}
		f, ok := first[e.Pid]
		if !ok {
			first[e.Pid] = e.At
			continue
		}
		name := w.Name(e.Pid)
		period := 5
		if info, ok := t.specs[name]; ok {
			period = info.spec.Period
		}
		if e.At-f >= sim.Time(period)*sim.Second {
			return "the restart window of " + name
		}
	}
	return ""
}

// program writes the translated scenario: a file of Erlang terms that
// cc_driver reads with file:consult/1, one command a term, each after a
// comment with its source line.
func (t *translation) program() string {
	var b strings.Builder
	b.WriteString("%% -*- coding: utf-8 -*-\n")
	b.WriteString("%% " + t.file + " translated by crashcourse verify for cc_driver.\n")
	b.WriteString("%% Run: erl -noshell -pa DIR -run cc_driver main scenario.terms observed.terms\n")
	regs := make([]string, len(t.regNames))
	for i, r := range t.regNames {
		regs[i] = eAtom(r)
	}
	guard := 10000 + int64(float64(t.world().Now())/float64(sim.Millisecond)/t.scale)
	b.WriteString(eTuple("config", eMap("file", eString(t.file), "scale", eFloat(t.scale),
		"align", eBool(t.align), "guard_ms", eInt(guard), "reg_names", eList(regs...))) + ".\n")
	for i, s := range t.steps {
		fmt.Fprintf(&b, "%%%% %d: %s\n", s.cmd.Pos.Line, strings.ReplaceAll(s.cmd.Text, "\n", " "))
		b.WriteString(eTuple("cmd", eInt(int64(i)), s.kind, s.erl) + ".\n")
	}
	return b.String()
}
