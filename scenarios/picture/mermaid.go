package picture

import (
	"fmt"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// maxStatements bounds the arrows and notes a diagram draws; past it the
// diagram ends with a note saying it was cut.
const maxStatements = 300

// Mermaid runs the scenario in file with seed and returns its cascades as a Mermaid
// sequence diagram: one lifeline per process name (a restarted process
// keeps its lifeline), and for every command that set off a cascade, a
// note with the command and its time, then what followed in trace order:
// exit signals (-x arrows, with what the receiver did), DOWN messages (--)
// arrows), messages (a gen_server call is its '$gen_call' message) and
// the calls' replies, and notes for each
// death, restart, start failure and supervisor that gave up. Spawns,
// links and monitors made by commands are not drawn (the DOT graph shows
// the structure). At most maxStatements arrows and notes are drawn.
func Mermaid(file string, src []byte, seed uint64) (string, error) {
	return mermaidWithin(file, src, seed, sim.Options{})
}

// mermaidWithin is Mermaid on a world bounded by limits.
func mermaidWithin(file string, src []byte, seed uint64, limits sim.Options) (string, error) {
	d := &diagram{ids: map[string]string{}}
	r, err := runScenario(file, src, seed, limits, d.command)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("sequenceDiagram\n")
	b.WriteString("    title " + mermaidText(r.title()+": cascades") + "\n")
	for i, name := range d.names {
		b.WriteString("    participant P" + itoa(i+1) + " as " + mermaidText(name) + "\n")
	}
	for _, s := range d.lines {
		b.WriteString("    " + s + "\n")
	}
	if d.cut > 0 {
		b.WriteString("    Note over P1: " + mermaidText(fmt.Sprintf("cut: %d more arrows and notes (crashcourse run -v shows them all)", d.cut)) + "\n")
	}
	return b.String(), nil
}

// diagram collects a sequence diagram as the scenario runs.
type diagram struct {
	names []string          // lifelines in order of first use
	ids   map[string]string // lifeline name → participant id
	lines []string
	cut   int // statements past maxStatements
}

// step is one arrow or note before it is written: from and to are
// lifeline names, to "" for a note over from.
type step struct {
	from, to, arrow, text string
}

// command adds what one command set off, under a note naming it.
func (d *diagram) command(w *sim.World, r scenarios.Result) {
	var steps []step
	for s := r.From; s <= r.To; s++ {
		if st, ok := d.entry(w, s); ok {
			steps = append(steps, st)
		}
	}
	if len(steps) == 0 {
		return
	}
	cmd, more, _ := strings.Cut(r.Cmd.Text, "\n")
	if more != "" {
		cmd += " …"
	}
	d.add(step{from: steps[0].from, text: "at " + w.Entry(r.From).At.String() + ": " + cmd})
	for _, st := range steps {
		d.add(st)
	}
}

// add writes one step, giving its lifelines participant ids on first use.
func (d *diagram) add(st step) {
	if len(d.lines) >= maxStatements {
		d.cut++
		return
	}
	if st.to == "" {
		d.lines = append(d.lines, "Note over "+d.id(st.from)+": "+mermaidText(st.text))
		return
	}
	d.lines = append(d.lines, d.id(st.from)+st.arrow+d.id(st.to)+": "+mermaidText(st.text))
}

func (d *diagram) id(name string) string {
	if id, ok := d.ids[name]; ok {
		return id
	}
	d.names = append(d.names, name)
	d.ids[name] = "P" + itoa(len(d.names))
	return d.ids[name]
}

// lifeline is the lifeline of p: its name, shared by its incarnations, or
// its pid when it has none.
func lifeline(w *sim.World, p sim.Pid) string {
	if p == sim.Shell {
		return "<shell>"
	}
	if n := w.Name(p); n != "" {
		return n
	}
	return p.String()
}
