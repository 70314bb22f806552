package workshop

import (
	"bytes"
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// dashboardTick is how often the dashboard reads the room again.
const dashboardTick = time.Second

// sortOrder is a way of ordering the dashboard's rows.
type sortOrder int

const (
	byName sortOrder = iota
	byProgress
	byFailed
	byIdle
	byStuck
	sortOrders
)

var sortNames = [sortOrders]string{"name", "progress", "failed checks", "idle time", "stuck first"}

type tickMsg time.Time

// detailMsg carries the selected learner's tree, computed off the loop.
type detailMsg struct {
	id    string
	lines []string
}

// dashboard is the instructor's view of the room: one row per learner,
// live, sortable; Enter shows a learner's world and last failed check;
// M moves the room to a lesson.
type dashboard struct {
	room   *Room
	cfg    Config
	seats  []Seat
	sel    string // ID of the selected learner
	order  sortOrder
	detail *detailMsg
	move   textinput.Model
	moving bool
	status string
	width  int
	height int
}

func newDashboard(room *Room, cfg Config) *dashboard {
	in := textinput.New()
	in.Prompt = "move the room to lesson: "
	in.CharLimit = 4
	in.SetVirtualCursor(true)
	d := &dashboard{room: room, cfg: cfg, move: in, width: 80, height: 24}
	d.refresh()
	return d
}

func (d *dashboard) Init() tea.Cmd { return tick() }

func tick() tea.Cmd {
	return tea.Tick(dashboardTick, func(t time.Time) tea.Msg { return tickMsg(t) })
}

// refresh reads the room and orders its rows.
func (d *dashboard) refresh() {
	d.seats = d.room.Seats()
	now := d.cfg.Now()
	key := func(s Seat) int {
		switch d.order {
		case byProgress:
			return -(s.Lesson*1000 + s.Exercise)
		case byFailed:
			return -s.Failed
		case byIdle:
			return -int(now.Sub(s.Seen) / time.Second)
		case byStuck:
			if d.stuck(s) {
				return 0
			}
			return 1
		}
		return 0
	}
	slices.SortStableFunc(d.seats, func(a, b Seat) int { return cmp.Compare(key(a), key(b)) })
	if d.sel == "" && len(d.seats) > 0 {
		d.sel = d.seats[0].ID
	}
}

// stuck is the dashboard's marker: several failed checks since the last
// pass, or no pass nor change of exercise for a while, while connected.
func (d *dashboard) stuck(s Seat) bool {
	return s.FailsHere >= d.cfg.StuckFails || (s.Online && d.cfg.Now().Sub(s.Moved) > d.cfg.StuckAfter)
}

func (d *dashboard) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		d.width, d.height = msg.Width, msg.Height
	case tickMsg:
		d.refresh()
		return d, tick()
	case detailMsg:
		if msg.id == d.sel {
			d.detail = &msg
		}
	case tea.KeyPressMsg:
		if d.moving {
			return d, d.moveKey(msg)
		}
		return d, d.key(msg)
	}
	return d, nil
}

// key handles the dashboard's keys.
func (d *dashboard) key(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "q", "ctrl+c":
		return tea.Quit
	case "up", "k":
		d.selectBy(-1)
	case "down", "j":
		d.selectBy(1)
	case "s":
		d.order = (d.order + 1) % sortOrders
		d.refresh()
	case "enter":
		return d.open()
	case "esc":
		d.detail = nil
	case "e":
		d.export()
	case "m":
		d.moving = true
		d.move.SetValue("")
		return d.move.Focus()
	}
	return nil
}

// selected is the index of the selected learner's row, -1 if none.
func (d *dashboard) selected() int {
	return slices.IndexFunc(d.seats, func(s Seat) bool { return s.ID == d.sel })
}

// selectBy moves the selection by delta rows.
func (d *dashboard) selectBy(delta int) {
	i := d.selected()
	if i = i + delta; i >= 0 && i < len(d.seats) {
		d.sel, d.detail = d.seats[i].ID, nil
	}
}

// open computes the selected learner's world off the event loop.
func (d *dashboard) open() tea.Cmd {
	i := d.selected()
	if i < 0 {
		return nil
	}
	s, cat, limits := d.seats[i], d.room.cat, d.cfg.limits()
	return func() tea.Msg { return detailMsg{id: s.ID, lines: describe(cat, s, limits)} }
}

