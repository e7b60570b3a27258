package cli

import "strings"

// closest returns the candidate nearest to s by edit distance, when it is
// near enough to be what the user meant (at most a third of its letters
// wrong, or s a prefix of it); "" otherwise.
func closest(s string, candidates []string) string {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		d := editDistance(strings.ToLower(s), strings.ToLower(c))
		if len(s) >= 3 && strings.HasPrefix(c, s) {
			d = 1
		}
		if d < bestD {
			best, bestD = c, d
		}
	}
	if bestD <= 2 || bestD*3 <= len(s) {
		return best
	}
	return ""
}

// editDistance is the Levenshtein distance between two strings, counting
// runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
