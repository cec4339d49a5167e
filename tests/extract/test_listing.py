from __future__ import annotations

from datetime import datetime
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from portal_lint.extract.listing import (
    extract_listing,
    find_nav_links,
    looks_like_article_url,
)

SOTTTT = "https://sotttt.hanoi.gov.vn/"


def read(real_pages: Path, rel: str) -> str:
    return (real_pages / rel).read_text(encoding="utf-8")


def wayback(host: str, ts: str, page: str = "Pages/default.aspx") -> str:
    return f"http://web.archive.org/web/{ts}/http://{host}/{page}"


def _cur(url: str) -> int:
    return int(parse_qs(urlsplit(url).query)["_101_cur"][0])


# --------------------------------------------------------------------------- Liferay listings
def test_liferay_listing_page_1(real_pages: Path) -> None:
    lst = extract_listing(
        read(real_pages, "sotttt.hanoi.gov.vn/cong-nghe-thong-tin.html"),
        SOTTTT + "cong-nghe-thong-tin.html",
    )
    assert lst.is_listing
    assert lst.category_label == "Công nghệ thông tin"
    assert len(lst.items) >= 10
    first = lst.items[0]
    assert first.title == "Chính thức kích hoạt Sự kiện không dùng tiền mặt năm 2022"
    assert first.published == datetime(2022, 7, 21, 10, 0)
    assert first.summary and first.summary.startswith("Ngày 21/7, tại Hà Nội")
    assert "/view_content/" in first.url
    assert all(i.published is not None for i in lst.items[:10])
    pages = sorted(_cur(u) for u in lst.next_pages if "_101_cur" in u)
    assert pages[0] == 2 and pages[-1] == 25


def test_liferay_listing_page_17_only_forward(real_pages: Path) -> None:
    lst = extract_listing(
        read(real_pages, "sotttt.hanoi.gov.vn/cong-nghe-thong-tin01ad.html"),
        SOTTTT + "cong-nghe-thong-tin01ad.html",
    )
    assert lst.is_listing
    assert lst.items[0].published == datetime(2012, 9, 29, 0, 0)
    pages = [_cur(u) for u in lst.next_pages if "_101_cur" in u]
    assert pages and min(pages) == 18 and max(pages) == 25


def test_liferay_listing_dates_match_real_items(real_pages: Path) -> None:
    import json

    def key(url: str) -> str:  # the Liferay article id
        return url.split("/view_content/")[-1].split("-")[0]

    truth = {}
    for line in (real_pages / "other_portal_listing_items.jsonl").read_text("utf-8").splitlines():
        it = json.loads(line)
        truth[key(it["url"])] = it["date"]
    lst = extract_listing(read(real_pages, "sotttt.hanoi.gov.vn/pctn.html"), SOTTTT + "pctn.html")
    from portal_lint.extract.dates import parse_vn_datetime

    checked = 0
    for item in lst.items:
        if key(item.url) in truth:
            assert item.published == parse_vn_datetime(truth[key(item.url)]), item.url
            checked += 1
    assert checked >= 5


def test_article_page_is_not_a_listing(real_pages: Path) -> None:
    rel = "baohiemxahoi.gov.vn/tintuc_linh-vuc-bao-hiem-y-te_CateID169_ItemID26712.html"
    url = (
        "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx"
        "?CateID=169&ItemID=26712&OtItem=date"
    )
    lst = extract_listing(read(real_pages, rel), url)
    assert not lst.is_listing
    # The related box still yields dated items (title "… (23/06/2026)" split).
    by_title = {i.title: i for i in lst.items}
    item = by_title["TP. Hồ Chí Minh: Thí điểm khám, chữa bệnh BHYT tại nhà"]
    assert item.published == datetime(2026, 6, 23)
    assert "ItemID=26697" in item.url


# --------------------------------------------------------------------------- Đắk Nông home pages
def test_daknong_home_items_dated_from_url(real_pages: Path) -> None:
    ts = "20180331174438"
    lst = extract_listing(
        read(real_pages, f"stc.daknong.gov.vn/Pages_default_wayback_{ts}.html"),
        wayback("stc.daknong.gov.vn", ts),
    )
    titles = {i.title: i for i in lst.items}
    item = titles["V/v Công bố Công khai dự toán ngân sách nhà nước năm 2018 tỉnh Đắk Nông"]
    assert item.published == datetime(2018, 1, 20, 18, 25)
    assert (
        "Thông báo kết quả lựa chọn nhà thầu các gói thầu mua sắm tập trung đợt 2 năm 2017"
        in titles
    )
    # Document rows ("Số: … Ngày: 31/12/9999") are not news items.
    assert not any(t.startswith("Số:") for t in titles)


