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
	"sync"
	"time"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/scenarios/otp"
)

// verifyFlags are the flags of `crashcourse verify`.
type verifyFlags struct {
	seed    uint64
	scale   float64
	maxReal time.Duration
	keep    string
	jobs    int
	runs    int
	quiet   bool
}

// verify checks scenarios against the real Erlang/OTP runtime, writing each
// file's report as it comes, files in the order given. Exit status: 0 all
// points agree, 1 some differ or fail on both, 2 it cannot run (no erl on
// PATH, a scenario that does not parse, cannot be translated or needs more
// real time than --max-real, a failed run), 128+N when signal N (SIGINT,
// SIGTERM) stopped it: the real runtime and the temporary files are gone
// then too.
func verify(args []string, stdout, stderr io.Writer) int {
	var f verifyFlags
	fs := flag.NewFlagSet("verify", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Uint64Var(&f.seed, "seed", 0, "")
	fs.Float64Var(&f.scale, "scale", 0, "")
	fs.DurationVar(&f.maxReal, "max-real", otp.DefaultMaxReal, "")
	fs.StringVar(&f.keep, "keep", "", "")
	fs.IntVar(&f.jobs, "j", min(2, runtime.NumCPU()), "")
	fs.IntVar(&f.runs, "runs", 1, "")
	fs.BoolVar(&f.quiet, "q", false, "")
	files, err := parseFiles(fs, args)
	switch {
	case err == nil && len(files) == 0:
		err = errors.New("want at least one scenario file")
	case err == nil && f.runs < 1:
		err = errors.New("--runs takes a number of runs, at least 1")
	case err == nil && f.keep != "" && len(files) > 1:
		err = errors.New("--keep takes one scenario file")
	case err == nil && f.maxReal <= 0:
		err = errors.New("--max-real wants a positive duration, such as 2m or 1h")
	}
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse verify: %s\n\n%s", scenarios.ErrorText(err), usage)
		return exitUsage
	}
	ctx, stop := stopOnSignal()
	defer stop()
	rt, err := otp.NewRuntime()
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse verify: %s\n", scenarios.ErrorText(err))
		return exitUsage
	}
	defer rt.Close()
	outs, errs := newInOrder(stdout, len(files)), newInOrder(stderr, len(files))
	codes := make([]int, len(files))
	sem := make(chan struct{}, max(1, f.jobs))
	var wg sync.WaitGroup
	for i, file := range files {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			codes[i] = verifyOne(ctx, rt, file, f, outs.part(i), errs.part(i), len(files) > 1)
			outs.finish(i)
			errs.finish(i)
		}()
	}
	wg.Wait()
	if sig, ok := context.Cause(ctx).(signalled); ok {
		fmt.Fprintf(stderr, "crashcourse verify: stopped by %v; the real runtime was stopped\n", sig.sig)
		return 128 + sig.number()
	}
	status := exitOK
	for _, c := range codes {
		status = max(status, c)
	}
	return status
}

// verifyOne verifies one file and returns its exit status; its report goes
// to out, what keeps it from running to errOut.
func verifyOne(ctx context.Context, rt *otp.Runtime, file string, f verifyFlags, out, errOut io.Writer, many bool) int {
	if ctx.Err() != nil {
		return exitUsage
	}
	src, err := readScenario(file)
	if err != nil {
		fmt.Fprintf(errOut, "crashcourse verify: %s\n", scenarios.ErrorText(err))
		return exitUsage
	}
	if many {
		fmt.Fprintf(out, "== %s\n", scenarios.FileName(file))
	}
	o := otp.Options{Seed: f.seed, Scale: f.scale, MaxReal: f.maxReal, Keep: f.keep, Runs: f.runs, Quiet: f.quiet}
	rep, err := otp.Verify(ctx, rt, file, src, o, out)
	var list scenarios.ErrorList
	var terr *otp.TranslateError
	switch {
	case ctx.Err() != nil:
		return exitUsage
	case errors.As(err, &list):
		fmt.Fprintln(errOut, list.Caret())
		return exitUsage
	case errors.As(err, &terr):
		fmt.Fprintln(errOut, "crashcourse verify: "+scenarios.FileName(file)+" cannot run on the real runtime:")
		fmt.Fprintln(errOut, terr.Errs.Caret())
		return exitUsage
	case err != nil:
		fmt.Fprintf(errOut, "crashcourse verify: %s: %s\n", scenarios.FileName(file), scenarios.ErrorText(err))
		return exitUsage
	}
	if rep.Failed() {
		return exitFailed
	}
	return exitOK
}

// parseFiles accepts files and flags in any order; a directory stands for
// the *.scn files in it.
func parseFiles(fs *flag.FlagSet, args []string) ([]string, error) {
	args, err := parseInterleaved(fs, args)
	if err != nil {
		return nil, err
	}
	var files []string
	for _, arg := range args {
		if st, err := os.Stat(arg); err == nil && st.IsDir() {
			matches, _ := filepath.Glob(filepath.Join(arg, "*.scn"))
			files = append(files, matches...)
		} else {
			files = append(files, arg)
		}
	}
	return files, nil
}

// parseInterleaved parses flags and positional arguments in any order and
// returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
