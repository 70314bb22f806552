package workshop

import (
	"fmt"
	"testing"
)

// stormLine is a restart storm that never ends: every restart of w fails
// and the intensity is never reached.
const stormLine = "sup s intensity=1000000 period=1 { worker w init=ok,crash:bad }"

// TestARunawayWorldHitsItsSessionLimits: over SSH, a learner's restart
// storm stops at the session's event bound with the note, fills the
// trace (at its default bound) and stops there, and a tree past the
// process limit is refused; the session goes on, the world at its trace
// bound holds what Config says (about 30 MiB), and once the trace is full
// more runs take no more memory.
func TestARunawayWorldHitsItsSessionLimits(t *testing.T) {
	base := heapInUse()
	srv := start(t, Config{Dir: t.TempDir(), MaxProcesses: 1000, MaxEvents: 10_000})
	ada := connect(t, srv.addr, "ada", newKey(t))
	ada.waitText(inLesson(1))
	ada.command(stormLine)
	ada.command("w: crash boom")
	ada.waitText("stopped at the safety bound of 10000 events")
	for i := range 3 {
		ada.command(fmt.Sprintf("run %dms", i+1)) // distinct lines: command waits for its echo
	}
	ada.waitText("the trace is full")
	full := heapInUse()
	for i := range 5 {
		ada.command(fmt.Sprintf("run %dms", i+10))
	}
	after := heapInUse()
	ada.send(":sup t { worker x count=2000 }\r") // its error hides its echo
	ada.waitText("more than this session's process limit of 1000")
	ada.send("L")
	ada.waitText("Lesson 1: ") // the lesson's page
	t.Logf("heap: %.1f MiB before, %.1f MiB with the trace full, %.1f MiB after 5 more runs",
		mibs(base), mibs(full), mibs(after))
	if took := int64(full) - int64(base); took > 40<<20 {
		t.Errorf("a world at the default trace bound took %.1f MiB", float64(took)/(1<<20))
	}
	if grew := int64(after) - int64(full); grew > 4<<20 {
		t.Errorf("5 runs past the full trace took %.1f MiB more", float64(grew)/(1<<20))
	}
}

// mibs is n bytes in MiB.
func mibs(n uint64) float64 { return float64(n) / (1 << 20) }

// TestNewSessionsAreRefusedOverTheHeapMaximum: past MaxHeapBytes a new
// session is refused with a message.
func TestNewSessionsAreRefusedOverTheHeapMaximum(t *testing.T) {
	srv := start(t, Config{Dir: t.TempDir(), MaxHeapBytes: 1})
	connect(t, srv.addr, "ada", newKey(t)).waitText("the server is short of memory")
}
