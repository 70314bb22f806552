package scenarios

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// requireOnly requires dir to hold exactly the file name, with content
// want and mode perm: no temporary file is ever left behind.
func requireOnly(t *testing.T, dir, name, want string, perm fs.FileMode) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1)
	require.Equal(t, name, entries[0].Name())
	data, err := os.ReadFile(filepath.Join(dir, name))
	require.NoError(t, err)
	require.Equal(t, want, string(data))
	fi, err := os.Stat(filepath.Join(dir, name))
	require.NoError(t, err)
	require.Equal(t, perm, fi.Mode().Perm())
}

// TestWriteFileAtomicModes: Perm is set exactly, whatever the umask;
// Like keeps the replaced file's mode over Perm; a replacement is a new
// file renamed over the old one.
func TestWriteFileAtomicModes(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f")
	require.NoError(t, WriteFileAtomic(name, []byte("one"), WriteOptions{Perm: 0o644}))
	requireOnly(t, dir, "f", "one", 0o644)
	require.NoError(t, os.Chmod(name, 0o640))
	old, err := os.Stat(name)
	require.NoError(t, err)
	require.NoError(t, WriteFileAtomic(name, []byte("two"), WriteOptions{Perm: 0o600, Like: old}))
	requireOnly(t, dir, "f", "two", 0o640)
	now, err := os.Stat(name)
	require.NoError(t, err)
	require.False(t, os.SameFile(old, now), "renamed over, never written in place")
	require.NoError(t, WriteFileAtomic(name, []byte("three"), WriteOptions{Perm: 0o600}))
	requireOnly(t, dir, "f", "three", 0o600)
}

// TestWriteFileAtomicExclusive: Exclusive never replaces a file, says so
// with fs.ErrExist, and writes a new one.
func TestWriteFileAtomicExclusive(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "f")
	require.NoError(t, WriteFileAtomic(name, []byte("first"), WriteOptions{Perm: 0o644, Exclusive: true}))
	requireOnly(t, dir, "f", "first", 0o644)
	err := WriteFileAtomic(name, []byte("second"), WriteOptions{Perm: 0o644, Exclusive: true})
	require.ErrorIs(t, err, fs.ErrExist)
	require.EqualError(t, err, "link "+name+": file exists")
	requireOnly(t, dir, "f", "first", 0o644)
}

// TestWriteFileAtomicErrorsNameTheFile: an error names the user's file,
// or the directory the temporary file could not be created in, never the
// temporary file; and nothing is left behind.
func TestWriteFileAtomicErrorsNameTheFile(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing")
	err := WriteFileAtomic(filepath.Join(missing, "f"), []byte("x"), WriteOptions{})
	var pe *fs.PathError
	require.True(t, errors.As(err, &pe))
	require.Equal(t, "create", pe.Op)
	require.Equal(t, missing, pe.Path)
	require.ErrorIs(t, err, fs.ErrNotExist)

	sub := filepath.Join(dir, "sub")
	require.NoError(t, os.Mkdir(sub, 0o700))
	require.NoError(t, os.WriteFile(filepath.Join(sub, "x"), nil, 0o600))
	err = WriteFileAtomic(sub, []byte("x"), WriteOptions{}) // a directory that is not empty
	require.True(t, errors.As(err, &pe))
	require.Equal(t, "rename", pe.Op)
	require.Equal(t, sub, pe.Path)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	require.Len(t, entries, 1, "only sub is left")
}

// ModeWritable reads the mode bits of the user's class: the owner's for a
// file of the user's, the group's for a file of one of their groups, the
// others' else; root too, so that it replaces no read-only file.
func TestModeWritableReadsTheUsersClass(t *testing.T) {
	for _, c := range []struct {
		name     string
		mode     os.FileMode
		other    bool // owned by another user, in none of our groups
		writable bool
	}{
		{"own file, owner may write", 0o644, false, true},
		{"own file, read-only", 0o444, false, false},
		{"own file, only others may write", 0o446, false, false},
		{"another's file, others may write", 0o606, true, true},
		{"another's file, only its owner may write", 0o644, true, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			name := filepath.Join(t.TempDir(), "f")
			require.NoError(t, os.WriteFile(name, nil, 0o600))
			require.NoError(t, os.Chmod(name, c.mode))
			if c.other {
				if os.Geteuid() != 0 {
					t.Skip("giving a file to another user needs root")
				}
				require.NoError(t, os.Chown(name, 65534, 65534))
			}
			fi, err := os.Stat(name)
			require.NoError(t, err)
			require.Equal(t, c.writable, ModeWritable(fi))
		})
	}
}
