package repl

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// runScript reads commands from a non-terminal stdin (see the package
// doc) and returns the exit status `crashcourse run` would give.
func runScript(o Options) int {
	out := newOutput(o.Stdout, false)
	sh := newShell(o.Seed, "<stdin>", true, o.Verbose, out)
	sh.useLessons(o.Lessons)
	r := bufio.NewReaderSize(o.Stdin, 64<<10)
	for !sh.quit {
		if r.Buffered() == 0 {
			out.flush() // about to wait for input: show what ran so far
		}
		line, long, err := readLine(r, MaxLineBytes)
		if long {
			sh.feedTooLong()
		} else if err == nil || line != "" {
			sh.feed(line)
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			fmt.Fprintf(o.Stderr, "crashcourse repl: %v\n", err)
			sh.sum.broken = true
			break
		}
	}
	sh.finish()
	return sh.status()
}

// readLine reads one line, without its "\n" or "\r\n". A line longer
// than max is consumed whole but not returned: long reports it. err is
// io.EOF at the end of the input, returned with the last line when that
// line has no "\n".
func readLine(r *bufio.Reader, max int) (line string, long bool, err error) {
	var buf []byte
	for {
		chunk, err := r.ReadSlice('\n')
		if !long && len(buf)+len(chunk) > max+2 {
			long, buf = true, nil
		} else if !long {
			buf = append(buf, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		line = strings.TrimSuffix(strings.TrimSuffix(string(buf), "\n"), "\r")
		if long || len(line) > max {
			return "", true, err
		}
		return line, false, err
	}
}
