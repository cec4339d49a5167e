"""Legal documents listed on a page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from portal_lint.extract.documents import extract_documents


def test_real_sentinel_date(real_pages: Path) -> None:
    html = (
        real_pages / "thanhtra.daknong.gov.vn/Pages_default_wayback_20170614025039.html"
    ).read_text(encoding="utf-8")
    docs = {
        d.number: d
        for d in extract_documents(html, "http://thanhtra.daknong.gov.vn/Pages/default.aspx")
    }
    d = docs["2068/QĐ-UBND"]
    assert d.issued is None  # 31/12/9999 is "no date", not a real one
    assert d.url == "http://thanhtra.daknong.gov.vn/hethongvanban/Pages/default.aspx?SoID=107"
    assert d.summary and "kiểm soát thủ tục hành chính" in d.summary
    assert docs["10/2017/QĐ-UBND"].issued == date(2017, 5, 29)


def test_real_pages_without_documents(real_pages: Path) -> None:
    for name in (
        "baohiemxahoi.gov.vn/tintuc_linh-vuc-bao-hiem-y-te_CateID169_ItemID26712.html",
        "sotttt.hanoi.gov.vn/thong-tin-nguoi-phat-ngon_en.html",
    ):
        assert (
            extract_documents((real_pages / name).read_text(encoding="utf-8"), "http://x.gov.vn/")
            == []
        )


TABLE = """<table><tr><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr>
<tr><td><a href="/van-ban/2474">2474/QĐ-BHXH</a></td><td>28/12/2022</td>
<td>Quyết định ban hành Quy chế quản lý Cổng Thông tin điện tử BHXH</td><td><a href="/files/2474.pdf">Tải về</a></td></tr>
<tr><td>1455/BHXH-TT</td><td>15/05/2024</td><td><a href="/van-ban/1455">Về việc tuyên truyền Kỳ họp thứ 7 Quốc hội khóa XV</a></td></tr>
</table>"""

LIST = """<ul class="docs"><li><a href="/vb/nd28">Nghị định số 28/2024/NĐ-CP ngày 06/3/2024 của Chính phủ quy định chi tiết</a></li>
<li><a href="/tin/1">Tin tức hoạt động ngành tháng 5</a></li></ul>"""

DIVS = """<div class="item"><div>Số: 05/2019/TT-BYT</div><div>Ngày: 30/03/2019</div>
<div><a href="/vb/05">Thông tư quy định danh mục thuốc dược liệu</a></div></div>
<div class="item"><div>Số: 12/KH-BHXH</div><div>Ngày: 31/12/9999</div>
<div><a href="/vb/12">Kế hoạch truyền thông năm 2024</a></div></div>
<p>Giấy phép số 100/GP-TTĐT do Bộ cấp</p>"""


def test_table_rows() -> None:
    docs = extract_documents(TABLE, "https://bhxh.tinh.gov.vn/van-ban")
    assert [d.number for d in docs] == ["2474/QĐ-BHXH", "1455/BHXH-TT"]
    a, b = docs
    assert a.url == "https://bhxh.tinh.gov.vn/van-ban/2474" and a.issued == date(2022, 12, 28)
    assert a.summary == "Quyết định ban hành Quy chế quản lý Cổng Thông tin điện tử BHXH"
    assert b.url == "https://bhxh.tinh.gov.vn/van-ban/1455" and b.issued == date(2024, 5, 15)


def test_link_list() -> None:
    docs = extract_documents(LIST, "https://bhxh.tinh.gov.vn/")
    assert len(docs) == 1
    assert docs[0].number == "28/2024/NĐ-CP" and docs[0].issued == date(2024, 3, 6)
    assert docs[0].url == "https://bhxh.tinh.gov.vn/vb/nd28"


def test_div_blocks_and_licence_line() -> None:
    docs = extract_documents(DIVS, "https://bhxh.tinh.gov.vn/")
    assert [d.number for d in docs] == ["05/2019/TT-BYT", "12/KH-BHXH"]
    assert docs[0].issued == date(2019, 3, 30) and docs[1].issued is None
    assert docs[1].url == "https://bhxh.tinh.gov.vn/vb/12"
