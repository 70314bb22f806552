package lessons

import (
	"path"
	"slices"
	"strings"

	"github.com/crashcourse/crashcourse/scenarios"
)

// blockKinds are the info strings of the machine-readable fenced blocks.
// Any other fenced block is prose. "lesson" and "example" belong to the
// lesson (before the first exercise); the others to an exercise.
var blockKinds = map[string]bool{
	"lesson": true, "example": true,
	"goal": true, "setup": true, "start": true, "allow": true, "faults": true, "expect": true,
	"solution": true, "mistake": true, "hint": true, "pass": true, "predict": true,
}

// exerciseHeading begins an exercise.
const exerciseHeading = "## Exercise:"

// maxHints is the most hints an exercise may have.
const maxHints = 3

// Parse parses a lesson file. file names it in positions; its ID is the
// base name without ".md". Every error carries file:line:col and the
// offending line (scenarios.Error), collected in a scenarios.ErrorList.
func Parse(file string, src []byte) (*Lesson, error) {
	p := &parser{file: file, lines: strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")}
	l := p.lesson()
	return l, p.errs.Err()
}

type parser struct {
	file  string
	lines []string
	errs  scenarios.ErrorList
	// prose collects the Markdown of the current part (intro or exercise).
	prose strings.Builder
	// blocks and hints collect the machine blocks of the current exercise.
	blocks map[string]Block
	hints  []Block
}

func (p *parser) errorAt(line, col int, format string, args ...any) {
	text := ""
	if line >= 1 && line <= len(p.lines) {
		text = p.lines[line-1]
	}
	p.errs = append(p.errs, &scenarios.Error{
		Pos: scenarios.Pos{File: p.file, Line: line, Col: col}, Msg: sprintf(format, args...), Line: text,
	})
}

// lesson walks the file line by line: headings, fences, prose.
func (p *parser) lesson() *Lesson {
	base := path.Base(strings.ReplaceAll(p.file, "\\", "/"))
	l := &Lesson{ID: strings.TrimSuffix(base, ".md"), File: p.file, Verify: true}
	var ex *Exercise
	for i := 0; i < len(p.lines); i++ {
		line := p.lines[i]
		switch {
		case l.Title == "" && strings.HasPrefix(line, "# "):
			l.Title = strings.TrimSpace(line[2:])
		case strings.HasPrefix(line, exerciseHeading):
			p.finish(l, ex)
			ex = p.newExercise(l, i+1, line)
		case fenceOf(line) != "":
			i = p.fence(l, ex, i)
		default:
			p.prose.WriteString(line + "\n")
		}
	}
	p.finish(l, ex)
	if l.Title == "" {
		p.errorAt(1, 1, "a lesson begins with its title, a line \"# Title\"")
	}
	if len(l.Exercises) == 0 {
		p.errorAt(lastLine(p.lines), 1, "a lesson needs at least one exercise (a heading %q)", exerciseHeading+" Title")
	}
	return l
}

func (p *parser) newExercise(l *Lesson, line int, text string) *Exercise {
	ex := &Exercise{
		ID:    sprintf("ex%d", len(l.Exercises)+1),
		Title: strings.TrimSpace(strings.TrimPrefix(text, exerciseHeading)),
		Pos:   scenarios.Pos{File: p.file, Line: line, Col: 1},
	}
	p.blocks = map[string]Block{}
	if ex.Title == "" {
		p.errorAt(line, len(exerciseHeading)+1, "an exercise heading needs a title: %q", exerciseHeading+" Title")
	}
	return ex
}

// finish closes the current part: the intro when ex is nil, else ex.
func (p *parser) finish(l *Lesson, ex *Exercise) {
	prose := strings.TrimSpace(p.prose.String())
	p.prose.Reset()
	if ex == nil {
		l.Intro = prose
		return
	}
	ex.Prose = prose
	p.fill(ex)
	p.blocks, p.hints = nil, nil
	l.Exercises = append(l.Exercises, ex)
}

// fenceOf returns the fence that opens a code block on line ("```" or
// "~~~", possibly longer), or "".
func fenceOf(line string) string {
	for _, c := range []string{"```", "~~~"} {
		if strings.HasPrefix(line, c) {
			n := len(line) - len(strings.TrimLeft(line, c[:1]))
			return line[:n]
		}
	}
	return ""
}

// fence reads the fenced block opening at line index i and returns the
// index of its closing line. A machine block is stored; prose blocks are
// kept in the prose as written.
func (p *parser) fence(l *Lesson, ex *Exercise, i int) int {
	open := p.lines[i]
	fence := fenceOf(open)
	info := strings.TrimSpace(open[len(fence):])
	end := i + 1
	for end < len(p.lines) && !isClosing(p.lines[end], fence) {
		end++
	}
	if end == len(p.lines) {
		p.errorAt(i+1, 1, "this %s block is never closed (a line %q)", orWord(info, "code"), fence)
	}
	body := strings.Join(p.lines[i+1:min(end, len(p.lines))], "\n")
	b := Block{Text: body, Pos: scenarios.Pos{File: p.file, Line: i + 2, Col: 1}}
	if !blockKinds[info] {
		p.prose.WriteString(strings.Join(p.lines[i:min(end+1, len(p.lines))], "\n") + "\n")
		return end
	}
	p.store(l, ex, info, b, i+1, len(fence)+1)
	return end
}

func isClosing(line, fence string) bool {
	t := strings.TrimRight(line, " \t")
	return strings.HasPrefix(t, fence) && strings.Trim(t, fence[:1]) == ""
}

func orWord(s, alt string) string {
	if s == "" {
		return alt
	}
	return "`" + s + "`"
}

// store files block b of kind under the lesson or the current exercise;
// line and col locate the info string for errors.
func (p *parser) store(l *Lesson, ex *Exercise, kind string, b Block, line, col int) {
	if kind == "lesson" || kind == "example" {
		if ex != nil {
			p.errorAt(line, col, "a %s block belongs before the first exercise", kind)
			return
		}
		p.storeLesson(l, kind, b, line, col)
		return
	}
	switch {
	case ex == nil:
		p.errorAt(line, col, "a %s block belongs to an exercise: put it under a heading %q", kind, exerciseHeading+" Title")
	case kind == "hint":
		p.hints = append(p.hints, b)
	case p.blocks[kind].Present():
		p.errorAt(line, col, "a second %s block in exercise %q (one each)", kind, ex.Title)
	default:
		p.blocks[kind] = b
	}
}

func (p *parser) storeLesson(l *Lesson, kind string, b Block, line, col int) {
	if kind == "example" {
		if l.Example.Present() {
			p.errorAt(line, col, "a second example block (a lesson has one worked example)")
			return
		}
		l.Example = b
		p.prose.WriteString("```scn\n" + b.Text + "\n```\n")
		p.commands(b)
		return
	}
	for k, text := range strings.Split(b.Text, "\n") {
		key, val, ok := strings.Cut(text, ":")
		key, val = strings.TrimSpace(key), strings.TrimSpace(val)
		switch {
		case strings.TrimSpace(text) == "" || strings.HasPrefix(strings.TrimSpace(text), "#"):
		case ok && key == "verify" && (val == "yes" || val == "no"):
			l.Verify = val == "yes"
		default:
			p.errorAt(b.Pos.Line+k, 1, "the lesson block knows one setting, \"verify: yes|no\"")
		}
	}
}

// commands parses a block of commands, recording its errors.
func (p *parser) commands(b Block) []*scenarios.Command {
	cmds, err := scenarios.ParseLine(p.file, b.Pos.Line, b.Text)
	if list, ok := err.(scenarios.ErrorList); ok {
		p.errs = append(p.errs, list...)
	}
	return cmds
}

// sortedVerbs is the sorted list of the language's verbs.
var sortedVerbs = func() []string { v := scenarios.Verbs(); slices.Sort(v); return v }()

// lastLine is the number of the last line that is not blank (1 if none).
func lastLine(lines []string) int {
	n := len(lines)
	for n > 1 && strings.TrimSpace(lines[n-1]) == "" {
		n--
	}
	return n
}
