from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from portal_lint.extract.article import extract_article

VSS = "baohiemxahoi.gov.vn/tintuc_linh-vuc-bao-hiem-y-te_CateID169_ItemID26712.html"
VSS_URL = (
    "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx"
    "?CateID=169&ItemID=26712&OtItem=date"
)
LIFERAY = "sotttt.hanoi.gov.vn/view_content_3842568-ha-noi-tap-huan-ky-nang-phat-ngon.html"
LIFERAY_URL = (
    "https://sotttt.hanoi.gov.vn/vi/bao-chi-xuat-ban/-/view_content/3842568-ha-noi-"
    "tap-huan-ky-nang-phat-ngon-cung-cap-thong-tin-cho-bao-chi.html"
)

PARA = (
    "Bảo hiểm xã hội tỉnh đã tổ chức hội nghị triển khai nhiệm vụ, với sự tham dự của "
    "lãnh đạo các phòng, ban và bảo hiểm xã hội các huyện, thị xã trên địa bàn tỉnh. "
)
BODY = "".join(f"<p>{PARA}Đoạn {i}.</p>" for i in range(6))
SIDEBAR = """<aside class="sidebar"><h3>Tin mới</h3><ul>
<li><a href="/tin/khac-1.html">Một tin khác rất dài để thử thanh bên</a>
<span>01/01/2020</span></li>
<li><a href="/tin/khac-2.html">Tin khác nữa trong thanh bên của trang</a>
<span>02/01/2020</span></li>
</ul></aside>"""
MENU = """<nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li>
<li><a href="/van-ban">Văn bản</a></li></ul></nav>"""


def page(head: str, main: str) -> str:
    return (
        f"<!doctype html><html><head><meta charset='utf-8'>{head}</head><body>{MENU}"
        f"<div class='container'><div class='main'>{main}</div>{SIDEBAR}</div>"
        "<footer>© 2024 BHXH tỉnh. Liên hệ: 0123 456 789</footer></body></html>"
    )


def read(real_pages: Path, rel: str) -> str:
    return (real_pages / rel).read_text(encoding="utf-8")


# --------------------------------------------------------------------------- real pages
def test_real_vss_sharepoint_article(real_pages: Path) -> None:
    art = extract_article(read(real_pages, VSS), VSS_URL)
    assert art is not None
    assert art.title == "Mở rộng quyền lợi BHYT khi khám ngoại trú trái tuyến từ ngày 01/7/2026"
    # The date shown in the head, not the script's generation time (2026-07-18).
    assert art.published == datetime(2026, 6, 26, 14, 14)
    assert art.date_source == "text"
    assert art.author == "Ngọc Yến"
    assert art.category_label is not None and "bảo hiểm y tế" in art.category_label.lower()
    assert art.breadcrumb[-1] == "Lĩnh Vực Bảo Hiểm Y Tế"
    assert art.sapo and art.sapo.startswith("Từ ngày 01/7/2026, người tham gia BHYT")
    assert art.url == VSS_URL  # rel=canonical "…:443/…" canonicalised to the same URL
    assert art.word_count > 600
    # Related box, menus and footer are not body text.
    assert "TIN BÀI LIÊN QUAN" not in art.body_text.upper()
    assert "Bản quyền thuộc về" not in art.body_text
    assert "Thí điểm khám, chữa bệnh BHYT tại nhà" not in art.body_text
    assert len(art.images) == 1 and art.images[0].caption == "Ảnh minh họa"
    assert art.images[0].src.startswith("https://baohiemxahoi.gov.vn:4545/pic/")
    assert len(art.content_hash) == 40


