package scenarios

import (
	"embed"
	"io/fs"
	"path"
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
