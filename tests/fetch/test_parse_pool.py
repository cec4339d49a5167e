"""Pages parsed in worker processes: same results as inline, and a dead worker costs a page,
never the audit."""

from __future__ import annotations

import asyncio
import os
from datetime import date, datetime

import httpx
import pytest
import respx

from portal_lint.config import CrawlSettings, Site
from portal_lint.fetch.client import Fetcher
from portal_lint.fetch.crawler import Crawler, _Candidate
from portal_lint.fetch.parse_pool import InlineParser, ParseFailed, ParsePool
from portal_lint.snapshot import Snapshot

SITE = "https://bhxh.example.vn/"


def _article(n: int) -> str:
    body = " ".join(["Cơ quan BHXH tỉnh đẩy mạnh tuyên truyền chính sách BHYT hộ gia đình."] * 20)
    return (
        f'<html><head><meta charset="utf-8"><title>Bài {n}</title></head><body>'
        f"<article><h1>BHXH tỉnh tổ chức hội nghị tuyên truyền số {n}</h1>"
        f"<p>Ngày đăng: 1{n}/11/2026 08:30</p><p>{body}</p><p>Minh An</p></article></body></html>"
    )


def test_pool_gives_what_inline_parsing_gives_and_survives_a_dead_worker() -> None:
    body = _article(1).encode()
    url = SITE + "tin-tuc/bai-1.html"

    async def go() -> None:
        inline = await InlineParser().article(body, "text/html; charset=utf-8", url)
        pool = ParsePool(1)
        try:
            assert await pool.article(body, "text/html; charset=utf-8", url) == inline
            assert inline is not None and inline.word_count > 100
            # A worker that dies (here: exits) breaks the pool; the call is retried once on
            # a new pool, then given up.
            with pytest.raises(ParseFailed):
                await pool._run(os._exit, 3)
            assert pool.crashes == 2
            # the next page is parsed by a fresh pool
            assert await pool.article(body, "text/html; charset=utf-8", url) == inline
            listing = await pool.listing(_article(2), url)
            assert listing == await InlineParser().listing(_article(2), url)
        finally:
            pool.close()

    asyncio.run(go())


class _CrashOn(InlineParser):
    """Parses inline, except that the page at `url` kills its parser every time."""

    def __init__(self, url: str) -> None:
        self.url = url

    async def article(self, body, content_type, url):  # type: ignore[no-untyped-def]
        if url == self.url:
            raise ParseFailed(f"the parser process died twice on {url}")
        return await super().article(body, content_type, url)


@respx.mock
def test_a_page_that_kills_its_parser_is_counted_unreadable_not_absent() -> None:
    bad, good = SITE + "tin/bai-1.html", SITE + "tin/bai-2.html"
    respx.get(SITE + "robots.txt").mock(return_value=httpx.Response(404))
    respx.get(bad).mock(return_value=httpx.Response(200, html=_article(1)))
    respx.get(good).mock(return_value=httpx.Response(200, html=_article(2)))

    async def go() -> tuple[Snapshot, Crawler]:
        settings = CrawlSettings(rate_per_second=1000, retries=0, timeout=2)
        async with Fetcher(settings, {"bhxh.example.vn"}) as f:
            crawler = Crawler(
                Site(id="bhxh-test", url=SITE),
                settings,
                f,
                as_of=date(2026, 11, 23),
                clock=lambda: datetime(2026, 11, 23, 9, 0),
                parser=_CrashOn(bad),
            )
            snap = Snapshot("bhxh-test", SITE, datetime(2026, 11, 23, 9))
            cands = {
                u: _Candidate(u, title="Tin", published=datetime(2026, 11, 1 + i), via={"listing"})
                for i, u in enumerate((bad, good))
            }
            await crawler._fetch_articles(cands, snap, {})
        return snap, crawler

    snap, crawler = asyncio.run(go())
    by_url = {a.url: a for a in snap.articles}
    assert by_url[good].fetched and by_url[good].word_count > 100
    # seen in a listing, unreadable: counted (with the listing's date), never "missing"
    assert by_url[bad].fetched is False and by_url[bad].published == datetime(2026, 11, 1)
    assert any("died twice" in n for n in crawler.notes)
    assert bad not in crawler._found_non_articles
