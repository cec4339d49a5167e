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
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from portal_lint.config import CrawlSettings, Site
from portal_lint.extract import article as x_article
from portal_lint.extract import contact as x_contact
from portal_lint.extract import counter as x_counter
from portal_lint.extract import documents as x_documents
from portal_lint.extract import feeds as x_feeds
from portal_lint.extract import forms as x_forms
from portal_lint.extract import links as x_links
from portal_lint.extract import listing as x_listing
from portal_lint.extract.text import decode_html, fold
from portal_lint.extract.urls import canonicalize, same_site
from portal_lint.fetch.client import Fetcher, FetchResult, host_key
from portal_lint.snapshot import (
    Article,
    ContactInfo,
    CounterReading,
    Coverage,
    Document,
    FormInfo,
    Image,
    Link,
    LinkCheck,
    SearchProbe,
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
            fetched=True,
        )
    except (KeyError, TypeError, ValueError):
        return None


class Crawler:
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
    ) -> None:
        self.site = site
        self.settings = settings
        self.f = fetcher
        self.as_of = as_of
        self.clock = clock
        self.known = known_articles or {}
        self.history_complete_since = history_complete_since
        self.window_start = as_of - timedelta(days=settings.window_days)
        self.pages_fetched = 0
        self.deadline = time.monotonic() + settings.max_seconds
        self.budget_exhausted = False
        self.notes: list[str] = []

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

    async def _page(self, url: str, purpose: str, *, cache: bool = True) -> _Page | None:
        self.pages_fetched += 1
        res = await self.f.get(url, purpose=purpose, cache=cache)
        if not res.ok:
            return None
        ctype = (res.content_type or "").lower()
        if ctype and not any(t in ctype for t in ("html", "xml", "text")):
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

        def add_candidate(url: str, title: str, published: datetime | None, label: str | None, via: str) -> None:
            url = canonicalize(url)
            if not same_site(url, self.site.url):
                return
            cand = candidates.setdefault(url, _Candidate(url))
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

        snap.page_urls = list(dict.fromkeys([*snap.page_urls, *pages.keys()]))[:2000]
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
                    add(it.url, it.title, it.published, None, "sitemap")
            if any(x_listing.looks_like_article_url(it.url) for it in items):
                complete = True
        return complete

    _listing_pages = 0

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
            label = seed_label
            oldest: date | None = None
            reached_end = False
            is_listing = False
            depth = 0
            while url and url not in visited and self._budget_left():
                visited.add(url)
                page = await self._page(url, "listing")
                depth += 1
                if page is None:
                    break
                pages[page.url] = page.html
                lst = x_listing.extract_listing(page.html, page.url)
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
                if oldest is not None and oldest < self.window_start:
                    reached_end = True
                    break
                if new_here == 0 and known_here and self.history_complete_since:
                    # Everything here was stored by an earlier audit: history covers the rest.
                    oldest = self.history_complete_since
                    reached_end = True
                    break
                nexts = [canonicalize(n) for n in lst.next_pages if same_site(n, self.site.url)]
                nexts = [n for n in nexts if n not in visited]
                url = nexts[0] if nexts else None
                if url is None:
                    reached_end = True  # last page of this listing
                if depth > 200:
                    break
            if is_listing:
                walked_any = True
                if reached_end:
                    per_listing_cov.append(self.window_start if oldest is None else min(oldest, self.as_of))
                    if oldest is not None and oldest >= self.window_start and url is None:
                        # The listing ended: nothing older exists on the site in this category.
                        per_listing_cov[-1] = self.window_start
                else:
                    per_listing_cov.append(oldest or self.as_of)
        if not walked_any:
            return None
        return max(per_listing_cov) if per_listing_cov else None

    async def _fetch_articles(self, candidates: dict[str, _Candidate], snap: Snapshot, pages: dict[str, str]) -> None:
        by_url: dict[str, Article] = {}
        hash_seen: dict[str, str] = {}
        todo: list[_Candidate] = []
        for cand in candidates.values():
            if cand.published and cand.published.date() < self.window_start:
                continue
            if cand.published and cand.published.date() > self.as_of:
                continue  # --as-of replay: the future does not exist yet
            stored = self.known.get(cand.url)
            if stored is not None:
                art = _article_from_json(stored)
                if art is not None:
                    if cand.listed_under and not art.category_label:
                        art.category_label = cand.listed_under
                    by_url[art.url] = art
                    continue
            if cand.published is None and not x_listing.looks_like_article_url(cand.url) and "listing" not in cand.via:
                continue
            todo.append(cand)
        # newest first, so that a budget cut loses the oldest
        todo.sort(key=lambda c: c.published or datetime.max, reverse=True)

        sem = asyncio.Semaphore(max(1, self.settings.concurrency))

        async def one(cand: _Candidate) -> None:
            async with sem:
                if not self._budget_left():
                    art = Article(
                        url=cand.url, title=cand.title, published=cand.published,
                        date_source="listing" if cand.published else None,
                        category_label=cand.listed_under, fetched=False,
                    )
                    by_url.setdefault(cand.url, art)
                    return
                page = await self._page(cand.url, "article")
            if page is None:
                if cand.published:
                    by_url.setdefault(
                        cand.url,
                        Article(url=cand.url, title=cand.title, published=cand.published,
                                date_source="listing", category_label=cand.listed_under, fetched=False),
                    )
                return
            pages[page.url] = page.html
            art = x_article.extract_article(page.html, page.url)
            if art is None:
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
            by_url.setdefault(art.url, art)

        await asyncio.gather(*(one(c) for c in todo))
        # Same content under two URLs (print view, tracking params the canonicaliser missed).
        for url, art in sorted(by_url.items()):
            key = art.content_hash
            if key and art.word_count > 30 and key in hash_seen:
                by_url[hash_seen[key]].aliases.append(url)
                continue
            if key:
                hash_seen.setdefault(key, url)
            snap.articles.append(art)

    # ------------------------------------------------------------------ probes
    def _links(self, home: _Page) -> list[Link]:
        return x_links.extract_links(home.html, home.url)

    async def _probe_counter(self, home: _Page, snap: Snapshot) -> None:
        value, label, method = x_counter.extract_counter(home.html, home.url)
        endpoints = [] if value is not None else x_counter.find_counter_endpoints(home.html, home.url)
        if value is None and not endpoints:
            snap.counter_found = False if not x_counter.counter_placeholder_present(home.html) else None
            if snap.counter_found is None:
                self.notes.append("counter widget present but filled by a script we could not locate")
            return
        snap.counter_found = True
        snap.counter_readings.append(CounterReading(self.clock(), value, home.url, method or "json-endpoint", label))
        for _ in range(self.settings.counter_readings - 1):
            await asyncio.sleep(0.2)
            if value is not None:
                page = await self._page(self.site.url, "probe", cache=False)
                if page is None:
                    continue
                v, lbl, m = x_counter.extract_counter(page.html, page.url)
                snap.counter_readings.append(CounterReading(self.clock(), v, page.url, m or "html", lbl))
            else:
                break
        if value is None:
            snap.counter_readings.clear()
            for ep in endpoints[:2]:
                for _ in range(self.settings.counter_readings):
                    res = await self.f.get(ep, purpose="probe", cache=False)
                    v = x_counter.parse_counter_json(res.body) if res.ok else None
                    if res.ok:
                        snap.counter_readings.append(CounterReading(self.clock(), v, ep, "json-endpoint", ""))
                    await asyncio.sleep(0.2)
                if any(r.value is not None for r in snap.counter_readings):
                    break

    async def _probe_spokesperson(self, home: _Page, pages: dict[str, str], snap: Snapshot) -> None:
        def score(c: ContactInfo | None) -> int:
            return 0 if c is None else sum(bool(x) for x in (c.name, c.title, c.phone, c.email))

        best = x_contact.extract_spokesperson(home.html, home.url)
        snap.spokesperson_pages_checked.append(home.url)
        urls = []
        if self.site.hints.spokesperson_url:
            urls.append(canonicalize(self.site.hints.spokesperson_url, home.url))
        urls += x_contact.find_spokesperson_links(home.html, home.url)
        for url in list(dict.fromkeys(urls))[:5]:
            if score(best) == 4:
                break
            html = pages.get(url)
            if html is None:
                page = await self._page(url, "probe")
                if page is None:
                    continue
                html = page.html
                pages[page.url] = html
            snap.spokesperson_pages_checked.append(url)
            found = x_contact.extract_spokesperson(html, url)
            if score(found) > score(best):
                best = found
        snap.spokesperson = best

    def _recent_articles(self, snap: Snapshot) -> list[Article]:
        arts = [a for a in snap.articles if a.fetched and a.title and len(a.title.split()) >= 4]
        arts.sort(key=lambda a: a.published or datetime.min, reverse=True)
        return arts

    @staticmethod
    def search_phrase(title: str) -> str:
        """A distinctive run of 3–5 words from a title (skips the commonest words at the edges)."""
        words = [w.strip(".,:;!?\"“”'()[]") for w in title.split()]
        words = [w for w in words if w]
        best: list[str] = []
        for i in range(len(words)):
            chunk = words[i : i + 5]
            if len(chunk) < 3:
                break
            if chunk[0].lower() in _COMMON:
                continue
            rare = sum(w.lower() not in _COMMON for w in chunk)
            if not best or rare > sum(w.lower() not in _COMMON for w in best):
                best = chunk
        return " ".join(best or words[:5])

    async def _search_forms(self, home: _Page, pages: dict[str, str], kind: str) -> list[FormInfo]:
        forms = x_forms.find_search_forms(home.html, home.url)
        hint = self.site.hints.search_url if kind == "articles" else self.site.hints.document_search_url
        if hint:
            url = canonicalize(hint.replace("{query}", "__Q__"), home.url)
            base, _, query = url.partition("?")
            field = next((kv.split("=")[0] for kv in query.split("&") if "__Q__" in kv), "q")
            forms.insert(0, FormInfo(home.url, base, "GET", field, {}, kind, "sites.yaml hint"))
        if not any(f.purpose == kind for f in forms):
            for url, purpose in x_forms.find_search_page_links(home.html, home.url)[:3]:
                if purpose != kind and kind == "documents":
                    continue
                html = pages.get(url)
                if html is None:
                    page = await self._page(url, "probe")
                    if page is None:
                        continue
                    html, url = page.html, page.url
                    pages[url] = html
                forms.extend(x_forms.find_search_forms(html, url))
                if any(f.purpose == kind for f in forms):
                    break
        chosen = [f for f in forms if f.purpose == kind]
        if kind == "articles" and not chosen:
            chosen = forms  # a single generic search box serves articles
        return chosen

    async def _run_search(
        self, form: FormInfo, query: str, expected_url: str, expected_title: str, kind: str
    ) -> SearchProbe:
        method, url, payload = x_forms.build_search_request(form, query)
        probe = SearchProbe(kind=kind, form=form, query=query, expected_url=expected_url)
        if method.upper() == "POST":
            res = await self.f.get(url, purpose="probe", method="POST", data=payload, cache=False)
        else:
            res = await self.f.get(url, purpose="probe", params=payload, cache=False)
        probe.result_url = res.url if res.status is not None else url
        probe.result_status = res.status
        if res.record is not None and res.record.outcome in ("timeout", "connect_error", "too_large", "robots_disallowed", "foreign_redirect", "redirect_loop"):
            probe.matched = None
            probe.reason = f"fetch-failed: {res.record.outcome} {res.record.reason}".strip()
            return probe
        if res.status is not None and res.status >= 400:
            probe.matched = False
            probe.reason = f"search returned HTTP {res.status}"
            return probe
        html = decode_html(res.body, res.content_type)
        matched, count = x_forms.search_results_match(html, res.url, expected_url, expected_title)
        probe.matched, probe.result_count = matched, count
        probe.reason = "" if matched else "expected item not in the results"
        return probe

    async def _probe_search(self, home: _Page, pages: dict[str, str], snap: Snapshot, kind: str) -> None:
        forms = await self._search_forms(home, pages, kind)
        if not forms:
            snap.search_probes[kind] = SearchProbe(kind=kind, matched=False, reason="no-search-form")
            return
        recent = self._recent_articles(snap)
        if not recent:
            snap.search_probes[kind] = SearchProbe(
                kind=kind, form=forms[0], matched=None, reason="no-article-to-search-for"
            )
            return
        probe: SearchProbe | None = None
        # Try up to two forms and two articles: a miss on one title is not yet proof.
        for form in forms[:2]:
            for art in recent[:2]:
                probe = await self._run_search(form, self.search_phrase(art.title), art.url, art.title, kind)
                if probe.matched:
                    snap.search_probes[kind] = probe
                    return
        assert probe is not None
        snap.search_probes[kind] = probe

    async def _probe_documents(self, home: _Page, pages: dict[str, str], snap: Snapshot) -> None:
        docs: list[Document] = x_documents.extract_documents(home.html, home.url)
        doc_pages = []
        if self.site.hints.documents_url:
            doc_pages.append(canonicalize(self.site.hints.documents_url, home.url))
        for url, label in x_listing.find_nav_links(home.html, home.url):
            if "van ban" in fold(label) or re.search(r"van-?ban|vanban|document", url, re.I):
                doc_pages.append(url)
        for url in list(dict.fromkeys(doc_pages))[:3]:
            html = pages.get(url)
            if html is None:
                page = await self._page(url, "probe")
                if page is None:
                    continue
                html, url = page.html, page.url
                pages[url] = html
            docs.extend(x_documents.extract_documents(html, url))
            if docs:
                break
        uniq: dict[str, Document] = {}
        for d in docs:
            uniq.setdefault(d.url, d)
        snap.documents = list(uniq.values())
        forms = await self._search_forms(home, pages, "documents")
        for url in doc_pages[:1]:
            if url in pages:
                forms += [f for f in x_forms.find_search_forms(pages[url], url) if f not in forms]
        doc_forms = [f for f in forms if f.purpose == "documents"]
        if not doc_forms:
            snap.search_probes["documents"] = SearchProbe(kind="documents", matched=False, reason="no-search-form")
            return
        target = next((d for d in snap.documents if d.number or d.summary), None)
        if target is None:
            snap.search_probes["documents"] = SearchProbe(
                kind="documents", form=doc_forms[0], matched=None, reason="no-document-to-search-for"
            )
            return
        query = target.number or self.search_phrase(target.summary or "")
        probe = None
        for form in doc_forms[:2]:
            probe = await self._run_search(form, query, target.url, target.summary or target.number or "", "documents")
            if probe.matched:
                break
        snap.search_probes["documents"] = probe  # type: ignore[assignment]

    async def _check_department_links(self, snap: Snapshot) -> None:
        hosts = x_links.department_hosts(
            snap.outbound_links, self.site.province_domains, host_key(self.site.url)
        )
        for host, urls in sorted(hosts.items()):
            if not self.site.check_links:
                snap.link_checks.append(LinkCheck(urls[0], None, None, "link checks disabled for this site"))
                continue
            res = await self.f.check_link(urls[0])
            snap.link_checks.append(res)
