package otp

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
)

// exportSources are the scenarios whose trees the export tests compile:
// every built-in one, the conformance corpus and testdata/export_*.scn.
func exportSources(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, s := range scenarios.Builtin() {
		out["builtin:"+s.Name] = s.Src
	}
	files, err := filepath.Glob(filepath.Join("..", "conformance", "*.scn"))
	require.NoError(t, err)
	more, err := filepath.Glob(filepath.Join("testdata", "export_*.scn"))
	require.NoError(t, err)
	files = append(files, more...)
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		out[f] = src
	}
	return out
}

// Every built-in scenario and every conformance scenario exports to Erlang
// modules that erlc compiles without a warning; each tree starts on a real
// node (unless a child fails its first start, as in the scenario), and each
// start_child call its comments suggest works on it.
func TestExportErlangRuns(t *testing.T) {
	assert.Empty(t, checkErlangExports(t, exportCases(t, ExportErlang)))
}

// The same for Elixir, with elixirc and elixir.
func TestExportElixirRuns(t *testing.T) {
	assert.Empty(t, checkElixirExports(t, exportCases(t, ExportElixir)))
}

// exportCases are the exports of exportSources that have a supervisor.
func exportCases(t *testing.T, gen func(string, []byte) ([]File, error)) []exportCase {
	srcs := exportSources(t)
	var cases []exportCase
	for _, name := range slices.Sorted(maps.Keys(srcs)) {
		if _, err := gen(name, srcs[name]); err != nil {
			assert.Contains(t, err.Error(), "has no supervisor to export", name)
			continue
		}
		cases = append(cases, newExportCase(t, gen, name, srcs[name]))
	}
	return cases
}

// The exported tour tree starts on the real runtime with the scenario's
// children.
func TestExportedErlangRuns(t *testing.T) {
	requireErlang(t)
	s, _ := scenarios.BuiltinNamed("nested")
	files, err := ExportErlang("nested.scn", s.Src)
	require.NoError(t, err)
	dir := t.TempDir()
	args := []string{"-o", dir}
	for _, f := range files {
		p := filepath.Join(dir, f.Name)
		require.NoError(t, os.WriteFile(p, []byte(f.Text), 0o644))
		args = append(args, p)
	}
	out, err := runTool(t, "erlc", args...)
	require.NoError(t, err, string(out))
	out, err = runTool(t, "erl", "-noshell", "-pa", dir, "-eval",
		`{ok, _} = crashcourse_top_sup:start_link(), io:format("~w~n", [supervisor:count_children(crashcourse_top_sup)]), halt().`)
	require.NoError(t, err, string(out))
	assert.Equal(t, "[{specs,3},{active,3},{supervisors,1},{workers,2}]", strings.TrimSpace(string(out)))
}

func TestExportErlangSpecs(t *testing.T) {
	files, err := ExportErlang("x.scn", []byte(`sup top strategy=one_for_all intensity=3 period=10 auto_shutdown=any_significant {
  worker db trap_exit terminate=200ms init=ok,error:down register=db_srv
  worker job restart=transient significant shutdown=brutal_kill
  sup inner restart=transient shutdown=2000 { worker c count=2 }
}
start_child top worker extra restart=temporary
`))
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	assert.Equal(t, []string{"crashcourse_top_sup.erl", "crashcourse_db_server.erl", "crashcourse_job_server.erl", "crashcourse_inner_sup.erl", "crashcourse_c_server.erl", "crashcourse_extra_server.erl"}, names)
	top := files[0].Text
	assert.Contains(t, top, "SupFlags = #{strategy => one_for_all, intensity => 3, period => 10, auto_shutdown => any_significant}")
	assert.Contains(t, top, "#{id => job, start => {crashcourse_job_server, start_link, []}, restart => transient, shutdown => brutal_kill, type => worker, significant => true, modules => [crashcourse_job_server]}")
	assert.Contains(t, top, "#{id => inner, start => {crashcourse_inner_sup, start_link, []}, restart => transient, shutdown => 2000, type => supervisor, modules => [crashcourse_inner_sup]}")
	assert.Contains(t, top, "%%   supervisor:start_child(crashcourse_top_sup, #{id => extra")
	db := files[1].Text
	assert.Contains(t, db, "gen_server:start_link({local, db_srv}, ?MODULE, [], [])")
	assert.Contains(t, db, "process_flag(trap_exit, true)")
	assert.Contains(t, db, "timer:sleep(200)")
	assert.Contains(t, db, "{ok, #{}}, {stop, down} (the last repeating)")
	assert.Contains(t, files[3].Text, "#{id => c_2, start => {crashcourse_c_server, start_link, []}")
}

