package main

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const exportSrc = "sup app {\n  worker db trap_exit\n  sup inner { worker c }\n}\nstart_child inner worker d\n"

func TestExportCommandErrors(t *testing.T) {
	f := write(t, "app.scn", exportSrc)
	none := write(t, "none.scn", "spawn a\n")
	long := write(t, "long.scn", "sup top {\n  worker "+strings.Repeat("w", 300)+"\n}\n")
	tests := []struct {
		name   string
		args   []string
		stderr string
	}{
		{"no language", []string{f}, "want one of --erlang, --elixir, --dot and --mermaid"},
		{"two languages", []string{f, "--erlang", "--elixir"}, "want one of --erlang, --elixir, --dot and --mermaid"},
		{"two pictures", []string{f, "--dot", "--mermaid"}, "want one of --erlang, --elixir, --dot and --mermaid"},
		{"force without -o", []string{f, "--erlang", "--force"}, "--force goes with -o DIR"},
		{"seed with code", []string{f, "--erlang", "--seed", "3"}, "--seed goes with --dot or --mermaid"},
		{"no supervisor", []string{"--erlang", none}, "no supervisor to export"},
		{"a name too long for an atom", []string{"--erlang", long}, long + ":2:3: a child id of 300 characters cannot be exported: an Erlang atom has at most 255\n  worker www"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, stderr := call(append([]string{"export"}, tt.args...)...)
			assert.Equal(t, exitUsage, code)
			assert.Empty(t, out)
			assert.Contains(t, stderr, tt.stderr)
		})
	}
}

// Printed to stdout, each file opens with its marker line; splitting the
// output at the markers gives exactly the files -o writes.
func TestExportPrintsMarkedFiles(t *testing.T) {
	f := write(t, "app.scn", exportSrc)
	for _, lang := range []struct{ flag, marker string }{{"--erlang", `^%% ==> (.+) <==$`}, {"--elixir", `^# ==> (.+) <==$`}} {
		code, out, _ := call("export", f, lang.flag)
		require.Equal(t, exitOK, code)
		printed := splitAtMarkers(t, out, regexp.MustCompile(lang.marker))
		dir := t.TempDir()
		code, list, _ := call("export", f, lang.flag, "-o", dir)
		require.Equal(t, exitOK, code)
		written := map[string]string{}
		for _, p := range strings.Fields(list) {
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			rel, err := filepath.Rel(dir, p)
			require.NoError(t, err)
			written[filepath.ToSlash(rel)] = string(data)
		}
		assert.Equal(t, written, printed, lang.flag)
		assert.Len(t, written, 5, lang.flag) // app, db, inner, c, d
	}
}

func splitAtMarkers(t *testing.T, out string, marker *regexp.Regexp) map[string]string {
	files := map[string]string{}
	name := ""
	for _, line := range strings.SplitAfter(out, "\n") {
		if m := marker.FindStringSubmatch(strings.TrimSuffix(line, "\n")); m != nil {
			name = m[1]
			continue
		}
		require.NotEmpty(t, name, "text before the first marker: %q", line)
		files[name] += line
	}
	return files
}

// -o never replaces a file without --force: it names every file that
// exists and writes none; --force replaces regular files only and says so.
func TestExportDirectory(t *testing.T) {
	f := write(t, "app.scn", exportSrc)
	dir := t.TempDir()
	code, out, _ := call("export", "--erlang", "-o", dir, f)
	require.Equal(t, exitOK, code)
	assert.Contains(t, out, filepath.Join(dir, "crashcourse_app_sup.erl")+"\n")
	app := filepath.Join(dir, "crashcourse_app_sup.erl")
	require.NoError(t, os.WriteFile(app, []byte("mine"), 0o644))
	require.NoError(t, os.Remove(filepath.Join(dir, "crashcourse_c_server.erl")))

	code, out, stderr := call("export", "--erlang", "-o", dir, f)
	assert.Equal(t, exitUsage, code)
	assert.Empty(t, out)
	assert.Contains(t, stderr, "nothing written: 4 files exist (--force replaces them): "+app+", ")
	assert.NoFileExists(t, filepath.Join(dir, "crashcourse_c_server.erl"), "nothing is written when one file is refused")
	assertContent(t, app, "mine")

	code, out, stderr = call("export", "--erlang", "-o", dir, f, "--force")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, filepath.Join(dir, "crashcourse_c_server.erl"))
	assert.Contains(t, stderr, "replaced 4 existing files: "+app)
	data, err := os.ReadFile(app)
	require.NoError(t, err)
	assert.Contains(t, string(data), "-module(crashcourse_app_sup).")
	st, err := os.Stat(app)
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
	assertOnly(t, dir, "crashcourse_app_sup.erl", "crashcourse_c_server.erl", "crashcourse_d_server.erl", "crashcourse_db_server.erl", "crashcourse_inner_sup.erl")
}

// --force replaces only regular files the user may write.
func TestExportRefusesWhatIsNotAFile(t *testing.T) {
	f := write(t, "app.scn", exportSrc)
	dir := t.TempDir()
	require.NoError(t, os.Mkdir(filepath.Join(dir, "crashcourse_db_server.erl"), 0o755))
	readOnly := filepath.Join(dir, "crashcourse_inner_sup.erl")
	require.NoError(t, os.WriteFile(readOnly, []byte("mine"), 0o444))
	target := write(t, "target", "keep")
	require.NoError(t, os.Symlink(target, filepath.Join(dir, "crashcourse_app_sup.erl")))
	code, _, stderr := call("export", "--erlang", "-o", dir, f, "--force")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, filepath.Join(dir, "crashcourse_db_server.erl")+" exists and is not a regular file")
	assert.Contains(t, stderr, filepath.Join(dir, "crashcourse_app_sup.erl")+" exists and is not a regular file")
	assert.Contains(t, stderr, readOnly+" exists and is read-only")
	assertContent(t, target, "keep")
	assertContent(t, readOnly, "mine")
	assertOnly(t, dir, "crashcourse_app_sup.erl", "crashcourse_db_server.erl", "crashcourse_inner_sup.erl")
}

func assertContent(t *testing.T, path, want string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, want, string(data))
}

// assertOnly checks that dir holds exactly the names given: no temporary
// file is left behind.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	slices.Sort(names)
	assert.Equal(t, names, got)
}

// A file that appears between the check and the write is not replaced.
func TestWriteNewDoesNotReplace(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "x.erl")
	require.NoError(t, os.WriteFile(name, []byte("theirs"), 0o644))
	err := writeNew(name, []byte("ours"), false)
	require.Error(t, err)
	assert.Equal(t, name+" appeared while exporting; not replaced", err.Error())
	assertContent(t, name, "theirs")
	assertOnly(t, dir, "x.erl")
}
