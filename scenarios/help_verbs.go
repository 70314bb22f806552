package scenarios

// helpOpt documents one option or argument of a verb: how it is written
// (with its values) and what it does, its unit and its default.
type helpOpt struct{ form, about, example string }

// helpVerb documents one verb (or one part of the language, like worker)
// for `help VERB`: brief is its line in `help TOPIC`; about says the rest.
// usage, when empty, is the parser's usage line (see Usage).
type helpVerb struct {
	name, brief, about, usage string
	opts                      []helpOpt
	examples                  []string
}

// Processes, signals, monitors, the registry and timers.
var helpProcVerbs = []helpVerb{
	{name: "spawn", brief: "start an idle process P, linked to nobody",
		about:    "An idle process never reads its mailbox: messages wait there until receive or flush. Without A: the shell spawns it.",
		opts:     []helpOpt{{"trap_exit", "P traps exits from its first instant: exit signals reach it as {'EXIT',From,Reason} messages", ""}},
		examples: []string{"spawn a"}},
	{name: "spawn_link", brief: "A starts P linked to it, atomically",
		about:    "spawn_link/1: if either dies abnormally, the other gets an exit signal.",
		opts:     []helpOpt{{"trap_exit", "P traps exits from its first instant", ""}},
		examples: []string{"a: spawn_link b"}},
	{name: "spawn_monitor", brief: "A starts P and monitors it; prints the ref",
		about:    "spawn_monitor/1: when P dies, A gets {'DOWN',#Ref<K>,process,P,Reason}.",
		examples: []string{"a: spawn_monitor b"}},
	{name: "send", brief: "send TERM to P, or to whoever is registered as @n",
		about: "P ! TERM. To a dead pid the message is dropped; to an @n nobody holds, the sender fails with badarg. " +
			"TERM is an Erlang term: atom, 42, \"text\", {tuple}, [list], #{k => v}, <<\"bin\">>, <name> for a pid.",
		examples: []string{"send a {hello,1}"}},
	{name: "receive", brief: "take the oldest message out of P's mailbox",
		about: "Prints it; an empty mailbox says so.", examples: []string{"receive a"}},
	{name: "flush", brief: "take every message out of P's mailbox",
		about: "Prints them, oldest first.", examples: []string{"flush a"}},
	{name: "call", brief: "gen_server:call: A waits for P's reply",
		about: "A calls P with gen_server:call(P, TERM), TERM ping by default. A supervised worker replies ok after its call_time= (help worker); " +
			"a plain process never replies. A waits, doing nothing else, and exits {Reason,{gen_server,call,Args}} if P dies, " +
			"does not exist (noproc) or does not answer in time (timeout). From the shell a failed call is an error.",
		opts:     []helpOpt{{"timeout=D", "how long A waits: a duration (300ms, 5s), a bare integer of milliseconds, or infinity; default 5000 ms, as in OTP", ""}},
		examples: []string{"client: call db {get,1} timeout=300ms"}},
	{name: "hang", brief: "A stops answering until A: recover",
		about:    "A hung process is stuck, not crashed: it handles nothing, answers no call, and runs no terminate when stopped.",
		examples: []string{"db: hang"}},
	{name: "recover", brief: "a hung process answers again", examples: []string{"db: recover"}},

	{name: "link", brief: "link A and P: an abnormal death of one reaches the other",
		about:    "link/1. Linking to a dead P: A crashes with noproc, or, trapping exits, gets {'EXIT',P,noproc}. Links are a set: linking twice is one link.",
		examples: []string{"a: link b"}},
	{name: "unlink", brief: "remove the link between A and P",
		about: "unlink/1: both sides forget it at once; an {'EXIT',…} already in the mailbox stays.", examples: []string{"a: unlink b"}},
	{name: "trap_exit", brief: "exit signals become {'EXIT',From,Reason} messages",
		about:    "process_flag(trap_exit, …). A trapping process survives the exits of its links and reads them as messages; kill still kills.",
		opts:     []helpOpt{{"on|off", "on: trap exits; off: die of them again", ""}},
		examples: []string{"a: trap_exit on"}},
	{name: "exit", brief: "exit/1: A ends itself; exit/2: send P an exit signal",
		about: "A: exit REASON ends A with REASON. [A:] exit P REASON sends P a signal: normal is ignored unless P traps, " +
			"kill always kills (reason killed), any other reason kills a process that does not trap.",
		examples: []string{"exit b shutdown"}},
	{name: "crash", brief: "A raises erlang:error(REASON), default boom",
		about: "A exits with reason {REASON,[...]}: the [...] stands for the stack trace.", examples: []string{"a: crash db_down"}},
	{name: "kill", brief: "exit(P, kill): P dies with reason killed, even if it traps",
		about: "Its links then get the exit signal killed, which a trapping process survives.", examples: []string{"kill a"}},

	{name: "monitor", brief: "A watches P; a DOWN message comes when P dies",
		about: "erlang:monitor(process, P): prints #Ref<K>; when P dies A gets {'DOWN',#Ref<K>,process,P,Reason}. " +
			"A monitor never kills. A dead P, or an @n nobody holds, gives a DOWN with noproc at once.",
		examples: []string{"a: monitor b"}},
	{name: "demonitor", brief: "remove a monitor",
		opts:     []helpOpt{{"flush", "also remove its DOWN if it already is in A's mailbox (demonitor/2 with [flush])", ""}},
		examples: []string{"a: demonitor #Ref<1> flush"}},

	{name: "register", brief: "register/2: P can be reached as @NAME",
		about: "Fails with badarg when NAME is taken, P already has a name, or P is dead. The name is freed when P dies. " +
			"An @NAME is looked up when the action happens.",
		examples: []string{"register db a"}},
	{name: "unregister", brief: "unregister/1: free NAME",
		about: "badarg when nobody holds NAME.", examples: []string{"unregister db"}},
	{name: "whereis", brief: "who is registered as n", about: "Prints the process, or undefined.", examples: []string{"whereis @db"}},

	{name: "send_after", brief: "erlang:send_after/3: a message later; prints the ref",
		about: "After DURATION (with a unit: 500ms, 5s) the timer sends TERM. A pid is bound now (the timer goes if that process dies); " +
			"an @n is looked up when the timer fires.",
		examples: []string{"a: send_after 5s b ping"}},
	{name: "cancel_timer", brief: "cancel a timer: prints the ms left, or false",
		about: "false when the timer already fired or was cancelled.", examples: []string{"a: cancel_timer #Ref<1>"}},
}
