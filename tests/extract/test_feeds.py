from __future__ import annotations

import gzip
from datetime import datetime

from portal_lint.extract.feeds import find_feed_links, parse_feed, parse_sitemap

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>BHXH tỉnh</title><link>https://bhxh.x.gov.vn/</link>
<item><title>Hội nghị &amp; tập huấn</title><link>/tin-tuc/hoi-nghi-1.html?utm_source=rss</link>
<pubDate>Mon, 20 May 2024 01:30:00 GMT</pubDate>
<description>&lt;p&gt;Tóm tắt &lt;b&gt;ngắn&lt;/b&gt;&lt;/p&gt;</description></item>
<item><title>Không ngày</title><link>https://bhxh.x.gov.vn/tin-tuc/b-2.html</link></item>
</channel></rss>""".encode()

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Tin</title>
<entry><title>Chi trả lương hưu</title><link href="https://bhxh.x.gov.vn/a-3.html"/>
<id>tag:x,2024:3</id><updated>2024-06-01T08:00:00+07:00</updated>
<published>2024-06-01T08:00:00+07:00</published></entry></feed>""".encode()


def test_parse_rss() -> None:
    items = parse_feed(RSS, "https://bhxh.x.gov.vn/rss")
    assert items is not None and len(items) == 2
    first = items[0]
    assert first.url == "https://bhxh.x.gov.vn/tin-tuc/hoi-nghi-1.html"
    assert first.title == "Hội nghị & tập huấn"
    assert first.published == datetime(2024, 5, 20, 8, 30)  # GMT -> Vietnam time
    assert first.summary == "Tóm tắt ngắn"
    assert items[1].published is None


def test_parse_atom() -> None:
    items = parse_feed(ATOM, "https://bhxh.x.gov.vn/feed")
    assert items is not None
    assert [(i.url, i.published) for i in items] == [
        ("https://bhxh.x.gov.vn/a-3.html", datetime(2024, 6, 1, 8, 0))
    ]


def test_not_a_feed() -> None:
    assert parse_feed("<html><body><p>Trang chủ</p></body></html>".encode(), "https://x/") is None
    assert parse_feed(b"", "https://x/") is None
    assert parse_feed(bytes(range(256)), "https://x/") is None


def test_find_feed_links() -> None:
    html = """<html><head>
    <link rel="alternate" type="application/rss+xml" href="/rss/tin-tuc.rss">
    <link rel="alternate" hreflang="en" href="/en/">
    <link rel="stylesheet" href="/a.css"></head><body>
    <a href="/Pages/rss.aspx">RSS</a> <a href="/feed/">Theo dõi</a> <a href="/tin-tuc">Tin</a>
    </body></html>"""
    links = find_feed_links(html, "https://bhxh.x.gov.vn/")
    assert links == [
        "https://bhxh.x.gov.vn/rss/tin-tuc.rss",
        "https://bhxh.x.gov.vn/Pages/rss.aspx",
        "https://bhxh.x.gov.vn/feed/",
    ]
    assert find_feed_links("", "https://x/") == []


SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://bhxh.x.gov.vn/a-1.html</loc><lastmod>2024-05-20T01:30:00+00:00</lastmod></url>
<url><loc>https://bhxh.x.gov.vn/b-2.html</loc><news:news><news:publication_date>2024-05-21</news:publication_date>
<news:title>Tin B</news:title></news:news></url>
<url><loc>https://bhxh.x.gov.vn/c-3.html</loc></url>
</urlset>"""


def test_parse_sitemap_urlset() -> None:
    result = parse_sitemap(SITEMAP, "https://bhxh.x.gov.vn/sitemap.xml")
    assert result is not None
    items, nested = result
    assert nested == []
    # lastmod is a modification time (upper bound), never taken as the publication date
    assert [(i.url, i.published, i.modified) for i in items] == [
        ("https://bhxh.x.gov.vn/a-1.html", None, datetime(2024, 5, 20, 8, 30)),
        ("https://bhxh.x.gov.vn/b-2.html", datetime(2024, 5, 21), None),
        ("https://bhxh.x.gov.vn/c-3.html", None, None),
    ]
    assert items[1].title == "Tin B"


def test_parse_sitemap_index_and_gzip() -> None:
    index = b"""<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://bhxh.x.gov.vn/sitemap-1.xml</loc></sitemap>
    <sitemap><loc>/sitemap-2.xml.gz</loc></sitemap></sitemapindex>"""
    result = parse_sitemap(gzip.compress(index), "https://bhxh.x.gov.vn/sitemap.xml.gz")
    assert result == (
        [],
        ["https://bhxh.x.gov.vn/sitemap-1.xml", "https://bhxh.x.gov.vn/sitemap-2.xml.gz"],
    )


def test_parse_sitemap_refuses_broken_and_hostile_xml() -> None:
    assert parse_sitemap(b"<urlset><url><loc>https://x/a", "https://x/") is None
    assert parse_sitemap(b"<html><body>404</body></html>", "https://x/") is None
    bomb = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
    <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
    <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
    <urlset><url><loc>&lol3;</loc></url></urlset>"""
    assert parse_sitemap(bomb, "https://x/") is None
    xxe = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>
    <urlset><url><loc>&x;</loc></url></urlset>"""
    assert parse_sitemap(xxe, "https://x/") is None
    assert parse_sitemap(b"\x1f\x8b not really gzip", "https://x/") is None


def _lol_doc(root: bytes) -> bytes:
    ents = b'<!ENTITY l0 "lol">' + b"".join(
        b'<!ENTITY l%d "%s">' % (i, b"".join(b"&l%d;" % (i - 1) for _ in range(10)))
        for i in range(1, 10)
    )
    return b'<?xml version="1.0"?><!DOCTYPE r [' + ents + b"]>" + root


def test_hostile_feeds_expand_nothing() -> None:
    """Billion laughs and external entities: parsed without expansion, never read from disk."""
    bomb = _lol_doc(
        b'<rss version="2.0"><channel><item><title>&l9;</title><link>http://a.vn/x</link></item></channel></rss>'
    )
    items = parse_feed(bomb, "http://a.vn/feed")
    assert items is None or all(len(i.title) < 10_000 for i in items)
    xxe = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<rss version="2.0"><channel><item><title>&x;</title><link>http://a.vn/y</link></item></channel></rss>'
    )
    items = parse_feed(xxe, "http://a.vn/feed")
    assert items is None or all("root:" not in i.title for i in items)
    assert (
        parse_sitemap(_lol_doc(b"<urlset><url><loc>&l9;</loc></url></urlset>"), "http://a.vn/s.xml")
        is None
    )
