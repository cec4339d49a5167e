"""A second audit of an unchanged portal fetches no page it has already read.

Two ways a page used to be fetched again every night (seen on the 63-portal bench farm):
an article reached under a second URL (two listings link it differently) lost that alias
when it was stored, and a listed page that is no article (a document's page) was never
remembered at all.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from sqlalchemy import update

from portal_lint.store.models import NonArticleRow
from portal_lint.store.repo import Store

from .minisite import ARTICLES, PAGE, MiniSite, article_html
from .test_check_cli import run_check, write_config

ALIAS = "/su-kien/bai-3.html"  # article 3 again, under its event-section address
DOCUMENT = "/van-ban/cv-15.html"  # a legal document's page: a table, no article


class TwoListingSite(MiniSite):
    """MiniSite with a second section whose listing links article 3 under another URL,
    and a document page."""

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        base = h.path.split("?")[0]
        if base == "/su-kien":
            with self.lock:
                self.hits[h.path] += 1
            n, title, when = ARTICLES[2]
            items = (
                f'<div class="news-item"><h3><a href="{ALIAS}">{title}</a></h3>'
                f'<p class="date">{when}</p><p>Tóm tắt bài viết số {n}.</p></div>'
                f'<div class="news-item"><h3><a href="{DOCUMENT}">Công văn số 15/BHXH-TT về '
                f'việc tuyên truyền chính sách BHXH tự nguyện</a></h3><p class="date">{when}</p>'
                "<p>Văn bản chỉ đạo.</p></div>"
            ) + "".join(
                f'<div class="news-item"><h3><a href="/tin-tuc/bai-{k}.html">{t}</a></h3>'
                f'<p class="date">{d}</p><p>Tóm tắt bài viết số {k}.</p></div>'
                for k, t, d in ARTICLES[3:6]
            )
            return self.send(
                h, 200, PAGE.format(title="Sự kiện", main=f"<h2>Sự kiện</h2>{items}", counter="")
            )
        if base == ALIAS:
            with self.lock:
                self.hits[h.path] += 1
            n, title, when = ARTICLES[2]
            page = PAGE.format(title=title, main=article_html(n, title, when), counter="")
            page = page.replace(
                "<head>", f'<head><link rel="canonical" href="/tin-tuc/bai-{n}.html">', 1
            )
            return self.send(h, 200, page)
        if base == DOCUMENT:
            with self.lock:
                self.hits[h.path] += 1
            table = (
                "<table><tr><td>Số ký hiệu</td><td>15/BHXH-TT</td></tr>"
                "<tr><td>Ngày ban hành</td><td>01/11/2026</td></tr>"
                "<tr><td>Tệp đính kèm</td><td><a href='/files/cv15.pdf'>cv15.pdf</a></td></tr>"
                "</table>"
            )
            return self.send(h, 200, PAGE.format(title="Văn bản", main=table, counter=""))
        return super().handle(h)

    def send(self, h: BaseHTTPRequestHandler, status: int, text: str, *a, **kw) -> None:
        text = text.replace(
            '<li><a href="/tin-tuc">Tin tức</a></li>',
            '<li><a href="/tin-tuc">Tin tức</a></li><li><a href="/su-kien">Sự kiện</a></li>',
            1,
        )
        return super().send(h, status, text, *a, **kw)


@pytest.fixture()
def site():
    with TwoListingSite() as s:
        yield s


def test_second_audit_fetches_no_alias_and_no_known_non_article(
    site: TwoListingSite, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, site.url)
    run_check("thu-nghiem", tmp_path, config=cfg)
    # the first audit did read both pages (else the test proves nothing)
    assert site.hits[ALIAS] + site.hits["/tin-tuc/bai-3.html"] >= 2
    assert site.hits[DOCUMENT] == 1
    first = dict(site.hits)

    run_check("thu-nghiem", tmp_path, config=cfg)
    assert site.hits[ALIAS] == first.get(ALIAS, 0)
    assert site.hits["/tin-tuc/bai-3.html"] == first.get("/tin-tuc/bai-3.html", 0)
    assert site.hits[DOCUMENT] == 1
    assert all(site.hits[f"/tin-tuc/bai-{n}.html"] <= 1 for n in range(1, 31))

    store = Store(f"sqlite:///{tmp_path / 'pl.db'}")
    try:
        known = store.known_articles("thu-nghiem")
        assert known[ALIAS.join([site.url.rstrip("/"), ""])]["url"].endswith("/tin-tuc/bai-3.html")
        # A month on, the non-article is looked at again (a CMS may have turned it into a post).
        with store.session() as s:
            s.execute(update(NonArticleRow).values(checked_at=datetime.now() - timedelta(days=31)))
    finally:
        store.close()
    run_check("thu-nghiem", tmp_path, config=cfg)
    assert site.hits[DOCUMENT] == 2
