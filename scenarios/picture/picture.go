// Package picture draws a scenario for slides and documentation: its
// supervision trees with the links and monitors left at the end of the run
// as a Graphviz graph (DOT), and the cascades of the run as a Mermaid
// sequence diagram. Both run the scenario in the simulator first, as
// `crashcourse run` does with the same seed.
//
// Every text that comes from the scenario (names, reasons, messages, the
// commands, the file name) is escaped for its format, so that the picture
// of an untrusted file is inert: it can neither add a statement to the
// graph or diagram nor reach a renderer as markup.
package picture

import (
	"path"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/sim"
)

// maxText is the most terminal cells of one text a picture shows (a name,
// a reason, a command); a longer one is cut with "…".
const maxText = 80

// run is a scenario after it ran: the parsed commands and the session
// they ran in.
type run struct {
	file    string
	cmds    []*scenarios.Command
	session *scenarios.Session
}

// runScenario parses src and runs every command, expectations included
// (a failed one does not stop the run, as with `crashcourse run`), on a
// world bounded by limits (sim.Options; the zero value keeps the global
// bounds, as the CLI does), calling observe, when given, after each: a
// later `reset` forgets the trace.
func runScenario(file string, src []byte, seed uint64, limits sim.Options, observe func(*sim.World, scenarios.Result)) (*run, error) {
	cmds, err := scenarios.Parse(file, src)
	if err != nil {
		return nil, err
	}
	r := &run{file: file, cmds: cmds, session: scenarios.NewSessionWithOptions(seed, limits)}
	r.session.AddSource(file, src)
	for _, c := range cmds {
		res := r.session.Exec(c)
		if observe != nil {
			observe(r.world(), res)
		}
	}
	return r, nil
}

func (r *run) world() *sim.World { return r.session.World() }

// title is the scenario's file name as a picture's caption shows it.
func (r *run) title() string { return path.Base(r.file) }

// text is s as a picture may show it before escaping for the format:
// invisible and control characters made visible, and cut at maxText cells.
func text(s string) string { return scenarios.Printable(s, maxText) }
