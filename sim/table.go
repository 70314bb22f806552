package sim

const procChunkBits = 12

// procTable stores processes in chunks of 1<<procChunkBits: spawning never
// copies the processes already there. Clones share chunks until they write
// to them (copy on write), so a snapshot costs a list of chunks, not a
// copy of every process.
type procTable struct {
	chunks []procChunk
	n      int
}

type procChunk struct {
	procs []proc
	owned bool // the chunk is this table's alone: no clone reads it
}

func (t *procTable) len() int { return t.n }

// at returns entry i for reading or writing: a chunk shared with a clone
// is copied first. A pointer it returns stays valid until the table is
// shared again (share), which happens only between events.
func (t *procTable) at(i int) *proc {
	c := &t.chunks[i>>procChunkBits]
	if !c.owned {
		c.own()
	}
	return &c.procs[i&(1<<procChunkBits-1)]
}

// own replaces a shared chunk by a copy of its own.
func (c *procChunk) own() {
	c.procs = append(make([]proc, 0, cap(c.procs)), c.procs...)
	c.owned = true
}

func (t *procTable) add(p proc) {
	if t.n&(1<<procChunkBits-1) == 0 {
		t.chunks = append(t.chunks, procChunk{procs: make([]proc, 0, 1<<procChunkBits), owned: true})
	}
	c := &t.chunks[len(t.chunks)-1]
	if !c.owned {
		c.own()
	}
	c.procs = append(c.procs, p)
	t.n++
}

// share returns a copy of t that shares every chunk with it: both tables
// copy a chunk before their first write to it.
func (t *procTable) share() procTable {
	for i := range t.chunks {
		t.chunks[i].owned = false
	}
	return procTable{chunks: append([]procChunk(nil), t.chunks...), n: t.n}
}
