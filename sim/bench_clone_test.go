package sim

import (
	"strconv"
	"testing"
)

// BenchmarkClone340k: one Clone of a world of 340,000 named processes
// linked in a chain, the world a rewind in the TUI copies before it
// replays a cascade of about a million entries.
func BenchmarkClone340k(b *testing.B) {
	const n = 340_000
	w := New(1)
	prev, _, _ := w.Spawn(Shell, SpawnOpts{Name: "p0"})
	for i := 1; i < n; i++ {
		prev, _, _ = w.Spawn(prev, SpawnOpts{Link: true, Name: "p" + strconv.Itoa(i)})
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if c := w.Clone(); c.NumProcesses() != n {
			b.Fatal("the clone lost processes")
		}
	}
}
