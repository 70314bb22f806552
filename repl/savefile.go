package repl

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/crashcourse/crashcourse/scenarios"
)

// fileSystem is what save and load need of files; tests and the fuzzer
// replace it.
type fileSystem interface {
	// ReadFile reads a scenario file whole, as scenarios.ReadFileLimited
	// does (a longer file, or one that is not a regular file, is an error).
	ReadFile(name string) ([]byte, error)
	// WriteFileAtomic writes data to name so that a crash leaves either
	// the old file or the new one, never a part of it. It replaces an
	// existing file only when replace is true or it wrote that file
	// itself; its errors name name, never a file of its own.
	WriteFileAtomic(name string, data []byte, replace bool) error
}

// osFS is the real file system. It remembers the files it wrote, so that
// a session may save again where it saved.
type osFS struct {
	wrote []fs.FileInfo
}

// ReadFile refuses a pipe too: opening a named one waits for a writer,
// and the REPL would hang there, deaf to Ctrl-C.
func (*osFS) ReadFile(name string) ([]byte, error) {
	return scenarios.ReadFileLimited(name, false)
}

// WriteFileAtomic writes a temporary file beside the file it replaces and
// renames it over that file; on any error the temporary file is removed
// and the old file is left as it was. A symbolic link is written through:
// its target is replaced, the link kept (a link to nothing is refused). An
// existing file is replaced only when it is a regular file that the user
// may write, and keeps its mode, and its owner and group where the system
// allows (a file of another user that could not stay theirs is refused).
// A new file gets mode 0666 less the umask, as the shell gives.
func (o *osFS) WriteFileAtomic(name string, data []byte, replace bool) error {
	shown := scenarios.FileName(name)
	target, old, err := saveTarget(name)
	if err != nil {
		return err
	}
	if old != nil {
		if err := o.mayReplace(shown, target, old, replace); err != nil {
			return err
		}
	}
	written, err := writeReplacing(target, data, old)
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", shown, err)
	}
	o.wrote = append(o.wrote, written)
	return nil
}

// saveTarget is the file that saving to name writes, name or the target of
// the link name is, and what is there now (nil for nothing).
func saveTarget(name string) (string, fs.FileInfo, error) {
	shown := scenarios.FileName(name)
	if base := filepath.Base(name); name == "" || name[len(name)-1] == '/' || base == "." || base == ".." {
		return "", nil, fmt.Errorf("%s is a directory", shown)
	}
	fi, err := os.Lstat(name)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return name, nil, nil
	case err != nil:
		return "", nil, fmt.Errorf("cannot save to %s: %w", shown, scenarios.BareError(err))
	case fi.Mode()&fs.ModeSymlink == 0:
		return name, fi, nil
	}
	target, err := filepath.EvalSymlinks(name)
	if err != nil {
		return "", nil, fmt.Errorf("%s is a symbolic link to a file that does not exist; save writes through a link but will not create its target", shown)
	}
	fi, err = os.Stat(target)
	if err != nil {
		return "", nil, fmt.Errorf("cannot save to %s: %w", shown, scenarios.BareError(err))
	}
	return target, fi, nil
}

// mayReplace says why the existing file target (shown as the user named
// it) may not be replaced, or nil.
func (o *osFS) mayReplace(shown, target string, old fs.FileInfo, replace bool) error {
	switch {
	case !old.Mode().IsRegular():
		return fmt.Errorf("%s is not a regular file", shown)
	case !scenarios.ModeWritable(old):
		return fmt.Errorf("%s is read-only for you (mode %04o); save will not replace it", shown, old.Mode().Perm())
	}
	f, err := os.OpenFile(target, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("%s is not writable (%w); save will not replace it", shown, scenarios.BareError(err))
	}
	f.Close()
	if !replace && !o.wroteFile(old) {
		return fmt.Errorf("%s exists, and this session did not write it: save! replaces it", shown)
	}
	return nil
}

// wroteFile reports whether fi is a file this session wrote, still there.
func (o *osFS) wroteFile(fi fs.FileInfo) bool {
	for _, w := range o.wrote {
		if os.SameFile(w, fi) {
			return true
		}
	}
	return false
}

// writeReplacing writes data atomically to target (see
// scenarios.WriteFileAtomic), with old's mode, owner and group when old is
// not nil. It returns what it wrote.
func writeReplacing(target string, data []byte, old fs.FileInfo) (fs.FileInfo, error) {
	err := scenarios.WriteFileAtomic(target, data, scenarios.WriteOptions{Like: old})
	var pe *fs.PathError
	switch {
	case errors.Is(err, scenarios.ErrOwnerWouldChange):
		return nil, errors.New("it belongs to another user, and a saved copy would be the user's; save will not replace it")
	case errors.As(err, &pe) && pe.Op == "create":
		return nil, fmt.Errorf("cannot create a file in %s: %w", scenarios.FileName(pe.Path), pe.Err)
	case err != nil:
		return nil, scenarios.BareError(err)
	}
	return os.Stat(target)
}