def test_daknong_two_captures_give_changed_items(real_pages: Path) -> None:
    a = extract_listing(
        read(real_pages, "stc.daknong.gov.vn/Pages_default_wayback_20170604124127.html"),
        wayback("stc.daknong.gov.vn", "20170604124127"),
    )
    b = extract_listing(
        read(real_pages, "stc.daknong.gov.vn/Pages_default_wayback_20180331174438.html"),
        wayback("stc.daknong.gov.vn", "20180331174438"),
    )
    titles_a = {i.title for i in a.items}
    assert "Về việc đăng ký nhu cầu mua sắm tài sản nhà nước theo phương thức tập trung" in titles_a
    newest_a = max(i.published for i in a.items if i.published)
    newest_b = max(i.published for i in b.items if i.published)
    assert newest_a.year == 2017 and newest_b.year == 2018


@pytest.mark.parametrize(
    "rel,ts,min_dated",
    [
        ("thanhtra.daknong.gov.vn/Pages_default_wayback_20170614025039.html", "20170614025039", 5),
        ("krongno.daknong.gov.vn/Pages_Home_wayback_20180330081814.html", "20180330081814", 10),
        ("gianghia.daknong.gov.vn/Pages_default_wayback_20180903131115.html", "20180903131115", 10),
    ],
)
def test_daknong_homes(real_pages: Path, rel: str, ts: str, min_dated: int) -> None:
    host = rel.split("/")[0]
    lst = extract_listing(read(real_pages, rel), wayback(host, ts))
    dated = [i for i in lst.items if i.published]
    assert len(dated) >= min_dated
    assert all(1995 <= i.published.year <= 2018 for i in dated)
    assert not any(i.title in ("Trang chủ", "Giới thiệu chung") for i in lst.items)


def test_dates_inside_titles_are_not_publication_dates(real_pages: Path) -> None:
    ts = "20180903114337"
    lst = extract_listing(
        read(real_pages, f"dakrlap.daknong.gov.vn/Pages_default_wayback_{ts}.html"),
        wayback("dakrlap.daknong.gov.vn", ts),
    )
    item = next(i for i in lst.items if "946/QĐ-UBND ngày 06/6/2017" in i.title)
    assert item.published is None


# --------------------------------------------------------------------------- pagination styles
ITEMS = "".join(
    f'<li><a href="/tin-tuc/bai-viet-so-{i}-ve-chinh-sach-{100 + i}.html">Bài viết số {i} về '
    f"chính sách BHXH tự nguyện</a> <span>(0{i}/05/2024)</span></li>"
    for i in range(1, 6)
)


@pytest.mark.parametrize(
    "pager,expected",
    [
        (
            '<div class="pagination"><a href="?page=1">1</a><span class="current">2</span>'
            '<a href="?page=3">3</a><a href="?page=4">4</a></div>',
            ["?page=3", "?page=4"],
        ),
        (
            '<div class="paging"><a href="/tin-tuc/page/3/">Trang sau</a></div>',
            ["/tin-tuc/page/3/"],
        ),
        ('<p><a href="/tin-tuc/trang-3">»</a></p>', ["/tin-tuc/trang-3"]),
        ('<p><a href="?Page=3">Tiếp</a> <a href="?Page=1">Trước</a></p>', ["?Page=3"]),
        ('<div><a href="/tin-tuc?p=3">Xem thêm</a></div>', ["/tin-tuc?p=3"]),
    ],
)
def test_pagination_styles(pager: str, expected: list[str]) -> None:
    html = f"<html><body><ul class='news'>{ITEMS}</ul>{pager}</body></html>"
    url = (
        "https://bhxh.x.gov.vn/tin-tuc?page=2"
        if "page=" in pager
        else "https://bhxh.x.gov.vn/tin-tuc/page/2/"
    )
    if "trang-3" in pager:
        url = "https://bhxh.x.gov.vn/tin-tuc/trang-2"
    if "Page=" in pager:
        url = "https://bhxh.x.gov.vn/tin-tuc?Page=2"
    if "p=3" in pager:
        url = "https://bhxh.x.gov.vn/tin-tuc?p=2"
    lst = extract_listing(html, url)
    from portal_lint.extract.urls import canonicalize

    assert lst.next_pages == [canonicalize(e, url) for e in expected]
    assert lst.is_listing and len(lst.items) == 5
    assert lst.items[0].published == datetime(2024, 5, 1)
    assert lst.items[0].title == "Bài viết số 1 về chính sách BHXH tự nguyện"


