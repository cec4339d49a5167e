"""Visitor counter extraction: real SharePoint 2010 / Liferay pages and inline CMS styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal_lint.extract.counter import (
    counter_placeholder_present,
    extract_counter,
    find_counter_endpoints,
    parse_counter_json,
)

# (file, expected total) — values read by eye from the pages, listed in real-pages/SOURCE.txt
REAL = [
    ("stc.daknong.gov.vn/Pages_default_wayback_20170604124127.html", 332655, "digits"),
    ("stc.daknong.gov.vn/Pages_default_wayback_20180331174438.html", 434363, "digits"),
    ("thanhtra.daknong.gov.vn/Pages_default_wayback_20170614025039.html", 923442, "digits"),
    ("krongno.daknong.gov.vn/Pages_Home_wayback_20180330081814.html", 3020259, "digits"),
    ("dakrlap.daknong.gov.vn/Pages_default_wayback_20180903114337.html", 2402848, "digits"),
    ("gianghia.daknong.gov.vn/Pages_default_wayback_20180903131115.html", 2671118, "digits"),
    ("stp.daknong.gov.vn/Pages_default_wayback_20180312211947.html", 2522696, "digits"),
    ("sotttt.hanoi.gov.vn/index.html", 4798809, "html"),
]


@pytest.mark.parametrize(("name", "value", "method"), REAL)
def test_real_counters(real_pages: Path, name: str, value: int, method: str) -> None:
    html = (real_pages / name).read_text(encoding="utf-8")
    got, label, how = extract_counter(html, "http://example.gov.vn/")
    assert got == value
    assert how == method
    assert label  # the label next to the number is kept as evidence
    assert not counter_placeholder_present(html)


@pytest.mark.parametrize(
    "name",
    [
        "baohiemxahoi.gov.vn/tintuc_linh-vuc-bao-hiem-y-te_CateID169_ItemID26712.html",
        "sotttt.hanoi.gov.vn/thong-tin-nguoi-phat-ngon_en.html",
        "sotttt.hanoi.gov.vn/cong-nghe-thong-tin.html",
    ],
)
def test_real_pages_without_counter(real_pages: Path, name: str) -> None:
    html = (real_pages / name).read_text(encoding="utf-8")
    assert extract_counter(html, "http://example.gov.vn/") == (None, "", "")


def test_stc_captures_differ_on_same_layout(real_pages: Path) -> None:
    a = (real_pages / "stc.daknong.gov.vn/Pages_default_wayback_20170604124127.html").read_text(
        encoding="utf-8"
    )
    b = (real_pages / "stc.daknong.gov.vn/Pages_default_wayback_20180331174438.html").read_text(
        encoding="utf-8"
    )
    va, vb = (
        extract_counter(a, "http://stc.daknong.gov.vn/")[0],
        extract_counter(b, "http://stc.daknong.gov.vn/")[0],
    )
    assert va is not None and vb is not None and vb > va


WORDPRESS = """<html><body><aside class="widget">
<h3 class="widget-title">Thống kê truy cập</h3>
<ul><li>Đang online: <b>12</b></li><li>Hôm nay: <b>1.024</b></li>
<li>Tổng lượt truy cập: <b>1.234.567</b></li></ul></aside></body></html>"""

DNN_IMAGES = """<html><body><div class="DNNModuleContent">
<span>Lượt truy cập</span><div><img src="/Portals/0/digits/0.gif"><img src="/Portals/0/digits/9.gif">
<img src="/Portals/0/digits/8.gif"><img src="/Portals/0/digits/7.gif"></div>
<span>Trực tuyến</span><span>5</span></div></body></html>"""

CUSTOM_NUMBER_FIRST = """<html><body><footer><p>Bản quyền © BHXH tỉnh</p>
<div>Online: 7</div><div>4 798 809 lượt truy cập</div></footer></body></html>"""

SHAREPOINT_COMMA = """<html><body><table><tr><td>Visitors</td><td>98,765</td></tr>
<tr><td>Today</td><td>321</td></tr></table></body></html>"""


@pytest.mark.parametrize(
    ("html", "value", "method"),
    [
        (WORDPRESS, 1234567, "html"),
        (DNN_IMAGES, 987, "digits"),
        (CUSTOM_NUMBER_FIRST, 4798809, "html"),
        (SHAREPOINT_COMMA, 98765, "html"),
    ],
)
def test_inline_styles(html: str, value: int, method: str) -> None:
    got, _label, how = extract_counter(html, "http://bhxh.example.gov.vn/")
    assert got == value
    assert how == method


def test_only_online_is_not_a_total() -> None:
    html = "<div><span>Đang truy cập:</span> <span>27</span></div><div>Hôm nay: 300</div>"
    assert extract_counter(html, "http://x.gov.vn/")[0] is None


def test_dates_are_not_counts() -> None:
    html = "<div>Lượt truy cập</div><div>Cập nhật 12/05/2024 10:30</div>"
    assert extract_counter(html, "http://x.gov.vn/")[0] is None


def test_placeholder_and_endpoint() -> None:
    html = """<html><body><div class="box"><span>Tổng lượt truy cập:</span> <span id="total"></span></div>
    <script>
      // fill the visitor counter
      fetch('/api/thong-ke/truy-cap').then(r => r.json()).then(d => {
        document.getElementById('total').textContent = d.total; });
      $.getJSON("https://cdn.example.com/lib.json", function(){});
    </script></body></html>"""
    assert extract_counter(html, "https://bhxh.example.gov.vn/")[0] is None
    assert counter_placeholder_present(html)
    eps = find_counter_endpoints(html, "https://bhxh.example.gov.vn/trang-chu")
    assert eps[0] == "https://bhxh.example.gov.vn/api/thong-ke/truy-cap"


def test_endpoints_xhr_ajax_and_data_attr() -> None:
    html = """<div id="visitCounter" data-url="/counter/get">...</div>
    <script>var x = new XMLHttpRequest(); x.open('GET', '/Services/HitCounter.ashx?act=total');</script>
    <script>$.ajax({ url: '/search/suggest', type: 'GET' });</script>"""
    eps = find_counter_endpoints(html, "http://a.gov.vn/")
    assert "http://a.gov.vn/Services/HitCounter.ashx?act=total" in eps
    assert "http://a.gov.vn/counter/get" in eps
    assert "http://a.gov.vn/search/suggest" not in eps
    assert counter_placeholder_present(html)


def test_no_placeholder_on_plain_page() -> None:
    assert not counter_placeholder_present("<p>Tin tức</p><a href='/truy-cap'>Truy cập nhanh</a>")


@pytest.mark.parametrize(
    ("body", "value"),
    [
        (b'{"online": 5, "today": 100, "total": 123456}', 123456),
        (b'{"data": {"homNay": 10, "tongLuotTruyCap": "1.234.567"}}', 1234567),
        (b'cb({"visits": 42, "online": 3});', 42),
        (b"4798809", 4798809),
        (b'"4.798.809"', 4798809),
        (b'{"luot_truy_cap": 77}', 77),
        (b"<html>error</html>", None),
        (b"", None),
        (b'{"online": 5, "today": 9}', None),
        (b"\xff\xfe\x00garbage", None),
    ],
)
def test_parse_counter_json(body: bytes, value: int | None) -> None:
    assert parse_counter_json(body) == value


# Joomla vvisit_counter-style table: period rows, then the all-time row "Tất cả".
PERIOD_TABLE = """<div class="moduletable"><h3>Thống kê truy cập</h3><table>
<tr><td>Hôm nay</td><td>318</td></tr><tr><td>Hôm qua</td><td>402</td></tr>
<tr><td>Tuần này</td><td>2.017</td></tr><tr><td>Tháng này</td><td>9.880</td></tr>
<tr><td>{label}</td><td>{total}</td></tr></table><div>Khách trực tuyến: 7</div></div>"""


@pytest.mark.parametrize("label", ["Tất cả", "Tổng cộng", "Tất cả:"])
def test_all_time_row_of_period_table_is_the_total(label: str) -> None:
    html = PERIOD_TABLE.format(label=label, total="2.345.678")
    value, lbl, _ = extract_counter(html, "http://a.vn/")
    assert value == 2_345_678
    assert lbl.rstrip(":") == label.rstrip(":")
    assert not counter_placeholder_present(html)


def test_tat_ca_outside_a_counter_is_not_a_total() -> None:
    html = """<ul class="tabs"><li><a href="#">Tất cả</a></li><li>Quyết định</li></ul>
<table><tr><td>Tất cả</td><td>125</td></tr></table>"""
    assert extract_counter(html, "http://a.vn/") == (None, "", "")
