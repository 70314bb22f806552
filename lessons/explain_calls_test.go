package lessons

import (
	"strings"
	"testing"
)

// callerLives is an exercise that wants `api` alive after the faults:
// any call of the learner's that fails is explained.
func callerLives(setup, faults string) string {
	return "# T\n\n## Exercise: E\n\n```goal\ng\n```\n\n```setup\n" + setup + "```\n\n" +
		"```allow\ncall\n```\n\n```faults\n" + faults + "```\n\n```expect\nexpect alive api\n```\n\n" +
		"```solution\n# no call\n```\n\n```hint\nh1\n```\n\n```hint\nh2\n```\n\n```pass\np\n```\n"
}

// A caller killed by its call's DOWN is explained by the call, the
// server's death and the learner's line, whether it traps exits or not,
// and a call to a process already dead by noproc.
func TestCheckExplainsADeathByACall(t *testing.T) {
	for _, tc := range []struct {
		name, setup, faults, src, want string
	}{
		{
			name:   "server_dies_during_the_call",
			setup:  "sup app {\n  worker db call_time=1s\n}\nspawn api\n",
			faults: "advance 100ms\nkill db\n",
			src:    "api: call db {get,1}\n",
			want:   "`api` died with `{killed,{gen_server,call,[<0.101.0>,{get,1}]}}` because it was waiting in gen_server:call to `db`, which died with `killed`: a failed call exits the caller, trapping exits or not (your line 1: `api: call db {get,1}`)",
		},
		{
			name:   "a_trapping_caller_dies_all_the_same",
			setup:  "spawn srv\nspawn api trap_exit\n",
			faults: "srv: exit oops\n",
			src:    "api: call srv\n",
			want:   "because it was waiting in gen_server:call to `srv`, which died with `oops`: a failed call exits the caller, trapping exits or not (your line 1: `api: call srv`)",
		},
		{
			name:   "server_already_dead",
			setup:  "spawn srv\nsrv: exit normal\nspawn api\n",
			faults: "",
			src:    "api: call srv\n",
			want:   "because it called `srv`, which was already dead: the call failed at once with noproc (your line 1: `api: call srv`)",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			report := reportSays(t, callerLives(tc.setup, tc.faults), tc.src, tc.want)
			if strings.Contains(report, "gets {'DOWN'") {
				t.Fatalf("the report tells the call's DOWN as a step of its own:\n%s", report)
			}
		})
	}
}
