package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/xref-un/xref/linker"
)

// rule describes one rule of xref check, for --select and --ignore, the
// SARIF driver and docs/rules.md.
type rule struct {
	ID       string
	Severity linker.Severity
	Short    string // one line
	Help     string // what to do about it
	Resolve  bool   // reported only with --resolve
}

// rulesDoc is where each rule is explained; #anchor is the rule's id.
const rulesDoc = "https://github.com/xref-un/xref/blob/main/docs/rules.md"

var rules = []rule{
	{linker.RuleMalformedLink, linker.SeverityError, "a UN link whose path is not a valid document symbol",
		"Replace the address with the suggested one, the cited document in the transcript's language.", false},
	{linker.RuleLinkMismatch, linker.SeverityError, "the link names another document than the text cites",
		"Either the link or the citation is wrong: compare them, then correct the link (suggested) or the text.", false},
	{linker.RuleUnlinkedCitation, linker.SeverityWarning, "a citation without a link (info for decisions, which have no document)",
		"Link the citation to the suggested address; decisions of the General Assembly and ECOSOC are not issued as documents and need none.", false},
	{linker.RuleOrphanLink, linker.SeverityWarning, "a UN link that goes with no citation in the text",
		"Cite the document in the text near the link, or remove the link.", false},
	{linker.RuleNonstandardLanguage, linker.SeverityWarning, "a link language such as ch or sp, or other than the transcript's",
		"Use the ISO code of the transcript's language (zh, es …); one finding lists every link that repeats the same code.", false},
	{linker.RuleKindMismatch, linker.SeverityWarning, "the text calls a number a resolution when it is a decision's, or the reverse",
		"Check the citation against the record: the suggestion is the symbol the number has.", false},
	{linker.RuleYearMismatch, linker.SeverityWarning, "a Security Council resolution cited with a year other than its own",
		"Correct the year in the text; the suggestion is the resolution with its year of adoption.", false},
	{ruleBrokenLink, linker.SeverityError, "the link is dead (404, 410)",
		"Replace the link; xref graph and xref rot tell since when it is dead.", true},
	{ruleSoft404, linker.SeverityError, "the server answers a \"not found\" page with 200",
		"Replace the link; the page it leads to is not the document.", true},
	{ruleBlockedLink, linker.SeverityWarning, "the server refuses automated access",
		"Open the link in a browser to judge it.", true},
	{ruleUnresolvedLink, linker.SeverityInfo, "rate-limited, timed out or unreachable: not judged",
		"Run the check again later, or with a longer --max-wait.", true},
}

func ruleIDs() []string {
	ids := make([]string, len(rules))
	for i, r := range rules {
		ids[i] = r.ID
	}
	return ids
}

func ruleIndex(id string) int {
	for i, r := range rules {
		if r.ID == id {
			return i
		}
	}
	return -1
}

// ruleSet is the parsed value of --select or --ignore.
type ruleSet map[string]bool

// parseRules reads a comma-separated list of rule ids; an unknown one is a
// usage error that names the closest rule.
func parseRules(flag, list string) (ruleSet, error) {
	if strings.TrimSpace(list) == "" {
		return nil, nil
	}
	set := ruleSet{}
	for _, id := range strings.Split(list, ",") {
		id = strings.ToLower(strings.TrimSpace(id))
		if id == "" {
			continue
		}
		if ruleIndex(id) < 0 {
			msg := fmt.Sprintf("%s: unknown rule %q", flag, id)
			if s := closest(id, ruleIDs()); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			ids := ruleIDs()
			sort.Strings(ids)
			return nil, usagef("%s; rules: %s", msg, strings.Join(ids, ", "))
		}
		set[id] = true
	}
	return set, nil
}

// ruleFilter keeps the findings of the selected rules that are not ignored.
type ruleFilter struct{ sel, ign ruleSet }

func (f ruleFilter) keep(id string) bool {
	if f.sel != nil && !f.sel[id] {
		return false
	}
	return !f.ign[id]
}
