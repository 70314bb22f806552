package scenarios

import (
	"strings"
	"testing"
)

// lexAll returns the kinds and values of the tokens of src, up to tEOF.
func lexAll(src string) []token {
	l := newLexer("t", src, 1)
	var toks []token
	for {
		t := l.nextToken()
		toks = append(toks, t)
		if t.kind == tEOF || len(toks) > 1000 {
			return toks
		}
	}
}

func TestLexer(t *testing.T) {
	src := "a: send @db {x, 'Q\\'s', \"s\\n\", -3, 1.5, 2m3s, <0.4.0>, <b>, #Ref<9>, [...], _V} # c #Ref<1>\r\nb..c;=/"
	want := []struct {
		kind tokKind
		val  string
		col  int
	}{
		{tIdent, "a", 1}, {tColon, "", 2}, {tIdent, "send", 4}, {tReg, "db", 9}, {tLBrace, "", 13},
		{tIdent, "x", 14}, {tComma, "", 15}, {tAtom, "Q's", 17}, {tComma, "", 23}, {tString, "s\n", 25},
		{tComma, "", 30}, {tInt, "-3", 32}, {tComma, "", 34}, {tFloat, "1.5", 36}, {tComma, "", 39},
		{tDuration, "2m3s", 41}, {tComma, "", 45}, {tPid, "4", 47}, {tComma, "", 54}, {tNamePid, "b", 56},
		{tComma, "", 59}, {tRef, "9", 61}, {tComma, "", 68}, {tStack, "", 70}, {tComma, "", 75},
		{tVar, "_V", 77}, {tRBrace, "", 79}, {tEOL, "", 92},
		{tIdent, "b", 1}, {tDotDot, "", 2}, {tIdent, "c", 4}, {tSemi, "", 5}, {tEq, "", 6}, {tSlash, "", 7},
		{tEOF, "", 8},
	}
	got := lexAll(src)
	if len(got) != len(want) {
		t.Fatalf("%d tokens, want %d: %v", len(got), len(want), got)
	}
	for i, w := range want {
		g := got[i]
		if g.kind != w.kind || g.val != w.val || g.pos.Col != w.col {
			t.Errorf("token %d = {%d %q col %d}, want {%d %q col %d}", i, g.kind, g.val, g.pos.Col, w.kind, w.val, w.col)
		}
	}
	if got[len(got)-1].pos.Line != 2 {
		t.Errorf("EOF on line %d, want 2", got[len(got)-1].pos.Line)
	}
}

// `#` followed by `{` begins a map, not a comment; << >> and => are tokens.
func TestLexerMapsAndBinaries(t *testing.T) {
	toks := lexAll("#{a=><<\"x\",1>>} # #{not a map")
	want := []tokKind{tMapOpen, tIdent, tArrow, tBinOpen, tString, tComma, tInt, tBinClose, tRBrace, tEOF}
	if len(toks) != len(want) {
		t.Fatalf("%d tokens, want %d: %v", len(toks), len(want), toks)
	}
	for i, k := range want {
		if toks[i].kind != k {
			t.Errorf("token %d = %d %q, want kind %d", i, toks[i].kind, toks[i].val, k)
		}
	}
}

func TestLexerDurations(t *testing.T) {
	for _, src := range []string{"250ms", "1m30s", "1.5s", "3µs", "-5s", "2h45m"} {
		toks := lexAll(src)
		if len(toks) != 2 || toks[0].kind != tDuration || toks[0].val != src {
			t.Errorf("lex %q = %v, want one duration", src, toks)
		}
	}
	toks := lexAll("50ms..5s")
	if len(toks) != 4 || toks[0].val != "50ms" || toks[1].kind != tDotDot || toks[2].val != "5s" {
		t.Errorf("lex backoff = %v", toks)
	}
}

func TestIncomplete(t *testing.T) {
	tests := []struct {
		src  string
		want bool
	}{
		{"", false},
		{"spawn a", false},
		{"sup top {", true},
		{"sup top strategy=one_for_all {\n worker a", true},
		{"sup top {\n worker a\n}", false},
		{"sup top { worker a }", false},
		{"sup top {\n sup mid {\n worker a\n }", true},
		{"sup top {\n sup mid { worker a }\n", true},
		{"sup top {\n sup mid { worker a }\n}", false},
		{"start_child s sup x {", true},
		{"start_child s worker w init=error:{a", false},
		{"send a {b", false}, // a term: the error is reported, not continued
		{"send a {b\n", false},
		{"sup top { # {", true},                       // comments do not count
		{"sup top { worker a init=error:\"}\"", true}, // nor strings
		{"sup top {\n worker a init=crash:{x,\n", true},
		{"sup top { worker a init=error:#{a => 1}", true}, // a map's } closes the map
		{"sup top { worker a init=error:#{a => 1} }", false},
		{"}}}", false},
		{"sup \x00 {", true},
		{strings.Repeat("{", 100000), false},
		{strings.Repeat("sup a {", 10000), true},
	}
	for _, tt := range tests {
		if got := Incomplete(tt.src); got != tt.want {
			src := tt.src
			if len(src) > 40 {
				src = src[:40] + "…"
			}
			t.Errorf("Incomplete(%q) = %v, want %v", src, got, tt.want)
		}
	}
}
