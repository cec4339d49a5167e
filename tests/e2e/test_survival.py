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

import email
import gzip
import json
import re
import sqlite3
import unicodedata
from datetime import datetime
from email import policy
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from portal_lint.cli import main
from portal_lint.demo.content import to_cp1258

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


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory):
    """One hostile portal (and a bystander server on another port), audited once through
    the CLI in JSON and text, then turned into a scorecard and an e-mail."""
    out = tmp_path_factory.mktemp("hostile")
    with HostileSite() as site, HostileSite() as other:
        other_port = f"http://127.0.0.1:{other.port}/tin-tuc/bai-1.html"
        other_host = f"http://localhost:{other.port}/tin-tuc/bai-2.html"
        site.listing_label = f"Tin tức {ESCAPED_SCRIPT}\x1b[31m"
        site.head_extra = '<link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        day = "19/11/2026 08:00"
        site.home_items += [
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


def test_hostile_portal_audit_completes(hostile, survival) -> None:
    survival("hostile portal: audit completes")
    assert hostile["json"].exit_code in (0, 1), hostile["json"].output
    assert hostile["data"]["error"] is None
    assert hostile["text"].exit_code in (0, 1)
    assert hostile["seconds"] < 30  # no bomb or trap made it crawl for long


def test_gzip_bomb_and_50mb_page_stop_at_the_cap(hostile, survival) -> None:
    survival("gzip bomb (200 MB of zeros)", "50 MB page")
    fails = _failures(hostile)
    assert fails["/tin-tuc/bai-bom.html"][0] == "too_large"
    assert fails["/tin-tuc/bai-50mb.html"][0] == "too_large"
    # seen but unreadable: reported, never judged as content
    assert "MB" in fails["/tin-tuc/bai-bom.html"][1]


def test_xml_entity_bombs_expand_nothing(hostile, survival) -> None:
    survival("XML entity bomb in the sitemap", "XML entity bomb in the feed")
    site = hostile["site"]
    assert site.hits["/sitemap.xml"] >= 1 and site.hits["/rss.xml"] >= 1  # both were read
    db = hostile["out"] / "pl.db"
    longest = db_rows(db, "select max(length(title)) from articles")[0][0]
    assert longest < 1000  # no expanded "lol" anywhere
    assert not db_rows(db, "select url from articles where title like '%lollol%'")


def test_redirects_and_links_off_the_site_are_refused(hostile, survival) -> None:
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


def test_legacy_charset_windows_1258_is_decoded(hostile, survival) -> None:
    survival("windows-1258 page (HTTP header)", "windows-1258 page (meta only)")
    db = hostile["out"] / "pl.db"
    titles = dict(db_rows(db, "select url, title from articles where url like '%1258%'"))
    base = hostile["site"].url.rstrip("/")
    assert titles[base + "/tin-tuc/bai-1258.html"] == CP1258_TITLE
    assert titles[base + "/tin-tuc/bai-meta-1258.html"] == CP1258_TITLE + " (trang 2)"
    for t in titles.values():
        assert unicodedata.is_normalized("NFC", t)


def test_invalid_utf8_is_read_with_replacements(hostile, survival) -> None:
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


def test_script_and_control_characters_in_titles_are_harmless_everywhere(hostile, survival) -> None:
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


def test_the_hostile_article_is_still_an_article(hostile, survival) -> None:
    """Refusing markup is not dropping the post: it is counted with its text title."""
    survival("HTML/script in titles: post still counted")
    db = hostile["out"] / "pl.db"
    base = hostile["site"].url.rstrip("/")
    rows = db_rows(db, f"select title from articles where url = '{base}/tin-tuc/bai-doc.html'")
    assert rows and "Hội nghị tổng kết công tác thu BHXH năm 2026" in rows[0][0]
    assert RAW_SCRIPT in rows[0][0]  # stored as text, escaped when shown
