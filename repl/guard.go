package repl

import (
	"io"
	"sync/atomic"

	"github.com/crashcourse/crashcourse/scenarios"
)

// maxTypedBytes bounds a line typed (or pasted) at the interactive
// prompt. readline redraws and copies the whole line on every key, so its
// cost grows with the square of the line: a pasted megabyte would take
// hours. Longer input belongs in a file (load FILE, or crashcourse repl <
// FILE), where the limit is MaxLineBytes. The TUI's command line and the
// history's entries share the bound.
const maxTypedBytes = scenarios.MaxTypedBytes

// inputGuard sits between the terminal and readline. Once the line being
// typed holds maxTypedBytes, it drops further bytes before readline sees
// them, and remembers that it did, so that the REPL refuses the line when
// it is entered. Its count is approximate (history recall and cursor
// moves are not followed): it only has to stop a flood, at no cost per
// byte. Read runs in readline's goroutine; dropped is read by the REPL's.
// ended tells that the terminal's input itself ended (or failed), so an
// io.EOF from readline is not a Ctrl-D that could be followed by more keys.
type inputGuard struct {
	r       io.ReadCloser
	n       int // bytes in the current line, as counted
	dropped atomic.Bool
	ended   atomic.Bool
}

// Read reads from the terminal, without the bytes of an over-long line.
func (g *inputGuard) Read(p []byte) (int, error) {
	for {
		n, err := g.r.Read(p)
		k := g.filter(p[:n])
		if err != nil {
			g.ended.Store(true)
		}
		if k > 0 || n == 0 || err != nil {
			return k, err
		}
	}
}

func (g *inputGuard) Close() error { return g.r.Close() }

// filter keeps the bytes of b that fit the line, in place, and returns
// how many it kept. Enter, Ctrl-C and Ctrl-U start a new line; a
// backspace gives one byte back.
func (g *inputGuard) filter(b []byte) int {
	k := 0
	for _, c := range b {
		switch {
		case c == '\r', c == '\n', c == 3, c == 21:
			g.n = 0
		case c == 127, c == 8:
			g.n = max(0, g.n-1)
		case c < 32:
		case g.n >= maxTypedBytes:
			g.dropped.Store(true)
			continue
		default:
			g.n++
		}
		b[k] = c
		k++
	}
	return k
}
