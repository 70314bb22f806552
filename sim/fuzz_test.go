package sim

import (
	"fmt"
	"slices"
	"testing"
)

// fuzzReasons are the exit reasons random programs use.
var fuzzReasons = []Term{Normal, Kill, Killed, Shutdown, Boom, Tuple{Shutdown, Atom("x")}}

// fuzzWorld drives a world with a program decoded from bytes: each action
// takes three bytes (opcode, two operands), and operands pick among the
// processes spawned so far, dead or alive.
type fuzzWorld struct {
	w    *World
	pids []Pid
	refs []Ref
	now  Time
}

func (f *fuzzWorld) pid(b byte) Pid {
	if len(f.pids) == 0 {
		return Shell
	}
	return f.pids[int(b)%len(f.pids)]
}

// actor is the shell for even operands, else a process.
func (f *fuzzWorld) actor(b byte) Pid {
	if b%4 == 0 {
		return Shell
	}
	return f.pid(b / 4)
}

func (f *fuzzWorld) ref(b byte) Ref {
	if len(f.refs) == 0 {
		return Ref(b)
	}
	return f.refs[int(b)%len(f.refs)]
}

func (f *fuzzWorld) act(op, a, b byte) {
	w, x, y := f.w, f.actor(a), f.pid(b)
	reason := fuzzReasons[int(b)%len(fuzzReasons)]
	if op%26 >= 16 {
		f.supAct(op%26-16, a, b)
		w.RunInstant()
		return
	}
	switch op % 16 {
	case 0, 1:
		p, r, err := w.Spawn(x, SpawnOpts{Link: op%2 == 1, Monitor: b%3 == 0 && x != Shell, TrapExit: b%2 == 0})
		if err == nil {
			f.pids = append(f.pids, p)
			if r != 0 {
				f.refs = append(f.refs, r)
			}
		}
	case 2:
		w.Link(x, y)
	case 3:
		w.Unlink(x, y)
	case 4:
		if r, err := w.Monitor(x, Dest{Pid: y}); err == nil {
			f.refs = append(f.refs, r)
		}
	case 5:
		w.Demonitor(x, f.ref(b), a%2 == 0)
	case 6:
		w.SetTrapExit(x, b%2 == 0)
	case 7:
		w.Exit(x, reason)
	case 8:
		w.Crash(x, Boom)
	case 9:
		w.SendExit(x, y, reason)
	case 10:
		w.Send(x, Dest{Pid: y}, Int(b))
	case 11:
		w.Register(x, fmt.Sprintf("n%d", b%4), y)
	case 12:
		w.Unregister(x, fmt.Sprintf("n%d", b%4))
	case 13:
		if r, err := w.SendAfter(x, Time(b)*Millisecond, Dest{Pid: y}, Atom("t")); err == nil {
			f.refs = append(f.refs, r)
		}
	case 14:
		w.Advance(Time(b) * Millisecond)
	case 15:
		w.Step(int(b % 4))
		return
	}
	w.RunInstant()
}

// fuzzSpec builds a small supervisor spec whose shape comes from the bytes.
func fuzzSpec(a, b byte) SupSpec {
	flags := SupFlags{Strategy: Strategy(a % 4), Intensity: int(b % 4), Period: 1 + int(a%3), AutoShutdown: AutoShutdown(b % 3)}
	n := 1 + int(b%3)
	if flags.Strategy == SimpleOneForOne {
		n = 1
	}
	spec := SupSpec{Flags: flags}
	for i := 0; i < n; i++ {
		c := ChildSpec{
			ID: fmt.Sprintf("c%d_%d", a, i), Restart: RestartType((int(a) + i) % 3), TrapExit: (b>>i)&1 == 1,
			Shutdown: ShutdownSpec{Timeout: Time(b%3) * 100 * Millisecond, BrutalKill: a%5 == 0}, Terminate: Time(i) * 50 * Millisecond,
			Significant: flags.AutoShutdown != Never && i == 0 && (int(a)+i)%3 != 0,
		}
		if (a+byte(i))%7 == 0 {
			c.Init = []InitResult{{Kind: InitOK}, {Kind: InitError, Reason: Atom("bad")}}
		}
		if i == 2 && b%5 == 0 {
			c.Sup = &SupSpec{Flags: DefaultFlags(), Children: []ChildSpec{{ID: fmt.Sprintf("n%d", a), Shutdown: ShutdownSpec{Timeout: Second}}}}
			c.Shutdown = ShutdownSpec{Infinity: true}
		}
		spec.Children = append(spec.Children, c)
	}
	return spec
}

