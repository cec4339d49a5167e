"""Survival: portal-lint against what real portals, networks and processes do.

Every case runs against real HTTP servers on 127.0.0.1 (respx only where a pure unit case
needs a host name that cannot be served here) and asserts that the audit completes, that
nothing is held against the province because of our failure (`unknown` with a reason, never
`fail`), that nothing stored earlier is lost, and that hostile input is refused or shown as
text. Each case is named through the `survival` fixture; the run ends with the count
("survival: N faults/hostile inputs tried, N survived").

Already covered elsewhere and not repeated here: whole-site farm faults (down, 5xx, reset,
truncated, redirect loop, huge, gzip bomb, foreign redirect, slow) in test_reliability.py;
client-level caps and redirects with respx in tests/fetch/test_client.py; XML bombs at the
parser level in tests/extract/test_feeds.py; scorecard escaping of stored data in
tests/report/test_scorecard.py.
"""

from __future__ import annotations

import asyncio
import contextlib
import email
import gzip
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from email import policy
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
import respx
from click.testing import CliRunner

from portal_lint.cli import main
from portal_lint.demo.content import to_cp1258
from portal_lint.demo.farm import Fault

from .hostile import HostileSite, write_config
from .minisite import PAGE, article_html

AS_OF = "2026-11-20"
WEEK = "2026-W47"
# C0/C1 control characters other than tab and newline: never sent to a terminal or a report.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
RAW_SCRIPT = "<script>alert(1)</script>"
ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;"


def cli(*args: str) -> Any:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def check(cfg: Path, out: Path, site_id: str, fmt: str = "json", *extra: str) -> Any:
    return cli(
        "check",
        site_id,
        "--config",
        str(cfg),
        "--db",
        f"sqlite:///{out / 'pl.db'}",
        "--cache-dir",
        str(out / "cache"),
        "--as-of",
        AS_OF,
        "--format",
        fmt,
        *extra,
    )


def db_rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


# =========================================================================== farm faults
# The demo farm's fault kinds, switched on for the article pages of a compliant portal
# (DNN style: articles under /tin-tuc/chi-tiet/, listings elsewhere) after an earlier audit
# stored its history: tonight's new posts cannot be read, the rest of the site can.
FARM_AS_OF = date(2026, 11, 23)
FARM_EARLY = FARM_AS_OF - timedelta(days=14)
FARM_SITE = "bhxh-quang-ninh"
ARTICLES = "/tin-tuc/chi-tiet/"
RANK = {"pass": 0, "unknown": 0, "warn": 1, "fail": 2}
# fault -> the outcome its fetches must be recorded with (None: nothing may fail). Huge pages,
# gzip bombs and foreign redirects on article pages are cases of the hostile portal below.
SECTION_FAULTS = {
    "slow-within-timeout": (Fault("slow", delay_s=0.3, path_prefix=ARTICLES), None),
    "slow-timeout": (Fault("slow", delay_s=2.0, path_prefix=ARTICLES), {"timeout"}),
    "5xx": (Fault("5xx", path_prefix=ARTICLES), {"http_error"}),
    "reset": (Fault("reset", path_prefix=ARTICLES), {"connect_error"}),
    "truncated": (Fault("truncated", path_prefix=ARTICLES), {"connect_error", "decode_error"}),
    "reset-on-listings": (Fault("reset", path_prefix="/tin-tuc/danh-muc/"), {"connect_error"}),
}


def _farm_audit(cfg: Any, db: Path, cache: Path, as_of: date) -> Any:
    from portal_lint.runner import audit_site
    from portal_lint.snapshot import RunContext
    from portal_lint.store.repo import Store

    site = cfg.sites[0].model_copy(update={"crawl": {"timeout": 1.0, "retries": 0}})
    store = Store(f"sqlite:///{db}")
    try:
        return asyncio.run(audit_site(site, cfg, store, RunContext(as_of), cache_dir=cache))
    finally:
        store.close()


