package fetch

import "errors"

// Sentinel errors. A Result that is not ok carries an error (Result.Err) that
// wraps one of these, a context error or a network error; test for them with
// errors.Is.
var (
	// ErrInvalidURL reports a URL that cannot be parsed or has no host.
	ErrInvalidURL = errors.New("fetch: invalid URL")
	// ErrScheme reports a URL whose scheme is not http or https.
	ErrScheme = errors.New("fetch: scheme not allowed (only http and https)")
	// ErrHostNotAllowed reports a host outside the allow list, or, when a
	// base URL is set, a host that is not mapped through it.
	ErrHostNotAllowed = errors.New("fetch: host not allowed")
	// ErrForbiddenAddress reports a dial refused because the address is
	// loopback, private, link-local, unspecified, multicast or otherwise
	// reserved, and Options do not allow it.
	ErrForbiddenAddress = errors.New("fetch: address not allowed")
	// ErrUnknownLanguage reports a language code that is none of the six
	// official languages in any accepted spelling.
	ErrUnknownLanguage = errors.New("fetch: unknown language code")
	// ErrEmptySymbol reports a symbol request without a symbol.
	ErrEmptySymbol = errors.New("fetch: empty symbol")
	// ErrBadRequest reports a Request that sets neither or both of URL and
	// Symbol.
	ErrBadRequest = errors.New("fetch: request needs exactly one of URL and Symbol")
	// ErrBadOptions reports inconsistent Options given to New.
	ErrBadOptions = errors.New("fetch: bad options")

	// ErrRedirectLoop reports a hop chain that comes back to a URL already
	// visited.
	ErrRedirectLoop = errors.New("fetch: redirect loop")
	// ErrTooManyHops reports a hop chain longer than Options.MaxHops.
	ErrTooManyHops = errors.New("fetch: too many hops")
	// ErrBadRedirect reports a redirect without a usable Location.
	ErrBadRedirect = errors.New("fetch: redirect without a usable Location")
	// ErrNotFound reports a 4xx answer (404, 410, 400 …).
	ErrNotFound = errors.New("fetch: not found")
	// ErrSoft404 reports a 200 answer without a document where one was
	// expected (the UN "not found" stub or an empty body), still seen after
	// the configured retries.
	ErrSoft404 = errors.New("fetch: soft 404")
	// ErrBlocked reports a bot wall or an authorisation refusal (WAF
	// challenge, 401, 403, 451).
	ErrBlocked = errors.New("fetch: blocked by the server")
	// ErrRateLimited reports 429 answers that outlasted the retries, or a
	// Retry-After longer than Options.MaxRetryAfter.
	ErrRateLimited = errors.New("fetch: rate limited")
	// ErrServer reports 5xx answers that outlasted the retries, and server
	// misbehaviour such as an unexpected status code.
	ErrServer = errors.New("fetch: server error")
	// ErrBadBody reports a body that could not be decoded (broken gzip).
	ErrBadBody = errors.New("fetch: undecodable body")
)
