package workshop

import (
	"bytes"
	"fmt"
	"os"

	"charm.land/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// keyList is a file of public keys in authorized_keys format. It is read
// again at every check, so that an instructor can add a latecomer's key
// without restarting the room; an empty path lists no key.
type keyList string

// keys reads the file's keys. A line that does not parse is an error:
// a typo must not silently lock a learner out.
func (f keyList) keys() ([]ssh.PublicKey, error) {
	if f == "" {
		return nil, nil
	}
	data, err := os.ReadFile(string(f))
	if err != nil {
		return nil, err
	}
	var out []ssh.PublicKey
	for n, line := range bytes.Split(data, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		k, _, _, _, err := ssh.ParseAuthorizedKey(line)
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %v", f, n+1, err)
		}
		out = append(out, k)
	}
	return out, nil
}

// has reports whether k is listed; a file that cannot be read lists none.
func (f keyList) has(k ssh.PublicKey) bool {
	keys, err := f.keys()
	if err != nil || k == nil {
		return false
	}
	for _, l := range keys {
		if ssh.KeysEqual(k, l) {
			return true
		}
	}
	return false
}

// identity is who a session is: the fingerprint of its key, or, for a
// keyless login on an open server, "user:" and the name they gave.
func identity(s ssh.Session) string {
	if k := s.PublicKey(); k != nil {
		return gossh.FingerprintSHA256(k)
	}
	return "user:" + s.User()
}
