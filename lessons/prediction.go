package lessons

import (
	"slices"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// Prediction is what a learner says will happen when an exercise's faults
// fire: the processes that die (exit, for any reason) and those their
// supervisor restarts, by name. A restarted process also dies first.
type Prediction struct {
	Die     []string
	Restart []string
	// Names holds where each name was written, for errors about it.
	Names map[string]scenarios.Pos
}

// ParsePrediction reads a prediction: clauses "die: NAMES" and
// "restart: NAMES", one a line or separated by ';' (the REPL's `predict
// die a b; restart c`). The colon is optional, names are separated by
// spaces or commas, "none" (or no name) says none, "dies"/"restarts" are
// accepted too, and '#' starts a comment. A clause left out predicts none.
// line is the number of src's first line in file.
func ParsePrediction(file string, line int, src string) (Prediction, scenarios.ErrorList) {
	pr := Prediction{Names: map[string]scenarios.Pos{}}
	var errs scenarios.ErrorList
	for k, text := range strings.Split(src, "\n") {
		pos := scenarios.Pos{File: file, Line: line + k}
		code, _, _ := strings.Cut(text, "#")
		off := 0
		for _, clause := range strings.Split(code, ";") {
			if err := pr.clause(pos, text, clause, off); err != nil {
				errs = append(errs, err)
			}
			off += len(clause) + 1
		}
	}
	return pr, errs
}

// clause reads one clause found at byte offset off of the line text.
func (pr *Prediction) clause(pos scenarios.Pos, text, clause string, off int) *scenarios.Error {
	words := fields(clause, off)
	if len(words) == 0 {
		return nil
	}
	kw := strings.TrimSuffix(words[0].text, ":")
	var list *[]string
	switch kw {
	case "die", "dies":
		list = &pr.Die
	case "restart", "restarts":
		list = &pr.Restart
	default:
		pos.Col = words[0].col
		return &scenarios.Error{Pos: pos, Line: text,
			Msg: sprintf("a prediction says \"die: NAMES\" or \"restart: NAMES\", not %q", words[0].text)}
	}
	for _, w := range words[1:] {
		name := w.text
		if name == ":" || name == "none" {
			continue
		}
		if !isName(name) {
			pos.Col = w.col
			return &scenarios.Error{Pos: pos, Line: text, Msg: sprintf("%q is not a process name (lowercase letters, digits, _)", name)}
		}
		if !slices.Contains(*list, name) {
			*list = append(*list, name)
		}
		if _, ok := pr.Names[name]; !ok {
			pr.Names[name] = scenarios.Pos{File: pos.File, Line: pos.Line, Col: w.col}
		}
	}
	return nil
}

type word struct {
	text string
	col  int // 1-based column in the line
}

// fields splits s at spaces, tabs and commas; off is s's offset in its line.
func fields(s string, off int) []word {
	var out []word
	start := -1
	for i := 0; i <= len(s); i++ {
		sep := i == len(s) || s[i] == ' ' || s[i] == '\t' || s[i] == ','
		switch {
		case sep && start >= 0:
			out = append(out, word{s[start:i], off + start + 1})
			start = -1
		case !sep && start < 0:
			start = i
		}
	}
	return out
}

func isName(s string) bool {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for _, c := range []byte(s) {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
