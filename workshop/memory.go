package workshop

import (
	"fmt"
	"runtime/metrics"
)

// heapMetric is the bytes of heap objects, live or not yet swept: what
// the sessions' worlds take, without stopping the world to learn it.
const heapMetric = "/memory/classes/heap/objects:bytes"

// heapBytes reads the process's heap in use.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: heapMetric}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

// heapRoom is the refusal of a new session while the heap is over max,
// or nil.
func heapRoom(max uint64) error {
	if h := heapBytes(); h > max {
		return fmt.Errorf("the server is short of memory (%s in use, its maximum is %s): try again in a few minutes, or ask the instructor",
			mib(h), mib(max))
	}
	return nil
}

// mib writes n bytes in MiB.
func mib(n uint64) string { return fmt.Sprintf("%.0f MiB", float64(n)/(1<<20)) }
