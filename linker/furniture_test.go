package linker

import (
	"fmt"
	"strings"
	"testing"
)

// TestFurnitureFormFeed checks that a running head on the first line of a
// page, after the form feed PDF text puts at a page break, is page
// furniture like one after a plain line break, and that a sentence starting
// a page keeps its citations.
func TestFurnitureFormFeed(t *testing.T) {
	var body strings.Builder
	for i := range 20 {
		fmt.Fprintf(&body, "%d. Invented paragraph of the text, about nothing in particular.\n\n", i+1)
	}
	head := "United Nations S/RES/4321 (2031)\n\nSecurity Council Distr.: General\n\n1 March 2031\n\n\nResolution 4321 (2031)\n\nAdopted by the Security Council at its 9999th meeting, on 1 March 2031\n\n"
	tests := []struct {
		name string
		page string // what follows the body
		want []string
	}{
		{"running head after a job number", "31-12345 (E)\n\fS/RES/4321 (2031)\n\nMore text.\n", nil},
		{"running head alone", "\n\fS/RES/4321 (2031)\n\nMore text.\n", nil},
		{"two form feeds", "31-12345 (E)\n\f\fS/RES/4321 (2031)\n\nMore text.\n", nil},
		{"sentence at the top of a page", "\fS/RES/4321 (2031) recalls resolution 1234 (2030).\n\nMore text.\n",
			[]string{"S/RES/4321(2031)", "S/RES/1234(2030)"}},
		{"citation at the top of a page", "\fRecalling resolution 1234 (2030),\n\nMore text.\n", []string{"S/RES/1234(2030)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse([]byte(head+body.String()+tt.page), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if doc.Self != "S/RES/4321(2031)" {
				t.Errorf("self %q; want S/RES/4321(2031)", doc.Self)
			}
			var got []string
			for _, c := range doc.Citations {
				got = append(got, c.Key)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("citations %v; want %v", got, tt.want)
			}
		})
	}
}
