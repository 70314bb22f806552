package repl

import (
	"fmt"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// load runs the scenario in file (or builtin:NAME) in this session, as
// `crashcourse run -v` prints it interactively and `crashcourse run` in a
// script. A file that does not parse, or is over the limits, runs nothing;
// Ctrl-C stops a load at the event it reached, and runs no further command.
func (sh *shell) load(file string) {
	src, err := sh.readScenario(file)
	if err != nil {
		sh.loadFailed("load: " + scenarios.ErrorText(err))
		return
	}
	cmds, err := scenarios.Parse(file, src)
	if err != nil {
		sh.parseErrors(err, false)
		sh.loadFailed(fmt.Sprintf("load: %s does not parse; nothing ran", scenarios.FileName(file)))
		return
	}
	if len(cmds) > maxLoadCommands {
		sh.loadFailed(fmt.Sprintf("load: %s has %d commands, more than the %d a load may run (the REPL's limit); nothing ran",
			scenarios.FileName(file), len(cmds), maxLoadCommands))
		return
	}
	sh.sess.AddSource(file, src)
	sh.runLoaded(file, src, cmds)
}

// runLoaded runs the commands of a loaded file, each after its narration
// when the load echoes commands.
func (sh *shell) runLoaded(file string, src []byte, cmds []*scenarios.Command) {
	before := sh.sum
	narration, end := scenarios.NarrationOf(src, cmds)
	ran := 0
	for i, c := range cmds {
		if sh.interrupted.Load() {
			break
		}
		if sh.narrates(sh.loaded) {
			sh.narration = narration[i]
		}
		sh.run(c, sh.loaded)
		ran++
	}
	sh.flush(false)
	if ran == len(cmds) && sh.narrates(sh.loaded) {
		sh.narration = end
		sh.narrate()
	}
	if ran < len(cmds) {
		sh.loadFailed(fmt.Sprintf("load: interrupted after %d of the %d commands of %s", ran, len(cmds), scenarios.FileName(file)))
		return
	}
	if !sh.script {
		sh.out.line(sh.out.paint(sh.out.st.note, fmt.Sprintf("loaded %s: %d commands, %d passed, %d failed",
			scenarios.FileName(file), len(cmds), sh.sum.passed-before.passed, sh.sum.failed-before.failed)))
	}
}

func (sh *shell) loadFailed(msg string) {
	sh.problem(sh.lineNo, msg)
	sh.sum.broken = true
}

// readScenario reads a file, or a built-in scenario written builtin:NAME.
func (sh *shell) readScenario(name string) ([]byte, error) {
	if b, ok := strings.CutPrefix(name, "builtin:"); ok {
		s, found := scenarios.BuiltinNamed(b)
		if !found {
			return nil, fmt.Errorf("no built-in scenario %q (crashcourse scenarios lists them)", b)
		}
		return s.Src, nil
	}
	return sh.fsys.ReadFile(name, maxLoadBytes)
}
