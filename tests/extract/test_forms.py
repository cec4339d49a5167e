"""Search boxes, search-page links, request building and result matching."""

from __future__ import annotations

from pathlib import Path

import pytest

from portal_lint.extract.forms import (
    build_search_request,
    document_field_kind,
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


# Drupal-style boxes named only by their <label>: Search API fulltext and a Views exposed filter.
LABELLED_BOXES = """<html><body><header><form action="/search/node" method="get" id="search-block-form">
<label for="edit-keys" class="visually-hidden">Tìm kiếm</label>
<input type="text" id="edit-keys" name="keys" size="15"><input type="submit" value="Tìm"></form></header>
<main><h1>Hệ thống văn bản</h1><form action="/he-thong-van-ban" method="get" class="views-exposed-form">
<label for="edit-combine">Số hiệu hoặc trích yếu</label><input type="text" id="edit-combine" name="combine">
<select name="field_loai"><option value="All" selected>- Tất cả -</option><option value="5">Quyết định</option></select>
<input type="submit" id="edit-submit" value="Áp dụng"></form></main></body></html>"""


def test_boxes_named_only_by_their_label() -> None:
    forms = find_search_forms(LABELLED_BOXES, "https://syt.example.gov.vn/")
    by_purpose = {f.purpose: f for f in forms}
    assert set(by_purpose) == {"articles", "documents"}
    art, doc = by_purpose["articles"], by_purpose["documents"]
    assert (art.method, art.action, art.query_field) == (
        "GET",
        "https://syt.example.gov.vn/search/node",
        "keys",
    )
    assert doc.query_field == "combine" and doc.hidden_fields.get("field_loai") == "All"


def test_search_api_style_name_is_a_search_box() -> None:
    html = """<form action="/ket-qua" method="get"><input type="text" name="search_api_fulltext">
<button type="submit">Tìm</button></form>"""
    forms = find_search_forms(html, "https://a.gov.vn/")
    assert [(f.action, f.query_field) for f in forms] == [
        ("https://a.gov.vn/ket-qua", "search_api_fulltext")
    ]


def test_only_box_of_a_form_sent_to_a_search_page() -> None:
    html = """<form action="/tim-kiem" method="get"><input type="text" name="x1"><button>Go</button></form>
<form action="/dang-ky" method="get"><input type="text" name="x2"></form>"""
    forms = find_search_forms(html, "https://a.gov.vn/")
    assert [f.query_field for f in forms] == ["x1"]


# ASP.NET WebForms: one page-wide form holding the header box and the documents filter, each with
# its own button; the page is the documents page, so the action says nothing about the widgets.
WEBFORMS_DOCS = """<html><body><form method="post" action="/VanBan/DanhSach.aspx" id="form1">
<input type="hidden" name="__VIEWSTATE" value="vs"><input type="hidden" name="__EVENTTARGET" value="">
<input type="hidden" name="__EVENTARGUMENT" value=""><input type="hidden" name="__EVENTVALIDATION" value="ev">
<div class="top"><input type="text" name="ctl00$Top$txtTuKhoa" placeholder="Từ khóa">
<input type="submit" name="ctl00$Top$btnTim" value="Tìm"></div>
<div class="left"><h3>Tra cứu văn bản</h3><span>Số hiệu</span><input type="text" name="ctl00$Main$txtSoHieu">
<span>Trích yếu</span><input type="text" name="ctl00$Main$txtTrichYeu">
<a id="lnk" href="javascript:__doPostBack('ctl00$Main$lnkTraCuu','')">Tra cứu</a></div>
<div class="list"><a href="/VanBan/ChiTiet.aspx?id=1">Quyết định 12/QĐ-BHXH về việc ban hành quy chế</a></div>
</form></body></html>"""


def test_page_wide_form_widgets_keep_their_own_purpose_and_button() -> None:
    url = "https://bhxh.example.gov.vn/VanBan/DanhSach.aspx"
    forms = find_search_forms(WEBFORMS_DOCS, url)
    top = next(f for f in forms if f.query_field == "ctl00$Top$txtTuKhoa")
    assert top.purpose == "articles"  # the header box, though it sits on the documents page
    assert top.hidden_fields.get("ctl00$Top$btnTim") == "Tìm"
    docs = [f for f in forms if f.purpose == "documents"]
    assert {f.query_field for f in docs} == {"ctl00$Main$txtSoHieu", "ctl00$Main$txtTrichYeu"}
    for f in docs:
        # the link button posts back through __EVENTTARGET; the header button is not clicked
        assert f.hidden_fields["__EVENTTARGET"] == "ctl00$Main$lnkTraCuu"
        assert "ctl00$Top$btnTim" not in f.hidden_fields
        assert f.hidden_fields["__EVENTVALIDATION"] == "ev"
    kinds = {f.query_field: document_field_kind(f) for f in docs}
    assert kinds == {"ctl00$Main$txtSoHieu": "number", "ctl00$Main$txtTrichYeu": "summary"}
    method, _, data = build_search_request(
        next(f for f in docs if f.query_field.endswith("txtSoHieu")), "12/QĐ-BHXH"
    )
    # what a browser posts: the typed box, the other boxes empty, the button's postback target
    assert method == "POST" and data["ctl00$Main$txtSoHieu"] == "12/QĐ-BHXH"
    assert data["ctl00$Main$txtTrichYeu"] == "" and data["ctl00$Top$txtTuKhoa"] == ""


def test_ordinary_form_sends_its_first_submit_button() -> None:
    html = """<form action="/tra-cuu-van-ban" method="post"><input name="tukhoa" placeholder="Từ khóa">
<button type="submit" name="action" value="search">Tra cứu</button>
<button type="submit" name="action" value="reset">Nhập lại</button></form>"""
    (f,) = find_search_forms(html, "https://a.gov.vn/")
    assert f.hidden_fields["action"] == "search"


def test_zero_count_page_is_no_match_even_if_it_lists_the_item() -> None:
    # A result page saying "0 kết quả" above the unfiltered list: the list is not results.
    html = """<div class="content"><h2>Kết quả tra cứu: 0 kết quả</h2><table>
<tr><td><a href="/van-ban/7">Quyết định 7/QĐ-BHXH ban hành quy chế làm việc</a></td></tr></table></div>"""
    ok, n = search_results_match(
        html, "http://a.vn/van-ban?so=7", "http://a.vn/van-ban/7", "ban hành quy chế làm việc"
    )
    assert (ok, n) == (False, 0)
    ok, _ = search_results_match(
        html.replace(": 0 kết quả", ": 1 kết quả"),
        "http://a.vn/van-ban?so=7",
        "http://a.vn/van-ban/7",
        "",
    )
    assert ok


def test_label_before_the_box_names_it() -> None:
    html = """<form method="post" action="" id="aspNetForm"><input type="hidden" name="__VIEWSTATE" value="v">
<div id="header"><input name="hdr$q" placeholder="Tìm kiếm"></div><div class="content"><div class="col">
<label>Số hiệu văn bản:</label> <input type="text" name="filter1"><input type="submit" name="btnLoc" value="Lọc">
<table><tr><td><a href="/vb/1">Kế hoạch 12/KH-BHXH tuyên truyền chính sách BHYT học sinh năm học mới</a></td></tr>
<tr><td><a href="/vb/2">Công văn 40/BHXH-TTKT về kiểm tra liên ngành thu BHXH và BHYT năm 2026</a></td></tr></table>
</div></div></form>"""
    forms = find_search_forms(html, "https://a.gov.vn/Pages/TinTuc.aspx")
    kinds = {f.query_field: f.purpose for f in forms}
    assert kinds == {"hdr$q": "articles", "filter1": "documents"}
    doc = next(f for f in forms if f.query_field == "filter1")
    assert doc.hidden_fields["btnLoc"] == "Lọc" and document_field_kind(doc) == ""


def test_lone_content_box_of_a_page_wide_form_on_a_documents_page() -> None:
    # A page-wide form posts back to the documents page itself: a box in its content, with no
    # document widget beside it, is that page's search; the header box is not.
    html = """<form method="post" action="" id="aspNetForm"><input type="hidden" name="__VIEWSTATE" value="v">
<header><input name="hdr$q" placeholder="Tìm kiếm"></header>
<div class="col-main"><h1>Văn bản</h1><input type="text" name="tukhoa"><input type="submit" value="Tìm">
</div></form>"""
    forms = find_search_forms(html, "https://a.gov.vn/vanban/Pages/default.aspx")
    assert {f.query_field: f.purpose for f in forms} == {"hdr$q": "articles", "tukhoa": "documents"}
