package tui

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/scenarios"
)

// BenchmarkFrame10k: one frame of a 10,000-process tree at 120x40 after
// a change (the cursor moves one event, so the rows are rebuilt).
func BenchmarkFrame10k(b *testing.B) {
	var src strings.Builder
	src.WriteString("sup big intensity=100 { worker w count=5000 }\n")
	for i := range 5000 {
		fmt.Fprintf(&src, "spawn p%d\n", i)
	}
	src.WriteString("kill w_1\n")
	m := newModel(b, src.String(), 120, 40)
	b.ResetTimer()
	for i := range b.N {
		if i%2 == 0 {
			m = press(m, "left")
		} else {
			m = press(m, "right")
		}
		_ = m.View()
	}
}

// chainSrc is a chain of n linked processes whose head is killed: about
// three entries per process.
func chainSrc(n int) []*scenarios.Command {
	var src strings.Builder
	src.WriteString("spawn p0\n")
	for i := 1; i < n; i++ {
		fmt.Fprintf(&src, "p%d: spawn_link p%d\n", i-1, i)
	}
	src.WriteString("kill p0\n")
	cmds, err := scenarios.Parse("chain.scn", []byte(src.String()))
	if err != nil {
		panic(err)
	}
	return cmds
}

func heapInUse() uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	return ms.HeapAlloc
}

// BenchmarkStepBack1M: one step back from the end of a trace of about a
// million entries; snapshot-B/world-B is the memory the snapshots take
// over the world's own.
func BenchmarkStepBack1M(b *testing.B) {
	cmds := chainSrc(340_000)
	base := heapInUse()
	plain := scenarios.NewSession(0)
	for _, c := range cmds {
		plain.Exec(c)
	}
	worldB := heapInUse() - base
	entries := plain.World().TraceLen()
	plain = nil
	base = heapInUse()
	tl := newTimeline(scenarios.NewSession(0))
	for _, c := range cmds {
		tl.exec(c, nil)
	}
	totalB := heapInUse() - base
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		tl.seek(tl.headLen())
		b.StartTimer()
		tl.back()
	}
	if tl.at >= tl.headLen() {
		b.Fatal("did not step back")
	}
	b.ReportMetric(float64(totalB-worldB)/float64(worldB), "snapshot-B/world-B")
	b.ReportMetric(float64(entries), "entries")
}