@pytest.fixture(scope="module")
def small_farm(tmp_path_factory: pytest.TempPathFactory):
    """A compliant three-month DNN portal; its history stored by an audit two weeks ago;
    tonight's healthy verdicts as the reference."""
    from portal_lint.config import load_config
    from portal_lint.demo.farm import Defects, build_farm, default_specs
    from portal_lint.demo_run import _loopback_crawl_settings

    out = tmp_path_factory.mktemp("farm")
    spec = next(s for s in default_specs() if s.site_id == FARM_SITE)
    spec = replace(spec, defects=Defects(), months=3, posts_per_month=(22, 26))
    with build_farm([spec], as_of=FARM_AS_OF).serve() as running:
        path = running.write_sites_yaml(out / "sites.yaml")
        _loopback_crawl_settings(path)
        cfg = load_config(path)
        base = out / "base.db"
        early = _farm_audit(cfg, base, out / "cache-base", FARM_EARLY)
        assert early.error is None and early.snapshot.home_ok
        shutil.copy(base, out / "ref.db")
        shutil.copytree(out / "cache-base", out / "cache-ref")
        ref = _farm_audit(cfg, out / "ref.db", out / "cache-ref", FARM_AS_OF)
        assert ref.error is None
        new_posts = [
            a.url for a in ref.snapshot.articles if a.published and a.published.date() > FARM_EARLY
        ]
        assert len(new_posts) >= 5  # tonight's audit has posts to read
        yield running, cfg, out, {f.rule: f.status for f in ref.findings}


@pytest.mark.parametrize("name", list(SECTION_FAULTS))
def test_farm_fault_on_a_section(small_farm, name: str, tmp_path: Path, survival) -> None:
    survival(f"farm fault on a section: {name}")
    running, cfg, out, ref = small_farm
    fault, outcomes = SECTION_FAULTS[name]
    shutil.copy(out / "base.db", tmp_path / "pl.db")
    shutil.copytree(out / "cache-base", tmp_path / "cache")
    db = tmp_path / "pl.db"
    articles_before = set(db_rows(db, "select url, title, content_hash, data from articles"))
    runs_before, findings_before = snapshot_results(db)

    running.set_fault(FARM_SITE, fault)
    try:
        res = _farm_audit(cfg, db, tmp_path / "cache", FARM_AS_OF)
    finally:
        running.set_fault(FARM_SITE, None)

    assert res.error is None, res.error  # the audit completes
    assert res.snapshot.home_ok
    got = {f.rule: f.status for f in res.findings}
    worse = {r: (ref[r], s) for r, s in got.items() if RANK[s] > RANK[ref[r]]}
    assert worse == {}, worse  # never an accusation the healthy site would not get
    assert all(f.message for f in res.findings if f.status == "unknown")
    failed = res.snapshot.failed_fetches()
    if outcomes is None:
        assert got == ref  # slow but in time: the same verdicts
        assert not [r for r in failed if ARTICLES in r.url]
    else:
        hit = [r for r in failed if r.outcome in outcomes and r.reason]
        assert hit, [(r.url, r.outcome) for r in failed]  # the fault really hit, with reasons
    # nothing stored earlier is lost or altered, and the run is recorded whole
    after = set(db_rows(db, "select url, title, content_hash, data from articles"))
    assert articles_before <= after
    runs_after, findings_after = snapshot_results(db)
    assert runs_before <= runs_after and findings_before <= findings_after
    assert len(runs_after) == len(runs_before) + 1
    assert db_rows(db, "pragma integrity_check") == [("ok",)]


# =========================================================================== hostile input
HOSTILE_TITLE = (
    f"{ESCAPED_SCRIPT}&lt;img src=x onerror=alert(2)&gt; \x1b[2J\x1b]0;pwned\x07"
    " Hội nghị tổng kết công tác thu BHXH năm 2026"
)
CP1258_TITLE = "Triển khai chính sách bảo hiểm y tế học sinh, sinh viên năm học mới"
BAD_UTF8_TITLE = "Tuyên truyền chính sách BHXH tự nguyện tại xã vùng cao"


def _lol(root: bytes) -> bytes:
    ents = b'<!ENTITY l0 "lol">' + b"".join(
        b'<!ENTITY l%d "%s">' % (i, b"".join(b"&l%d;" % (i - 1) for _ in range(10)))
        for i in range(1, 10)
    )
    return b'<?xml version="1.0"?><!DOCTYPE r [' + ents + b"]>" + root


def _article_page(n: int, title: str, when: str) -> str:
    return PAGE.format(title=title, main=article_html(n, title, when), counter="")


def _huge_page(h: Any, _path: str) -> None:
    """A 50 MB page, streamed (the client must stop reading at its cap)."""
    total = 50 * 1024 * 1024
    h.send_response(200)
    h.send_header("Content-Type", "text/html; charset=utf-8")
    h.send_header("Content-Length", str(total))
    h.end_headers()
    chunk = ("<p>" + "Nội dung rất dài. " * 500 + "</p>\n").encode()
    sent = 0
    try:
        while sent < total:
            piece = chunk[: total - sent]
            h.wfile.write(piece)
            sent += len(piece)
    except OSError:
        pass  # the client hung up at its cap


