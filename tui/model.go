package tui

import (
	"sync/atomic"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/crashcourse/crashcourse/lessons"
	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// pane is what the arrows move in.
type pane uint8

const (
	paneTree pane = iota
	paneLog
)

// prompt is what the input line is asking for.
type prompt uint8

const (
	promptNone    prompt = iota
	promptCommand        // a line of the language
	promptReason         // the reason for `e` (exit with a reason)
)

// Model is the TUI's root model: the timeline it shows and the state of
// its panes. The simulation itself changes only through commands (typed,
// or sent by the fault keys), so every change appears in the log as the
// command that made it.
type Model struct {
	tl     *timeline
	title  string
	keys   KeyMap
	help   help.Model
	st     Styles
	dark   bool
	plain  bool // NO_COLOR
	width  int
	height int

	rows   []row
	sel    string // key of the selected tree row
	folded map[string]bool
	focus  pane
	logSel sim.Seq // entry selected in the log; 0 when the log follows the cursor
	why    map[sim.Seq]bool
	whyPid map[sim.Pid]bool

	input   textinput.Model
	asking  prompt
	history []string              // the lines typed, oldest first, for ↑/↓
	histAt  int                   // the line ↑/↓ shows; len(history) for the one being typed
	hist    *scenarios.History    // the file the history is kept in; nil when kept in memory only
	typed   int                   // lines typed in this TUI: the line number of errors
	names   *scenarios.WorldNames // what completion offers, for the head's world
	namesOf *sim.World            // the world names was made for: a fork or a lesson makes a new head
	msg     []string              // what the last command printed, or its error
	msgErr  bool

	showHelp   bool
	showWindow bool
	showLesson bool           // the lesson pane replaces the inspector
	lesson     *lessons.Tutor // nil before the first lesson command, unless Options.Tutor
	page       []string       // the lesson's page, rendered, while it replaces the panes
	pageTop    int            // the first line of page shown
	playing    bool
	speed      int // index into playSpeeds
	playGen    int // ticks of an older play are ignored
	busy       bool
	busyNote   string // what runs while busy: "running…"
	frozen     string // the frame shown while a command runs
	stop       *atomic.Bool
}

// Options configure New.
type Options struct {
	Title   string // shown in the header: the scenario's name
	NoColor bool   // NO_COLOR: no colours, only bold, faint and reverse
	// Tutor, when set, is the learner's tutor: the lesson commands and
	// pane use it, with its catalogue, progress store and limits. Nil
	// makes one over the bundled lessons and the user's progress file
	// (lessons.NewTutor) at the first lesson command. A host that keeps
	// each learner's progress itself (crashcourse serve) sets it.
	Tutor *lessons.Tutor
	// KeepHistory keeps the command line's history between sessions in
	// HistoryFile ("" for scenarios.DefaultHistoryFile), the file the
	// REPL keeps its own in: what one face typed, the other recalls. Off
	// (the default), the history lives in memory only, as a host serving
	// many users must keep it (crashcourse serve): it never touches its
	// own user's files.
	KeepHistory bool
	HistoryFile string
}

// New returns a TUI over session s, whose commands already ran: the
// cursor starts at the end of its trace.
func New(s *scenarios.Session, o Options) Model {
	in := textinput.New()
	in.Prompt = ": "
	in.SetVirtualCursor(true)
	in.CharLimit = MaxTypedBytes
	// A steady cursor: a blinking one would tick a timer for as long as
	// the command line is open.
	ist := in.Styles()
	ist.Cursor.Blink = false
	in.SetStyles(ist)
	m := Model{
		tl: newTimeline(s), title: o.Title, keys: DefaultKeyMap(), help: help.New(),
		dark: true, plain: o.NoColor, folded: map[string]bool{}, input: in, lesson: o.Tutor,
		speed: defaultSpeed, stop: &atomic.Bool{},
	}
	if o.KeepHistory {
		m.openHistory(o.HistoryFile)
	}
	m.restyle()
	m.refresh()
	return m
}

// restyle picks the styles for the background and NO_COLOR.
func (m *Model) restyle() {
	m.st = DefaultStyles(m.dark, m.plain)
	m.help.Styles = help.DefaultStyles(m.dark)
	if m.plain {
		m.help.Styles = help.Styles{}
	}
}

// Init asks the terminal for its background, to pick light or dark styles.
func (m Model) Init() tea.Cmd { return tea.RequestBackgroundColor }

// world is the world at the cursor.
func (m Model) world() *sim.World { return m.tl.view.World() }

// refresh rebuilds what depends on the world at the cursor.
func (m *Model) refresh() {
	m.rows = treeRows(m.world(), m.folded)
	if m.names == nil || m.namesOf != m.tl.head.World() {
		m.names, m.namesOf = scenarios.NewWorldNames(m.tl.head.World()), m.tl.head.World()
	}
	if m.selected() < 0 && len(m.rows) > 0 {
		m.sel = m.rows[0].key
	}
}

// selected is the index of the selected row, -1 if none.
func (m Model) selected() int {
	for i, r := range m.rows {
		if r.key == m.sel {
			return i
		}
	}
	return -1
}

// selectedRow is the selected row; ok is false when the tree is empty.
func (m Model) selectedRow() (row, bool) {
	if i := m.selected(); i >= 0 {
		return m.rows[i], true
	}
	return row{}, false
}
