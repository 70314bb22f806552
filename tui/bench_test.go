package tui

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/crashcourse/crashcourse/scenarios"
)

// BenchmarkFrame10k: one frame of a 10,000-process tree at 120x40 after
// a change: the rows are rebuilt from the world, the selection moves, and
// the screen is drawn.
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
		m.refresh()
		m.moveTree(i%2 == 0)
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

// BenchmarkPlayTick100k: one frame of play at full speed through a cascade
// of about 100,000 entries, so keys between frames wait at most this long.
func BenchmarkPlayTick100k(b *testing.B) {
	cmds := chainSrc(34_000)
	m := New(scenarios.NewSession(0), Options{NoColor: true})
	for _, c := range cmds {
		m.tl.exec(c, nil)
	}
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 40})
	m.speed = len(playSpeeds) - 1
	m.tl.seek(m.tl.lastCascade())
	m.playing = true
	b.ResetTimer()
	for range b.N {
		if m.tl.live {
			b.StopTimer()
			m.tl.seek(m.tl.lastCascade())
			m.playing = true
			b.StartTimer()
		}
		next, _ := m.Update(tickMsg{gen: m.playGen})
		m = next.(Model)
		_ = m.View()
	}
}
