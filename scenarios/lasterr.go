package scenarios

// LastErr is the error of the last command that was not an expectation, as
// `expect error` sees it: a *sim.Error carries the Erlang reason (nil for a
// command the simulator refuses). It is nil when that command succeeded.
// crashcourse verify compares it with what the real runtime returned.
func (s *Session) LastErr() error { return s.lastErr }
