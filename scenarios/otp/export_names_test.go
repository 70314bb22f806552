package otp

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fileNames(files []File) []string {
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	return names
}

// Names that used to collide each get a module and a file of their own.
func TestExportModuleNamesAreUnique(t *testing.T) {
	src := []byte("sup a { worker x }\nsup a_sup { worker y }\nsup db { worker db_supervisor\n worker a1\n worker a_1 }\n")
	erl, err := ExportErlang("t.scn", src)
	require.NoError(t, err)
	assert.Equal(t, []string{"crashcourse_a_sup.erl", "crashcourse_x_server.erl", "crashcourse_a_sup_2.erl", "crashcourse_y_server.erl",
		"crashcourse_db_sup.erl", "crashcourse_db_supervisor_server.erl", "crashcourse_a1_server.erl", "crashcourse_a_1_server.erl"}, fileNames(erl))
	ex, err := ExportElixir("t.scn", src)
	require.NoError(t, err)
	assert.Equal(t, []string{"crashcourse/t/a_supervisor.ex", "crashcourse/t/x.ex", "crashcourse/t/a_sup_supervisor.ex", "crashcourse/t/y.ex",
		"crashcourse/t/db_supervisor.ex", "crashcourse/t/db_supervisor2.ex", "crashcourse/t/a1.ex", "crashcourse/t/a12.ex"}, fileNames(ex))
	assert.Contains(t, ex[4].Text, "Supervisor.child_spec({Crashcourse.T.DbSupervisor2, []}, id: :db_supervisor)")
}

// One worker behaviour is one module; the same name with other options is
// another.
func TestExportWorkerBehaviourIsOneModule(t *testing.T) {
	files, err := ExportErlang("t.scn", []byte("sup a { worker w count=2 }\nsup b { worker w2 }\nstart_child a worker w restart=temporary\nstart_child b worker w2 trap_exit\n"))
	require.NoError(t, err)
	assert.Equal(t, []string{"crashcourse_a_sup.erl", "crashcourse_w_server.erl", "crashcourse_b_sup.erl", "crashcourse_w2_server.erl", "crashcourse_w2_server_2.erl"}, fileNames(files))
}

// An Elixir alias part is ASCII, starts upper-case, and is clipped.
func TestCamelIsAnASCIIAlias(t *testing.T) {
	for in, want := range map[string]string{
		"db_pool": "DbPool", "9lives": "X9lives", "": "X", "é_x": "X", "a\nb#{c}": "ABC", "été": "T",
		strings.Repeat("ab_", 100): strings.Repeat("Ab", maxNamePart/2),
	} {
		assert.Equal(t, want, camel(in), in)
	}
}
