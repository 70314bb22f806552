package scenarios

import "strings"

// helpEntry documents one verb for `help`: how to write it, what it does,
// and an example to copy.
type helpEntry struct {
	verb, usage, summary, example string
}

// helpTopics lists the verbs in the order `help` shows them.
var helpTopics = []helpEntry{
	{"spawn", "[A:] spawn P [trap_exit]", "start an idle process P (not linked)", "spawn a"},
	{"spawn_link", "A: spawn_link P [trap_exit]", "A starts P linked to it, atomically", "a: spawn_link b"},
	{"spawn_monitor", "A: spawn_monitor P", "A starts P and monitors it; prints the ref", "a: spawn_monitor b"},
	{"link", "A: link P", "link A and P (a dead P: noproc, or an EXIT if A traps)", "a: link b"},
	{"unlink", "A: unlink P", "remove the link between A and P", "a: unlink b"},
	{"monitor", "A: monitor P|@n", "A monitors P; prints #Ref<K>; a DOWN comes when P dies", "a: monitor b"},
	{"demonitor", "A: demonitor REF [flush]", "remove a monitor; flush also drops a queued DOWN", "a: demonitor #Ref<1> flush"},
	{"trap_exit", "A: trap_exit on|off", "exit signals become {'EXIT',From,Reason} messages", "a: trap_exit on"},
	{"exit", "A: exit REASON | [A:] exit P REASON", "exit/1: A ends itself; exit/2: send P an exit signal", "exit b shutdown"},
	{"crash", "A: crash [REASON]", "A raises erlang:error(REASON) (default boom): reason {REASON,[...]}", "a: crash db_down"},
	{"kill", "[A:] kill P", "exit(P, kill): P dies with killed, even if it traps", "kill a"},
	{"send", "[A:] send P|@n TERM", "send a message; to an unregistered @n the sender fails with badarg", "send a {hello,1}"},
	{"register", "[A:] register NAME P", "register/2: P can be reached as @NAME", "register db a"},
	{"unregister", "[A:] unregister NAME", "unregister/1", "unregister db"},
	{"send_after", "A: send_after DURATION P|@n TERM", "erlang:send_after/3; prints the timer's ref", "a: send_after 5s b ping"},
	{"cancel_timer", "A: cancel_timer REF", "cancel a timer: prints the ms left, or false", "a: cancel_timer #Ref<2>"},
	{"receive", "receive P", "take the oldest message out of P's mailbox", "receive a"},
	{"flush", "flush P", "take every message out of P's mailbox", "flush a"},
	{"advance", "advance DURATION", "run everything due within DURATION; the clock moves by exactly that", "advance 2s"},
	{"run", "run [DURATION]", "run until nothing is pending (or for DURATION)", "run"},
	{"step", "step [N]", "run the next N events (default 1), one at a time", "step 3"},
	{"seed", "seed N", "seed the random generator (chaos)", "seed 42"},
	{"chaos", "chaos RATE [for DURATION]", "crash random processes, RATE per second on average (0 stops)", "chaos 2 for 10s"},
	{"logs", "logs on|off", "also print the reports OTP's logger would (SUPERVISOR REPORT, CRASH REPORT, …)", "logs on"},
	{"reset", "reset", "a fresh world: no processes, clock 0, pids and refs from the start; the seed is kept", "reset"},
	{"ps", "ps", "list every process", "ps"},
	{"tree", "tree", "the supervision trees, then the other live processes under who spawned them", "tree"},
	{"info", "info P", "everything about P: links, monitors, flags, mailbox", "info a"},
	{"mailbox", "mailbox P", "print P's messages without removing them", "mailbox a"},
	{"whereis", "whereis @n", "who is registered as n", "whereis @db"},
	{"time", "time", "the clock and what is pending", "time"},
	{"trace", "trace [N]", "the last N events (all by default)", "trace 20"},
	{"why", "why P", "the chain of events that ended P, from the first cause", "why c"},
	{"sup", "sup NAME [strategy=…] [intensity=N] [period=S] [auto_shutdown=…] { children }",
		"start a supervisor (the shell is its parent); see help intensity", "sup top strategy=one_for_all { worker a; worker b }"},
	{"worker", "worker NAME [restart=…] [shutdown=…] [trap_exit] [terminate=D] [init=…] [init_time=D] [call_time=D] [register=N] [significant]",
		"a gen_server child; shutdown in ms or brutal_kill|infinity; init=ok,error:R,crash:R,ignore (one per start)", "worker db restart=transient shutdown=500 trap_exit terminate=200ms"},
	{"intensity", "sup NAME intensity=N period=SECONDS { … }",
		"N restarts are fine, the N+1th within the period shuts the supervisor down. OTP stamps restarts in WHOLE seconds and counts stamps >= Now-Period, so the real window is between Period and Period+1 seconds",
		"sup top intensity=3 period=5 { worker w }"},
	{"start_child", "start_child SUP worker NAME [opts] | start_child SUP", "supervisor:start_child/2 (for simple_one_for_one: children TEMPLATE_1, TEMPLATE_2, …)", "start_child pool"},
	{"terminate_child", "terminate_child SUP NAME|PID", "stop a child by its shutdown spec; its entry stays (temporary: removed)", "terminate_child top db"},
	{"restart_child", "restart_child SUP NAME", "start a terminated child again: {ok,Pid}, or {error,running|not_found}", "restart_child top db"},
	{"delete_child", "delete_child SUP NAME", "remove a terminated child's spec", "delete_child top db"},
	{"which_children", "which_children SUP", "the children, newest first, as OTP lists them", "which_children top"},
	{"count_children", "count_children SUP", "[{specs,N},{active,N},{supervisors,N},{workers,N}]", "count_children top"},
	{"stop", "stop SUP", "stop a top-level supervisor as its parent would (shutdown), waiting until it is gone", "stop top"},
	{"shutdown", "shutdown", "stop every top-level supervisor, latest first, then kill the other processes", "shutdown"},
	{"hang", "A: hang", "A stops answering (no terminate, failed health checks) until A: recover", "db: hang"},
	{"recover", "A: recover", "a hung process answers again", "db: recover"},
	{"call", "[A:] call P|@n [TERM] [timeout=D]", "gen_server:call (TERM default ping, timeout 5000 ms): a worker replies ok after its call_time; A waits, and exits {Reason,{gen_server,call,Args}} if P dies, is gone or times out", "client: call db {get,1} timeout=300ms"},
	{"mark", "mark", "start counting exits for expect exit_order", "mark"},
	{"expect", "expect alive|dead|mailbox|registered|unregistered|restarts|exit_order|error ...", "check the world; scenarios print PASS or FAIL", "expect dead b reason=killed"},
	{"help", "help [VERB]", "this list, or one verb", "help link"},
}

func (x *execution) help(topic string) error {
	if topic == "" {
		x.printf("Commands (help VERB for an example; ACTOR: in front makes a process act, else the shell acts):")
		for _, h := range helpTopics {
			x.printf("  " + padRight(h.verb, 16) + " " + h.summary)
		}
		return nil
	}
	for _, h := range helpTopics {
		if h.verb == topic {
			x.printf(h.usage)
			x.printf("  " + h.summary)
			x.printf("  example: " + h.example)
			return nil
		}
	}
	return errorf(x.c.Pos, "no help for %q; the verbs are: %s", topic, helpVerbs())
}

func helpVerbs() string {
	names := make([]string, len(helpTopics))
	for i, h := range helpTopics {
		names[i] = h.verb
	}
	return strings.Join(names, " ")
}
