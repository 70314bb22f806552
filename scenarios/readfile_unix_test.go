//go:build unix

package scenarios

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A pipe is read (run <(generate) works), but only up to the limit: an
// endless writer costs bounded memory.
func TestEndlessPipeIsBounded(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "endless.scn")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		chunk := make([]byte, 1<<16)
		for {
			if _, err := w.Write(chunk); err != nil {
				return // the reader gave up: the pipe is broken
			}
		}
	}()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := ReadFileLimited(fifo, true)
	runtime.ReadMemStats(&after)
	require.ErrorIs(t, err, ErrFileTooBig)
	assert.Contains(t, err.Error(), "is larger than 16 MiB")
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4*MaxFileBytes), "bytes allocated")
}

// A reader that takes no pipes refuses a named pipe before opening it,
// which would wait for a writer that may never come.
func TestNamedPipeRefusedWithoutWaiting(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "nobody-writes.scn")
	require.NoError(t, syscall.Mkfifo(fifo, 0o600))
	_, err := ReadFileLimited(fifo, false)
	require.EqualError(t, err, `"`+fifo+`" is not a regular file (a scenario file is read whole)`)
}
