package repl

import (
	"bytes"
	"os"
	"path/filepath"
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
	s.fs["big.scn"] = make([]byte, maxLoadBytes+1)
	out := s.feedAll("load bad.scn\nload huge.scn\nload big.scn\nload nope.scn\nload\nsave\nexpect dead a\n")
	mustContain(t, out,
		"bad.scn:2:1:\n  spwan b\n  ^ unknown verb",
		"error: load: bad.scn does not parse; nothing ran",
		"error: load: huge.scn has 100001 commands, more than the 100000 a load may run (the REPL's limit); nothing ran",
		"error: load: file larger than 16 MiB (the REPL's limit)",
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

func (f interruptingFS) ReadFile(name string, max int64) ([]byte, error) {
	f.sh.interrupted.Store(true)
	return f.memFS.ReadFile(name, max)
}

func TestLoadInterrupted(t *testing.T) {
	s := newSession(false, false)
	s.fs["two.scn"] = []byte("spawn a\nspawn b\n")
	s.sh.fsys = interruptingFS{s.fs, s.sh}
	out := s.feedAll("load two.scn\nps\n")
	mustContain(t, out, "error: load: interrupted after 0 of the 2 commands of two.scn")
	require.NotContains(t, out, "is spawned")
}

// WriteFileAtomic replaces a file whole, keeps its mode, and leaves no
// temporary file behind, whether it succeeds or fails.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "s.scn")
	fs := osFS{}
	require.NoError(t, fs.WriteFileAtomic(name, []byte("spawn a\n")))
	require.NoError(t, os.Chmod(name, 0o600))
	require.NoError(t, fs.WriteFileAtomic(name, []byte("spawn b\n")))
	got, err := os.ReadFile(name)
	require.NoError(t, err)
	require.Equal(t, "spawn b\n", string(got))
	fi, err := os.Stat(name)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), fi.Mode().Perm())

	require.Error(t, fs.WriteFileAtomic(dir, []byte("x")))                                  // a directory
	require.Error(t, fs.WriteFileAtomic(filepath.Join(dir, "no", "such.scn"), []byte("x"))) // no such directory
	require.Error(t, fs.WriteFileAtomic(dir+"/", []byte("x")))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "only s.scn, no temporary file")

	data, err := fs.ReadFile(name, 100)
	require.NoError(t, err)
	require.Equal(t, "spawn b\n", string(data))
	_, err = fs.ReadFile(name, 3)
	require.ErrorIs(t, err, errTooBig)
}

// The save command writes through the real file system too.
func TestSaveToDisk(t *testing.T) {
	name := filepath.Join(t.TempDir(), "trio.scn")
	var out bytes.Buffer
	code := Run(Options{Stdin: strings.NewReader("spawn a\na: spawn_link b\nsave " + name + "\n"), Stdout: &out})
	require.Equal(t, ExitOK, code, out.String())
	got, err := os.ReadFile(name)
	require.NoError(t, err)
	require.Equal(t, "# A crashcourse REPL session. Replay it: crashcourse run FILE\nspawn a\na: spawn_link b\n", string(got))
	require.Contains(t, out.String(), "saved 2 commands to "+name)
}
