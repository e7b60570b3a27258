/*
Package linker reads meeting transcripts and links their citations of UN
documents to the links they carry.

A transcript is read whole by [Parse] (plain text, PDF text exports and
HTML; UTF-8, UTF-16, GB18030 and Windows-1252): its citations, found by the
normalize package and located by byte offsets, line and column in
characters; its links, written as URLs or HTML anchors; its own symbol,
found in its page furniture, front matter or masthead, which is its
identity and never a citation; and its language. Parse also pairs each link
with the citation it goes with, as a reader would: an anchor around or
right after the citation, a URL after it in its paragraph, or, in PDF text,
the footnote links that follow each page, aligned in order.

Every use of a document reads one decision per citation, its [Verdict]:
the symbol the text means (the one a doubt names, when the text wrote a
decision's number as a resolution or a resolution's year wrongly), its
kind, its address in the transcript's language, its link and the
corrected address of that link. [Crossref] reports the findings of xref
check from it, [Expand] makes citations into links and corrects wrong
links from it, and the citation graph records it, so no output offers a
symbol another calls something else.

[Stream] reads a transcript of any size in constant memory and gives its
citations with the same offsets and positions as Parse. [Compare] lines up
the citations of the language versions of one record.

Offsets always refer to Document.Input, the transcript as UTF-8:
Input[c.Start:c.End] is exactly the text a citation or link came from.
*/
package linker
