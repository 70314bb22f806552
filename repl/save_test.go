package repl

import (
	"bytes"
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
	"github.com/stretchr/testify/require"
)

// traceText is a world's whole trace, one formatted entry a line.
func traceText(w *sim.World) string {
	var b strings.Builder
	for s := 1; s <= w.TraceLen(); s++ {
		b.WriteString(scenarios.FormatEntry(w, sim.Seq(s)) + "\n")
	}
	return b.String()
}

// A saved session replays under `crashcourse run` to the same trace and
// clock, passes, and has no unexpected error: failed commands get an
// `expect error`, failed expectations become comments.
func TestSaveReplays(t *testing.T) {
	for _, seed := range []uint64{0, 42} {
		s := newSession(false, false)
		s.sh = newShell(seed, "<repl>", false, false, s.sh.out)
		s.sh.fsys = s.fs
		s.feedAll(`spawn a
a: spawn_link b
b: spawn_link c trap_exit
spawn a
kill nobody
expect error noproc
a: link nobody
expect alive nobody
help
a: monitor c
a: send_after 2s c tick
spawn d; d: send_after 1s @later x
advance 1500ms
sup s strategy=one_for_all {
  worker w
  worker v restart=transient
}
sup s {
  worker again
}
w: crash boom
expect restarts v 1
start_child s worker extra
terminate_child s extra
restart_child s extra
chaos 5 for 2s
run
expect dead b
ps
kill b
why c
kill nobody
expect error badarg
save session.scn
`)
		saved := string(s.fs["session.scn"])
		require.Contains(t, saved, "kill nobody\nexpect error noproc\n")
		require.Contains(t, saved, "a: link nobody\nexpect error\n")
		require.Contains(t, saved, "# did not pass when saved: expect alive nobody\n")
		require.Contains(t, saved, "sup s {\n  worker again\n}\nexpect error\n")
		require.Contains(t, saved, "kill nobody\nexpect error\n# did not pass when saved: expect error badarg\n")
		require.NotContains(t, saved, "\nhelp")
		require.NotContains(t, saved, "\nsave ")
		if seed != 0 {
			require.True(t, strings.HasPrefix(strings.SplitN(saved, "\n", 2)[1], "seed 42\n"), saved)
		}

		var out bytes.Buffer
		sum, replay, err := scenarios.RunScript("session.scn", []byte(saved), scenarios.RunOptions{}, &out)
		require.NoError(t, err)
		require.Zero(t, sum.Failed, out.String())
		require.Zero(t, sum.Errors, out.String())
		require.Equal(t, traceText(s.sh.sess.World()), traceText(replay.World()))
		require.Equal(t, s.sh.sess.World().Now(), replay.World().Now())
	}
}

// A load joins the session: saving afterwards includes its commands.
func TestLoadThenSave(t *testing.T) {
	s := newSession(false, false)
	out := s.feedAll("spawn first\nload builtin:links\nsave all.scn\n")
	mustContain(t, out, "> spawn a", "PASS builtin:links:", "loaded builtin:links:", "saved ")
	var replay bytes.Buffer
	sum, w, err := scenarios.RunScript("all.scn", s.fs["all.scn"], scenarios.RunOptions{}, &replay)
	require.NoError(t, err)
	require.Zero(t, sum.Failed)
	require.Equal(t, traceText(s.sh.sess.World()), traceText(w.World()))
}

func TestLoadProblems(t *testing.T) {
	s := newSession(false, false)
	s.fs["bad.scn"] = []byte("spawn a\nspwan b\n")
	s.fs["huge.scn"] = []byte(strings.Repeat("mark\n", maxLoadCommands+1))
	s.fs["big.scn"] = make([]byte, scenarios.MaxFileBytes+1)
	out := s.feedAll("load bad.scn\nload huge.scn\nload big.scn\nload nope.scn\nload\nsave\nexpect dead a\n")
	mustContain(t, out,
		"bad.scn:2:1:\n  spwan b\n  ^ unknown verb",
		"error: load: bad.scn does not parse; nothing ran",
		"error: load: huge.scn has 100001 commands, more than the 100000 a load may run (the REPL's limit); nothing ran",
		`error: load: "big.scn" is larger than 16 MiB, the limit for a scenario file`,
		"error: load: open nope.scn: file does not exist",
		"error: usage: load FILE", "error: usage: save FILE",
		"FAIL expected a to be dead, got noproc: no process is called a")
	require.Equal(t, ExitBroken, s.sh.status())
}

// interruptingFS presses Ctrl-C while a load reads its file.
type interruptingFS struct {
	memFS
	sh *shell
}

