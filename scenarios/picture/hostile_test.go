package picture

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"strings"
	"testing"
)

// hostileFile is a file name that would end a DOT string, start Mermaid
// statements and comments, and hold markup, if it were printed raw.
const hostileFile = "h\"\n};digraph x{Note over P1:<script>\\N #35; %%{x}%% &lt;.scn"

// hostileSrc names processes after Mermaid keywords and gives reasons and
// messages quotes, arrows, markup, braces, entities and separators.
const hostileSrc = `spawn end
spawn note
note: monitor end
note: link end
note: trap_exit on
end: exit 'x"y-->z<script>{}'
send note "l1\nl2 --> <script>alert(1)</script> {x} #{a} %%{init}%% ; end"
spawn c
c: exit {'}"', "\" ]", '&lt;\\N'}
sup top { worker w init=ok,crash:'</text><script>' }
w: crash '"];\n n9 [label="x'
spawn s
s: exit 'style:#f00;classDef x:#0f0;'
`

// The texts hostileSrc's graph and diagram must show literally.
var (
	hostileDOTTexts = []string{
		`dead: 'x"y-->z<script>{}'`,
		`dead: {'}"',"\" ]",'&lt;\\N'}`,
		`dead: 'style:#f00;classDef x:#0f0;'`,
	}
	hostileMermaidTexts = []string{
		`exits: 'x"y-->z<script>{}'`,
		`exit 'x"y-->z<script>{}' (link): trapped as an 'EXIT' message`,
		`DOWN 'x"y-->z<script>{}'`,
		`message "l1\x{a}l2 --> <script>alert(1)</script> {x} #{a} %%{init}%% ; end"`,
		`exits: {'"];\x{a} n9 [label="x',[...]}`,
		`exits: 'style:#f00;classDef x:#0f0;'`,
	}
)

func TestHostileDOTParsesAndShowsTextLiterally(t *testing.T) {
	dot := requireDot(t)
	g, err := DOT(hostileFile, []byte(hostileSrc), 0)
	if err != nil {
		t.Fatal(err)
	}
	texts := svgTexts(t, renderSVG(t, dot, g))
	want := append([]string{`h"\x0a};digraph x{Note over P1:<script>\N #35; %%{x}%% &lt;.scn`}, hostileDOTTexts...)
	for _, s := range want {
		if !slices.Contains(texts, s) {
			t.Errorf("the SVG does not show %q; its texts:\n%q", s, texts)
		}
	}
	if lines := strings.Split(g, "\n"); slices.Index(lines, "}") != len(lines)-2 || strings.Contains(g, "\ndigraph") {
		t.Errorf("the graph holds a second graph or block:\n%s", g)
	}
}

func TestHostileMermaidKeepsGrammarAndShowsTextLiterally(t *testing.T) {
	m, err := Mermaid(hostileFile, []byte(hostileSrc), 0)
	if err != nil {
		t.Fatal(err)
	}
	checkMermaid(t, m)
	var shown []string
	for _, l := range strings.Split(m, "\n") {
		if _, text, ok := strings.Cut(l, ": "); ok {
			shown = append(shown, mermaidDecode(text))
		}
	}
	title := `h"\x0a};digraph x{Note over P1:<script>\N #35; %%{x}%% &lt;.scn: cascades`
	for _, s := range append([]string{title}, hostileMermaidTexts...) {
		if !slices.Contains(shown, s) && !strings.Contains(mermaidDecode(m), "\n    title "+s+"\n") {
			t.Errorf("the diagram does not show %q:\n%s", s, m)
		}
	}
	for _, name := range []string{"end", "note"} {
		if !strings.Contains(m, " as "+name+"\n") {
			t.Errorf("no lifeline named %s:\n%s", name, m)
		}
	}
}

// svgTexts are the texts of an SVG's text elements, as a viewer shows them.
func svgTexts(t *testing.T, svg []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(svg))
	d.Strict = false
	var texts []string
	in := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return texts
		}
		if err != nil {
			t.Fatalf("the SVG does not parse: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local == "text"
			if in {
				texts = append(texts, "")
			}
		case xml.CharData:
			if in {
				texts[len(texts)-1] += string(tok)
			}
		case xml.EndElement:
			in = false
		}
	}
}
