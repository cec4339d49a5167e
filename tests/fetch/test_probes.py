"""Crawl-time probes: counter endpoint, spokesperson pages, search phrase."""

from __future__ import annotations

import asyncio
import itertools
from datetime import date, datetime

import httpx
import respx

from portal_lint.config import CrawlSettings, Site
from portal_lint.fetch.client import Fetcher
from portal_lint.fetch.crawler import Crawler, _Page
from portal_lint.fetch.probes import ProbesMixin, _most_telling, generic_title_words
from portal_lint.snapshot import FormInfo, SearchProbe, Snapshot

SITE = "https://bhxh.example.vn/"


def _run(home_html: str, probe: str) -> tuple[Snapshot, Crawler]:
    async def go() -> tuple[Snapshot, Crawler]:
        settings = CrawlSettings(rate_per_second=1000, retries=0, timeout=2, counter_readings=3)
        async with Fetcher(settings, {"bhxh.example.vn"}) as f:
            crawler = Crawler(
                Site(id="bhxh-test", url=SITE),
                settings,
                f,
                as_of=date(2026, 11, 23),
                clock=lambda: datetime(2026, 11, 23, 9, 0),
            )
            snap = Snapshot(
                site_id="bhxh-test", base_url=SITE, started_at=datetime(2026, 11, 23, 9, 0)
            )
            home = _Page(SITE, home_html, 200)
            if probe == "counter":
                await crawler._probe_counter(home, snap)
            else:
                await crawler._probe_spokesperson(home, {SITE: home_html}, snap)
            return snap, crawler

    return asyncio.run(go())


JS_COUNTER_HOME = """<html><body><main><h1>Tin tức</h1></main>
<footer><div class="stats">Lượt truy cập: <b id="total">...</b> · Đang online: <b id="online">...</b></div>
<script>fetch('/api/thong-ke').then(r=>r.json()).then(d=>{document.getElementById('total').textContent=d.total;});</script>
</footer></body></html>"""


@respx.mock
def test_counter_endpoint_behind_robots_disallow_is_read_as_a_page_resource() -> None:
    # Sites commonly keep crawlers out of /api/ while their own pages call it for the counter.
    respx.get(f"{SITE}robots.txt").respond(200, text="User-agent: *\nDisallow: /api/\n")
    totals = itertools.count(104_500)
    api = respx.get(f"{SITE}api/thong-ke").mock(
        side_effect=lambda _r: httpx.Response(200, json={"total": next(totals), "online": 7})
    )
    snap, crawler = _run(JS_COUNTER_HOME, "counter")
    assert api.call_count == 3
    assert snap.counter_found is True
    assert [r.value for r in snap.counter_readings] == [104_500, 104_501, 104_502]
    assert all(r.method == "json-endpoint" for r in snap.counter_readings)
    assert not any("could not be read" in n for n in crawler.notes)


@respx.mock
def test_counter_endpoint_without_a_total_leaves_a_note() -> None:
    respx.get(f"{SITE}robots.txt").respond(404)
    respx.get(f"{SITE}api/thong-ke").respond(200, json={"status": "ok"})
    snap, crawler = _run(JS_COUNTER_HOME, "counter")
    assert snap.counter_found is True
    assert all(r.value is None for r in snap.counter_readings)
    assert any("no visitor total" in n for n in crawler.notes)


SPOKES_HOME = """<html><body><ul class="menu"><li><a href="/">Trang chủ</a></li>
<li><a href="/gioi-thieu/nguoi-phat-ngon">Giới thiệu</a></li><li><a href="/tin-tuc">Tin tức</a></li></ul>
<p>Chào mừng đến Cổng thông tin điện tử</p></body></html>"""


@respx.mock
def test_spokesperson_candidate_is_recorded_even_when_its_fetch_fails() -> None:
    respx.get(f"{SITE}robots.txt").respond(404)
    page = respx.get(f"{SITE}gioi-thieu/nguoi-phat-ngon").mock(
        side_effect=httpx.ReadTimeout("slow")
    )
    snap, _ = _run(SPOKES_HOME, "spokesperson")
    assert page.called
    assert f"{SITE}gioi-thieu/nguoi-phat-ngon" in snap.spokesperson_pages_checked
    assert snap.spokesperson is None


@respx.mock
def test_spokesperson_found_on_page_reached_from_gioi_thieu_menu() -> None:
    respx.get(f"{SITE}robots.txt").respond(404)
    respx.get(f"{SITE}gioi-thieu/nguoi-phat-ngon").respond(
        200,
        headers={"Content-Type": "text/html; charset=utf-8"},
        text="<html><body><h1>Người phát ngôn</h1><p>Người phát ngôn: Ông/Bà <strong>Lê Thị Hoa</strong><br>"
        "Chức vụ: Phó Giám đốc<br>Điện thoại: 0260.3878.747<br>Email: hoalt@vss.gov.vn</p></body></html>",
    )
    snap, _ = _run(SPOKES_HOME, "spokesperson")
    assert snap.spokesperson is not None
    assert (snap.spokesperson.name, snap.spokesperson.phone) == ("Lê Thị Hoa", "0260.3878.747")