def test_real_liferay_article_role_line_is_not_author(real_pages: Path) -> None:
    art = extract_article(read(real_pages, LIFERAY), LIFERAY_URL)
    assert art is not None
    assert art.title == "Hà Nội: Tập huấn kỹ năng phát ngôn cung cấp thông tin cho báo chí"
    assert art.published == datetime(2020, 6, 25, 11, 47)
    assert art.author == "Phạm Linh"
    assert art.category_label == "Báo chí - xuất bản - truyền thông"
    assert art.sapo and art.sapo.startswith("Sáng 24/6, Trung tâm Đào tạo CNTT&TT")
    assert art.body_text.count("Sáng 24/6, Trung tâm") == 1
    assert "Các tin khác" not in art.body_text
    assert "In bài viết" not in art.body_text
    captions = [i.caption for i in art.images if i.caption]
    assert any("Học viên tham dự" in c for c in captions)
    # rel=canonical is same-site: it wins (resolved against the page URL).
    assert art.url.startswith("https://sotttt.hanoi.gov.vn/") and "view_content/3842568" in art.url


def test_home_page_box_is_not_an_article_even_off_the_root(real_pages: Path) -> None:
    # Structural rule, not the URL: a heading no metadata confirms over a short teaser.
    html = read(real_pages, "krongno.daknong.gov.vn/Pages_Home_wayback_20180330081814.html")
    assert extract_article(html, "http://krongno.daknong.gov.vn/TinTuc/Pages/x.aspx") is None


@pytest.mark.parametrize(
    "rel",
    [
        "sotttt.hanoi.gov.vn/cong-nghe-thong-tin.html",
        "sotttt.hanoi.gov.vn/cong-nghe-thong-tin01ad.html",
        "sotttt.hanoi.gov.vn/pctn.html",
        "sotttt.hanoi.gov.vn/index.html",
        "sotttt.hanoi.gov.vn/lien-he.html",
        "sotttt.hanoi.gov.vn/so-do-website.html",
        "stc.daknong.gov.vn/Pages_default_wayback_20180331174438.html",
        "thanhtra.daknong.gov.vn/Pages_default_wayback_20170614025039.html",
    ],
)
def test_real_non_article_pages_give_none(real_pages: Path, rel: str) -> None:
    host, name = rel.split("/")
    url = f"https://{host}/{name}" if "wayback" not in name else f"http://{host}/Pages/default.aspx"
    assert extract_article(read(real_pages, rel), url) is None


# --------------------------------------------------------------------------- other CMS styles
def test_wordpress_time_datetime() -> None:
    html = page(
        "<title>Hội nghị triển khai nhiệm vụ năm 2024 – BHXH tỉnh Bình Định</title>",
        """<article class="post"><header class="entry-header">
        <h1 class="entry-title">Hội nghị triển khai nhiệm vụ năm 2024</h1>
        <div class="entry-meta"><time class="entry-date" datetime="2024-05-20T08:30:00+07:00">
        20 Tháng Năm, 2024</time> <span class="byline">Tác giả: Trần Minh</span></div></header>
        <div class="entry-content">"""
        + BODY
        + """
        <figure><img src="/wp-content/uploads/2024/05/hoi-nghi.jpg" alt="Toàn cảnh" width="800">
        <figcaption>Toàn cảnh hội nghị</figcaption></figure>
        <p><iframe src="https://www.youtube.com/embed/abc123"></iframe></p>
        <p>Nguồn: BHXH tỉnh Bình Định</p></div>
        <div class="sharedaddy">Chia sẻ: Facebook Twitter</div></article>""",
    )
    art = extract_article(html, "https://bhxh.binhdinh.gov.vn/hoi-nghi-trien-khai-nhiem-vu-2024/")
    assert art is not None
    assert art.title == "Hội nghị triển khai nhiệm vụ năm 2024"
    assert art.published == datetime(2024, 5, 20, 8, 30)
    assert art.date_source == "time"
    assert art.author == "Trần Minh"
    assert art.source_line == "Nguồn: BHXH tỉnh Bình Định"
    assert art.videos == ["https://www.youtube.com/embed/abc123"]
    assert [(i.caption, i.alt) for i in art.images] == [("Toàn cảnh hội nghị", "Toàn cảnh")]
    assert "Chia sẻ" not in art.body_text
    assert "Một tin khác" not in art.body_text


