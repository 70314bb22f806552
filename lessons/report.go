package lessons

import (
	"fmt"
	"strings"
)

// Report writes the verdict for people, in plain text (no colour): what
// passed and what it demonstrated, or what failed, what happened instead
// and why, line by line. Lines end with "\n".
func (v Verdict) Report() string {
	var b strings.Builder
	switch {
	case len(v.Errors) > 0:
		b.WriteString("✗ Not checked: your text does not parse.\n" + v.Errors.Caret() + "\n")
	case len(v.Refused) > 0:
		v.reportRefused(&b)
	case v.Interrupted:
		b.WriteString("✗ Not checked: interrupted before the check could judge; check runs it again from the start.\n")
	default:
		v.reportRows(&b)
		v.reportOutcome(&b)
	}
	for _, n := range v.Notes {
		b.WriteString("note: " + n + "\n")
	}
	return b.String()
}

func (v Verdict) reportRefused(b *strings.Builder) {
	b.WriteString("✗ Not checked: this exercise does not allow these verbs; its outcome must come from the ones it allows:\n")
	for _, r := range v.Refused {
		fmt.Fprintf(b, "  your line %d: `%s`: %s is not allowed here\n", r.Line, r.Text, Named(r.Verb))
	}
}

func (v Verdict) reportOutcome(b *strings.Builder) {
	if v.Pass {
		b.WriteString("✓ Passed. " + v.Said + "\n")
		return
	}
	if len(v.Failures) > 0 || len(v.Rows) == 0 {
		fmt.Fprintf(b, "✗ Not yet: %s.\n", plural(len(v.Failures), "expectation does not hold", "expectations do not hold"))
	}
	for _, f := range v.Failures {
		fmt.Fprintf(b, "  %s\n    expected %s, got %s\n", f.Expect, f.Want, f.Got)
		writeBecause(b, "    ", f.Because)
	}
	if len(v.CommandErrors) > 0 {
		b.WriteString("  Some of your commands failed:\n")
		for _, e := range v.CommandErrors {
			b.WriteString("    " + e + "\n")
		}
	}
}

// writeBecause writes an explanation: "why: " before the first step, the
// later steps aligned under it.
func writeBecause(b *strings.Builder, indent string, because []string) {
	for i, line := range because {
		lead := "why: "
		if i > 0 {
			lead = "     "
		}
		b.WriteString(indent + lead + line + "\n")
	}
}

// reportRows writes the prediction beside the outcome, one process a row.
func (v Verdict) reportRows(b *strings.Builder) {
	if len(v.Rows) == 0 {
		return
	}
	wrong := 0
	width := len("process")
	for _, r := range v.Rows {
		width = max(width, len(r.Name))
		if !r.Agrees() {
			wrong++
		}
	}
	if wrong > 0 {
		fmt.Fprintf(b, "✗ Not yet: your prediction differs for %s.\n", plural(wrong, "process", "processes"))
	}
	fmt.Fprintf(b, "  %-*s  %-18s  %s\n", width, "process", "you said", "what happened")
	for _, r := range v.Rows {
		mark := "✓"
		if !r.Agrees() {
			mark = "✗"
		}
		fmt.Fprintf(b, "  %-*s  %-18s  %-18s  %s\n", width, r.Name, fate(r.PredictedDie, r.PredictedRestart), fate(r.Died, r.Restarted), mark)
		writeBecause(b, "    ", r.Explain)
	}
}

// fate says in words what a process did, or was said to do.
func fate(died, restarted bool) string {
	switch {
	case died && restarted:
		return "dies, restarts"
	case died:
		return "dies"
	case restarted:
		return "restarts"
	}
	return "lives"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}
