package tui

import (
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/sim"
)

// playSpeeds are the events per second play shows, slowest first: slow
// enough at first that a signal can be followed from hop to hop.
var playSpeeds = []int{1, 2, 4, 8, 16, 32, 64, 128, 256, 1024, 4096}

const defaultSpeed = 2

// frameRate caps how often play redraws: faster speeds move several events
// a frame rather than drawing more frames.
const frameRate = 30

// tickMsg moves play on; gen tells the play it belongs to.
type tickMsg struct{ gen int }

// playTick waits one frame of the current speed, in a tea.Cmd: the only
// place play meets real time.
func (m Model) playTick() tea.Cmd {
	gen := m.playGen
	per := time.Second / time.Duration(min(playSpeeds[m.speed], frameRate))
	return tea.Tick(per, func(time.Time) tea.Msg { return tickMsg{gen: gen} })
}

// eventsPerTick is how many events one frame of play moves.
func (m Model) eventsPerTick() int { return max(playSpeeds[m.speed]/frameRate, 1) }

// timeKey moves the cursor, or starts, stops and paces play.
func (m Model) timeKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k, tl := m.keys, m.tl
	switch {
	case key.Matches(msg, k.Step, k.Forward):
		tl.seek(tl.at + 1)
	case key.Matches(msg, k.Back):
		tl.back()
	case key.Matches(msg, k.Start):
		tl.seek(0)
	case key.Matches(msg, k.End):
		tl.seek(tl.headLen())
	case key.Matches(msg, k.Play):
		if tl.live {
			tl.seek(tl.lastCascade())
		}
		m.playing = true
		m.playGen++
		m.refresh()
		return m, m.playTick()
	case key.Matches(msg, k.Pause):
		m.playing = false
	case key.Matches(msg, k.Faster):
		m.speed = min(m.speed+1, len(playSpeeds)-1)
	case key.Matches(msg, k.Slower):
		m.speed = max(m.speed-1, 0)
	}
	if !key.Matches(msg, k.Faster, k.Slower, k.Pause) {
		m.playing = false
	}
	m.logSel = 0
	m.refresh()
	return m, nil
}

// tick moves play one frame on; it stops at the end of the trace.
func (m Model) tick(t tickMsg) (tea.Model, tea.Cmd) {
	if !m.playing || t.gen != m.playGen || m.busy {
		return m, nil
	}
	m.tl.seek(m.tl.at + sim.Seq(m.eventsPerTick()))
	m.refresh()
	if m.tl.live {
		m.playing = false
		return m, nil
	}
	return m, m.playTick()
}
