package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/crashcourse/crashcourse/scenarios/otp"
)

// export prints a scenario's supervision trees as Erlang or Elixir code,
// or writes the files to a directory with -o.
func export(args []string, stdout, stderr io.Writer) int {
	var erlang, elixir bool
	var dir string
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&erlang, "erlang", false, "")
	fs.BoolVar(&elixir, "elixir", false, "")
	fs.StringVar(&dir, "o", "", "")
	files, err := parseFiles(fs, args)
	switch {
	case err != nil:
	case len(files) != 1:
		err = fmt.Errorf("want exactly one scenario file, got %d", len(files))
	case erlang == elixir:
		err = errors.New("want one of --erlang and --elixir")
	}
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse export: %v\n\n%s", err, usage)
		return exitUsage
	}
	src, err := readScenario(files[0])
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse export: %v\n", err)
		return exitUsage
	}
	gen := otp.ExportErlang
	if elixir {
		gen = otp.ExportElixir
	}
	out, err := gen(files[0], src)
	if err != nil {
		return failure(stderr, "crashcourse export", err)
	}
	if dir != "" {
		for _, f := range out {
			path := filepath.Join(dir, filepath.FromSlash(f.Name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				fmt.Fprintf(stderr, "crashcourse export: %v\n", err)
				return exitUsage
			}
			if err := os.WriteFile(path, []byte(f.Text), 0o644); err != nil {
				fmt.Fprintf(stderr, "crashcourse export: %v\n", err)
				return exitUsage
			}
			fmt.Fprintln(stdout, path)
		}
		return exitOK
	}
	comment := "%%"
	if elixir {
		comment = "#"
	}
	for i, f := range out {
		if i > 0 {
			fmt.Fprintln(stdout)
		}
		fmt.Fprintf(stdout, "%s ---- %s ----\n%s", comment, f.Name, f.Text)
	}
	return exitOK
}
