"""The polite client: robots, size cap, redirects, retries, cache revalidation."""

from __future__ import annotations

import asyncio
import gzip
from pathlib import Path

import httpx
import pytest
import respx

from portal_lint.config import CrawlSettings
from portal_lint.fetch.client import Fetcher

SITE = "https://bhxh.example.vn"


def settings(**kw: object) -> CrawlSettings:
    base = dict(rate_per_second=1000, retries=2, timeout=5, max_body_mb=1)
    base.update(kw)
    return CrawlSettings(**base)


def fetch(url: str, *, cache_dir: Path | None = None, **kw: object):
    async def go():
        async with Fetcher(settings(**kw), {"bhxh.example.vn"}, cache_dir=cache_dir) as f:
            res = await f.get(url)
            return res, f

    return asyncio.run(go())


@respx.mock
def test_robots_disallow_is_honoured_and_recorded() -> None:
    respx.get(f"{SITE}/robots.txt").respond(200, text="User-agent: *\nDisallow: /private/\n")
    page = respx.get(f"{SITE}/private/x.html").respond(200, text="secret")
    res, f = fetch(f"{SITE}/private/x.html")
    assert not page.called
    assert res.record.outcome == "robots_disallowed"
    assert f.log[-1].outcome == "robots_disallowed"


@respx.mock
def test_user_agent_identifies_the_tool() -> None:
    respx.get(f"{SITE}/robots.txt").respond(404)
    route = respx.get(f"{SITE}/").respond(200, text="<html>ok</html>")
    res, _ = fetch(f"{SITE}/")
    assert res.ok
    assert "portal-lint" in route.calls.last.request.headers["user-agent"]


@respx.mock
def test_oversized_body_is_cut_at_the_cap() -> None:
    respx.get(f"{SITE}/robots.txt").respond(404)
    respx.get(f"{SITE}/huge").respond(200, content=b"x" * (3 * 1024 * 1024))
    res, _ = fetch(f"{SITE}/huge", max_body_mb=1)
    assert res.record.outcome == "too_large"
    assert res.body == b""


@respx.mock
def test_gzip_bomb_is_capped_after_decompression() -> None:
    respx.get(f"{SITE}/robots.txt").respond(404)
    bomb = gzip.compress(b"\0" * (20 * 1024 * 1024))
    assert len(bomb) < 100_000
    respx.get(f"{SITE}/bomb").respond(200, content=bomb, headers={"Content-Encoding": "gzip"})
    res, _ = fetch(f"{SITE}/bomb", max_body_mb=1)
    assert res.record.outcome == "too_large"


@respx.mock
def test_redirect_to_foreign_host_is_not_followed() -> None:
    respx.get(f"{SITE}/robots.txt").respond(404)
    respx.get(f"{SITE}/go").respond(302, headers={"Location": "https://evil.example.com/x"})
    evil = respx.get("https://evil.example.com/x").respond(200, text="x")
    res, _ = fetch(f"{SITE}/go")
    assert not evil.called
    assert res.record.outcome == "foreign_redirect"
    assert "evil.example.com" in res.record.reason


@respx.mock
def test_redirect_within_site_is_followed_and_loop_detected() -> None:
    respx.get(f"{SITE}/robots.txt").respond(404)
    respx.get(f"{SITE}/old").respond(301, headers={"Location": "/new"})
    respx.get(f"{SITE}/new").respond(200, text="new page")
    res, _ = fetch(f"{SITE}/old")
    assert res.ok and res.body == b"new page" and res.url.endswith("/new")
    respx.get(f"{SITE}/a").respond(302, headers={"Location": "/b"})
    respx.get(f"{SITE}/b").respond(302, headers={"Location": "/a"})
    res, _ = fetch(f"{SITE}/a")
    assert res.record.outcome == "redirect_loop"


