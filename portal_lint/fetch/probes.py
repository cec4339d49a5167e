"""Probes: checks that need the site to act, run during the crawl.

The search is submitted with a phrase from a recent article, the visitor counter is read
several times (from the HTML or from the JSON endpoint a script calls), spokesperson pages
are opened, department links are tried. Each leaves an observation in the snapshot with the
reason when it could not run; rules judge the observations later.
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from collections.abc import Collection, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from portal_lint.extract import contact as x_contact
from portal_lint.extract import counter as x_counter
from portal_lint.extract import documents as x_documents
from portal_lint.extract import forms as x_forms
from portal_lint.extract import links as x_links
from portal_lint.extract import listing as x_listing
from portal_lint.extract.text import decode_html, fold
from portal_lint.extract.urls import canonicalize
from portal_lint.fetch.client import host_key
from portal_lint.snapshot import (
    Article,
    ContactInfo,
    CounterReading,
    Document,
    FormInfo,
    Link,
    LinkCheck,
    SearchProbe,
    Snapshot,
)

if TYPE_CHECKING:
    from portal_lint.fetch.crawler import _Page

# Words too common in Vietnamese portal titles to make a distinctive search phrase.
_COMMON = set(
    "bhxh bhyt bhtn tỉnh huyện của và các cho với trong tại năm về việc được người thực hiện "
    "bảo hiểm xã hội y tế thất nghiệp tổ chức triển khai công tác hội nghị ngày tháng".split()
)


# Punctuation that ends a run of words a substring search can match ("-" inside words such as
# "COVID-19" or "Đề án 06/QĐ-TTg" does not; a spaced dash does).
_PHRASE_BREAK = re.compile(r"[\[\](){}<>:;,!?\"“”‘’«»|…]|\s[-–—]\s|[.'](?=\s|$)|(?:^|\s)['‘]")


def generic_title_words(titles: Sequence[str], share: float = 0.3) -> frozenset[str]:
    """Words found in at least `share` of the titles (min. 4 titles): the site's own vocabulary."""
    if len(titles) < 4:
        return frozenset()
    df: Counter[str] = Counter()
    for t in titles:
        df.update({w.lower() for w in _PHRASE_BREAK.sub(" ", t).split()})
    return frozenset(w for w, n in df.items() if n >= share * len(titles))


def _search_phrase(title: str, generic: frozenset[str]) -> str:
    def rare(w: str) -> bool:
        lw = w.lower()
        return lw not in _COMMON and lw not in generic

    segments = [seg.split() for seg in _PHRASE_BREAK.split(title)]
    best: tuple[tuple[int, int, int, int], list[str]] | None = None
    for si, words in enumerate(segments):
        for size in (6, 5, 4, 3):
            for i in range(len(words) - size + 1):
                chunk = words[i : i + size]
                # Most rare words first (a longer run is more distinctive), then rare edges.
                score = (
                    sum(map(rare, chunk)),
                    rare(chunk[0]) + rare(chunk[-1]),
                    -abs(size - 5),
                    -si,
                )
                if best is None or score > best[0]:
                    best = (score, chunk)
    if best is not None:
        return " ".join(best[1])
    # No segment of three words: the longest segment as it stands.
    longest = max(segments, key=len, default=[])
    return " ".join(longest[:5]) or title.strip()


# A query no portal has content for: the negative control of a search that seemed to work.
_CONTROL_QUERY = "zqxvbj wkpfyh"


def _most_telling(probes: Sequence[SearchProbe]) -> SearchProbe:
    """A pass if any; else a definite miss over "could not judge"; else the last attempt."""
    for want in (True, False):
        for p in probes:
            if p.matched is want:
                return p
    return probes[-1]