// supAct performs a supervisor operation (start one, call one, stop one),
// a gen_server call, or a hang or recover.
func (f *fuzzWorld) supAct(op, a, b byte) {
	w := f.w
	sup := f.pid(b)
	switch op {
	case 0, 1:
		if p, err := w.StartSupervisor(fmt.Sprintf("s%d", len(f.pids)), fuzzSpec(a, b)); err == nil || p != 0 {
			f.pids = append(f.pids, p)
		}
	case 2:
		w.StartChild(sup, &ChildSpec{ID: fmt.Sprintf("d%d", a), Restart: RestartType(a % 3), Shutdown: ShutdownSpec{Timeout: Second}})
	case 3:
		w.TerminateChild(sup, fmt.Sprintf("c%d_%d", a, b%3), 0)
	case 4:
		w.RestartChild(sup, fmt.Sprintf("c%d_%d", a, b%3))
	case 5:
		w.DeleteChild(sup, fmt.Sprintf("c%d_%d", a, b%3))
	case 6:
		w.Stop(sup)
	case 7:
		w.Hang(f.pid(a))
	case 8:
		w.Call(f.actor(a), Dest{Pid: sup}, Atom("ping"), CallTimeout{Set: a%3 != 0, After: Time(a) * 10 * Millisecond})
	case 9:
		w.Recover(f.pid(a))
	}
	for i := 0; i < w.NumProcesses(); i++ {
		if p := FirstPid + Pid(i); w.Supervised(p) && !contains(f.pids, p) {
			f.pids = append(f.pids, p)
		}
	}
}

// checkInvariants verifies what must hold whenever the current instant has
// run to completion.
func checkInvariants(w *World) error {
	if err := checkSupervisors(w); err != nil {
		return err
	}
	if err := checkVictims(w); err != nil {
		return err
	}
	for i := 0; i < w.NumProcesses(); i++ {
		p := FirstPid + Pid(i)
		if err := checkProcess(w, p); err != nil {
			return err
		}
	}
	for _, name := range w.Registered() {
		if p, _ := w.Whereis(name); !w.Alive(p) {
			return fmt.Errorf("registry names dead %v as %s", p, name)
		}
	}
	if err := checkStories(w); err != nil {
		return err
	}
	return checkTrace(w)
}

// checkStories verifies that the story of every dead process is its why
// chain, and that each supervisor on it that gave up had exactly its
// intensity of restarts in its window, all of them before its report.
func checkStories(w *World) error {
	for i := 0; i < w.NumProcesses(); i++ {
		p := FirstPid + Pid(i)
		st := w.Story(p)
		if !slices.Equal(st.Chain, w.Why(p)) {
			return fmt.Errorf("the story of %v is not its why chain", p)
		}
		for _, g := range st.GaveUp {
			if err := checkGaveUp(w, g); err != nil {
				return fmt.Errorf("the story of %v: %w", p, err)
			}
		}
	}
	return nil
}

func checkGaveUp(w *World, g GaveUp) error {
	report := w.Entry(g.Report)
	if report.Kind != KindSupervisorShutdown || report.Pid != g.Sup || len(g.Counted) != g.Intensity {
		return fmt.Errorf("%v gave up at %d with %d of %d restarts counted", g.Sup, g.Report, len(g.Counted), g.Intensity)
	}
	last := Seq(0)
	for _, r := range g.Counted {
		e := w.Entry(r)
		if e.Kind != KindRestart || e.Pid != g.Sup || r <= last || r >= g.Report ||
			int64(e.At/Second) < int64(report.At/Second)-int64(g.Period) {
			return fmt.Errorf("restart %d of %v did not count toward its intensity at %d", r, g.Sup, g.Report)
		}
		last = r
	}
	return nil
}

func checkProcess(w *World, p Pid) error {
	info := w.Info(p)
	if !info.Alive {
		if len(info.Links) > 0 || len(info.MonitoredBy) > 0 || info.Registered != "" {
			return fmt.Errorf("dead %v keeps links %v, monitors %v or name %q", p, info.Links, info.MonitoredBy, info.Registered)
		}
		return nil
	}
	for _, l := range info.Links {
		if !w.Alive(l) || !contains(w.Links(l), p) {
			return fmt.Errorf("link %v–%v is not symmetric between live processes", p, l)
		}
	}
	for _, m := range info.Monitors {
		if !w.Alive(m.Target) && m.Target != 0 {
			return fmt.Errorf("%v still monitors dead %v", p, m.Target)
		}
	}
	return nil
}

