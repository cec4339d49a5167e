"""RSS/Atom feeds and XML sitemaps: discovery and parsing (pure, never raises)."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from calendar import timegm
from datetime import UTC, datetime
from xml.etree.ElementTree import Element

import feedparser
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring as safe_fromstring
from selectolax.lexbor import LexborHTMLParser

from portal_lint.extract.dates import VN_TZ, parse_vn_datetime
from portal_lint.extract.listing import ListingItem
from portal_lint.extract.text import normalize_text
from portal_lint.extract.urls import canonicalize, same_site

# Sitemaps are capped at 50 MB uncompressed by the protocol; refuse anything larger.
MAX_XML_BYTES = 50 * 1024 * 1024
_FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "text/xml",
    "application/xml",
)
_FEED_HREF_RE = re.compile(
    r"(?:/rss(?:/|\.aspx|\.xml|\.html?|$)|/feeds?(?:/|\.xml|$)|\.rss$|/atom(?:\.xml)?$|"
    r"[?&](?:format|type)=(?:rss|atom)|rss\.aspx|/rss/[^/]+)",
    re.IGNORECASE,
)
_TAG_RE = re.compile(r"<[^>]+>")


def find_feed_links(html: str, url: str) -> list[str]:
    """Feed URLs declared by <link rel=alternate> or linked as /rss, /feed, … on the page."""
    if not html:
        return []
    try:
        tree = LexborHTMLParser(html)
    except Exception:  # noqa: BLE001 - hostile input must not crash a crawl
        return []
    out: list[str] = []
    for link in tree.css("link[href]"):
        rel = (link.attributes.get("rel") or "").lower()
        typ = (link.attributes.get("type") or "").lower()
        if "alternate" in rel and any(t in typ for t in ("rss", "atom", "rdf")):
            out.append(canonicalize(link.attributes.get("href") or "", url))
    for a in tree.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        absolute = canonicalize(href, url)
        text = normalize_text(a.text(deep=True) or "").lower()
        if _FEED_HREF_RE.search(absolute) or text in ("rss", "rss feed", "atom"):
            if same_site(absolute, url) or _FEED_HREF_RE.search(absolute):
                out.append(absolute)
    return list(dict.fromkeys(u for u in out if u.startswith("http")))


def _struct_to_local(value: object) -> datetime | None:
    """feedparser's UTC struct_time -> naive Vietnam local time."""
    try:
        ts = timegm(value)  # type: ignore[arg-type]
        return datetime.fromtimestamp(ts, tz=UTC).astimezone(VN_TZ).replace(tzinfo=None)
    except (TypeError, ValueError, OverflowError):
        return None


def parse_feed(body: bytes, url: str) -> list[ListingItem] | None:
    """Items of an RSS/Atom feed, or None when the body is not a feed."""
    if not body or len(body) > MAX_XML_BYTES:
        return None
    try:
        parsed = feedparser.parse(io.BytesIO(body), response_headers={"content-location": url})
    except Exception:  # noqa: BLE001 - feedparser is robust, but never let a bad body crash a crawl
        return None
    if not parsed.get("version") and not parsed.entries:
        return None
    items: list[ListingItem] = []
    for entry in parsed.entries:
        link = entry.get("link") or ""
        if not link:
            for alt in entry.get("links", []) or []:
                if alt.get("href"):
                    link = alt["href"]
                    break
        if not link:
            continue
        published = None
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            if entry.get(key):
                published = _struct_to_local(entry[key])
                if published:
                    break
        if published is None:
            for key in ("published", "updated", "dc_date", "pubdate"):
                raw = entry.get(key)
                if isinstance(raw, str):
                    published = parse_vn_datetime(raw)
                    if published:
                        break
        summary_raw = entry.get("summary") or ""
        summary = normalize_text(_TAG_RE.sub(" ", summary_raw)) or None
        items.append(
            ListingItem(
                url=canonicalize(link, url),
                title=normalize_text(entry.get("title") or ""),
                published=published,
                summary=summary,
            )
        )
    return items


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(el: Element, name: str) -> str | None:
    for child in el.iter():
        if child is not el and _local(child.tag) == name and child.text:
            return child.text.strip()
    return None


def _maybe_gunzip(body: bytes) -> bytes | None:
    if not body.startswith(b"\x1f\x8b"):
        return body
    try:
        # Bounded decompression: a gzip bomb stops at the cap instead of filling memory.
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(body, MAX_XML_BYTES + 1)
        if len(out) > MAX_XML_BYTES:
            return None
        return out
    except (zlib.error, EOFError, gzip.BadGzipFile):
        return None


def parse_sitemap(body: bytes, url: str) -> tuple[list[ListingItem], list[str]] | None:
    """(urlset entries, nested sitemap URLs) of an XML sitemap; None when not a sitemap.

    A Google News `publication_date` becomes the item's date; `lastmod` goes to `modified`
    (an upper bound of the publication date, used only to skip old pages).
    XML is parsed with defusedxml (no entity expansion, no external entities, no DTD
    tricks) after a size cap, so billion-laughs and XXE payloads are refused.
    """
    if not body or len(body) > MAX_XML_BYTES:
        return None
    data = _maybe_gunzip(body)
    if data is None:
        return None
    try:
        root = safe_fromstring(data, forbid_dtd=True)
    except (DefusedXmlException, SyntaxError, ValueError, RecursionError):
        return None
    except Exception:  # noqa: BLE001 - expat errors subclass SyntaxError; anything else: not a sitemap
        return None
    kind = _local(root.tag)
    items: list[ListingItem] = []
    nested: list[str] = []
    if kind == "sitemapindex":
        for sm in root:
            if _local(sm.tag) != "sitemap":
                continue
            loc = _child_text(sm, "loc")
            if loc:
                nested.append(canonicalize(loc, url))
        return items, nested
    if kind != "urlset":
        return None
    for entry in root:
        if _local(entry.tag) != "url":
            continue
        loc = _child_text(entry, "loc")
        if not loc:
            continue
        # lastmod is when the page last changed, not when it was published: kept apart.
        pub_text = _child_text(entry, "publication_date")
        mod_text = _child_text(entry, "lastmod")
        published = parse_vn_datetime(pub_text) if pub_text else None
        modified = parse_vn_datetime(mod_text) if mod_text else None
        title = _child_text(entry, "title") or ""
        items.append(
            ListingItem(canonicalize(loc, url), normalize_text(title), published, None, modified)
        )
    return items, nested
