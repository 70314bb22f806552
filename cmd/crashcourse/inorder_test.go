package main

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Reports written at the same time come out file by file, in order; the
// first unfinished file writes through at once.
func TestInOrderKeepsFilesApartAndInOrder(t *testing.T) {
	var out strings.Builder
	o := newInOrder(&out, 3)
	fmt.Fprint(o.part(2), "c1 ")
	fmt.Fprint(o.part(0), "a1 ")
	assert.Equal(t, "a1 ", out.String(), "the first file writes through")
	fmt.Fprint(o.part(1), "b1 ")
	o.finish(2)
	fmt.Fprint(o.part(0), "a2 ")
	o.finish(0)
	assert.Equal(t, "a1 a2 b1 ", out.String(), "the next file's held lines come when the first is done")
	fmt.Fprint(o.part(1), "b2 ")
	assert.Equal(t, "a1 a2 b1 b2 ", out.String())
	o.finish(1)
	assert.Equal(t, "a1 a2 b1 b2 c1 ", out.String(), "a finished later file comes after the one before it")
}
