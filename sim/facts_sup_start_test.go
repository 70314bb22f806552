package sim

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// Section E of otp-facts.md, facts 28–30: children that fail to start,
// nested supervisors, and significant children.

func TestFactE28_InitialStartFails(t *testing.T) {
	t.Run("E28/d's init returns {stop,bad}: c, b, a terminated, e never started", func(t *testing.T) {
		w := New(1)
		specs := workers("a", "b", "c", "d", "e")
		specs[3].Init = stopWith(Atom("bad"))
		m := mark(w)
		top, err := w.StartSupervisor("top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: specs})
		reason := failedToStart("d", Atom("bad"))
		requireErr(t, err, reason)
		got := story(w, m)
		// The failed child's own exit is concurrent with the cleanup.
		require.Contains(t, got, "exit d bad")
		require.Equal(t, lines(
			"started top a", "started top b", "started top c", "start_error top d bad",
			"terminate c shutdown", "exit c shutdown", "terminate b shutdown", "exit b shutdown",
			"terminate a shutdown", "exit a shutdown",
			"exit top "+reason.String()), without(got, "exit d "))
		requireDead(t, w, top, reason)
		_, started := w.Lookup("e")
		require.False(t, started, "e is never started")
		require.Equal(t, 0, w.NumAlive())
	})

	for _, tc := range []struct {
		name   string
		init   []InitResult
		reason Term // failed_to_start_child reason; nil: the start succeeds
	}{
		{name: "E28/init crash gives {init_crash,Stack}", init: []InitResult{{Kind: InitCrash, Reason: Atom("init_crash")}},
			reason: Tuple{Atom("init_crash"), Stack{}}},
		{name: "E28/init {stop,x}", init: stopWith(Atom("x")), reason: Atom("x")},
		{name: "E28/ignore is not an error: b kept undefined, c still starts", init: []InitResult{{Kind: InitIgnore}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			specs := workers("a", "b", "c")
			specs[1].Init = tc.init
			top, err := w.StartSupervisor("top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: specs})
			if tc.reason == nil {
				require.NoError(t, err)
				requireChildren(t, w, top, kid("c", livePid(t, w, "c")), kid("b", 0), kid("a", livePid(t, w, "a")))
				requireDead(t, w, pidOf(t, w, "b"), Normal)
				return
			}
			requireErr(t, err, failedToStart("b", tc.reason))
			requireDead(t, w, top, failedToStart("b", tc.reason))
			_, started := w.Lookup("c")
			require.False(t, started)
		})
	}

	// Checked on OTP 25: flags are checked first, in the order strategy,
	// intensity, period; a bad spec of a nested supervisor fails its start.
	for _, tc := range []struct {
		name  string
		flags SupFlags
		bad   Term
	}{
		{name: "a bad strategy", flags: SupFlags{Strategy: 9, Intensity: 1, Period: 5},
			bad: Tuple{Atom("invalid_strategy"), Int(9)}},
		{name: "a negative intensity", flags: SupFlags{Intensity: -1, Period: 5},
			bad: Tuple{Atom("invalid_intensity"), Int(-1)}},
		{name: "period 0", flags: SupFlags{Intensity: 1, Period: 0},
			bad: Tuple{Atom("invalid_period"), Int(0)}},
		{name: "a bad strategy before period 0", flags: SupFlags{Strategy: 9, Period: 0},
			bad: Tuple{Atom("invalid_strategy"), Int(9)}},
		{name: "a negative intensity before period 0", flags: SupFlags{Intensity: -1, Period: 0},
			bad: Tuple{Atom("invalid_intensity"), Int(-1)}},
	} {
		t.Run("E28/supervisor_data: "+tc.name, func(t *testing.T) {
			want := Tuple{Atom("supervisor_data"), tc.bad}
			// A significant child under auto_shutdown=never: the flags win.
			bad := tw("a")
			bad.Significant = true
			w := New(1)
			_, err := w.StartSupervisor("top", SupSpec{Flags: tc.flags, Children: []ChildSpec{bad}})
			requireErr(t, err, want)
			_, started := w.Lookup("a")
			require.False(t, started)

			m := mark(w)
			_, err = w.StartSupervisor("top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{
				tw("a"), supChild("sup2", SupSpec{Flags: tc.flags, Children: workers("x")}), tw("c")}})
			requireErr(t, err, failedToStart("sup2", want))
			requireStory(t, w, m, "started top a", "exit sup2 "+want.String(), "start_error top sup2 "+want.String(),
				"terminate a shutdown", "exit a shutdown", "exit top "+failedToStart("sup2", want).String())
		})
	}

	t.Run("E28/a nested supervisor with a bad child spec fails to start", func(t *testing.T) {
		w := New(1)
		x := tw("x")
		x.Significant = true
		want := Tuple{Atom("start_spec"), Tuple{Atom("bad_combination"),
			List{Tuple{Atom("auto_shutdown"), Atom("never")}, Tuple{Atom("significant"), True}}}}
		m := mark(w)
		_, err := w.StartSupervisor("top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{
			tw("a"), supChild("sup2", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{x}}), tw("c")}})
		requireErr(t, err, failedToStart("sup2", want))
		requireStory(t, w, m, "started top a", "exit sup2 "+want.String(), "start_error top sup2 "+want.String(),
			"terminate a shutdown", "exit a shutdown", "exit top "+failedToStart("sup2", want).String())
		_, started := w.Lookup("x")
		require.False(t, started)
	})

	t.Run("E28/a non-trapping start_link caller is killed through the link", func(t *testing.T) {
		w := New(1)
		caller := spawn(t, w)
		specs := workers("a", "b")
		specs[1].Init = stopWith(Atom("bad"))
		pid, _ := w.spawn(caller, SpawnOpts{Name: "top", Link: true, TrapExit: true})
		w.supInit(w.newSupervisor(pid, caller, newSupDef(SupSpec{Flags: sflags(OneForOne, 1, 5), Children: specs})))
		w.RunInstant()
		requireDead(t, w, pid, failedToStart("b", Atom("bad")))
		requireDead(t, w, caller, failedToStart("b", Atom("bad")))
	})
}

