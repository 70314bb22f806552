package scenarios

import (
	"testing"
	"time"
)

// sup returns a SupSpec with OTP's defaults and the given children.
func sup(name string, children ...ChildSpec) *SupSpec {
	return &SupSpec{Name: name, Strategy: "one_for_one", Intensity: 1, Period: 5, AutoShutdown: "never", Children: children}
}

func workerChild(w *WorkerSpec) ChildSpec { return ChildSpec{Worker: w} }
func supChild(s *SupSpec) ChildSpec       { return ChildSpec{Sup: s} }

func TestParseSup(t *testing.T) {
	flagged := sup("top", workerChild(&WorkerSpec{Name: "a"}))
	flagged.Strategy, flagged.SetStrategy = "rest_for_one", true
	flagged.Intensity, flagged.SetIntensity = 3, true
	flagged.Period, flagged.SetPeriod = 10, true
	flagged.AutoShutdown = "any_significant"
	flagged.Backoff = &Backoff{Min: 50 * time.Millisecond, Max: 5 * time.Second}

	inner := sup("inner", workerChild(&WorkerSpec{Name: "c"}), workerChild(&WorkerSpec{Name: "d", TrapExit: true}))
	inner.Strategy, inner.SetStrategy = "one_for_all", true
	inner.Child = ChildOpts{Restart: "transient", Shutdown: Shutdown{Set: true, Infinity: true}, Significant: true}
	nested := sup("top", workerChild(&WorkerSpec{Name: "a"}), supChild(inner), workerChild(&WorkerSpec{Name: "e"}))

	minutes := sup("s")
	minutes.Period, minutes.SetPeriod = 60, true

	tests := []struct {
		src  string
		want *SupSpec
	}{
		{"sup top {}", sup("top")},
		{"sup top { worker a }", sup("top", workerChild(&WorkerSpec{Name: "a"}))},
		{"sup top strategy=rest_for_one intensity=3 period=10 auto_shutdown=any_significant backoff=50ms..5s {\n  worker a\n}", flagged},
		{"sup top {\n  worker a\n  # a comment\n\n  sup inner strategy=one_for_all restart=transient shutdown=infinity significant {\n    worker c; worker d trap_exit\n  }\n  worker e\n}", nested},
		{"sup top { worker a; sup inner strategy=one_for_all restart=transient shutdown=infinity significant { worker c; worker d trap_exit }; worker e }", nested},
		{"sup s period=1m {}", minutes},
	}
	for _, tt := range tests {
		checkAST(t, tt.src, &Command{Actor: shell, Verb: "sup", Sup: tt.want})
	}
}

func TestParseWorkerOptions(t *testing.T) {
	ms := time.Millisecond
	tests := []struct {
		opts string
		want *WorkerSpec
	}{
		{"", &WorkerSpec{Name: "w"}},
		{"restart=temporary", &WorkerSpec{Name: "w", Opts: ChildOpts{Restart: "temporary"}}},
		{"shutdown=brutal_kill", &WorkerSpec{Name: "w", Opts: ChildOpts{Shutdown: Shutdown{Set: true, BrutalKill: true}}}},
		{"shutdown=infinity", &WorkerSpec{Name: "w", Opts: ChildOpts{Shutdown: Shutdown{Set: true, Infinity: true}}}},
		{"shutdown=300", &WorkerSpec{Name: "w", Opts: ChildOpts{Shutdown: Shutdown{Set: true, Timeout: 300 * ms}}}},
		{"shutdown=0", &WorkerSpec{Name: "w", Opts: ChildOpts{Shutdown: Shutdown{Set: true}}}},
		{"shutdown=2s", &WorkerSpec{Name: "w", Opts: ChildOpts{Shutdown: Shutdown{Set: true, Timeout: 2 * time.Second}}}},
		{"significant restart=transient", &WorkerSpec{Name: "w", Opts: ChildOpts{Restart: "transient", Significant: true}}},
		{"trap_exit terminate=120ms", &WorkerSpec{Name: "w", TrapExit: true, Terminate: 120 * ms}},
		{"init=ok,error:db_down", &WorkerSpec{Name: "w", Init: []InitResult{{Kind: "ok"}, {Kind: "error", Reason: atom("db_down")}}}},
		{"init=ignore, crash:{bad, 1},ok", &WorkerSpec{Name: "w", Init: []InitResult{{Kind: "ignore"}, {Kind: "crash", Reason: tuple(atom("bad"), num(1))}, {Kind: "ok"}}}},
		{"init_time=1s", &WorkerSpec{Name: "w", InitTime: time.Second}},
		{"register=db", &WorkerSpec{Name: "w", Register: "db"}},
		{"register=@db", &WorkerSpec{Name: "w", Register: "db"}},
		{"count=3", &WorkerSpec{Name: "w", Count: 3}},
		{"health=1s/200ms/3", &WorkerSpec{Name: "w", Health: &Health{Interval: time.Second, Timeout: 200 * ms, Threshold: 3}}},
		{"backoff=10ms..1s", &WorkerSpec{Name: "w", Backoff: &Backoff{Min: 10 * ms, Max: time.Second}}},
	}
	for _, tt := range tests {
		src := "sup s { worker w " + tt.opts + " }"
		checkAST(t, src, &Command{Actor: shell, Verb: "sup", Sup: sup("s", workerChild(tt.want))})
	}
}

