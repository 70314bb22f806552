package scenarios

import (
	"fmt"
	"os"
	"path/filepath"
)

// StateDir is the directory where crashcourse keeps what it remembers of
// a user between runs (the lessons' progress, the command history):
// $XDG_STATE_HOME/crashcourse, or $HOME/.local/state/crashcourse when
// XDG_STATE_HOME is unset or not absolute (as the XDG base directory spec
// says). It is not created here.
func StateDir() (string, error) {
	dir := os.Getenv("XDG_STATE_HOME")
	if !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("no state directory: set XDG_STATE_HOME or HOME: %w", err)
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "crashcourse"), nil
}
