//go:build unix

package main

import (
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
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
	_, err := readFileLimited(fifo)
	runtime.ReadMemStats(&after)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "is larger than 16 MiB")
	assert.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(4*scenarios.MaxFileBytes), "bytes allocated")
}
