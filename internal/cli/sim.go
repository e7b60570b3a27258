package cli

import (
	"context"
	"os"
	"time"

	"github.com/xref-un/xref/unsim"
)

const simAbout = `
Sim runs the UN documents simulator on a loopback address: one server that
answers for undocs.org, docs.un.org, documents.un.org, digitallibrary.un.org
and the legacy hosts by their Host header, with redirect chains, meta refresh
and iframe pages, "not found" pages answered with 200, soft blocking, 429 with
Retry-After, the Digital Library's WAF challenge and more (go doc
github.com/xref-un/xref/unsim lists every behaviour and its source).

Point xref at it with --base-url or XREF_BASE_URL:

  xref sim --addr 127.0.0.1:8089 --scenario seed &
  xref check --resolve --base-url http://127.0.0.1:8089 transcript.txt

It runs until interrupted.`

func runSim(ctx context.Context, args []string, s IO) error {
	fs := newFlags("sim", "[flags]", simAbout, s.Err)
	addr := fs.String("addr", "127.0.0.1:8089", "loopback address to listen on")
	scenario := fs.String("scenario", "demo", "built-in scenario (demo, seed, empty, dead-links) or a scenario file (JSON)")
	latency := fs.Duration("latency", 0, "added to every answer")
	var vb verbosity
	vb.register(fs)
	args, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		return usagef("unexpected arguments %q", args)
	}
	var sc *unsim.Scenario
	if _, err := os.Stat(*scenario); err == nil {
		sc, err = unsim.LoadFile(*scenario)
		if err != nil {
			return err
		}
	} else if sc, err = unsim.Builtin(*scenario); err != nil {
		return usagef("%v", err)
	}
	if *latency > 0 {
		sc.Latency = *latency
	}
	return unsim.Serve(ctx, *addr, sc, func(base string) {
		vb.info(s.Err, "xref sim: scenario %q on %s (since %s)", sc.Name, base, time.Now().Format(time.TimeOnly))
		vb.note(s.Err, "%d documents, %d rules; %s", len(sc.Docs), len(sc.Rules), sc.Description)
	})
}
