package scenarios

import (
	"embed"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strings"
)

//go:embed builtin/*.scn
var builtinFS embed.FS

// Scenario is a built-in scenario file.
type Scenario struct {
	Name string // file name without .scn: "tour", "links", ...
	Src  []byte
}

// Builtin returns the built-in scenarios in name order.
func Builtin() []Scenario {
	entries, _ := fs.ReadDir(builtinFS, "builtin")
	out := make([]Scenario, 0, len(entries))
	for _, e := range entries {
		src, _ := builtinFS.ReadFile(path.Join("builtin", e.Name()))
		out = append(out, Scenario{Name: strings.TrimSuffix(e.Name(), ".scn"), Src: src})
	}
	return out
}

// BuiltinNamed returns the built-in scenario called name.
func BuiltinNamed(name string) (Scenario, bool) {
	for _, s := range Builtin() {
		if s.Name == name {
			return s, true
		}
	}
	return Scenario{}, false
}

// learningOrder is the order `crashcourse scenarios` suggests: processes
// and signals first, then supervisors, from one restart to whole trees.
var learningOrder = []string{
	"tour", "links", "trap_exit", "exit_reasons", "monitors", "registry", "timers",
	"supervisors", "strategies", "restart_intensity", "shutdown", "start_failures",
	"nested", "dynamic", "significant", "calls", "extensions", "demo",
}

// Catalogue returns the built-in scenarios in a suggested learning order;
// any the order does not name come last, in name order.
func Catalogue() []Scenario {
	all := Builtin()
	out := make([]Scenario, 0, len(all))
	for _, name := range learningOrder {
		if s, ok := BuiltinNamed(name); ok {
			out = append(out, s)
		}
	}
	for _, s := range all {
		if !slices.Contains(learningOrder, s.Name) {
			out = append(out, s)
		}
	}
	return out
}

// factRef is a reference to otp-facts in a comment: "(fact 22)",
// "(facts 23, 24)", "(fact 21, 25)".
var factRef = regexp.MustCompile(`\s*\(facts? [0-9, ]+\)`)

// Description is the scenario's one-line description: the first sentence
// of its opening comment, without references to the fact sheet.
func (s Scenario) Description() string {
	var para Narration
	for _, line := range strings.Split(string(s.Src), "\n") {
		if _, ok := commentText(line); !ok || strings.TrimSpace(line) == "" && len(para.paras) > 0 {
			break
		}
		para.Add(line)
	}
	text := strings.Join(para.Take(), " ")
	text = strings.TrimSpace(factRef.ReplaceAllString(text, ""))
	if i := strings.Index(text, ". "); i >= 0 {
		text = text[:i+1]
	}
	return text
}
