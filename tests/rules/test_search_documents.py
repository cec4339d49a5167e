"""search-documents: same semantics as search-articles for the "documents" probe."""

from __future__ import annotations

from datetime import date, datetime

from portal_lint.rules.search_documents import SearchDocuments
from portal_lint.snapshot import FormInfo, History, RunContext, SearchProbe, Snapshot

BASE = "https://bhxh-tinh.test/"
CTX = RunContext(as_of=date(2024, 6, 15))
DOC = BASE + "van-ban/2474-qd-bhxh.html"


def _check(*probes: SearchProbe, home_ok: bool = True):
    snap = Snapshot(
        site_id="t",
        base_url=BASE,
        started_at=datetime(2024, 6, 15, 8),
        home_ok=home_ok,
        home_url=BASE,
        search_probes={p.kind: p for p in probes},
    )
    rule = SearchDocuments()
    (f,) = rule.check(snap, History(), CTX, rule.Params())
    assert f.rule == "search-documents"
    return f


def _form() -> FormInfo:
    return FormInfo(
        page_url=BASE + "van-ban",
        action=BASE + "van-ban",
        method="GET",
        query_field="so_ky_hieu",
        purpose="documents",
    )


def test_pass() -> None:
    f = _check(
        SearchProbe(
            kind="documents",
            form=_form(),
            query="2474/QĐ-BHXH",
            expected_url=DOC,
            result_url=BASE + "van-ban?so_ky_hieu=2474",
            result_status=200,
            matched=True,
            result_count=1,
        )
    )
    assert f.status == "pass"
    assert "tìm kiếm văn bản" in f.message
    assert f.evidence[0] == BASE + "van-ban"


def test_fail_no_form_says_add_document_search() -> None:
    f = _check(SearchProbe(kind="documents", reason="no-search-form"))
    assert f.status == "fail"
    assert "Bổ sung chức năng tìm kiếm văn bản" in f.message


def test_fail_not_matched_names_document() -> None:
    f = _check(
        SearchProbe(
            kind="documents",
            form=_form(),
            query="2474/QĐ-BHXH",
            expected_url=DOC,
            result_url=BASE + "van-ban?so_ky_hieu=2474",
            result_status=200,
            matched=False,
            result_count=0,
        )
    )
    assert f.status == "fail"
    assert "Tìm cụm từ '2474/QĐ-BHXH'" in f.message and "không trả về văn bản" in f.message
    assert DOC in f.evidence


def test_fail_on_5xx() -> None:
    f = _check(SearchProbe(kind="documents", form=_form(), query="2474", result_status=500))
    assert f.status == "fail" and "HTTP 500" in f.message


def test_unknown_cases() -> None:
    f = _check(
        SearchProbe(
            kind="documents", form=_form(), matched=None, reason="no-document-to-search-for"
        )
    )
    assert f.status == "unknown" and "không có văn bản nào" in f.message
    # The article probe passing says nothing about documents.
    assert _check(SearchProbe(kind="articles", form=_form(), matched=True)).status == "unknown"
    assert (
        _check(SearchProbe(kind="documents", reason="no-search-form"), home_ok=False).status
        == "unknown"
    )


def test_crawler_shape_no_document_form() -> None:
    f = _check(SearchProbe(kind="documents", matched=False, reason="no-search-form"))
    assert f.status == "fail" and "tìm kiếm văn bản" in f.message


def test_control_matched_is_unknown_never_pass_or_fail() -> None:
    # The result page listed the document for a nonsense query too: it ignores the query.
    f = _check(
        SearchProbe(
            kind="documents",
            form=_form(),
            query="2474/QĐ-BHXH",
            expected_url=DOC,
            result_url=BASE + "van-ban",
            result_status=200,
            matched=None,
            result_count=20,
            reason="control-matched: the nonsense query also listed the expected item",
        )
    )
    assert f.status == "unknown"
    assert "chuỗi ký tự vô nghĩa" in f.message
