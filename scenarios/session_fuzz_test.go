package scenarios

import (
	"testing"

	"github.com/crashcourse/crashcourse/sim"
)

// FuzzSession feeds arbitrary text to a session, command by command: it
// never panics, every error has a position, and the clock never goes back
// (but for reset, which starts a fresh world) nor past its maximum.
func FuzzSession(f *testing.F) {
	for _, s := range Builtin() {
		f.Add(s.Src)
	}
	f.Add([]byte("spawn a\na: spawn_link b\nb: monitor a\nkill a\nwhy b\nps\ntree\ninfo b\ntrace 3\n"))
	f.Add([]byte("spawn a\na: send_after 1s a x\nchaos 3 for 2s\nrun\nstep 4\nadvance 1s\nexpect exit_order a\n"))
	f.Add([]byte("spawn a\nspawn b\nsend a #{<b> => <<\"x\">>, k => [1.0]}\nexpect mailbox a [#{<b> => _, k => [_]}]\na: exit #{r => <<1>>}\nexpect dead a reason=#{r => <<1>>}\n"))
	f.Add([]byte("logs on\nsup s intensity=1 { worker w register=db; sup i intensity=0 { worker c trap_exit terminate=1s shutdown=10 } }\nw: crash {a,#{k => <<1>>}}\nw: exit {}\nspawn p\np: crash {}\nkill c\nrun\nreset\nlogs off\n"))
	f.Add([]byte("logs on\nsup s { worker w call_time=1s trap_exit terminate=1s register=db }\nspawn c\nc: call @db {x,<c>} timeout=2s\nw: call c\nw: hang\ncall w timeout=1\ninfo c\nw: recover\nstop s\ncall s\nc: call c\nreset\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		cmds, _ := Parse("fuzz.scn", src)
		s := NewSession(1)
		s.AddSource("fuzz.scn", src)
		var last sim.Time
		for _, c := range cmds {
			if c.Time != nil && c.Verb == "run" {
				continue // bounded, but slow for a fuzzer when chaos never stops
			}
			if c.Verb == "reset" {
				last = 0 // a fresh world: its clock starts again
			}
			r := s.Exec(c)
			if r.Err != nil && (r.Err.Pos.Line < 1 || r.Err.Pos.Col < 1) {
				t.Fatalf("error without a position: %v", r.Err)
			}
			if now := s.World().Now(); now < last || now > sim.MaxTime {
				t.Fatalf("clock went from %v to %v (its maximum is %v)", last, now, sim.MaxTime)
			}
			last = s.World().Now()
		}
	})
}
