package sim

const fifoBlock = 4096

// fifo is a first-in first-out queue of events in fixed blocks: a burst of a
// million same-instant events never copies what is queued, and drained
// blocks are reused.
type fifo struct {
	blocks [][]event
	head   int // next to pop in blocks[0]
	n      int
	spare  []event // one drained block kept for reuse
}

func (f *fifo) len() int { return f.n }

func (f *fifo) push(e event) {
	k := len(f.blocks)
	if k == 0 || len(f.blocks[k-1]) == fifoBlock {
		f.blocks = append(f.blocks, f.newBlock())
		k++
	}
	f.blocks[k-1] = append(f.blocks[k-1], e)
	f.n++
}

func (f *fifo) newBlock() []event {
	if b := f.spare; b != nil {
		f.spare = nil
		return b[:0]
	}
	return make([]event, 0, fifoBlock)
}

func (f *fifo) pop() (event, bool) {
	if f.n == 0 {
		return event{}, false
	}
	b := f.blocks[0]
	e := b[f.head]
	f.head++
	f.n--
	if f.head == len(b) {
		f.head = 0
		if len(f.blocks) == 1 {
			f.blocks[0] = b[:0]
		} else {
			f.spare = b
			f.blocks = f.blocks[1:]
		}
	}
	return e, true
}

func (f *fifo) each(fn func(*event)) {
	for i, b := range f.blocks {
		start := 0
		if i == 0 {
			start = f.head
		}
		for j := start; j < len(b); j++ {
			fn(&b[j])
		}
	}
}

func (f *fifo) clone() fifo {
	var c fifo
	f.each(func(e *event) { c.push(*e) })
	return c
}
