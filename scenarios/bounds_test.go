package scenarios

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/stretchr/testify/require"
)

// Every input is bounded: count=N by the process limit, durations and the
// clock by sim.MaxTime (876000h), all refused with a position.

func TestBoundCountByTheProcessLimit(t *testing.T) {
	checkErrors(t, []errorCase{
		{"sup s { worker w count=9223372036854775807 }", []string{"1:24: count=9223372036854775807 is more than the process limit of 10000000"}},
		{"sup s { worker w count=100000000 }", []string{"1:24: count=100000000 is more than the process limit of 10000000"}},
		{"start_child s worker w count=10000001", []string{"1:30: count=10000001 is more than the process limit of 10000000"}},
		{"sup s { worker w count=9999999; worker v }", []string{"1:40: this supervision tree would start more than the process limit of 10000000 processes"}},
		{"sup s {\n  worker w count=6000000\n  sup t { worker x count=4000000 }\n}", []string{"3:26: this supervision tree would start more than the process limit of 10000000 processes"}},
	})
	cmds, err := Parse("t", []byte("sup s { worker w count=9999998 }\nsup t { worker w count=9999998 }"))
	require.NoError(t, err, "the limit is per tree: the world's own limit applies across commands")
	require.Len(t, cmds, 2)
}

// A count past the limit is refused before anything is allocated for it:
// parsing it costs what parsing any line does.
func TestBoundCountAllocatesNothing(t *testing.T) {
	src := []byte("sup s { worker w count=9223372036854775807 }\nstart_child s worker v count=100000000\n")
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	var out bytes.Buffer
	_, s, err := RunScript("t.scn", src, RunOptions{}, &out)
	runtime.ReadMemStats(&after)
	require.Error(t, err)
	require.Nil(t, s, "nothing ran")
	require.Less(t, after.TotalAlloc-before.TotalAlloc, uint64(1<<20), "bytes allocated")
}

func TestBoundDurationsByMaxTime(t *testing.T) {
	const past = "is longer than the maximum of 876000h (100 years)"
	checkErrors(t, []errorCase{
		{"advance 876001h", []string{`1:9: duration "876001h" ` + past}},
		{"advance 2562047h", []string{`1:9: duration "2562047h" ` + past}},
		{"a: send_after 900000h a x", []string{`1:15: duration "900000h" ` + past}},
		{"chaos 1 for 876000h1s", []string{`1:13: duration "876000h1s" ` + past}},
		{"sup s { worker w init_time=876001h }", []string{`1:28: duration "876001h" ` + past}},
		{"sup s { worker w shutdown=3153600000001 }", []string{`1:27: shutdown "3153600000001" ` + past}},
	})
	_, err := Parse("t", []byte("advance 876000h\nsup s { worker w shutdown=3153600000000 terminate=876000h }"))
	require.NoError(t, err, "the maximum itself is allowed")
}

func TestBoundClockByMaxTime(t *testing.T) {
	src := "spawn a\na: send_after 1s a x\nadvance 876000h\nadvance 1us\nrun 1s\nspawn b\nb: send_after 876000h a y\nrun\n"
	cmds, err := Parse("t.scn", []byte(src))
	require.NoError(t, err)
	s := NewSession(1)
	s.AddSource("t.scn", []byte(src))
	var results []Result
	for _, c := range cmds {
		results = append(results, s.Exec(c))
	}
	require.Equal(t, "876000h0m0s", s.World().Now().String())
	require.Equal(t, "t.scn:4:1: the clock is at 876000h0m0s: 1µs more would take it past its maximum of 876000h (100 years)\nadvance 1us\n^",
		results[3].Err.Caret())
	require.Equal(t, "the clock is at 876000h0m0s: 1s more would take it past its maximum of 876000h (100 years)", results[4].Err.Msg)
	require.Equal(t, "run stopped at the clock's maximum of 876000h (100 years) with events still pending", results[7].Note)
	a, _ := s.World().Lookup("a")
	require.Len(t, s.World().Mailbox(a), 1, "the timer due past the maximum never fires")
}
