package repl

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// save writes the session to name as a scenario (see the package doc).
func (sh *shell) save(name string) {
	data := sh.saveText()
	if err := sh.fsys.WriteFileAtomic(name, []byte(data)); err != nil {
		sh.problem(sh.lineNo, "save: "+err.Error())
		sh.sum.broken = true
		return
	}
	sh.out.line(sh.out.paint(sh.out.st.note, fmt.Sprintf("saved %d commands to %s", len(sh.log), name)))
}

// saveText is the session as a scenario that replays to the same state
// and passes under `crashcourse run`: the initial seed when it is not 0,
// then every command in order; a failed command is followed by `expect
// error` unless an `expect error` that passed follows it already, and an
// expectation that did not pass is kept as a comment.
func (sh *shell) saveText() string {
	var b strings.Builder
	b.WriteString("# A crashcourse REPL session. Replay it: crashcourse run FILE\n")
	if sh.seed != 0 {
		b.WriteString("seed " + strconv.FormatUint(sh.seed, 10) + "\n")
	}
	for i, r := range sh.log {
		switch {
		case r.checkFailed:
			b.WriteString("# did not pass when saved: " + r.text + "\n")
		case r.failed:
			b.WriteString(r.text + "\n")
			if i+1 == len(sh.log) || !sh.log[i+1].expectError {
				b.WriteString("expect error\n")
			}
		default:
			b.WriteString(r.text + "\n")
		}
	}
	return b.String()
}

// fileSystem is what save and load need of files; tests and the fuzzer
// replace it.
type fileSystem interface {
	// ReadFile reads at most max bytes of name; a longer file is an error.
	ReadFile(name string, max int64) ([]byte, error)
	// WriteFileAtomic replaces name with data so that a crash leaves either
	// the old file or the new one, never a part of it.
	WriteFileAtomic(name string, data []byte) error
}

// osFS is the real file system.
type osFS struct{}

var errTooBig = errors.New("file larger than 16 MiB (the REPL's limit)")

func (osFS) ReadFile(name string, max int64) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err == nil && int64(len(data)) > max {
		err = errTooBig
	}
	return data, err
}

// WriteFileAtomic writes a temporary file beside name, syncs it, gives it
// the mode of the file it replaces (0644 for a new one) and renames it
// over name. On any error the temporary file is removed and name is left
// as it was.
func (osFS) WriteFileAtomic(name string, data []byte) (err error) {
	dir, base := filepath.Split(name)
	if dir == "" {
		dir = "."
	}
	if base == "" {
		return fmt.Errorf("%s is a directory", name)
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	mode := os.FileMode(0o644)
	if fi, statErr := os.Stat(name); statErr == nil {
		if !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", name)
		}
		mode = fi.Mode().Perm()
	}
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), name)
}
