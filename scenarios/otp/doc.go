// Package otp checks scenarios against the real Erlang/OTP runtime
// (`crashcourse verify`) and exports their supervision trees as real code
// (`crashcourse export --erlang|--elixir`).
//
// # Verify
//
// Verify runs a scenario twice: in the simulator, command by command, and
// on the real runtime (erl from PATH), translated to a file of Erlang terms
// that the embedded driver cc_driver reads and performs in order:
//
//   - The shell is the driver process. It traps exits and is linked only to
//     the top-level supervisors it starts, as their parent (an application
//     master in OTP terms); it never dies.
//   - A named plain process is a real process in a loop that does a
//     selective receive on a private tag, so its real mailbox holds only
//     the messages the scenario sent it; the driver asks it to link, send,
//     exit, raise, register and so on, and waits for it to answer or die.
//   - sup and worker trees are real OTP supervisors (cc_sup) of real
//     gen_servers (cc_worker) honouring every option: trap_exit, terminate
//     and init times, init results, register, restart types, shutdown
//     specs, significant children and auto_shutdown. They start with OTP's
//     own supervisor:start_link and gen_server:start_link ({local, Name}
//     only for register=), unchanged: the driver keeps books (the latest
//     incarnation of each name, the starts that succeeded) but never
//     decides whether a start succeeds.
//   - Every process reports itself (name, incarnation, pid) and is traced
//     with strict monotonic timestamps: exit reasons and exit orders come
//     from the runtime's own trace.
//
// After every command the driver waits until nothing runs on the node (the
// real counterpart of the simulator's "everything at the current instant").
// Then it compares, one line per point, each written as soon as what it
// compares is known (an expectation when the driver has observed it, a
// command's exits when the next command starts):
//
//   - every expect line, judged on what each world shows;
//   - the failure of each command and the reply of each supervisor call;
//   - the exits each command caused: the same processes with the same
//     reasons, in the same order wherever the simulator's order is causal
//     (a supervisor waiting for each child, a chain of links);
//   - the outcome of every process (alive or dead, exit reason, how many
//     incarnations), its final mailbox and, when supervised, its restart
//     count; and every registered name the scenario uses.
//
// Each point has one of three verdicts, counted apart in the closing line
// `N agree, M differ, K fail on both` (see Report.Summary):
//
//   - AGREE: the simulator did what OTP did, and an expectation holds.
//   - DIFFER: the simulator did something OTP never did. This is the only
//     verdict that blames the simulator.
//   - FAIL … on both: an expectation does not hold, or a command fails
//     without `expect error` after it (as crashcourse run counts it), and
//     the simulator and OTP showed the same thing: the scenario is wrong,
//     not the simulator.
//
// What OTP leaves open never makes a DIFFER ("Things where I could not
// establish a guarantee" in the fact sheet, and Erlang's rule that only
// one sender's signals to one receiver keep their order):
//
//   - the simulator delivers concurrent signals in one fixed order; OTP
//     may take another (which of two children that die at the same
//     instant their supervisor handles first, and what follows from it).
//     Verify also runs the simulator under other interleavings of those
//     deliveries (sim.Options.Interleave) and compares an OTP run with
//     the one that differs least, the fixed order winning ties; a note
//     says so, and each point it changed says what the fixed order gave;
//   - exits with no causal order between them in the simulator (the
//     children of a killed supervisor, the failed child of an initial
//     start and its siblings' cleanup, simple_one_for_one shutdowns)
//     compare as a set; so do the processes of an exit_order expectation;
//   - a mailbox compares per sender: a process's EXIT and DOWN keep their
//     order, different senders interleave freely, and the DOWNs of several
//     monitors on one process compare as a set;
//   - a trapping child with shutdown=0 that its supervisor stops may end
//     killed or shutdown (a race in the supervisor): the two are
//     alternatives for it;
//   - a child whose init fails while its supervisor exits at that instant
//     may end with its own reason or, taken down by the supervisor's exit
//     signal while it writes its crash report, with the supervisor's: the
//     two are alternatives for it.
//
// An expectation that holds in the simulator and fails on OTP only in
// such an order agrees, with a note; one that fails in the simulator while
// OTP showed the same up to such an order fails on both. Options.Runs
// (--runs N) runs the OTP side N times: a point agrees when the simulator
// did what OTP did in any run, and its line says where OTP varied; the
// points are written after the last run then, when they can be judged.
//
// Pids compare by identity (the same name and incarnation in both worlds)
// or by shape when one side cannot name them; refs by the order the
// scenario created them, or by shape; a stack trace ([...] in the
// simulator) matches any stack trace. A worker's mailbox is what its
// handle_info/2 received, followed by what is still unread in its queue
// (while it hangs, serves a call or runs terminate/2; for a dead one, what
// was unread when it died). A call request's tag ([alias|Ref] in OTP 25,
// a plain ref for timeout infinity) matches the simulator's _.
//
// # Independence
//
// The Erlang side runs OTP's own supervisor and gen_server and only keeps
// books; nothing in the comparison consults a simulator rule except to
// learn which exits the simulator made causal. Options.Faults (for oracle
// tests only, no flag sets it) plants known wrong rules in the simulator
// (sim.Fault); the tests show verify reports DIFFER for each and agrees
// without it.
//
// # Nothing runs but the scenario
//
// Verify is meant for scenarios from strangers, so the translated program
// can address only processes the scenario created:
//
//   - A registered name of the scenario (@rex, register=, register,
//     unregister, expect registered) is registered on the node under a
//     name of the driver's ('$cc_reg_<nonce>_<i>'), so the node's system
//     processes (rex, file_server_2, code_server, ...) are out of reach: a
//     name the scenario did not register is unregistered there, as it is in
//     the simulator, which has no system processes. OTP's own BIFs still do
//     the work on those names: register/2, unregister/1 and whereis/1,
//     badarg for a send to a free name, names looked up when a send_after
//     timer fires, a monitor by name whose DOWN names {Name, nonode@nohost}
//     (the driver writes its names back as the scenario's). undefined is
//     left as itself, which OTP never registers.
//   - Pids come only from processes the scenario spawned or started; a pid
//     literal the scenario never had is refused.
//   - User terms (messages, reasons) reach OTP exactly as written: they are
//     encoded so that no user term passes for a pid, a name or a ref the
//     driver resolves, and the driver's requests to its processes carry a
//     ref no user term can hold. Any atom round-trips, Latin-1 and other
//     Unicode included.
//   - Strings that enter the generated program (the file name, the
//     commands as comments) are quoted or stripped of line breaks.
//
// The real runtime's VM and temporary directory go when Verify returns or
// its context ends (crashcourse verify ends it on SIGINT and SIGTERM), and
// the VM halts by itself when crashcourse goes away (it watches its
// standard input).
//
// # Time
//
// Virtual time becomes real time, scaled: with scale S, S virtual
// milliseconds take one real millisecond (terminate=, init_time=,
// shutdown=MS, send_after and advance are all divided by S). By default a
// scenario whose virtual time fits in DefaultBudget (2 s) runs in real time
// (S = 1); a longer one is compressed to fit in it (advance 10s gives S = 5).
// Options.Scale (--scale) forces a scale. Limits:
//
//   - OTP counts restart intensity in whole seconds of real time, which
//     cannot be scaled: when a supervisor's restarts in the simulator span
//     its period or more (so that a restart can leave the window), the
//     scenario runs in real time, starting on a whole second of the
//     runtime's monotonic clock as the simulator's clock starts at 0, and
//     keeping to an absolute schedule. A restart that the scenario places
//     within about 100 ms after a whole second can still land on either
//     side on a loaded machine.
//   - Commands take real time (typically well under a millisecond each)
//     that is not virtual time. A user timer (send_after) is handled
//     exactly: advance stops once every timer due by the new virtual time
//     has fired and before any later one does. Other timed events (a
//     supervisor's shutdown timer against a terminate= time, an init_time=)
//     need some room: keep them at least a few milliseconds of real time
//     apart, that is a few times S milliseconds of virtual time.
//   - run becomes an advance by the time the simulator's run took, plus 2 ms.
//   - A call's timeout is real time in OTP, and a timeout= is part of the
//     exit reason of the call: a scenario with a timeout= or a call that
//     times out runs in real time.
//
// Before anything runs, Verify estimates the real time the run needs (the
// virtual time at the chosen scale, plus a second when it aligns) and
// refuses a scenario that needs more than Options.MaxReal (--max-real,
// DefaultMaxReal: 2 minutes) with a *TooLongError that gives the estimate:
// an hour of advance whose restart window runs in real time takes an hour.
//
// # What cannot be translated
//
// step (single simulator events), chaos (random crashes from the
// simulator's seed) and the extensions backoff= and health= have no
// counterpart in OTP: Verify returns a *TranslateError naming each line.
// count=N is plain sugar for N workers and is translated. hang and recover
// are: a hung process answers nothing until recover, and a hung worker's
// gen_server code does not run.
//
// # Export
//
// ExportErlang writes one supervisor module per supervisor (sup flags and
// child specs as maps, every key spelled out) and a gen_server skeleton
// per worker behaviour; ExportElixir writes Supervisor modules (children
// and Supervisor.init/2), DynamicSupervisor for simple_one_for_one, and
// GenServer modules. Top supervisors register under their module's name.
//
// The output is inert: every string of the scenario that enters it (atoms,
// strings, the file name in each head comment) is quoted and escaped, in
// Elixir including #{ and every character that is not printable, so no
// scenario and no file name can add code that runs when elixirc compiles
// it or a node loads it. Module names carry the project's prefix
// (crashcourse_NAME_sup and crashcourse_NAME_server; Crashcourse.FILE.NAME
// in Elixir), so none shadows a module of OTP or Elixir, and are unique
// within an export (a taken name is numbered). A name or atom longer than
// an Erlang atom can be is refused with its position.
//
// Each supervisor's module ends with the start_child calls the scenario
// makes on it, as a snippet to paste into a shell on the running tree: it
// reaches a nested supervisor through the child ids of its parents, and
// every call in it succeeds on a tree just started (unless the child fails
// to start as it does in the scenario).
package otp
