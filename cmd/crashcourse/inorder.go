package main

import (
	"bytes"
	"io"
	"sync"
)

// inOrder lets jobs write their reports at the same time while the reader
// sees them one after the other, in the order of the jobs: the first
// unfinished job writes through as it goes, later ones are held until
// their turn.
type inOrder struct {
	mu   sync.Mutex
	w    io.Writer
	held []bytes.Buffer
	done []bool
	cur  int
}

func newInOrder(w io.Writer, jobs int) *inOrder {
	return &inOrder{w: w, held: make([]bytes.Buffer, jobs), done: make([]bool, jobs)}
}

// part is the writer of job i.
func (o *inOrder) part(i int) io.Writer { return inOrderPart{o, i} }

type inOrderPart struct {
	o *inOrder
	i int
}

func (p inOrderPart) Write(b []byte) (int, error) {
	p.o.mu.Lock()
	defer p.o.mu.Unlock()
	if p.i == p.o.cur {
		return p.o.w.Write(b)
	}
	return p.o.held[p.i].Write(b)
}

// finish says job i has written everything; what later jobs hold is
// written when their turn comes.
func (o *inOrder) finish(i int) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.done[i] = true
	for o.cur < len(o.done) && o.done[o.cur] {
		o.cur++
		if o.cur < len(o.held) {
			o.w.Write(o.held[o.cur].Bytes())
			o.held[o.cur] = bytes.Buffer{}
		}
	}
}
