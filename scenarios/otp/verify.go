package otp

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

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
	// MaxReal bounds the real time the runs may need (--max-real): a
	// scenario whose estimate exceeds it is refused with a *TooLongError
	// before anything runs. 0 means DefaultMaxReal.
	MaxReal time.Duration
	Keep    string // a directory to keep the translated program and what OTP did (of the last run)
	// Runs is how many times the scenario runs on OTP (default 1). A point
	// agrees when the simulator did what OTP did in any run; the report
	// says where OTP varied.
	Runs int
	// Quiet writes only the points that do not agree and the closing line.
	Quiet bool
	// Faults plants known wrong rules in the simulator. For oracle tests
	// only: they prove that verify reports what the simulator gets wrong.
	// No command-line flag sets it.
	Faults sim.Fault
}

// DefaultBudget is the real time a scenario's virtual time is compressed
// into when Options.Scale is 0.
const DefaultBudget = 2 * time.Second

// DefaultMaxReal is the longest real time a run may need unless
// Options.MaxReal says otherwise.
const DefaultMaxReal = 2 * time.Minute

// TooLongError refuses a scenario whose run would need more real time than
// Options.MaxReal allows.
type TooLongError struct {
	Estimate time.Duration // the real time the run needs
	Max      time.Duration // the limit
	Why      string        // how the time scale was chosen
}

func (e *TooLongError) Error() string {
	return fmt.Sprintf("the run needs about %v of real time (%s), more than the %v allowed; --max-real %v runs it",
		e.Estimate, e.Why, e.Max, e.Estimate.Truncate(time.Minute)+time.Minute)
}

// Report is what Verify found.
type Report struct {
	File     string
	Points   []Point
	Agree    int // points where the simulator did what OTP did
	Differ   int // points where the simulator did what OTP never did
	FailBoth int // false expectations and unexpected command failures both worlds agree on
	Scale    float64
	Runs     int      // how many times OTP ran the scenario
	Varied   int      // points where OTP did not do the same in every run
	Notes    []string // how the run was made (scale, alignment, runs)
}

// Verify runs a scenario in the simulator and on the real runtime
// (Options.Runs times) and writes notes, one line per point (AGREE, DIFFER
// or FAIL … on both) and the closing line Report.Summary. With one run each
// point is written as soon as it is known; with several, after the last.
// A scenario that does not parse returns its scenarios.ErrorList, one that
// cannot be translated a *TranslateError, one that needs more real time
// than Options.MaxReal a *TooLongError (nothing has run then), and a run
// that fails on the real runtime an error, after the points known so far.
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
	need := t.realTime() * time.Duration(rep.Runs)
	if limit := cmp.Or(o.MaxReal, DefaultMaxReal); need > limit {
		why := t.why
		if rep.Runs > 1 {
			why += fmt.Sprintf("; %d runs", rep.Runs)
		}
		return rep, &TooLongError{Estimate: need, Max: limit, Why: why}
	}
	program := t.program()
	alts, notes := alternatives(t, src, cmds, o.Seed, o.Faults)
	rep.Notes = append(rep.Notes, notes...)
	if rep.Runs == 1 {
		rep.writeNotes(out, o, 0)
		took, err := runOTP(ctx, rt, program, o.Keep, alts, func(p Point) {
			rep.Points = append(rep.Points, p)
			rep.writePoint(out, p, o)
		})
		rep.count()
		if err != nil {
			return rep, err
		}
		if took > 0 {
			rep.Notes = append(rep.Notes, reorderedNote([]string{"1"}))
			rep.writeNotes(out, o, len(rep.Notes)-1)
		}
		fmt.Fprintln(out, rep.Summary())
		return rep, nil
	}
	runs := make([][]Point, rep.Runs)
	var reordered []string
	for r := range runs {
		took, err := runOTP(ctx, rt, program, o.Keep, alts, func(p Point) { runs[r] = append(runs[r], p) })
		if err != nil {
			return rep, err
		}
		if took > 0 {
			reordered = append(reordered, strconv.Itoa(r+1))
		}
	}
	rep.Points, rep.Varied = mergeRuns(runs)
	rep.count()
	rep.Notes = append(rep.Notes, fmt.Sprintf("OTP ran the scenario %d times; it varied at %d points; each point is judged against every outcome OTP showed", rep.Runs, rep.Varied))
	if len(reordered) > 0 {
		rep.Notes = append(rep.Notes, reorderedNote(reordered))
	}
	rep.writeNotes(out, o, 0)
	for _, p := range rep.Points {
		rep.writePoint(out, p, o)
	}
	fmt.Fprintln(out, rep.Summary())
	return rep, nil
}

