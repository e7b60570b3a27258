// Package normalize turns the ways United Nations texts cite documents into
// canonical document symbols.
//
// Every language version of a UN document carries the same symbol
// (A/RES/73/266), but prose cites it in many forms: "resolution 73/266",
// "第 73/266 号决议", "la resolución 73/266", "la résolution 73/266",
// "резолюцией 73/266", "قرارها 73/266", "S/RES/1540 (2004)",
// "S / PRST / 1994 / 16", "resoluciones 2 (I), de 1° de febrero de 1946, … y
// 61/236". The package has three parts:
//
//   - Folding (fold.go): full-width forms, exotic spaces, Arabic-Indic digits,
//     invisible marks and Cyrillic look-alike capitals inside symbols are
//     turned into plain ASCII, with a map from every folded byte back to the
//     original input, so that offsets stay exact.
//   - Symbols (symbol.go): ParseSymbol validates a symbol and gives its
//     canonical Key (for comparison, URLs and storage: S/RES/1540(2004)) and
//     its Display form (S/RES/1540 (2004)). Press-release numbers (GA/12174)
//     and non-symbols (24/7, and/or, km/h) are rejected.
//   - Citations (grammar_*.go and the scanner files below): an Extractor
//     scans text once and reports every citation with byte offsets into the
//     input. The words of each of the six UN languages (triggers, organs,
//     connectors, dates, paragraph pins, proclitics, part and session
//     words, adjectives after a trigger, the articles that may stand for a
//     trigger after an adverb, acronyms that name an organ only right after
//     the numbers, the divisions of a report, the participles that open a
//     clause before its organ) are
//     data in a Grammar value; the scanner is the same for all.
//     With Options.Anaphora it also reports references back ("ladite
//     résolution", "该决议", refer.go) to the citation they point at.
//
// The scanner is split by concern:
//
//   - extract.go: the Extractor, its compiled word tables and the Citation type.
//   - scan.go: the digit-to-digit scan, token starts and URLs.
//   - trigger.go: trigger words before numbers and the prose phrase they start.
//   - explicit.go: symbols written out (A/RES/73/266) and their continuations.
//   - items.go: one number of a prose citation (73/266, 217 A (III), 1540 (2004)).
//   - enumerate.go: enumerations of items and the connectors between them.
//   - dates.go: date clauses between items.
//   - tails.go: Chinese groups closed by a tail word (第 73/266 号决议).
//   - organ.go: the evidence for the organ of a prose citation.
//   - key.go: canonical keys of prose citations.
//   - years.go: Security Council years and the doubts they raise; the
//     years come from scyears_table.go, which gen_scyears.go writes from
//     known symbols and the facts in scyears_recent.tsv.
//   - pin.go: paragraph pins (paragraph 8 of resolution …).
//
// # Canonical keys
//
// General Assembly resolutions are A/RES/session/number (A/RES/73/266), or
// A/RES/number(ROMAN) before 1976 (A/RES/217(III)); special sessions give
// A/RES/S-10/2 and A/RES/ES-10/19. Security Council resolutions are
// S/RES/number(year), or S/RES/number when neither the text nor xref knows
// the year. Decisions of the General Assembly are A/DEC/session/number; they
// are not issued as documents and have no URL. ECOSOC and Human Rights
// Council resolutions are E/RES/year/number and A/HRC/RES/session/number.
// Part letters (31/6 A and B) are an attribute, not part of the key.
// Explicit symbols keep their series and suffixes with every space removed.
//
// The package imports no other xref package.
package normalize
