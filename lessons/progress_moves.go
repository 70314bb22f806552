package lessons

// The moves every face (the CLI, the REPL, the TUI) makes through a
// lesson, on the Progress alone; the caller saves it afterwards.

// Current is the learner's current exercise of l: the one they were on,
// else the first.
func (p *Progress) Current(l *Lesson) *Exercise {
	k := 1
	if lp := p.Lessons[l.ID]; lp != nil && lp.Current > 0 {
		k = lp.Current
	}
	if ex, ok := l.Exercise(k); ok {
		return ex
	}
	return l.Exercises[0]
}

// SetCurrent makes ex the learner's current exercise of l; it reports
// whether that changed anything (and so needs saving).
func (p *Progress) SetCurrent(l *Lesson, ex *Exercise) bool {
	lp := p.Lesson(l.ID)
	k := l.Number(ex)
	if lp.Current == k {
		return false
	}
	lp.Current = k
	return true
}

// Pass records that ex of l passed and makes the next exercise current.
// It returns that next exercise, or nil after the last one.
func (p *Progress) Pass(l *Lesson, ex *Exercise) *Exercise {
	p.Lesson(l.ID).Exercise(ex.ID).Passed = true
	next, ok := l.Exercise(l.Number(ex) + 1)
	if !ok {
		return nil
	}
	p.SetCurrent(l, next)
	return next
}

// NextHint records that the learner asked for a hint on ex of l and
// returns it, numbered from 1: the hint after the ones already shown,
// or the last again once all were.
func (p *Progress) NextHint(l *Lesson, ex *Exercise) (k int, text string) {
	ep := p.Lesson(l.ID).Exercise(ex.ID)
	k = min(ep.Hints+1, len(ex.Hints))
	ep.Hints = max(ep.Hints, k)
	return k, ex.Hints[k-1]
}

// HasPassed reports whether ex of l passed; it changes nothing, so a view
// may ask.
func (p *Progress) HasPassed(l *Lesson, ex *Exercise) bool {
	lp := p.Lessons[l.ID]
	return lp != nil && lp.Exercises[ex.ID] != nil && lp.Exercises[ex.ID].Passed
}
