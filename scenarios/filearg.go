package scenarios

import "strings"

// FileArgument reads the file name that a command outside the language
// (the REPL's save and load) takes: the rest of line from column at.Col,
// either one string in the language's syntax ("my file.scn", with its
// escapes, then at most a comment) or, unquoted, the text as written
// without the spaces around it. An error is positioned in line.
func FileArgument(at Pos, line string) (string, error) {
	start := min(max(at.Col-1, 0), len(line))
	arg := strings.TrimSpace(line[start:])
	start += strings.Index(line[start:], arg)
	if !strings.HasPrefix(arg, `"`) {
		return arg, nil
	}
	fail := func(t token, msg string) (string, error) {
		pos := Pos{File: at.File, Line: at.Line, Col: start + t.pos.Col}
		return "", ErrorList{{Pos: pos, Msg: msg, Line: line}}
	}
	l := newLexer(at.File, arg, at.Line)
	t := l.nextToken()
	switch next := l.nextToken(); {
	case t.kind == tError:
		return fail(t, t.val)
	case next.kind != tEOF && next.kind != tEOL:
		return fail(next, "unexpected text after the file name (a name with spaces or quotes is one string: \"my file.scn\")")
	case t.val == "":
		return fail(t, "the file name is empty")
	}
	return t.val, nil
}
