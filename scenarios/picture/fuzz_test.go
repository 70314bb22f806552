package picture

import (
	"testing"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// FuzzPictures: any source draws without panicking, and every diagram it
// draws is in the grammar of checkMermaid (the graph's syntax is checked
// with Graphviz on the built-ins and the hostile corpus).
func FuzzPictures(f *testing.F) {
	for _, s := range scenarios.Builtin() {
		f.Add(s.Src)
	}
	f.Add([]byte(hostileSrc))
	f.Add([]byte("spawn a\na: spawn_link b\nb: monitor a\nkill a\nreset\nspawn a\na: exit {'\\n', \"<b>&amp;;#x\"}\n"))
	// A fuzzer's input may run a restart storm or chaos to the global
	// bounds, seconds each; what a picture draws does not need them.
	limits := sim.Options{MaxProcesses: 10_000, MaxEvents: 20_000, MaxTrace: 100_000}
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, err := dotWithin("fuzz.scn", src, 0, limits); err != nil {
			return
		}
		m, err := mermaidWithin("fuzz.scn", src, 0, limits)
		if err != nil {
			t.Fatalf("Mermaid fails where DOT drew: %v", err)
		}
		checkMermaid(t, m)
	})
}
