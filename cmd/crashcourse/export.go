package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/crashcourse/crashcourse/scenarios"
	"github.com/crashcourse/crashcourse/scenarios/otp"
	"github.com/crashcourse/crashcourse/scenarios/picture"
)

// exportFlags are the flags of `crashcourse export`.
type exportFlags struct {
	erlang, elixir, dot, mermaid, force bool
	dir                                 string
	seed                                uint64 // the pictures' run, as run --seed
	seedSet                             bool
}

// formats counts the output formats asked for.
func (f exportFlags) formats() int {
	n := 0
	for _, on := range []bool{f.erlang, f.elixir, f.dot, f.mermaid} {
		if on {
			n++
		}
	}
	return n
}

// export prints a scenario's supervision trees as Erlang or Elixir code,
// each file opened by its marker line (see marker), or its pictures (a
// Graphviz graph, a Mermaid diagram: see package picture), or writes the
// files to a directory with -o: never over a file that exists unless
// --force, each file atomically.
func export(args []string, stdout, stderr io.Writer) int {
	var f exportFlags
	fset := flag.NewFlagSet("export", flag.ContinueOnError)
	fset.SetOutput(io.Discard)
	fset.BoolVar(&f.erlang, "erlang", false, "")
	fset.BoolVar(&f.elixir, "elixir", false, "")
	fset.BoolVar(&f.dot, "dot", false, "")
	fset.BoolVar(&f.mermaid, "mermaid", false, "")
	fset.StringVar(&f.dir, "o", "", "")
	fset.BoolVar(&f.force, "force", false, "")
	fset.Uint64Var(&f.seed, "seed", 0, "")
	files, err := parseFiles(fset, args)
	fset.Visit(func(fl *flag.Flag) { f.seedSet = f.seedSet || fl.Name == "seed" })
	switch {
	case err != nil:
	case len(files) != 1:
		err = fmt.Errorf("want exactly one scenario file, got %d", len(files))
	case f.formats() != 1:
		err = errors.New("want one of --erlang, --elixir, --dot and --mermaid")
	case f.force && f.dir == "":
		err = errors.New("--force goes with -o DIR")
	case f.seedSet && !f.dot && !f.mermaid:
		err = errors.New("--seed goes with --dot or --mermaid (the code export runs nothing)")
	}
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse export: %s\n\n%s", scenarios.ErrorText(err), usage)
		return exitUsage
	}
	src, err := readScenario(files[0])
	if err != nil {
		fmt.Fprintf(stderr, "crashcourse export: %s\n", scenarios.ErrorText(err))
		return exitUsage
	}
	out, err := exportFiles(f, files[0], src)
	if err != nil {
		return failure(stderr, "crashcourse export", err)
	}
	if f.dir != "" {
		return writeExport(f, out, stdout, stderr)
	}
	if f.dot || f.mermaid {
		fmt.Fprint(stdout, out[0].Text)
		return exitOK
	}
	for _, file := range out {
		fmt.Fprintf(stdout, "%s\n%s", marker(f.elixir, file.Name), file.Text)
	}
	return exitOK
}

// exportFiles are the files of the export f asks for: the modules of the
// code, or one picture named after the scenario (see pictureName).
func exportFiles(f exportFlags, file string, src []byte) ([]otp.File, error) {
	var draw func(string, []byte, uint64) (string, error)
	ext := ".dot"
	switch {
	case f.erlang:
		return otp.ExportErlang(file, src)
	case f.elixir:
		return otp.ExportElixir(file, src)
	case f.dot:
		draw = picture.DOT
	default:
		draw, ext = picture.Mermaid, ".mmd"
	}
	text, err := draw(file, src, f.seed)
	if err != nil {
		return nil, err
	}
	return []otp.File{{Name: pictureName(file) + ext, Text: text}}, nil
}

