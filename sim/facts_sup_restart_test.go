package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Section E of otp-facts.md, facts 21–25: restart strategies, the restart
// intensity and restart types.

func TestFactE21_OneForOneMaxIntensity(t *testing.T) {
	for _, tc := range []struct {
		name          string
		trap          bool
		first, second string
		want          []string
	}{
		{name: "E21/b crashes twice; trapping children run terminate(shutdown), c then a", trap: true,
			first: "b", second: "b", want: lines(
				"exit b boom", "child_terminated top b boom", "started top b",
				"exit b boom", "child_terminated top b boom", "shutdown top b reached_max_restart_intensity",
				"terminate c shutdown", "exit c shutdown", "terminate a shutdown", "exit a shutdown",
				"exit top shutdown")},
		{name: "E21/non-trapping children die at once with shutdown, same order",
			first: "b", second: "b", want: lines(
				"exit b boom", "child_terminated top b boom", "started top b",
				"exit b boom", "child_terminated top b boom", "shutdown top b reached_max_restart_intensity",
				"exit c shutdown", "exit a shutdown",
				"exit top shutdown")},
		{name: "E21/crashes of a then c count toward the same limit", trap: true,
			first: "a", second: "c", want: lines(
				"exit a boom", "child_terminated top a boom", "started top a",
				"exit c boom", "child_terminated top c boom", "shutdown top c reached_max_restart_intensity",
				"terminate b shutdown", "exit b shutdown", "terminate a shutdown", "exit a shutdown",
				"exit top shutdown")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			specs := workers("a", "b", "c")
			if !tc.trap {
				specs = plain(specs)
			}
			top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: specs})
			m := mark(w)
			exitWith(t, w, tc.first, Boom)
			restarted := livePid(t, w, tc.first)
			w.Advance(100 * Millisecond)
			exitWith(t, w, tc.second, Boom)

			requireStory(t, w, m, tc.want...)
			requireDead(t, w, top, Shutdown)
			require.Equal(t, 0, w.NumAlive(), "the whole tree is gone")
			if tc.first == tc.second {
				require.False(t, w.Alive(pidOf(t, w, "b")), "b is not restarted a second time")
				n, ok := w.Restarts(restarted)
				require.True(t, ok)
				require.Equal(t, 1, n, "b was restarted once")
			}
		})
	}
}

func TestFactE22_IntensityRule(t *testing.T) {
	t.Run("E22/intensity N allows N restarts; crash N+1 shuts down", func(t *testing.T) {
		for _, n := range []int{0, 1, 3} {
			w := New(1)
			top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, n, 5), Children: workers("a", "b")})
			for i := 0; i < n; i++ {
				exitWith(t, w, "b", Boom)
				requireAlive(t, w, top)
				livePid(t, w, "b")
				w.Advance(100 * Millisecond)
			}
			m := mark(w)
			exitWith(t, w, "b", Boom)
			requireDead(t, w, top, Shutdown)
			require.Equal(t, lines("exit b boom", "child_terminated top b boom", "shutdown top b reached_max_restart_intensity"),
				story(w, m)[:3], "intensity %d", n)
			require.Equal(t, n, countKind(w, 0, KindRestart, top), "intensity %d: restarts", n)
		}
	})

	// I=1, P=1. Stamps are whole seconds of the clock: an earlier stamp
	// counts while Stamp >= Now - Period.
	for _, tc := range []struct {
		name          string
		first, second Time // clock times of the two crashes
		survives      bool
	}{
		{name: "E22/X+0.05 then 1.10 s later (X+1.15) shuts down", first: 3*Second + 50*Millisecond, second: 4*Second + 150*Millisecond},
		{name: "E22/X+0.90 then 1.10 s later (X+2.00) survives", first: 3*Second + 900*Millisecond, second: 5 * Second, survives: true},
		{name: "E22/X+0.05 then 2.05 s later survives", first: 3*Second + 50*Millisecond, second: 5*Second + 100*Millisecond, survives: true},
		{name: "E22/X+0.90 then 2.05 s later survives", first: 3*Second + 900*Millisecond, second: 5*Second + 950*Millisecond, survives: true},
		{name: "E22/X+0.00 then 1.99 s later (X+1.99) shuts down", first: 3 * Second, second: 4*Second + 990*Millisecond},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 1), Children: workers("a", "b")})
			w.Advance(tc.first)
			exitWith(t, w, "b", Boom)
			requireAlive(t, w, top)
			w.Advance(tc.second - tc.first)
			require.Equal(t, tc.second, w.Now())
			exitWith(t, w, "b", Boom)
			if tc.survives {
				requireAlive(t, w, top)
				livePid(t, w, "b")
				require.Equal(t, 2, countKind(w, 0, KindRestart, top))
				return
			}
			requireDead(t, w, top, Shutdown)
			require.Equal(t, 1, countKind(w, 0, KindSupervisorShutdown, top))
		})
	}

	t.Run("E22/a one_for_all restart of 3 children counts as one", func(t *testing.T) {
		w := New(1)
		top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForAll, 1, 5), Children: workers("a", "b", "c")})
		exitWith(t, w, "b", Boom)
		requireAlive(t, w, top)
		for _, id := range []string{"a", "b", "c"} {
			n, _ := w.Restarts(livePid(t, w, id))
			require.Equal(t, 1, n, id)
		}
		w.Advance(100 * Millisecond)
		exitWith(t, w, "b", Boom)
		requireDead(t, w, top, Shutdown)
	})
}

