"""Builds a `Snapshot` of one site: discovery, article extraction and probes.

Discovery, in order of cheapness: the home page, feeds (RSS/Atom), sitemaps (robots.txt
`Sitemap:` lines and /sitemap.xml), then the site's own menus and category listings with
every pagination style, within a page and time budget. Articles already stored by an
earlier audit are not fetched again (incremental crawl); listings are revalidated through
the HTTP cache, so an unchanged site costs a handful of 304s.

Probes are the checks that need the site to act: the search is submitted, the visitor
counter is read several times, spokesperson pages are opened, department links are tried.
Their observations go into the snapshot; rules judge them later.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from portal_lint.config import CrawlSettings, Site
from portal_lint.extract import article as x_article
from portal_lint.extract import feeds as x_feeds
from portal_lint.extract import listing as x_listing
from portal_lint.extract.text import decode_html, fold
from portal_lint.extract.urls import canonicalize, same_site
from portal_lint.fetch.client import Fetcher, FetchResult
from portal_lint.fetch.parse_pool import InlineParser, ParseFailed, Parser
from portal_lint.fetch.probes import ProbesMixin
from portal_lint.snapshot import (
    Article,
    Coverage,
    Image,
    Snapshot,
)

log = logging.getLogger(__name__)

Clock = Callable[[], datetime]

# Words too common in Vietnamese portal titles to make a distinctive search phrase.
_COMMON = set(
    "bhxh bhyt bhtn tỉnh huyện của và các cho với trong tại năm về việc được người thực hiện "
    "bảo hiểm xã hội y tế thất nghiệp tổ chức triển khai công tác hội nghị ngày tháng".split()
)


@dataclass
class _Page:
    url: str
    html: str
    status: int | None


@dataclass
class _Candidate:
    url: str
    title: str = ""
    published: datetime | None = None
    listed_under: str | None = None  # category label of the listing it came from
    via: set[str] = field(default_factory=set)
    not_after: datetime | None = None  # sitemap lastmod: published on or before this


def _article_from_json(data: dict[str, Any]) -> Article | None:
    """Rebuild a stored Article (JSON from the database) for an unchanged old article."""
    try:
        pub = data.get("published")
        return Article(
            url=data["url"],
            title=data.get("title", ""),
            published=datetime.fromisoformat(pub) if pub else None,
            date_source=data.get("date_source"),
            category_label=data.get("category_label"),
            breadcrumb=list(data.get("breadcrumb") or []),
            sapo=data.get("sapo"),
            body_text=data.get("body_text", ""),
            word_count=int(data.get("word_count") or 0),
            images=[Image(**i) for i in data.get("images") or []],
            videos=list(data.get("videos") or []),
            infographic=bool(data.get("infographic")),
            author=data.get("author"),
            source_line=data.get("source_line"),
            content_hash=data.get("content_hash", ""),
            aliases=list(data.get("aliases") or []),
            fetched=bool(data.get("fetched", True)),
        )
    except (KeyError, TypeError, ValueError):
        return None


_HOME_LABELS = frozenset({"trang chu", "trang nhat", "home", "trang chinh"})


def _is_home_seed(url: str, label: str, site_url: str) -> bool:
    """A menu link back to the home page ("Trang chủ", the logo, /index.html)."""
    if fold(label) in _HOME_LABELS:
        return True
    if canonicalize(url) == canonicalize(site_url):
        return True
    return x_article._is_home_url(url)


ARTICLE_BATCH = 20  # articles stored per checkpoint during a crawl

# Words of menu labels that name news categories (folded: no diacritics).
_CATEGORY_WORDS = (
    "tin tuc",
    "tin hoat dong",
    "hoat dong",
    "chinh sach",
    "bao hiem",
    "bhxh",
    "bhyt",
    "bhtn",
    "hoi dap",
    "guong",
    "dien hinh",
    "chuyen doi so",
    "su kien",
    "thong bao",
    "tuyen truyen",
)


class Crawler(ProbesMixin):
    def __init__(
        self,
        site: Site,
        settings: CrawlSettings,
        fetcher: Fetcher,
        *,
        as_of: date,
        clock: Clock,
        known_articles: dict[str, dict[str, Any]] | None = None,
        history_complete_since: date | None = None,
        on_articles: Callable[[list[Article]], None] | None = None,
        non_articles: set[str] | None = None,
        parser: Parser | None = None,
    ) -> None:
        self.site = site
        # Called with batches of newly extracted articles while the crawl goes on, so that
        # an audit killed half-way leaves them stored and the next run need not fetch them.
        self.on_articles = on_articles
        self._unsaved: list[Article] = []
        # Articles stored by `on_articles` as they now stand (the run need not write them).
        self.stored_urls: set[str] = set()
        self.settings = settings
        self.f = fetcher
        self.as_of = as_of
        self.clock = clock
        self.known = known_articles or {}
        # Candidates an earlier audit found not to be articles (not fetched again).
        self.non_articles = non_articles or set()
        self._found_non_articles: list[str] = []
        self._article_pages: list[str] = []  # article pages read (their HTML is not kept)
        self.parser = parser or InlineParser()
        self.history_complete_since = history_complete_since
        self.window_start = as_of - timedelta(days=settings.window_days)
        self.pages_fetched = 0
        self.deadline = time.monotonic() + settings.max_seconds
        self.budget_exhausted = False
        self.notes: list[str] = []
        self._listing_pages = 0

    # ------------------------------------------------------------------ budget
    def _budget_left(self) -> bool:
        if self.pages_fetched >= self.settings.max_pages or time.monotonic() > self.deadline:
            if not self.budget_exhausted:
                self.notes.append(
                    f"budget reached after {self.pages_fetched} pages "
                    f"(max_pages={self.settings.max_pages}, max_seconds={self.settings.max_seconds:g})"
                )
            self.budget_exhausted = True
            return False
        return True

    async def _fetch(
        self,
        url: str,
        purpose: str,
        *,
        cache: bool = True,
        form: dict[str, str] | None = None,
    ) -> FetchResult | None:
        """GET `url`, or POST `form` to it (a postback: never cached); None unless a page."""
        self.pages_fetched += 1
        if form is not None:
            res = await self.f.get(url, purpose=purpose, method="POST", data=form, cache=False)
        else:
            res = await self.f.get(url, purpose=purpose, cache=cache)
        if not res.ok:
            return None
        ctype = (res.content_type or "").lower()
        if ctype and not any(t in ctype for t in ("html", "xml", "text")):
            return None
        return res

    async def _page(
        self,
        url: str,
        purpose: str,
        *,
        cache: bool = True,
        form: dict[str, str] | None = None,
    ) -> _Page | None:
        """`_fetch`, decoded."""
        res = await self._fetch(url, purpose, cache=cache, form=form)
        if res is None:
            return None
        return _Page(res.url, decode_html(res.body, res.content_type), res.status)

    # ------------------------------------------------------------------ main
    async def crawl(self) -> Snapshot:
        snap = Snapshot(site_id=self.site.id, base_url=self.site.url, started_at=self.clock())
        home = await self._page(self.site.url, "home", cache=False)
        if home is None:
            snap.home_ok = False
            snap.fetch_log = list(self.f.log)
            snap.finished_at = self.clock()
            snap.coverage = Coverage(notes=["home page could not be fetched"])
            return snap
        snap.home_ok = True
        snap.home_url = home.url
        snap.page_urls.append(home.url)
        pages: dict[str, str] = {home.url: home.html}

        candidates: dict[str, _Candidate] = {}
        coverage_dates: list[date] = []  # per source: date back to which it is complete
        listing_labels: list[str] = []

        def add_candidate(
            url: str,
            title: str,
            published: datetime | None,
            label: str | None,
            via: str,
            not_after: datetime | None = None,
        ) -> None:
            url = canonicalize(url)
            if not same_site(url, self.site.url):
                return
            cand = candidates.setdefault(url, _Candidate(url))
            cand.not_after = cand.not_after or not_after
            cand.title = cand.title or title
            cand.published = cand.published or published
            if label and not cand.listed_under:
                cand.listed_under = label
            cand.via.add(via)

        # items on the home page itself (latest news boxes)
        home_listing = x_listing.extract_listing(home.html, home.url)
        for it in home_listing.items:
            add_candidate(it.url, it.title, it.published, None, "home")

        # ---- feeds
        feed_urls = x_feeds.find_feed_links(home.html, home.url)
        for furl in feed_urls[:3]:
            if not self._budget_left():
                break
            self.pages_fetched += 1
            res = await self.f.get(furl, purpose="feed")
            items = x_feeds.parse_feed(res.body, res.url) if res.ok else None
            if items is None:
                if res.ok:
                    self.notes.append(f"feed {furl} is not a valid RSS/Atom feed")
                continue
            for it in items:
                add_candidate(it.url, it.title, it.published, None, "feed")
            dated = [it.published.date() for it in items if it.published]
            if dated and min(dated) > self.window_start:
                coverage_dates.append(min(dated))

        # ---- sitemaps
        sitemap_complete = await self._sitemaps(home.url, add_candidate)
        if sitemap_complete:
            coverage_dates.append(self.window_start)

        # ---- listings (menus / categories) with pagination
        nav = x_listing.find_nav_links(home.html, home.url)
        listing_seeds = [(u, lbl) for u, lbl in nav if same_site(u, self.site.url)]
        for hint in self.site.hints.listing_urls:
            listing_seeds.insert(0, (canonicalize(hint, home.url), ""))
        listing_cov = await self._walk_listings(listing_seeds, add_candidate, pages, listing_labels)
        if listing_cov is not None:
            coverage_dates.append(listing_cov)

        # ---- articles
        await self._fetch_articles(candidates, snap, pages)

        # coverage: the most complete source wins
        complete_since: date | None = None
        if coverage_dates:
            complete_since = max(min(coverage_dates), self.window_start)
        snap.coverage = Coverage(
            complete_since=complete_since,
            budget_exhausted=self.budget_exhausted,
            listing_pages=self._listing_pages,
            notes=list(self.notes),
        )

        # ---- probes
        await self._probe_counter(home, snap)
        await self._probe_spokesperson(home, pages, snap)
        snap.outbound_links = self._links(home)
        await self._probe_search(home, pages, snap, kind="articles")
        await self._probe_documents(home, pages, snap)
        await self._check_department_links(snap)

        snap.page_urls = list(
            dict.fromkeys([*snap.page_urls, *pages.keys(), *self._article_pages])
        )[:2000]
        snap.non_article_urls = list(dict.fromkeys(self._found_non_articles))
        snap.fetch_log = list(self.f.log)
        snap.finished_at = self.clock()
        return snap

    # ------------------------------------------------------------------ discovery helpers
    async def _sitemaps(self, home_url: str, add: Callable[..., None]) -> bool:
        parts = urlsplit(home_url)
        root = f"{parts.scheme}://{parts.netloc}"
        queue: list[str] = []
        parser = await self.f._robots_for(home_url) if self.settings.obey_robots else None
        if parser is not None:
            try:
                queue.extend(parser.sitemaps)
            except Exception:  # noqa: BLE001
                pass
        if not queue:
            queue.append(root + "/sitemap.xml")
        seen: set[str] = set()
        complete = False
        while queue and len(seen) < 10 and self._budget_left():
            url = queue.pop(0)
            if url in seen or not same_site(url, home_url):
                continue
            seen.add(url)
            self.pages_fetched += 1
            res = await self.f.get(url, purpose="sitemap")
            if not res.ok:
                continue
            parsed = x_feeds.parse_sitemap(res.body, res.url)
            if parsed is None:
                self.notes.append(f"sitemap {url} is not valid XML")
                continue
            items, nested = parsed
            queue.extend(nested)
            for it in items:
                if x_listing.looks_like_article_url(it.url):
                    add(it.url, it.title, it.published, None, "sitemap", it.modified)
            if any(x_listing.looks_like_article_url(it.url) for it in items):
                complete = True
        return complete

    async def _walk_listings(
        self,
        seeds: list[tuple[str, str]],
        add: Callable[..., None],
        pages: dict[str, str],
        labels: list[str],
    ) -> date | None:
        """Walk category listings and their pagination back to the window start.

        Returns the date since which the listings are complete, or None when none walked.
        """
        visited: set[str] = set()
        per_listing_cov: list[date] = []
        seed_queue = list(dict.fromkeys(seeds))
        walked_any = False
        for seed_url, seed_label in seed_queue[:60]:
            if not self._budget_left():
                break
            seed_url = canonicalize(seed_url)
            if seed_url in visited:
                continue
            url: str | None = seed_url
            # The next page when only a form post reaches it (ASP.NET __doPostBack): the
            # POST carries the current page's own view state, so each page leads to the next.
            postback: x_listing.PostBack | None = None
            page_no = 1
            seen_items: set[str] = set()
            # The home page (and its blog pagination) lists every category: its menu label
            # "Trang chủ" is no category, and taking it would hide the real one.
            label = "" if _is_home_seed(seed_url, seed_label, self.site.url) else seed_label
            oldest: date | None = None
            reached_end = False
            is_listing = False
            depth = 0
            while url and (postback is not None or url not in visited) and self._budget_left():
                if postback is None:
                    visited.add(url)
                    page = await self._page(url, "listing")
                else:
                    page = await self._page(url, "listing", form=postback.fields)
                depth += 1
                if page is None:
                    if (
                        depth == 1
                        and self._fetch_failed(url)
                        and self._looks_like_category(seed_label)
                    ):
                        # A category we could not read: its months are not covered.
                        self.notes.append(
                            f"category listing {url} ({seed_label}) could not be fetched"
                        )
                        per_listing_cov.append(self.as_of)
                        walked_any = True
                    break
                pages[page.url] = page.html
                try:
                    lst = await self.parser.listing(page.html, page.url)
                except ParseFailed as exc:
                    self.notes.append(str(exc))
                    break
                if not lst.is_listing or not lst.items:
                    break
                is_listing = True
                self._listing_pages += 1
                label = lst.category_label or label
                if label:
                    labels.append(label)
                new_here = 0
                known_here = 0
                for it in lst.items:
                    canon = canonicalize(it.url)
                    if canon in self.known:
                        known_here += 1
                    else:
                        new_here += 1
                    add(it.url, it.title, it.published, label, "listing")
                dates = [it.published.date() for it in lst.items if it.published]
                if dates:
                    oldest = min(dates) if oldest is None else min(oldest, min(dates))
                # Stop once a whole page is older than the window: one misdated item (a date
                # quoted in a teaser) must not cut the walk short and hide the posts behind it.
                if dates and max(dates) < self.window_start:
                    reached_end = True
                    break
                if new_here == 0 and known_here and self.history_complete_since:
                    # Everything here was stored by an earlier audit: history covers the rest.
                    oldest = self.history_complete_since
                    reached_end = True
                    break
                page_items = {canonicalize(it.url) for it in lst.items}
                if postback is not None and page_items <= seen_items:
                    # The post brought back a page already read (stale view state, a
                    # pager that ignores the event): the listing ends here for us.
                    url = None
                    reached_end = True
                    break
                if postback is None and depth > 1 and page_items <= seen_items:
                    # "Next" brought back items already read (a pager that never ends, an
                    # out-of-range page answered with an old one): stop, and since we cannot
                    # tell an end from a trap, claim nothing beyond the dates seen.
                    self.notes.append(f"listing {seed_url} repeats itself at {url}")
                    url = None
                    break
                seen_items |= page_items
                nexts = [canonicalize(n) for n in lst.next_pages if same_site(n, self.site.url)]
                nexts = [n for n in nexts if n not in visited]
                url, postback = (nexts[0] if nexts else None), None
                if url is None:
                    # The nearest page beyond the one we asked for (the pager's own idea
                    # of the current page may be unreadable).
                    pb = next(
                        (p for p in lst.postbacks if p.page is None or p.page > page_no), None
                    )
                    if pb is not None:
                        url, postback = pb.action, pb
                        page_no = pb.page or page_no + 1
                if url is None:
                    reached_end = True  # last page of this listing
                if depth > 200:
                    break
            if is_listing:
                walked_any = True
                if reached_end:
                    per_listing_cov.append(
                        self.window_start if oldest is None else min(oldest, self.as_of)
                    )
                    if oldest is not None and oldest >= self.window_start and url is None:
                        # The listing ended: nothing older exists on the site in this category.
                        per_listing_cov[-1] = self.window_start
                else:
                    per_listing_cov.append(oldest or self.as_of)
        if not walked_any:
            return None
        return max(per_listing_cov) if per_listing_cov else None

    def _add_stored_in_window(self, by_url: dict[str, Article]) -> None:
        """Articles of the window read by earlier audits and not met again this time.

        An incremental crawl stops walking a listing where everything is already stored, so
        older posts of the window are not met again; without them the rules that read bodies
        (campaign keywords, thin posts, media) would see a window with holes.
        """
        seen = set(by_url)
        for art in by_url.values():
            seen.update(art.aliases)
        for data in self.known.values():
            url = data.get("url")
            if not url or url in seen or not data.get("fetched", True):
                continue
            art = _article_from_json(data)
            if art is None or art.published is None:
                continue
            if self.window_start <= art.published.date() <= self.as_of:
                by_url[url] = art
                seen.add(url)

    def _flush_articles(self) -> None:
        batch, self._unsaved = self._unsaved, []
        if batch and self.on_articles is not None:
            self.on_articles(batch)
            self.stored_urls.update(a.url for a in batch)

    def _fetch_failed(self, url: str) -> bool:
        """Did the last fetch of `url` fail for a reason that hides content (not a 404)?"""
        for rec in reversed(self.f.log):
            if rec.url == url:
                return rec.outcome in ("timeout", "connect_error", "too_large", "decode_error") or (
                    rec.outcome == "http_error" and (rec.status or 0) >= 500
                )
        return False

    def _looks_like_category(self, label: str) -> bool:
        """A menu label that names a news category (from the site's category_map, or common words)."""
        folded = fold(label or "")
        if not folded:
            return False
        if any(fold(k) == folded for k in self.site.category_map):
            return True
        return any(w in folded for w in _CATEGORY_WORDS)

    async def _fetch_articles(
        self, candidates: dict[str, _Candidate], snap: Snapshot, pages: dict[str, str]
    ) -> None:
        by_url: dict[str, Article] = {}
        hash_seen: dict[str, str] = {}
        todo: list[_Candidate] = []
        for cand in candidates.values():
            if cand.published and cand.published.date() < self.window_start:
                continue
            if (
                cand.published is None
                and cand.not_after
                and cand.not_after.date() < self.window_start
            ):
                continue  # unchanged since before the window: published before it too
            if cand.published and cand.published.date() > self.as_of:
                continue  # --as-of replay: the future does not exist yet
            stored = self.known.get(cand.url)
            if stored is not None and stored.get("fetched", True):
                art = _article_from_json(stored)
                if art is not None:
                    if cand.listed_under and not art.category_label:
                        art.category_label = cand.listed_under
                    by_url[art.url] = art
                    continue
            if (
                cand.published is None
                and not x_listing.looks_like_article_url(cand.url)
                and "listing" not in cand.via
            ):
                continue
            if cand.url in self.non_articles:
                continue
            todo.append(cand)
        # newest first, so that a budget cut loses the oldest
        todo.sort(key=lambda c: c.published or datetime.max, reverse=True)

        sem = asyncio.Semaphore(max(1, self.settings.concurrency))

        async def one(cand: _Candidate) -> None:
            async with sem:
                if not self._budget_left():
                    art = Article(
                        url=cand.url,
                        title=cand.title,
                        published=cand.published,
                        date_source="listing" if cand.published else None,
                        category_label=cand.listed_under,
                        fetched=False,
                    )
                    by_url.setdefault(cand.url, art)
                    return
                # Not cached: a read article is stored and never fetched again.
                res = await self._fetch(cand.url, "article", cache=False)
            art: Article | None = None
            crashed = False
            if res is not None:
                try:
                    art = await self.parser.article(res.body, res.content_type, res.url)
                except ParseFailed as exc:
                    self.notes.append(str(exc))
                    crashed = True
            if res is None or crashed:
                if cand.published or crashed or self._fetch_failed(cand.url):
                    # Seen but unreadable: counted (undated if need be) so that no month
                    # is judged short because of our failure.
                    by_url.setdefault(
                        cand.url,
                        Article(
                            url=cand.url,
                            title=cand.title,
                            published=cand.published,
                            date_source="listing" if cand.published else None,
                            category_label=cand.listed_under,
                            fetched=False,
                        ),
                    )
                return
            self._article_pages.append(res.url)
            if art is None:
                self._found_non_articles.append(cand.url)
                return
            if art.published is None and cand.published is not None:
                art.published, art.date_source = cand.published, "listing"
            if cand.listed_under and not art.category_label:
                art.category_label = cand.listed_under
            if not same_site(art.url, self.site.url):
                art.url = cand.url
            if art.url != cand.url:
                art.aliases.append(cand.url)
            if art.published and art.published.date() > self.as_of:
                return
            first = by_url.get(art.url)
            if first is not None and not first.fetched:
                # A placeholder (listing sighting, budget cut) gives way to the read page.
                art.aliases = list(dict.fromkeys([*art.aliases, *first.aliases]))
                first = None
            if first is not None:
                # The same article reached under another URL (two listings link it
                # differently): one article, and the other URL is remembered as its alias.
                if cand.url != first.url and cand.url not in first.aliases:
                    first.aliases.append(cand.url)
                    if first.fetched:
                        self._unsaved.append(first)
                return
            by_url[art.url] = art
            self._unsaved.append(art)
            if len(self._unsaved) >= ARTICLE_BATCH:
                self._flush_articles()

        await asyncio.gather(*(one(c) for c in todo))
        self._flush_articles()
        self._add_stored_in_window(by_url)
        # Same content under two URLs (print view, tracking params the canonicaliser missed).
        for url, art in sorted(by_url.items()):
            key = art.content_hash
            if key and art.word_count > 30 and key in hash_seen:
                by_url[hash_seen[key]].aliases.append(url)
                self.stored_urls.discard(hash_seen[key])  # changed since it was stored
                continue
            if key:
                hash_seen.setdefault(key, url)
            snap.articles.append(art)
