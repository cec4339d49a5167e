"""Listing walks: pagination reached only by posting the form back (ASP.NET WebForms)."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from urllib.parse import parse_qs

import httpx
import respx

from portal_lint.config import CrawlSettings, Site
from portal_lint.fetch.client import Fetcher
from portal_lint.fetch.crawler import Crawler

SITE = "https://bhxh.example.vn/"
LISTING = "https://bhxh.example.vn/Tin/DanhMuc.aspx?ma=7"
N_PAGES = 4


def _page(k: int) -> str:
    """Page k of a WebForms listing: items, the page's own view state, a postback pager."""
    items = "".join(
        f'<div class="tin"><a href="/Tin/ChiTiet.aspx?newsid={k * 100 + i}">'
        f"Bảo hiểm xã hội tỉnh tổ chức hội nghị số {k}-{i} về thu BHXH</a>"
        f'<span class="ngay">{20 - k}/11/2026</span></div>'
        for i in range(5)
    )
    pager = "".join(
        f'<span class="sel">{n}</span>'
        if n == k
        else f"<a href=\"javascript:__doPostBack('ctl00$main$pg$n{n}','')\">{n}</a>"
        for n in range(1, N_PAGES + 1)
    )
    return (
        '<html><body><form method="post" action="./DanhMuc.aspx?ma=7" id="aspnetForm">'
        f'<input type="hidden" name="__VIEWSTATE" value="state-of-page-{k}" />'
        '<input type="hidden" name="__EVENTVALIDATION" value="ev" />'
        '<input type="submit" name="ctl00$btnTim" value="Tìm" />'
        f'<div id="noidung">{items}</div><div class="phantrang">{pager}</div></form></body></html>'
    )


@respx.mock
def test_postback_pager_is_walked_with_each_pages_own_view_state() -> None:
    posts: list[dict[str, list[str]]] = []

    def listing(request: httpx.Request) -> httpx.Response:
        if request.method == "GET":
            return httpx.Response(200, html=_page(1))
        form = parse_qs(request.content.decode())
        posts.append(form)
        target = form["__EVENTTARGET"][0]
        return httpx.Response(200, html=_page(int(target.rsplit("$n", 1)[1])))

    respx.get(SITE + "robots.txt").mock(return_value=httpx.Response(404))
    respx.route(url=LISTING).mock(side_effect=listing)

    async def go() -> tuple[set[str], Crawler]:
        settings = CrawlSettings(rate_per_second=1000, retries=0, timeout=2)
        found: set[str] = set()
        async with Fetcher(settings, {"bhxh.example.vn"}) as f:
            crawler = Crawler(
                Site(id="bhxh-test", url=SITE),
                settings,
                f,
                as_of=date(2026, 11, 23),
                clock=lambda: datetime(2026, 11, 23, 9, 0),
            )
            await crawler._walk_listings(
                [(LISTING, "Tin hoạt động")],
                lambda url, *a, **k: found.add(url),
                {},
                [],
            )
        return found, crawler

    found, crawler = asyncio.run(go())
    assert len(found) == 5 * N_PAGES  # every page's items, not only page 1
    assert len(posts) == N_PAGES - 1
    # Each post is the pager link of the page before it, with that page's view state,
    # and no button was "pressed" (that would run the site's search instead).
    for k, form in enumerate(posts, start=1):
        assert form["__VIEWSTATE"] == [f"state-of-page-{k}"]
        assert form["__EVENTTARGET"] == [f"ctl00$main$pg$n{k + 1}"]
        assert "ctl00$btnTim" not in form
    assert crawler._listing_pages == N_PAGES
