package repl

import (
	"github.com/crashcourse/crashcourse/scenarios"
)

// caret prints error e. Plain, it is e.Caret(), as `crashcourse run`
// prints it. Pretty, it is the window of the line that e.Caret() shows,
// and under it a caret followed by the message; withPos puts
// "file:line:col:" above them.
func (o *output) caret(e *scenarios.Error, pretty, withPos bool) {
	if !pretty {
		o.line(e.Caret())
		return
	}
	if withPos {
		o.line(o.paint(o.st.err, e.Pos.String()+":"))
	}
	text, indent := e.Window()
	o.line("  " + text)
	o.line("  " + indent + o.paint(o.st.err, "^ "+e.Message()))
}