def test_jsonld_news_article() -> None:
    head = """<title>Infographic: Quyền lợi BHYT | BHXH tỉnh</title>
    <meta property="og:title" content="Infographic: Quyền lợi BHYT năm 2024">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"BreadcrumbList","itemListElement":[
        {"@type":"ListItem","position":1,"name":"Trang chủ"},
        {"@type":"ListItem","position":2,"name":"Bảo hiểm y tế"}]},
      {"@type":"NewsArticle","headline":"Infographic: Quyền lợi BHYT năm 2024",
       "datePublished":"2024-03-01T02:00:00Z","author":{"@type":"Person","name":"Lê Hoa"},
       "articleSection":"BHYT"}]}</script>"""
    main = (
        """<h1>Infographic: Quyền lợi BHYT năm 2024</h1>
    <div class="date">Cập nhật 05/03/2024 10:00</div><div class="content">"""
        + BODY
        + "</div>"
    )
    art = extract_article(page(head, main), "https://bhxh.x.gov.vn/tin/quyen-loi-bhyt-123.html")
    assert art is not None
    assert art.published == datetime(2024, 3, 1, 9, 0)  # JSON-LD wins, converted to UTC+7
    assert art.date_source == "jsonld"
    assert art.author == "Lê Hoa"
    assert art.category_label == "Bảo hiểm y tế"
    assert art.infographic is True


def test_dnn_like_date_line_and_right_aligned_author() -> None:
    head = "<title>Chi trả lương hưu qua tài khoản - BHXH tỉnh Đồng Nai</title>"
    main = (
        """<div class="dnnBreadcrumb"><a href="/">Trang chủ</a> &gt;
    <a href="/tin-tuc">Tin tức - Sự kiện</a></div>
    <h2 class="news-title">Chi trả lương hưu qua tài khoản</h2>
    <div class="news-date">Thứ Hai, 20/05/2024 - 08:30</div>
    <div class="news-body"><p style="font-weight:bold">Tỷ lệ người hưởng lương hưu nhận qua tài
    khoản ngân hàng tiếp tục tăng trong những tháng đầu năm 2024 trên địa bàn tỉnh.</p>"""
        + BODY
        + """
    <p align="right"><strong>Minh Anh</strong></p>
    <p align="right"><strong><em>Phó Ban biên tập</em></strong></p></div>
    <div class="tin-lien-quan"><h3>Tin liên quan</h3><a href="/tin/a-9.html">Tin cũ
    20/01/2024</a></div>"""
    )
    art = extract_article(
        page(head, main), "https://dongnai.baohiemxahoi.gov.vn/tin-tuc/chi-tra-99"
    )
    assert art is not None
    assert art.title == "Chi trả lương hưu qua tài khoản"
    assert art.published == datetime(2024, 5, 20, 8, 30)
    assert art.author == "Minh Anh"
    assert art.category_label == "Tin tức - Sự kiện"
    assert art.sapo and art.sapo.startswith("Tỷ lệ người hưởng lương hưu")
    assert art.infographic is False
    assert "Tin cũ" not in art.body_text


def test_url_date_fallback_and_caption_paragraph() -> None:
    main = (
        """<h1>Đối thoại chính sách BHXH với doanh nghiệp</h1><div class="noidung">"""
        + BODY
        + """
    <p style="text-align:center"><img src="/img/doi-thoai.jpg"></p>
    <p style="text-align:center"><em>Ảnh: Quang cảnh buổi đối thoại</em></p>
    <p><a href="/media/clip.mp4">Xem clip</a></p></div>"""
    )
    art = extract_article(
        page("<title>Đối thoại</title>", main), "https://x.gov.vn/2023/11/07/doi-thoai-chinh-sach/"
    )
    assert art is not None
    assert art.published == datetime(2023, 11, 7)
    assert art.date_source == "url"
    assert art.images[0].caption == "Ảnh: Quang cảnh buổi đối thoại"
    assert art.videos == ["https://x.gov.vn/media/clip.mp4"]


