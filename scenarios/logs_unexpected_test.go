package scenarios

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// OTP 25's supervisor takes a message it does not expect in handle_info's
// last clause: it logs "Supervisor received unexpected message: M" as an
// error report and drops it. An {'EXIT',P,R} message is not such a one,
// nor a message to a dead supervisor.
func TestSupervisorDropsUnexpectedMessage(t *testing.T) {
	tests := []struct {
		name, send string
		drops      bool
	}{
		{"a plain message", "send s hello", true},
		{"a tuple", "send s {hello, [1, 2]}", true},
		{"a timer's message", "p: send_after 1s s tick; run", true},
		{"an EXIT-shaped message", "send s {'EXIT', p, boom}", false},
		{"to a worker", "send w hello", false},
		{"to a dead supervisor", "kill s; send s hello", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := NewSession(0)
			execText(t, s, "sup s { worker w }", "spawn p", "logs on")
			r := execText(t, s, tt.send)
			w := s.World()
			e := w.Entry(r.To)
			require.Equal(t, tt.drops, SupervisorDrops(w, e))
			if tt.drops {
				require.Contains(t, Describe(w, r.To), "→ a supervisor expects no message: it logs an error report and drops it")
				require.Equal(t, []string{header("ERROR", e.At),
					"Supervisor received unexpected message: " + w.Term(e.Term).String(), ""}, LogReports(w, r.To, nil))
				require.Empty(t, w.Mailbox(e.Pid))
			} else {
				require.Empty(t, LogReports(w, r.To, nil))
			}
		})
	}
}
