package repl

import (
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// save writes the session to name as a scenario (see the package doc):
// over an existing file only when this session wrote it, or with force
// (`save!`).
func (sh *shell) save(name string, force bool) {
	data := sh.saveText()
	if err := sh.fsys.WriteFileAtomic(name, []byte(data), force); err != nil {
		sh.problem(sh.lineNo, "save: "+scenarios.ErrorText(err))
		sh.sum.broken = true
		return
	}
	sh.saved = len(sh.log)
	sh.out.line(sh.out.paint(sh.out.st.note, "saved "+scenarios.Count(len(sh.log), "command", "commands")+" to "+scenarios.FileName(name)))
}

// saveText is the session as a scenario that replays to the same state
// and passes under `crashcourse run`: the initial seed when it is not 0,
// then every command in order; a failed command is followed by `expect
// error` unless an `expect error` that passed follows it already, and an
// expectation that did not pass is kept as a comment.
func (sh *shell) saveText() string {
	var b strings.Builder
	b.WriteString("# A crashcourse REPL session. Replay it: crashcourse run FILE\n")
	if sh.seed != 0 {
		b.WriteString("seed " + strconv.FormatUint(sh.seed, 10) + "\n")
	}
	for i, r := range sh.log {
		switch {
		case r.checkFailed:
			b.WriteString("# did not pass when saved: " + r.text + "\n")
		case r.failed:
			b.WriteString(r.text + "\n")
			if i+1 == len(sh.log) || !sh.log[i+1].expectError {
				b.WriteString("expect error\n")
			}
		default:
			b.WriteString(r.text + "\n")
		}
	}
	return b.String()
}