func TestFactE28_RestartFails(t *testing.T) {
	bad := InitResult{Kind: InitError, Reason: Atom("bad")}
	for _, tc := range []struct {
		name     string
		strategy Strategy
		crash    string
		init     []InitResult
		want     []string
		restarts int // restarts counted by the supervisor
		dies     bool
	}{
		{name: "E28/fails once: retried at once, the 3rd start succeeds", crash: "b", init: okThen(bad, InitResult{}),
			want:     lines("exit b boom", "child_terminated top b boom", "start_error top b bad", "started top b"),
			restarts: 2},
		{name: "E28/always fails: starts #2, #3, #4 fail, then reached_max_restart_intensity", crash: "b", init: okThen(bad),
			want: lines("exit b boom", "child_terminated top b boom",
				"start_error top b bad", "start_error top b bad", "start_error top b bad",
				"shutdown top b reached_max_restart_intensity",
				"terminate c shutdown", "exit c shutdown", "terminate a shutdown", "exit a shutdown",
				"exit top shutdown"),
			restarts: 3, dies: true},
		{name: "E28/one_for_all: each failed restart of c re-terminates b and a", strategy: OneForAll, crash: "c", init: okThen(bad, InitResult{}),
			want: lines("exit c boom", "child_terminated top c boom",
				"terminate b shutdown", "exit b shutdown", "terminate a shutdown", "exit a shutdown",
				"started top a", "started top b", "start_error top c bad",
				"terminate b shutdown", "exit b shutdown", "terminate a shutdown", "exit a shutdown",
				"started top a", "started top b", "started top c"),
			restarts: 2},
		{name: "E28/the restart returns ignore: no retry, b kept undefined", crash: "b", init: okThen(InitResult{Kind: InitIgnore}),
			want:     lines("exit b boom", "child_terminated top b boom"),
			restarts: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			specs := workers("a", "b", "c")
			for i := range specs {
				if specs[i].ID == tc.crash {
					specs[i].Init = tc.init
				}
			}
			top := startSup(t, w, "top", SupSpec{Flags: sflags(tc.strategy, 3, 5), Children: specs})
			m := mark(w)
			exitWith(t, w, tc.crash, Boom)
			// The failed starts' own exits (bad, or normal for ignore) race
			// with the supervisor in OTP; the harness does not log them.
			got := story(w, m)
			require.Equal(t, tc.want, without(got, "exit "+tc.crash+" bad", "exit "+tc.crash+" normal"))
			require.Equal(t, len(only(got, "start_error")), len(only(got, "exit "+tc.crash+" bad")))
			require.Equal(t, tc.restarts, countKind(w, m, KindRestart, top), "restarts counted")
			if tc.dies {
				requireDead(t, w, top, Shutdown)
				require.Equal(t, 0, w.NumAlive())
				return
			}
			requireAlive(t, w, top)
			if tc.init[len(tc.init)-1].Kind == InitIgnore {
				requireChildren(t, w, top, kid("c", livePid(t, w, "c")), kid("b", 0), kid("a", livePid(t, w, "a")))
				return
			}
			requireChildren(t, w, top, kid("c", livePid(t, w, "c")), kid("b", livePid(t, w, "b")), kid("a", livePid(t, w, "a")))
		})
	}
}

