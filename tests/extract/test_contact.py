"""Spokesperson block extraction and validators."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal_lint.extract.contact import (
    extract_spokesperson,
    find_spokesperson_links,
    looks_like_job_title,
    validate_email,
    validate_phone,
)

SPOKES = "sotttt.hanoi.gov.vn/thong-tin-nguoi-phat-ngon_en.html"


def test_real_liferay_spokesperson(real_pages: Path) -> None:
    html = (real_pages / SPOKES).read_text(encoding="utf-8")
    c = extract_spokesperson(html, "https://sotttt.hanoi.gov.vn/en/thong-tin-nguoi-phat-ngon")
    assert c is not None
    assert c.name == "Nguyễn Việt Hùng"
    assert c.title == "Phó Giám đốc phụ trách Sở Thông tin và Truyền thông thành phố Hà Nội"
    assert c.phone == "0243.512.3536"
    assert c.email == "nguyenviethung_sotttt@hanoi.gov.vn"
    assert "Nguyễn Việt Hùng" in c.raw_text


def test_real_pages_without_spokesperson(real_pages: Path) -> None:
    for p in sorted(real_pages.glob("*/*.html")):
        if p.name == Path(SPOKES).name:
            continue
        assert extract_spokesperson(p.read_text(encoding="utf-8"), "http://x.gov.vn/") is None, (
            p.name
        )


def test_real_links_to_spokesperson_page(real_pages: Path) -> None:
    html = (real_pages / "sotttt.hanoi.gov.vn/index.html").read_text(encoding="utf-8")
    links = find_spokesperson_links(html, "https://sotttt.hanoi.gov.vn/")
    assert links[0] == "https://sotttt.hanoi.gov.vn/thong-tin-nguoi-phat-ngon.html"
    assert "https://sotttt.hanoi.gov.vn/lien-he.html" in links[1:]


TABLE = """<html><body><div id="content"><h2>Người phát ngôn và cung cấp thông tin cho báo chí</h2>
<table><tr><td>Họ và tên:</td><td>Bà TRẦN THỊ MAI</td></tr><tr><td>Chức vụ:</td><td>Chánh Văn phòng BHXH tỉnh</td></tr>
<tr><td>Điện thoại:</td><td>(0239) 3855 123</td></tr><tr><td>Email:</td><td>mai.tt[at]vss.gov.vn</td></tr></table>
</div><footer>Địa chỉ: 01 Lê Lợi. ĐT: 0239 3855 000</footer></body></html>"""

PARAGRAPH = """<html><body><div class="footer"><p>BẢO HIỂM XÃ HỘI TỈNH X</p>
<p>Người phát ngôn: Ông Nguyễn Văn An, Phó Giám đốc BHXH tỉnh; ĐT: 0912 345 678; Email: an.nv (a) vss.gov.vn.</p>
</div></body></html>"""

DL = """<html><body><section><h3>Thông tin người phát ngôn</h3><dl><dt>Họ tên</dt><dd>Lê Hoàng Nam</dd>
<dt>Chức danh</dt><dd>Giám đốc</dd><dt>Di động</dt><dd>+84 987 654 321</dd></dl></section></body></html>"""

AGENCY_CONTACT = """<html><body><h1>Liên hệ</h1><p>Bảo hiểm xã hội tỉnh Y</p>
<p>Điện thoại: 0239 3855 000 - Email: bhxh@vss.gov.vn</p><p>Ông Giám đốc tiếp dân thứ Năm hằng tuần</p></body></html>"""


def test_table_style() -> None:
    c = extract_spokesperson(TABLE, "http://bhxh.tinh.gov.vn/nguoi-phat-ngon")
    assert c is not None
    assert (c.name, c.title, c.phone, c.email) == (
        "TRẦN THỊ MAI",
        "Chánh Văn phòng BHXH tỉnh",
        "(0239) 3855 123",
        "mai.tt@vss.gov.vn",
    )


def test_paragraph_style() -> None:
    c = extract_spokesperson(PARAGRAPH, "http://bhxh.tinh.gov.vn/")
    assert c is not None
    assert (c.name, c.title, c.phone, c.email) == (
        "Nguyễn Văn An",
        "Phó Giám đốc BHXH tỉnh",
        "0912 345 678",
        "an.nv@vss.gov.vn",
    )


def test_definition_list_style() -> None:
    c = extract_spokesperson(DL, "http://bhxh.tinh.gov.vn/")
    assert c is not None
    assert c.name == "Lê Hoàng Nam" and c.title == "Giám đốc" and c.phone == "+84 987 654 321"
    assert c.email is None


def test_agency_contact_is_not_a_spokesperson() -> None:
    assert extract_spokesperson(AGENCY_CONTACT, "http://bhxh.tinh.gov.vn/lien-he") is None


@pytest.mark.parametrize(
    ("s", "ok"),
    [
        ("0243.512.3536", True),
        ("024 3512 3536", True),
        ("(0239) 3855 123", True),
        ("0912 345 678", True),
        ("+84 912 345 678", True),
        ("12345", False),
        ("1900 9068", False),
        ("0012 345 678", False),
        ("", False),
    ],
)
def test_validate_phone(s: str, ok: bool) -> None:
    assert validate_phone(s) is ok


def test_validate_email_and_title() -> None:
    assert validate_email("nguyenviethung_sotttt@hanoi.gov.vn")
    assert not validate_email("abc@") and not validate_email("abc[at]vss.gov.vn")
    assert looks_like_job_title("Phó Giám đốc phụ trách Sở")
    assert looks_like_job_title("Trưởng phòng Truyền thông")
    assert not looks_like_job_title("Số 185 Giảng Võ, Đống Đa")


# "Ông/Bà" kept from a form template, name in <strong>, lines split by <br>.
TEMPLATE_HONORIFIC = """<html><body><div class="content"><h1>Người phát ngôn và cung cấp thông tin cho báo chí</h1>
<p>Thực hiện Nghị định số 09/2017/NĐ-CP, BHXH tỉnh công bố người phát ngôn như sau:</p>
<p>Người phát ngôn: Ông/Bà <strong>Phan Thị Lan</strong><br>Chức vụ: Phó Giám đốc BHXH tỉnh<br>
Điện thoại: 0260.3878.747<br>Email: <a href="mailto:lanpt@vss.gov.vn">lanpt@vss.gov.vn</a></p></div></body></html>"""


def test_template_honorific_ong_ba() -> None:
    c = extract_spokesperson(
        TEMPLATE_HONORIFIC, "http://bhxh.tinh.gov.vn/gioi-thieu/nguoi-phat-ngon"
    )
    assert c is not None
    assert (c.name, c.title, c.phone, c.email) == (
        "Phan Thị Lan",
        "Phó Giám đốc BHXH tỉnh",
        "0260.3878.747",
        "lanpt@vss.gov.vn",
    )


def test_spokesperson_label_names_the_person_without_honorific() -> None:
    html = """<html><body><main><h1>Liên hệ</h1><p>Địa chỉ: 01 Lê Lợi</p>
    <div><p>Người phát ngôn: Trịnh Văn Bảo, Giám đốc BHXH tỉnh</p><p>Điện thoại: 0912 345 678</p></div></main></body></html>"""
    c = extract_spokesperson(html, "http://bhxh.tinh.gov.vn/lien-he")
    assert c is not None
    assert (c.name, c.title, c.phone) == ("Trịnh Văn Bảo", "Giám đốc BHXH tỉnh", "0912 345 678")


def test_spokesperson_label_followed_by_a_post_is_not_a_name() -> None:
    html = """<html><body><p>Người phát ngôn: Phó Giám đốc BHXH tỉnh</p><p>Điện thoại: 0260.3878.747</p></body></html>"""
    assert extract_spokesperson(html, "http://bhxh.tinh.gov.vn/") is None


def test_gioi_thieu_menu_item_leading_to_spokesperson_page_is_found() -> None:
    html = """<html><body><ul class="ul-menu"><li><a href="/Pages/default.aspx">Trang chủ</a></li>
    <li><a href="/gioithieu/Pages/nguoi-phat-ngon.aspx">Giới thiệu</a></li>
    <li><a href="/tintuc/Pages/tin-hoat-dong.aspx?CateID=165">Tin hoạt động</a></li></ul></body></html>"""
    links = find_spokesperson_links(html, "http://bhxh.tinh.gov.vn/Pages/default.aspx")
    assert links == ["http://bhxh.tinh.gov.vn/gioithieu/Pages/nguoi-phat-ngon.aspx"]


# One column per field (header row of labels, one row per person): Drupal/Bootstrap tables.
COLUMN_TABLE = """<html><head><title>Người phát ngôn | Sở Y tế</title></head><body>
<h1>Danh sách người phát ngôn, cung cấp thông tin cho báo chí</h1>
<table class="table table-bordered"><thead><tr><th>STT</th><th>Họ tên</th><th>Chức danh</th>
<th>Số điện thoại</th><th>Thư điện tử</th></tr></thead>
<tbody><tr><td>1</td><td>Đặng Quốc Huy</td><td>Chánh Văn phòng Sở</td><td>0236.3822.145</td>
<td>huydq@syt.gov.vn</td></tr><tr><td>2</td><td>Mai Thanh Tâm</td><td>Phó Chánh Văn phòng</td>
<td>0905.112.233</td><td>&nbsp;</td></tr></tbody></table></body></html>"""


def test_column_table_one_field_per_column() -> None:
    c = extract_spokesperson(COLUMN_TABLE, "https://syt.example.gov.vn/nguoi-phat-ngon")
    assert c is not None
    assert (c.name, c.title, c.phone, c.email) == (
        "Đặng Quốc Huy",
        "Chánh Văn phòng Sở",
        "0236.3822.145",
        "huydq@syt.gov.vn",
    )


def test_column_table_with_empty_email_cell_leaves_email_missing() -> None:
    html = COLUMN_TABLE.replace("huydq@syt.gov.vn", "&nbsp;")
    c = extract_spokesperson(html, "https://syt.example.gov.vn/nguoi-phat-ngon")
    assert c is not None and c.name == "Đặng Quốc Huy"
    assert c.email is None and c.phone == "0236.3822.145"


def test_label_value_table_is_not_read_as_columns() -> None:
    # Rows "Họ và tên | X": one label per row; values must not be shifted across rows.
    html = """<html><body><h2>Người phát ngôn</h2><table><tr><td>Họ và tên</td><td>Hồ Văn Nam</td></tr>
