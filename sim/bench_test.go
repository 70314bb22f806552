package sim

import (
	"runtime"
	"testing"
)

const million = 1_000_000

// heapInUse returns the live heap after a full collection.
func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// reportPerProc reports the heap cost of each live process of w, trace
// included, as B/proc.
func reportPerProc(b *testing.B, before uint64, w *World) {
	after := heapInUse()
	b.ReportMetric(float64(after-before)/float64(w.NumAlive()), "B/proc")
	runtime.KeepAlive(w)
}

// buildChain builds n processes, each spawn_linked by the previous one.
func buildChain(n int) (*World, Pid) {
	w := New(1)
	head, _, _ := w.Spawn(Shell, SpawnOpts{})
	prev := head
	for i := 1; i < n; i++ {
		prev, _, _ = w.Spawn(prev, SpawnOpts{Link: true})
	}
	return w, head
}

// buildStar builds a hub spawn_linked to n leaves.
func buildStar(n int) (*World, Pid) {
	w := New(1)
	hub, _, _ := w.Spawn(Shell, SpawnOpts{})
	for i := 0; i < n; i++ {
		w.Spawn(hub, SpawnOpts{Link: true})
	}
	return w, hub
}

func benchCascade(b *testing.B, build func(int) (*World, Pid)) {
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		before := heapInUse()
		w, head := build(million)
		if i == 0 {
			reportPerProc(b, before, w)
		}
		b.StartTimer()
		w.Exit(head, Boom)
		w.RunInstant()
		b.StopTimer()
		if w.NumAlive() != 0 {
			b.Fatalf("%d processes survived the cascade", w.NumAlive())
		}
		b.StartTimer()
	}
}

// BenchmarkChainCascade1M: a million processes linked in a chain; the head
// exits boom and the death runs down the chain.
func BenchmarkChainCascade1M(b *testing.B) { benchCascade(b, buildChain) }

// BenchmarkStarCascade1M: a hub linked to a million leaves exits boom.
func BenchmarkStarCascade1M(b *testing.B) { benchCascade(b, buildStar) }

// BenchmarkSpawnExit1M spawns a million processes and has each exit.
func BenchmarkSpawnExit1M(b *testing.B) {
	for i := 0; i < b.N; i++ {
		w := New(1)
		for j := 0; j < million; j++ {
			p, _, _ := w.Spawn(Shell, SpawnOpts{})
			w.Exit(p, Normal)
		}
		w.RunInstant()
		if w.NumProcesses() != million || w.NumAlive() != 0 {
			b.Fatal("wrong process count")
		}
	}
	b.StopTimer()
	before := heapInUse()
	w, _ := buildChain(million)
	reportPerProc(b, before, w)
}

// BenchmarkEventLoop runs events through the queue with 10,000 always
// pending in the future: each step delivers one exit signal (normal, so it
// is ignored and traced) and schedules another.
func BenchmarkEventLoop(b *testing.B) {
	const pending = 10_000
	w := New(1)
	p, _, _ := w.Spawn(Shell, SpawnOpts{})
	for i := 0; i < pending; i++ {
		w.schedule(event{at: Time(w.rng.intn(1000) + 1), kind: evSignal, to: p, from: p, term: tNormal})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if w.Step(1) != 1 {
			b.Fatal("queue ran dry")
		}
		w.schedule(event{at: w.now + Time(w.rng.intn(1000)+1), kind: evSignal, to: p, from: Shell, term: tNormal})
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "events/s")
}
