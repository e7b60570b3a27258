package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
)

const completionAbout = `
Completion prints a script that completes xref's commands, flags, rule ids,
formats and languages in bash, zsh or fish. Load it once per shell, or
install it:

  bash:  source <(xref completion bash)
         xref completion bash > ~/.local/share/bash-completion/completions/xref
  zsh:   source <(xref completion zsh)
         xref completion zsh > "${fpath[1]}/_xref"
  fish:  xref completion fish > ~/.config/fish/completions/xref.fish`

func runCompletion(ctx context.Context, args []string, s IO) error {
	fs := newFlags("completion", "bash|zsh|fish", completionAbout, s.Err)
	rest, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return usagef("completion needs one shell: bash, zsh or fish")
	}
	cmds := completionCommands(ctx)
	w := bufio.NewWriter(s.Out)
	defer w.Flush()
	switch rest[0] {
	case "bash":
		writeBash(w, cmds)
	case "zsh":
		writeZsh(w, cmds)
	case "fish":
		writeFish(w, cmds)
	default:
		msg := fmt.Sprintf("unknown shell %q (use bash, zsh or fish)", rest[0])
		if c := closest(rest[0], []string{"bash", "zsh", "fish"}); c != "" {
			msg += fmt.Sprintf("; did you mean %q?", c)
		}
		return usagef("%s", msg)
	}
	return nil
}

type compFlag struct {
	name, usage string
	value       bool     // takes a value
	choices     []string // its values, when they are few and known
}

type compCommand struct {
	name, summary string
	sub           []string // subcommands (graph)
	flags         []compFlag
}

