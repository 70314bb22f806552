package sim

import (
	"strconv"
	"testing"
)

// BenchmarkChaosRun: chaos crashes one of 100 permanent workers every
// virtual millisecond on average, and their supervisor restarts each at
// once, so every crash leaves one more dead pid behind. One op runs the
// whole storm; ns/event is the wall time per event run, which stays flat
// from 20,000 to 200,000 crashes when a tick's cost does not grow with the
// pids spawned before it.
func BenchmarkChaosRun(b *testing.B) {
	for _, crashes := range []int{20_000, 200_000} {
		b.Run("crashes="+strconv.Itoa(crashes), func(b *testing.B) { benchChaosRun(b, crashes) })
	}
}

func benchChaosRun(b *testing.B, crashes int) {
	events := 0
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		w := chaosStorm(b)
		b.StartTimer()
		n, bounded := w.Run(Time(crashes) * Millisecond)
		events += n
		b.StopTimer()
		if bounded || w.NumProcesses() < crashes/2 {
			b.Fatalf("ran %d events into %d processes (bounded: %v)", n, w.NumProcesses(), bounded)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(events), "ns/event")
}

// chaosStorm starts a supervisor of 100 workers that never reaches its
// intensity and sets chaos at 1,000 crashes per virtual second.
func chaosStorm(b *testing.B) *World {
	w := New(1)
	specs := make([]ChildSpec, 100)
	for i := range specs {
		specs[i] = ChildSpec{ID: "c" + strconv.Itoa(i), Restart: Permanent, Shutdown: ShutdownSpec{Timeout: Second}}
	}
	if _, err := w.StartSupervisor("top", SupSpec{Flags: SupFlags{Strategy: OneForOne, Intensity: 1 << 30, Period: 1}, Children: specs}); err != nil {
		b.Fatal(err)
	}
	w.SetChaos(1000, 0)
	return w
}

// BenchmarkRetryStorm: the last of N workers crashes, and every restart
// of it fails, so its supervisor retries it one event at a time. One op is
// one event; ns/op stays flat from 10 to 100,000 siblings when a retry
// finds its child without scanning them.
func BenchmarkRetryStorm(b *testing.B) {
	for _, n := range []int{10, 100_000} {
		b.Run("children="+strconv.Itoa(n), func(b *testing.B) {
			w := New(1)
			specs := make([]ChildSpec, n)
			for i := range specs {
				specs[i] = ChildSpec{ID: "w" + strconv.Itoa(i), Init: []InitResult{{Kind: InitOK}, {Kind: InitCrash, Reason: Atom("bad")}}}
			}
			if _, err := w.StartSupervisor("s", SupSpec{Flags: SupFlags{Intensity: 1 << 30, Period: 1}, Children: specs}); err != nil {
				b.Fatal(err)
			}
			if err := w.Crash(w.names[specs[n-1].ID], Boom); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			if ran := w.Step(b.N); ran != b.N {
				b.Fatalf("the storm ran dry after %d events", ran)
			}
		})
	}
}