// pictureName is the base name of a picture's file: the scenario's file
// name without its directory, builtin: prefix and .scn, every character
// but letters, digits, - and _ made _, so that no name leaves the -o
// directory or hides; "scenario" when nothing is left.
func pictureName(file string) string {
	stem := strings.TrimSuffix(filepath.Base(strings.TrimPrefix(file, "builtin:")), ".scn")
	stem = strings.Map(func(r rune) rune {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return r
		}
		return '_'
	}, stem)
	if strings.Trim(stem, "_") == "" {
		return "scenario"
	}
	return stem
}

// marker is the line that opens each file when export prints to stdout,
// so that a script can split the output: "%% ==> NAME <==" for Erlang,
// "# ==> NAME <==" for Elixir, NAME the file's path as -o writes it. No
// line of an exported file looks like one.
func marker(elixir bool, name string) string {
	if elixir {
		return "# ==> " + name + " <=="
	}
	return "%% ==> " + name + " <=="
}

// writeExport writes the files under f.dir and lists them on stdout. It
// first checks every target: a file that exists is refused (all of them
// named, nothing written) unless f.force, and replaced only when it is a
// regular file the user may write. Each file is written atomically, and a path is never
// written twice in one run.
func writeExport(f exportFlags, out []otp.File, stdout, stderr io.Writer) int {
	paths := make([]string, len(out))
	var exist, refuse []string
	seen := map[string]bool{}
	for i, file := range out {
		p := filepath.Join(f.dir, filepath.FromSlash(file.Name))
		key := strings.ToLower(p) // a case-insensitive file system would merge two names
		if seen[key] {
			fmt.Fprintf(stderr, "crashcourse export: %s would be written twice; nothing written\n", scenarios.FileName(p))
			return exitUsage
		}
		seen[key], paths[i] = true, p
		switch st, err := os.Lstat(p); {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			refuse = append(refuse, scenarios.ErrorText(err))
		case !st.Mode().IsRegular():
			refuse = append(refuse, scenarios.FileName(p)+" exists and is not a regular file")
		case !writable(p, st):
			refuse = append(refuse, scenarios.FileName(p)+" exists and is read-only")
		default:
			exist = append(exist, scenarios.FileName(p))
		}
	}
	if len(exist) > 0 && !f.force {
		refuse = append(refuse, fmt.Sprintf("%d files exist (--force replaces them): %s", len(exist), strings.Join(exist, ", ")))
	}
	if len(refuse) > 0 {
		fmt.Fprintf(stderr, "crashcourse export: nothing written: %s\n", strings.Join(refuse, "; "))
		return exitUsage
	}
	for i, file := range out {
		if err := writeNew(paths[i], []byte(file.Text), f.force); err != nil {
			fmt.Fprintf(stderr, "crashcourse export: %s (the files listed before were written)\n", scenarios.ErrorText(err))
			return exitUsage
		}
		fmt.Fprintln(stdout, scenarios.FileName(paths[i]))
	}
	if len(exist) > 0 {
		fmt.Fprintf(stderr, "crashcourse export: replaced %d existing files: %s\n", len(exist), strings.Join(exist, ", "))
	}
	return exitOK
}

// writable reports whether the user may change an existing file: its
// mode lets them write it (scenarios.ModeWritable; root included: a
// read-only file stays read-only), and the process may open it for
// writing.
func writable(name string, st fs.FileInfo) bool {
	if !scenarios.ModeWritable(st) {
		return false
	}
	f, err := os.OpenFile(name, os.O_WRONLY, 0)
	if err != nil {
		return false
	}
	f.Close()
	return true
}

// writeNew writes data to name atomically (scenarios.WriteFileAtomic),
// mode 0644, creating its directory: with replace, over any file there;
// otherwise never over one, not even a file that appeared since the
// check.
func writeNew(name string, data []byte, replace bool) error {
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	err := scenarios.WriteFileAtomic(name, data, scenarios.WriteOptions{Perm: 0o644, Exclusive: !replace})
	if errors.Is(err, fs.ErrExist) && !replace {
		return fmt.Errorf("%s appeared while exporting; not replaced", name)
	}
	return about(name, err)
}

// about words an error of writing name about name, not about the
// temporary file the error names.
func about(name string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", name, scenarios.BareError(err))
}
