package scenarios

// Supervisors: the sup and worker specs, intensity, and the calls a
// supervisor answers.
var helpSupVerbs = []helpVerb{
	{name: "sup", brief: "start a supervisor and its children; the shell is its parent",
		usage: "sup NAME [flags] { children }",
		about: "Children are written in the braces, one a line or separated by ;: worker NAME [options] (help worker), or sup NAME [flags] { … }. " +
			"They start in order, each init before the next, and stop in reverse order. " +
			"A sup inside a body also takes restart=, shutdown= (default infinity) and significant, as a worker does.",
		opts: []helpOpt{
			{"strategy=one_for_one|one_for_all|rest_for_one|simple_one_for_one", "which children a restart takes: the one that died; all; it and those started after it; " +
				"simple_one_for_one: one template, children from start_child. Default one_for_one", ""},
			{"intensity=N", "more than N restarts within the period and it gives up (help intensity). Default 1", ""},
			{"period=SECONDS", "the intensity window, in seconds as in OTP: period=5, or 5s. Default 5", ""},
			{"auto_shutdown=never|any_significant|all_significant", "whether the end of significant children takes it down. Default never", ""},
			{"backoff=MIN..MAX", "extension: each restart waits, the delay doubling from MIN to MAX (50ms..5s)", ""},
		},
		examples: []string{"sup top strategy=one_for_all intensity=3 { worker a; worker b }"}},
	{name: "worker", brief: "a gen_server child, in a sup body or after start_child",
		usage: "worker NAME [options]",
		opts: []helpOpt{
			{"restart=permanent|transient|temporary", "permanent: always restarted; transient: only after an abnormal exit (not normal, shutdown or {shutdown,_}); temporary: never. Default permanent", ""},
			{"shutdown=brutal_kill|infinity|MS", "how its supervisor stops it: exit(W, shutdown), then kill after MS milliseconds " +
				"(a bare integer is milliseconds as in OTP: shutdown=500; or 500ms, 2s); brutal_kill kills at once; infinity waits. Default 5000", ""},
			{"trap_exit", "it traps exits: its supervisor's stop runs terminate first; other exits reach handle_info", ""},
			{"terminate=DURATION", "how long its terminate runs, with a unit (200ms, 1s). Default 0", ""},
			{"init=R[,R…]", "what init returns at each start, the last repeating: ok; ignore (kept, no pid); error:REASON ({stop,REASON}); crash:REASON (erlang:error). Default ok", ""},
			{"init_time=DURATION", "how long init takes, with a unit; its supervisor waits. Default 0", ""},
			{"call_time=DURATION", "how long it takes to answer each call, with a unit. Default 0", ""},
			{"register=NAME", "registers as @NAME at each start, before init; a start fails {already_started,Pid} when NAME is taken", ""},
			{"significant", "with the supervisor's auto_shutdown, its end can take the supervisor down", ""},
			{"count=N", "extension: N identical workers NAME_1 … NAME_N", ""},
			{"health=INTERVAL/TIMEOUT/THRESHOLD", "extension: a check every INTERVAL that a hung worker fails after TIMEOUT (both with units); THRESHOLD failures in a row end it: unhealthy", ""},
			{"backoff=MIN..MAX", "extension: each restart of it waits, doubling from MIN to MAX", ""},
		},
		examples: []string{"worker db restart=transient shutdown=500 trap_exit terminate=200ms"}},
	{name: "intensity", brief: "how many restarts a supervisor takes before it gives up",
		usage: "sup NAME intensity=N period=SECONDS { … }",
		about: "N restarts within the period are fine; the one after them shuts the supervisor down: it stops its children and exits shutdown " +
			"(reached_max_restart_intensity). OTP stamps restarts in whole seconds and counts those >= Now-Period, " +
			"so the real window is between Period and Period+1 seconds. why SUP shows the restarts that counted.",
		examples: []string{"sup top intensity=3 period=5 { worker w }"}},
	{name: "start_child", brief: "supervisor:start_child/2: a new child",
		about: "The child is written as in a body (help worker). For simple_one_for_one, start_child SUP starts one from the template, " +
			"named TEMPLATE_1, TEMPLATE_2, … Answers {ok,Pid} or {error,…}.",
		examples: []string{"start_child top worker cache restart=transient"}},
	{name: "terminate_child", brief: "stop a child by its shutdown spec",
		about: "Its spec stays for restart_child; a temporary child's is removed.", examples: []string{"terminate_child top db"}},
	{name: "restart_child", brief: "start a terminated child again",
		about: "Answers {ok,Pid}, {error,running} or {error,not_found}.", examples: []string{"restart_child top db"}},
	{name: "delete_child", brief: "remove a terminated child's spec",
		about: "Answers ok, {error,running} or {error,not_found}.", examples: []string{"delete_child top db"}},
	{name: "which_children", brief: "the children, newest first, as OTP lists them", examples: []string{"which_children top"}},
	{name: "count_children", brief: "[{specs,N},{active,N},{supervisors,N},{workers,N}]", examples: []string{"count_children top"}},
	{name: "stop", brief: "stop a top-level supervisor as its parent would",
		about: "exit(SUP, shutdown), waiting (time passes) until it is gone.", examples: []string{"stop top"}},
	{name: "shutdown", brief: "stop everything, as a node does",
		about:    "Every top-level supervisor, latest started first, then the other processes are killed, latest spawned first.",
		examples: []string{"shutdown"}},
}