def test_meta_dates_and_section_are_read_but_never_outrank_the_visible_date() -> None:
    head = (
        "<title>Hội nghị triển khai</title>"
        '<meta property="article:published_time" content="2024-03-05T09:15:00+07:00">'
        '<meta property="article:section" content="Tin hoạt động">'
        '<meta name="author" content="Minh Anh">'
    )
    main = "<h1>Hội nghị triển khai nhiệm vụ năm 2024</h1>" + BODY
    art = extract_article(page(head, main), "https://x.gov.vn/tin/hoi-nghi")
    assert art is not None
    assert art.published == datetime(2024, 3, 5, 9, 15)
    assert art.date_source == "meta"
    assert art.category_label == "Tin hoạt động"
    assert art.author == "Minh Anh"  # no byline on the page: the <meta> one
    # a date the page shows wins over the <meta> one (some CMSs stamp generation time)
    shown = "<h1>Hội nghị triển khai nhiệm vụ năm 2024</h1><p>Ngày 01/03/2024</p>" + BODY
    art = extract_article(page(head, shown), "https://x.gov.vn/tin/hoi-nghi")
    assert art is not None
    assert art.published == datetime(2024, 3, 1)
    assert art.date_source == "text"


def test_listing_like_and_empty_pages_are_not_articles() -> None:
    items = "".join(
        f'<div class="item"><h3><a href="/tin/bai-viet-so-{i}-ve-bhxh.html">Bài viết số {i} về '
        f"chính sách bảo hiểm xã hội tự nguyện</a></h3><p>{PARA}</p></div>"
        for i in range(8)
    )
    assert (
        extract_article(page("<title>Tin tức</title>", items), "https://x.gov.vn/tin-tuc") is None
    )
    assert extract_article("", "https://x.gov.vn/a") is None
    assert extract_article("<html><body><p>ngắn</p></body></html>", "https://x.gov.vn/a") is None


def test_active_menu_item_is_the_last_resort_category() -> None:
    menu = """<nav class="mainmenu"><ul><li class="active"><a href="/">Trang chủ</a></li>
    <li class="active"><a href="/chinh-sach">Chính sách mới</a></li></ul></nav>"""
    main = "<h1>Điều chỉnh mức lương cơ sở từ 01/7/2024</h1><div class='ct'>" + BODY + "</div>"
    html = page("<title>Điều chỉnh mức lương cơ sở từ 01/7/2024</title>", menu + main)
    art = extract_article(html, "https://x.gov.vn/chinh-sach/dieu-chinh-luong-co-so-88.html")
    assert art is not None
    assert art.category_label == "Chính sách mới"
    assert art.breadcrumb == []


def test_wordpress_rel_category_link_is_the_category() -> None:
    # WordPress prints the post's category as rel="category tag"; the category menu (also
    # rel-less links in <nav>) must not win, and a "Trang chủ"-only breadcrumb gives nothing.
    main = (
        '<article class="post"><header><div class="entry-cats">'
        '<a href="/category/hoi-dap/" rel="category tag">Hỏi đáp</a></div>'
        "<h1>Thẻ BHYT hết hạn có được khám chữa bệnh không?</h1>"
        '<span class="posted-on">Ngày đăng: 1-11-2026</span></header>'
        f'<div class="entry-content">{BODY}</div></article>'
    )
    html = page("<title>Thẻ BHYT hết hạn có được khám chữa bệnh không? – BHXH</title>", main)
    art = extract_article(html, "https://x.gov.vn/2026/11/01/the-bhyt-het-han/")
    assert art is not None
    assert art.category_label == "Hỏi đáp"


