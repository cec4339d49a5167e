"""The second blind holdout farm (themes_holdout2.py): iGate/MVC cards and a frames-era table CMS.

(a) the sites behave as their platform would (PagedList pager, "Xem thêm" JSON API with a
    <noscript> fallback, POST search, counters, search modes, recomputed ground truth);
(b) the farm is audited end to end; the conformance table is printed and only "no tool
    error" is asserted: this set measures portal-lint, it does not gate it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from portal_lint.demo.conformance import render
from portal_lint.demo.farm import Farm, RunningFarm, build_farm, holdout2_specs
from portal_lint.demo.model import RULE_IDS, ground_truth
from portal_lint.demo.themes_holdout2 import HOLDOUT2_THEMES, vi_general
from portal_lint.demo_run import audit_farm

AS_OF = date(2026, 11, 23)


def _cp(b: bytes) -> str:
    """windows-1258 decodes to combining tone marks; compare in NFC."""
    return unicodedata.normalize("NFC", b.decode("cp1258"))


@pytest.fixture(scope="module")
def farm2() -> Farm:
    return build_farm(holdout2_specs(), as_of=AS_OF)


@pytest.fixture(scope="module")
def running2(farm2: Farm) -> Iterator[RunningFarm]:
    with farm2.serve() as r:
        yield r


# --------------------------------------------------------------------------- (a) behaviour
def test_specs_use_only_new_styles_one_compliant_distinct_mixes(farm2: Farm) -> None:
    assert {s.spec.cms for s in farm2.sites.values()} == set(HOLDOUT2_THEMES)
    verdicts = {sid: farm2.ground_truth(sid)["rules"] for sid in farm2.site_ids}
    compliant = [
        sid
        for sid, r in verdicts.items()
        if all(v["status"] in ("pass", "unknown") for v in r.values())
    ]
    assert compliant == ["bhxh-bac-ninh"]
    mixes = {
        tuple(sorted(k for k, v in r.items() if v["status"] != "pass")) for r in verdicts.values()
    }
    assert len(mixes) == len(verdicts)


def test_ground_truth_recomputed_and_articles_served(farm2: Farm) -> None:
    for sid, site in farm2.sites.items():
        gt = farm2.ground_truth(sid)
        assert set(gt["rules"]) == set(RULE_IDS)
        window = [
            a
            for a in site.data.articles
            if AS_OF - timedelta(days=90) <= a.published.date() < AS_OF
        ]
        assert gt["rules"]["thin-content"]["details"]["thin"] == sum(a.thin for a in window)
        again = ground_truth(site.data, farm2.article_url(sid, ""))
        assert {k: v["status"] for k, v in again["rules"].items()} == {
            k: v["status"] for k, v in gt["rules"].items()
        }
        urls = [r["url"] for r in gt["articles"]]
        assert len(urls) == len(set(urls))
        a = site.data.articles[len(site.data.articles) // 2]
        enc = "cp1258" if site.spec.charset == "windows-1258" else "utf-8"
        body = unicodedata.normalize(
            "NFC", farm2.render(sid, site.theme.article_path(a)).decode(enc)
        )
        assert a.title.replace("&", "&amp;")[:30] in body


def test_igate_pager_api_and_modal_search(running2: RunningFarm) -> None:
    sid = "bhxh-bac-ninh"
    site = running2.farm.sites[sid]
    t: Any = site.theme
    items = site.data.by_listing["bhxh"]
    base = running2.base(sid)
    with httpx.Client(timeout=10) as c:
        first = c.get(base + t.cat_path("bhxh")).text
        assert items[0].title in first and items[t.page_size].title not in first
        assert 'class="stretched-link"' in first and "fetch('/api/news?cat=3&page='" in first
        assert "<noscript>" in first and "pageIndex=2&amp;pageSize=10" in first
        assert "&raquo;" in first
        p3 = c.get(base + t.cat_path("bhxh"), params={"pageIndex": 3, "pageSize": 10}).text
        assert items[2 * t.page_size].title in p3 and items[0].title not in p3
        api = c.get(base + "/api/news", params={"cat": 3, "page": 2}).json()
        assert [x["url"] for x in api["items"]] == [t.article_path(a) for a in items[10:20]]
        assert api["hasMore"] is (len(items) > 20)
        a = items[1]
        art = c.get(base + t.article_path(a)).text
        assert vi_general(a.published) in art and re.search(
            r"\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d:00 (SA|CH)", art
        )
        assert 'name="keyword"' in first and 'id="searchModal"' in first
        r = c.get(base + "/tim-kiem", params={"keyword": a.title})
        assert t.article_path(a) in r.text
        etag = c.get(base + t.article_path(a)).headers["ETag"]
        assert c.get(base + t.article_path(a), headers={"If-None-Match": etag}).status_code == 304
        assert (
            c.get(base + "/rss/tin-moi.rss")
            .headers["content-type"]
            .startswith("application/rss+xml")
        )
    # the other iGate site: article search answers but finds nothing, no counter shown
    sid2 = "bhxh-hau-giang"
    t2: Any = running2.farm.sites[sid2].theme
    b = running2.farm.sites[sid2].data.articles[0]
    with httpx.Client(timeout=10) as c:
        r = c.get(running2.base(sid2) + "/tim-kiem", params={"keyword": b.title})
        assert r.status_code == 200 and t2.article_path(b) not in r.text
        assert "Tổng lượt truy cập" not in c.get(running2.base(sid2) + "/").text


def test_table_cms_pager_post_search_footer_and_charset(running2: RunningFarm) -> None:
    sid = "bhxh-lai-chau"
    site = running2.farm.sites[sid]
    t: Any = site.theme
    items = site.data.by_listing["hoat-dong"]
    base = running2.base(sid)
    with httpx.Client(timeout=10, follow_redirects=True) as c:
        r = c.get(base + "/")
        assert r.headers["content-type"] == "text/html; charset=windows-1258"
        home = _cp(r.content)
        sp = site.data.spokesperson
        assert (
            f"Phát ngôn viên: {sp['name']}, {sp['title']}, ĐT: {sp['phone']}, Email: {sp['email']}"
            in home
        )
        assert re.search(r"Số người truy cập: <b><font color=\"#CC0000\">\d{9}</font>", home)
        assert "<select" in home and all(u in home for _, u in site.data.department_links)
        first = _cp(c.get(base + "/tintuc.asp", params={"MaCM": 2}).content)
        assert "<b>[1]</b>" in first and "Tiếp &gt;" in first and "MaCM=2&amp;Trang=2" in first
        assert f"Cập nhật: {items[0].published:%d/%m/%Y}" in first
        p2 = _cp(c.get(base + "/tintuc.asp", params={"MaCM": 2, "Trang": 2}).content)
        assert items[t.page_size].title in p2 and "<b>[2]</b>" in p2
        a = items[4]
        r = c.post(base + "/timkiem.asp", data={"txtSearch": a.title})
        assert t.article_path(a) in _cp(r.content)
        assert "txtSoKH" not in _cp(c.get(base + "/vanban.asp").content)  # no document search
        assert c.get(base + "/sitemap.xml").status_code == 404


def test_counters_move_or_freeze_as_specified(running2: RunningFarm) -> None:
    with httpx.Client(timeout=10) as c:
        for sid, site in running2.farm.sites.items():
            v0 = running2.counter_value(sid)
            c.get(running2.base(sid) + "/", follow_redirects=True)
            assert (running2.counter_value(sid) > v0) == (
                site.spec.defects.counter == "increments"
            ), sid


# --------------------------------------------------------------------------- (b) audit
@pytest.fixture(scope="module")
def audited2(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], Any]:
    out: Path = tmp_path_factory.mktemp("holdout2-audit")
    farm = build_farm(holdout2_specs(), as_of=AS_OF)
    with farm.serve() as running:
        return audit_farm(running, out, f"sqlite:///{out / 'h2.db'}", AS_OF)


def test_holdout2_audit_runs_without_tool_error(audited2: tuple[list[Any], Any]) -> None:
    results, conf = audited2
    print("\n" + render(conf))
    assert {r.site.id for r in results} == {s.site_id for s in holdout2_specs()}
    assert [(r.site.id, r.error) for r in results if r.error] == []
    assert conf.total == len(results) * len(RULE_IDS)