// checkTrace verifies causes point backwards, time never decreases, each
// exit signals each link at most once and each monitor fires at most once.
func checkTrace(w *World) error {
	type pair struct {
		cause Seq
		to    Pid
	}
	linkSignals := map[pair]bool{}
	downs := map[Ref]bool{}
	var last Time
	for s := Seq(1); int(s) <= w.TraceLen(); s++ {
		e := w.Entry(s)
		switch {
		case e.Cause >= s:
			return fmt.Errorf("entry %d has cause %d", s, e.Cause)
		case e.At < last:
			return fmt.Errorf("entry %d goes back in time", s)
		case e.Kind == KindSignal && e.Has(FlagViaLink) && linkSignals[pair{e.Cause, e.Pid}]:
			return fmt.Errorf("exit %d signals %v twice", e.Cause, e.Pid)
		case e.Kind == KindDown && e.Ref != 0 && downs[e.Ref]:
			return fmt.Errorf("monitor %v fired twice", e.Ref)
		}
		last = e.At
		if e.Kind == KindSignal && e.Has(FlagViaLink) {
			linkSignals[pair{e.Cause, e.Pid}] = true
		}
		if e.Kind == KindDown {
			downs[e.Ref] = true
		}
	}
	return nil
}

// checkSupervisors verifies that a live supervisor's children are exactly
// its live linked children, that its restarts in the window never exceed
// its intensity, and, once nothing is pending, that no child outlives its
// supervisor.
func checkSupervisors(w *World) error {
	for i := 0; i < w.NumProcesses(); i++ {
		p := FirstPid + Pid(i)
		s := w.supOf(p)
		if s == nil {
			continue
		}
		if !w.Alive(p) {
			if err := checkOrphans(w, p); err != nil {
				return err
			}
			continue
		}
		if len(s.stamps) > s.def.flags.Intensity {
			return fmt.Errorf("supervisor %v holds %d restarts with intensity %d", p, len(s.stamps), s.def.flags.Intensity)
		}
		for _, c := range s.children {
			if c.pid != 0 && !w.Alive(c.pid) && s.wait == nil && !unlinked(w, p, c.pid) {
				return fmt.Errorf("supervisor %v lists dead %v as child %s", p, c.pid, c.id())
			}
		}
	}
	return nil
}

// unlinked reports whether a and b ever unlinked: a child that unlinks from
// its supervisor dies unnoticed, as in OTP.
func unlinked(w *World, a, b Pid) bool {
	for s := Seq(1); int(s) <= w.TraceLen(); s++ {
		e := w.Entry(s)
		if e.Kind == KindUnlink && (e.Pid == a && e.Other == b || e.Pid == b && e.Other == a) {
			return true
		}
	}
	return false
}

// checkOrphans verifies that a dead supervisor left none of the children it
// still listed alive. OTP lets a child outlive its supervisor only when
// they were unlinked, or when the supervisor had already forgotten it (an
// EXIT from a live child reads as that child's death; checked on OTP 25).
func checkOrphans(w *World, sup Pid) error {
	if w.Pending() > 0 {
		return nil
	}
	s := w.supOf(sup)
	for i := 0; i < w.NumProcesses(); i++ {
		p := FirstPid + Pid(i)
		if w.Alive(p) && w.Parent(p) == sup && !w.Hung(p) && !unlinked(w, sup, p) && w.childByPid(s, p) != nil {
			return fmt.Errorf("%v outlives its dead supervisor %v", p, sup)
		}
	}
	return nil
}

// checkVictims verifies that chaos's index, while kept, ranks exactly the
// live non-supervisors in pid order, as a scan of every pid would.
func checkVictims(w *World) error {
	if !w.victims.on() {
		return nil
	}
	var scan []Pid
	for i := 0; i < w.NumProcesses(); i++ {
		if p := FirstPid + Pid(i); w.Alive(p) && !w.IsSupervisor(p) {
			scan = append(scan, p)
		}
	}
	if n := w.victims.count(); n != len(scan) {
		return fmt.Errorf("chaos index counts %d candidates, a scan finds %d", n, len(scan))
	}
	for k, p := range scan {
		if got := FirstPid + Pid(w.victims.nth(k)); got != p {
			return fmt.Errorf("chaos index ranks %v at %d, a scan ranks %v", got, k, p)
		}
	}
	return nil
}

func contains(ps []Pid, p Pid) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

func runProgram(t *testing.T, seed uint64, prog []byte) *World {
	return runProgramWith(t, seed, Options{}, prog)
}

