package normalize

import "strconv"

// itemKey builds the canonical key and display form of an item.
func itemKey(it item, said Kind, o Organ) (key, display string, ok bool) {
	var series string
	switch o {
	case OrganGA:
		series = "A"
	case OrganSC:
		series = "S"
	case OrganECOSOC:
		series = "E"
	case OrganHRC:
		series = "A/HRC"
	case OrganCHR:
		series = "E/CN.4"
	default:
		return "", "", false
	}
	kind := "/RES/"
	if said == KindDecision {
		kind = "/DEC/"
	}
	var buf [48]byte
	b := append(buf[:0], series...)
	switch it.form {
	case itemNew:
		b = append(b, kind...)
		if it.special != "" {
			b = append(append(b, it.special...), '-')
		}
		b = strconv.AppendInt(b, int64(it.a), 10)
		b = append(b, '/')
		b = strconv.AppendInt(b, int64(it.b), 10)
		key = string(b)
		return key, key, true
	case itemRoman, itemYear, itemBare:
		if kind == "/DEC/" {
			// Decisions were not numbered before 1976, and Security Council
			// decisions never are.
			return "", "", false
		}
		if it.form != itemRoman {
			b = append(b[:0], 'S')
		}
		b = append(b, "/RES/"...)
		b = strconv.AppendInt(b, int64(it.a), 10)
		var sess []byte
		switch it.form {
		case itemRoman:
			if it.special != "" {
				sess = append(append(sess, it.special...), '-')
			}
			sess = append(sess, it.roman...)
		case itemYear:
			sess = strconv.AppendInt(sess, int64(it.b), 10)
		case itemBare:
			if y := SCYear(it.a); y != 0 {
				sess = strconv.AppendInt(sess, int64(y), 10)
			} else if it.year != 0 && scYearFits(it.a, it.year) {
				// "resolution 2715 of 1 December 2023": a number the table
				// lacks takes the year of its date clause.
				sess = strconv.AppendInt(sess, int64(it.year), 10)
			}
		}
		if len(sess) == 0 {
			key = string(b)
			return key, key, true
		}
		n := len(b)
		b = append(append(append(b, ' ', '('), sess...), ')')
		display = string(b)
		return display[:n] + display[n+1:], display, true
	}
	return "", "", false
}
