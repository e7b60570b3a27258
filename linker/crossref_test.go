package linker

import (
	"strings"
	"testing"
)

// pairs returns, for each citation, the URL of its link or "-".
func pairs(t *testing.T, text string, opt Options) (*Document, []string, []Finding) {
	t.Helper()
	doc, err := Parse([]byte(text), opt)
	if err != nil {
		t.Fatal(err)
	}
	fs := Crossref(doc)
	var out []string
	for _, c := range doc.Citations {
		if c.Link < 0 {
			out = append(out, c.Key+"=-")
		} else {
			out = append(out, c.Key+"="+doc.Links[c.Link].URL)
		}
	}
	return doc, out, fs
}

func rules(fs []Finding) string {
	var r []string
	for _, f := range fs {
		r = append(r, f.Rule)
	}
	return strings.Join(r, " ")
}

func TestCrossrefModes(t *testing.T) {
	tests := []struct {
		name, text string
		opt        Options
		want       []string
		rules      string
	}{
		{
			name:  "inline after the citation",
			text:  "We recall resolution 73/266 (https://undocs.org/en/A/RES/73/266) and resolution 73/27.\n",
			want:  []string{"A/RES/73/266=https://undocs.org/en/A/RES/73/266", "A/RES/73/27=-"},
			rules: "unlinked-citation",
		},
		{
			name:  "later in the paragraph",
			text:  "Resolutions 1540 (2004) and 1977 (2011) remain central (https://undocs.org/en/S/RES/1977(2011)).\n",
			want:  []string{"S/RES/1540(2004)=-", "S/RES/1977(2011)=https://undocs.org/en/S/RES/1977(2011)"},
			rules: "unlinked-citation",
		},
		{
			name: "footnote block in citation order",
			text: "第 73/27 号决议和 CD/2141 号文件。\n\n第 72/251 号决议。\n\nhttps://undocs.org/zh/A/RES/73/27\nhttps://undocs.org/zh/CD/2141\n\n" +
				"正文继续。\n\nhttps://undocs.org/zh/A/RES/72/251\n",
			want: []string{"A/RES/73/27=https://undocs.org/zh/A/RES/73/27", "CD/2141=https://undocs.org/zh/CD/2141", "A/RES/72/251=https://undocs.org/zh/A/RES/72/251"},
		},
		{
			name: "footnote with another symbol",
			text: "第 73/266 号决议。\n\nhttps://undocs.org/zh/A/RES/73/226\n",
			want: []string{"A/RES/73/266=https://undocs.org/zh/A/RES/73/226"}, rules: "link-mismatch",
		},
		{
			name: "a link never pairs with a citation after it",
			text: "https://undocs.org/zh/A/RES/73/266\n\n第 73/266 号决议。\n",
			want: []string{"A/RES/73/266=-"}, rules: "orphan-link unlinked-citation",
		},
		{
			name:  "footnote block skips an unlinked citation",
			text:  "第 73/27 号决议、第 73/32 号决议和第 73/266 号决议。\n\nhttps://undocs.org/zh/A/RES/73/27\nhttps://undocs.org/zh/A/RES/73/266\n",
			want:  []string{"A/RES/73/27=https://undocs.org/zh/A/RES/73/27", "A/RES/73/32=-", "A/RES/73/266=https://undocs.org/zh/A/RES/73/266"},
			rules: "unlinked-citation",
		},
		{
			name:  "anchor around the citation",
			text:  `<p>the <a href="https://undocs.org/en/A/RES/73/266">resolution 73/266</a> and resolution 73/27</p>`,
			want:  []string{"A/RES/73/266=https://undocs.org/en/A/RES/73/266", "A/RES/73/27=-"},
			rules: "unlinked-citation",
		},
		{
			name: "anchor after the citation",
			text: `<p>document A/74/120 <a href="https://undocs.org/en/A/74/120">[link]</a></p>`,
			want: []string{"A/74/120=https://undocs.org/en/A/74/120"},
		},
		{
			name:  "html anchors are not aligned like footnotes",
			text:  `<p>resolution 73/266</p><p><a href="https://undocs.org/en/A/RES/79/1">the Pact</a></p>`,
			want:  []string{"A/RES/73/266=-"},
			rules: "unlinked-citation orphan-link",
		},
		{
			name:  "decision is never linked",
			text:  "decision 70/551\n\nhttps://undocs.org/en/A/RES/70/551\n",
			want:  []string{"A/DEC/70/551=-"},
			rules: "unlinked-citation orphan-link",
		},
		{
			name:  "language other than the transcript's",
			text:  "We recall resolution 73/266 (https://undocs.org/fr/A/RES/73/266).\n",
			want:  []string{"A/RES/73/266=https://undocs.org/fr/A/RES/73/266"},
			rules: "nonstandard-language",
		},
		{
			name: "security council key with and without year",
			text: "resolution 2202 (2015) (https://undocs.org/en/S/RES/2202)\n",
			want: []string{"S/RES/2202(2015)=https://undocs.org/en/S/RES/2202"},
		},
		{
			name: "links to other sites are not checked",
			text: "resolution 73/266 (https://www.un.org/en/ga/)\n",
			want: []string{"A/RES/73/266=-"}, rules: "unlinked-citation",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got, fs := pairs(t, tt.text, tt.opt)
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("pairs:\n got %v\nwant %v", got, tt.want)
			}
			if r := rules(fs); r != tt.rules {
				t.Errorf("findings %q; want %q", r, tt.rules)
			}
		})
	}
}

func TestFindingsCarrySuggestions(t *testing.T) {
	_, _, fs := pairs(t, "第 73/266 号决议。\n\nhttps://undocs.org/ch/A/RES/73/226\n", Options{})
	var got []string
	for _, f := range fs {
		got = append(got, f.Rule+" "+string(f.Severity)+" "+f.Suggestion)
	}
	want := "link-mismatch error https://undocs.org/zh/A/RES/73/266|nonstandard-language warning https://undocs.org/zh/A/RES/73/266"
	if strings.Join(got, "|") != want {
		t.Errorf("findings:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
}
