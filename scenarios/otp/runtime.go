package otp

import (
	"bufio"
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

//go:embed erl/*.erl
var erlFS embed.FS

// InstallHint says how to get the real runtime.
const InstallHint = "crashcourse verify runs scenarios on the real Erlang/OTP runtime: install it with `apt-get install -y erlang-nox` (erl and erlc must be on PATH)"

// ErrNoErlang is returned when erl or erlc is not on PATH.
var ErrNoErlang = errors.New("erl and erlc are not on PATH; " + InstallHint)

// Runtime is the real Erlang/OTP runtime with crashcourse's support modules
// (cc_driver, cc_worker, cc_sup) compiled into a temporary directory. It
// may run several scenarios at once. Close removes the directory.
type Runtime struct {
	erl string
	dir string
}

// NewRuntime finds erl and erlc on PATH and compiles the support modules.
func NewRuntime() (*Runtime, error) {
	erl, err1 := exec.LookPath("erl")
	erlc, err2 := exec.LookPath("erlc")
	if err1 != nil || err2 != nil {
		return nil, ErrNoErlang
	}
	dir, err := os.MkdirTemp("", "crashcourse-otp-")
	if err != nil {
		return nil, err
	}
	rt := &Runtime{erl: erl, dir: dir}
	entries, _ := erlFS.ReadDir("erl")
	args := []string{"-o", dir}
	for _, e := range entries {
		src, _ := erlFS.ReadFile("erl/" + e.Name())
		path := filepath.Join(dir, e.Name())
		if err := os.WriteFile(path, src, 0o644); err != nil {
			rt.Close()
			return nil, err
		}
		args = append(args, path)
	}
	if out, err := exec.Command(erlc, args...).CombinedOutput(); err != nil {
		rt.Close()
		return nil, fmt.Errorf("compiling the support modules with erlc: %v\n%s", err, out)
	}
	return rt, nil
}

// Close removes the compiled modules.
func (rt *Runtime) Close() error { return os.RemoveAll(rt.dir) }

// run runs a translated scenario (the text of its terms file) and hands
// each line of the driver's output to line as the driver writes it. The
// driver writes to a pipe (its file descriptor 3) and watches its standard
// input, which run holds open: the node halts if crashcourse goes away
// without stopping it, and it is killed when ctx ends.
func (rt *Runtime) run(ctx context.Context, program string, keep string, line func(string) error) error {
	work, err := os.MkdirTemp(rt.dir, "run-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(work)
	in := filepath.Join(work, "scenario.terms")
	if err := os.WriteFile(in, []byte(program), 0o644); err != nil {
		return err
	}
	pr, pw, err := os.Pipe()
	if err != nil {
		return err
	}
	defer pr.Close()
	// No busy waiting of idle schedulers: several scenarios may run at once.
	cmd := exec.CommandContext(ctx, rt.erl, "-noshell", "+sbwt", "none", "+sbwtdcpu", "none", "+sbwtdio", "none",
		"-pa", rt.dir, "-run", "cc_driver", "main", in, "/dev/fd/3", "watch")
	cmd.Dir = work
	cmd.ExtraFiles = []*os.File{pw}
	cmd.WaitDelay = time.Second
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		pw.Close()
		return err
	}
	defer stdin.Close()
	err = cmd.Start()
	pw.Close()
	if err != nil {
		return err
	}
	var observed bytes.Buffer // kept only for keep
	tee := io.Discard
	if keep != "" {
		tee = &observed
	}
	lines, readErr := readLines(pr, tee, line)
	if readErr != nil {
		cmd.Process.Kill()
	}
	runErr := cmd.Wait()
	if keep != "" {
		if err := keepFiles(keep, program, observed.Bytes()); err != nil {
			return err
		}
	}
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("the real runtime did not finish: %v", context.Cause(ctx))
	case readErr != nil:
		return readErr
	case lines == 0:
		return fmt.Errorf("the real runtime wrote nothing (%v): %s", runErr, strings.TrimSpace(stderr.String()))
	case runErr != nil:
		return fmt.Errorf("the driver failed (%v): %s", runErr, strings.TrimSpace(stderr.String()))
	}
	return nil
}

// readLines hands each line of r to line, copies it to tee, and returns
// how many lines it read.
func readLines(r io.Reader, tee io.Writer, line func(string) error) (int, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	n := 0
	for sc.Scan() {
		n++
		tee.Write(sc.Bytes())
		tee.Write([]byte{'\n'})
		if err := line(sc.Text()); err != nil {
			return n, err
		}
	}
	return n, sc.Err()
}

// keepFiles saves the translated program, the support modules and what the
// driver observed, so the run can be inspected and repeated with
// erl -noshell -pa DIR -run cc_driver main scenario.terms observed.terms.
func keepFiles(dir, program string, observed []byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "scenario.terms"), []byte(program), 0o644); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "observed.terms"), observed, 0o644); err != nil {
		return err
	}
	entries, _ := erlFS.ReadDir("erl")
	for _, e := range entries {
		src, _ := erlFS.ReadFile("erl/" + e.Name())
		if err := os.WriteFile(filepath.Join(dir, e.Name()), src, 0o644); err != nil {
			return err
		}
	}
	return nil
}
