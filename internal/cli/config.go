package cli

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// EnvConfig names a configuration file to use instead of the .xref.toml
// found upward from the working directory; "none" uses none.
const EnvConfig = "XREF_CONFIG"

// configName is the file xref looks for in the working directory and its
// parents.
const configName = ".xref.toml"

// config is .xref.toml. Every key is the default of the flag it names; a
// flag given on the command line wins.
type config struct {
	// Lang is the transcripts' language (--lang; --transcript-lang of
	// expand).
	Lang string `toml:"lang"`
	// Severity is the least severity check reports (--severity).
	Severity string `toml:"severity"`
	// Select and Ignore are rule ids (--select, --ignore).
	Select []string `toml:"select"`
	Ignore []string `toml:"ignore"`
	// Hosts are also resolved besides the UN's (--allow-host, added to).
	Hosts []string `toml:"hosts"`
	// Rate is the most requests per second to one host (--rate).
	Rate float64 `toml:"rate"`
	// Budget is the wall-clock budget of a run that has one (--budget).
	Budget string `toml:"budget"`
	// Cache is the directory of the citation graph (--cache).
	Cache string `toml:"cache"`
	// Archive false keeps replacement searches off the web archive
	// (--no-archive).
	Archive *bool `toml:"archive"`
}

// findConfig returns the configuration file that applies, or "".
func findConfig() (string, error) {
	if p, ok := os.LookupEnv(EnvConfig); ok && p != "" {
		if p == "none" {
			return "", nil
		}
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("$%s: %w", EnvConfig, err)
		}
		return p, nil
	}
	dir, err := os.Getwd()
	if err != nil {
		return "", nil // no working directory, no configuration
	}
	for {
		p := filepath.Join(dir, configName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", nil
		}
		dir = parent
	}
}

// loadConfig reads a configuration file; unknown keys are errors that name
// the key meant, since a mistyped key would otherwise be ignored silently.
func loadConfig(path string) (*config, error) {
	var c config
	md, err := toml.DecodeFile(path, &c)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, fmt.Errorf("%s:%d: %s", path, pe.Position.Line, pe.Message)
		}
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if un := md.Undecoded(); len(un) > 0 {
		keys := []string{"lang", "severity", "select", "ignore", "hosts", "rate", "budget", "cache", "archive"}
		k := un[0].String()
		msg := fmt.Sprintf("%s: unknown key %q", path, k)
		if s := closest(k, keys); s != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", s)
		}
		sort.Strings(keys)
		return nil, fmt.Errorf("%s; keys: %s", msg, strings.Join(keys, ", "))
	}
	return &c, nil
}

// applyConfig makes the configuration the defaults of a command's flags,
// before the command line is parsed, so that flags given win. Keys that
// name no flag of the command are left alone.
func applyConfig(fs *flag.FlagSet) error {
	path, err := findConfig()
	if err != nil || path == "" {
		return err
	}
	c, err := loadConfig(path)
	if err != nil {
		return err
	}
	set := func(name, value string) error {
		f := fs.Lookup(name)
		if f == nil || value == "" {
			return nil
		}
		if err := f.Value.Set(value); err != nil {
			return fmt.Errorf("%s: %s = %q: %w", path, name, value, err)
		}
		return nil
	}
	lang := "lang"
	if fs.Lookup("transcript-lang") != nil {
		lang = "transcript-lang"
	}
	rate := ""
	if c.Rate != 0 {
		rate = strconv.FormatFloat(c.Rate, 'g', -1, 64)
	}
	for _, kv := range [][2]string{
		{lang, c.Lang}, {"severity", c.Severity}, {"select", strings.Join(c.Select, ",")},
		{"ignore", strings.Join(c.Ignore, ",")}, {"rate", rate}, {"budget", c.Budget}, {"cache", c.Cache},
	} {
		if err := set(kv[0], kv[1]); err != nil {
			return err
		}
	}
	if c.Archive != nil && !*c.Archive {
		if err := set("no-archive", "true"); err != nil {
			return err
		}
	}
	for _, h := range c.Hosts {
		if err := set("allow-host", h); err != nil {
			return err
		}
	}
	return nil
}