// completionCommands reads every command's flags from its own help, so
// that completion follows the flags as they are defined.
func completionCommands(ctx context.Context) []compCommand {
	var out []compCommand
	for _, c := range commands() {
		if c.name == "completion" {
			out = append(out, compCommand{name: c.name, summary: c.summary, sub: []string{"bash", "zsh", "fish"}})
			continue
		}
		var help bytes.Buffer
		c.run(ctx, []string{"-h"}, IO{In: strings.NewReader(""), Out: io.Discard, Err: &help})
		cc := compCommand{name: c.name, summary: c.summary, flags: helpFlags(c.name, help.String())}
		if c.name == "graph" {
			cc.sub = []string{"cited-by", "cites", "stats", "export"}
		}
		out = append(out, cc)
	}
	out = append(out, compCommand{name: "help", summary: "explain a command"})
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// helpFlags parses the flag list that flag.PrintDefaults writes:
// "  -name type" (no type for booleans), then the usage indented by a tab.
func helpFlags(cmd, help string) []compFlag {
	var fs []compFlag
	_, list, ok := strings.Cut(help, "\nFlags:\n")
	if !ok {
		return nil
	}
	for _, line := range strings.Split(list, "\n") {
		switch {
		case strings.HasPrefix(line, "  -"):
			f := strings.Fields(line[2:])
			cf := compFlag{name: strings.TrimPrefix(f[0], "-"), value: len(f) > 1}
			cf.choices = flagChoices(cmd, cf.name)
			fs = append(fs, cf)
		case strings.HasPrefix(line, "    \t") && len(fs) > 0 && fs[len(fs)-1].usage == "":
			fs[len(fs)-1].usage = strings.TrimSpace(line)
		}
	}
	return fs
}

// fileFlags take a file or directory name.
var fileFlags = map[string]bool{"baseline": true, "write-baseline": true, "cache": true, "out": true, "scenario": true}

// flagChoices are the values worth completing for a flag.
func flagChoices(cmd, name string) []string {
	langs := []string{"ar", "en", "es", "fr", "ru", "zh"}
	switch name {
	case "select", "ignore":
		return ruleIDs()
	case "severity":
		return []string{"info", "warning", "error"}
	case "lang", "transcript-lang":
		return langs
	case "input":
		return []string{"text", "html"}
	case "encoding":
		return []string{"auto", "utf-8", "utf-16", "gb18030", "windows-1252"}
	case "to":
		return []string{"markdown", "html", "text"}
	case "decisions":
		return []string{"text", "title"}
	case "scenario":
		return []string{"demo", "seed", "empty", "dead-links"}
	case "format":
		switch cmd {
		case "check":
			return []string{"text", "json", "sarif", "github"}
		case "extract":
			return []string{"jsonl", "json", "text"}
		case "rot":
			return []string{"markdown", "json", "html"}
		case "graph":
			return []string{"text", "json", "dot", "graphml"}
		default:
			return []string{"text", "json"}
		}
	}
	return nil
}

func writeBash(w io.Writer, cmds []compCommand) {
	var names []string
	for _, c := range cmds {
		names = append(names, c.name)
	}
	fmt.Fprintf(w, `# bash completion for xref; load with: source <(xref completion bash)
_xref() {
	local cur prev cmd flags
	cur="${COMP_WORDS[COMP_CWORD]}"
	prev="${COMP_WORDS[COMP_CWORD-1]}"
	if [ "$COMP_CWORD" -eq 1 ]; then
		COMPREPLY=($(compgen -W %q -- "$cur"))
		return
	fi
	cmd="${COMP_WORDS[1]}"
	case "$cmd" in
`, strings.Join(names, " "))
	for _, c := range cmds {
		var flags []string
		for _, f := range c.flags {
			flags = append(flags, "--"+f.name)
		}
		fmt.Fprintf(w, "\t%s)\n\t\tflags=%q\n", c.name, strings.Join(flags, " "))
		var cases []string
		for _, f := range c.flags {
			if len(f.choices) > 0 {
				cases = append(cases, fmt.Sprintf("\t\t--%s|-%s) COMPREPLY=($(compgen -W %q -- \"$cur\")); return ;;\n", f.name, f.name, strings.Join(f.choices, " ")))
			}
		}
		if len(cases) > 0 {
			fmt.Fprintf(w, "\t\tcase \"$prev\" in\n%s\t\tesac\n", strings.Join(cases, ""))
		}
		if len(c.sub) > 0 {
			fmt.Fprintf(w, "\t\tif [ \"$COMP_CWORD\" -eq 2 ]; then COMPREPLY=($(compgen -W %q -- \"$cur\")); return; fi\n", strings.Join(c.sub, " "))
		}
		if c.name == "help" {
			fmt.Fprintf(w, "\t\tCOMPREPLY=($(compgen -W %q -- \"$cur\")); return\n", strings.Join(names, " "))
		}
		fmt.Fprint(w, "\t\t;;\n")
	}
	fmt.Fprint(w, `	esac
	if [[ "$cur" == -* ]]; then
		COMPREPLY=($(compgen -W "$flags" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}
complete -o filenames -F _xref xref
`)
}

// zshQuote makes a description safe inside an _arguments spec.
func zshQuote(s string) string {
	return strings.NewReplacer("'", "", "[", "(", "]", ")", ":", " ", "\\", "").Replace(s)
}

func writeZsh(w io.Writer, cmds []compCommand) {
	fmt.Fprint(w, "#compdef xref\n# zsh completion for xref; load with: source <(xref completion zsh)\n_xref() {\n\tlocal -a commands\n\tcommands=(\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "\t\t'%s:%s'\n", c.name, zshQuote(c.summary))
	}
	fmt.Fprint(w, "\t)\n\tif (( CURRENT == 2 )); then\n\t\t_describe 'command' commands\n\t\treturn\n\tfi\n\tcase $words[2] in\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "\t%s)\n\t\t_arguments \\\n", c.name)
		for _, f := range c.flags {
			spec := fmt.Sprintf("--%s[%s]", f.name, zshQuote(f.usage))
			if f.value {
				spec += ":" + f.name + ":"
				switch {
				case len(f.choices) > 0:
					spec += "(" + strings.Join(f.choices, " ") + ")"
				case fileFlags[f.name]:
					spec += "_files"
				default:
					spec += " "
				}
			}
			fmt.Fprintf(w, "\t\t\t'%s' \\\n", spec)
		}
		switch {
		case len(c.sub) > 0:
			fmt.Fprintf(w, "\t\t\t'1:subcommand:(%s)' \\\n\t\t\t'*:file:_files'\n", strings.Join(c.sub, " "))
		case c.name == "help":
			var names []string
			for _, c := range cmds {
				names = append(names, c.name)
			}
			fmt.Fprintf(w, "\t\t\t'1:command:(%s)'\n", strings.Join(names, " "))
		default:
			fmt.Fprint(w, "\t\t\t'*:file:_files'\n")
		}
		fmt.Fprint(w, "\t\t;;\n")
	}
	fmt.Fprint(w, "\tesac\n}\nif [ \"$funcstack[1]\" = \"_xref\" ]; then\n\t_xref \"$@\"\nelse\n\tcompdef _xref xref\nfi\n")
}

// fishQuote quotes a string for fish.
func fishQuote(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, "'", `\'`).Replace(s) + "'"
}

func writeFish(w io.Writer, cmds []compCommand) {
	fmt.Fprint(w, "# fish completion for xref; install: xref completion fish > ~/.config/fish/completions/xref.fish\ncomplete -c xref -f\n")
	for _, c := range cmds {
		fmt.Fprintf(w, "complete -c xref -n __fish_use_subcommand -a %s -d %s\n", c.name, fishQuote(c.summary))
	}
	for _, c := range cmds {
		cond := fishQuote("__fish_seen_subcommand_from " + c.name)
		for _, s := range c.sub {
			fmt.Fprintf(w, "complete -c xref -n %s -a %s\n", cond, s)
		}
		for _, f := range c.flags {
			line := fmt.Sprintf("complete -c xref -n %s -l %s", cond, f.name)
			if f.value {
				line += " -r"
				if len(f.choices) > 0 {
					line += " -x -a " + fishQuote(strings.Join(f.choices, " "))
				}
			}
			if f.usage != "" {
				line += " -d " + fishQuote(f.usage)
			}
			fmt.Fprintln(w, line)
		}
		if len(c.sub) == 0 && c.name != "help" && c.name != "version" {
			fmt.Fprintf(w, "complete -c xref -n %s -F\n", cond)
		}
	}
}
