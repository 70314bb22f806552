package otp

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The hostile corpus: scenarios and file names crafted to run code when
// their export is compiled or started. Every payload writes the file named
// by $CC_CANARY; the tests compile and start every export and check that
// the file never appears.
const (
	exPayload  = `File.write!(System.get_env(~s(CC_CANARY)), [])`
	erlPayload = `file:write_file(os:getenv("CC_CANARY"), <<>>)`
)

// hostileSources are scenario sources, by file name; the file names are
// hostile too. Each hostile term R comes in two scenarios: one whose tree
// starts, with R in a comment and in a child added by a suggested
// start_child call (which evaluates R), and one whose tree fails to start
// as init/1 evaluates R.
func hostileSources() map[string]string {
	srcs := map[string]string{}
	reason := func(name, r string) {
		srcs[name+"_starts.scn"] = "sup top { worker w init=ok,error:" + r + " }\nstart_child top worker x init=error:" + r + "\n"
		srcs[name+"_fails.scn"] = "sup top { worker w init=crash:" + r + " }\n"
	}
	// An atom (old exAtom escaped only the quote) and a charlist that end
	// their literal and the function in Elixir, running code at compile
	// time, and interpolations that run when the supervisor starts.
	reason("h01_ex_atom", `'x\\"} end; `+exPayload+`; def z do #'`)
	reason("h02_ex_interp", `'#{`+exPayload+`}'`)
	reason("h03_ex_charlist", `"#{`+strings.ReplaceAll(exPayload, `"`, `\"`)+`}"`)
	reason("h04_erl_atom", `'a\'), `+erlPayload+`, (\''`)
	reason("h05_erl_string", `"a\"), `+strings.ReplaceAll(erlPayload, `"`, `\"`)+`, (\""`)
	unprintable := "'\u202e\u2028\u0085 \\e[31m \\n x'"
	reason("h06_unprintable", unprintable)
	reason("h07_terms", `{`+unprintable+`, "`+"\u202e"+`\n", [1.5, -2, <0.5.0>, #Ref<1>]}`)
	reason("h08_map_binary", `#{'#{`+exPayload+`}' => <<"#{`+strings.ReplaceAll(exPayload, `"`, `\"`)+`}">>, <<1,2>> => "x"}`)
	maps.Copy(srcs, map[string]string{
		// File names that end the head comment and add code: top-level code
		// runs when elixirc compiles, an on_load function when a module loads.
		"h09\n" + exPayload + "\n#.scn":                                 namesScenario("p"),
		"h10\n-on_load(cc/0).\ncc() -> " + erlPayload + ", ok.\n%%.scn": namesScenario("q"),
		"h11 \"quoted\" \\ back\u202eslash \u2028 line.scn":             namesScenario("r"),
		// Names that used to shadow OTP modules (gen_server.erl,
		// code_server.erl, user_sup.erl, standard_error_sup.erl) or collide
		// with each other (a_sup.erl twice; A1 and DbSupervisor twice in
		// Elixir).
		"h12_names.scn": `sup a { worker gen
  worker code
  worker file
  worker supervisor
  worker process trap_exit init_time=1ms terminate=1ms
  worker kernel
  worker gen_server
  worker lists
  worker erlang
  worker init
  worker application
  worker elixir
  worker string
  worker enum
  worker io
  worker logger }
sup a_sup { worker a1
  worker a_1 }
sup db { worker db_supervisor
  worker dbsupervisor }
sup user_sup { sup standard_error { worker cs count=2 } }
sup pool strategy=simple_one_for_one { sup pool_sup { worker conn } }
sup ` + strings.Repeat("long_", 50) + `name { worker ` + strings.Repeat("w", 250) + ` }
`,
	})
	return srcs
}

// namesScenario is a small tree whose names start with p, for the
// scenarios whose file name is the payload.
func namesScenario(p string) string {
	return "sup " + p + "top { worker " + p + "w init=ok,error:'" + p + "' }\nstart_child " + p + "top worker " + p + "x\n"
}

func hostileCases(t *testing.T, gen func(string, []byte) ([]File, error)) []exportCase {
	var cases []exportCase
	srcs := hostileSources()
	for _, name := range slices.Sorted(maps.Keys(srcs)) {
		cases = append(cases, newExportCase(t, gen, name, []byte(srcs[name])))
	}
	return cases
}

// canary points CC_CANARY at a file that must never be written, after
// proving that the payloads write it when run.
func canary(t *testing.T, lang string) string {
	dir := t.TempDir()
	control := filepath.Join(dir, "control")
	t.Setenv("CC_CANARY", control)
	var out []byte
	var err error
	if lang == "erlang" {
		out, err = runTool(t, "erl", "-noshell", "-eval", erlPayload+", halt().")
	} else {
		out, err = runTool(t, "elixir", "-e", exPayload)
	}
	require.NoError(t, err, "%s", out)
	require.FileExists(t, control, "the payload must work for the canary to prove anything")
	c := filepath.Join(dir, "canary")
	t.Setenv("CC_CANARY", c)
	return c
}

// The exports of the hostile corpus compile with erlc, start (the trees
// whose names used to collide or shadow start whole) and run nothing else.
func TestExportErlangIsInert(t *testing.T) {
	requireTool(t, "erl")
	c := canary(t, "erlang")
	assert.Empty(t, checkErlangExports(t, hostileCases(t, ExportErlang)))
	assert.NoFileExists(t, c, "an export ran code")
}

// The same for Elixir, compiled with elixirc and started with elixir.
func TestExportElixirIsInert(t *testing.T) {
	requireTool(t, "elixir")
	c := canary(t, "elixir")
	assert.Empty(t, checkElixirExports(t, hostileCases(t, ExportElixir)))
	assert.NoFileExists(t, c, "an export ran code")
}

// Every module an export writes carries the project's prefix, so none is
// a module of the OTP and Elixir installed here (computed from the
// runtime: every module of every OTP application, and of Elixir's).
func TestExportShadowsNoInstalledModule(t *testing.T) {
	requireTool(t, "erl")
	requireTool(t, "elixir")
	installed := map[string]bool{}
	out, err := runTool(t, "erl", "-noshell", "-eval",
		`[io:format("~s~n", [M]) || {M, _, _} <- code:all_available()], halt().`)
	require.NoError(t, err, "%s", out)
	ex, err := runTool(t, "elixir", "-e",
		`for app <- [:elixir, :eex, :ex_unit, :iex, :logger, :mix], Application.load(app) in [:ok, {:error, {:already_loaded, app}}], m <- Application.spec(app, :modules), do: IO.puts(m)`)
	require.NoError(t, err, "%s", ex)
	for _, m := range strings.Fields(string(out) + string(ex)) {
		installed[m] = true
	}
	require.True(t, installed["gen_server"] && installed["Elixir.Supervisor"], "the lists of installed modules look wrong")
	for _, gen := range []struct {
		lang   string
		export func(string, []byte) ([]File, error)
		atom   func(string) string
		prefix string
	}{
		{"erlang", ExportErlang, func(m string) string { return m }, erlPrefix},
		{"elixir", ExportElixir, func(m string) string { return "Elixir." + m }, exPrefix},
	} {
		cases := append(exportCases(t, gen.export), hostileCases(t, gen.export)...)
		for _, c := range cases {
			for _, f := range c.files {
				assert.True(t, strings.HasPrefix(f.Module, gen.prefix), "%s: %s", c.name, f.Module)
				assert.False(t, installed[gen.atom(f.Module)], "%s: %s shadows an installed module", c.name, f.Module)
			}
		}
	}
}
