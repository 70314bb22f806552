package sim

const appendChunkBits = 12

// appendOnly is a table whose entries never change once added, in chunks
// of 1<<appendChunkBits: adding never copies what is there, and a clone
// shares every chunk (share), so copying the table costs a list of chunks.
type appendOnly[T any] struct {
	chunks [][]T
	n      int
}

func (t *appendOnly[T]) len() int { return t.n }

func (t *appendOnly[T]) at(i int) T {
	return t.chunks[i>>appendChunkBits][i&(1<<appendChunkBits-1)]
}

func (t *appendOnly[T]) add(v T) {
	if t.n&(1<<appendChunkBits-1) == 0 {
		t.chunks = append(t.chunks, make([]T, 0, 1<<appendChunkBits))
	}
	c := &t.chunks[len(t.chunks)-1]
	*c = append(*c, v)
	t.n++
}

// share returns a copy of t that shares its entries. The copy's last chunk
// ends its capacity at its length: the copy's next add reallocates that
// chunk, so it never writes a slot that t adds to, nor t one it reads.
func (t *appendOnly[T]) share() appendOnly[T] {
	c := appendOnly[T]{chunks: append([][]T(nil), t.chunks...), n: t.n}
	if k := len(c.chunks) - 1; k >= 0 {
		c.chunks[k] = c.chunks[k][:len(c.chunks[k]):len(c.chunks[k])]
	}
	return c
}
