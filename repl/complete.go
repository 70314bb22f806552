package repl

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// completer adapts the shell's completion to readline, which asks for the
// suffixes that complete the word before the cursor.
type completer struct{ sh *shell }

// Do returns the suffixes of the candidates for the word that ends at pos
// in line, and the length of that word in runes.
func (c completer) Do(line []rune, pos int) ([][]rune, int) {
	pos = max(0, min(pos, len(line)))
	word, cands := c.sh.complete(string(line[:pos]))
	n := len([]rune(word))
	out := make([][]rune, 0, min(len(cands), maxCandidates))
	for _, s := range cands {
		if len(out) == maxCandidates {
			break
		}
		out = append(out, []rune(s)[n:])
	}
	return out, n
}

// complete returns the word before the cursor and its candidates (see
// scenarios.Completer); after save or load it completes file names, after
// lesson the lessons' names and reset.
func (sh *shell) complete(line string) (string, []string) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if verb, arg, ok := strings.Cut(strings.TrimLeft(line, " "), " "); ok && len(sh.open) == 0 {
		arg = strings.TrimLeft(arg, " ")
		switch verb {
		case "load", "save":
			return arg, fileCandidates(arg, verb == "load")
		case "lesson":
			return arg, sh.lessonCandidates(arg)
		}
	}
	c := scenarios.Completer{Names: sh.names, Commands: replCommands}
	return c.Complete(line, len(sh.open) > 0)
}

// fileCandidates offers the directories and .scn files that start with
// word, and for a load the built-in scenarios as builtin:NAME.
func fileCandidates(word string, builtins bool) []string {
	var out []string
	if builtins {
		for _, s := range scenarios.Builtin() {
			if name := "builtin:" + s.Name; strings.HasPrefix(name, word) {
				out = append(out, name+" ")
			}
		}
	}
	dir, base := filepath.Split(word)
	entries, err := os.ReadDir(dirOrDot(dir))
	if err != nil {
		return out
	}
	for _, e := range entries {
		name := e.Name()
		switch {
		case !strings.HasPrefix(name, base), strings.HasPrefix(name, ".") && !strings.HasPrefix(base, "."):
		case e.IsDir():
			out = append(out, dir+name+"/")
		case strings.HasSuffix(name, ".scn"):
			out = append(out, dir+name+" ")
		}
		if len(out) >= maxCandidates {
			break
		}
	}
	return out
}

func dirOrDot(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}
