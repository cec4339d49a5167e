"""The snapshot: everything the crawler observed about one site in one run.

Rules read only a `Snapshot`, the stored `History` and a `RunContext`; they never
fetch and never open the database. All types here are plain dataclasses so they can
be built by hand in tests and serialised to JSON for fixtures.
"""

from __future__ import annotations

import dataclasses
import functools
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Literal

Status = Literal["pass", "fail", "warn", "unknown"]
STATUSES: tuple[str, ...] = ("pass", "warn", "fail", "unknown")


# --------------------------------------------------------------------------- fetch log
@dataclass(frozen=True)
class FetchRecord:
    """One URL the crawler tried, and what came of it."""

    url: str
    outcome: str  # ok | not_modified | http_error | timeout | connect_error | robots_disallowed
    #              | too_large | foreign_redirect | redirect_loop | decode_error | budget_exhausted
    status: int | None = None
    reason: str = ""
    purpose: str = ""  # home | listing | article | feed | sitemap | probe | link-check | robots
    from_cache: bool = False
    elapsed_ms: float = 0.0

    @property
    def ok(self) -> bool:
        return self.outcome in ("ok", "not_modified")


# --------------------------------------------------------------------------- articles
@dataclass
class Image:
    src: str
    caption: str | None = None
    alt: str | None = None


@dataclass
class Article:
    """A news post as extracted from its own page (or a listing item if never opened)."""

    url: str  # canonical URL
    title: str
    published: datetime | None = None
    date_source: str | None = None  # meta | jsonld | time | text | url | listing | feed | sitemap
    category_label: str | None = None  # the site's own category name (chuyên mục)
    breadcrumb: list[str] = field(default_factory=list)
    sapo: str | None = None  # lead paragraph
    body_text: str = ""
    word_count: int = 0
    images: list[Image] = field(default_factory=list)
    videos: list[str] = field(default_factory=list)  # video URLs (iframe/video/embed)
    infographic: bool = False  # an infographic / motion graphic / e-magazine was detected
    author: str | None = None
    source_line: str | None = None  # "Nguồn: ..." line
    content_hash: str = ""
    aliases: list[str] = field(default_factory=list)  # other URLs that led to the same article
    fetched: bool = True  # False when only seen in a listing/feed (body unknown)


@dataclass
class Document:
    """A legal document (văn bản) listed on the site."""

    url: str
    number: str | None = None  # số/ký hiệu, e.g. "2474/QĐ-BHXH"
    summary: str | None = None  # trích yếu
    issued: date | None = None


# --------------------------------------------------------------------------- site features
@dataclass
class FormInfo:
    """A form (or a form-less search box) found on a page."""

    page_url: str
    action: str  # absolute URL the query is sent to
    method: str  # GET | POST
    query_field: str  # name of the text input that takes the query
    hidden_fields: dict[str, str] = field(default_factory=dict)
    purpose: str = "articles"  # articles | documents
    how_found: str = ""  # short description for evidence


@dataclass
class SearchProbe:
    """What happened when the crawler tried the site's search."""

    kind: str  # articles | documents
    form: FormInfo | None = None
    query: str | None = None
    expected_url: str | None = None  # the item that must appear in the results
    result_url: str | None = None
    result_status: int | None = None
    matched: bool | None = None  # None = could not be judged
    result_count: int | None = None
    reason: str = ""


@dataclass
class CounterReading:
    at: datetime
    value: int | None
    source_url: str
    method: str = "html"  # html | digits | json-endpoint | script
    label: str = ""  # the label text next to the number ("Tổng lượt truy cập")


@dataclass
class ContactInfo:
    """The spokesperson (người phát ngôn) block, as extracted."""

    page_url: str
    name: str | None = None
    title: str | None = None  # chức vụ
    phone: str | None = None
    email: str | None = None
    raw_text: str = ""


@dataclass
class Link:
    href: str  # absolute URL
    text: str = ""
    where: str = "a"  # a | option | area


@dataclass
class LinkCheck:
    url: str
    alive: bool | None  # None = not checked (network policy, budget)
    status: int | None = None
    reason: str = ""


@dataclass
class Coverage:
    """How completely the crawler saw the site's publication history.

    `complete_since` is the earliest date from which the crawler believes it saw every
    article (e.g. it walked every listing back past that date). Months that start before
    it are not fully covered and count rules must say *unknown* for them.
    """

    complete_since: date | None = None
    budget_exhausted: bool = False
    listing_pages: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class Snapshot:
    site_id: str
    base_url: str
    started_at: datetime
    finished_at: datetime | None = None
    home_ok: bool = False  # the home page could be fetched and parsed
    home_url: str | None = None
    articles: list[Article] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    search_probes: dict[str, SearchProbe] = field(default_factory=dict)  # by kind
    counter_readings: list[CounterReading] = field(default_factory=list)
    counter_found: bool | None = None  # None = could not look
    spokesperson: ContactInfo | None = None
    spokesperson_pages_checked: list[str] = field(default_factory=list)
    outbound_links: list[Link] = field(default_factory=list)
    link_checks: list[LinkCheck] = field(default_factory=list)
    coverage: Coverage = field(default_factory=Coverage)
    fetch_log: list[FetchRecord] = field(default_factory=list)
    page_urls: list[str] = field(default_factory=list)  # every page parsed, for evidence
    # candidate pages read this time that were no article (documents, indexes)
    non_article_urls: list[str] = field(default_factory=list)

    def failed_fetches(self) -> list[FetchRecord]:
        return [r for r in self.fetch_log if not r.ok]


# --------------------------------------------------------------------------- run inputs
@dataclass(frozen=True)
class RunContext:
    as_of: date  # "today" for the audit; nothing reads the clock
    lang: str = "vi"


@dataclass
class StoredArticle:
    url: str
    title: str
    published: datetime | None
    category_label: str | None
    word_count: int
    first_seen: datetime
    content_hash: str = ""


@dataclass
class History:
    """What earlier audits stored for this site; empty on a fresh database."""

    counter_readings: list[CounterReading] = field(default_factory=list)
    articles: list[StoredArticle] = field(default_factory=list)
    # Earliest date from which stored history is believed complete (from earlier runs).
    complete_since: date | None = None


# --------------------------------------------------------------------------- findings
@dataclass
class Finding:
    rule: str
    status: Status
    message: str  # Vietnamese
    message_en: str = ""
    evidence: list[str] = field(default_factory=list)
    value: Any = None

    def as_json(self, lang: str = "vi") -> dict[str, Any]:
        return {
            "rule": self.rule,
            "status": self.status,
            "message": self.message_en if lang == "en" and self.message_en else self.message,
            "evidence": list(self.evidence),
            "value": self.value,
        }


_PLAIN = (str, int, float, bool, type(None))


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def to_jsonable(obj: Any) -> Any:
    """Dataclasses, dates and containers to JSON-able values (for fixtures and storage).
    Plain values are tested first: they are most of what an article holds."""
    if isinstance(obj, _PLAIN):
        return obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {name: to_jsonable(getattr(obj, name)) for name in _field_names(type(obj))}
    if isinstance(obj, (datetime, date)):
        return obj.isoformat()
    if isinstance(obj, dict):
        return {str(k): to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    return obj
