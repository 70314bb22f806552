package scenarios

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// ReadFileLimited reads a regular file up to MaxFileBytes whole, and
// refuses a longer one, a directory and a device before reading them.
func TestReadFileLimited(t *testing.T) {
	dir := t.TempDir()
	limit := filepath.Join(dir, "limit.scn")
	require.NoError(t, os.WriteFile(limit, []byte("spawn a\n"), 0o600))
	require.NoError(t, os.Truncate(limit, MaxFileBytes)) // sparse: costs no disk
	big := filepath.Join(dir, "big.scn")
	require.NoError(t, os.WriteFile(big, nil, 0o600))
	require.NoError(t, os.Truncate(big, MaxFileBytes+1))
	data, err := ReadFileLimited(limit, false)
	require.NoError(t, err, "a file of exactly the limit is read")
	require.Len(t, data, MaxFileBytes)

	_, err = ReadFileLimited(big, true)
	require.ErrorIs(t, err, ErrFileTooBig)
	require.EqualError(t, err, `"`+big+`" is larger than 16 MiB, the limit for a scenario file`)
	_, err = ReadFileLimited(dir, true)
	require.EqualError(t, err, `"`+dir+`" is a directory, not a scenario file`)
	_, err = ReadFileLimited(os.DevNull, true)
	require.EqualError(t, err, `"`+os.DevNull+`" is not a regular file (a scenario file is read whole)`)
	none := filepath.Join(dir, "none.scn")
	_, err = ReadFileLimited(none, true)
	require.ErrorIs(t, err, os.ErrNotExist)
	require.EqualError(t, err, "open "+none+": no such file or directory")
}
