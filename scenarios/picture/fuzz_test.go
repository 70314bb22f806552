package picture

import (
	"testing"

	"github.com/crashcourse/crashcourse/scenarios"
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
	f.Fuzz(func(t *testing.T, src []byte) {
		cmds, _ := scenarios.Parse("fuzz.scn", src)
		for _, c := range cmds {
			if c.Verb == "run" || c.Verb == "chaos" {
				return // bounded, but slow for a fuzzer when chaos never stops
			}
		}
		if _, err := DOT("fuzz.scn", src, 0); err != nil {
			return
		}
		m, err := Mermaid("fuzz.scn", src, 0)
		if err != nil {
			t.Fatalf("Mermaid fails where DOT drew: %v", err)
		}
		checkMermaid(t, m)
	})
}
