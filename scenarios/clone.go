package scenarios

import "maps"

// Clone returns an independent copy of s, world included (sim.World.Clone),
// so that a front end can keep snapshots and run commands again from one.
// The copy has no interrupt installed.
func (s *Session) Clone() *Session {
	c := *s
	c.w = s.w.Clone()
	c.sources = maps.Clone(s.sources)
	c.interrupt = nil
	c.w.SetInterrupt(nil)
	return &c
}
