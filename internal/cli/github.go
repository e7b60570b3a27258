package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/xref-un/xref/linker"
)

// GitHub Actions workflow commands: one "::error file=…,line=…::message"
// line per finding, which the runner shows as an annotation on the file
// in the pull request.

var (
	ghData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func githubLevel(s linker.Severity) string {
	switch s {
	case linker.SeverityError:
		return "error"
	case linker.SeverityWarning:
		return "warning"
	}
	return "notice"
}

// writeGitHub writes the annotations of one document's findings.
func writeGitHub(w io.Writer, doc *linker.Document, path string, fs []linker.Finding) {
	for _, f := range fs {
		el, ec := doc.Position(f.End)
		props := fmt.Sprintf("file=%s,line=%d,col=%d", ghProperty.Replace(path), f.Line, f.Col)
		if el == f.Line {
			props += fmt.Sprintf(",endColumn=%d", ec)
		} else {
			props += fmt.Sprintf(",endLine=%d", el)
		}
		props += ",title=" + ghProperty.Replace("xref "+f.Rule)
		msg := f.Message
		if f.Suggestion != "" {
			msg += "\nsuggestion: " + f.Suggestion
		}
		fmt.Fprintf(w, "::%s %s::%s\n", githubLevel(f.Severity), props, ghData.Replace(msg))
	}
}