func TestParseDyn(t *testing.T) {
	dyn := func(verb string, d *DynCmd) *Command { return &Command{Actor: shell, Verb: verb, Dyn: d} }
	ch := sup("sub", workerChild(&WorkerSpec{Name: "x"}))
	tests := []struct {
		src  string
		want *Command
	}{
		{"start_child s", dyn("start_child", &DynCmd{Sup: *name("s")})},
		{"start_child s worker w restart=temporary", dyn("start_child", &DynCmd{Sup: *name("s"),
			Spec: &ChildSpec{Worker: &WorkerSpec{Name: "w", Opts: ChildOpts{Restart: "temporary"}}}})},
		{"start_child s sup sub {\n worker x\n}", dyn("start_child", &DynCmd{Sup: *name("s"), Spec: &ChildSpec{Sup: ch}})},
		{"terminate_child s w", dyn("terminate_child", &DynCmd{Sup: *name("s"), Child: "w"})},
		{"terminate_child s <0.9.0>", dyn("terminate_child", &DynCmd{Sup: *name("s"), Pid: pid(9)})},
		{"restart_child s w", dyn("restart_child", &DynCmd{Sup: *name("s"), Child: "w"})},
		{"delete_child <0.2.0> w", dyn("delete_child", &DynCmd{Sup: *pid(2), Child: "w"})},
		{"which_children s", dyn("which_children", &DynCmd{Sup: *name("s")})},
		{"count_children s", dyn("count_children", &DynCmd{Sup: *name("s")})},
		{"stop s", dyn("stop", &DynCmd{Sup: *name("s")})},
		{"shutdown", dyn("shutdown", &DynCmd{})},
	}
	for _, tt := range tests {
		checkAST(t, tt.src, tt.want)
	}
}

func TestParseSupText(t *testing.T) {
	src := "spawn a\nsup top {\n  worker w # the worker\n}  # done\nps"
	cmds, err := Parse("t", []byte(src))
	if err != nil || len(cmds) != 3 {
		t.Fatalf("Parse: %d commands, %v", len(cmds), err)
	}
	want := "sup top {\n  worker w # the worker\n}"
	if c := cmds[1]; c.Text != want || c.Pos.Line != 2 || c.Sup.Children[0].Pos != (Pos{"t", 3, 3}) {
		t.Errorf("Text %q Pos %v child Pos %v", c.Text, c.Pos, c.Sup.Children[0].Pos)
	}
	if cmds[2].Pos.Line != 5 {
		t.Errorf("ps on line %d, want 5", cmds[2].Pos.Line)
	}
}