func TestFactE23_OneForAll(t *testing.T) {
	t.Run("E23/b crashes: c then a terminated, then a, b, c started", func(t *testing.T) {
		w := New(1)
		top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForAll, 1, 5), Children: workers("a", "b", "c")})
		m := mark(w)
		exitWith(t, w, "b", Boom)
		requireStory(t, w, m,
			"exit b boom", "child_terminated top b boom",
			"terminate c shutdown", "exit c shutdown", "terminate a shutdown", "exit a shutdown",
			"started top a", "started top b", "started top c")
		requireChildren(t, w, top, kid("c", livePid(t, w, "c")), kid("b", livePid(t, w, "b")), kid("a", livePid(t, w, "a")))
	})

	t.Run("E23/5 children, c killed: e, d, b, a terminated; a..e started", func(t *testing.T) {
		w := New(1)
		startSup(t, w, "top", SupSpec{Flags: sflags(OneForAll, 1, 5), Children: workers("a", "b", "c", "d", "e")})
		m := mark(w)
		require.NoError(t, w.SendExit(Shell, livePid(t, w, "c"), Kill))
		w.RunInstant()
		requireStory(t, w, m,
			"exit c killed", "child_terminated top c killed",
			"terminate e shutdown", "exit e shutdown", "terminate d shutdown", "exit d shutdown",
			"terminate b shutdown", "exit b shutdown", "terminate a shutdown", "exit a shutdown",
			"started top a", "started top b", "started top c", "started top d", "started top e")
	})

	t.Run("E23/a temporary sibling is terminated and not restarted", func(t *testing.T) {
		w := New(1)
		specs := workers("a", "b", "t")
		specs[2].Restart = Temporary
		top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForAll, 1, 5), Children: specs})
		m := mark(w)
		exitWith(t, w, "b", Boom)
		requireStory(t, w, m,
			"exit b boom", "child_terminated top b boom",
			"terminate t shutdown", "exit t shutdown", "terminate a shutdown", "exit a shutdown",
			"started top a", "started top b")
		requireChildren(t, w, top, kid("b", livePid(t, w, "b")), kid("a", livePid(t, w, "a")))
	})

	t.Run("E23/a transient child exiting normal triggers nothing", func(t *testing.T) {
		w := New(1)
		specs := workers("a", "b", "c")
		specs[1].Restart = Transient
		top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForAll, 1, 5), Children: specs})
		a, c := livePid(t, w, "a"), livePid(t, w, "c")
		m := mark(w)
		exitWith(t, w, "b", Normal)
		requireStory(t, w, m, "exit b normal")
		requireChildren(t, w, top, kid("c", c), kid("b", 0), kid("a", a))
	})
}