func TestExportElixir(t *testing.T) {
	files, err := ExportElixir("db_pool.scn", []byte(`sup top strategy=rest_for_one intensity=3 period=10 {
  worker db trap_exit terminate=200ms
  worker job restart=transient significant shutdown=brutal_kill
}
sup pool strategy=simple_one_for_one { worker conn }
`))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	top := files[0]
	assert.Equal(t, "crashcourse/db_pool/top_supervisor.ex", top.Name)
	assert.Contains(t, top.Text, "defmodule Crashcourse.DbPool.TopSupervisor do\n  use Supervisor")
	assert.Contains(t, top.Text, "Map.put(Supervisor.child_spec({Crashcourse.DbPool.Job, []}, id: :job, restart: :transient, shutdown: :brutal_kill), :significant, true)")
	assert.Contains(t, top.Text, "Supervisor.init(children, strategy: :rest_for_one, max_restarts: 3, max_seconds: 10)")
	var pool File
	for _, f := range files {
		if f.Name == "crashcourse/db_pool/pool_supervisor.ex" {
			pool = f
		}
	}
	assert.Contains(t, pool.Text, "use DynamicSupervisor")
	assert.Contains(t, pool.Text, "DynamicSupervisor.init(strategy: :one_for_one, max_restarts: 1, max_seconds: 5)")
}

func TestExportNeedsASupervisor(t *testing.T) {
	_, err := ExportErlang("x.scn", []byte("spawn a\n"))
	assert.ErrorContains(t, err, "no supervisor to export")
}

// The start_child calls a comment suggests reach a nested supervisor
// through its parents (only the top one is registered), name each child
// once, and make way for an id the supervisor already has.
// (TestExportErlangRuns and TestExportElixirRuns run them:
// testdata/export_hints.scn.)
func TestExportSuggestsCalls(t *testing.T) {
	src := []byte(`sup top { sup mid { sup inner { worker a } } }
sup pool strategy=simple_one_for_one { sup each { worker c } }
start_child inner worker b
start_child inner worker b
start_child inner worker a restart=temporary
start_child each worker d
`)
	erl, err := ExportErlang("t.scn", src)
	require.NoError(t, err)
	assert.Contains(t, erl[2].Text, `%% The scenario adds children to inner at run time. On the running tree (paste into a shell):
%%   {_, S1, _, _} = lists:keyfind(mid, 1, supervisor:which_children(crashcourse_top_sup)),
%%   {_, S2, _, _} = lists:keyfind(inner, 1, supervisor:which_children(S1)),
%%   supervisor:start_child(S2, #{id => b, start => {crashcourse_b_server, start_link, []}, restart => permanent, shutdown => 5000, type => worker, modules => [crashcourse_b_server]}),
%%   supervisor:terminate_child(S2, a), supervisor:delete_child(S2, a),
%%   supervisor:start_child(S2, #{id => a, start => {crashcourse_a_server, start_link, []}, restart => temporary, shutdown => 5000, type => worker, modules => [crashcourse_a_server]}).
`)
	assert.Contains(t, erl[5].Text, `%% pool starts its children on demand. On the running tree (paste into a shell):
%%   supervisor:start_child(crashcourse_pool_sup, []).
`)
	assert.Contains(t, erl[6].Text, `%% The scenario adds children to each at run time. each runs under a simple_one_for_one supervisor, so each of its
%% instances has its own pid, to pass as SUP in:
%%   supervisor:start_child(SUP, #{id => d,`)
	ex, err := ExportElixir("t.scn", src)
	require.NoError(t, err)
	assert.Contains(t, ex[2].Text, `  # The scenario adds children to inner at run time. On the running tree (paste into a shell):
  #   {_, s1, _, _} = List.keyfind(Supervisor.which_children(Crashcourse.T.TopSupervisor), :mid, 0)
  #   {_, s2, _, _} = List.keyfind(Supervisor.which_children(s1), :inner, 0)
  #   Supervisor.start_child(s2, Supervisor.child_spec({Crashcourse.T.B, []}, id: :b))
  #   Supervisor.terminate_child(s2, :a); Supervisor.delete_child(s2, :a)
  #   Supervisor.start_child(s2, Supervisor.child_spec({Crashcourse.T.A, []}, id: :a, restart: :temporary))
`)
}
