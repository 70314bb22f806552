package lessons

import "strings"

// Script is the scenario an exercise's reference solution makes: its
// setup, the solution's commands (none for a predict exercise), `mark`,
// the faults, then the expected cascade. It is what lint --verify and the
// CI check give `verify` to run on the real OTP runtime; `crashcourse run`
// runs it in the simulator.
func (e *Exercise) Script() []byte {
	var b strings.Builder
	part := func(title string, blk Block) {
		if t := strings.TrimSpace(blk.Text); t != "" {
			b.WriteString("# " + title + "\n" + t + "\n")
		}
	}
	part("setup", e.Setup)
	if !e.Predict() {
		part("reference solution", e.Solution)
	}
	b.WriteString("mark\n")
	part("faults", e.Faults)
	part("expected cascade", e.Expect)
	return []byte(b.String())
}
