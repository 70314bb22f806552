package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/scenarios/otp"
)

// verifyFlags are the flags of `crashcourse verify`.
type verifyFlags struct {
	seed  uint64
	scale float64
	keep  string
	jobs  int
	runs  int
	quiet bool
}

// verify checks scenarios against the real Erlang/OTP runtime. Exit status:
// 0 all points agree, 1 some differ or fail on both, 2 it cannot run (no erl on PATH, a
// scenario that does not parse or cannot be translated, a failed run).
func verify(args []string, stdout, stderr io.Writer) int {
	var f verifyFlags
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Uint64Var(&f.seed, "seed", 0, "")
	fs.Float64Var(&f.scale, "scale", 0, "")
	fs.StringVar(&f.keep, "keep", "", "")
	fs.IntVar(&f.jobs, "j", min(2, runtime.NumCPU()), "")
	fs.IntVar(&f.runs, "runs", 1, "")
	fs.BoolVar(&f.quiet, "q", false, "")
	files, err := parseFiles(fs, args)
	if err == nil && len(files) == 0 {
		err = errors.New("want at least one scenario file")
	}
	if err == nil && f.runs < 1 {
		err = errors.New("--runs takes a number of runs, at least 1")
	}
	if err == nil && f.keep != "" && len(files) > 1 {
		err = errors.New("--keep takes one scenario file")
	}
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse verify: %v\n\n%s", err, usage)
		return exitUsage
	}
	rt, err := otp.NewRuntime()
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse verify: %v\n", err)
		return exitUsage
	}
	defer rt.Close()
	outs := make([]strings.Builder, len(files))
	errs := make([]strings.Builder, len(files))
	codes := make([]int, len(files))
	sem := make(chan struct{}, max(1, f.jobs))
	var wg sync.WaitGroup
	for i, file := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			codes[i] = verifyOne(rt, file, f, &outs[i], &errs[i], len(files) > 1)
		}()
	}
	wg.Wait()
	status := exitOK
	for i := range files {
		fmt.Fprint(stdout, outs[i].String())
		fmt.Fprint(stderr, errs[i].String())
		status = max(status, codes[i])
	}
	return status
}

// verifyOne verifies one file and returns its exit status; its report goes
// to out, what keeps it from running to errOut.
func verifyOne(rt *otp.Runtime, file string, f verifyFlags, out, errOut io.Writer, many bool) int {
	src, err := readScenario(file)
	if err != nil {
		fmt.Fprintf(errOut, "crashcourse verify: %v\n", err)
		return exitUsage
	}
	if many {
		fmt.Fprintf(out, "== %s\n", file)
	}
	report := out
	if f.quiet {
		report = io.Discard
	}
	o := otp.Options{Seed: f.seed, Scale: f.scale, Keep: f.keep, Runs: f.runs}
	rep, err := otp.Verify(context.Background(), rt, file, src, o, report)
	var list scenarios.ErrorList
	var terr *otp.TranslateError
	switch {
	case errors.As(err, &list):
		fmt.Fprintln(errOut, list.Caret())
		return exitUsage
	case errors.As(err, &terr):
		fmt.Fprintln(errOut, "crashcourse verify: "+file+" cannot run on the real runtime:")
		fmt.Fprintln(errOut, terr.Errs.Caret())
		return exitUsage
	case err != nil:
		fmt.Fprintf(errOut, "crashcourse verify: %s: %v\n", file, err)
		return exitUsage
	}
	if f.quiet {
		for _, p := range rep.Points {
			if p.Verdict != otp.Agree {
				fmt.Fprintln(out, p.String())
			}
		}
		fmt.Fprintln(out, rep.Summary())
	}
	if rep.Failed() {
		return exitFailed
	}
	return exitOK
}

// parseFiles accepts files and flags in any order; a directory stands for
// the *.scn files in it.
func parseFiles(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			break
		}
		arg := fs.Arg(0)
		if st, err := os.Stat(arg); err == nil && st.IsDir() {
			matches, _ := filepath.Glob(filepath.Join(arg, "*.scn"))
			files = append(files, matches...)
		} else {
			files = append(files, arg)
		}
		args = fs.Args()[1:]
	}
	return files, nil
}
