from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest

from portal_lint.extract.dates import find_datetimes, parse_vn_datetime


@pytest.mark.parametrize(
    "text,expected",
    [
        ("Thứ Hai, 20/05/2024 - 08:30", datetime(2024, 5, 20, 8, 30)),
        ("Ngày đăng: 20-5-2024", datetime(2024, 5, 20)),
        ("Cập nhật lúc 08:30:15 20/05/2024", datetime(2024, 5, 20, 8, 30, 15)),
        ("26/06/2026 02:14 PM", datetime(2026, 6, 26, 14, 14)),
        ("25/06/2020 | 11:47 AM", datetime(2020, 6, 25, 11, 47)),
        ("12/01/2021 | 12:05 AM", datetime(2021, 1, 12, 0, 5)),
        ("20.05.2024", datetime(2024, 5, 20)),
        ("ngày 20 tháng 5 năm 2024", datetime(2024, 5, 20)),
        ("Hà Nội, ngày 3 tháng 12 năm 2023", datetime(2023, 12, 3)),
        ("2024-05-20T08:30:00+07:00", datetime(2024, 5, 20, 8, 30)),
        ("2024-05-20T01:30:00Z", datetime(2024, 5, 20, 8, 30)),
        ("2024-05-20", datetime(2024, 5, 20)),
        ("20/5/2024 8h30", datetime(2024, 5, 20, 8, 30)),
        ("20/05/2024 08:30 SA", datetime(2024, 5, 20, 8, 30)),
        ("08:30 CH 20/05/2024", datetime(2024, 5, 20, 20, 30)),
        ("20/05/2024 8 học sinh", datetime(2024, 5, 20)),
    ],
)
def test_formats(text: str, expected: datetime) -> None:
    assert parse_vn_datetime(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ngày: 31/12/9999",
        "01/01/0001",
        "01/01/1900 00:00",
        "30/02/2024",
        "12/1994",
        "Số: 2068/QĐ-UBND",
        "",
        "không có ngày",
    ],
)
def test_rejects_sentinels_and_impossible(text: str) -> None:
    assert parse_vn_datetime(text) is None


def test_find_datetimes_order_and_sentinel_skipped() -> None:
    found = find_datetimes("Ngày: 31/12/9999 ; Ngày: 29/05/2017 và 01/06/2017 10:00")
    assert found == [datetime(2017, 5, 29), datetime(2017, 6, 1, 10, 0)]


def _oracle(date_text: str) -> datetime:
    """Independent reading of the Liferay listing format 'dd/mm/yyyy | hh:mm AM|PM'."""
    m = re.search(r"(\d{2})/(\d{2})/(\d{4}) \| (\d{2}):(\d{2}) (AM|PM)", date_text)
    assert m, date_text
    d, mo, y, h, mi, ap = m.groups()
    hour = int(h) % 12 + (12 if ap == "PM" else 0)
    return datetime(int(y), int(mo), int(d), hour, int(mi))


def test_real_listing_dates_all_parse(real_pages: Path) -> None:
    lines = (real_pages / "other_portal_listing_items.jsonl").read_text("utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    assert len(items) == 213
    wrong = [
        (it["date"], parse_vn_datetime(it["date"]))
        for it in items
        if parse_vn_datetime(it["date"]) != _oracle(it["date"])
    ]
    assert wrong == []


def test_real_bhxh_listing_dates(real_pages: Path) -> None:
    lines = (real_pages / "real_listing_items_bhxh.jsonl").read_text("utf-8").splitlines()
    items = [json.loads(line) for line in lines if line.strip()]
    items = [it for it in items if it.get("date")]  # some boxes show no date at all
    assert len(items) >= 10
    for it in items:
        d, m, y = (int(x) for x in it["date"].split("/"))
        assert parse_vn_datetime(it["date"]) == datetime(y, m, d)