// tree29 is top(I=topI)[w1, sup2(I=1)[w2, w3], w4] of fact E29.
func tree29(strategy Strategy, topI int, sup2 RestartType) SupSpec {
	s := tree27(true)
	s.Flags = sflags(strategy, topI, 5)
	s.Children[1].Restart = sup2
	return s
}

func TestFactE29_NestedSupervisors(t *testing.T) {
	inner := lines(
		"exit w2 boom", "child_terminated sup2 w2 boom", "started sup2 w2",
		"exit w2 boom", "child_terminated sup2 w2 boom", "shutdown sup2 w2 reached_max_restart_intensity",
		"terminate w3 shutdown", "exit w3 shutdown", "exit sup2 shutdown")
	for _, tc := range []struct {
		name     string
		strategy Strategy
		topI     int
		sup2     RestartType
		outer    []string
		restarts int // top's restarts
		topDies  bool
	}{
		{name: "E29/sup2 permanent: top restarts sup2, counted once", topI: 5, sup2: Permanent,
			outer:    lines("child_terminated top sup2 shutdown", "started sup2 w2", "started sup2 w3", "started top sup2"),
			restarts: 1},
		{name: "E29/sup2 transient: shutdown is a normal exit, not restarted", topI: 5, sup2: Transient},
		{name: "E29/top I=0: top reaches its intensity, w4 then w1 terminated", sup2: Permanent,
			outer: lines("child_terminated top sup2 shutdown", "shutdown top sup2 reached_max_restart_intensity",
				"terminate w4 shutdown", "exit w4 shutdown", "terminate w1 shutdown", "exit w1 shutdown",
				"exit top shutdown"),
			topDies: true},
		{name: "E29/top one_for_all: w4, w1 terminated; w1, sup2(w2,w3), w4 restarted", strategy: OneForAll, topI: 5, sup2: Permanent,
			outer: lines("child_terminated top sup2 shutdown",
				"terminate w4 shutdown", "exit w4 shutdown", "terminate w1 shutdown", "exit w1 shutdown",
				"started top w1", "started sup2 w2", "started sup2 w3", "started top sup2", "started top w4"),
			restarts: 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			top := startSup(t, w, "top", tree29(tc.strategy, tc.topI, tc.sup2))
			w1, w4 := livePid(t, w, "w1"), livePid(t, w, "w4")
			m := mark(w)
			exitWith(t, w, "w2", Boom)
			w.Advance(100 * Millisecond)
			exitWith(t, w, "w2", Boom)
			requireStory(t, w, m, append(append([]string(nil), inner...), tc.outer...)...)
			require.Equal(t, tc.restarts, countKind(w, m, KindRestart, top), "top's restarts")
			if tc.topDies {
				requireDead(t, w, top, Shutdown)
				require.Equal(t, 0, w.NumAlive())
				return
			}
			requireAlive(t, w, top)
			if tc.restarts == 0 {
				requireChildren(t, w, top, kid("w4", w4), supKid("sup2", 0), kid("w1", w1))
				return
			}
			sup2 := livePid(t, w, "sup2")
			requireChildren(t, w, top, kid("w4", livePid(t, w, "w4")), supKid("sup2", sup2), kid("w1", livePid(t, w, "w1")))
			requireChildren(t, w, sup2, kid("w3", livePid(t, w, "w3")), kid("w2", livePid(t, w, "w2")))
			// The restarted sup2 is spawned before the children it starts.
			require.Less(t, sup2, livePid(t, w, "w2"))
			require.Less(t, livePid(t, w, "w2"), livePid(t, w, "w3"))
		})
	}
}

