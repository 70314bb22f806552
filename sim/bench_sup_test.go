package sim

import (
	"strconv"
	"testing"
)

// BenchmarkRestartStorm: a one_for_one supervisor of 1,000 permanent
// workers with an intensity it never reaches (1<<30 restarts in 1 s);
// children picked by a fixed xorshift exit with boom, one per virtual
// millisecond, and are restarted at once. The trace records everything.
// One op is one crash and its restart; restarts/s is per second of wall
// time. The crash is the kernel's die with boom interned once: Exit would
// intern the reason again on every call.
func BenchmarkRestartStorm(b *testing.B) {
	const n = 1000
	w := New(1)
	specs := make([]ChildSpec, n)
	ids := make([]string, n)
	for i := range specs {
		ids[i] = "c" + strconv.Itoa(i)
		specs[i] = ChildSpec{ID: ids[i], Restart: Permanent, Shutdown: ShutdownSpec{Timeout: 5000 * Millisecond}}
	}
	top, err := w.StartSupervisor("top", SupSpec{Flags: SupFlags{Strategy: OneForOne, Intensity: 1 << 30, Period: 1}, Children: specs})
	if err != nil {
		b.Fatal(err)
	}
	pids := make([]Pid, n)
	for i, id := range ids {
		pids[i] = w.names[id]
	}
	x := uint64(0x9E3779B97F4A7C15) // xorshift64
	boom := w.intern(Boom)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		k := x % n
		w.die(pids[k], boom, 0)
		w.Advance(Millisecond)
		pids[k] = w.names[ids[k]]
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "restarts/s")
	if !w.Alive(top) || w.NumAlive() != n+1 {
		b.Fatalf("the storm broke the tree: %d alive", w.NumAlive())
	}
	restarts := 0
	for _, p := range pids {
		if !w.Alive(p) {
			b.Fatalf("%s is down", w.Label(p))
		}
		r, _ := w.Restarts(p)
		restarts += r
	}
	if restarts != b.N {
		b.Fatalf("%d restarts for %d crashes", restarts, b.N)
	}
}
