package otp

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
)

// logsTree has every supervisor report in one cascade: a child killed
// (child_terminated), an inner supervisor giving up (reached_max_restart_
// intensity), its parent giving up in turn, and a trapping worker whose
// terminate outlasts its shutdown time (shutdown_error). Supervisor names
// end in "sup" so that the exported modules are crashcourse_NAME.
const logsTree = `sup topsup intensity=1 {
  worker a
  worker b trap_exit terminate=500ms shutdown=100
  sup innersup intensity=0 { worker c }
}
`

// The same events on the real runtime: the exported tree, a killed, then c.
const logsOnOTP = `process_flag(trap_exit, true),
{ok, S} = crashcourse_topsup:start_link(), unlink(S),
[A] = [P || {a, P, _, _} <- supervisor:which_children(crashcourse_topsup)],
exit(A, kill), timer:sleep(100),
[I] = [P || {innersup, P, _, _} <- supervisor:which_children(crashcourse_topsup)],
[C] = [P || {c, P, _, _} <- supervisor:which_children(I)],
exit(C, kill), timer:sleep(1000), halt().`

// `logs on` prints the SUPERVISOR REPORTs OTP 25's logger prints for the
// same events, line for line, once the header's time and the pids are set
// aside.
func TestLogReportsMatchOTP(t *testing.T) {
	requireErlang(t)
	files, err := ExportErlang("logs.scn", []byte(logsTree))
	require.NoError(t, err)
	out := runOnOTP(t, files, logsOnOTP)
	otp := reportsOf(out, "SUPERVISOR")
	require.Len(t, otp, 6, out)
	require.Equal(t, otp, reportsOf(simLogs(t, "logs on\n"+logsTree+"kill a\nkill c\nrun\n"), "SUPERVISOR"))
}

// The gen_servers of the second comparison: w exits in handle_info when
// asked, with the one-frame stack the simulator's [...] stands for; v's
// init returns {stop, nope}.
const (
	wServer = `-module(crashcourse_w_server).
-behaviour(gen_server).
-export([start_link/0, init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).
start_link() -> gen_server:start_link(?MODULE, [], []).
init([]) -> {ok, #{}}.
handle_call(_, _, S) -> {reply, ok, S}.
handle_cast(_, S) -> {noreply, S}.
handle_info({exit, R}, _) -> erlang:raise(exit, R, [{crashcourse_w_server, handle_info, 2, []}]).
terminate(_, _) -> ok.
`
	vServer = `-module(crashcourse_v_server).
-behaviour(gen_server).
-export([start_link/0, init/1, handle_call/3, handle_cast/2, handle_info/2, terminate/2]).
start_link() -> gen_server:start_link(?MODULE, [], []).
init([]) -> {stop, nope}.
handle_call(_, _, S) -> {reply, ok, S}.
handle_cast(_, S) -> {noreply, S}.
handle_info(_, S) -> {noreply, S}.
terminate(_, _) -> ok.
`
	workerOnOTP = `process_flag(trap_exit, true),
{ok, S} = crashcourse_s_sup:start_link(), unlink(S),
[W] = [P || {w, P, _, _} <- supervisor:which_children(crashcourse_s_sup)],
W ! {exit, {db, down}}, timer:sleep(200),
{error, _} = supervisor:start_child(crashcourse_s_sup, #{id => v, start => {crashcourse_v_server, start_link, []}, restart => temporary}),
timer:sleep(200), halt().`
)

// A worker that exits in handle_info logs gen_server's error report and
// proc_lib's CRASH REPORT, and one whose init stops a CRASH REPORT, as on
// OTP 25, once what the simulator does not model is set aside: the file
// and line of a function, the calls below it, the heap and reduction
// counts, the shell's pid.
func TestWorkerLogReportsMatchOTP(t *testing.T) {
	requireErlang(t)
	files, err := ExportErlang("logs.scn", []byte("sup s intensity=5 { worker w }\n"))
	require.NoError(t, err)
	files = append(files, File{Name: "crashcourse_w_server.erl", Text: wServer}, File{Name: "crashcourse_v_server.erl", Text: vServer})
	out := runOnOTP(t, files, workerOnOTP)
	sim := simLogs(t, "logs on\nsup s intensity=5 { worker w }\nw: exit {db,down}\nstart_child s worker v restart=temporary init=error:nope\n")
	for kind, n := range map[string]int{"ERROR": 1, "CRASH": 2, "SUPERVISOR": 1} {
		otp := reportsOf(unmodelled(out), kind)
		require.Len(t, otp, n, "%s reports on OTP:\n%s", kind, out)
		require.Equal(t, otp, reportsOf(unmodelled(sim), kind), kind)
	}
}

var (
	fileAndLine    = regexp.MustCompile(` \([a-z_]+\.erl, line \d+\)$`)
	unmodelledLine = regexp.MustCompile(`^\s+(in call from|heap_size:|stack_size:|reductions:)`)
)

// unmodelled drops from a log what the simulator does not model.
func unmodelled(log string) string {
	var out []string
	for _, l := range strings.Split(log, "\n") {
		if unmodelledLine.MatchString(l) {
			continue
		}
		l = strings.ReplaceAll(fileAndLine.ReplaceAllString(l, ""), "<shell>", "<0.0.0>")
		l = strings.ReplaceAll(l, "[{crashcourse_w_server,handle_info,2,[]}]", "[...]")
		if strings.HasPrefix(l, "      in function") {
			l = strings.TrimRight(l, " ") // a frame without a location
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// runOnOTP compiles files and returns what erl printed running eval.
func runOnOTP(t *testing.T, files []File, eval string) string {
	t.Helper()
	requireErlang(t)
	dir := t.TempDir()
	out, err := runTool(t, "erlc", append([]string{"-o", dir}, writeFiles(t, dir, files)...)...)
	require.NoError(t, err, string(out))
	out, err = runTool(t, "erl", "-noshell", "-pa", dir, "-eval", eval)
	require.NoError(t, err, string(out))
	return string(out)
}

// simLogs runs src and returns what its commands printed.
func simLogs(t *testing.T, src string) string {
	t.Helper()
	cmds, err := scenarios.Parse("logs.scn", []byte(src))
	require.NoError(t, err)
	s := scenarios.NewSession(0)
	var b strings.Builder
	for _, c := range cmds {
		for _, l := range s.Exec(c).Lines {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

var (
	reportHeader = regexp.MustCompile(`^=([A-Z]+) REPORT==== .* ===$`)
	anyPid       = regexp.MustCompile(`<0\.\d+\.0>`)
)

// reportsOf cuts the reports of one kind out of a log, header to blank
// line, with the header's time and every pid replaced.
func reportsOf(log, kind string) []string {
	var out []string
	var cur []string
	in := false
	for _, l := range strings.Split(log, "\n") {
		switch m := reportHeader.FindStringSubmatch(l); {
		case m != nil:
			in = m[1] == kind
			cur = []string{"=" + m[1] + " REPORT===="}
		case in && l == "":
			out = append(out, strings.Join(cur, "\n"))
			in = false
		case in:
			cur = append(cur, anyPid.ReplaceAllString(l, "<pid>"))
		}
	}
	return out
}