@contextlib.contextmanager
def hostile_portal(out: Path) -> Iterator[dict[str, Any]]:
    """One hostile portal (and a bystander server on another port), audited once through
    the CLI in JSON and text, then turned into a scorecard."""
    with HostileSite() as site, HostileSite() as other:
        other_port = f"http://127.0.0.1:{other.port}/tin-tuc/bai-1.html"
        other_host = f"http://localhost:{other.port}/tin-tuc/bai-2.html"
        site.listing_label = f"Tin tức {ESCAPED_SCRIPT}\x1b[31m"
        site.head_extra = '<link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        day = "19/11/2026 08:00"
        site.home_items += [
            (
                "/tin-tuc/bai-vong-a.html",
                "Hướng dẫn gia hạn thẻ BHYT hộ gia đình qua ứng dụng VssID năm 2026",
                day,
            ),
            ("/tin-tuc/bai-doc.html", HOSTILE_TITLE, day),
            ("/tin-tuc/bai-1258.html", CP1258_TITLE, "18/11/2026 08:00"),
            ("/tin-tuc/bai-meta-1258.html", CP1258_TITLE + " (trang 2)", "18/11/2026 09:00"),
            ("/tin-tuc/bai-utf8-hong.html", BAD_UTF8_TITLE, "17/11/2026 08:00"),
            (
                "/tin-tuc/bai-bom.html",
                "Hướng dẫn thủ tục hưởng chế độ ốm đau, thai sản năm 2026",
                "16/11/2026 08:00",
            ),
            (
                "/tin-tuc/bai-50mb.html",
                "Tổng kết công tác cấp sổ BHXH và thẻ BHYT điện tử",
                "16/11/2026 09:00",
            ),
            (other_port, "Bài ở cổng khác", "15/11/2026 08:00"),
            (other_host, "Bài ở máy khác", "15/11/2026 08:00"),
            ("file:///etc/passwd", "Tệp trên máy", "15/11/2026 08:00"),
        ]
        site.home_links += [
            ("/chuyen-cong-khac", "Chuyển cổng"),
            ("/chuyen-tep", "Chuyển tệp"),
            ("/chuyen-may-khac", "Chuyển máy khác"),
            ("/chuyen-ma-doc", "Liên kết"),
            ("file:///etc/passwd", "Tệp"),
        ]
        r = site.routes
        r["/tin-tuc/bai-doc.html"] = site.page(_article_page(90, HOSTILE_TITLE, day))
        r["/tin-tuc/bai-1258.html"] = site.page(
            to_cp1258(
                _article_page(91, CP1258_TITLE, "18/11/2026 08:00").replace(
                    '<meta charset="utf-8">', ""
                )
            ),
            "text/html; charset=windows-1258",
        )
        r["/tin-tuc/bai-meta-1258.html"] = site.page(
            to_cp1258(
                _article_page(92, CP1258_TITLE + " (trang 2)", "18/11/2026 09:00").replace(
                    '<meta charset="utf-8">', '<meta charset="windows-1258">'
                )
            ),
            "text/html",
        )
        bad = _article_page(93, BAD_UTF8_TITLE, "17/11/2026 08:00").encode("utf-8")
        bad = bad.replace(b"Quang c", b"Quang \xff\xfe\xc3\x28 c")  # invalid sequences
        r["/tin-tuc/bai-utf8-hong.html"] = site.page(bad)
        bomb = gzip.compress(b"\0" * (200 * 1024 * 1024), compresslevel=9)
        r["/tin-tuc/bai-bom.html"] = lambda h, _p: site.send(
            h, 200, bomb, headers={"Content-Encoding": "gzip"}, cache=False
        )
        r["/tin-tuc/bai-50mb.html"] = _huge_page
        r["/tin-tuc/bai-vong-a.html"] = HostileSite.redirect("/tin-tuc/bai-vong-b.html")
        r["/tin-tuc/bai-vong-b.html"] = HostileSite.redirect("/tin-tuc/bai-vong-a.html")
        r["/chuyen-cong-khac"] = HostileSite.redirect(other_port)
        r["/chuyen-tep"] = HostileSite.redirect("file:///etc/passwd")
        r["/chuyen-may-khac"] = HostileSite.redirect(other_host)
        r["/chuyen-ma-doc"] = HostileSite.redirect(f"http://evil.example/{RAW_SCRIPT}")
        r["/sitemap.xml"] = site.page(
            _lol(b"<urlset><url><loc>&l9;</loc></url></urlset>"), "application/xml"
        )
        r["/rss.xml"] = site.page(
            _lol(
                b'<rss version="2.0"><channel><item><title>&l9;</title>'
                b"<link>/tin-tuc/bai-3.html</link></item></channel></rss>"
            ),
            "application/rss+xml",
        )
        cfg = write_config(out / "sites.yaml", [("thu-nghiem", site.url)])
        started = datetime.now()
        res_json = check(cfg, out, "thu-nghiem", "json")
        seconds = (datetime.now() - started).total_seconds()
        res_text = check(cfg, out, "thu-nghiem", "text")
        sc = cli(
            "scorecard", "--config", str(cfg), "--db", f"sqlite:///{out / 'pl.db'}",
            "--out", str(out / "sc"), "--week", WEEK,
        )  # fmt: skip
        yield {
            "out": out,
            "site": site,
            "other": other,
            "json": res_json,
            "data": json.loads(res_json.stdout),
            "text": res_text,
            "seconds": seconds,
            "scorecard": sc,
            "cfg": cfg,
        }