// runProgramWith is runProgram in a World configured by o.
func runProgramWith(t *testing.T, seed uint64, o Options, prog []byte) *World {
	f := &fuzzWorld{w: NewWithOptions(seed, o)}
	f.w.SetChaos(float64(seed%3), 0)
	for i := 0; i+2 < len(prog); i += 3 {
		f.act(prog[i], prog[i+1], prog[i+2])
		if f.w.Now() < f.now {
			t.Fatalf("clock went back from %v to %v", f.now, f.w.Now())
		}
		f.now = f.w.Now()
		if f.w.Pending() == 0 || f.w.q.now.len() == 0 {
			if err := checkInvariants(f.w); err != nil {
				t.Fatalf("after action %d: %v", i/3, err)
			}
		}
	}
	return f.w
}

// FuzzKernelInvariants runs random programs and checks the kernel's
// invariants after every action, and that a replay gives the same trace.
func FuzzKernelInvariants(f *testing.F) {
	f.Add(uint64(1), []byte{0, 0, 0, 1, 5, 1, 1, 9, 2, 7, 5, 4, 9, 1, 0})
	f.Add(uint64(2), []byte{0, 0, 1, 0, 0, 2, 2, 5, 1, 4, 5, 0, 11, 0, 1, 13, 5, 40, 7, 9, 0, 14, 0, 60})
	f.Add(uint64(3), []byte{1, 4, 0, 1, 4, 1, 1, 8, 2, 6, 5, 0, 9, 0, 3, 15, 0, 3, 8, 5, 0})
	f.Add(uint64(4), []byte{16, 1, 2, 16, 3, 5, 8, 5, 1, 7, 9, 2, 18, 0, 1, 14, 0, 200, 19, 1, 0, 22, 0, 1, 14, 0, 250})
	f.Add(uint64(5), []byte{17, 2, 10, 8, 6, 3, 8, 7, 3, 8, 8, 3, 14, 0, 90, 23, 5, 2, 20, 0, 0, 14, 0, 255, 14, 0, 255})
	f.Add(uint64(6), []byte{0, 0, 0, 0, 1, 1, 16, 1, 2, 23, 1, 2, 24, 5, 2, 24, 9, 0, 14, 0, 200, 25, 2, 0, 24, 0, 2, 14, 0, 255, 9, 0, 2})
	f.Fuzz(func(t *testing.T, seed uint64, prog []byte) {
		if len(prog) > 3*400 {
			prog = prog[:3*400]
		}
		requireReplay(t, runProgram(t, seed, prog), runProgram(t, seed, prog))
	})
}

// FuzzInterleavedKernelInvariants runs random programs in interleaved
// worlds (Options.Interleave): every other order of concurrent deliveries
// keeps the kernel's invariants, and replays exactly.
func FuzzInterleavedKernelInvariants(f *testing.F) {
	f.Add(uint64(1), uint64(1), []byte{0, 0, 0, 1, 5, 1, 1, 9, 2, 7, 5, 4, 9, 1, 0})
	f.Add(uint64(2), uint64(2), []byte{0, 0, 1, 0, 0, 2, 2, 5, 1, 4, 5, 0, 11, 0, 1, 13, 5, 40, 7, 9, 0, 14, 0, 60})
	f.Add(uint64(4), uint64(3), []byte{16, 1, 2, 16, 3, 5, 8, 5, 1, 7, 9, 2, 18, 0, 1, 14, 0, 200, 19, 1, 0, 22, 0, 1, 14, 0, 250})
	f.Add(uint64(5), uint64(7), []byte{17, 2, 10, 8, 6, 3, 8, 7, 3, 8, 8, 3, 14, 0, 90, 23, 5, 2, 20, 0, 0, 14, 0, 255, 14, 0, 255})
	f.Fuzz(func(t *testing.T, seed, interleave uint64, prog []byte) {
		if len(prog) > 3*400 {
			prog = prog[:3*400]
		}
		o := Options{Interleave: interleave}
		requireReplay(t, runProgramWith(t, seed, o, prog), runProgramWith(t, seed, o, prog))
	})
}

// requireReplay checks that a replay gave the first run's trace.
func requireReplay(t *testing.T, a, b *World) {
	if a.TraceLen() != b.TraceLen() {
		t.Fatalf("replay gave %d entries, first run %d", b.TraceLen(), a.TraceLen())
	}
	for s := Seq(1); int(s) <= a.TraceLen(); s++ {
		if a.Entry(s) != b.Entry(s) {
			t.Fatalf("replay differs at entry %d", s)
		}
	}
}
