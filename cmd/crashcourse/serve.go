package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"time"

	"github.com/crashcourse/crashcourse/workshop"
)

// serveCommand runs `crashcourse serve [--addr A] [--dir DIR]
// [--authorized-keys FILE] [--instructors FILE] [--idle D] [--max-sessions N]
// [--max-processes N] [--max-events N] [--max-trace N] [--max-heap-mb N]`,
// or, with --report FILE|-, writes the room's progress as CSV and exits.
func serveCommand(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var cfg workshop.Config
	fs.StringVar(&cfg.Addr, "addr", ":2222", "")
	fs.StringVar(&cfg.Dir, "dir", "crashcourse-room", "")
	fs.StringVar(&cfg.AuthorizedKeys, "authorized-keys", "", "")
	fs.StringVar(&cfg.Instructors, "instructors", "", "")
	fs.DurationVar(&cfg.IdleTimeout, "idle", 30*time.Minute, "")
	fs.IntVar(&cfg.MaxSessions, "max-sessions", 100, "")
	fs.IntVar(&cfg.MaxProcesses, "max-processes", 10_000, "")
	fs.IntVar(&cfg.MaxEvents, "max-events", 200_000, "")
	fs.IntVar(&cfg.MaxTrace, "max-trace", 100_000, "")
	maxHeap := fs.Uint64("max-heap-mb", 1024, "")
	report := fs.String("report", "", "")
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		if err == nil {
			err = fmt.Errorf("unexpected argument %q", fs.Arg(0))
		}
		fmt.Fprintf(stderr, "crashcourse serve: %v\n\n%s", err, usage)
		return exitUsage
	}
	if *report != "" {
		return serveReport(cfg.Dir, *report, stdout, stderr)
	}
	cfg.MaxHeapBytes = *maxHeap << 20
	_, cfg.NoColor = os.LookupEnv("NO_COLOR")
	cfg.Log = stderr
	srv, err := workshop.New(cfg)
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse serve: %v\n", err)
		return exitFailed
	}
	l, err := net.Listen("tcp", cfg.Addr)
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse serve: %v\n", err)
		return exitFailed
	}
	fmt.Fprint(stderr, srv.Banner(l.Addr()))
	ctx, stop := stopOnSignal()
	defer stop()
	if err := srv.Serve(ctx, l); err != nil {
		fmt.Fprintf(stderr, "crashcourse serve: %v\n", err)
		return exitFailed
	}
	fmt.Fprintln(stderr, "crashcourse serve: stopped; progress saved")
	return exitOK
}

// serveReport writes the room's progress in dir as CSV to file (- for
// stdout), atomically.
func serveReport(dir, file string, stdout, stderr io.Writer) int {
	var buf bytes.Buffer
	err := workshop.Report(dir, &buf)
	if err == nil && file == "-" {
		_, err = stdout.Write(buf.Bytes())
	} else if err == nil {
		err = writeNew(file, buf.Bytes(), true)
	}
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse serve --report: %v\n", err)
		return exitFailed
	}
	return exitOK
}