def _failures(h: dict[str, Any]) -> dict[str, tuple[str, str]]:
    base = h["site"].url.rstrip("/")
    return {
        f["url"].replace(base, ""): (f["outcome"], f["reason"]) for f in h["data"]["fetch_failures"]
    }


def _case_hostile_portal_audit_completes(hostile, survival) -> None:
    survival("hostile portal: audit completes")
    assert hostile["json"].exit_code in (0, 1), hostile["json"].output
    assert hostile["data"]["error"] is None
    assert hostile["text"].exit_code in (0, 1)
    assert hostile["seconds"] < 30  # no bomb or trap made it crawl for long


def _case_gzip_bomb_and_50mb_page_stop_at_the_cap(hostile, survival) -> None:
    survival("gzip bomb (200 MB of zeros)", "50 MB page")
    fails = _failures(hostile)
    assert fails["/tin-tuc/bai-bom.html"][0] == "too_large"
    assert fails["/tin-tuc/bai-50mb.html"][0] == "too_large"
    # seen but unreadable: reported, never judged as content
    assert "MB" in fails["/tin-tuc/bai-bom.html"][1]


def _case_redirect_loop_is_cut(hostile, survival) -> None:
    survival("redirect loop on an article")
    assert _failures(hostile)["/tin-tuc/bai-vong-a.html"][0] == "redirect_loop"
    assert hostile["site"].hits["/tin-tuc/bai-vong-a.html"] <= 3  # not followed round and round


def _case_xml_entity_bombs_expand_nothing(hostile, survival) -> None:
    survival("XML entity bomb in the sitemap", "XML entity bomb in the feed")
    site = hostile["site"]
    assert site.hits["/sitemap.xml"] >= 1 and site.hits["/rss.xml"] >= 1  # both were read
    db = hostile["out"] / "pl.db"
    longest = db_rows(db, "select max(length(title)) from articles")[0][0]
    assert longest < 1000  # no expanded "lol" anywhere
    assert not db_rows(db, "select url from articles where title like '%lollol%'")


def _case_redirects_and_links_off_the_site_are_refused(hostile, survival) -> None:
    survival(
        "redirect to another port on 127.0.0.1",
        "redirect to file://",
        "redirect to another host",
        "links to another port, another host, file://",
    )
    fails = _failures(hostile)
    for path in ("/chuyen-cong-khac", "/chuyen-tep", "/chuyen-may-khac", "/chuyen-ma-doc"):
        assert fails[path][0] == "foreign_redirect", (path, fails.get(path))
    assert "file:///etc/passwd" in fails["/chuyen-tep"][1]
    assert hostile["other"].requests == 0  # never asked: not by redirect, not by link
    db = hostile["out"] / "pl.db"
    assert not db_rows(db, "select url from articles where url not like 'http://127.0.0.1:%'")
    port = hostile["site"].port
    assert not db_rows(db, f"select url from articles where url not like '%:{port}/%'")
    dump = "\n".join(sqlite3.connect(db).iterdump())
    assert "root:x:0:0" not in dump  # /etc/passwd was never read


def _case_legacy_charset_windows_1258_is_decoded(hostile, survival) -> None:
    survival("windows-1258 page (HTTP header)", "windows-1258 page (meta only)")
    db = hostile["out"] / "pl.db"
    titles = dict(db_rows(db, "select url, title from articles where url like '%1258%'"))
    base = hostile["site"].url.rstrip("/")
    assert titles[base + "/tin-tuc/bai-1258.html"] == CP1258_TITLE
    assert titles[base + "/tin-tuc/bai-meta-1258.html"] == CP1258_TITLE + " (trang 2)"
    for t in titles.values():
        assert unicodedata.is_normalized("NFC", t)