func TestParseSupErrors(t *testing.T) {
	checkErrors(t, []errorCase{
		{"sup top strategy=one_for_two { worker a }", []string{
			`1:18: unknown strategy "one_for_two" (want one_for_one, one_for_all, rest_for_one, simple_one_for_one)`}},
		{"sup top auto_shutdown=sometimes {}", []string{
			`1:23: unknown auto_shutdown "sometimes" (want never, any_significant, all_significant)`}},
		{"sup top { worker a restart=always }", []string{
			`1:28: unknown restart "always" (want permanent, transient, temporary)`}},
		{"sup top foo=1 {}", []string{
			`1:9: unknown option "foo" for sup (want strategy, intensity, period, auto_shutdown, backoff)`}},
		{"sup top { worker a foo=1 }", []string{
			`1:20: unknown option "foo" for worker (want restart, shutdown, significant, trap_exit, terminate, init, init_time, call_time, register, count, health, backoff)`}},
		{"sup top restart=transient {}", []string{"1:9: restart applies only to a sup inside another sup's body"}},
		{"sup top { worker a; worker a }", []string{`1:28: duplicate child name "a"`}},
		{"sup top { worker a\n sup a {} }", []string{`2:6: duplicate child name "a"`}},
		{"sup top { worker a restart=transient restart=temporary }", []string{"1:38: duplicate option restart"}},
		{"sup top { worker a significant=true }", []string{"1:31: significant takes no value"}},
		{"sup top { worker a restart }", []string{`1:28: expected = after restart, found "}"`}},
		{"sup top intensity=-1 {}", []string{"1:19: intensity must be at least 0, not -1"}},
		{"sup top period=0 {}", []string{"1:16: period must be at least 1, not 0"}},
		{"sup top period=1500ms {}", []string{"1:16: period must be a whole number of seconds, at least 1"}},
		{"sup top { worker a shutdown=soon }", []string{`1:29: invalid shutdown "soon" (want brutal_kill, infinity, milliseconds or a duration)`}},
		{"sup top { worker a shutdown=-5 }", []string{"1:29: shutdown must be at least 0, not -5"}},
		{"sup top { worker a terminate=100 }", []string{"1:30: missing unit in duration 100 (write 100s or 100ms)"}},
		{"sup top { worker a init=maybe }", []string{`1:25: unknown init result "maybe" (want ok, ignore, error:REASON, crash:REASON)`}},
		{"sup top { worker a init=error }", []string{`1:31: expected : after error (write error:REASON), found "}"`}},
		{"sup top { worker a init=ok, }", []string{"1:29: missing an init result (usage: " + workerUsage + ")"}},
		{"sup top { worker a count=0 }", []string{"1:26: count must be at least 1, not 0"}},
		{"sup top { worker a health=1s/2s }", []string{`1:33: expected / in health=INTERVAL/TIMEOUT/THRESHOLD, found "}"`}},
		{"sup top backoff=5s..1s {}", []string{"1:17: backoff maximum 1s is less than its minimum 5s"}},
		{"sup top backoff=0..1s {}", []string{"1:17: backoff minimum must be positive"}},
		{"sup top", []string{`1:8: expected { to open the body of sup top, found end of input`}},
		{"sup top\n{\n worker a\n}\nspawn b c", []string{"2:1: the { of sup top must be on the line of sup top", `5:9: unexpected "c" after the command`}},
		{"sup top intensity=2\nspawn b c", []string{`1:20: expected { to open the body of sup top, found end of line`, `2:9: unexpected "c" after the command`}},
		{"sup Top {}", []string{`1:5: invalid process name "Top" (want [a-z][a-z0-9_]*)`}},
		{"sup top {\n worker a", []string{"1:9: unclosed { (the body of sup top)"}},
		{"sup top {\n sup mid {\n worker a\n", []string{
			"1:9: unclosed { (the body of sup top)", "2:10: unclosed { (the body of sup mid)"}},
		{"sup top { job a }", []string{`1:11: expected worker or sup, found "job"`}},
		{"sup top {\n worker a\nexpect alive a", []string{
			"1:9: unclosed { (the body of sup top)",
			"3:1: expected worker or sup, found the verb expect (missing } before it?)"}},
		{"sup top { worker a } extra", []string{`1:22: unexpected "extra" after the command`}},
		{"sup top { worker a b }", []string{`1:20: unknown option "b" for worker (want restart, shutdown, significant, trap_exit, terminate, init, init_time, call_time, register, count, health, backoff)`}},
		{"sup top { worker a 5 }", []string{`1:20: expected an option of worker, found "5"`}},
		{"start_child s job w", []string{`1:15: expected worker or sup, found "job"`}},
		{"terminate_child s", []string{"1:18: missing a child name or pid (usage: terminate_child SUP NAME|PID)"}},
		{"stop", []string{"1:5: missing a process (usage: stop SUP)"}},
		{"shutdown now", []string{`1:10: unexpected "now" after the command`}},
	})
}

func TestParseSupRecovery(t *testing.T) {
	// A broken child drops its sup; a broken header skips the whole body.
	src := "sup a {\n worker x restart=bad\n worker y\n}\nsup b strategy=bad {\n worker z\n}\nspawn ok\n"
	cmds, err := Parse("t", []byte(src))
	list, _ := err.(ErrorList)
	if len(list) != 2 || list[0].Pos.Line != 2 || list[1].Pos.Line != 5 {
		t.Fatalf("errors: %v", err)
	}
	if len(cmds) != 1 || cmds[0].Verb != "spawn" {
		t.Errorf("commands %v, want only spawn", cmds)
	}
}
