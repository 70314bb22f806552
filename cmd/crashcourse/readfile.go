package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/crashcourse/crashcourse/scenarios"
)

// readFileLimited reads a scenario file for run, verify and export. It
// refuses a file longer than scenarios.MaxFileBytes, and anything that is
// neither a regular file nor a pipe (a directory, a device such as
// /dev/zero, a socket) before opening it: a device may never end, and
// opening one can block. Pipes are read, up to the same limit, so that
// `run <(generate)` works.
func readFileLimited(name string) ([]byte, error) {
	st, err := os.Stat(name)
	if err != nil {
		return nil, err
	}
	if err := readable(name, st); err != nil {
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
	if err := readable(name, st); err != nil { // replaced since the first look
		return nil, err
	}
	data, err := io.ReadAll(io.LimitReader(f, scenarios.MaxFileBytes+1))
	if err != nil {
		return nil, err
	}
	if len(data) > scenarios.MaxFileBytes {
		return nil, tooBig(name)
	}
	return data, nil
}

// readable refuses what readFileLimited does not read.
func readable(name string, st fs.FileInfo) error {
	switch m := st.Mode(); {
	case m.IsDir():
		return fmt.Errorf("%q is a directory, not a scenario file", name)
	case m.IsRegular() && st.Size() > scenarios.MaxFileBytes:
		return tooBig(name)
	case !m.IsRegular() && m.Type() != fs.ModeNamedPipe:
		return fmt.Errorf("%q is not a regular file (a scenario file is read whole)", name)
	}
	return nil
}

func tooBig(name string) error {
	return fmt.Errorf("%q is larger than %d MiB, the limit for a scenario file", name, scenarios.MaxFileBytes>>20)
}
