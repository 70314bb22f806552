package otp

import (
	"os"
	"os/exec"
	"sync"
	"testing"
)

// The tests that need the real runtime share one Runtime. Without erl on
// PATH they skip with a message saying how to get it, except under CI
// (CI=true), where a skip would hide that nothing was checked: there they
// fail.
var (
	rtOnce sync.Once
	rtErr  error
	shared *Runtime
)

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		shared.Close()
	}
	os.Exit(code)
}

func requireErlang(t *testing.T) *Runtime {
	t.Helper()
	if _, err := exec.LookPath("erl"); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("erl is not on PATH and CI=true: this check must run in CI. %s", InstallHint)
		}
		t.Skip("skipped: erl is not on PATH. " + InstallHint)
	}
	rtOnce.Do(func() { shared, rtErr = NewRuntime() })
	if rtErr != nil {
		t.Fatal(rtErr)
	}
	return shared
}
