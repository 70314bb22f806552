package repl

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzShell feeds random lines to a shell, interactive or script, with
// files in memory: it never panics, completes prefixes of every line
// without panicking, and its status is always one of the three.
func FuzzShell(f *testing.F) {
	f.Add([]byte("spawn a\na: spawn_link b\nb: spawn_link c trap_exit\nkill a\nwhy b\nexpect dead b reason=killed\n"), false)
	f.Add([]byte("spawn a\nsave x.scn\nload x.scn\nkill a\ntrace\nhelp\nhelp save\nquit now\n"), true)
	f.Add([]byte("sup s {\n worker w init=ok,error:x\n}\nsup t {\n\x00\xff\nexit\n"), false)
	f.Add([]byte("a: send_after 1s @x {y, [1,2]}\nadvance 2s\nstep 100\nrun 1s\nsave \nload \x00\n"), true)
	f.Add([]byte("spawn a; register db a; send @db hi\nmailbox a\nreceive a\nkill nobody\nexpect error\n"), false)
	f.Add([]byte("spawn a\nsave \"q.scn\"\nsave! \"a \\\"b\\\".scn\" # c\nsave \"open\nload \"q.scn\" x\nload \"\\e[2J\"\nspawn \x1b[31m\n"), false)
	f.Fuzz(func(t *testing.T, src []byte, script bool) {
		var buf bytes.Buffer
		file := "<repl>"
		if script {
			file = "<stdin>"
		}
		sh := newShell(1, file, script, !script, newOutput(&buf, !script))
		sh.fsys = memFS{}
		for _, line := range strings.Split(string(src), "\n") {
			if strings.Contains(line, "chaos") {
				continue // bounded, but a storm of a million crashes is slow for a fuzzer
			}
			for i := 0; i <= len(line); i += 5 {
				sh.complete(line[:i])
			}
			sh.feed(line)
			if sh.quit {
				break
			}
		}
		sh.finish()
		if st := sh.status(); st != ExitOK && st != ExitFailed && st != ExitBroken {
			t.Fatalf("status %d", st)
		}
	})
}