// Time: the clock moves only when told to.
var helpTimeVerbs = []helpVerb{
	{name: "advance", brief: "let DURATION of virtual time pass",
		about:    "DURATION has a unit: 250ms, 5s, 1m30s. Everything due by then happens; the clock ends exactly DURATION later.",
		examples: []string{"advance 2s"}},
	{name: "run", brief: "run until nothing is pending (or for DURATION more)",
		about: "A bound stops a run that would never end, with a note.", examples: []string{"run"}},
	{name: "step", brief: "run the next N events (default 1), one at a time", examples: []string{"step 3"}},
	{name: "time", brief: "the clock and what is pending", examples: []string{"time"}},
	{name: "seed", brief: "seed the random generator: the same seed, the same chaos", examples: []string{"seed 42"}},
	{name: "chaos", brief: "crash random processes, RATE a second on average",
		about:    "RATE is a number (0.5, 2); chaos 0 stops it. Deterministic for a seed.",
		opts:     []helpOpt{{"for DURATION", "only for this long, with a unit (10s)", ""}},
		examples: []string{"chaos 2 for 10s"}},
}

// Inspection: it changes nothing.
var helpShowVerbs = []helpVerb{
	{name: "ps", brief: "every process: pid, name, alive or dead, and what it holds", examples: []string{"ps"}},
	{name: "tree", brief: "the supervision trees, then the other live processes", examples: []string{"tree"}},
	{name: "info", brief: "all about P: links, monitors, flags, mailbox, supervisor", examples: []string{"info a"}},
	{name: "mailbox", brief: "P's messages, left where they are", examples: []string{"mailbox a"}},
	{name: "trace", brief: "the last N events (all by default)", examples: []string{"trace 20"}},
	{name: "why", brief: "the story of P's end, from the first cause",
		about: "The chain of events from the first cause to P's exit; for a supervisor that gave up, the restarts that counted. " +
			"On a restarted name that lives, it offers the previous incarnation's story (why <0.N.0>).",
		examples: []string{"why c"}},
}

// Expectations and the session.
var helpCheckVerbs = []helpVerb{
	{name: "expect", brief: "check the world: PASS or FAIL",
		usage: "expect KIND ...",
		about: "In a scenario each expect prints PASS or FAIL, and run exits 1 on a FAIL. In a TERM, _ matches anything.",
		opts: []helpOpt{
			{"expect alive P", "P's latest incarnation is alive", "expect alive a"},
			{"expect dead P [reason=TERM]", "it exited (with a matching reason)", "expect dead b reason=killed"},
			{"expect mailbox P [TERM, …]", "P holds exactly these messages, in order", "expect mailbox w [{'EXIT', <b>, killed}]"},
			{"expect registered @n P", "n names P", "expect registered @db a"},
			{"expect unregistered @n", "nobody holds n", "expect unregistered @db"},
			{"expect restarts P N", "P was started N times after its first start", "expect restarts db 2"},
			{"expect exit_order P1 [P2 …]", "since the last mark, they exited in this order", "expect exit_order c b a"},
			{"expect error [TERM]", "the command before, by the shell, failed (with that reason)", "expect error badarg"},
		}},
	{name: "mark", brief: "count exits afresh, for expect exit_order", examples: []string{"mark"}},
	{name: "reset", brief: "a fresh world: no processes, clock 0; the seed is kept",
		about: "Pids and refs count from the start again.", examples: []string{"reset"}},
	{name: "logs", brief: "also print the reports OTP's logger prints",
		about:    "SUPERVISOR REPORT, CRASH REPORT, ** Generic server … terminating: as a real node prints them, to practise reading real logs.",
		opts:     []helpOpt{{"on|off", "start or stop printing them", ""}},
		examples: []string{"logs on"}},
	{name: "help", brief: "topics, a topic's commands, or a verb's syntax",
		usage: "help [TOPIC|VERB]", examples: []string{"help supervisors", "help link", ""}},
}
