package repl

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// load runs the scenario in file (or builtin:NAME) in this session, in a
// fresh world (see freshWorld), as `crashcourse run -v` prints it
// interactively and `crashcourse run` in a script. A file that does not
// parse, or is over the limits, runs nothing and leaves the world as it
// was; Ctrl-C stops a load at the event it reached, and runs no further
// command.
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
	sh.freshWorld(file)
	sh.runLoaded(file, src, cmds)
}

// freshWorld gives a load the world `crashcourse run` would start it in
// (with the REPL's --seed), so that a file, a built-in above all, behaves
// as it does alone: unless the world is fresh already, it runs `reset`
// (and `seed N` when a seed command changed the seed), which join the
// session's commands so that a save replays the same, and says so.
func (sh *shell) freshWorld(file string) {
	w := sh.sess.World()
	reseed := sh.sess.Seed() != sh.seed
	if w.TraceLen() == 0 && w.Now() == 0 && !reseed {
		return
	}
	texts := []string{"reset"}
	if reseed {
		texts = append(texts, "seed "+strconv.FormatUint(sh.seed, 10))
	}
	for _, text := range texts {
		cmds, err := scenarios.ParseLine(sh.file, sh.lineNo, text)
		if err != nil { // cannot happen: the texts are the language's own
			sh.parseErrors(err, false)
			return
		}
		sh.exec(cmds[0])
	}
	if !sh.script {
		sh.out.line(sh.out.paint(sh.out.st.note, "load: "+scenarios.FileName(file)+
			" runs in a fresh world, as crashcourse run would run it (reset: t=0, no processes)"))
	}
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
		sh.out.line(sh.out.paint(sh.out.st.note, fmt.Sprintf("loaded %s: %s, %d passed, %d failed",
			scenarios.FileName(file), scenarios.Count(len(cmds), "command", "commands"), sh.sum.passed-before.passed, sh.sum.failed-before.failed)))
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
	return sh.fsys.ReadFile(name)
}