def _case_invalid_utf8_is_read_with_replacements(hostile, survival) -> None:
    survival("invalid UTF-8")
    db = hostile["out"] / "pl.db"
    base = hostile["site"].url.rstrip("/")
    rows = db_rows(
        db, f"select title, data from articles where url = '{base}/tin-tuc/bai-utf8-hong.html'"
    )
    assert rows, "the article with broken bytes must still be read"
    title, data = rows[0]
    assert title == BAD_UTF8_TITLE  # the rest of the page is intact
    assert "Nội dung bài viết" in json.loads(data)["body_text"]


def _visible_text_ok(text: str) -> None:
    assert not CONTROL.search(text), repr(CONTROL.search(text))


def _case_script_and_control_characters_in_titles_are_harmless_everywhere(
    hostile, survival
) -> None:
    survival(
        "HTML/script in titles and labels: JSON output",
        "HTML/script in titles and labels: text output",
        "HTML/script in titles and labels: HTML scorecard",
        "HTML/script in titles and labels: e-mail",
        "terminal escape sequences in titles",
    )
    # JSON: valid, the crawled label kept as text, no raw control character
    raw_json = hostile["json"].stdout
    _visible_text_ok(raw_json.replace("\n", ""))
    messages = " ".join(f["message"] for f in hostile["data"]["findings"])
    assert RAW_SCRIPT in messages  # shown as the text it is (JSON needs no HTML escaping)
    assert "\x1b" not in messages and "\x07" not in messages
    # text output: shown as text, no escape sequence reaches the terminal
    text = hostile["text"].stdout
    assert RAW_SCRIPT in text
    _visible_text_ok(text.replace("\n", ""))
    # HTML scorecard: escaped, never markup
    assert hostile["scorecard"].exit_code == 0, hostile["scorecard"].output
    html = (hostile["out"] / "sc" / f"scorecard-{WEEK}.html").read_text(encoding="utf-8")
    assert RAW_SCRIPT not in html and "<img src=x" not in html
    assert ESCAPED_SCRIPT in html
    assert "\x1b" not in html
    # e-mail: the same page (and the plain part) built from the same database
    from portal_lint.config import EmailSettings
    from portal_lint.mailer import build_message
    from portal_lint.report.scorecard import write_scorecard

    result = write_scorecard(
        f"sqlite:///{hostile['out'] / 'pl.db'}", hostile["out"] / "sc-mail", WEEK
    )
    settings = EmailSettings(
        smtp_host="127.0.0.1", sender="portal-lint@bhxh.example.vn", recipients=["a@b.vn"]
    )
    msg = email.message_from_bytes(
        build_message(settings, result, now=datetime(2026, 11, 23, 7, 30)).as_bytes(),
        policy=policy.default,
    )
    parts = {
        p.get_content_type(): p.get_content()
        for p in msg.walk()
        if p.get_content_maintype() == "text"
    }
    assert RAW_SCRIPT not in parts["text/html"] and ESCAPED_SCRIPT in parts["text/html"]
    _visible_text_ok(parts["text/html"].replace("\n", "").replace("\r", ""))
    _visible_text_ok(parts["text/plain"].replace("\n", "").replace("\r", ""))


def _case_the_hostile_article_is_still_an_article(hostile, survival) -> None:
    """Refusing markup is not dropping the post: it is counted with its text title."""
    survival("HTML/script in titles: post still counted")
    db = hostile["out"] / "pl.db"
    base = hostile["site"].url.rstrip("/")
    rows = db_rows(db, f"select title from articles where url = '{base}/tin-tuc/bai-doc.html'")
    assert rows and "Hội nghị tổng kết công tác thu BHXH năm 2026" in rows[0][0]
    assert RAW_SCRIPT in rows[0][0]  # stored as text, escaped when shown


HOSTILE_CASES = [
    _case_hostile_portal_audit_completes,
    _case_gzip_bomb_and_50mb_page_stop_at_the_cap,
    _case_redirect_loop_is_cut,
    _case_xml_entity_bombs_expand_nothing,
    _case_redirects_and_links_off_the_site_are_refused,
    _case_legacy_charset_windows_1258_is_decoded,
    _case_invalid_utf8_is_read_with_replacements,
    _case_script_and_control_characters_in_titles_are_harmless_everywhere,
    _case_the_hostile_article_is_still_an_article,
]


