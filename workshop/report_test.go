package workshop

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDashboardExportsTheRoom: e on the dashboard writes the room as CSV
// in the server's directory, one row per learner; Report reads the same
// once the server stopped.
func TestDashboardExportsTheRoom(t *testing.T) {
	dir := t.TempDir()
	srv, lr, in := roomWithAFailedCheck(t, dir)
	in.send("e")
	in.waitText("the room's progress is in")
	files, _ := filepath.Glob(filepath.Join(dir, "room-*.csv"))
	if len(files) != 1 {
		t.Fatalf("exports: %v", files)
	}
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, data)
	in.close()
	lr.close()
	srv.stop()
	var b bytes.Buffer
	if err := Report(dir, &b); err != nil {
		t.Fatal(err)
	}
	checkReport(t, b.Bytes())
}

// checkReport checks a report of one learner, ada, with one failed check.
func checkReport(t *testing.T, data []byte) {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || strings.Join(rows[0], ",") != strings.Join(reportHeader, ",") {
		t.Fatalf("report:\n%s", data)
	}
	if rows[1][0] != "ada" || rows[1][2] != "1" || rows[1][4] != "0" || rows[1][5] != "1" {
		t.Errorf("ada's row: %v", rows[1])
	}
}

// TestReportWithoutARoom: a directory with no database is an error, and
// none is created.
func TestReportWithoutARoom(t *testing.T) {
	dir := t.TempDir()
	if err := Report(dir, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "no room's progress") {
		t.Fatalf("err %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, dbName)); err == nil {
		t.Error("Report created a database")
	}
}