<tr><td>Chức vụ</td><td>Phó Giám đốc</td></tr><tr><td>Điện thoại</td><td>0262.3855.101</td></tr>
</table></body></html>"""
    c = extract_spokesperson(html, "https://a.gov.vn/p")
    assert c is not None
    assert (c.name, c.title, c.phone) == ("Hồ Văn Nam", "Phó Giám đốc", "0262.3855.101")


# A site-wide footer line: "Phát ngôn viên: name, title, ĐT: …, Email: …" (label without
# "Người", no honorific), next to the agency's own phone on the line above.
FOOTER_LINE = """<html><body><div id="content"><p>Tin tức</p></div><div id="ft">
<span>BHXH TỈNH Z - Địa chỉ: 12 Nguyễn Huệ - ĐT: 0214 3820 000 - Fax: 0214 3820 001</span><br>
<small>Phát ngôn viên: Lò Văn Sơn, Chánh Văn phòng BHXH tỉnh, ĐT: 0914 220 330, Email: sonlv@vss.gov.vn</small>
</div></body></html>"""


def test_footer_line_phat_ngon_vien_label() -> None:
    c = extract_spokesperson(FOOTER_LINE, "http://bhxh.tinh.gov.vn/")
    assert c is not None
    assert (c.name, c.title, c.phone, c.email) == (
        "Lò Văn Sơn",
        "Chánh Văn phòng BHXH tỉnh",
        "0914 220 330",
        "sonlv@vss.gov.vn",
    )


def test_nguoi_duoc_giao_phat_ngon_label_names_the_person() -> None:
    html = """<html><body><p>Người được giao phát ngôn: Hầu Thị Ngọc Anh - Phó Giám đốc;
    Di động: 0977 123 456</p></body></html>"""
    c = extract_spokesperson(html, "http://bhxh.tinh.gov.vn/")
    assert c is not None
    assert (c.name, c.title, c.phone) == ("Hầu Thị Ngọc Anh", "Phó Giám đốc", "0977 123 456")


# A profile card: the name alone in a heading, then unlabelled lines (title, phone next to an
# icon, a mailto link), on a page whose heading says it is about the spokesperson.
PROFILE_CARD = """<html><head><title>Thông tin người phát ngôn</title></head><body>
<div class="wrap"><h2>Thông tin người phát ngôn</h2><div class="member">
<img src="/a.jpg" alt=""><h3 class="member-name">Đoàn Minh Khôi</h3>
<div class="member-role">Trưởng phòng Truyền thông và Phát triển đối tượng</div>
<ul class="member-contact"><li><span class="icon-tel"></span>0203 3825 117</li>
<li><span class="icon-mail"></span><a href="mailto:khoidm@vss.gov.vn">khoidm@vss.gov.vn</a></li></ul>
</div></div><footer>Điện thoại: 0203 3825 000</footer></body></html>"""


def test_profile_card_with_unlabelled_lines() -> None:
    c = extract_spokesperson(PROFILE_CARD, "http://bhxh.tinh.gov.vn/nguoi-phat-ngon")
    assert c is not None
    assert (c.name, c.title, c.phone, c.email) == (
        "Đoàn Minh Khôi",
        "Trưởng phòng Truyền thông và Phát triển đối tượng",
        "0203 3825 117",
        "khoidm@vss.gov.vn",
    )


def test_profile_card_without_phone_leaves_phone_missing() -> None:
    html = PROFILE_CARD.replace('<li><span class="icon-tel"></span>0203 3825 117</li>', "")
    c = extract_spokesperson(html, "http://bhxh.tinh.gov.vn/nguoi-phat-ngon")
    assert c is not None and c.name == "Đoàn Minh Khôi" and c.phone is None


def test_bare_names_need_an_adjacent_title_or_contact_line() -> None:
    # A list of attendees on a spokesperson-training page: names, but nobody's contact.
    html = """<html><head><title>Tập huấn người phát ngôn</title></head><body><h1>Tập huấn người phát ngôn</h1>
    <p>Danh sách học viên:</p><ul><li>Nguyễn Thị Hồng Nhung</li><li>Trần Quốc Bảo Long</li></ul>
    <p>Thời gian: 08:00 ngày 12/3</p></body></html>"""
    assert extract_spokesperson(html, "http://bhxh.tinh.gov.vn/tap-huan") is None
    # A place name on its own line above the agency phone is not a person.
    html = """<html><head><title>Người phát ngôn</title></head><body><h1>Người phát ngôn</h1>
    <p>Đang cập nhật.</p><address>Hà Nội<br>0243 3825 000</address></body></html>"""
    assert extract_spokesperson(html, "http://bhxh.tinh.gov.vn/nguoi-phat-ngon") is None