// export writes the room's progress as CSV in the server's directory.
func (d *dashboard) export() {
	recs := make([]Record, len(d.seats))
	for i, s := range d.seats {
		recs[i] = s.Record
	}
	var b bytes.Buffer
	name := filepath.Join(d.cfg.Dir, "room-"+d.cfg.Now().UTC().Format("20060102-150405")+".csv")
	err := WriteReport(&b, d.room.cat, recs)
	if err == nil {
		err = writeAtomic(name, b.Bytes())
	}
	d.status = "the room's progress is in " + name
	if err != nil {
		d.status = "no export: " + err.Error()
	}
}

// moveKey edits the lesson number; Enter moves the room.
func (d *dashboard) moveKey(msg tea.KeyPressMsg) tea.Cmd {
	switch msg.String() {
	case "esc", "ctrl+c":
		d.moving = false
		return nil
	case "enter":
		d.moving = false
		n, err := strconv.Atoi(strings.TrimSpace(d.move.Value()))
		if _, ok := d.room.cat.Lesson(n); err != nil || !ok {
			d.status = fmt.Sprintf("no lesson %q: there are lessons 1 to %d", d.move.Value(), len(d.room.cat.Lessons))
			return nil
		}
		d.status = fmt.Sprintf("the room moved to lesson %d", n)
		if err := d.room.MoveTo(n); err != nil {
			d.status = "the room did not move: " + err.Error()
		}
		return nil
	}
	var cmd tea.Cmd
	d.move, cmd = d.move.Update(msg)
	return cmd
}

// View draws the table, and under it the selected learner's detail.
func (d *dashboard) View() tea.View {
	var b strings.Builder
	fmt.Fprintf(&b, "crashcourse room · %d learners · %d online · sorted by %s · room at lesson %d\n",
		len(d.seats), d.online(), sortNames[d.order], d.room.Lesson())
	b.WriteString(lipgloss.NewStyle().Bold(true).Render(row("", "NAME", "LESSON", "PASSED", "FAILED", "HINTS", "IDLE", "")) + "\n")
	for _, s := range d.visible() {
		line := d.row(s)
		if s.ID == d.sel {
			line = lipgloss.NewStyle().Reverse(true).Render(line)
		}
		b.WriteString(line + "\n")
	}
	if d.detail != nil {
		b.WriteString("\n" + strings.Join(d.detail.lines, "\n") + "\n")
	}
	b.WriteString("\n")
	switch {
	case d.moving:
		b.WriteString(d.move.View())
	case d.status != "":
		b.WriteString(d.status)
	default:
		b.WriteString("↑/↓ select · enter world & last failed check · s sort · m move the room · e export CSV · q quit")
	}
	v := tea.NewView(fit(b.String(), d.width, d.height))
	v.AltScreen = true
	return v
}

// visible are the rows that fit the window, the selected one among them.
func (d *dashboard) visible() []Seat {
	room := max(d.height-6, 3)
	if d.detail != nil {
		room = max(d.height-6-len(d.detail.lines), 3)
	}
	i := max(d.selected(), 0)
	from := max(0, min(i-room/2, len(d.seats)-room))
	return d.seats[from:min(from+room, len(d.seats))]
}

func (d *dashboard) online() int {
	n := 0
	for _, s := range d.seats {
		if s.Online {
			n++
		}
	}
	return n
}

// row is one learner's line.
func (d *dashboard) row(s Seat) string {
	on, mark := "○", ""
	if s.Online {
		on = "●"
	}
	if d.stuck(s) {
		mark = "STUCK"
	}
	idle := d.cfg.Now().Sub(s.Seen).Round(time.Second)
	return row(on, s.Name, fmt.Sprintf("%d.%d", s.Lesson, s.Exercise), strconv.Itoa(s.Passed),
		strconv.Itoa(s.Failed), strconv.Itoa(s.Hints), idle.String(), mark)
}

func row(on, name, lesson, passed, failed, hints, idle, mark string) string {
	return fmt.Sprintf("%1s %-16s %-7s %6s %6s %5s %9s %s", on, ansi.Truncate(name, 16, "…"), lesson, passed, failed, hints, idle, mark)
}

// fit cuts text to the window.
func fit(text string, w, h int) string {
	lines := strings.Split(text, "\n")
	if h > 0 && len(lines) > h {
		lines = append(lines[:h-1], lines[len(lines)-1])
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, max(w, 20), "…")
	}
	return strings.Join(lines, "\n")
}
