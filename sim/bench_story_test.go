package sim

import "testing"

// BenchmarkStoryOfAGiveUp: a supervisor with intensity 10,000 in a 1 s
// period takes 10,001 crashes of its worker inside one instant and gives
// up; one op is the story of its end, which finds the 10,000 restarts
// that counted by scanning back from its report.
func BenchmarkStoryOfAGiveUp(b *testing.B) {
	const intensity = 10000
	w := New(1)
	top, err := w.StartSupervisor("top", SupSpec{Flags: SupFlags{Strategy: OneForOne, Intensity: intensity, Period: 1},
		Children: []ChildSpec{{ID: "w", Restart: Permanent, Shutdown: ShutdownSpec{Timeout: 5000 * Millisecond}}}})
	if err != nil {
		b.Fatal(err)
	}
	for w.Alive(top) {
		if err := w.Crash(w.names["w"], Boom); err != nil {
			b.Fatal(err)
		}
		w.RunInstant()
	}
	b.ResetTimer()
	for range b.N {
		if st := w.Story(top); len(st.GaveUp) != 1 || len(st.GaveUp[0].Counted) != intensity {
			b.Fatal("the story lost the restarts that counted")
		}
	}
}

// BenchmarkPreviousIncarnation: the previous incarnation of a name whose
// two incarnations are 100,000 pids apart, as `why NAME` looks it up.
func BenchmarkPreviousIncarnation(b *testing.B) {
	w := New(1)
	first, _, err := w.Spawn(Shell, SpawnOpts{Name: "a"})
	if err != nil {
		b.Fatal(err)
	}
	for range 100000 {
		if _, _, err := w.Spawn(Shell, SpawnOpts{}); err != nil {
			b.Fatal(err)
		}
	}
	if err := w.SendExit(Shell, first, Kill); err != nil {
		b.Fatal(err)
	}
	w.RunInstant()
	last, _, err := w.Spawn(Shell, SpawnOpts{Name: "a"})
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if p, ok := w.Previous(last); !ok || p != first {
			b.Fatal("lost the first incarnation")
		}
	}
}
