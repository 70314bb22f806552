package scenarios

import (
	"errors"
	"time"

	"github.com/crashcourse/crashcourse/sim"
)

// OTP's default shutdown times: 5000 ms for a worker, infinity for a
// supervisor.
const defaultWorkerShutdown = 5000 * time.Millisecond

// supervise starts a top-level supervisor with the shell as its parent.
func (x *execution) supervise(spec *SupSpec) error {
	if err := x.checkTreeSize(x.c.Pos, supProcs(spec)); err != nil {
		return err
	}
	s, err := x.supSpec(spec)
	if err != nil {
		return err
	}
	pid, err := x.w().StartSupervisor(spec.Name, s)
	var se *sim.Error
	x.r.Outcome = pid != 0 && errors.As(err, &se) && se.Reason != nil
	return err
}

// supSpec turns a written supervisor into the kernel's spec, with OTP's
// defaults filled in and count=N children expanded.
func (x *execution) supSpec(s *SupSpec) (sim.SupSpec, error) {
	out := sim.SupSpec{Flags: sim.SupFlags{
		Strategy: strategies[s.Strategy], Intensity: s.Intensity, Period: s.Period,
		AutoShutdown: autoShutdowns[s.AutoShutdown], Backoff: backoff(s.Backoff),
	}}
	for i := range s.Children {
		specs, err := x.childSpecs(&s.Children[i])
		if err != nil {
			return out, err
		}
		out.Children = append(out.Children, specs...)
	}
	return out, nil
}

var strategies = map[string]sim.Strategy{
	"": sim.OneForOne, "one_for_one": sim.OneForOne, "one_for_all": sim.OneForAll,
	"rest_for_one": sim.RestForOne, "simple_one_for_one": sim.SimpleOneForOne,
}

var autoShutdowns = map[string]sim.AutoShutdown{
	"": sim.Never, "never": sim.Never, "any_significant": sim.AnySignificant, "all_significant": sim.AllSignificant,
}

var restartTypes = map[string]sim.RestartType{
	"": sim.Permanent, "permanent": sim.Permanent, "transient": sim.Transient, "temporary": sim.Temporary,
}

func backoff(b *Backoff) *sim.Backoff {
	if b == nil {
		return nil
	}
	return &sim.Backoff{Min: sim.FromDuration(b.Min), Max: sim.FromDuration(b.Max)}
}

// childSpecs converts one written child; a worker with count=N becomes N
// children NAME_1 … NAME_N.
func (x *execution) childSpecs(c *ChildSpec) ([]sim.ChildSpec, error) {
	if c.Sup != nil {
		inner, err := x.supSpec(c.Sup)
		spec := sim.ChildSpec{ID: c.Sup.Name, Module: SupModule(c.Sup.Name), Sup: &inner}
		applyChildOpts(&spec, c.Sup.Child, sim.ShutdownSpec{Infinity: true})
		return []sim.ChildSpec{spec}, err
	}
	spec, err := x.workerSpec(c.Worker)
	var out []sim.ChildSpec
	for _, id := range c.Worker.IDs() {
		spec.ID = id
		out = append(out, spec)
	}
	return out, err
}

func (x *execution) workerSpec(wk *WorkerSpec) (sim.ChildSpec, error) {
	spec := sim.ChildSpec{
		ID: wk.Name, Module: WorkerModule(wk.Name), TrapExit: wk.TrapExit, Terminate: sim.FromDuration(wk.Terminate),
		InitTime: sim.FromDuration(wk.InitTime), CallTime: sim.FromDuration(wk.CallTime), Register: wk.Register, Backoff: backoff(wk.Backoff),
	}
	applyChildOpts(&spec, wk.Opts, sim.ShutdownSpec{Timeout: sim.FromDuration(defaultWorkerShutdown)})
	if h := wk.Health; h != nil {
		spec.Health = &sim.Health{Interval: sim.FromDuration(h.Interval), Timeout: sim.FromDuration(h.Timeout), Threshold: h.Threshold}
	}
	for _, r := range wk.Init {
		ir, err := x.initResult(r)
		if err != nil {
			return spec, err
		}
		spec.Init = append(spec.Init, ir)
	}
	return spec, nil
}

func applyChildOpts(spec *sim.ChildSpec, o ChildOpts, shutdown sim.ShutdownSpec) {
	spec.Restart = restartTypes[o.Restart]
	spec.Significant = o.Significant
	spec.Shutdown = shutdown
	if s := o.Shutdown; s.Set {
		spec.Shutdown = sim.ShutdownSpec{BrutalKill: s.BrutalKill, Infinity: s.Infinity, Timeout: sim.FromDuration(s.Timeout)}
	}
}

var simInitKinds = map[string]sim.InitKind{"ok": sim.InitOK, "ignore": sim.InitIgnore, "error": sim.InitError, "crash": sim.InitCrash}

func (x *execution) initResult(r InitResult) (sim.InitResult, error) {
	out := sim.InitResult{Kind: simInitKinds[r.Kind]}
	if r.Reason != nil {
		t, err := x.term(r.Reason)
		if err != nil {
			return out, err
		}
		out.Reason = t
	}
	return out, nil
}

// dyn performs a supervisor call, stop or shutdown and prints the reply.
func (x *execution) dyn(d *DynCmd) error {
	w := x.w()
	if x.c.Verb == "shutdown" {
		w.ShutdownAll()
		return nil
	}
	sup, err := x.pid(d.Sup)
	if err != nil {
		return err
	}
	if x.c.Verb == "stop" {
		return w.Stop(sup)
	}
	reply, err := x.supCall(sup, d)
	if reply != nil {
		x.printf(Now(w).Term(reply))
	}
	return err
}

func (x *execution) supCall(sup sim.Pid, d *DynCmd) (sim.Term, error) {
	w := x.w()
	switch x.c.Verb {
	case "start_child":
		if d.Spec == nil {
			return w.StartChild(sup, nil)
		}
		if err := x.checkTreeSize(d.Spec.Pos, childProcs(d.Spec)); err != nil {
			return nil, err
		}
		specs, err := x.childSpecs(d.Spec)
		if err != nil {
			return nil, err
		}
		return w.StartChild(sup, &specs[0])
	case "terminate_child":
		if d.Pid != nil {
			p, err := x.pid(*d.Pid)
			if err != nil {
				return nil, err
			}
			return w.TerminateChild(sup, "", p)
		}
		return w.TerminateChild(sup, d.Child, 0)
	case "restart_child":
		return w.RestartChild(sup, d.Child)
	case "delete_child":
		return w.DeleteChild(sup, d.Child)
	case "which_children":
		return w.WhichChildren(sup)
	}
	return w.CountChildren(sup)
}
