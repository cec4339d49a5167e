"""spokesperson-contact: name, title, phone, e-mail all present and valid (CV 2023 mục 1.7)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from portal_lint.rules.spokesperson_contact import SpokespersonContact, email_ok, phone_ok
from portal_lint.snapshot import ContactInfo, FetchRecord, History, RunContext, Snapshot

BASE = "https://bhxh-tinh.test/"
PAGE = BASE + "nguoi-phat-ngon.html"
CTX = RunContext(as_of=date(2024, 6, 15))

# The values served on the real spokesperson page sotttt.hanoi.gov.vn/thong-tin-nguoi-phat-ngon
# (see shared/real-pages/SOURCE.txt), including the trailing dot after the e-mail.
REAL = dict(
    name="Đồng chí Nguyễn Việt Hùng",
    title="Phó Giám đốc phụ trách Sở Thông tin và Truyền thông thành phố Hà Nội",
    phone="0243.512.3536",
    email="nguyenviethung_sotttt@hanoi.gov.vn.",
)


def _check(
    info: ContactInfo | None,
    checked: list[str] | None = None,
    home_ok: bool = True,
    fetch_log: list[FetchRecord] | None = None,
):
    snap = Snapshot(
        site_id="t",
        base_url=BASE,
        started_at=datetime(2024, 6, 15, 8),
        home_ok=home_ok,
        home_url=BASE,
        spokesperson=info,
        spokesperson_pages_checked=[BASE, PAGE] if checked is None else checked,
        fetch_log=fetch_log or [],
    )
    rule = SpokespersonContact()
    (f,) = rule.check(snap, History(), CTX, rule.Params())
    return f


def test_pass_with_real_page_values() -> None:
    f = _check(ContactInfo(page_url=PAGE, **REAL))
    assert f.status == "pass"
    assert "Nguyễn Việt Hùng" in f.message and "Đồng chí" not in f.message
    assert f.value["missing"] == [] and f.value["invalid"] == []
    assert f.evidence[0] == PAGE


def test_fail_lists_missing_fields_in_vietnamese() -> None:
    f = _check(ContactInfo(page_url=PAGE, name="Nguyễn Văn Phong", phone="0912 345 678"))
    assert f.status == "fail"
    assert "còn thiếu chức vụ, thư điện tử" in f.message
    assert f.value["missing"] == ["title", "email"]


@pytest.mark.parametrize(
    ("field", "bad", "label"),
    [
        ("phone", "04.3512.3536", "số điện thoại '04.3512.3536'"),  # pre-2017 area code
        ("phone", "0243.512", "số điện thoại '0243.512'"),
        ("email", "nguyenviethung_sotttt@hanoi", "thư điện tử 'nguyenviethung_sotttt@hanoi'"),
        ("email", "Liên hệ qua cổng", "thư điện tử 'Liên hệ qua cổng'"),
        ("name", "Phó Giám đốc BHXH tỉnh", "họ tên 'Phó Giám đốc BHXH tỉnh'"),
    ],
)
def test_fail_names_invalid_field_and_value(field: str, bad: str, label: str) -> None:
    info = ContactInfo(page_url=PAGE, **{**REAL, field: bad})
    f = _check(info)
    assert f.status == "fail"
    assert "không hợp lệ" in f.message and label in f.message
    assert f.value["invalid"] == [{"field": field, "value": bad}]


def test_fail_when_no_block_but_pages_checked() -> None:
    f = _check(None)
    assert f.status == "fail"
    for word in ("họ tên", "chức vụ", "số điện thoại", "thư điện tử"):
        assert word in f.message
    assert f.evidence == [BASE, PAGE]
    assert f.value["missing"] == ["name", "title", "phone", "email"]


def test_unknown_when_home_not_fetched() -> None:
    assert _check(None, checked=[], home_ok=False).status == "unknown"


def test_unknown_when_spokesperson_page_failed_to_load() -> None:
    log = [FetchRecord(url=BASE + "gioi-thieu/nguoi-phat-ngon", outcome="timeout", purpose="probe")]
    f = _check(None, fetch_log=log)
    assert f.status == "unknown"
    assert BASE + "gioi-thieu/nguoi-phat-ngon" in f.evidence
    # Incomplete block + failed candidate page: the rest may be on that page -> unknown.
    f2 = _check(ContactInfo(page_url=BASE, name="Nguyễn Văn An"), fetch_log=log)
    assert f2.status == "unknown"
    # An unrelated failed fetch does not hide a missing block.
    other = [FetchRecord(url=BASE + "tin-tuc/1.html", outcome="timeout", purpose="article")]
    assert _check(None, fetch_log=other).status == "fail"


@pytest.mark.parametrize(
    ("raw", "ok"),
    [
        ("0243.512.3536", True),
        ("(0263) 3 543 123", True),
        ("+84 912 345 678", True),
        ("0243.512.3536 (máy lẻ 12)", True),
        ("ĐT: 04.3512.3536 - DĐ: 0912.345.678", True),
        ("1900 9068", True),
        ("0243.512.3536 - 0912.345.678", True),
        ("0243.512.3536 (12)", True),
        ("0217.3850.123", True),  # any 02x area code: structure only, no stale area-code table
        ("84 912 345 678", True),
        ("+1 415 555 0100", False),
        ("04.3512.3536", False),
        ("0243.512", False),
        ("0123.456.7890", False),
        ("abc", False),
    ],
)
def test_phone_ok(raw: str, ok: bool) -> None:
    assert phone_ok(raw) is ok


@pytest.mark.parametrize(
    ("raw", "ok"),
    [
        ("nguyenviethung_sotttt@hanoi.gov.vn.", True),
        ("mailto:bhxh@daknong.vss.gov.vn", True),
        ("bhxh[at]daknong.vss.gov.vn", True),
        ("a@b", False),
        ("@vss.gov.vn", False),
        ("bhxh@@vss.gov.vn", False),
    ],
)
def test_email_ok(raw: str, ok: bool) -> None:
    assert email_ok(raw) is ok


def test_honorifics_are_not_part_of_the_name() -> None:
    info = ContactInfo(page_url=PAGE, **{**REAL, "name": "Ông/Bà Võ Văn Thắng"})
    f = _check(info)
    assert f.status == "pass"
    assert "Võ Văn Thắng" in f.message and "Ông/Bà" not in f.message