def test_search_phrase_is_a_consecutive_run_of_the_title() -> None:
    # Brackets/colons end a run: "[Infographic] BHXH" must not become "Infographic BHXH".
    title = "[Infographic] BHXH tỉnh Lâm Đồng tổ chức hội nghị giao ban công tác tháng 11/2026"
    phrase = ProbesMixin.search_phrase(title, {"lâm", "đồng"})
    assert phrase in title
    assert not phrase.startswith("Infographic")
    assert 3 <= len(phrase.split()) <= 6
    assert "giao ban" in phrase
    title2 = "BHYT hộ gia đình: giảm trừ mức đóng từ người thứ hai trong hộ (phường Trần Phú)"
    assert ProbesMixin.search_phrase(title2) in title2


def test_search_phrase_avoids_the_sites_own_words() -> None:
    titles = [
        "BHXH tỉnh Lâm Đồng tập huấn nghiệp vụ thu cho đại lý",
        "Lâm Đồng: tuyên truyền chính sách BHYT học sinh sinh viên",
        "BHXH tỉnh Lâm Đồng ký kết quy chế phối hợp với Công an tỉnh",
        "Đối thoại chính sách với người lao động tại Lâm Đồng",
    ]
    generic = generic_title_words(titles)
    assert {"lâm", "đồng"} <= generic
    phrase = ProbesMixin.search_phrase(titles[2], generic)
    assert phrase in titles[2]
    assert "Lâm Đồng" not in phrase


def test_generic_title_words_needs_enough_titles() -> None:
    assert generic_title_words(["Tin một hai", "Tin ba bốn"]) == frozenset()


def _search(form_action: str, expected: str, title: str) -> SearchProbe:
    async def go() -> SearchProbe:
        settings = CrawlSettings(rate_per_second=1000, retries=0, timeout=2)
        async with Fetcher(settings, {"bhxh.example.vn"}) as f:
            crawler = Crawler(
                Site(id="bhxh-test", url=SITE),
                settings,
                f,
                as_of=date(2026, 11, 23),
                clock=lambda: datetime(2026, 11, 23, 9, 0),
            )
            form = FormInfo(SITE, form_action, "GET", "q", {}, "documents", "test")
            return await crawler._run_search(form, "12/QĐ-BHXH", expected, title, "documents")

    return asyncio.run(go())


DOC_URL = f"{SITE}van-ban/12"
DOC_TITLE = "Quyết định ban hành quy chế làm việc của cơ quan"


def _listing(docs: list[tuple[str, str]]) -> str:
    rows = "".join(f'<li><a href="{u}">{t}</a></li>' for u, t in docs)
    return f"<html><body><main><h1>Kết quả tìm kiếm</h1><ul>{rows}</ul></main></body></html>"


@respx.mock
def test_search_that_ignores_the_query_is_unknown_not_pass() -> None:
    # The "result" page is the full list whatever is typed: a nonsense control finds it too.
    respx.get(f"{SITE}robots.txt").respond(404)
    route = respx.get(f"{SITE}tra-cuu").respond(
        200,
        headers={"Content-Type": "text/html; charset=utf-8"},
        text=_listing([(DOC_URL, DOC_TITLE), (f"{SITE}van-ban/13", "Công văn hướng dẫn thu BHXH")]),
    )
    probe = _search(f"{SITE}tra-cuu", DOC_URL, DOC_TITLE)
    assert route.call_count == 2  # the query, then the control
    assert route.calls[1].request.url.params["q"] != "12/QĐ-BHXH"
    assert probe.matched is None
    assert probe.reason.startswith("control-matched")


@respx.mock
def test_search_that_filters_passes_after_the_control() -> None:
    respx.get(f"{SITE}robots.txt").respond(404)

    def answer(request: httpx.Request) -> httpx.Response:
        hits = [(DOC_URL, DOC_TITLE)] if request.url.params["q"] == "12/QĐ-BHXH" else []
        body = (
            _listing(hits)
            if hits
            else "<html><body><main><p>Không tìm thấy văn bản</p></main></body></html>"
        )
        return httpx.Response(200, headers={"Content-Type": "text/html; charset=utf-8"}, text=body)

    route = respx.get(f"{SITE}tra-cuu").mock(side_effect=answer)
    probe = _search(f"{SITE}tra-cuu", DOC_URL, DOC_TITLE)
    assert route.call_count == 2
    assert probe.matched is True and probe.reason == ""


@respx.mock
def test_missed_search_runs_no_control() -> None:
    respx.get(f"{SITE}robots.txt").respond(404)
    route = respx.get(f"{SITE}tra-cuu").respond(
        200,
        headers={"Content-Type": "text/html; charset=utf-8"},
        text="<html><body><main><h1>Kết quả tìm kiếm</h1><p>Không tìm thấy văn bản</p></main></body></html>",
    )
    probe = _search(f"{SITE}tra-cuu", DOC_URL, DOC_TITLE)
    assert route.call_count == 1
    assert probe.matched is False


def test_most_telling_prefers_pass_then_miss() -> None:
    unk = SearchProbe(kind="articles", matched=None, reason="control-matched")
    miss = SearchProbe(kind="articles", matched=False)
    hit = SearchProbe(kind="articles", matched=True)
    assert _most_telling([unk, miss]) is miss
    assert _most_telling([miss, unk, hit]) is hit
    assert _most_telling([unk]) is unk
