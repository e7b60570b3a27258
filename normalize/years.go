package normalize

import (
	"strconv"
	"strings"
)

// doubt records what is odd about a prose citation.
func (s *scanner) doubt(c *Citation, it item, said Kind, o Organ) {
	if it.form == itemNew && o == OrganGA && it.special == "" && it.a >= 31 {
		switch {
		case said == KindResolution && it.b >= 400:
			dec := "A/DEC/" + strconv.Itoa(it.a) + "/" + strconv.Itoa(it.b)
			c.Doubts = append(c.Doubts, Doubt{Rule: "kind-mismatch", Key: dec,
				Message: "the text calls " + strconv.Itoa(it.a) + "/" + strconv.Itoa(it.b) +
					" a resolution, but General Assembly numbers from 400 up are decisions (" + dec + ")"})
		case said == KindDecision && it.b < 300:
			res := "A/RES/" + strconv.Itoa(it.a) + "/" + strconv.Itoa(it.b)
			c.Doubts = append(c.Doubts, Doubt{Rule: "kind-mismatch", Key: res,
				Message: "the text calls " + strconv.Itoa(it.a) + "/" + strconv.Itoa(it.b) +
					" a decision, but General Assembly decisions are numbered from 301 up; " + res + " is a resolution"})
		}
	}
	if it.form == itemYear {
		s.checkSCYear(c)
	}
}

// checkSCYear flags a Security Council resolution cited with a year other
// than the one it was adopted in, and completes one written without its
// year ("S/RES/1325" is S/RES/1325 (2000), the key every version shares):
// the table completes the symbol the text writes, it places nothing.
func (s *scanner) checkSCYear(c *Citation) {
	var n, y int
	if !strings.HasPrefix(c.Key, "S/RES/") {
		return
	}
	rest := c.Key[len("S/RES/"):]
	open := strings.IndexByte(rest, '(')
	if open < 0 && !strings.Contains(rest, "/") {
		if n, err := strconv.Atoi(rest); err == nil {
			if y := SCYear(n); y != 0 {
				c.Key += "(" + strconv.Itoa(y) + ")"
				c.Display += " (" + strconv.Itoa(y) + ")"
			}
		}
		return
	}
	if open < 0 || !strings.HasSuffix(rest, ")") {
		return
	}
	n, _ = strconv.Atoi(rest[:open])
	y, _ = strconv.Atoi(rest[open+1 : len(rest)-1])
	if want := SCYear(n); want != 0 && want != y {
		key := "S/RES/" + strconv.Itoa(n) + "(" + strconv.Itoa(want) + ")"
		c.Doubts = append(c.Doubts, Doubt{Rule: "year-mismatch", Key: key,
			Message: "Security Council resolution " + strconv.Itoa(n) + " was adopted in " + strconv.Itoa(want) + ", not " + strconv.Itoa(y)})
	}
}

// SCYear returns the year Security Council resolution n was adopted in, or
// 0 when xref does not know it.
func SCYear(n int) int {
	if n < 1 || n > scLastKnown {
		return 0
	}
	lo, hi := 0, len(scYearStarts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if scYearStarts[mid].first <= n {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return scYearStarts[lo].year
}

// scYearFits reports whether Security Council resolution n, whose year the
// table does not know, can have been adopted in year y: not before the year
// of the last known number below it, nor after the year of the first known
// number above it.
func scYearFits(n, y int) bool {
	lo, hi := 1946, 0
	for _, ys := range scYearStarts {
		if ys.year == 0 {
			continue
		}
		if ys.first <= n {
			lo = ys.year
		} else {
			hi = ys.year
			break
		}
	}
	return y >= lo && (hi == 0 || y <= hi)
}
