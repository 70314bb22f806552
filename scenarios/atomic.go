package scenarios

import (
	"errors"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
)

// WriteOptions say how WriteFileAtomic puts a file in place. The zero
// value replaces whatever file is there with one of mode 0666 less the
// umask, as the shell creates files.
type WriteOptions struct {
	// Perm, when not zero, is the file's mode, set exactly: the umask does
	// not apply.
	Perm fs.FileMode
	// Like is the file being replaced, or nil: the new file gets its mode
	// (over Perm), and its owner and group where the system lets it. A
	// file of another user, which would become the writer's, is refused
	// with ErrOwnerWouldChange, and nothing is replaced.
	Like fs.FileInfo
	// Exclusive never replaces a file: the new one is put in place by a
	// hard link, which fails if a file of that name exists by then, with
	// an error for which errors.Is(err, fs.ErrExist) holds.
	Exclusive bool
}

// ErrOwnerWouldChange is WriteFileAtomic's refusal to replace a file of
// another user with one of its own (see WriteOptions.Like).
var ErrOwnerWouldChange = errors.New("the file belongs to another user, and its replacement would not")

// WriteFileAtomic writes data to name so that a crash or an interrupt
// leaves either the old file or the new one, never a part of one: it
// writes a temporary file beside name (.NAME.RANDOM.tmp, in the same
// directory so that the rename stays on one file system), syncs it to
// disk, and renames it over name (links it, with o.Exclusive). On any
// error the temporary file is removed and name is left as it was. The
// directory must exist.
//
// Its errors are *fs.PathError values that never name the temporary file:
// Op "create" with Path the directory when the temporary file could not be
// created there; else Path is name, and Op the step that failed ("write",
// "chmod", "chown", "sync", "close", "rename" or "link").
func WriteFileAtomic(name string, data []byte, o WriteOptions) (err error) {
	f, err := createTemp(name, o.createPerm())
	if err != nil {
		return err
	}
	defer func() {
		if err != nil || o.Exclusive {
			os.Remove(f.Name()) // after a link, name is the file's one name
		}
	}()
	err = writeSynced(f, name, data, o)
	if cerr := f.Close(); err == nil && cerr != nil {
		err = failed("close", name, cerr)
	}
	switch {
	case err != nil:
		return err
	case o.Exclusive:
		return failed("link", name, os.Link(f.Name(), name))
	}
	return failed("rename", name, os.Rename(f.Name(), name))
}

// createPerm is the mode a temporary file is created with (less the
// umask), before writeSynced sets the mode o asks for.
func (o WriteOptions) createPerm() fs.FileMode {
	switch {
	case o.Like != nil:
		return o.Like.Mode().Perm()
	case o.Perm != 0:
		return o.Perm
	}
	return 0o666
}

// writeSynced writes data to f, the temporary file for name, gives it its
// mode (and owner), and syncs it.
func writeSynced(f *os.File, name string, data []byte, o WriteOptions) error {
	if _, err := f.Write(data); err != nil {
		return failed("write", name, err)
	}
	switch {
	case o.Like != nil:
		if err := keepOwner(f, name, o.Like); err != nil {
			return err
		}
	case o.Perm != 0:
		if err := f.Chmod(o.Perm); err != nil {
			return failed("chmod", name, err)
		}
	}
	return failed("sync", name, f.Sync())
}

// createTemp creates a new file beside target, with perm less the umask.
func createTemp(target string, perm fs.FileMode) (*os.File, error) {
	dir, base := filepath.Split(target)
	for tries := 0; ; tries++ {
		name := filepath.Join(dir, "."+base+"."+strconv.FormatUint(rand.Uint64(), 36)+".tmp")
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, perm)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrExist) || tries == 10 {
			return nil, &fs.PathError{Op: "create", Path: filepath.Clean(dir), Err: BareError(err)}
		}
	}
}

// keepOwner gives f, the new file for name, the mode, owner and group of
// old. The owner is kept when the system lets it be; a file of another
// user that would become the writer's is refused.
func keepOwner(f *os.File, name string, old fs.FileInfo) error {
	if err := f.Chmod(old.Mode().Perm()); err != nil {
		return failed("chmod", name, err)
	}
	st, ok := old.Sys().(*syscall.Stat_t)
	if !ok {
		return nil
	}
	if err := f.Chown(int(st.Uid), int(st.Gid)); err != nil && int(st.Uid) != os.Getuid() {
		return &fs.PathError{Op: "chown", Path: name, Err: ErrOwnerWouldChange}
	}
	return nil
}

// failed is err, if any, as the *fs.PathError of step op on name: the
// user's file, never the temporary one the system's error names.
func failed(op, name string, err error) error {
	if err == nil {
		return nil
	}
	return &fs.PathError{Op: op, Path: name, Err: BareError(err)}
}

// BareError is err without the file name and operation the system's
// error wraps it in (an *fs.PathError, an *os.LinkError): for a message
// that names the file as the user did.
func BareError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// ModeWritable reports whether the mode of fi lets the user write it: the
// owner's bits for a file of the user's, the group's for one of their
// groups, the others' else. It holds for root too, as editors do, so that
// root does not replace a read-only file or another user's by mistake.
// The REPL's save and export ask it before they replace a file.
func ModeWritable(fi fs.FileInfo) bool {
	perm := fi.Mode().Perm()
	st, ok := fi.Sys().(*syscall.Stat_t)
	switch {
	case !ok:
		return perm&0o222 != 0
	case int(st.Uid) == os.Geteuid():
		return perm&0o200 != 0
	case inGroup(int(st.Gid)):
		return perm&0o020 != 0
	}
	return perm&0o002 != 0
}

func inGroup(gid int) bool {
	if gid == os.Getegid() {
		return true
	}
	groups, _ := os.Getgroups()
	return slices.Contains(groups, gid)
}
