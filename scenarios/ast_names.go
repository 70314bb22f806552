package scenarios

import (
	"strconv"

	"github.com/crashcourse/crashcourse/sim"
)

// String prints a process reference as written: a name, a pid <0.N.0>, or
// @n.
func (r ProcRef) String() string {
	switch {
	case r.Registered != "":
		return "@" + r.Registered
	case r.IsPid:
		return sim.Pid(r.Pid).String()
	}
	return r.Name
}

// IDs are the child ids a worker spec stands for: its name, or with
// count=N the names NAME_1 … NAME_N.
func (w *WorkerSpec) IDs() []string {
	if w.Count == 0 {
		return []string{w.Name}
	}
	ids := make([]string, w.Count)
	for i := range ids {
		ids[i] = w.Name + "_" + strconv.Itoa(i+1)
	}
	return ids
}
