package otp

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/crashcourse/crashcourse/scenarios"
)

// exportSources are the scenarios whose trees the export tests compile:
// every built-in one and the conformance corpus.
func exportSources(t *testing.T) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, s := range scenarios.Builtin() {
		out["builtin:"+s.Name] = s.Src
	}
	files, err := filepath.Glob(filepath.Join("..", "conformance", "*.scn"))
	require.NoError(t, err)
	for _, f := range files {
		src, err := os.ReadFile(f)
		require.NoError(t, err)
		out[f] = src
	}
	return out
}

func TestExportErlangCompiles(t *testing.T) {
	requireErlang(t)
	erlc, err := exec.LookPath("erlc")
	require.NoError(t, err)
	for name, src := range exportSources(t) {
		files, err := ExportErlang(name, src)
		if err != nil {
			assert.Contains(t, err.Error(), "has no supervisor to export", name)
			continue
		}
		dir := t.TempDir()
		args := []string{"+warnings_as_errors", "-o", dir}
		for _, f := range files {
			p := filepath.Join(dir, f.Name)
			require.NoError(t, os.WriteFile(p, []byte(f.Text), 0o644))
			args = append(args, p)
		}
		out, err := exec.Command(erlc, args...).CombinedOutput()
		assert.NoError(t, err, "%s: erlc: %s", name, out)
	}
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
	out, err := exec.Command("erlc", args...).CombinedOutput()
	require.NoError(t, err, string(out))
	out, err = exec.Command("erl", "-noshell", "-pa", dir, "-eval",
		`{ok, _} = top_sup:start_link(), io:format("~w~n", [supervisor:count_children(top_sup)]), halt().`).CombinedOutput()
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
	assert.Equal(t, []string{"top_sup.erl", "db_server.erl", "job_server.erl", "inner_sup.erl", "c_server.erl", "extra_server.erl"}, names)
	top := files[0].Text
	assert.Contains(t, top, "SupFlags = #{strategy => one_for_all, intensity => 3, period => 10, auto_shutdown => any_significant}")
	assert.Contains(t, top, "#{id => job, start => {job_server, start_link, []}, restart => transient, shutdown => brutal_kill, type => worker, significant => true, modules => [job_server]}")
	assert.Contains(t, top, "#{id => inner, start => {inner_sup, start_link, []}, restart => transient, shutdown => 2000, type => supervisor, modules => [inner_sup]}")
	assert.Contains(t, top, "%%   supervisor:start_child(top_sup, #{id => extra")
	db := files[1].Text
	assert.Contains(t, db, "gen_server:start_link({local, db_srv}, ?MODULE, [], [])")
	assert.Contains(t, db, "process_flag(trap_exit, true)")
	assert.Contains(t, db, "timer:sleep(200)")
	assert.Contains(t, db, "{ok, #{}}, {stop, down} (the last repeating)")
	assert.Contains(t, files[3].Text, "#{id => c_2, start => {c_server, start_link, []}")
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
	assert.Equal(t, "db_pool/top_supervisor.ex", snake("DbPool.TopSupervisor")+".ex")
	assert.Equal(t, "db_pool/top_supervisor.ex", top.Name)
	assert.Contains(t, top.Text, "defmodule DbPool.TopSupervisor do\n  use Supervisor")
	assert.Contains(t, top.Text, "Supervisor.child_spec({DbPool.Job, []}, id: :job, restart: :transient, shutdown: :brutal_kill, significant: true)")
	assert.Contains(t, top.Text, "Supervisor.init(children, strategy: :rest_for_one, max_restarts: 3, max_seconds: 10)")
	var pool File
	for _, f := range files {
		if f.Name == "db_pool/pool_supervisor.ex" {
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
