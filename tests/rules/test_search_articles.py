"""search-articles: judged from the crawler's search probe (SearchProbe) only."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from portal_lint.rules.search_articles import SearchArticles
from portal_lint.snapshot import FetchRecord, FormInfo, History, RunContext, SearchProbe, Snapshot

BASE = "https://bhxh-tinh.test/"
CTX = RunContext(as_of=date(2024, 6, 15))
TITLE = "Mở rộng quyền lợi BHYT khi khám ngoại trú trái tuyến"
ART = BASE + "tin-tuc/mo-rong-quyen-loi-bhyt.html"


def _form(page: str = BASE) -> FormInfo:
    return FormInfo(page_url=page, action=BASE + "tim-kiem", method="GET", query_field="kwd")


def _snap(probe: SearchProbe | None, home_ok: bool = True) -> Snapshot:
    snap = Snapshot(
        site_id="t",
        base_url=BASE,
        started_at=datetime(2024, 6, 15, 8),
        home_ok=home_ok,
        home_url=BASE,
    )
    if probe is not None:
        snap.search_probes[probe.kind] = probe
    return snap


def _run(snap: Snapshot):
    rule = SearchArticles()
    params = rule.Params()
    (f,) = rule.check(snap, History(), CTX, params)
    assert f.rule == "search-articles"
    return f


def test_pass_when_article_found() -> None:
    probe = SearchProbe(
        kind="articles",
        form=_form(),
        query=TITLE,
        expected_url=ART,
        result_url=BASE + "tim-kiem?kwd=x",
        result_status=200,
        matched=True,
        result_count=3,
    )
    f = _run(_snap(probe))
    assert f.status == "pass"
    assert f.value["result_count"] == 3 and f.value["form_page"] == BASE
    assert BASE + "tim-kiem?kwd=x" in f.evidence and ART in f.evidence


def test_fail_when_no_search_form_anywhere() -> None:
    probe = SearchProbe(kind="articles", form=None, reason="no-search-form")
    f = _run(_snap(probe))
    assert f.status == "fail"
    assert "Bổ sung chức năng tìm kiếm tin, bài" in f.message
    assert f.evidence == [BASE]


def test_fail_when_article_not_in_results_names_the_title() -> None:
    probe = SearchProbe(
        kind="articles",
        form=_form(),
        query=TITLE,
        expected_url=ART,
        result_url=BASE + "tim-kiem?kwd=x",
        result_status=200,
        matched=False,
        result_count=7,
    )
    f = _run(_snap(probe))
    assert f.status == "fail"
    assert f"Tìm cụm từ '{TITLE}'" in f.message and ART in f.message
    assert "7 kết quả" in f.message
    assert f.evidence == [BASE, BASE + "tim-kiem?kwd=x", ART]
    assert f.value["matched"] is False


@pytest.mark.parametrize("status", [500, 502, 503])
def test_fail_on_server_error_even_if_not_judged(status: int) -> None:
    probe = SearchProbe(
        kind="articles",
        form=_form(),
        query=TITLE,
        expected_url=ART,
        result_url=BASE + "tim-kiem?kwd=x",
        result_status=status,
        matched=None,
        reason=f"http-{status}",
    )
    f = _run(_snap(probe))
    assert f.status == "fail"
    assert f"HTTP {status}" in f.message


def test_4xx_without_verdict_is_not_a_fail() -> None:
    probe = SearchProbe(
        kind="articles",
        form=_form(),
        query=TITLE,
        result_status=404,
        matched=None,
        reason="fetch-failed: http 404",
    )
    assert _run(_snap(probe)).status == "unknown"


@pytest.mark.parametrize(
    ("reason", "needle"),
    [
        ("no-article-to-search-for", "không có bài viết nào"),
        ("fetch-failed: timeout", "không tải được trang kết quả tìm kiếm (timeout)"),
        ("js-only-search", "js-only-search"),
    ],
)
def test_unknown_when_probe_could_not_judge(reason: str, needle: str) -> None:
    probe = SearchProbe(kind="articles", form=_form(), query=TITLE, matched=None, reason=reason)
    f = _run(_snap(probe))
    assert f.status == "unknown"
    assert needle in f.message
    assert f.value["reason"] == reason


def test_unknown_when_probe_missing_or_home_not_fetched() -> None:
    assert _run(_snap(None)).status == "unknown"
    probe = SearchProbe(kind="articles", form=None, reason="no-search-form")
    snap = _snap(probe, home_ok=False)
    snap.fetch_log.append(FetchRecord(url=BASE, outcome="timeout", purpose="home"))
    f = _run(snap)
    assert f.status == "unknown"  # never accuse a site we could not see
    assert "trang chủ" in f.message


def test_documents_probe_does_not_count_for_articles() -> None:
    snap = _snap(SearchProbe(kind="documents", form=_form(), matched=True))
    assert _run(snap).status == "unknown"


def test_crawler_shape_no_form_with_matched_false() -> None:
    """The crawler records a missing form as matched=False + reason no-search-form."""
    f = _run(_snap(SearchProbe(kind="articles", matched=False, reason="no-search-form")))
    assert f.status == "fail"
    assert "Bổ sung chức năng tìm kiếm tin, bài" in f.message
    assert "không trả về" not in f.message


def test_fail_on_4xx_judged_broken_names_status() -> None:
    probe = SearchProbe(
        kind="articles",
        form=_form(),
        query=TITLE,
        expected_url=ART,
        result_url=BASE + "tim-kiem?kwd=x",
        result_status=404,
        matched=False,
        reason="search returned HTTP 404",
    )
    f = _run(_snap(probe))
    assert f.status == "fail" and "HTTP 404" in f.message


def test_matched_false_with_nothing_tried_is_unknown() -> None:
    f = _run(_snap(SearchProbe(kind="articles", form=None, matched=False, reason="odd")))
    assert f.status == "unknown"
