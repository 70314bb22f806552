package scenarios

import (
	"strings"

	"github.com/crashcourse/crashcourse/sim"
)

// lineWidth is the line length io_lib_pretty formats ~p to by default.
const lineWidth = 80

// pretty writes t as OTP's logger writes a ~p argument that starts at
// column col: on one line when it fits within lineWidth, else broken the
// way io_lib_pretty breaks it. A list, map or untagged tuple puts each
// element on its own line, aligned one column after its bracket; a tuple
// whose first element is an atom (a tag) keeps the tag on the first line
// and fills the lines after it, aligned after "{Tag,". Pids print as
// <0.N.0>, as in a real log. This is the subset of io_lib_pretty that
// the simulator's terms need (no records, strings are never split).
func pretty(t sim.Term, col int) string { return pp(t, col, 0) }

// pp is pretty with tail more characters (closing brackets, a comma) to
// follow on t's last line.
func pp(t sim.Term, col, tail int) string {
	flat := t.String()
	if fits(flat, col, tail) {
		return flat
	}
	switch v := t.(type) {
	case sim.List:
		return ppSeq("[", v, "]", col, tail)
	case sim.Tuple:
		if len(v) < 2 {
			return ppSeq("{", v, "}", col, tail)
		}
		if _, tagged := v[0].(sim.Atom); tagged {
			return ppTagged(v, col, tail)
		}
		return ppSeq("{", v, "}", col, tail)
	case sim.Map:
		return ppMap(v, col, tail)
	}
	return flat
}

func fits(flat string, col, tail int) bool {
	return !strings.Contains(flat, "\n") && col+len([]rune(flat))+tail <= lineWidth
}

// ppSeq writes elements one per line, aligned after the opening bracket.
func ppSeq(open string, elems []sim.Term, end string, col, tail int) string {
	inner := col + len(open)
	var b strings.Builder
	b.WriteString(open)
	for i, e := range elems {
		if i > 0 {
			b.WriteString(",\n" + strings.Repeat(" ", inner))
		}
		after := 1 // the comma
		if i == len(elems)-1 {
			after = len(end) + tail
		}
		b.WriteString(pp(e, inner, after))
	}
	b.WriteString(end)
	return b.String()
}

// ppTagged writes {Tag, … }: the tag on the first line, then the other
// elements on as few lines as they fit, aligned after "{Tag,".
func ppTagged(v sim.Tuple, col, tail int) string {
	var b strings.Builder
	b.WriteString("{" + v[0].String() + ",")
	indent := col + 1 + len([]rune(v[0].String())) + 1
	cur := indent
	for i, e := range v[1:] {
		last := i == len(v)-2
		after := 1
		if last {
			after = 1 + tail
		}
		s := e.String()
		if !fits(s, cur, after) {
			if cur != indent {
				b.WriteString("\n" + strings.Repeat(" ", indent))
				cur = indent
			}
			s = pp(e, cur, after)
		}
		b.WriteString(s)
		cur = lastColumn(s, cur)
		if !last {
			b.WriteString(",")
			cur++
		}
	}
	b.WriteString("}")
	return b.String()
}

// ppMap writes each K => V pair on its own line, aligned after "#{".
func ppMap(m sim.Map, col, tail int) string {
	inner := col + 2
	var b strings.Builder
	b.WriteString("#{")
	for i, p := range m {
		if i > 0 {
			b.WriteString(",\n" + strings.Repeat(" ", inner))
		}
		k := p.Key.String() + " => "
		after := 1
		if i == len(m)-1 {
			after = 1 + tail
		}
		b.WriteString(k + pp(p.Value, inner+len([]rune(k)), after))
	}
	b.WriteString("}")
	return b.String()
}

// lastColumn is the column after s, written from column col.
func lastColumn(s string, col int) int {
	if i := strings.LastIndexByte(s, '\n'); i >= 0 {
		return len([]rune(s[i+1:]))
	}
	return col + len([]rune(s))
}
