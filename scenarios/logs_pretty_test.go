package scenarios

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/sim"
)

// frame is {M,F,A,[{file,File},{line,Line}]}, one entry of a stack trace.
func frame(m, f string, a int, file string, line int) sim.Term {
	return sim.Tuple{sim.Atom(m), sim.Atom(f), sim.Int(a),
		sim.List{sim.Tuple{sim.Atom("file"), sim.Str(file)}, sim.Tuple{sim.Atom("line"), sim.Int(line)}}}
}

var dispatchStack = sim.List{
	frame("lw", "handle_info", 2, "lw.erl", 15),
	frame("gen_server", "try_dispatch", 4, "gen_server.erl", 1123),
	frame("gen_server", "handle_msg", 6, "gen_server.erl", 1200),
	frame("proc_lib", "init_p_do_apply", 3, "proc_lib.erl", 240),
}

// The expected texts are what OTP 25's logger printed for the same terms
// (io_lib_pretty through logger_formatter's default layout), each starting
// at the column its report line gives it.
func TestPrettyBreaksLinesAsOTPsLoggerDoes(t *testing.T) {
	offender := sim.List{
		sim.Tuple{sim.Atom("pid"), sim.Pid(80)}, sim.Tuple{sim.Atom("id"), sim.Atom("w")},
		sim.Tuple{sim.Atom("mfargs"), sim.Tuple{sim.Atom("lw"), sim.Atom("start_link"), sim.List{sim.Atom("w"), sim.List{}}}},
		sim.Tuple{sim.Atom("restart_type"), sim.Atom("permanent")}, sim.Tuple{sim.Atom("significant"), sim.False},
		sim.Tuple{sim.Atom("shutdown"), sim.Int(5000)}, sim.Tuple{sim.Atom("child_type"), sim.Atom("worker")},
	}
	dbDown := dispatchStack[0].(sim.Tuple)
	dbStack := append(sim.List{sim.Tuple{dbDown[0], dbDown[1], dbDown[2], sim.List{sim.Tuple{sim.Atom("file"), sim.Str("lw.erl")}, sim.Tuple{sim.Atom("line"), sim.Int(16)}}}}, dispatchStack[1:]...)
	for _, c := range []struct {
		name string
		term sim.Term
		col  int
		want string
	}{
		{"offender", offender, len("    offender: "), `[{pid,<0.80.0>},
               {id,w},
               {mfargs,{lw,start_link,[w,[]]}},
               {restart_type,permanent},
               {significant,false},
               {shutdown,5000},
               {child_type,worker}]`},
		{"supervisor reason", sim.Tuple{sim.Atom("boom"), dispatchStack}, len("    reason: "), `{boom,[{lw,handle_info,2,[{file,"lw.erl"},{line,15}]},
                   {gen_server,try_dispatch,4,
                               [{file,"gen_server.erl"},{line,1123}]},
                   {gen_server,handle_msg,6,
                               [{file,"gen_server.erl"},{line,1200}]},
                   {proc_lib,init_p_do_apply,3,
                             [{file,"proc_lib.erl"},{line,240}]}]}`},
		{"gen_server reason", sim.Tuple{sim.Atom("boom"), dispatchStack}, len("** "), `{boom,[{lw,handle_info,2,[{file,"lw.erl"},{line,15}]},
          {gen_server,try_dispatch,4,[{file,"gen_server.erl"},{line,1123}]},
          {gen_server,handle_msg,6,[{file,"gen_server.erl"},{line,1200}]},
          {proc_lib,init_p_do_apply,3,[{file,"proc_lib.erl"},{line,240}]}]}`},
		{"untagged tuple", sim.Tuple{sim.Tuple{sim.Atom("db"), sim.Atom("down")}, dbStack}, len("** "), `{{db,down},
    [{lw,handle_info,2,[{file,"lw.erl"},{line,16}]},
     {gen_server,try_dispatch,4,[{file,"gen_server.erl"},{line,1123}]},
     {gen_server,handle_msg,6,[{file,"gen_server.erl"},{line,1200}]},
     {proc_lib,init_p_do_apply,3,[{file,"proc_lib.erl"},{line,240}]}]}`},
		{"short", sim.Tuple{sim.Atom("boom"), sim.Stack{}}, 12, "{boom,[...]}"},
		{"empty at the margin", sim.Tuple{}, 79, "{}"},
		{"one element at the margin", sim.Tuple{sim.Atom("a")}, 79, "{a}"},
	} {
		require.Equal(t, c.want, pretty(c.term, c.col), c.name)
		for _, l := range strings.Split(pretty(c.term, c.col), "\n") {
			require.LessOrEqual(t, len(l), lineWidth, c.name)
		}
	}
}
