// Command xref links the citations in United Nations meeting transcripts to
// the documents they cite. Run "xref help" for its commands.
package main

import (
	"os"

	"github.com/xref-un/xref/internal/cli"
)

func main() {
	os.Exit(cli.Run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