def test_find_nav_links(real_pages: Path) -> None:
    links = find_nav_links(
        read(real_pages, "sotttt.hanoi.gov.vn/index.html"), SOTTTT + "index.html"
    )
    labels = {label for _, label in links}
    assert "Giới thiệu" in labels
    assert all(u.startswith("https://sotttt.hanoi.gov.vn/") for u, _ in links)
    sitemap = find_nav_links(
        read(real_pages, "sotttt.hanoi.gov.vn/so-do-website.html"), SOTTTT + "so-do-website.html"
    )
    assert len(sitemap) > len(links)


@pytest.mark.parametrize(
    "url,expected",
    [
        ("https://baohiemxahoi.gov.vn/tintuc/Pages/a.aspx?CateID=169&ItemID=26712", True),
        (
            "https://sotttt.hanoi.gov.vn/cong-nghe-thong-tin/-/view_content/692985-hoi-thao.html",
            True,
        ),
        ("http://x.gov.vn/TinTuc/tintuc/Lists/Posts/Post.aspx?CategoryId=1&ItemId=222", True),
        ("https://x.gov.vn/2024/05/20/hoi-nghi/", True),
        ("https://x.gov.vn/tin-tuc/hoi-nghi-trien-khai-nhiem-vu-nam-2024-12345.html", True),
        ("https://x.gov.vn/chi-tiet/abc", True),
        ("https://x.gov.vn/tin-tuc", False),
        ("https://x.gov.vn/", False),
        ("https://x.gov.vn/files/quyet-dinh-so-123-2024.pdf", False),
    ],
)
def test_looks_like_article_url(url: str, expected: bool) -> None:
    assert looks_like_article_url(url) is expected


def test_garbage_input() -> None:
    assert extract_listing("", "https://x.gov.vn/").items == []
    assert extract_listing("<<<>>>\x00", "https://x.gov.vn/").is_listing is False


def test_category_urls_with_long_slugs_are_not_articles() -> None:
    # DNN-style category pages: the long slug matches the weak article patterns, but the
    # "danh-muc"/"category" segment says listing; an id/"chi-tiet" URL stays an article.
    assert not looks_like_article_url(
        "https://x.gov.vn/tin-tuc/danh-muc/21/ung-dung-cntt-chuyen-doi-so.html"
    )
    assert not looks_like_article_url(
        "https://x.gov.vn/category/chuyen-doi-so-va-cai-cach-hanh-chinh/"
    )
    assert looks_like_article_url(
        "https://x.gov.vn/tin-tuc/chi-tiet/1489/ty-le-ho-so-dat-92-5.html"
    )
    assert looks_like_article_url("https://x.gov.vn/category/hoat-dong/?p=123")


def test_menu_links_to_long_slug_categories_are_listing_seeds() -> None:
    html = """<html><body><div class="dnn-menu"><ul>
    <li><a href="/">Trang chủ</a></li>
    <li><a href="/tin-tuc/danh-muc/11/hoat-dong-nganh.html">Hoạt động ngành</a></li>
    <li><a href="/tin-tuc/danh-muc/21/ung-dung-cntt-chuyen-doi-so.html">Ứng dụng CNTT - Chuyển đổi số</a></li>
    <li><a href="/tin-tuc/danh-muc/17/guong-dien-hinh-tien-tien.html">Gương điển hình tiên tiến</a></li>
    </ul></div><p>Nội dung</p></body></html>"""
    labels = {label for _, label in find_nav_links(html, "https://x.gov.vn/")}
    assert {
        "Ứng dụng CNTT - Chuyển đổi số",
        "Gương điển hình tiên tiến",
        "Hoạt động ngành",
    } <= labels