func TestFactE24_RestForOne(t *testing.T) {
	for _, tc := range []struct {
		name, crash string
		want        []string
	}{
		{name: "E24/b crashes: d, c terminated; b, c, d started; a untouched", crash: "b", want: lines(
			"exit b boom", "child_terminated top b boom",
			"terminate d shutdown", "exit d shutdown", "terminate c shutdown", "exit c shutdown",
			"started top b", "started top c", "started top d")},
		{name: "E24/the last child crashes: only it is restarted", crash: "d", want: lines(
			"exit d boom", "child_terminated top d boom", "started top d")},
		{name: "E24/the first child crashes: d, c, b terminated; a, b, c, d started", crash: "a", want: lines(
			"exit a boom", "child_terminated top a boom",
			"terminate d shutdown", "exit d shutdown", "terminate c shutdown", "exit c shutdown",
			"terminate b shutdown", "exit b shutdown",
			"started top a", "started top b", "started top c", "started top d")},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			top := startSup(t, w, "top", SupSpec{Flags: sflags(RestForOne, 1, 5), Children: workers("a", "b", "c", "d")})
			before := map[string]Pid{}
			for _, id := range []string{"a", "b", "c", "d"} {
				before[id] = livePid(t, w, id)
			}
			m := mark(w)
			exitWith(t, w, tc.crash, Boom)
			requireStory(t, w, m, tc.want...)
			var want []Term
			for _, id := range []string{"d", "c", "b", "a"} {
				p := livePid(t, w, id)
				want = append(want, kid(id, p))
				restarted := len(only(tc.want, "started top "+id)) == 1
				require.Equal(t, restarted, p != before[id], id)
			}
			requireChildren(t, w, top, want...)
		})
	}
}

func TestFactE25_RestartTypes(t *testing.T) {
	shutdownX := Tuple{Shutdown, Atom("x")}
	type outcome uint8
	const (
		restarted outcome = iota
		kept              // not restarted, entry kept with pid undefined
		removed           // not restarted, entry removed
	)
	for _, tc := range []struct {
		name    string
		restart RestartType
		reason  Term
		killed  bool // exit(P, kill) from the shell instead of exit(reason)
		want    outcome
		report  bool
	}{
		{name: "permanent/normal", restart: Permanent, reason: Normal, want: restarted, report: true},
		{name: "permanent/shutdown", restart: Permanent, reason: Shutdown, want: restarted, report: true},
		{name: "permanent/{shutdown,x}", restart: Permanent, reason: shutdownX, want: restarted, report: true},
		{name: "permanent/boom", restart: Permanent, reason: Boom, want: restarted, report: true},
		{name: "transient/normal", restart: Transient, reason: Normal, want: kept},
		{name: "transient/shutdown", restart: Transient, reason: Shutdown, want: kept},
		{name: "transient/{shutdown,x}", restart: Transient, reason: shutdownX, want: kept},
		{name: "transient/boom", restart: Transient, reason: Boom, want: restarted, report: true},
		{name: "transient/killed by exit(P,kill)", restart: Transient, reason: Killed, killed: true, want: restarted, report: true},
		{name: "temporary/normal", restart: Temporary, reason: Normal, want: removed},
		{name: "temporary/shutdown", restart: Temporary, reason: Shutdown, want: removed},
		{name: "temporary/{shutdown,x}", restart: Temporary, reason: shutdownX, want: removed},
		{name: "temporary/boom", restart: Temporary, reason: Boom, want: removed, report: true},
	} {
		for _, intensity := range []int{5, 0} {
			t.Run("E25/"+tc.name+"/intensity "+itoa(intensity), func(t *testing.T) {
				w := New(1)
				specs := workers("a", "x", "c")
				specs[1].Restart = tc.restart
				top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, intensity, 5), Children: specs})
				a, x, c := livePid(t, w, "a"), livePid(t, w, "x"), livePid(t, w, "c")
				m := mark(w)
				if tc.killed {
					require.NoError(t, w.SendExit(Shell, x, Kill))
					w.RunInstant()
				} else {
					exitWith(t, w, "x", tc.reason)
				}
				requireDead(t, w, x, tc.reason)

				reports := only(story(w, m), "child_terminated")
				if tc.report {
					require.Equal(t, lines("child_terminated top x "+tc.reason.String()), reports)
				} else {
					require.Empty(t, reports)
				}
				if intensity == 0 {
					// Only an exit that leads to a restart counts.
					if tc.want == restarted {
						requireDead(t, w, top, Shutdown)
						return
					}
					requireAlive(t, w, top)
				}
				switch tc.want {
				case restarted:
					requireChildren(t, w, top, kid("c", c), kid("x", livePid(t, w, "x")), kid("a", a))
					n, _ := w.Restarts(pidOf(t, w, "x"))
					require.Equal(t, 1, n)
				case kept:
					require.Equal(t, x, pidOf(t, w, "x"), "no new incarnation")
					requireChildren(t, w, top, kid("c", c), kid("x", 0), kid("a", a))
				case removed:
					require.Equal(t, x, pidOf(t, w, "x"), "no new incarnation")
					requireChildren(t, w, top, kid("c", c), kid("a", a))
				}
			})
		}
	}
}
