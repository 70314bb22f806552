package repl

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/require"
)

// diskSession is a script shell whose save and load use the real file
// system, in a fresh directory it returns.
func diskSession(t *testing.T) (*session, string) {
	s := newSession(true, false)
	s.sh.fsys = &osFS{}
	return s, t.TempDir()
}

// requireFiles requires dir to hold exactly these names: no temporary
// file is ever left behind.
func requireFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	require.ElementsMatch(t, names, got)
}

func requireContent(t *testing.T, name, want string) {
	t.Helper()
	got, err := os.ReadFile(name)
	require.NoError(t, err)
	require.Equal(t, want, string(got))
}

func requireMode(t *testing.T, name string, want os.FileMode) {
	t.Helper()
	fi, err := os.Stat(name)
	require.NoError(t, err)
	require.Equal(t, want, fi.Mode().Perm())
}

// WriteFileAtomic replaces a file whole, keeps its mode, and leaves no
// temporary file behind, whether it succeeds or fails.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "s.scn")
	fs := &osFS{}
	require.NoError(t, fs.WriteFileAtomic(name, []byte("spawn a\n"), false))
	require.NoError(t, os.Chmod(name, 0o600))
	require.NoError(t, fs.WriteFileAtomic(name, []byte("spawn b\n"), false), "it wrote s.scn: it may replace it")
	requireContent(t, name, "spawn b\n")
	requireMode(t, name, 0o600)

	require.ErrorContains(t, fs.WriteFileAtomic(dir, []byte("x"), true), "is not a regular file")
	require.ErrorContains(t, fs.WriteFileAtomic(filepath.Join(dir, "no", "such.scn"), []byte("x"), true), "no such file or directory")
	require.ErrorContains(t, fs.WriteFileAtomic(dir+"/", []byte("x"), true), "is a directory")
	requireFiles(t, dir, "s.scn")

	data, err := fs.ReadFile(name)
	require.NoError(t, err)
	require.Equal(t, "spawn b\n", string(data))
}

// TestLoadRefusesPipesAndDevices: load reads regular files only; a named
// pipe or a device is refused before it is opened, where the REPL would
// wait, deaf to Ctrl-C, for a writer or an end.
func TestLoadRefusesPipesAndDevices(t *testing.T) {
	s, dir := diskSession(t)
	fifo := filepath.Join(dir, "nobody-writes.scn")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	out := s.feedAll("load " + fifo + "\nload " + os.DevNull + "\n")
	mustContain(t, out,
		`<stdin>:1: load: "`+fifo+`" is not a regular file (a scenario file is read whole)`,
		`<stdin>:2: load: "`+os.DevNull+`" is not a regular file (a scenario file is read whole)`)
}

// TestSaveNeverOverwritesUnasked: save refuses a file this session did not
// write; save! replaces it, keeping its mode; then save may write it again.
func TestSaveNeverOverwritesUnasked(t *testing.T) {
	s, dir := diskSession(t)
	name := filepath.Join(dir, "mine.scn")
	require.NoError(t, os.WriteFile(name, []byte("keep me\n"), 0o640))
	require.NoError(t, os.Chmod(name, 0o640))
	out := s.feedAll("spawn a\nsave " + name + "\n")
	mustContain(t, out, "<stdin>:2: save: "+name+" exists, and this session did not write it: save! replaces it")
	requireContent(t, name, "keep me\n")

	s, _ = diskSession(t)
	out = s.feedAll("spawn a\nsave! " + name + "\nspawn b\nsave " + name + "\n")
	require.NotContains(t, out, "error")
	mustContain(t, out, "saved 2 commands to "+name)
	requireContent(t, name, "# A crashcourse REPL session. Replay it: crashcourse run FILE\nspawn a\nspawn b\n")
	requireMode(t, name, 0o640)
	requireFiles(t, dir, "mine.scn")
}

// TestSaveRespectsReadOnly: a read-only file (0444) is never replaced, not
// even with save!, not even by root; the error names the user's file.
func TestSaveRespectsReadOnly(t *testing.T) {
	s, dir := diskSession(t)
	name := filepath.Join(dir, "ro.scn")
	require.NoError(t, os.WriteFile(name, []byte("keep me\n"), 0o444))
	require.NoError(t, os.Chmod(name, 0o444))
	out := s.feedAll("spawn a\nsave " + name + "\nsave! " + name + "\n")
	require.Equal(t, 2, strings.Count(out, "save: "+name+" is read-only for you (mode 0444); save will not replace it"), out)
	requireContent(t, name, "keep me\n")
	requireMode(t, name, 0o444)
	requireFiles(t, dir, "ro.scn")
	require.Equal(t, ExitBroken, s.sh.status())
}