// writeNotes writes the notes from the from-th on, unless o is quiet.
func (r *Report) writeNotes(out io.Writer, o Options, from int) {
	if o.Quiet {
		return
	}
	for _, n := range r.Notes[from:] {
		fmt.Fprintln(out, "note: "+n)
	}
}

func reorderedNote(runs []string) string {
	return "OTP took another order of concurrent deliveries than the simulator's fixed one (run " +
		strings.Join(runs, ",") + "): compared with the simulator taking that order, as Erlang allows"
}

func (r *Report) writePoint(out io.Writer, p Point, o Options) {
	if p.Verdict != Agree || !o.Quiet {
		fmt.Fprintln(out, p.String())
	}
}

// runOTP runs the translated program once on the real runtime and hands
// its points to emit: each as soon as it is known while the simulator's
// fixed order (alts[0]) differs from OTP nowhere. From the first DIFFER
// on, when there are other interleavings, the rest waits for the end of
// the run: then the interleaving that differs least is chosen (see
// compareRun) among those that showed what was already emitted. took is
// the interleaving used, 0 for the fixed order.
func runOTP(ctx context.Context, rt *Runtime, program, keep string, alts []*translation, emit func(Point)) (took int, err error) {
	t := alts[0]
	ctx, cancel := context.WithTimeout(ctx, t.realTime()+2*time.Minute)
	defer cancel()
	r := newOTPReader()
	var sent []Point
	held := false
	st := newStreamer(t, r, func(p Point) {
		held = held || p.Verdict == Differ && len(alts) > 1
		if !held {
			sent = append(sent, p)
			emit(p)
		}
	})
	err = rt.run(ctx, program, keep, func(line string) error {
		if err := r.line(line); err != nil {
			return err
		}
		st.advance()
		return nil
	})
	switch {
	case err != nil:
		return 0, err
	case r.o.crash != "":
		return 0, fmt.Errorf("the driver crashed: %s", r.o.crash)
	case !r.o.done:
		return 0, fmt.Errorf("the driver stopped before the end of the scenario")
	}
	st.finish()
	if !held {
		return 0, nil
	}
	pts, took := compareRun(showedSent(alts, r.o, sent), r.o)
	for _, p := range pts[len(sent):] {
		emit(p)
	}
	return took, nil
}

// showedSent keeps the fixed order and the interleavings whose first
// points are those already emitted.
func showedSent(alts []*translation, o *otpRun, sent []Point) []*translation {
	keep := alts[:1:1]
	for _, a := range alts[1:] {
		pts := compare(a, o)
		same := len(pts) >= len(sent)
		for i := 0; same && i < len(sent); i++ {
			same = pts[i].Verdict == sent[i].Verdict && pts[i].What == sent[i].What && pts[i].Sim == sent[i].Sim
		}
		if same {
			keep = append(keep, a)
		}
	}
	return keep
}

// realTime estimates the real time one run needs: the scenario's virtual
// time at the chosen scale, and a second to align on when it must.
func (t *translation) realTime() time.Duration {
	virtualMs := float64(t.world().Now()) / float64(sim.Millisecond)
	d := time.Duration(virtualMs / t.scale * float64(time.Millisecond))
	if t.align {
		d += time.Second
	}
	return d.Round(time.Millisecond)
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
	case t.callTimeoutMatters() != "":
		t.scale = 1
		t.why = "real time (1:1): " + t.callTimeoutMatters()
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
	b.WriteString("%% " + commentText(strconv.Quote(t.file)) + " translated by crashcourse verify for cc_driver.\n")
	b.WriteString("%% Run: erl -noshell -pa DIR -run cc_driver main scenario.terms observed.terms\n")
	regs := make([]string, len(t.regNames))
	for i, r := range t.regNames {
		regs[i] = eAtom(r)
	}
	guard := 10000 + int64(float64(t.world().Now())/float64(sim.Millisecond)/t.scale)
	b.WriteString(eTuple("config", eMap("file", eString(t.file), "scale", eFloat(t.scale),
		"align", eBool(t.align), "guard_ms", eInt(guard), "reg_names", eList(regs...))) + ".\n")
	for i, s := range t.steps {
		fmt.Fprintf(&b, "%%%% %d: %s\n", s.cmd.Pos.Line, commentText(s.cmd.Text))
		b.WriteString(eTuple("cmd", eInt(int64(i)), s.kind, s.erl) + ".\n")
	}
	return b.String()
}

// commentText makes text safe inside an Erlang comment, which ends at a
// newline: every character that is not graphic (line and paragraph
// separators, control characters, invalid UTF-8) becomes a space.
func commentText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || !unicode.IsGraphic(r) {
			return ' '
		}
		return r
	}, s)
}
