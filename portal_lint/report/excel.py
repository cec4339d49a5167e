"""The scorecard as an Excel workbook (openpyxl)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from portal_lint.report.i18n import labels, status_word
from portal_lint.report.model import ScorecardModel

HEADER_FILL = PatternFill("solid", fgColor="1F5FA8")
HEADER_FONT = Font(bold=True, color="FFFFFF")
STATUS_FILL = {
    "pass": PatternFill("solid", fgColor="D7F0DC"),
    "warn": PatternFill("solid", fgColor="FFF1C7"),
    "fail": PatternFill("solid", fgColor="F9D3D3"),
    "unknown": PatternFill("solid", fgColor="E8EAED"),
}
MAX_EVIDENCE = 5


def http_url(url: str | None) -> str | None:
    """The URL if its scheme is http or https, else None (no javascript:, data:, file:)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _put(ws: Worksheet, row: int, col: int, value: Any) -> Any:
    """Write a value; crawled text is always a string, never a formula."""
    cell = ws.cell(row=row, column=col)
    if isinstance(value, str):
        cell.value = ILLEGAL_CHARACTERS_RE.sub("", value)
        cell.data_type = "s"  # "=HYPERLINK(...)" from a crawled title stays text
    else:
        cell.value = value
    return cell


def _sheet(wb: Workbook, title: str, headers: list[str], widths: list[int]) -> Worksheet:
    ws = wb.create_sheet(title)
    for i, (h, w) in enumerate(zip(headers, widths, strict=True), start=1):
        c = _put(ws, 1, i, h)
        c.fill, c.font = HEADER_FILL, HEADER_FONT
        c.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 32
    return ws


def write_xlsx(model: ScorecardModel, path: Path) -> Path:
    lang = model.lang
    L = labels(lang)
    wb = Workbook()
    wb.remove(wb.active)

    # -- Tổng hợp: ranking, with per-rule statuses
    rule_heads = [model.weights.title(r, lang) for r in model.rules]
    ws = _sheet(
        wb,
        L["sheet_summary"],
        [L["rank"], L["site_id"], L["site"], L["score"], L["change"], L["as_of"], *rule_heads],
        [7, 22, 32, 9, 14, 13, *[14] * len(rule_heads)],
    )
    for r, s in enumerate(model.sites, start=2):
        _put(ws, r, 1, s.rank if s.rank is not None else "—")
        _put(ws, r, 2, s.site_id)
        _put(ws, r, 3, s.name)
        c = _put(ws, r, 4, s.score if s.score is not None else L["no_score"])
        c.number_format = "0.0"
        _put(ws, r, 5, s.change if s.change is not None else L["new"])
        _put(ws, r, 6, s.as_of)
        ws.cell(row=r, column=6).number_format = "DD/MM/YYYY" if lang != "en" else "YYYY-MM-DD"
        for j, rule in enumerate(model.rules, start=7):
            st = s.statuses.get(rule)
            if st:
                c = _put(ws, r, j, status_word(st, lang))
                c.fill = STATUS_FILL.get(st, STATUS_FILL["unknown"])

    # -- Phát hiện: every finding, evidence as hyperlinks
    ev_heads = [f"{L['evidence']} {i}" for i in range(1, MAX_EVIDENCE + 1)]
    ws = _sheet(
        wb,
        L["sheet_findings"],
        [L["site_id"], L["site"], L["rule"], L["status"], L["message"], *ev_heads],
        [20, 28, 22, 14, 70, *[40] * MAX_EVIDENCE],
    )
    r = 2
    for s in model.sites:
        for f in s.findings:
            _put(ws, r, 1, s.site_id)
            _put(ws, r, 2, s.name)
            _put(ws, r, 3, f.rule)
            c = _put(ws, r, 4, status_word(f.status, lang))
            c.fill = STATUS_FILL.get(f.status, STATUS_FILL["unknown"])
            c = _put(ws, r, 5, f.text(lang))
            c.alignment = Alignment(wrap_text=True, vertical="top")
            for k, ev in enumerate(f.evidence[:MAX_EVIDENCE], start=6):
                c = _put(ws, r, k, ev)
                url = http_url(ev)
                if url:
                    c.hyperlink = url
                    c.style = "Hyperlink"
            r += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(5 + MAX_EVIDENCE)}{max(r - 1, 1)}"

    # -- Số bài theo tháng: site × month vs quota
    ws = _sheet(
        wb,
        L["sheet_monthly"],
        [L["site_id"], L["site"], L["quota"], *model.months, L["complete"]],
        [20, 30, 10, *[10] * len(model.months), 12],
    )
    for r, s in enumerate(model.sites, start=2):
        _put(ws, r, 1, s.site_id)
        _put(ws, r, 2, s.name)
        _put(ws, r, 3, s.quota)
        for j, mc in enumerate(s.months, start=4):
            c = _put(ws, r, j, mc.posts)
            if mc.posts is not None and mc.complete:
                c.fill = STATUS_FILL["pass" if mc.posts >= s.quota else "fail"]
            elif mc.posts is not None:
                c.fill = STATUS_FILL["unknown"]
        _put(ws, r, 4 + len(s.months), L["yes"] if all(m.complete for m in s.months) else L["no"])

    # -- Phụ lục 03, section 4: one block of rows per site
    ws = _sheet(
        wb,
        L["sheet_appendix"],
        [L["site"], "TT", L["item"], L["unit"], L["h1"], L["year_total"], L["complete"]],
        [30, 7, 44, 12, 16, 18, 12],
    )
    r = 2
    for s in model.sites:
        h1, yr = s.appendix_h1, s.appendix_year
        rows = [
            ("4.1", L["total_posts"], L["unit_posts"], "posts"),
            ("4.1", L["new_posts"], L["unit_posts"], "new"),
            ("4.1", L["reposts"], L["unit_posts"], "repost"),
            ("4.1", L["bhyt_posts"], L["unit_posts"], "bhyt"),
        ]
        for tt, item, unit, key in rows:
            _put(ws, r, 1, s.name)
            _put(ws, r, 2, tt)
            _put(ws, r, 3, item)
            _put(ws, r, 4, unit)
            _put(ws, r, 5, getattr(h1, key) if h1 else None)
            _put(ws, r, 6, getattr(yr, key) if yr else None)
            _put(ws, r, 7, L["yes"] if (yr and yr.complete) else L["no"])
            r += 1
        _put(ws, r, 1, s.name)
        _put(ws, r, 2, "4.3")
        _put(ws, r, 3, L["visitors"])
        _put(ws, r, 4, L["unit_people"])
        _put(ws, r, 6, s.visitors)
        r += 1

    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
