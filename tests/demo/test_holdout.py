"""The holdout farm: four portals in CMS styles the extractors were never tuned on.

(a) the sites really behave as their CMS would (postback pagination, ?start=/?page=/?p=,
    counters, search working or broken as specified, ground truth recomputed);
(b) the holdout farm is audited end to end; the conformance table is printed and only
    "no tool error" is asserted, since portal-lint has not been adapted to these styles.
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
from portal_lint.demo.farm import Farm, RunningFarm, build_farm, holdout_specs
from portal_lint.demo.model import RULE_IDS, ground_truth
from portal_lint.demo.themes_holdout import HOLDOUT_THEMES, EgovAspx
from portal_lint.demo_run import audit_farm

AS_OF = date(2026, 11, 23)


@pytest.fixture(scope="module")
def hfarm() -> Farm:
    return build_farm(holdout_specs(), as_of=AS_OF)


@pytest.fixture(scope="module")
def hrunning(hfarm: Farm) -> Iterator[RunningFarm]:
    with hfarm.serve() as r:
        yield r


def _links(html: str, pattern: str) -> list[str]:
    return re.findall(pattern, html)


def _hidden(html: str) -> dict[str, str]:
    return dict(re.findall(r'<input type="hidden" name="([^"]+)" id="[^"]*" value="([^"]*)"', html))


# --------------------------------------------------------------------------- (a) behaviour
def test_specs_use_only_holdout_styles_and_one_is_compliant(hfarm: Farm) -> None:
    cms = {s.spec.cms for s in hfarm.sites.values()}
    assert cms == set(HOLDOUT_THEMES) and len(cms) >= 4
    verdicts = {sid: hfarm.ground_truth(sid)["rules"] for sid in hfarm.site_ids}
    compliant = [
        sid
        for sid, r in verdicts.items()
        if all(v["status"] in ("pass", "unknown") for v in r.values())
    ]
    assert len(compliant) == 1, compliant
    mixes = {
        tuple(sorted(k for k, v in r.items() if v["status"] != "pass")) for r in verdicts.values()
    }
    assert len(mixes) == len(verdicts)  # each site has its own defect mix


def test_ground_truth_is_recomputed_from_generated_data(hfarm: Farm) -> None:
    for sid, site in hfarm.sites.items():
        gt = hfarm.ground_truth(sid)
        assert set(gt["rules"]) == set(RULE_IDS)
        window = [
            a
            for a in site.data.articles
            if AS_OF - timedelta(days=90) <= a.published.date() < AS_OF
        ]
        thin = sum(a.thin for a in window)
        assert gt["rules"]["thin-content"]["details"]["thin"] == thin
        # recomputing from the data gives the same verdicts
        again = ground_truth(site.data, hfarm.article_url(sid, ""))
        assert {k: v["status"] for k, v in again["rules"].items()} == {
            k: v["status"] for k, v in gt["rules"].items()
        }
        # every article URL is unique and served with the article's title
        urls = [r["url"] for r in gt["articles"]]
        assert len(urls) == len(set(urls))
        a = site.data.articles[len(site.data.articles) // 2]
        body = hfarm.render(sid, site.theme.article_path(a)).decode("utf-8")

        assert unicodedata.normalize("NFC", body).count(a.title.replace("&", "&amp;")[:30]) >= 1


def test_egov_postback_pagination_returns_page_n(hrunning: RunningFarm) -> None:
    sid = "bhxh-binh-dinh"
    site = hrunning.farm.sites[sid]
    theme = site.theme
    assert isinstance(theme, EgovAspx)
    cat = max(site.data.by_listing, key=lambda c: len(site.data.by_listing[c]))
    items = site.data.by_listing[cat]
    url = hrunning.base(sid) + theme.cat_path(cat)
    with httpx.Client(timeout=10) as c:
        first = c.get(url).text
        assert items[0].title in first and items[theme.page_size].title not in first
        # no plain link to page 2: only __doPostBack
        assert (
            "javascript:__doPostBack('ctl00$ContentPlaceHolder1$rptPager$ctl01$lnkPage','')"
            in first
        )
        form = _hidden(first)
        form["__EVENTTARGET"] = "ctl00$ContentPlaceHolder1$rptPager$ctl02$lnkPage"
        third = c.post(url, data=form).text
        page3 = items[2 * theme.page_size : 3 * theme.page_size]
        assert page3[0].title in third and items[0].title not in third
        # "next" from page 3 is page 4, read from the view state the server sent back
        form = _hidden(third)
        form["__EVENTTARGET"] = "ctl00$ContentPlaceHolder1$lnkNext"
        fourth = c.post(url, data=form).text
        assert items[3 * theme.page_size].title in fourth
        # a postback without __EVENTVALIDATION is rejected like ASP.NET does
        bad = c.post(url, data={"__EVENTTARGET": form["__EVENTTARGET"]})
        assert bad.status_code == 500


def test_egov_search_is_a_postback_that_redirects(hrunning: RunningFarm) -> None:
    sid = "bhxh-binh-dinh"
    a = hrunning.farm.sites[sid].data.articles[5]
    base = hrunning.base(sid)
    with httpx.Client(timeout=10, follow_redirects=True) as c:
        home = c.get(base + "/").text
        form = _hidden(home)
        form |= {"ctl00$ucSearch$txtKeyword": a.title, "ctl00$ucSearch$btnSearch": "Tìm kiếm"}
        r = c.post(base + "/Default.aspx", data=form)
        assert r.status_code == 200 and "/Pages/TimKiem.aspx" in str(r.url)
        assert a.title in r.text
        # documents search is broken-empty on this site: it answers, with nothing found
        x = hrunning.farm.sites[sid].data.documents[0]
        r = c.get(base + "/Pages/VanBan.aspx", params={"sokyhieu": x.number, "trichyeu": ""})
        assert r.status_code == 200 and "Không tìm thấy" in r.text
        assert f"ChiTietVanBan.aspx?id={x.id}" not in r.text


def test_counters_move_or_freeze_as_specified(hrunning: RunningFarm) -> None:
    with httpx.Client(timeout=10) as c:
        for sid, site in hrunning.farm.sites.items():
            v0 = hrunning.counter_value(sid)
            html = c.get(hrunning.base(sid) + "/").text
            c.get(hrunning.base(sid) + "/")
            v1 = hrunning.counter_value(sid)
            mode = site.spec.defects.counter
            assert (v1 > v0) == (mode == "increments"), sid
            if site.spec.cms == "vn-vendor":  # digits drawn as images
                digits = "".join(re.findall(r'<img src="/counter/(\d)\.gif"', html))
                assert int(digits) > 0 and len(digits) == 8


def test_joomla_start_pagination_and_broken_search(hrunning: RunningFarm) -> None:
    sid = "bhxh-thai-binh"
    site = hrunning.farm.sites[sid]
    t = site.theme
    items = site.data.by_listing["bhxh"]
    base = hrunning.base(sid)
    with httpx.Client(timeout=10) as c:
        r = c.get(base + t.cat_path("bhxh"), params={"start": t.page_size})  # type: ignore[attr-defined]
        assert items[t.page_size].title in r.text and items[0].title not in r.text
        assert f"?start={2 * t.page_size}" in r.text
        r = c.post(
            base + "/index.php",
            data={"searchword": items[0].title, "option": "com_search", "task": "search"},
        )
        assert r.status_code == 303
        assert c.get(base + r.headers["Location"]).status_code == 500  # broken-500
        # documents search works
        x = site.data.documents[3]
        r = c.get(base + "/index.php/van-ban", params={"filter-search": x.number})
        assert x.number in r.text
        feed = c.get(base + "/index.php/tin-tuc", params={"format": "feed", "type": "rss"})
        assert feed.headers["content-type"].startswith("application/rss+xml")


def test_drupal_zero_based_pages_node_alias_and_search(hrunning: RunningFarm) -> None:
    sid = "bhxh-khanh-hoa"
    site = hrunning.farm.sites[sid]
    t = site.theme
    items = site.data.by_listing["hoat-dong"]
    base = hrunning.base(sid)
    with httpx.Client(timeout=10) as c:
        p0 = c.get(base + t.cat_path("hoat-dong")).text  # type: ignore[attr-defined]
        p1 = c.get(base + t.cat_path("hoat-dong"), params={"page": 1}).text  # type: ignore[attr-defined]
        assert items[0].title in p0 and items[t.page_size].title in p1 and items[0].title not in p1
        a = items[2]
        node = c.get(f"{base}/node/{a.id}").text
        assert f'rel="canonical" href="{base}{t.article_path(a)}"' in node
        r = c.get(base + "/tim-kiem", params={"search_api_fulltext": a.title})
        assert t.article_path(a) in r.text
        etag = c.get(base + t.article_path(a)).headers["ETag"]
        assert c.get(base + t.article_path(a), headers={"If-None-Match": etag}).status_code == 304


def test_vendor_next_page_and_js_search(hrunning: RunningFarm) -> None:
    sid = "bhxh-yen-bai"
    site = hrunning.farm.sites[sid]
    t = site.theme
    items = site.data.by_listing["bhxh"]
    base = hrunning.base(sid)
    with httpx.Client(timeout=10) as c:
        first = c.get(base + t.cat_path("bhxh")).text  # type: ignore[attr-defined]
        assert "Trang sau" in first and "?p=2" in first
        second = c.get(base + t.cat_path("bhxh"), params={"p": 2}).text  # type: ignore[attr-defined]

        second = unicodedata.normalize("NFC", second)
        assert unicodedata.normalize("NFC", items[t.page_size].title) in second
        assert "location.href='/tim-kiem.htm?tu-khoa='" in first
        r = c.get(base + "/tim-kiem.htm", params={"tu-khoa": items[1].title})
        assert t.article_path(items[1]) in r.text
        assert "<form" not in c.get(base + "/van-ban-phap-quy.htm").text  # documents search absent
        assert c.get(base + "/sitemap.xml").status_code == 404


# --------------------------------------------------------------------------- (b) audit
@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Any], Any]:
    out: Path = tmp_path_factory.mktemp("holdout-audit")
    farm = build_farm(holdout_specs(), as_of=AS_OF)
    with farm.serve() as running:
        return audit_farm(running, out, f"sqlite:///{out / 'h.db'}", AS_OF)


def test_holdout_audit_runs_without_tool_error(audited: tuple[list[Any], Any]) -> None:
    results, conf = audited
    print("\n" + render(conf))
    assert {r.site.id for r in results} == {s.site_id for s in holdout_specs()}
    assert [(r.site.id, r.error) for r in results if r.error] == []
    assert conf.total == len(results) * len(RULE_IDS)


def test_holdout_verdicts_never_accuse_and_mostly_match(audited: tuple[list[Any], Any]) -> None:
    """The blind test: no false accusation on markup portal-lint was not written against,
    and at least 90 % of verdicts right (52/52 when this was written)."""
    _, conf = audited
    false_accusations = [m for m in conf.mismatches if m[2] == "pass" and m[3] in ("fail", "warn")]
    assert false_accusations == [], render(conf)
    assert conf.correct / conf.total >= 0.9, render(conf)
    found = sum(x["articles_found"] for x in conf.extraction.values())
    expected = sum(x["articles_expected"] for x in conf.extraction.values())
    assert found / expected >= 0.95, (found, expected)
