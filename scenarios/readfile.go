package scenarios

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
)

// ErrFileTooBig is why ReadFileLimited refuses a file longer than
// MaxFileBytes; its errors name the file before it.
var ErrFileTooBig = fmt.Errorf("larger than %d MiB, the limit for a scenario file", MaxFileBytes>>20)

// ReadFileLimited reads a scenario file whole, for every command that
// reads one (run, verify, export, lesson files, the REPL's load). It
// refuses a file longer than MaxFileBytes (ErrFileTooBig), and anything
// that is neither a regular file nor, when pipes is true, a pipe (a
// directory, a device such as /dev/zero, a socket) before opening it: a
// device may never end, and opening one can block. A pipe is read up to
// the same limit, so that `run <(generate)` works; an interactive reader
// passes false, as opening a named pipe waits for its writer, which no
// key interrupts.
func ReadFileLimited(name string, pipes bool) ([]byte, error) {
	st, err := os.Stat(name)
	var pe *fs.PathError
	if errors.As(err, &pe) {
		pe.Op = "open" // what the user asked for, whatever looked first
	}
	if err != nil {
		return nil, err
	}
	if err := readable(name, st, pipes); err != nil {
		return nil, err
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err = f.Stat(); err != nil {
		return nil, err
	}
	if err := readable(name, st, pipes); err != nil { // replaced since the first look
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > MaxFileBytes {
		return nil, fileTooBig(name)
	}
	return data, nil
}

// readable refuses what ReadFileLimited does not read.
func readable(name string, st fs.FileInfo, pipes bool) error {
	switch m := st.Mode(); {
	case m.IsDir():
		return fmt.Errorf("%q is a directory, not a scenario file", name)
	case m.IsRegular() && st.Size() > MaxFileBytes:
		return fileTooBig(name)
	case !m.IsRegular() && (!pipes || m.Type() != fs.ModeNamedPipe):
		return fmt.Errorf("%q is not a regular file (a scenario file is read whole)", name)
	}
	return nil
}

// fileTooBig is the error ReadFileLimited refuses a long file with.
func fileTooBig(name string) error {
	return fmt.Errorf("%q is %w", name, ErrFileTooBig)
}
