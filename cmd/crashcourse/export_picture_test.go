package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/scenarios/picture"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --dot and --mermaid print one picture; -o writes it as FILE.dot or
// FILE.mmd beside nothing else, and refuses to replace it without --force.
func TestExportPictures(t *testing.T) {
	f := write(t, "app.scn", exportSrc+"spawn x\nx: monitor db\n")
	for _, p := range []struct{ flag, file, head string }{
		{"--dot", "app.dot", "digraph crashcourse {\n"},
		{"--mermaid", "app.mmd", "sequenceDiagram\n"},
	} {
		code, printed, stderr := call("export", f, p.flag)
		require.Equal(t, exitOK, code, stderr)
		assert.True(t, strings.HasPrefix(printed, p.head), printed)
		dir := t.TempDir()
		code, list, _ := call("export", f, p.flag, "-o", dir)
		require.Equal(t, exitOK, code)
		assert.Equal(t, filepath.Join(dir, p.file)+"\n", list)
		assertContent(t, filepath.Join(dir, p.file), printed)
		code, _, stderr = call("export", f, p.flag, "-o", dir)
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, stderr, "nothing written: 1 files exist (--force replaces them): "+filepath.Join(dir, p.file))
		assertOnly(t, dir, p.file)
	}
}

func TestPictureNameStaysInItsDirectory(t *testing.T) {
	for file, want := range map[string]string{
		"builtin:tour":           "tour",
		"dir/app.scn":            "app",
		"../../x y\n<z>.scn":     "x_y__z_",
		"..":                     "scenario",
		"été.scn":                "_t_",
		string(os.PathSeparator): "scenario",
	} {
		assert.Equal(t, want, pictureName(file), file)
	}
}

// --seed runs the pictured scenario as run --seed does.
func TestExportPictureSeed(t *testing.T) {
	src := "sup top intensity=1000 { worker w count=20 }\nchaos 20 for 2s\nrun 2s\n"
	f := write(t, "chaos.scn", src)
	want, err := picture.Mermaid(f, []byte(src), 7)
	require.NoError(t, err)
	code, out, stderr := call("export", f, "--mermaid", "--seed", "7")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, want, out)
	_, unseeded, _ := call("export", f, "--mermaid")
	assert.NotEqual(t, out, unseeded)
}
