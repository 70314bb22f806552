package sim

// Options configure a World beyond its seed. The zero value is what every
// face of the product uses: the kernel's one fixed order, OTP's rules.
type Options struct {
	// Faults plants known wrong rules: for oracle tests only (see Fault).
	Faults Fault
	// Interleave chooses another of the orders Erlang leaves open at each
	// instant (see interleave.go); 0 keeps the kernel's fixed order. verify
	// uses it to recognise OTP taking one of those orders.
	Interleave uint64
}

// NewWithOptions returns an empty world like New, configured by o.
func NewWithOptions(seed uint64, o Options) *World {
	w := New(seed)
	w.faults = o.Faults
	w.interleave = o.Interleave
	w.irng = newRNG(o.Interleave)
	return w
}