def test_date_inside_the_title_is_not_the_item_date() -> None:
    # "… từ ngày 01/7/2025" ends the headline but is its subject, not its publication date;
    # a date set off by brackets or a dash still is the item's date.
    rows = [
        (
            "/dieu-kien-huong-luong-huu-khi-dong-du-15-nam-1181.html",
            "Điều kiện hưởng lương hưu khi đóng đủ 15 năm BHXH từ ngày 01/7/2025",
            "07/06/2026",
        ),
        (
            "/hoi-nghi-tong-ket-cong-tac-nam-2026-1182.html",
            "Hội nghị tổng kết công tác thu BHXH, BHYT (23/06/2026)",
            "",
        ),
        (
            "/ap-dung-muc-luong-co-so-moi-ke-tu-1183.html",
            "Áp dụng mức lương cơ sở mới kể từ 01/7/2026",
            "05/06/2026",
        ),
        (
            "/tap-huan-nghiep-vu-cho-dai-ly-thu-1184.html",
            "Tập huấn nghiệp vụ cho nhân viên đại lý thu - 20/05/2026 08:30",
            "",
        ),
    ]
    lis = "".join(
        f'<li><a href="{u}">{t}</a> <span class="date">{d}</span></li>' for u, t, d in rows
    )
    lst = extract_listing(
        f"<html><body><ul class='news'>{lis}</ul></body></html>", "https://x.gov.vn/"
    )
    got = {it.url.rsplit("/", 1)[-1]: it for it in lst.items}
    assert got["dieu-kien-huong-luong-huu-khi-dong-du-15-nam-1181.html"].published == datetime(
        2026, 6, 7
    )
    assert got["dieu-kien-huong-luong-huu-khi-dong-du-15-nam-1181.html"].title.endswith("01/7/2025")
    assert got["ap-dung-muc-luong-co-so-moi-ke-tu-1183.html"].published == datetime(2026, 6, 5)
    assert got["hoi-nghi-tong-ket-cong-tac-nam-2026-1182.html"].published == datetime(2026, 6, 23)
    assert got["tap-huan-nghiep-vu-cho-dai-ly-thu-1184.html"].published == datetime(
        2026, 5, 20, 8, 30
    )


# --------------------------------------------------------------------------- holdout idioms
def test_next_link_with_arrow_and_p_parameter_is_followed() -> None:
    """ "Trang sau »" to ?p=2 (no page numbers): the arrow decorates the words, and the short
    `p` parameter is a page number here, not a WordPress post id."""
    items = "".join(
        f'<div class="tin"><h3><a href="/chinh-sach/bai-viet-so-{i}-ve-bhxh-tu-nguyen-a{900 + i}.html">'
        f"Bài viết số {i} về chính sách BHXH tự nguyện năm 2026</a></h3>"
        f'<div class="ngay">Thứ hai, ngày {i + 1} tháng 11 năm 2026</div></div>'
        for i in range(6)
    )
    html = (
        f'<html><body><div class="ds">{items}</div>'
        '<div class="nav-trang"><a href="/chinh-sach.htm?p=1">« Trang trước</a> | '
        '<a href="/chinh-sach.htm?p=3">Trang sau »</a></div></body></html>'
    )
    lst = extract_listing(html, "https://bhxh.example.vn/chinh-sach.htm?p=2")
    assert lst.is_listing
    assert lst.next_pages == ["https://bhxh.example.vn/chinh-sach.htm?p=3"]


def test_read_more_button_is_not_a_next_page() -> None:
    items = "".join(
        f'<div class="item"><h2><a href="/tin-tuc/tin-bhxh/{700 + i}-hoi-nghi-tong-ket-cong-tac-thu-nam-{i}">'
        f"Hội nghị tổng kết công tác thu BHXH năm {2020 + i}</a></h2>"
        f'<a class="btn" href="/tin-tuc/tin-bhxh/{700 + i}-hoi-nghi-tong-ket-cong-tac-thu-nam-{i}">Xem thêm</a></div>'
        for i in range(4)
    )
    lst = extract_listing(f"<html><body>{items}</body></html>", "https://bhxh.example.vn/")
    assert lst.next_pages == []


