// Command newsdex indexes news articles and searches them by keyword, quote,
// speaker, country, region and date. See README.md.
package main

import (
	"context"
	"os"

	"github.com/newsdex/newsdex/internal/cli"
)

func main() {
	os.Exit(cli.Run(context.Background(), os.Args[1:], cli.Streams{In: os.Stdin, Out: os.Stdout, Err: os.Stderr}))
}
