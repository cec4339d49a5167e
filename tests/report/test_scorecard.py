from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook

from portal_lint.report.scorecard import write_scorecard
from portal_lint.store.repo import Store

from .conftest import WEEK, XSS_TITLE, save


@pytest.fixture
def vi(scorecard_w48):
    return scorecard_w48


@pytest.fixture
def no_charts(monkeypatch: pytest.MonkeyPatch) -> None:
    """Charts cost ~1 s each on a busy machine; tests of week selection do not need them."""
    monkeypatch.setattr("portal_lint.report.scorecard.all_charts", lambda model: {})


def _site(result, site_id):
    return next(s for s in result.sites if s.site_id == site_id)


def test_ranking_change_and_unchecked(vi) -> None:
    ranked = [s for s in vi.sites if s.score is not None]
    assert [s.site_id for s in ranked] == ["bhxh-ha-tinh", "bhxh-dak-nong", "bhxh-lao-cai"]
    assert [s.rank for s in ranked] == [1, 2, 3]
    ht = _site(vi, "bhxh-ha-tinh")
    assert ht.score == 100.0
    # last week freshness was warn (weight 2 of 22): 100 * 21/22
    assert ht.previous == round(100 * 21 / 22, 1)
    assert ht.change == round(100.0 - round(100 * 21 / 22, 1), 1)
    lc = _site(vi, "bhxh-lao-cai")
    assert lc.stale and lc.as_of == date(2026, 11, 10) and lc.score == 50.0
    qt = _site(vi, "bhxh-quang-tri")
    assert qt.score is None and qt.rank is None
    assert len(qt.fetch_failures) == 3
    assert qt.previous is not None  # it had a score the week before


def test_html_content_and_escaping(vi) -> None:
    html = vi.html_path.read_text(encoding="utf-8")
    assert "Bảng điểm Cổng TTĐT BHXH các tỉnh — Tuần 2026-W48" in html
    for word in (
        "Đạt",
        "Cảnh báo",
        "Không đạt",
        "Không xác định",
        "không kiểm tra được".capitalize(),
    ):
        assert word in html
    # crawled site name with a script tag renders as text
    assert XSS_TITLE not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # evidence: http(s) links are links, javascript: is never an href
    assert 'href="https://example.gov.vn/post-quota"' in html
    assert not re.search(r'href="\s*javascript:', html, re.IGNORECASE)
    assert "javascript:alert(2)" in html  # shown as text
    # quota note because stats say quota_cited false
    assert "giả định làm việc" in html and "QĐ 2474/QĐ-BHXH" in html
    # fetch failures listed apart, with reasons
    assert "Không tải được" in html and "Connection refused" in html
    # Phụ lục 03 section 4 table
    for label in ("Hoạt động của Website BHXH tỉnh", "Viết mới", "Đăng lại", "BHYT"):
        assert label in html
    # charts embedded as data URIs, nothing external
    assert html.count('src="data:image/png;base64,') == len(vi.chart_paths) == 3
    assert not re.search(r'src="https?:', html)


def test_charts_are_pngs(vi) -> None:
    for p in vi.chart_paths:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert p.stat().st_size > 5000


def test_excel_workbook(vi) -> None:
    wb = load_workbook(vi.xlsx_path)
    assert wb.sheetnames == ["Tổng hợp", "Phát hiện", "Số bài theo tháng", "Phụ lục 03"]
    summary = wb["Tổng hợp"]
    assert summary.freeze_panes == "A2"
    assert summary["A1"].font.bold
    assert summary["B2"].value == "bhxh-ha-tinh" and summary["D2"].value == 100.0
    assert summary["D5"].value == "—"  # unchecked site, no score
    findings = wb["Phát hiện"]
    links = [
        c.hyperlink.target for row in findings.iter_rows(min_row=2) for c in row if c.hyperlink
    ]
    assert "https://example.gov.vn/post-quota" in links
    assert not any(t.startswith("javascript") for t in links)
    # the script-tag name is stored as text, not a formula
    names = {c.value for c in findings["B"][1:]}
    assert f"BHXH tỉnh Đắk Nông {XSS_TITLE}" in names
    monthly = wb["Số bài theo tháng"]
    assert [c.value for c in monthly[1]][3:9] == [f"2026-{m:02d}" for m in range(6, 12)]
    app = wb["Phụ lục 03"]
    items = [r[2].value for r in app.iter_rows(min_row=2)]
    assert "Viết mới" in items and "Đăng lại" in items


def test_english(audit_db_session: str, tmp_path: Path) -> None:
    en = write_scorecard(audit_db_session, tmp_path, week=WEEK, lang="en")
    html = en.html_path.read_text(encoding="utf-8")
    assert "Week 2026-W48" in html and "Could not be checked" in html
    assert "Rule post-quota: fail" in html  # message_en used
    assert "Tiêu chí post-quota" not in html
    assert load_workbook(en.xlsx_path).sheetnames[0] == "Summary"


def test_default_week_from_as_of_and_latest(
    audit_db_session: str, tmp_path: Path, no_charts: None
) -> None:
    latest = write_scorecard(audit_db_session, tmp_path / "a")
    assert latest.week == WEEK
    earlier = write_scorecard(audit_db_session, tmp_path / "b", as_of=date(2026, 11, 12))
    assert earlier.week == "2026-W46"
    assert _site(earlier, "bhxh-lao-cai").stale is False
    # Quảng Trị was up in W46: scored
    assert _site(earlier, "bhxh-quang-tri").score is not None


def test_quota_note_absent_when_cited(tmp_path: Path, no_charts: None) -> None:
    url = f"sqlite:///{tmp_path / 'c.db'}"
    store = Store(url)
    save(
        store,
        "bhxh-a",
        "BHXH tỉnh A",
        date(2026, 11, 24),
        {"post-quota": "pass"},
        stats={
            "quota": 25,
            "quota_cited": True,
            "monthly": {"2026-11": {"posts": 30, "complete": True}},
        },
    )
    store.close()
    res = write_scorecard(url, tmp_path / "out")
    html = res.html_path.read_text(encoding="utf-8")
    assert "giả định làm việc" not in html
    assert _site(res, "bhxh-a").quota == 25
    assert res.chart_paths == [] and "data:image/png" not in html


def test_empty_database_raises(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'e.db'}"
    Store(url).close()
    with pytest.raises(ValueError, match="no audit runs"):
        write_scorecard(url, tmp_path / "out")