func (f interruptingFS) ReadFile(name string) ([]byte, error) {
	f.sh.interrupted.Store(true)
	return f.memFS.ReadFile(name)
}

func TestLoadInterrupted(t *testing.T) {
	s := newSession(false, false)
	s.fs["two.scn"] = []byte("spawn a\nspawn b\n")
	s.sh.fsys = interruptingFS{s.fs, s.sh}
	out := s.feedAll("load two.scn\nps\n")
	mustContain(t, out, "error: load: interrupted after 0 of the 2 commands of two.scn")
	require.NotContains(t, out, "is spawned")
}

// stopAfter is an interrupt that says stop from its (k+1)-th question on,
// as Ctrl-C would after k events.
func stopAfter(k int) func() bool {
	asked := 0
	return func() bool {
		asked++
		return asked > k
	}
}

// An interrupted run is saved as the steps it ran, so that the file
// replays to the state the session was in; an interrupted supervisor call
// is kept, with a comment that its replay runs it to the end.
func TestSaveInterrupted(t *testing.T) {
	s := newSession(false, false)
	s.feedAll("sup s intensity=1000000 period=1 backoff=1ms..1ms { worker w init=ok,crash:bad }\nw: crash boom\n")
	s.sh.sess.SetInterrupt(stopAfter(300))
	s.buf.Reset()
	s.typeLine("run")
	mustContain(t, s.buf.String(), "note: interrupted at t=")
	s.sh.sess.SetInterrupt(stopAfter(0))
	s.typeLine("advance 1s")
	s.sh.sess.SetInterrupt(s.sh.interrupted.Load)
	s.typeLine("step 2")
	s.typeLine("save session.scn")
	saved := string(s.fs["session.scn"])
	require.Contains(t, saved, "# interrupted after 300 events: run\nstep 300\n"+
		"# interrupted before its first event: advance 1s\nstep 2\n")

	var out bytes.Buffer
	sum, replay, err := scenarios.RunScript("session.scn", []byte(saved), scenarios.RunOptions{}, &out)
	require.NoError(t, err)
	require.Zero(t, sum.Errors, out.String())
	require.Equal(t, traceText(s.sh.sess.World()), traceText(replay.World()))
	require.Equal(t, s.sh.sess.World().Now(), replay.World().Now())

	s = newSession(false, false)
	s.feedAll("sup s { worker w trap_exit terminate=3s }\n")
	s.sh.sess.SetInterrupt(stopAfter(1))
	s.typeLine("stop s")
	s.sh.sess.SetInterrupt(nil)
	s.typeLine("save stop.scn")
	require.Contains(t, string(s.fs["stop.scn"]), "# interrupted when saved; replayed here to its end:\nstop s\n")
	require.NotContains(t, string(s.fs["stop.scn"]), "expect error")
}

// TestFileNamesAreTerminalSafe: a file name is quoted where it holds a
// newline or an escape, so it forges no line of a report.
func TestFileNamesAreTerminalSafe(t *testing.T) {
	s := newSession(true, false)
	s.fs["x\nPASS y.scn:1 all good.scn"] = []byte("spawn a\nexpect alive a\nspwan\n")
	out := s.feedAll(`load "x\nPASS y.scn:1 all good.scn"` + "\nload \"nope\\e[2J\"\n")
	mustContain(t, out,
		`"x\nPASS y.scn:1 all good.scn":3:1: unknown verb`,
		`<stdin>:1: load: "x\nPASS y.scn:1 all good.scn" does not parse; nothing ran`,
		`<stdin>:2: load: open "nope\x1b[2J": file does not exist`)
	require.NotContains(t, out, "\x1b")
	require.NotContains(t, out, "\nPASS")
}

// Ctrl-C during a command of a load stops that command where it is, and
// the load with it.
func TestLoadInterruptedInACommand(t *testing.T) {
	s := newSession(false, false)
	s.fs["storm.scn"] = []byte("sup s intensity=1000000 period=1 backoff=1ms..1ms { worker w init=ok,crash:bad }\n" +
		"w: crash boom\nrun\nspawn after\n")
	asked := 0
	s.sh.sess.SetInterrupt(func() bool { // Ctrl-C once, after 500 events
		if asked++; asked == 501 {
			s.sh.interrupted.Store(true)
		}
		return s.sh.interrupted.Load()
	})
	out := s.feedAll("load storm.scn\nspawn next\n")
	mustContain(t, out, "note: interrupted at t=", "error: load: interrupted after 3 of the 4 commands of storm.scn",
		"next       is spawned by <shell>")
	require.NotContains(t, out, "after      is spawned")
	require.Equal(t, 1, strings.Count(out, "interrupted at t="), "the next command is not interrupted")
}
