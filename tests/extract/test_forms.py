"""Search boxes, search-page links, request building and result matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal_lint.extract.forms import (
    build_search_request,
    find_search_forms,
    find_search_page_links,
    search_results_match,
)
from portal_lint.snapshot import FormInfo

SP2013_URL = "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx?CateID=169&ItemID=26712&OtItem=date"
SP2013 = "baohiemxahoi.gov.vn/tintuc_linh-vuc-bao-hiem-y-te_CateID169_ItemID26712.html"


def test_real_sharepoint_2013_js_redirect(real_pages: Path) -> None:
    forms = find_search_forms((real_pages / SP2013).read_text(encoding="utf-8"), SP2013_URL)
    assert forms, "input#searchHome with its script redirect must be found"
    f = forms[0]
    assert (f.method, f.action, f.query_field) == (
        "GET",
        "https://baohiemxahoi.gov.vn/pages/tim-kiem.aspx",
        "kwd",
    )
    assert f.purpose == "articles"
    method, url, params = build_search_request(f, "BHYT")
    assert (method, url, params) == (
        "GET",
        "https://baohiemxahoi.gov.vn/pages/tim-kiem.aspx",
        {"kwd": "BHYT"},
    )


def test_real_liferay_get_form(real_pages: Path) -> None:
    html = (real_pages / "sotttt.hanoi.gov.vn/index.html").read_text(encoding="utf-8")
    forms = find_search_forms(html, "https://sotttt.hanoi.gov.vn/")
    f = forms[0]
    assert f.method == "GET"
    assert f.action == "https://sotttt.hanoi.gov.vn/tim-kiem"
    assert f.query_field.endswith("_keywords")
    assert f.hidden_fields["p_p_id"] == "2_WAR_portalcmsappportlet"
    method, url, params = build_search_request(f, "chuyển đổi số")
    assert (
        method == "GET"
        and params[f.query_field] == "chuyển đổi số"
        and params["p_p_lifecycle"] == "0"
    )


@pytest.mark.parametrize(
    "name",
    [
        "stc.daknong.gov.vn/Pages_default_wayback_20170604124127.html",
        "thanhtra.daknong.gov.vn/Pages_default_wayback_20170614025039.html",
        "krongno.daknong.gov.vn/Pages_Home_wayback_20180330081814.html",
    ],
)
def test_real_sharepoint_2010_boxes(real_pages: Path, name: str) -> None:
    host = name.split("/")[0]
    page = f"http://{host}/Pages/{'Home' if 'Home' in name else 'default'}.aspx"
    forms = find_search_forms((real_pages / name).read_text(encoding="utf-8"), page)
    post = [f for f in forms if f.method == "POST"]
    assert len(post) == 1
    p = post[0]
    assert p.query_field.endswith("InputKeywords")
    assert p.action == page
    assert "__VIEWSTATE" in p.hidden_fields and "__REQUESTDIGEST" in p.hidden_fields
    method, url, data = build_search_request(p, "thuế")
    assert method == "POST" and data[p.query_field] == "thuế" and "__VIEWSTATE" in data
    # GoSearch(…'/pages/searchresults.aspx'…) is what the browser really does: a GET with k=
    get = [f for f in forms if f.method == "GET"]
    assert (
        get
        and get[0].action == f"http://{host}/pages/searchresults.aspx"
        and get[0].query_field == "k"
    )
    assert forms[0].method == "GET"


WORDPRESS = """<html><body><header><form role="search" method="get" action="https://bhxh.example.gov.vn/">
<input type="search" name="s" placeholder="Tìm kiếm …"><button>Tìm</button></form></header>
<main><h2>Tìm kiếm văn bản</h2><form action="/van-ban/tra-cuu" method="get">
<input name="sokyhieu" placeholder="Số ký hiệu"><input name="trichyeu" placeholder="Trích yếu">
<select name="loai"><option value="">Loại văn bản</option><option value="qd">Quyết định</option></select>
<input type="submit" value="Tìm"></form>
<form action="/dang-nhap" method="post"><input name="q_user"><input type="password" name="pw"></form>
</main></body></html>"""


def test_wordpress_and_document_form() -> None:
    forms = find_search_forms(WORDPRESS, "https://bhxh.example.gov.vn/tin-tuc/")
    assert [f.purpose for f in forms] == ["articles", "documents"]
    art, doc = forms
    assert (art.method, art.action, art.query_field) == ("GET", "https://bhxh.example.gov.vn/", "s")
    assert doc.action == "https://bhxh.example.gov.vn/van-ban/tra-cuu"
    assert doc.query_field in ("sokyhieu", "trichyeu")
    assert doc.hidden_fields.get("loai") == ""


DNN_FORMLESS = """<html><body><div class="search">
<input id="txtTimKiem" type="text" value="Nhập từ khóa">
<a href="javascript:void(0)" onclick="doSearch()">Tìm</a></div>
<script>function doSearch(){ var k = document.getElementById('txtTimKiem').value;
window.location = '/tim-kiem.aspx?type=news&tukhoa=' + encodeURIComponent(k); }</script>
<div><input type="text" name="tu_khoa"><input type="button" onclick="goSearch()"></div>
</body></html>"""


def test_formless_js_box_with_fixed_params() -> None:
    forms = find_search_forms(DNN_FORMLESS, "http://bhxh.tinh.gov.vn/Default.aspx")
    assert len(forms) == 1  # the second box has no form and no visible URL
    f = forms[0]
    assert f.action == "http://bhxh.tinh.gov.vn/tim-kiem.aspx"
    assert f.query_field == "tukhoa" and f.hidden_fields == {"type": "news"}
    method, url, params = build_search_request(f, "lương hưu")
    assert params == {"type": "news", "tukhoa": "lương hưu"}


def test_get_action_query_is_merged() -> None:
    f = FormInfo(
        page_url="http://a.vn/",
        action="http://a.vn/search?lang=vi",
        method="GET",
        query_field="q",
        hidden_fields={"page": "1"},
    )
    method, url, params = build_search_request(f, "x")
    assert (
        method == "GET"
        and url == "http://a.vn/search"
        and params == {"lang": "vi", "page": "1", "q": "x"}
    )


def test_search_page_links() -> None:
    html = """<nav><a href="/tim-kiem">Tìm kiếm</a><a href="/vanban/Pages/default.aspx">Tra cứu văn bản</a>
    <a href="/tin-tuc/ket-qua-kinh-doanh">Tin tức</a><a href="https://other.gov.vn/search">Search</a></nav>"""
    links = find_search_page_links(html, "https://bhxh.example.gov.vn/")
    assert links == [
        ("https://bhxh.example.gov.vn/tim-kiem", "articles"),
        ("https://bhxh.example.gov.vn/vanban/Pages/default.aspx", "documents"),
    ]


def test_real_search_page_links(real_pages: Path) -> None:
    html = (real_pages / SP2013).read_text(encoding="utf-8")
    links = dict(find_search_page_links(html, SP2013_URL))
    assert links.get("https://baohiemxahoi.gov.vn/vanban/pages/default.aspx") == "documents"


RESULTS = """<html><body><nav class="menu"><a href="/tin/1">Trang chủ</a></nav>
<div class="content"><h1>Kết quả tìm kiếm</h1><p>Tìm thấy 2 kết quả</p>
<ul><li><a href="https://bhxh.example.gov.vn/tin-tuc/mo-rong-quyen-loi-bhyt/?utm_source=fb">Mở rộng quyền lợi BHYT khi khám ngoại trú trái tuyến</a></li>
<li><a href="/tin-tuc/khac">Một tin khác về bảo hiểm xã hội tự nguyện</a></li></ul></div>
<aside><h3>Tin mới</h3><a href="/tin-tuc/tin-moi-x">Tin mới nhất hôm nay về BHXH tỉnh</a></aside></body></html>"""

HOME_WITH_LATEST = """<html><body><div class="main"><div class="box"><h2>Tin mới</h2>
<a href="/tin-tuc/mo-rong-quyen-loi-bhyt">Mở rộng quyền lợi BHYT khi khám ngoại trú trái tuyến</a>
<a href="/tin-tuc/b">Tin thứ hai của trang chủ BHXH tỉnh</a></div></div></body></html>"""


def test_results_match_by_url_and_title() -> None:
    exp = "http://bhxh.example.gov.vn/tin-tuc/mo-rong-quyen-loi-bhyt"
    ok, n = search_results_match(RESULTS, "https://bhxh.example.gov.vn/tim-kiem?q=bhyt", exp, "")
    assert ok and n == 2
    ok, _ = search_results_match(
        RESULTS,
        "https://bhxh.example.gov.vn/tim-kiem?q=bhyt",
        "",
        "MỞ RỘNG QUYỀN LỢI BHYT KHI KHÁM NGOẠI TRÚ TRÁI TUYẾN",
    )
    assert ok
    ok, _ = search_results_match(
        RESULTS,
        "https://bhxh.example.gov.vn/tim-kiem?q=x",
        "https://bhxh.example.gov.vn/tin-tuc/tin-moi-x",
        "",
    )
    assert not ok  # only in the sidebar's "Tin mới"


def test_home_page_latest_box_is_not_a_hit() -> None:
    ok, _ = search_results_match(
        HOME_WITH_LATEST,
        "https://bhxh.example.gov.vn/",
        "https://bhxh.example.gov.vn/tin-tuc/mo-rong-quyen-loi-bhyt",
        "Mở rộng quyền lợi BHYT khi khám ngoại trú trái tuyến",
    )
    assert not ok


def test_no_results_page() -> None:
    html = "<div class='content'><h1>Kết quả tìm kiếm</h1><p>Không tìm thấy kết quả nào phù hợp.</p></div>"
    assert search_results_match(html, "http://a.vn/s?q=x", "http://a.vn/tin/1", "Tin một") == (
        False,
        0,
    )


def test_real_article_page_is_not_a_result_page(real_pages: Path) -> None:
    html = (real_pages / SP2013).read_text(encoding="utf-8")
    ok, _ = search_results_match(
        html,
        SP2013_URL,
        "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx?CateID=169&ItemID=26700",
        "",
    )
    assert not ok
