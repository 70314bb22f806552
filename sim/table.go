package sim

const procChunkBits = 12

// procTable stores processes in chunks of 1<<procChunkBits: spawning never
// copies the processes already there, and an entry's address stays put.
type procTable struct {
	chunks [][]proc
	n      int
}

func (t *procTable) len() int { return t.n }

func (t *procTable) at(i int) *proc {
	return &t.chunks[i>>procChunkBits][i&(1<<procChunkBits-1)]
}

func (t *procTable) add(p proc) {
	if t.n&(1<<procChunkBits-1) == 0 {
		t.chunks = append(t.chunks, make([]proc, 0, 1<<procChunkBits))
	}
	c := &t.chunks[len(t.chunks)-1]
	*c = append(*c, p)
	t.n++
}

func (t *procTable) clone() procTable {
	c := procTable{chunks: make([][]proc, len(t.chunks)), n: t.n}
	for i, chunk := range t.chunks {
		c.chunks[i] = append(make([]proc, 0, cap(chunk)), chunk...)
	}
	return c
}