func TestFactE30_SignificantChildren(t *testing.T) {
	sig := func(id string, r RestartType) ChildSpec {
		c := tw(id)
		c.Restart, c.Significant = r, true
		return c
	}
	teardown := lines("terminate c shutdown", "exit c shutdown", "terminate a shutdown", "exit a shutdown", "exit top shutdown")
	for _, tc := range []struct {
		name     string
		strategy Strategy
		b        RestartType
		reason   Term
		want     []string // after b's exit; nil: b restarted, no auto shutdown
	}{
		{name: "E30/transient significant b exits normal: c, a terminated, top exits shutdown", b: Transient, reason: Normal,
			want: append(lines("auto_shutdown top b"), teardown...)},
		{name: "E30/temporary significant b exits boom: child_terminated, then the same", b: Temporary, reason: Boom,
			want: append(lines("child_terminated top b boom", "auto_shutdown top b"), teardown...)},
		{name: "E30/temporary significant b exits normal: the same, no report", b: Temporary, reason: Normal,
			want: append(lines("auto_shutdown top b"), teardown...)},
		{name: "E30/one_for_all: the same", strategy: OneForAll, b: Transient, reason: Normal,
			want: append(lines("auto_shutdown top b"), teardown...)},
		{name: "E30/transient significant b exits boom: restarted, no auto shutdown", b: Transient, reason: Boom},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := New(1)
			flags := sflags(tc.strategy, 1, 5)
			flags.AutoShutdown = AnySignificant
			top := startSup(t, w, "top", SupSpec{Flags: flags, Children: []ChildSpec{tw("a"), sig("b", tc.b), tw("c")}})
			m := mark(w)
			exitWith(t, w, "b", tc.reason)
			got := story(w, m)
			require.Equal(t, "exit b "+tc.reason.String(), got[0])
			require.Empty(t, only(got, "shutdown "), "no shutdown supervisor report")
			if tc.want == nil {
				require.Equal(t, lines("child_terminated top b boom", "started top b"), got[1:])
				requireAlive(t, w, top)
				return
			}
			require.Equal(t, tc.want, got[1:])
			requireDead(t, w, top, Shutdown)
		})
	}

	t.Run("E30/all_significant: s1 normal leaves top alive, s2 shutdown takes it down", func(t *testing.T) {
		w := New(1)
		flags := sflags(OneForOne, 1, 5)
		flags.AutoShutdown = AllSignificant
		top := startSup(t, w, "top", SupSpec{Flags: flags, Children: []ChildSpec{sig("s1", Transient), tw("b"), sig("s2", Transient)}})
		m := mark(w)
		exitWith(t, w, "s1", Normal)
		requireAlive(t, w, top)
		exitWith(t, w, "s2", Shutdown)
		requireStory(t, w, m, "exit s1 normal", "exit s2 shutdown", "auto_shutdown top s2",
			"terminate b shutdown", "exit b shutdown", "exit top shutdown")
		requireDead(t, w, top, Shutdown)
	})

	t.Run("E30/terminate_child on a significant child does not shut down", func(t *testing.T) {
		w := New(1)
		flags := sflags(OneForOne, 1, 5)
		flags.AutoShutdown = AnySignificant
		top := startSup(t, w, "top", SupSpec{Flags: flags, Children: []ChildSpec{tw("a"), sig("b", Transient), tw("c")}})
		got, err := w.TerminateChild(top, "b", 0)
		requireCall(t, atomOK, got, err)
		w.Advance(Second)
		requireAlive(t, w, top)
		requireChildren(t, w, top, kid("c", livePid(t, w, "c")), kid("b", 0), kid("a", livePid(t, w, "a")))
	})

	t.Run("E30/a transient sub-supervisor that shuts itself down is not restarted", func(t *testing.T) {
		w := New(1)
		flags := sflags(OneForOne, 1, 5)
		flags.AutoShutdown = AnySignificant
		sub := supChild("sub", SupSpec{Flags: flags, Children: []ChildSpec{sig("x", Transient), tw("y")}})
		sub.Restart = Transient
		top := startSup(t, w, "top", SupSpec{Flags: sflags(OneForOne, 1, 5), Children: []ChildSpec{tw("w1"), sub}})
		m := mark(w)
		exitWith(t, w, "x", Normal)
		requireStory(t, w, m, "exit x normal", "auto_shutdown sub x", "terminate y shutdown", "exit y shutdown", "exit sub shutdown")
		requireAlive(t, w, top)
		requireChildren(t, w, top, supKid("sub", 0), kid("w1", livePid(t, w, "w1")))
	})

	// Verified on OTP 25: auto_shutdown=never is checked before the restart type.
	for _, tc := range []struct {
		name    string
		restart RestartType
		auto    AutoShutdown
		bad     Term
	}{
		{name: "permanent with any_significant", restart: Permanent, auto: AnySignificant,
			bad: List{Tuple{Atom("restart"), Atom("permanent")}, Tuple{Atom("significant"), True}}},
		{name: "transient with never", restart: Transient, auto: Never,
			bad: List{Tuple{Atom("auto_shutdown"), Atom("never")}, Tuple{Atom("significant"), True}}},
		{name: "permanent with never", restart: Permanent, auto: Never,
			bad: List{Tuple{Atom("auto_shutdown"), Atom("never")}, Tuple{Atom("significant"), True}}},
	} {
		t.Run("E30/bad_combination: "+tc.name, func(t *testing.T) {
			w := New(1)
			flags := sflags(OneForOne, 1, 5)
			flags.AutoShutdown = tc.auto
			combo := Tuple{Atom("bad_combination"), tc.bad}
			_, err := w.StartSupervisor("top", SupSpec{Flags: flags, Children: []ChildSpec{tw("a"), sig("b", tc.restart)}})
			requireErr(t, err, Tuple{Atom("start_spec"), combo})
			_, started := w.Lookup("a")
			require.False(t, started, "no child starts")

			// start_child checks the same, and replies {error, {bad_combination, ..}}.
			top := startSup(t, w, "top", SupSpec{Flags: flags, Children: workers("a")})
			got, err := w.StartChild(top, &[]ChildSpec{sig("b", tc.restart)}[0])
			requireCall(t, errorTerm(combo), got, err)
			requireChildren(t, w, top, kid("a", livePid(t, w, "a")))
		})
	}
}