class ProbesMixin:
    """Mixed into Crawler: uses self.f (Fetcher), self.site, self.settings, self.clock,
    self.notes and self._page()."""

    def _links(self, home: _Page) -> list[Link]:
        return x_links.extract_links(home.html, home.url)

    async def _probe_counter(self, home: _Page, snap: Snapshot) -> None:
        value, label, method = x_counter.extract_counter(home.html, home.url)
        endpoints = (
            [] if value is not None else x_counter.find_counter_endpoints(home.html, home.url)
        )
        if value is None and not endpoints:
            snap.counter_found = (
                False if not x_counter.counter_placeholder_present(home.html) else None
            )
            if snap.counter_found is None:
                self.notes.append(
                    "counter widget present but filled by a script we could not locate"
                )
            return
        snap.counter_found = True
        snap.counter_readings.append(
            CounterReading(self.clock(), value, home.url, method or "json-endpoint", label)
        )
        for _ in range(self.settings.counter_readings - 1):
            await asyncio.sleep(0.2)
            if value is not None:
                page = await self._page(self.site.url, "probe", cache=False)
                if page is None:
                    continue
                v, lbl, m = x_counter.extract_counter(page.html, page.url)
                snap.counter_readings.append(
                    CounterReading(self.clock(), v, page.url, m or "html", lbl)
                )
            else:
                break
        if value is None:
            snap.counter_readings.clear()
            failures: list[str] = []
            for ep in endpoints[:2]:
                for _ in range(self.settings.counter_readings):
                    # The endpoint is a resource of the home page: every visitor's browser fetches it
                    # to show the number, so it is read like one (robots.txt governs crawling, and
                    # sites commonly disallow /api/ for crawlers while their pages call it).
                    res = await self.f.get(ep, purpose="probe", cache=False, check_robots=False)
                    if not res.ok:
                        rec = res.record
                        failures.append(
                            f"{ep}: {rec.outcome} {rec.reason}".strip()
                            if rec
                            else f"{ep}: HTTP {res.status}"
                        )
                        break
                    v = x_counter.parse_counter_json(res.body)
                    snap.counter_readings.append(
                        CounterReading(self.clock(), v, ep, "json-endpoint", "")
                    )
                    if v is None:
                        failures.append(f"{ep}: no visitor total in the response")
                        break
                    await asyncio.sleep(0.2)
                if any(r.value is not None for r in snap.counter_readings):
                    break
            if not any(r.value is not None for r in snap.counter_readings):
                self.notes.append(
                    "counter endpoint could not be read: " + "; ".join(failures or ["no reading"])
                )

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
            # Recorded before fetching: a candidate that timed out is "checked, unreadable", so the
            # rule can say unknown rather than "no spokesperson anywhere".
            snap.spokesperson_pages_checked.append(url)
            html = pages.get(url)
            if html is None:
                page = await self._page(url, "probe")
                if page is None:
                    continue
                html = page.html
                pages[page.url] = html
            found = x_contact.extract_spokesperson(html, url)
            if score(found) > score(best):
                best = found
        snap.spokesperson = best

    def _recent_articles(self, snap: Snapshot) -> list[Article]:
        arts = [a for a in snap.articles if a.fetched and a.title and len(a.title.split()) >= 4]
        arts.sort(key=lambda a: a.published or datetime.min, reverse=True)
        return arts

    @staticmethod
    def search_phrase(title: str, generic: Collection[str] = ()) -> str:
        """A distinctive run of 3–6 consecutive words of `title`, as typed into a CMS search box.

        CMS searches match a substring of the title, so the run never crosses punctuation
        ("[Infographic] BHXH…" must not become "Infographic BHXH"). Words in `_COMMON` or in
        `generic` (words most of the site's titles share, e.g. its province name) count as
        common; the run with most rare words wins, preferring rare words at its edges.
        """
        return _search_phrase(title, frozenset(w.lower() for w in generic))

    async def _search_forms(self, home: _Page, pages: dict[str, str], kind: str) -> list[FormInfo]:
        forms = x_forms.find_search_forms(home.html, home.url)
        hint = (
            self.site.hints.search_url
            if kind == "articles"
            else self.site.hints.document_search_url
        )
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

    async def _fetch_results(
        self, form: FormInfo, query: str
    ) -> tuple[str, int | None, str | None, str]:
        """(result url, HTTP status, failed-fetch reason or None, decoded result page)."""
        method, url, payload = x_forms.build_search_request(form, query)
        if method.upper() == "POST":
            res = await self.f.get(url, purpose="probe", method="POST", data=payload, cache=False)
        else:
            res = await self.f.get(url, purpose="probe", params=payload, cache=False)
        result_url = res.url if res.status is not None else url
        if res.record is not None and res.record.outcome in (
            "timeout",
            "connect_error",
            "too_large",
            "robots_disallowed",
            "foreign_redirect",
            "redirect_loop",
        ):
            return result_url, res.status, f"{res.record.outcome} {res.record.reason}".strip(), ""
        return result_url, res.status, None, decode_html(res.body, res.content_type)

    async def _run_search(
        self, form: FormInfo, query: str, expected_url: str, expected_title: str, kind: str
    ) -> SearchProbe:
        probe = SearchProbe(kind=kind, form=form, query=query, expected_url=expected_url)
        result_url, status, failed, html = await self._fetch_results(form, query)
        probe.result_url, probe.result_status = result_url, status
        if failed is not None:
            probe.matched = None
            probe.reason = f"fetch-failed: {failed}"
            return probe
        if status is not None and status >= 400:
            probe.matched = False
            probe.reason = f"search returned HTTP {status}"
            return probe
        matched, count = x_forms.search_results_match(
            html, result_url, expected_url, expected_title
        )
        probe.matched, probe.result_count = matched, count
        probe.reason = "" if matched else "expected item not in the results"
        if matched:
            # Negative control: a page that also "finds" the item for a nonsense query is the
            # same page whatever is typed (a postback re-rendering the full list, a search that
            # ignores its parameter); it proves nothing either way.
            c_url, c_status, c_failed, c_html = await self._fetch_results(form, _CONTROL_QUERY)
            if c_failed is None and (c_status is None or c_status < 400):
                c_matched, _ = x_forms.search_results_match(
                    c_html, c_url, expected_url, expected_title
                )
                if c_matched:
                    probe.matched = None
                    probe.reason = (
                        f"control-matched: the nonsense query {_CONTROL_QUERY!r} also listed the "
                        "expected item, so the result page does not depend on the query"
                    )
        return probe

    async def _probe_search(
        self, home: _Page, pages: dict[str, str], snap: Snapshot, kind: str
    ) -> None:
        forms = await self._search_forms(home, pages, kind)
        if not forms:
            snap.search_probes[kind] = SearchProbe(
                kind=kind, matched=False, reason="no-search-form"
            )
            return
        recent = self._recent_articles(snap)
        if not recent:
            snap.search_probes[kind] = SearchProbe(
                kind=kind, form=forms[0], matched=None, reason="no-article-to-search-for"
            )
            return
        tried: list[SearchProbe] = []
        generic = generic_title_words([a.title for a in snap.articles if a.title])
        # Try up to two forms and two articles: a miss on one title is not yet proof.
        for form in forms[:2]:
            for art in recent[:2]:
                probe = await self._run_search(
                    form, self.search_phrase(art.title, generic), art.url, art.title, kind
                )
                tried.append(probe)
                if probe.matched:
                    snap.search_probes[kind] = probe
                    return
        snap.search_probes[kind] = _most_telling(tried)

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
            snap.search_probes["documents"] = SearchProbe(
                kind="documents", matched=False, reason="no-search-form"
            )
            return
        target = next((d for d in snap.documents if d.number or d.summary), None)
        if target is None:
            snap.search_probes["documents"] = SearchProbe(
                kind="documents",
                form=doc_forms[0],
                matched=None,
                reason="no-document-to-search-for",
            )
            return
        phrase = self.search_phrase(
            target.summary or "",
            generic_title_words([d.summary for d in snap.documents if d.summary]),
        )
        if target.number:
            # With separate number and summary boxes, the number box is the sharper test.
            doc_forms.sort(key=lambda f: x_forms.document_field_kind(f) == "summary")
        tried: list[SearchProbe] = []
        for form in doc_forms[:2]:
            # Each box gets what it is for: the number in "Số ký hiệu", words in "Trích yếu".
            field = x_forms.document_field_kind(form)
            query = (phrase if field == "summary" else target.number) or target.number or phrase
            probe = await self._run_search(
                form, query, target.url, target.summary or target.number or "", "documents"
            )
            tried.append(probe)
            if probe.matched:
                break
        snap.search_probes["documents"] = _most_telling(tried)

    async def _check_department_links(self, snap: Snapshot) -> None:
        hosts = x_links.department_hosts(
            snap.outbound_links, self.site.province_domains, host_key(self.site.url)
        )
        for host, urls in sorted(hosts.items()):
            if not self.site.check_links:
                snap.link_checks.append(
                    LinkCheck(urls[0], None, None, "link checks disabled for this site")
                )
                continue
            res = await self.f.check_link(urls[0])
            snap.link_checks.append(res)
