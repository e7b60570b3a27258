/*
Package unsim is a simulator of the UN document servers, for tests,
benchmarks and `xref sim`: one http.Handler (Sim) that answers for
undocs.org, www.undocs.org, docs.un.org, documents.un.org,
digitallibrary.un.org, daccess-ods.un.org, documents-dds-ny.un.org and
www.un.org by the request's Host header, with a corpus of symbols per
language (a Scenario) and the behaviours that a UN link checker has to cope
with. Start runs it on a loopback address; point the client at it with
fetch.Options.BaseURL (xref's --base-url or XREF_BASE_URL) and the client
keeps the real URLs while talking only to the simulator.

Nothing here was observed on the live servers: the behaviours are those
that people who maintain tools for UN documents report, and those every link
checker meets; a few are assumptions, marked as such. They are what the
client must survive, not a promise about today's UN servers.

# Behaviours

  - undocs.org/<lang>/<SYMBOL> forwards every symbol, known or not, with
    302 to docs.un.org/<lang>/<SYMBOL>, which 302s to the file on
    documents.un.org (ViaRedirect, the default). undocs.org stands in front
    of the new document system: docs.un.org viewer, documents.un.org files
    (the chain itself is an assumption; docs.un.org's real DOM is unknown).
  - Chains of 200 pages with <meta http-equiv="refresh">, "1; URL=/tmp/….html"
    then "0;url='…'" in upper case with quotes (ViaMetaRefresh: 200 pages
    that refresh a second later, as undocs.org once answered and daccess-ods
    does).
  - Viewer pages embedding the file in an iframe, next to an unrelated
    iframe (ViaIframe).
  - Legacy framesets: header, document and footer frames (ViaFrameset;
    www.un.org/en/ga/search/view_doc.asp).
  - Landing pages with <meta name="citation_pdf_url"> (ViaCitation) or a
    plain link to the PDF (ViaPDFLink).
  - undocs.org/pdf?symbol=[<lang>/]<SYMBOL> and ViaDirect serve the file
    itself, with no viewer page.
  - The documents.un.org symbol API, /api/symbol/access?s=&l=&t=, serves the
    file; l is a one-letter code (A C E F R S) or ISO.
  - An unknown symbol (or a language the document lacks) gets 200 with a
    ~1.3 KB HTML "not found" stub, from the API and from docs.un.org. The
    stub's text is made up.
  - An unpublished document gets 200 with an empty body (State Unpublished;
    the symbol API does so).
  - Soft blocking: after SoftBlock.After requests within SoftBlock.Window,
    documents.un.org answers the stub even for documents that exist, until
    the client rests (reported after a few hundred requests in a row, for
    some minutes). With SoftBlock.Hold the block lasts that long whatever
    the client does, then service resumes until the next After requests:
    throttling and service alternate.
  - digitallibrary.un.org answers every path with 202 Accepted,
    "Server: awselb/2.0", "x-amzn-waf-action: challenge".
  - Legacy daccess-ods.un.org/access.nsf/Get?OpenAgent&DS=…&Lang=E answers a
    meta refresh to the file on documents-dds-ny.un.org, at a job-number
    path.
  - Files start with real magic bytes: %PDF-1.7, PK 03 04 (docx),
    D0 CF 11 E0 (doc), FF 57 50 43 (WordPerfect); they honour
    Range (206, 416), ETag, Last-Modified and conditional requests
    (http.ServeContent). Their paths are job-number paths, one per language
    version.
  - HTML is gzip-encoded for clients that accept it (common server
    behaviour), so clients exercise their decoders.

Injected by Rules (nobody reports these of the UN servers; they are the
failure modes every link checker meets):
429 with Retry-After in seconds or as an HTTP-date (Action429), 503 and 500,
any status, slow answers (ActionSlow), connection resets (ActionReset:
hijack, then close with SO_LINGER 0), redirect loops (ActionLoop: undocs.org
⇄ docs.un.org), endless bodies (ActionEndless), gzip bombs
(ActionGzipBomb), the stub or an empty body on demand, the WAF challenge on
any host; Scenario.Latency adds latency to every answer. A rule can apply to
the first Times requests per URL (a 429 once, then fine) or per rule.

# Assumption: the "ch" language segment

The seed transcript links https://undocs.org/ch/<SYMBOL>. What undocs.org
does with "ch" (and "sp") is unknown. By default the simulator serves "ch" like "zh" and "sp" like
"es" (DefaultLangAliases); set Scenario.LangAliases to an empty map to make
such segments part of the symbol instead, so the links find nothing.
Likewise a path without a language segment is served in English
(Scenario.DefaultLang), an assumption.

# Scenarios and nights

A Scenario is built in Go (AddDoc, AddRule) or loaded from a JSON file with
LoadFile:

	{
	  "name": "night2",
	  "extends": "night1.json",
	  "latency": "20ms",
	  "lang_aliases": {"ch": "zh"},
	  "default_lang": "en",
	  "no_waf": false,
	  "soft_block": {"hosts": ["documents.un.org"], "after": 300, "window": "5m"},
	  "docs": [
	    {"symbol": "A/RES/73/266", "langs": ["en"], "via": "meta-refresh",
	     "format": "pdf", "version": 2, "file": "/doc/undoc/gen/n19/999/01/pdf/n1999901.pdf",
	     "state": "published", "size": 16384, "modified": "2019-01-02T00:00:00Z"},
	    {"symbol": "A/RES/73/27", "langs": ["en"], "state": "absent"}
	  ],
	  "rules": [
	    {"host": "documents.un.org", "path": "/api/", "symbols": ["A/RES/1/1"],
	     "action": "429", "retry_after": "1", "times": 1, "per_rule": false},
	    {"action": "slow", "delay": "2s", "symbols": ["A/RES/2/2"]}
	  ]
	}

Every field is optional but a doc's "symbol" and a rule's "action" ("file"
applies to every language of its entry, so give it with one language);
durations are Go duration strings. "extends" names a scenario (relative to
the file) that this one changes: docs are merged by symbol and language
(the later entry wins; "state": "absent" removes a document), and every
other field given replaces the parent's ("rules" as a whole). That is how a
link-rot test plays nights: night2.json extends night1.json and says only
what changed (a document disappears, a file moves so the redirect target
changes, a version changes the bytes, ETag and hash under the same URL);
night3.json adds a host answering 429 with a Retry-After of a day and a half. Switch a
running simulator to the next night with SetScenario: the address stays the
same, rule counters and soft-block windows start afresh.

Built-in scenarios (Builtin): "demo" (Demo: the seed documents plus one
symbol per behaviour), "seed", "empty", "dead-links" (DeadLinks: dead links
and where their documents still are). testdata/ holds seed.json (the
seed transcript: every link resolves except https://undocs.org/ch/73/546)
and night1.json, night2.json, night3.json.

# Counting

The simulator counts what it receives, so tests can assert politeness and
confinement: Stats (requests per host and per URL, most requests in flight
per host, answers per status, bytes spent on endless bodies and bombs),
Count(host, path), and Log (every request with arrival and completion
times, Host, path, query, symbol, status, Range and User-Agent). A request
for any host the simulator does not serve is answered 421 and counted
under that host.

Start refuses non-loopback addresses: the simulator is a fixture and must
not face a network.
*/
package unsim
