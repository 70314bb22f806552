package otp

import (
	"fmt"
	"maps"
	"path"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crashcourse/crashcourse/scenarios"
)

// File is one source file of an export.
type File struct {
	Name   string // its path in the export, with slashes: crashcourse_app_sup.erl, crashcourse/tour/app_supervisor.ex
	Module string // the module it defines
	Top    bool   // a top-level supervisor: its start_link starts a tree, registered under the module's name
	Text   string
}

// tree is what export needs of a scenario: its top-level supervisors, and
// the children it adds to them at run time.
type tree struct {
	file    string
	tops    []*scenarios.SupSpec
	dynamic map[string][]*scenarios.ChildSpec // supervisor name → children given to start_child
}

// maxAtomChars is the longest atom Erlang allows, in characters.
const maxAtomChars = 255

func readTrees(file string, src []byte) (*tree, error) {
	cmds, err := scenarios.Parse(file, src)
	if err != nil {
		return nil, err
	}
	t := &tree{file: file, dynamic: map[string][]*scenarios.ChildSpec{}}
	seen := map[string]bool{}
	for _, c := range cmds {
		switch {
		case c.Sup != nil && !seen[c.Sup.Name]:
			seen[c.Sup.Name] = true
			t.tops = append(t.tops, c.Sup)
		case c.Dyn != nil && c.Verb == "start_child" && c.Dyn.Spec != nil:
			t.dynamic[c.Dyn.Sup.Name] = append(t.dynamic[c.Dyn.Sup.Name], c.Dyn.Spec)
		}
	}
	if len(t.tops) == 0 {
		return nil, fmt.Errorf("%s has no supervisor to export (export prints the trees built with sup NAME { ... })", scenarios.FileName(file))
	}
	if errs := t.longAtoms(string(src)); len(errs) > 0 {
		return nil, errs
	}
	return t, nil
}

// longAtoms reports every name and atom of the exported specs that cannot
// be an Erlang atom, being longer than maxAtomChars.
func (t *tree) longAtoms(src string) scenarios.ErrorList {
	var errs scenarios.ErrorList
	check := func(pos scenarios.Pos, what, s string) {
		if n := utf8.RuneCountInString(s); n > maxAtomChars {
			errs = append(errs, &scenarios.Error{Pos: pos, Line: sourceLine(src, pos.Line),
				Msg: fmt.Sprintf("%s of %d characters cannot be exported: an Erlang atom has at most %d", what, n, maxAtomChars)})
		}
	}
	var child func(c *scenarios.ChildSpec)
	sup := func(s *scenarios.SupSpec) {
		check(s.Pos, "a supervisor name", s.Name)
		for i := range s.Children {
			child(&s.Children[i])
		}
	}
	child = func(c *scenarios.ChildSpec) {
		if c.Sup != nil {
			sup(c.Sup)
			return
		}
		w := c.Worker
		ids := w.IDs()
		check(c.Pos, "a child id", ids[len(ids)-1])
		check(c.Pos, "a registered name", w.Register)
		for _, r := range w.Init {
			if r.Reason != nil {
				eachAtom(r.Reason, func(a *scenarios.TermExpr, s string) { check(a.Pos, "an atom", s) })
			}
		}
	}
	for _, s := range t.tops {
		sup(s)
	}
	for _, name := range slices.Sorted(maps.Keys(t.dynamic)) {
		for _, c := range t.dynamic[name] {
			child(c)
		}
	}
	return errs
}

// eachAtom calls f with every atom a term becomes in an export (pids and
// refs become atoms of their text).
func eachAtom(x *scenarios.TermExpr, f func(*scenarios.TermExpr, string)) {
	switch x.Kind {
	case scenarios.TermAtom:
		f(x, x.Atom)
	case scenarios.TermInt, scenarios.TermFloat, scenarios.TermString, scenarios.TermBinary:
	case scenarios.TermTuple, scenarios.TermList, scenarios.TermMap:
		for _, e := range x.Elems {
			eachAtom(e, f)
		}
	default:
		f(x, x.String())
	}
}

// sourceLine is line n (1-based) of src, for an error's caret.
func sourceLine(src string, n int) string {
	for i := 1; i < n; i++ {
		_, rest, ok := strings.Cut(src, "\n")
		if !ok {
			return ""
		}
		src = rest
	}
	line, _, _ := strings.Cut(src, "\n")
	return strings.TrimSuffix(line, "\r")
}

// fileLabel is the scenario's file name as it appears in the comment at
// the head of each module: its base name as a quoted, escaped string, so
// that no name (one with a newline, say) can add a line of code.
func fileLabel(file string, quote func(string) string) string {
	return quote(path.Base(file))
}

// place is where a supervisor runs in its tree, for the calls the export
// suggests in comments: under the top supervisor (registered under its
// module name), down the child ids path. A supervisor below a
// simple_one_for_one one has no fixed place: each instance is a child
// without an id.
type place struct {
	top   string
	path  []string
	fixed bool
}

func topPlace(mod string) place { return place{top: mod, fixed: true} }

// below is the place of a child supervisor id of the one at p; template
// says p is simple_one_for_one.
func (p place) below(id string, template bool) place {
	return place{top: p.top, path: append(p.path[:len(p.path):len(p.path)], id), fixed: p.fixed && !template}
}

// hints collects the start_child calls a supervisor's comment suggests:
// each child id once, and an id the supervisor already has (a static
// child, or one suggested before with another spec) first terminated and
// deleted, so that every call would succeed on a fresh tree.
type hints struct {
	specs map[string]string // child id → the spec text its supervisor has
	calls []hint
}

type hint struct {
	id, spec string
	replace  bool
}

func newHints() *hints { return &hints{specs: map[string]string{}} }

func (h *hints) static(id, spec string) { h.specs[id] = spec }

func (h *hints) add(id, spec string) {
	have, ok := h.specs[id]
	if ok && have == spec {
		return
	}
	h.specs[id] = spec
	h.calls = append(h.calls, hint{id: id, spec: spec, replace: ok})
}