def test_nfd_rel_category_label_comes_out_nfc() -> None:
    import unicodedata

    label = unicodedata.normalize("NFD", "Chính sách BHYT")
    main = (
        f'<article><p class="cat"><a rel="category" href="/c/bhyt/">{label}</a></p>'
        f"<h1>Quỹ BHYT chi trả hơn 12 tỷ đồng điều trị cho người bệnh</h1>{BODY}</article>"
    )
    head = "<title>Quỹ BHYT chi trả hơn 12 tỷ đồng điều trị cho người bệnh</title>"
    art = extract_article(page(head, main), "https://x.gov.vn/2026/10/31/quy-bhyt-chi-tra/")
    assert art is not None and art.category_label == "Chính sách BHYT"
    assert unicodedata.is_normalized("NFC", art.category_label)


@pytest.mark.parametrize(
    "after",
    [
        '<p class="nguon">Nguồn: Tạp chí Bảo hiểm xã hội</p>',
        '<div class="meta-end"><span>Nguồn: Tạp chí Bảo hiểm xã hội</span></div>',
    ],
)
def test_source_line_printed_after_the_text_block(after: str) -> None:
    # The template prints the source field after the editor's text, outside its block,
    # and the related-news box after it must not be read as credits.
    related = (
        '<div class="related"><p class="title">TIN BÀI LIÊN QUAN</p><ul>'
        '<li><a href="/a-1.html">Nguồn: một tin liên quan có tiêu đề rất dài</a></li>'
        '<li><a href="/a-2.html">Một tin liên quan khác cũng có tiêu đề dài</a></li></ul></div>'
    )
    main = (
        "<h1>Tích hợp thẻ BHYT trên VNeID: người dân khám bệnh thuận tiện hơn</h1>"
        f'<p class="date">22/10/2026 12:52</p><div class="body"><div>{BODY}</div></div>{after}{related}'
    )
    art = extract_article(page("", main), "https://x.gov.vn/tin/chi-tiet/1517")
    assert art is not None
    assert art.source_line == "Nguồn: Tạp chí Bảo hiểm xã hội"
    art2 = extract_article(page("", main.replace(after, "")), "https://x.gov.vn/tin/chi-tiet/1517")
    assert art2 is not None and art2.source_line is None


# --------------------------------------------------------------------------- holdout idioms
_PARA = (
    "Chiều 18/11/2026, tại hội trường UBND huyện, BHXH huyện đã phối hợp với các đại lý thu "
    "tổ chức hội nghị đối thoại với người dân về chính sách BHXH tự nguyện và BHYT hộ gia đình, "
    "giải đáp trực tiếp 27 câu hỏi về mức đóng, mức hỗ trợ và quyền lợi khi tham gia."
)


def _cms_page(
    body: str,
    title: str = "Đối thoại chính sách BHXH tự nguyện với người dân huyện Kiến Xương",
    crumb_title: bool = True,
) -> str:
    crumb = f"<li><span>{title}</span></li>" if crumb_title else ""
    return (
        f"<html><head><title>{title} - BHXH tỉnh</title></head><body>"
        '<ul class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li>'
        f"{crumb}</ul>{body}"
        '<div class="right-col"><h3>Liên kết website</h3><ul><li><a href="https://a.gov.vn">Sở Y tế</a></li></ul></div>'
        "</body></html>"
    )


def test_single_paragraph_post_with_its_title_as_last_crumb_is_an_article() -> None:
    """Joomla-like: one paragraph, the breadcrumb ends with the post's own title, the page
    says it is an Article only in microdata. That is a post, not a category page."""
    html = _cms_page(
        '<div class="item-page" itemscope itemtype="https://schema.org/Article">'
        '<h2 itemprop="headline">Đối thoại chính sách BHXH tự nguyện với người dân huyện Kiến Xương</h2>'
        '<dl class="article-info"><dd class="createdby" itemprop="author">Viết bởi <span itemprop="name">Minh Châu</span></dd>'
        '<dd><time datetime="2026-11-18T08:34:00+07:00">Ngày đăng: 18 Tháng 11 2026</time></dd></dl>'
        f'<div itemprop="articleBody"><p>{_PARA}</p>'
        '<p><img src="/images/2026/hoi-nghi.jpg" class="caption" title="Quang cảnh hội nghị đối thoại" width="600" height="400" alt="" /></p>'
        "</div></div>"
    )
    art = extract_article(html, "https://bhxh.example.vn/index.php/tin-tuc/tin-bhxh/1612-doi-thoai")
    assert art is not None
    assert art.published == datetime(2026, 11, 18, 8, 34)
    assert art.author == "Minh Châu"  # "Viết bởi" is the template's label
    assert [i.caption for i in art.images] == ["Quang cảnh hội nghị đối thoại"]


