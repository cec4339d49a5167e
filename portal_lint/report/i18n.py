"""Every label of the scorecard, in Vietnamese (default) and English."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_VI: dict[str, str] = {
    "title": "Bảng điểm Cổng TTĐT BHXH các tỉnh — Tuần {week}",
    "week_range": "Từ {start} đến {end}",
    "summary": "Tóm tắt",
    "n_sites": "Số cổng được chấm điểm",
    "avg_score": "Điểm trung bình",
    "n_unchecked": "Không kiểm tra được",
    "best": "Cao nhất",
    "ranking": "Xếp hạng",
    "rank": "Hạng",
    "site": "Đơn vị",
    "score": "Điểm",
    "change": "Thay đổi so với tuần trước",
    "change_short": "± tuần trước",
    "new": "mới",
    "as_of": "Ngày kiểm tra",
    "stale": "chưa có lần kiểm tra trong tuần",
    "matrix": "Ma trận kết quả theo tiêu chí",
    "rule": "Tiêu chí",
    "weight": "Trọng số",
    "source": "Căn cứ",
    "unchecked_title": "Không kiểm tra được",
    "unchecked_note": "Các cổng dưới đây không có tiêu chí nào xác định được (thường do không tải được trang chủ); không tính điểm, không xếp hạng.",
    "no_score": "—",
    "details": "Chi tiết từng đơn vị",
    "findings": "Kết quả kiểm tra",
    "status": "Kết quả",
    "message": "Nội dung",
    "evidence": "Bằng chứng",
    "fetch_failures": "Không tải được",
    "fetch_failures_note": "Các địa chỉ dưới đây không tải được trong lần kiểm tra; đây là sự cố khi tải trang, không phải kết quả chấm điểm.",
    "reason": "Lý do",
    "url": "Địa chỉ",
    "monthly": "Số tin, bài theo tháng so với định mức",
    "month": "Tháng",
    "quota": "Định mức",
    "posts": "Số tin, bài",
    "incomplete": "chưa đủ dữ liệu",
    "quota_note": "Lưu ý: định mức {quota} tin, bài/tháng là giả định làm việc, chờ văn bản QĐ 2474/QĐ-BHXH quy định cụ thể định mức.",
    "quota_source": "Nguồn định mức",
    "appendix": "Phụ lục 03 — Mục 4 “Hoạt động của Website BHXH tỉnh”",
    "appendix_note": "Số liệu năm {year} theo mẫu Phụ lục 03 (Kế hoạch thông tin, truyền thông 2020). Dấu “≥” là số tối thiểu: có tháng chưa thu thập đầy đủ.",
    "h1": "6 tháng đầu năm",
    "year_total": "Cả năm (đến nay)",
    "total_posts": "Tổng số tin, bài",
    "new_posts": "Viết mới",
    "reposts": "Đăng lại",
    "bhyt_posts": "Tin, bài riêng về BHYT",
    "visitors": "Số lượng người truy cập (bộ đếm, lũy kế)",
    "visitors_gain": "Tăng trong năm",
    "charts": "Biểu đồ",
    "chart_posts": "Số tin, bài theo tháng so với định mức",
    "chart_trend": "Diễn biến điểm theo tuần",
    "chart_counter": "Bộ đếm lượt truy cập",
    "legend_quota": "Định mức",
    "axis_posts": "Số tin, bài",
    "axis_score": "Điểm",
    "axis_week": "Tuần",
    "axis_visits": "Lượt truy cập (lũy kế)",
    "generated": "Lập từ dữ liệu kiểm tra đến ngày {as_of}. Điểm = 100 × Σ(trọng số × mức đạt) / Σ(trọng số các tiêu chí xác định được); Đạt = 1, Cảnh báo = 0,5, Không đạt = 0; tiêu chí “Không xác định” không tính.",
    "no_findings": "Không có kết quả.",
    "link": "liên kết",
    "none": "Không có",
    "sheet_summary": "Tổng hợp",
    "sheet_findings": "Phát hiện",
    "sheet_monthly": "Số bài theo tháng",
    "sheet_appendix": "Phụ lục 03",
    "site_id": "Mã đơn vị",
    "item": "Chỉ tiêu",
    "unit": "Đơn vị tính",
    "unit_posts": "Tin, bài",
    "unit_people": "Lượt",
    "complete": "Đủ dữ liệu",
    "yes": "Có",
    "no": "Không",
    "plain_intro": "Bảng điểm tuần {week} ({start} – {end}). Bảng chi tiết và biểu đồ ở phần HTML và tệp Excel đính kèm.",
    "plain_unchecked": "Không kiểm tra được: {names}",
}

_EN: dict[str, str] = {
    "title": "Scorecard of provincial Social Security web portals — Week {week}",
    "week_range": "From {start} to {end}",
    "summary": "Summary",
    "n_sites": "Portals scored",
    "avg_score": "Average score",
    "n_unchecked": "Could not be checked",
    "best": "Best",
    "ranking": "Ranking",
    "rank": "Rank",
    "site": "Office",
    "score": "Score",
    "change": "Change since last week",
    "change_short": "± last week",
    "new": "new",
    "as_of": "Audit date",
    "stale": "no audit during the week",
    "matrix": "Results by rule",
    "rule": "Rule",
    "weight": "Weight",
    "source": "Source",
    "unchecked_title": "Could not be checked",
    "unchecked_note": "No rule could be determined for these portals (usually the home page could not be fetched); they have no score and no rank.",
    "no_score": "—",
    "details": "Details per office",
    "findings": "Findings",
    "status": "Result",
    "message": "Message",
    "evidence": "Evidence",
    "fetch_failures": "Could not be fetched",
    "fetch_failures_note": "These addresses could not be fetched during the audit; they are fetch problems, not scored findings.",
    "reason": "Reason",
    "url": "Address",
    "monthly": "Posts per month against the quota",
    "month": "Month",
    "quota": "Quota",
    "posts": "Posts",
    "incomplete": "incomplete data",
    "quota_note": "Note: the quota of {quota} posts/month is a working assumption pending the text of QĐ 2474/QĐ-BHXH.",
    "quota_source": "Quota source",
    "appendix": "Appendix 03 — Section 4 “Provincial website activity”",
    "appendix_note": "Figures for {year} in the form of Appendix 03 (2020 communication plan). “≥” marks a lower bound: some months are not fully collected.",
    "h1": "First half-year",
    "year_total": "Whole year (to date)",
    "total_posts": "Total posts",
    "new_posts": "Newly written",
    "reposts": "Re-posted",
    "bhyt_posts": "Health-insurance (BHYT) posts",
    "visitors": "Visitors (counter, cumulative)",
    "visitors_gain": "Increase this year",
    "charts": "Charts",
    "chart_posts": "Posts per month against the quota",
    "chart_trend": "Weekly score trend",
    "chart_counter": "Visitor counter",
    "legend_quota": "Quota",
    "axis_posts": "Posts",
    "axis_score": "Score",
    "axis_week": "Week",
    "axis_visits": "Visits (cumulative)",
    "generated": "Built from audit data up to {as_of}. Score = 100 × Σ(weight × credit) / Σ(weight of determined rules); pass = 1, warning = 0.5, fail = 0; unknown rules are left out.",
    "no_findings": "No findings.",
    "link": "link",
    "none": "None",
    "sheet_summary": "Summary",
    "sheet_findings": "Findings",
    "sheet_monthly": "Posts per month",
    "sheet_appendix": "Appendix 03",
    "site_id": "Site id",
    "item": "Item",
    "unit": "Unit",
    "unit_posts": "Posts",
    "unit_people": "Visits",
    "complete": "Complete data",
    "yes": "Yes",
    "no": "No",
    "plain_intro": "Scorecard for week {week} ({start} – {end}). Details and charts are in the HTML part and the attached Excel file.",
    "plain_unchecked": "Could not be checked: {names}",
}

LABELS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {"vi": MappingProxyType(_VI), "en": MappingProxyType(_EN)}
)

STATUS_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "vi": MappingProxyType(
            {"pass": "Đạt", "warn": "Cảnh báo", "fail": "Không đạt", "unknown": "Không xác định"}
        ),
        "en": MappingProxyType(
            {"pass": "Pass", "warn": "Warning", "fail": "Fail", "unknown": "Unknown"}
        ),
    }
)


def labels(lang: str) -> Mapping[str, str]:
    return LABELS["en" if lang == "en" else "vi"]


def status_word(status: str, lang: str) -> str:
    words = STATUS_WORDS["en" if lang == "en" else "vi"]
    return words.get(status, words["unknown"])


def fmt_number(value: float | None, lang: str, digits: int = 1) -> str:
    """87.5 -> "87,5" in Vietnamese; thousands separated by "." (vi) or "," (en)."""
    if value is None:
        return "—"
    if isinstance(value, int) or digits == 0:
        text = f"{round(value):,}"
        return text.replace(",", ".") if lang != "en" else text
    text = f"{value:,.{digits}f}"
    if lang != "en":
        text = text.replace(",", "\u00a0").replace(".", ",").replace("\u00a0", ".")
    return text


def fmt_change(value: float | None, lang: str) -> str:
    if value is None:
        return labels(lang)["new"]
    if value > 0:
        return "+" + fmt_number(value, lang)
    if value < 0:
        return "−" + fmt_number(-value, lang)
    return fmt_number(0.0, lang)


def fmt_date(d: object, lang: str) -> str:
    from datetime import date

    if not isinstance(d, date):
        return ""
    return d.isoformat() if lang == "en" else d.strftime("%d/%m/%Y")
