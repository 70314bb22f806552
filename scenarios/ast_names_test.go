package scenarios

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestWorkerIDs(t *testing.T) {
	require.Equal(t, []string{"db"}, (&WorkerSpec{Name: "db"}).IDs())
	require.Equal(t, []string{"cow_1", "cow_2", "cow_3"}, (&WorkerSpec{Name: "cow", Count: 3}).IDs())
}

func TestProcRefString(t *testing.T) {
	require.Equal(t, "a", ProcRef{Name: "a"}.String())
	require.Equal(t, "<0.105.0>", ProcRef{Pid: 105, IsPid: true}.String())
	require.Equal(t, "@db", ProcRef{Registered: "db"}.String())
}
