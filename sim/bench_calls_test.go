package sim

import "testing"

// BenchmarkCallCascade is the noproc cascade at scale: n callers wait on
// one hung worker, which is then killed; every caller gets the DOWN and
// exits {killed, {gen_server, call, Args}}.
func BenchmarkCallCascade(b *testing.B) {
	const n = 100_000
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		w := New(1)
		x := ChildSpec{ID: "db", Shutdown: ShutdownSpec{Timeout: 5 * Second}}
		if _, err := w.StartSupervisor("top", SupSpec{Flags: DefaultFlags(), Children: []ChildSpec{x}}); err != nil {
			b.Fatal(err)
		}
		db, _ := w.Lookup("db")
		if err := w.Hang(db); err != nil {
			b.Fatal(err)
		}
		for j := 0; j < n; j++ {
			c, _, _ := w.Spawn(Shell, SpawnOpts{})
			if _, err := w.Call(c, Dest{Pid: db}, Atom("ping"), CallTimeout{Set: true, Infinity: true}); err != nil {
				b.Fatal(err)
			}
		}
		w.RunInstant()
		b.StartTimer()
		w.SendExit(Shell, db, Kill)
		w.RunInstant()
		b.StopTimer()
		if w.NumAlive() != 2 {
			b.Fatalf("%d processes alive, want the supervisor and the new db", w.NumAlive())
		}
	}
}
