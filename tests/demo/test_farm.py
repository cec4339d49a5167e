"""The demo farm: determinism, HTTP behaviour, dynamic parts, faults, ground truth."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from datetime import date, timedelta

import httpx
import pytest
import yaml

from portal_lint.demo import content as C
from portal_lint.demo.farm import Fault, build_farm, default_specs
from portal_lint.demo.model import RULE_IDS, last_full_months

from .conftest import AS_OF


def _site(farm, sid):
    return farm.sites[sid]


def test_generation_is_deterministic(farm):
    again = build_farm(default_specs(), as_of=AS_OF)
    for sid in farm.site_ids:
        for target in ("/", "/Pages/default.aspx", "/robots.txt"):
            assert farm.render(sid, target) == again.render(sid, target)
        a = farm.sites[sid].data.articles[5]
        path = farm.sites[sid].theme.article_path(a)
        assert farm.render(sid, path) == again.render(sid, path)
    other = build_farm(default_specs(), as_of=AS_OF + timedelta(days=1))
    assert [a.title for a in other.sites["bhxh-ha-tinh"].data.articles] != [
        a.title for a in farm.sites["bhxh-ha-tinh"].data.articles
    ]


def test_each_site_a_different_cms_and_rules_have_pass_and_fail(farm):
    assert len({s.spec.cms for s in farm.sites.values()}) == len(farm.sites) >= 5
    seen: dict[str, set[str]] = {r: set() for r in RULE_IDS}
    for sid in farm.site_ids:
        gt = farm.ground_truth(sid)
        assert set(gt["rules"]) == set(RULE_IDS)
        for r, v in gt["rules"].items():
            seen[r].add(v["status"])
    for r, statuses in seen.items():
        assert "pass" in statuses and ({"fail", "warn"} & statuses), (r, statuses)


def test_ground_truth_recomputed_from_generated_articles(farm):
    months = [f"{m.year}-{m.month:02d}" for m in last_full_months(AS_OF)]
    for sid in farm.site_ids:
        site = _site(farm, sid)
        gt = farm.ground_truth(sid)
        counts = Counter(f"{a.published:%Y-%m}" for a in site.data.articles)
        assert gt["rules"]["post-quota"]["details"]["monthly_counts"] == {
            m: counts[m] for m in months
        }
        expected = "fail" if any(counts[m] < 20 for m in months) else "pass"
        assert gt["rules"]["post-quota"]["status"] == expected
        window = [
            a
            for a in site.data.articles
            if AS_OF - timedelta(days=90) <= a.published.date() < AS_OF
        ]
        thin = [a for a in window if len(" ".join(a.paragraphs).split()) < 150 or not a.images]
        assert gt["rules"]["thin-content"]["details"]["thin"] == len(thin)
        last = max(a.published.date() for a in site.data.articles)
        assert gt["rules"]["freshness"]["details"]["days_since_last"] == (AS_OF - last).days
        oct_posts = [
            a
            for a in site.data.articles
            if a.published.year == AS_OF.year
            and a.published.month == 10
            and C.mentions_campaign(a.title + " " + (a.sapo or "") + " " + " ".join(a.paragraphs))
        ]
        assert gt["rules"]["campaign-coverage"]["details"]["posts"] == len(oct_posts)
        assert len(gt["articles"]) == len(site.data.articles)
        assert all(row["site_label"] in gt["category_map"] for row in gt["articles"])
        # at least six full months of history before as_of
        assert min(a.published.date() for a in site.data.articles) <= date(2026, 5, 1)


def test_campaign_keywords_only_in_digital_category(farm):
    for site in farm.sites.values():
        for a in site.data.articles:
            text = " ".join([a.title, a.sapo or "", *a.paragraphs])
            assert C.mentions_campaign(text) == (a.category == "chuyen-doi-so"), a.title


def test_misfiled_posts_are_clearly_other_topic(farm):
    site = _site(farm, "bhxh-can-tho")
    mis = [a for a in site.data.articles if a.misfiled]
    assert mis and all(a.listed_under in C.MISFILE_TARGET[a.category] for a in mis)


def test_reposts_are_shared_between_sites(farm):
    bodies: dict[str, set[str]] = {}
    for sid, site in farm.sites.items():
        for a in site.data.articles:
            if a.repost:
                bodies.setdefault(a.body_text, set()).add(sid)
    assert any(len(s) >= 2 for s in bodies.values())


def test_serves_over_http_with_conditional_requests(running):
    for sid, url in running.urls.items():
        r = httpx.get(url, follow_redirects=True, timeout=5)
        assert r.status_code == 200 and "<html" in r.text.lower()
        gt = running.ground_truth(sid)
        art = gt["articles"][3]["url"]
        r1 = httpx.get(art, timeout=5)
        assert r1.status_code == 200 and r1.headers["etag"] and r1.headers["last-modified"]
        r2 = httpx.get(art, headers={"If-None-Match": r1.headers["etag"]}, timeout=5)
        assert r2.status_code == 304 and r2.content == b""
        r3 = httpx.get(art, headers={"If-Modified-Since": r1.headers["last-modified"]}, timeout=5)
        assert r3.status_code == 304
        r4 = httpx.get(art, timeout=5)
        assert r4.headers["etag"] == r1.headers["etag"]
        assert httpx.get(url + "robots.txt", timeout=5).status_code == 200
        title = gt["articles"][3]["title"]
        page = r1.content.decode("cp1258" if "1258" in r1.headers["content-type"] else "utf-8")
        assert C.fold(title) in C.fold(unicodedata.normalize("NFC", page.replace("&#x27;", "'")))


def test_request_count(running):
    sid = "bhxh-lam-dong"
    before = running.request_count(sid)
    for _ in range(3):
        httpx.get(running.urls[sid], timeout=5)
    assert running.request_count(sid) == before + 3


def _counter(running, sid: str) -> int | None:
    html = httpx.get(running.urls[sid], follow_redirects=True, timeout=5).content.decode(
        "utf-8", "replace"
    )
    m = re.search(
        r"(?:Lượt truy cập: </span><b id=\"luottruycap\">|Tổng: |Lượt truy cập: <span>)([\d.]+)",
        html,
    )
    return int(m.group(1).replace(".", "")) if m else None


def test_counters_increment_frozen_missing(running):
    a, b = _counter(running, "bhxh-ha-tinh"), _counter(running, "bhxh-ha-tinh")
    assert a is not None and b is not None and b > a
    a, b = _counter(running, "bhxh-nghe-an"), _counter(running, "bhxh-nghe-an")
    assert a is not None and a == b
    html = httpx.get(running.urls["bhxh-can-tho"], timeout=5).text
    assert "Thống kê truy cập" not in html
    # JS counter: the HTML does not change, the JSON endpoint does
    base = running.urls["bhxh-lam-dong"]
    h1, h2 = httpx.get(base, timeout=5), httpx.get(base, timeout=5)
    assert h1.headers["etag"] == h2.headers["etag"] and "/api/thong-ke" in h1.text
    j1, j2 = (
        httpx.get(base + "api/thong-ke", timeout=5).json(),
        httpx.get(base + "api/thong-ke", timeout=5).json(),
    )
    assert j2["total"] > j1["total"]
    # digit-per-cell counter with leading zeros
    html = httpx.get(
        running.urls["bhxh-dak-nong"], follow_redirects=True, timeout=5
    ).content.decode("cp1258")
    digits = re.findall(r'<div class="font-number">(\d)</div>', html)
    assert len(digits) == 14


def _title_query(running, sid):
    gt = running.ground_truth(sid)
    row = gt["articles"][7]
    words = row["title"].split()
    return row, " ".join(words[1:5]).lower()


def test_search_works_broken_absent(running):
    row, q = _title_query(running, "bhxh-ha-tinh")
    r = httpx.get(
        running.urls["bhxh-ha-tinh"] + "pages/tim-kiem.aspx", params={"kwd": C.fold(q)}, timeout=5
    )
    assert (
        r.status_code == 200
        and row["url"].split("127.0.0.1")[1].split("/", 1)[1].replace("&", "&amp;") in r.text
    )
    # DNN: POST form, always "Không tìm thấy"
    row, q = _title_query(running, "bhxh-quang-ninh")
    r = httpx.post(
        running.urls["bhxh-quang-ninh"] + "tim-kiem.html", data={"dnn$ctr$txtKeyword": q}, timeout=5
    )
    assert r.status_code == 200 and "Không tìm thấy kết quả" in r.text
    # Nghệ An: document search is an HTTP 500
    doc = running.ground_truth("bhxh-nghe-an")["documents"][0]
    assert (
        httpx.get(
            running.urls["bhxh-nghe-an"] + "van-ban/tra-cuu",
            params={"keywords": doc["number"]},
            timeout=5,
        ).status_code
        == 500
    )
    # Hà Tĩnh: document search works
    doc = running.ground_truth("bhxh-ha-tinh")["documents"][2]
    r = httpx.get(
        running.urls["bhxh-ha-tinh"] + "vanban/Pages/tra-cuu.aspx",
        params={"tukhoa": doc["number"]},
        timeout=5,
    )
    assert doc["number"] in r.text and "chi-tiet.aspx?ItemID=" in r.text
    # Đắk Nông: no search box at all
    html = httpx.get(
        running.urls["bhxh-dak-nong"], follow_redirects=True, timeout=5
    ).content.decode("cp1258")
    assert "InputKeywords" not in html
    # WordPress GET search on NFD text
    row, q = _title_query(running, "bhxh-can-tho")
    r = httpx.get(running.urls["bhxh-can-tho"], params={"s": q}, timeout=5)
    assert row["url"] in r.text or row["url"].split(":", 2)[2].split("/", 1)[1] in r.text


def test_nfd_and_windows_1258(running):
    raw = httpx.get(running.urls["bhxh-can-tho"], timeout=5).content.decode("utf-8")
    assert raw == unicodedata.normalize("NFD", raw) and raw != unicodedata.normalize("NFC", raw)
    r = httpx.get(running.urls["bhxh-dak-nong"], follow_redirects=True, timeout=5)
    assert "windows-1258" in r.headers["content-type"]
    text = unicodedata.normalize("NFC", r.content.decode("cp1258"))
    assert 'charset="windows-1258"' in text or "charset=windows-1258" in text
    assert "Đắk Nông" in text and "SỐ LƯỢT TRUY CẬP" in text
    with pytest.raises(UnicodeDecodeError):
        r.content.decode("utf-8")


def test_site_features_match_truth(running):
    for sid in running.urls:
        gt = running.ground_truth(sid)
        home = httpx.get(running.urls[sid], follow_redirects=True, timeout=5)
        text = home.content.decode("cp1258" if "1258" in home.headers["content-type"] else "utf-8")
        hosts = set(
            re.findall(
                r"https://([a-z0-9.]+\." + re.escape(running.farm.sites[sid].spec.domain) + ")/",
                text,
            )
        )
        assert sorted(hosts) == gt["department_hosts"]
        assert ("facebook.com/bhxh" in text) == gt["rules"]["social-channels"]["details"]["fanpage"]
        assert ("play.google.com" in text) == gt["rules"]["social-channels"]["details"]["vssid"]


def test_spokesperson_styles(running):
    r = httpx.get(running.urls["bhxh-nghe-an"] + "thong-tin-nguoi-phat-ngon", timeout=5).text
    sp = running.ground_truth("bhxh-nghe-an")["spokesperson"]
    assert "<table" in r and sp["name"] in r and sp["phone"] in r
    sp = running.ground_truth("bhxh-quang-ninh")["spokesperson"]
    home = httpx.get(running.urls["bhxh-quang-ninh"], timeout=5).text
    assert sp["name"] in home and sp["phone"] is None and "Điện thoại:" not in home


def test_sites_yaml(running, tmp_path):
    p = running.write_sites_yaml(tmp_path / "sites.yaml")
    data = yaml.safe_load(p.read_text(encoding="utf-8"))
    assert data["defaults"]["rules"]["post-quota"]["min_posts_per_month"] == 20
    assert {s["id"] for s in data["sites"]} == set(running.urls)
    for s in data["sites"]:
        assert s["url"] == running.urls[s["id"]] and s["check_links"] is False
        assert set(s["category_map"].values()) == set(C.CATEGORIES)
    files = running.write_ground_truth(tmp_path / "gt")
    assert len(files) == len(running.urls)


def test_faults(running):
    sid = "bhxh-lam-dong"
    url = running.urls[sid]
    try:
        running.set_fault(sid, "5xx")
        assert httpx.get(url, timeout=5).status_code == 503
        running.set_fault(sid, Fault("slow", delay_s=0.4))
        r = httpx.get(url, timeout=5)
        assert r.status_code == 200 and r.elapsed.total_seconds() >= 0.35
        running.set_fault(sid, "reset")
        with pytest.raises(httpx.TransportError):
            httpx.get(url, timeout=5)
        running.set_fault(sid, "truncated")
        with pytest.raises(httpx.TransportError):
            httpx.get(url, timeout=5)
        running.set_fault(sid, "redirect-loop")
        with pytest.raises(httpx.TooManyRedirects):
            httpx.get(url, follow_redirects=True, timeout=5)
        running.set_fault(sid, "foreign-redirect")
        r = httpx.get(url, timeout=5)
        assert r.status_code == 302 and "trang-gia-mao.example" in r.headers["location"]
        running.set_fault(sid, Fault("huge", size_mb=31))
        with httpx.stream("GET", url, timeout=10) as r:
            assert int(r.headers["content-length"]) >= 30 * 1024 * 1024
            got = 0
            for chunk in r.iter_raw():
                got += len(chunk)
        assert got == 31 * 1024 * 1024
        running.set_fault(sid, "gzip-bomb")
        with httpx.stream("GET", url, timeout=10) as r:
            assert r.headers["content-encoding"] == "gzip"
            compressed = sum(len(c) for c in r.iter_raw())
        assert compressed < 2 * 1024 * 1024
        running.set_fault(sid, "malformed-feed")
        feed = httpx.get(url + "rss/tin-moi.rss", timeout=5)
        assert feed.status_code == 200 and not feed.text.rstrip().endswith("</rss>")
        assert httpx.get(url, timeout=5).status_code == 200
        running.set_fault(sid, "down")
        with pytest.raises(httpx.ConnectError):
            httpx.get(url, timeout=2)
        running.set_fault(sid, Fault("5xx", path_prefix="/chuyen-muc/"))
        assert httpx.get(url, timeout=5).status_code == 200
        assert httpx.get(url + "chuyen-muc/bhyt", timeout=5).status_code == 503
    finally:
        running.set_fault(sid, None)
    assert httpx.get(url, timeout=5).status_code == 200


def test_feeds_and_sitemaps(running):
    wp = running.urls["bhxh-can-tho"]
    import feedparser

    f = feedparser.parse(httpx.get(wp + "feed/", timeout=5).content)
    assert not f.bozo and len(f.entries) == 20
    assert httpx.get(wp + "sitemap.xml", timeout=5).status_code == 200
    import xml.etree.ElementTree as ET

    with pytest.raises(ET.ParseError):
        ET.fromstring(httpx.get(running.urls["bhxh-lam-dong"] + "sitemap.xml", timeout=5).content)
    f = feedparser.parse(httpx.get(running.urls["bhxh-quang-ninh"] + "rss.html", timeout=5).content)
    assert f.bozo


def test_listing_pagination_reaches_every_article(running):
    sid = "bhxh-nghe-an"
    site = running.farm.sites[sid]
    cat = "bhyt"
    path = site.theme.cat_path(cat)
    found = set()
    page = 1
    while True:
        r = httpx.get(running.urls[sid].rstrip("/") + path, params={"_101_cur": page}, timeout=5)
        if r.status_code != 200:
            break
        found |= set(re.findall(r"/-/view_content/(\d+)-", r.text))
        page += 1
    assert found == {str(a.id) for a in site.data.by_listing[cat]}


def test_bench_specs_scale():
    from portal_lint.demo.farm import bench_specs

    specs = bench_specs(n_sites=63, articles_per_site=1500)
    assert len(specs) == 63 and len({s.site_id for s in specs}) == 63
    farm = build_farm(specs[:2], as_of=AS_OF)
    assert all(len(s.data.articles) == 1500 for s in farm.sites.values())
