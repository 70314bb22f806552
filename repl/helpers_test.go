package repl

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/crashcourse/crashcourse/scenarios"
)

// memFS is an in-memory fileSystem for tests and the fuzzer.
type memFS map[string][]byte

func (m memFS) ReadFile(name string) ([]byte, error) {
	b, ok := m[name]
	switch {
	case !ok:
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	case len(b) > scenarios.MaxFileBytes:
		return nil, fmt.Errorf("%q is %w", name, scenarios.ErrFileTooBig)
	}
	return b, nil
}

func (m memFS) WriteFileAtomic(name string, data []byte, _ bool) error {
	if name == "" || strings.HasSuffix(name, "/") {
		return errors.New(name + " is a directory")
	}
	m[name] = bytes.Clone(data)
	return nil
}

// session drives a shell as a terminal would show it: each input line is
// echoed after the prompt, then what the shell printed.
type session struct {
	sh  *shell
	buf bytes.Buffer
	fs  memFS
}

// newSession returns an interactive shell (script false) or a script
// shell writing plain text.
func newSession(script, verbose bool) *session {
	s := &session{fs: memFS{}}
	name := "<repl>"
	if script {
		name = "<stdin>"
	}
	s.sh = newShell(0, name, script, verbose, newOutput(&s.buf, false))
	s.sh.fsys = s.fs
	return s
}

// typeLine echoes the prompt and line (interactive only), then feeds it.
func (s *session) typeLine(line string) {
	if !s.sh.script {
		s.sh.out.flush()
		s.buf.WriteString(s.sh.prompt() + line + "\n")
	}
	s.sh.feed(line)
	s.sh.out.flush()
}

// feedAll feeds every line of src and finishes the input.
func (s *session) feedAll(src string) string {
	lines := strings.Split(src, "\n")
	if len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	for _, l := range lines {
		if s.sh.quit {
			break
		}
		s.typeLine(l)
	}
	s.sh.finish()
	return s.buf.String()
}

func mustContain(t *testing.T, out string, subs ...string) {
	t.Helper()
	for _, sub := range subs {
		if !strings.Contains(out, sub) {
			t.Fatalf("output lacks %q:\n%s", sub, out)
		}
	}
}

func bufioReader(s string, size int) *bufio.Reader {
	return bufio.NewReaderSize(strings.NewReader(s), size)
}