// TestSaveRespectsOtherUsersFile: another user's file, in a directory the
// user may write, is not replaced by a file of the user's.
func TestSaveRespectsOtherUsersFile(t *testing.T) {
	s, dir := diskSession(t)
	name := filepath.Join(dir, "theirs.scn")
	require.NoError(t, os.WriteFile(name, []byte("keep me\n"), 0o644))
	if err := os.Chown(name, os.Geteuid()+4242, os.Getegid()+4242); err != nil {
		t.Skipf("cannot give a file to another user here: %v", err)
	}
	out := s.feedAll("spawn a\nsave! " + name + "\n")
	mustContain(t, out, "save: "+name+" is read-only for you (mode 0644); save will not replace it")
	requireContent(t, name, "keep me\n")
	requireFiles(t, dir, "theirs.scn")
}

// TestSaveThroughSymlink: save writes a link's target and keeps the link;
// a link to nothing is refused, saying so.
func TestSaveThroughSymlink(t *testing.T) {
	s, dir := diskSession(t)
	target, link := filepath.Join(dir, "real.scn"), filepath.Join(dir, "link.scn")
	require.NoError(t, os.WriteFile(target, []byte("old\n"), 0o600))
	require.NoError(t, os.Symlink("real.scn", link))
	require.NoError(t, os.Symlink("nowhere.scn", filepath.Join(dir, "dangling.scn")))
	out := s.feedAll("spawn a\nsave! " + link + "\nsave " + link + "\nsave " + filepath.Join(dir, "dangling.scn") + "\n")
	mustContain(t, out, "saved 1 command to "+link,
		"save: "+filepath.Join(dir, "dangling.scn")+" is a symbolic link to a file that does not exist; save writes through a link but will not create its target")
	require.Equal(t, 2, strings.Count(out, "saved 1 command"), "the session wrote real.scn: save may replace it again")
	fi, err := os.Lstat(link)
	require.NoError(t, err)
	require.Equal(t, os.ModeSymlink, fi.Mode()&os.ModeSymlink, "the link is still a link")
	requireContent(t, target, "# A crashcourse REPL session. Replay it: crashcourse run FILE\nspawn a\n")
	requireMode(t, target, 0o600)
	requireFiles(t, dir, "real.scn", "link.scn", "dangling.scn")
}

// TestSaveQuotedName: the name is read as the language reads a string,
// so `save "q.scn"` writes q.scn and a name may hold spaces.
func TestSaveQuotedName(t *testing.T) {
	s, dir := diskSession(t)
	out := s.feedAll("spawn a\nsave \"" + dir + "/q.scn\"\nsave! \"" + dir + "/my \\\"best\\\" run.scn\" # a comment\nsave \"" + dir + "/unclosed\n")
	mustContain(t, out, "saved 1 command to "+dir+"/q.scn", `saved 1 command to `+dir+`/my "best" run.scn`,
		"<stdin>:4:6: unterminated string")
	requireFiles(t, dir, "q.scn", `my "best" run.scn`)
}

// TestSaveFailureNamesTheUsersFile: when save cannot write, it says which
// of the user's files, never its temporary file, and leaves none.
func TestSaveFailureNamesTheUsersFile(t *testing.T) {
	s, dir := diskSession(t)
	name := filepath.Join(dir, "missing", "s.scn")
	out := s.feedAll("spawn a\nsave " + name + "\n")
	mustContain(t, out, "<stdin>:2: save: cannot write "+name+": cannot create a file in "+filepath.Join(dir, "missing")+": no such file or directory")
	require.NotContains(t, out, ".tmp")
	requireFiles(t, dir)
}

// TestSaveEscapesName: a name with a newline or an escape is quoted in
// what the REPL prints, so it forges no line and sends no escape.
func TestSaveEscapesName(t *testing.T) {
	s, dir := diskSession(t)
	out := s.feedAll("spawn a\nsave \"" + dir + "/a\\nPASS x.scn:1 all good\\e[31m.scn\"\n")
	mustContain(t, out, `saved 1 command to "`+dir+`/a\nPASS x.scn:1 all good\x1b[31m.scn"`)
	require.NotContains(t, out, "\x1b")
	require.Equal(t, 2, strings.Count(out, "\n"), out)
	requireFiles(t, dir, "a\nPASS x.scn:1 all good\x1b[31m.scn")
}

// The save command writes through the real file system too.
func TestSaveToDisk(t *testing.T) {
	name := filepath.Join(t.TempDir(), "trio.scn")
	var out bytes.Buffer
	code := Run(Options{Stdin: strings.NewReader("spawn a\na: spawn_link b\nsave " + name + "\n"), Stdout: &out})
	require.Equal(t, ExitOK, code, out.String())
	requireContent(t, name, "# A crashcourse REPL session. Replay it: crashcourse run FILE\nspawn a\na: spawn_link b\n")
	require.Contains(t, out.String(), "saved 2 commands to "+name)
}