def test_category_page_heading_equal_to_last_crumb_is_still_rejected() -> None:
    html = _cms_page(
        f"<h1>Tin BHXH</h1><div class='intro'><p>{_PARA}</p></div>",
        title="Tin BHXH",
    )
    assert extract_article(html, "https://bhxh.example.vn/index.php/tin-tuc/tin-bhxh") is None


def test_labelled_source_and_author_fields_are_read() -> None:
    """Drupal-like fields: the label in one element, the value in the next."""
    html = _cms_page(
        '<article class="node"><h1>Đối thoại chính sách BHXH tự nguyện với người dân huyện Kiến Xương</h1>'
        '<div class="meta">18/11/2026 08:30</div>'
        f'<div class="field field--name-body"><p>{_PARA}</p><p>{_PARA}</p></div>'
        '<div class="field field--name-field-tac-gia"><div class="field__label">Tác giả</div><div class="field__item">Hải Yến</div></div>'
        '<div class="field field--name-field-nguon"><div class="field__label">Nguồn</div><div class="field__item">Tạp chí Bảo hiểm xã hội</div></div>'
        "</article>",
        crumb_title=False,
    )
    art = extract_article(html, "https://bhxh.example.vn/tin-tuc/2026/11/doi-thoai-chinh-sach")
    assert art is not None
    assert art.author == "Hải Yến"
    assert art.source_line == "Nguồn: Tạp chí Bảo hiểm xã hội"


def test_bracketed_theo_credit_is_the_source() -> None:
    html = _cms_page(
        '<div class="chi-tiet"><h1>Đối thoại chính sách BHXH tự nguyện với người dân huyện Kiến Xương</h1>'
        '<div class="ngay">18/11/2026</div><div class="noi-dung">'
        f'<p>{_PARA}</p><p>{_PARA}</p><p style="text-align: right;">(Theo baohiemxahoi.gov.vn)</p></div></div>',
        crumb_title=False,
    )
    art = extract_article(html, "https://bhxh.example.vn/tin/doi-thoai-a1.html")
    assert art is not None
    assert art.source_line == "Nguồn: baohiemxahoi.gov.vn"


def test_word_count_leaves_out_lead_captions_and_credits() -> None:
    html = _cms_page(
        '<div class="chi-tiet"><h1>Đối thoại chính sách BHXH tự nguyện với người dân huyện Kiến Xương</h1>'
        '<div class="ngay">18/11/2026</div><div class="noi-dung">'
        "<p><strong>BHXH huyện Kiến Xương vừa tổ chức hội nghị đối thoại chính sách với hơn 300 người dân.</strong></p>"
        f'<p>{_PARA}</p><p style="text-align:center"><img src="/up/a.jpg" /></p>'
        '<p style="text-align:center"><em>Các đại biểu dự hội nghị đối thoại tại hội trường UBND huyện</em></p>'
        f'<p>{_PARA}</p><p style="text-align: right;"><b>Minh Châu</b></p></div></div>',
        crumb_title=False,
    )
    art = extract_article(html, "https://bhxh.example.vn/tin/doi-thoai-a2.html")
    assert art is not None
    assert art.sapo and art.sapo.startswith("BHXH huyện Kiến Xương")
    assert art.images[0].caption and "Các đại biểu" not in art.body_text
    assert art.word_count == 2 * len(_PARA.split())