def test_menu_category_with_a_long_slug_is_a_nav_link() -> None:
    """/guong-dien-hinh-tien-tien.htm looks like a post slug, but a menu entry with a label
    of a few words is a category to walk; a post id in the URL still excludes it."""
    html = (
        '<html><body><div class="main-menu"><ul>'
        '<li><a href="/tin-tuc.htm">Tin tức</a></li>'
        '<li><a href="/nhan-to-dien-hinh-tien-tien.htm">Nhân tố điển hình tiên tiến</a></li>'
        '<li><a href="/gioi-thieu/chi-tiet-ve-co-cau-to-chuc.htm">Cơ cấu tổ chức</a></li>'
        "</ul></div></body></html>"
    )
    urls = [u for u, _ in find_nav_links(html, "https://bhxh.example.vn/")]
    assert "https://bhxh.example.vn/nhan-to-dien-hinh-tien-tien.htm" in urls
    assert "https://bhxh.example.vn/gioi-thieu/chi-tiet-ve-co-cau-to-chuc.htm" not in urls


def test_postback_pager_is_reported_with_the_forms_state() -> None:
    items = "".join(
        f'<div class="row"><a href="/Tin/Xem.aspx?newsid={i}">Hội nghị triển khai nhiệm vụ thu BHXH số {i}</a>'
        f"<span>({10 + i}/10/2026)</span></div>"
        for i in range(5)
    )
    html = (
        '<html><body><form method="post" action="./Tin.aspx?cm=3" id="f1">'
        '<input type="hidden" name="__VIEWSTATE" value="VS-3" />'
        '<input type="hidden" name="__EVENTVALIDATION" value="EV" />'
        '<input type="submit" name="btnTimKiem" value="Tìm" />'
        f'<div class="ds">{items}</div><div class="paging">'
        "<a href=\"javascript:__doPostBack('pg$p2','')\">2</a><b>3</b>"
        "<a href=\"javascript:__doPostBack('pg$p4','')\">4</a>"
        "<a href=\"javascript:__doPostBack('pg$next','')\">Tiếp »</a></div></form></body></html>"
    )
    lst = extract_listing(html, "https://bhxh.example.vn/Tin/Tin.aspx?cm=3")
    assert lst.next_pages == []
    assert [pb.page for pb in lst.postbacks] == [4, None]  # page 2 is behind us
    pb = lst.postbacks[0]
    assert pb.action == "https://bhxh.example.vn/Tin/Tin.aspx?cm=3"
    assert pb.fields["__EVENTTARGET"] == "pg$p4"
    assert pb.fields["__VIEWSTATE"] == "VS-3" and pb.fields["__EVENTVALIDATION"] == "EV"
    assert "btnTimKiem" not in pb.fields


def test_a_date_quoted_in_the_teaser_is_not_the_item_date() -> None:
    """A sapo saying "có hiệu lực từ ngày 01/7/2025" must not date the item (a misdated
    item would stop the listing walk early and lose the posts behind it)."""
    html = """<html><body><main><ul class="news">
    <li><h3><a href="/tin-tuc/chi-tiet/101/luong-huu-moi.html">Điều chỉnh lương hưu cho người nghỉ hưu trước năm 1995</a></h3>
        <p>Quy định mới có hiệu lực từ ngày 01/7/2025.</p></li>
    <li><h3><a href="/tin-tuc/chi-tiet/102/hoi-nghi.html">BHXH tỉnh tổ chức hội nghị tổng kết công tác năm</a></h3>
        <span class="date">Đăng ngày 20/11/2026 bởi Ban biên tập</span><p>Sáng nay, hội nghị đã diễn ra tại trụ sở.</p></li>
    <li><h3><a href="/tin-tuc/chi-tiet/103/tap-huan.html">Tập huấn nghiệp vụ thu cho đại lý thu BHXH</a></h3>
        <div>18/11/2026</div></li>
    </ul></main></body></html>"""
    lst = extract_listing(html, "https://bhxh.example.vn/tin-tuc")
    dates = {i.url.rsplit("/", 2)[-2]: i.published for i in lst.items}
    assert dates["101"] is None
    assert dates["102"] is not None and dates["102"].date().isoformat() == "2026-11-20"
    assert dates["103"] is not None and dates["103"].date().isoformat() == "2026-11-18"