def test_hostile_portal(tmp_path: Path, survival) -> None:
    """One audit of the hostile portal, every hostile input judged on it. (One test, not
    one per input: under pytest-xdist a module fixture would be built once per worker.)
    Every case runs even when an earlier one fails; the test fails if any did."""
    errors = []
    with hostile_portal(tmp_path) as h:
        for case in HOSTILE_CASES:
            try:
                case(h, survival)
            except AssertionError as exc:
                errors.append(f"{case.__name__}: {exc}")
    assert not errors, "\n".join(errors)


# =========================================================================== pagination traps
ACCUSING = ("fail", "warn")


def _install_trap(site: HostileSite, fresh: bool) -> None:
    """A category listing whose "next" link never ends: ?page=N+1 forever, with fresh
    (never-ending new posts) or the same ten items on every page."""

    def listing(h: Any, path: str) -> None:
        n = int(parse_qs(urlsplit(path).query).get("page", ["1"])[0])
        if fresh:
            items = [
                (f"/bay/bai-{n}-{k}.html", f"Tin sự kiện trang {n} số {k}: tập huấn nghiệp vụ thu")
                for k in range(10)
            ]
        else:
            items = [
                (f"/tin-tuc/bai-{k}.html", f"Tin số {k} lặp lại ở mọi trang") for k in range(1, 11)
            ]
        body = "".join(
            f'<div class="news-item"><h3><a href="{u}">{t}</a></h3><p class="date">19/11/2026</p></div>'
            for u, t in items
        )
        body += f'<div class="pager"><a href="/bay?page={n + 1}">Trang sau »</a></div>'
        site.send(
            h, 200, PAGE.format(title="Tin sự kiện", main=f"<h2>Tin sự kiện</h2>{body}", counter="")
        )

    def post(h: Any, path: str) -> None:
        site.send(
            h, 200, _article_page(300, "Tin sự kiện " + path.rsplit("/", 1)[-1], "19/11/2026 08:00")
        )

    site.routes["/bay"] = listing
    site.prefix_routes["/bay/"] = post
    site.home_links.append(("/bay", "Tin sự kiện"))


def _statuses(res: Any) -> dict[str, str]:
    return {f["rule"]: f["status"] for f in json.loads(res.stdout)["findings"]}


@pytest.fixture(scope="module")
def healthy_statuses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("healthy")
    with HostileSite() as site:
        cfg = write_config(out / "sites.yaml", [("tinh-b", site.url)], max_pages=80)
        res = check(cfg, out, "tinh-b")
    assert res.exit_code in (0, 1), res.output
    return _statuses(res)


@pytest.mark.parametrize("fresh", [True, False], ids=["fresh-content", "same-content"])
def test_endless_pagination_trap(tmp_path: Path, healthy_statuses, fresh: bool, survival) -> None:
    survival(f"endless pagination trap ({'fresh' if fresh else 'same'} content)")
    with HostileSite() as site:
        _install_trap(site, fresh)
        cfg = write_config(tmp_path / "sites.yaml", [("tinh-b", site.url)], max_pages=80)
        started = time.monotonic()
        res = check(cfg, tmp_path, "tinh-b")
        seconds = time.monotonic() - started
        trap_pages = sum(n for p, n in site.hits.items() if p == "/bay" or p.startswith("/bay?"))
        total = site.requests
    assert res.exit_code in (0, 1), res.output
    assert json.loads(res.stdout)["error"] is None
    assert total <= 80 + 30 and seconds < 30  # the page budget holds (+ robots, probes)
    if not fresh:
        assert trap_pages <= 3  # a page that repeats the last one ends the walk at once
    got = _statuses(res)
    # the trap never turns into an accusation the healthy site would not get
    worse = {r: (healthy_statuses.get(r), s) for r, s in got.items()
             if s in ACCUSING and healthy_statuses.get(r) not in ACCUSING}  # fmt: skip
    assert worse == {}, worse
    if fresh:  # the budget ran out: what it kept us from seeing is unknown, with the reason
        quota = next(f for f in json.loads(res.stdout)["findings"] if f["rule"] == "post-quota")
        assert quota["status"] == "unknown" and quota["message"]


# =========================================================================== process faults
PRIOR = "2026-11-13"


def portal_lint_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("portal-lint")
    return (
        [str(exe)]
        if exe.exists()
        else [sys.executable, "-c", "from portal_lint.cli import main; main()"]
    )


