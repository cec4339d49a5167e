"""URL helpers: canonical form, same-site test and dates written into URLs."""

from __future__ import annotations

import re
from datetime import datetime
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit, urlunsplit

from portal_lint.extract.dates import MAX_YEAR, MIN_YEAR

# Query parameters that only track the visit and never change the page.
_TRACKING_EXACT = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gbraid",
        "wbraid",
        "msclkid",
        "yclid",
        "mc_cid",
        "mc_eid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "zarsrc",
        "zalo_source",
        "igshid",
        "ref_src",
        "spm",
        "share",
        "fb_action_ids",
        "fb_action_types",
        "fb_source",
        "ocid",
    }
)
_TRACKING_PREFIXES = ("utm_", "__hs", "pk_", "mtm_")
_DEFAULT_PORTS = {"http": 80, "https": 443}


def _is_tracking(name: str) -> bool:
    low = name.lower()
    return low in _TRACKING_EXACT or low.startswith(_TRACKING_PREFIXES)


# Cached: a page's links are canonicalised several times over (items, their blocks, the
# pager), and a site's menus repeat on all its pages (the caches below hit across pages).
@lru_cache(maxsize=2048)
def canonicalize(url: str, base: str | None = None) -> str:
    """Absolute URL with lower-case scheme/host, no default port, no fragment, no tracking
    parameters and sorted query parameters. The path keeps its case (served as is).

    Non-http(s) URLs (mailto:, javascript:) are returned stripped but otherwise unchanged.
    """
    url = (url or "").strip()
    if not base:
        return _canonical(url)
    if (url.startswith("/") and not url.startswith("//")) or _WITH_HOST_RE.match(url):
        # urljoin() takes only the scheme and host from the base of a root-relative or an
        # absolute reference: joined against the site's origin, it is cached for all pages.
        base = _origin(base)
    return _joined(url, base)


# An absolute http(s) URL with a host (a letter or digit after "//" cannot be dropped).
_WITH_HOST_RE = re.compile(r"https?://[a-z0-9]", re.IGNORECASE)


@lru_cache(maxsize=256)
def _origin(base: str) -> str:
    try:
        parts = urlsplit(base)
    except ValueError:
        return base
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return base
    return f"{parts.scheme}://{parts.netloc}"


@lru_cache(maxsize=2048)
def _joined(url: str, base: str) -> str:
    try:
        url = urljoin(base, url)
    except ValueError:  # e.g. "http://[::1" (broken IPv6 literal) in real hrefs
        return url
    return _canonical(url)


@lru_cache(maxsize=2048)
def _canonical(url: str) -> str:
    """canonicalize() of a stripped, already joined URL."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        return url
    host = (parts.hostname or "").lower().rstrip(".")
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host
    if port and port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{port}"
    path = parts.path or "/"
    query = ""
    if parts.query:
        query_pairs = [
            (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)
        ]
        query_pairs.sort()
        query = urlencode(query_pairs, safe="/:,@!$'()*")
    return urlunsplit((scheme, netloc, path, query, ""))


@lru_cache(maxsize=2048)
def _host_port(url: str) -> tuple[str, int | None]:
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower().rstrip(".")
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme.lower())
    except ValueError:
        return "", None
    if host.startswith("www."):
        host = host[4:]
    return host, port


def same_site(url: str, site_url: str) -> bool:
    """True when both URLs have the same host (a leading "www." ignored) and the same port
    (http and https count as the same site: portals often mix them)."""
    h1, p1 = _host_port(url)
    h2, p2 = _host_port(site_url)
    if not h1 or h1 != h2:
        return False
    # http/https defaults (80/443) are the same site; explicit other ports must match.
    default = {80, 443, None}
    return p1 == p2 or (p1 in default and p2 in default)


_WAYBACK_RE = re.compile(r"/web/\d{8,14}[a-z_]*/")
_URL_DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    # PublishedDate=2017-01-06T15:40:00Z (Lạc Việt SharePoint), date=2024-05-20, ngay=20/05/2024
    re.compile(
        r"(?:published|publish|date|ngay|ngaydang)[a-z_]*=(\d{4})-(\d{2})-(\d{2})"
        r"(?:T(\d{2})(?::|%3a)(\d{2})(?:(?::|%3a)(\d{2}))?)?",
        re.IGNORECASE,
    ),
    # /2024/05/20/slug or /2024/5/20/
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?=/|$|[-_.])"),
    # /20240520-slug, -20240520.html, _20240520123000
    re.compile(r"(?<![\d])((?:19|20)\d{2})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?(?![\d])"),
    # /2024-05-20/ or -2024-05-20-
    re.compile(r"(?<![\d])((?:19|20)\d{2})-(\d{2})-(\d{2})(?![\d])"),
)


def date_from_url(url: str) -> datetime | None:
    """A publication date written into the URL, or None.

    `PublishedDate=…Z` values of Lạc Việt SharePoint portals are the local wall-clock time
    despite the "Z" (posting hours cluster in Vietnamese office hours), so the time is kept
    as written rather than converted from UTC.
    """
    if not url:
        return None
    # A Web Archive prefix (/web/20180312211947im_/http://…) is a capture time, not a date.
    text = _WAYBACK_RE.sub("/", unquote(url))
    for pat in _URL_DATE_PATTERNS:
        for m in pat.finditer(text):
            groups = [g for g in m.groups()]
            y, mo, d = int(groups[0]), int(groups[1]), int(groups[2])
            if not (MIN_YEAR <= y <= MAX_YEAR):
                continue
            h = int(groups[3]) if len(groups) > 3 and groups[3] else 0
            mi = int(groups[4]) if len(groups) > 4 and groups[4] else 0
            s = int(groups[5]) if len(groups) > 5 and groups[5] else 0
            try:
                return datetime(y, mo, d, h, mi, s)
            except ValueError:
                try:
                    return datetime(y, mo, d)
                except ValueError:
                    continue
    return None
