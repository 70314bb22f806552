package lessons

import (
	"slices"

	"github.com/crashcourse/crashcourse/scenarios"
)

// verbForms are the verbs whose forms an allow block may name apart.
// exit is two functions in Erlang: exit/1 ends the caller itself, exit/2
// sends a signal to another process. Lesson 4 teaches the difference, so
// an exercise about signals allows exit/2 without letting a process end
// itself with the reason the check expects. Allowing the verb allows
// every form.
var verbForms = map[string][]string{"exit": {"exit/1", "exit/2"}}

// formMeaning says what each form of a verb does, for a refusal.
var formMeaning = map[string]string{
	"exit/1": "a process ending itself",
	"exit/2": "an exit signal to another process",
}

// Named is how a refusal names verb, a verb or a form of one:
// "`kill`", or "`exit/1` (a process ending itself)".
func Named(verb string) string {
	if m, ok := formMeaning[verb]; ok {
		return "`" + verb + "` (" + m + ")"
	}
	return "`" + verb + "`"
}

// formOf is what an allow block must name for c: its form when its verb
// has forms, else its verb.
func formOf(c *scenarios.Command) string {
	if c.Verb != "exit" || c.Proc == nil {
		return c.Verb
	}
	if c.Proc.Target == nil {
		return "exit/1"
	}
	return "exit/2"
}

// isForm reports whether name is a form of a verb (exit/1).
func isForm(name string) bool {
	for _, forms := range verbForms {
		if slices.Contains(forms, name) {
			return true
		}
	}
	return false
}

// allowVerb allows v, and every form of it.
func (e *Exercise) allowVerb(v string) {
	e.allowSet[v] = true
	for _, f := range verbForms[v] {
		e.allowSet[f] = true
	}
}

// allowedNames lists what the exercise allows beyond the verbs every
// exercise allows, in the order of the verbs: a verb allowed whole, or
// the forms of it that are.
func (e *Exercise) allowedNames() []string {
	var names []string
	for _, v := range sortedVerbs {
		switch {
		case slices.Contains(alwaysAllowed, v):
		case e.allowSet[v]:
			names = append(names, v)
		default:
			for _, f := range verbForms[v] {
				if e.allowSet[f] {
					names = append(names, f)
				}
			}
		}
	}
	return names
}