def audit_cmd(cfg: Path, out: Path, as_of: str = AS_OF) -> list[str]:
    return [
        *portal_lint_cmd(),
        "audit",
        "--config",
        str(cfg),
        "--db",
        f"sqlite:///{out / 'pl.db'}",
        "--cache-dir",
        str(out / "cache"),
        "--as-of",
        as_of,
        "--format",
        "json",
    ]


def add_new_posts(site: HostileSite, n: int) -> list[str]:
    """n posts newer than PRIOR, listed on the home page: what tonight's audit must read."""
    paths = []
    for i in range(n):
        path = f"/tin-tuc/moi-{i}.html"
        title = f"Bài mới số {i}: hướng dẫn người lao động tra cứu quá trình đóng BHXH trên VssID"
        when = f"{19 - i % 6:02d}/11/2026 {8 + i % 9:02d}:00"
        site.routes[path] = site.page(_article_page(200 + i, title, when))
        site.home_items.append((path, title, when))
        paths.append(path)
    return paths


def wait_for(cond: Any, timeout: float, what: str, proc: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        if proc is not None and proc.poll() is not None:
            err = proc.stderr.read() if proc.stderr else ""
            raise AssertionError(f"process ended (rc {proc.returncode}) before {what}: {err}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def child_pids(parent: int) -> list[int]:
    out = []
    for d in Path("/proc").iterdir():
        if d.name.isdigit():
            try:
                stat = (d / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == parent:
                out.append(int(d.name))
    return out


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def snapshot_results(db: Path) -> tuple[set[tuple[Any, ...]], set[tuple[Any, ...]]]:
    runs = set(db_rows(db, "select id, site_id, as_of, finished_at, home_ok from runs"))
    findings = set(db_rows(db, "select id, run_id, rule, status, message from findings"))
    return runs, findings


def test_kill_9_in_the_middle_of_an_audit_then_run_again(tmp_path: Path, survival) -> None:
    survival("kill -9 of a running 'portal-lint audit', then a new audit")
    with HostileSite() as fast, HostileSite() as slow:
        cfg = write_config(
            tmp_path / "sites.yaml", [("tinh-a", fast.url), ("tinh-b", slow.url)], timeout=60
        )  # parked requests wait for the kill, they do not time out
        db = tmp_path / "pl.db"
        prior = cli(*audit_cmd(cfg, tmp_path, PRIOR)[len(portal_lint_cmd()) :])
        assert prior.exit_code in (0, 1), prior.output
        runs_before, findings_before = snapshot_results(db)
        assert len(runs_before) == 2 and len(findings_before) >= 20

        new = add_new_posts(slow, 30)
        slow.hold("/tin-tuc/moi-", 22)
        proc = subprocess.Popen(
            audit_cmd(cfg, tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        try:
            # tinh-a finishes; tinh-b has checkpointed new posts and is parked mid-crawl
            wait_for(
                lambda: (
                    len(db_rows(db, "select id from runs")) == 3
                    and db_rows(db, "select count(*) from articles where url like '%/moi-%'")[0][0]
                    >= 20
                    and slow.held > 0
                ),
                60,
                f"the audit to write results and be in the middle of tinh-b ({slow.held}, {slow.prefix_hits})",
                proc,
            )
            assert proc.poll() is None
            helpers = child_pids(proc.pid)  # its parser process(es)
            assert helpers
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
            # nothing of the killed audit lives on (a parser process would wait forever)
            wait_for(lambda: not [p for p in helpers if alive(p)], 10, f"{helpers} to end")
        finally:
            if proc.poll() is None:
                proc.kill()
            slow.released.set()
        assert proc.returncode == -signal.SIGKILL

        # the database is sound; nothing earlier changed; no half-written run
        assert db_rows(db, "pragma integrity_check") == [("ok",)]
        runs_after, findings_after = snapshot_results(db)
        assert runs_before <= runs_after and findings_before <= findings_after
        per_site = dict(db_rows(db, "select site_id, count(*) from runs group by site_id"))
        assert per_site == {"tinh-a": 2, "tinh-b": 1}  # tinh-b's killed run left no run row
        for run_id, n in db_rows(
            db,
            "select runs.id, count(findings.id) from runs left join findings"
            " on findings.run_id = runs.id group by runs.id",
        ):
            assert n >= 10, (run_id, n)  # every stored run is whole
        stored_new = {
            u for (u,) in db_rows(db, "select url from articles where url like '%/moi-%'")
        }
        hits_before_rerun = {p: slow.hits[p] for p in new}

        # run again: complete, and the posts checkpointed by the killed run are not refetched
        slow.hold("/", None)
        again = cli(*audit_cmd(cfg, tmp_path)[len(portal_lint_cmd()) :])
        assert again.exit_code in (0, 1), again.output
        results = json.loads(again.stdout)
        assert [r["error"] for r in results] == [None, None]
        per_site = dict(db_rows(db, "select site_id, count(*) from runs group by site_id"))
        assert per_site == {"tinh-a": 3, "tinh-b": 2}
        assert db_rows(db, "pragma integrity_check") == [("ok",)]
        b_run = db_rows(db, "select max(id) from runs where site_id = 'tinh-b'")[0][0]
        assert db_rows(db, f"select count(*) from findings where run_id = {b_run}")[0][0] >= 10
        refetched = [
            p
            for p in new
            if slow.url.rstrip("/") + p in stored_new and slow.hits[p] > hits_before_rerun[p]
        ]
        assert refetched == []
        assert db_rows(db, "select count(*) from articles where url like '%/moi-%'")[0][0] == 30
        cache_db = tmp_path / "cache" / "tinh-b" / "pages.sqlite"
        if cache_db.exists():  # the HTTP cache was being written when the process died
            assert db_rows(cache_db, "pragma integrity_check") == [("ok",)]


def test_two_audits_at_once_the_second_refuses(tmp_path: Path, survival) -> None:
    survival("two 'portal-lint audit' processes on one database")
    with HostileSite() as a, HostileSite() as b:
        cfg = write_config(
            tmp_path / "sites.yaml", [("tinh-a", a.url), ("tinh-b", b.url)], timeout=60
        )  # the first audit stays parked until released
        db = tmp_path / "pl.db"
        b.hold("/", 5)
        first = subprocess.Popen(
            audit_cmd(cfg, tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        try:
            wait_for(lambda: b.held > 0, 60, "the first audit to be crawling", first)
            started = time.monotonic()
            second = subprocess.run(
                audit_cmd(cfg, tmp_path), capture_output=True, text=True, timeout=60
            )
            assert time.monotonic() - started < 30  # refused at once, not after a crawl
            assert first.poll() is None  # the first one still holds the lock
        finally:
            b.released.set()
        out, err = first.communicate(timeout=60)
        assert second.returncode == 2, (second.returncode, second.stderr)
        assert "another audit is running on this database" in second.stderr
        assert second.stdout == ""
        assert first.returncode in (0, 1), err
        assert [r["error"] for r in json.loads(out)] == [None, None]
        # one run per site, findings not duplicated, the database sound
        assert db_rows(db, "pragma integrity_check") == [("ok",)]
        assert sorted(db_rows(db, "select site_id from runs")) == [("tinh-a",), ("tinh-b",)]
        dup = db_rows(
            db,
            "select run_id, rule, count(*) from findings group by run_id, rule having count(*) > 1",
        )
        assert dup == []
        dup = db_rows(
            db,
            "select site_id, url, count(*) from articles group by site_id, url having count(*) > 1",
        )
        assert dup == []


# =========================================================================== unit (respx)
@respx.mock
def test_redirect_to_another_port_of_the_portal_host_is_refused(survival) -> None:
    """A portal on the default port redirecting to another port of its own host (an admin
    console, a database's HTTP port): not the site. Needs a host name without a port, which
    127.0.0.1 servers cannot give, hence respx."""
    survival("redirect to another port of the portal's own host")
    from portal_lint.config import CrawlSettings
    from portal_lint.fetch.client import Fetcher

    site = "https://bhxh.example.vn"
    respx.get(url__regex=r".*/robots\.txt$").respond(404)
    respx.get(f"{site}/a").respond(302, headers={"Location": "https://bhxh.example.vn:8443/x"})
    respx.get(f"{site}/b").respond(302, headers={"Location": "http://www.bhxh.example.vn/y"})
    respx.get(f"{site}/c").respond(302, headers={"Location": "https://bhxh.example.vn:abc/"})
    other = respx.get("https://bhxh.example.vn:8443/x").respond(200, text="admin")
    same = respx.get("http://www.bhxh.example.vn/y").respond(200, text="ok")

    async def go() -> list[Any]:
        settings = CrawlSettings(rate_per_second=1000, retries=0, timeout=5)
        async with Fetcher(settings, {"bhxh.example.vn"}) as f:
            return [await f.get(f"{site}/{p}") for p in "abc"]

    a, b, c = asyncio.run(go())
    assert a.record.outcome == "foreign_redirect" and not other.called
    assert b.ok and same.called  # http/https and www. are the same site
    assert not c.ok  # an unparsable port is refused too (httpx rejects the Location)
