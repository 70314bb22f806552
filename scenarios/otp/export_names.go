package otp

import (
	"strconv"
	"unicode"

	"github.com/crashcourse/crashcourse/scenarios"
)

// Module names of an export. Two rules keep them apart from every other
// module and from each other:
//
//   - Every module carries the project's prefix: Erlang modules start with
//     crashcourse_ (crashcourse_app_sup, crashcourse_db_server) and Elixir
//     modules with Crashcourse. (Crashcourse.Tour.AppSupervisor). No module
//     of OTP or Elixir starts so, so a worker named gen, code or file cannot
//     shadow one (it used to export as gen_server.erl).
//   - A name given out once is not given again: a module whose name, or
//     whose file name, is taken gets the first free suffix 2, 3, … (sup a
//     and sup a_sup: crashcourse_a_sup and crashcourse_a_sup_2). The same
//     worker behaviour (a name with the same options) is one module.
//
// Names are clipped so that a module name stays an atom (255 characters)
// and a file name fits a file system (255 bytes); the registry keeps the
// clipped names unique too.
const (
	erlPrefix = scenarios.ErlangModulePrefix
	exPrefix  = "Crashcourse."
	// maxNamePart is how much of a scenario name enters a module name:
	// room for the prefix, a suffix and a number, and, in Elixir, for the
	// namespace and the underscores snake adds to the file name.
	maxNamePart = scenarios.MaxModuleNamePart
)

// moduleNames gives out module names, each once with its file.
type moduleNames struct {
	taken map[string]bool
	file  func(mod string) string // the file a module is written to
	sep   string                  // between a name and its number
}

func newModuleNames(file func(string) string, sep string) *moduleNames {
	return &moduleNames{taken: map[string]bool{}, file: file, sep: sep}
}

// unique takes and returns base, or base numbered with the first number
// from 2 that leaves both the module and its file unused.
func (n *moduleNames) unique(base string) string {
	mod := base
	for i := 2; n.taken[mod] || n.taken[n.file(mod)]; i++ {
		mod = base + n.sep + strconv.Itoa(i)
	}
	n.taken[mod], n.taken[n.file(mod)] = true, true
	return mod
}

// clip shortens a scenario name (ASCII, as the language spells names) to
// maxNamePart bytes.
func clip(name string) string { return scenarios.ClipName(name) }

// camel turns a name into an Elixir alias part, which must be ASCII and
// start with an upper-case letter: db_pool → DbPool, 9lives → X9lives.
// Anything but ASCII letters and digits separates words.
func camel(s string) string {
	var b []byte
	up := true
	for _, r := range s {
		switch {
		case r >= unicode.MaxASCII || !isASCIILetter(r) && !unicode.IsDigit(r):
			up = true
		case up:
			b = append(b, byte(unicode.ToUpper(r)))
			up = false
		default:
			b = append(b, byte(r))
		}
	}
	if len(b) == 0 || !unicode.IsUpper(rune(b[0])) {
		b = append([]byte{'X'}, b...)
	}
	return clip(string(b))
}

func isASCIILetter(r rune) bool { return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' }

// snake turns an Elixir module name into its file name: Tour.AppSupervisor
// → tour/app_supervisor.
func snake(mod string) string {
	var b []byte
	for i := 0; i < len(mod); i++ {
		switch c := mod[i]; {
		case c == '.':
			b = append(b, '/')
		case 'A' <= c && c <= 'Z':
			if i > 0 && mod[i-1] != '.' {
				b = append(b, '_')
			}
			b = append(b, c+'a'-'A')
		default:
			b = append(b, c)
		}
	}
	return string(b)
}