@respx.mock
def test_transient_errors_are_retried_permanent_ones_not(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("portal_lint.fetch.client.asyncio.sleep", _no_sleep)
    respx.get(f"{SITE}/robots.txt").respond(404)
    flaky = respx.get(f"{SITE}/flaky").mock(
        side_effect=[
            httpx.Response(503),
            httpx.ConnectError("reset"),
            httpx.Response(200, text="ok"),
        ]
    )
    res, _ = fetch(f"{SITE}/flaky")
    assert res.ok and flaky.call_count == 3
    gone = respx.get(f"{SITE}/gone").respond(404)
    res, _ = fetch(f"{SITE}/gone")
    assert gone.call_count == 1 and res.record.outcome == "http_error" and res.status == 404
    down = respx.get(f"{SITE}/down").mock(side_effect=httpx.ConnectError("refused"))
    res, _ = fetch(f"{SITE}/down", retries=1)
    assert down.call_count == 2 and res.record.outcome == "connect_error"


async def _no_sleep(_s: float) -> None:
    return None


@respx.mock
def test_second_fetch_revalidates_with_etag(tmp_path: Path) -> None:
    respx.get(f"{SITE}/robots.txt").respond(404)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304, headers={"ETag": '"v1"'})
        return httpx.Response(
            200, text="<html>listing</html>", headers={"ETag": '"v1"', "Content-Type": "text/html"}
        )

    route = respx.get(f"{SITE}/list").mock(side_effect=handler)
    res1, f1 = fetch(f"{SITE}/list", cache_dir=tmp_path)
    res2, f2 = fetch(f"{SITE}/list", cache_dir=tmp_path)
    assert res1.body == res2.body == b"<html>listing</html>"
    assert route.calls[1].request.headers.get("if-none-match") == '"v1"'
    assert res2.record.outcome == "not_modified"
    assert f2.cache_answers == 1


@respx.mock
def test_revalidation_by_last_modified_and_only_with_a_validator(tmp_path: Path) -> None:
    respx.get(f"{SITE}/robots.txt").respond(404)
    stamp = "Mon, 23 Nov 2026 01:00:00 GMT"

    def dated(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-modified-since") == stamp:
            return httpx.Response(304)
        return httpx.Response(200, text="<html>dated</html>", headers={"Last-Modified": stamp})

    dated_route = respx.get(f"{SITE}/dated").mock(side_effect=dated)
    bare_route = respx.get(f"{SITE}/bare").respond(200, text="<html>bare</html>")
    for _ in range(2):
        dated_res, f = fetch(f"{SITE}/dated", cache_dir=tmp_path)
        bare_res, _f = fetch(f"{SITE}/bare", cache_dir=tmp_path)
    assert dated_res.body == b"<html>dated</html>" and dated_res.record.outcome == "not_modified"
    assert f.cache_answers == 1 and f.network_requests == 2  # robots.txt and the 304
    # no validator, nothing to revalidate with: fetched whole both times, nothing stored
    assert "if-none-match" not in bare_route.calls[1].request.headers
    assert "if-modified-since" not in bare_route.calls[1].request.headers
    assert bare_res.body == b"<html>bare</html>" and bare_res.record.outcome == "ok"
    assert dated_route.call_count == 2


@respx.mock
def test_an_unreadable_page_cache_is_no_cache(tmp_path: Path) -> None:
    respx.get(f"{SITE}/robots.txt").respond(404)
    respx.get(f"{SITE}/list").respond(200, text="<html>ok</html>", headers={"ETag": '"v1"'})
    (tmp_path / "pages.sqlite").write_bytes(b"this is not an SQLite file" * 100)
    res, f = fetch(f"{SITE}/list", cache_dir=tmp_path)
    assert res.body == b"<html>ok</html>" and res.record.outcome == "ok"
    assert f.cache_answers == 0


@respx.mock
def test_link_check_reports_alive_dead_and_unreachable() -> None:
    respx.get("https://stttt.hatinh.gov.vn/").respond(200, text="ok")
    respx.get("https://syte.hatinh.gov.vn/").respond(404)
    respx.get("https://ubnd.hatinh.gov.vn/").mock(side_effect=httpx.ConnectError("no route"))

    async def go():
        async with Fetcher(settings(), {"bhxh.example.vn"}) as f:
            return [
                await f.check_link(u)
                for u in (
                    "https://stttt.hatinh.gov.vn/",
                    "https://syte.hatinh.gov.vn/",
                    "https://ubnd.hatinh.gov.vn/",
                )
            ], f

    (alive, dead, unreachable), f = asyncio.run(go())
    assert (alive.alive, alive.status) == (True, 200)
    assert (dead.alive, dead.status) == (False, 404)
    assert unreachable.alive is False and unreachable.status is None
    assert "ConnectError" in unreachable.reason
    assert [r.purpose for r in f.log] == ["link-check"] * 3
