"""Six CMS styles of Vietnamese government portals, rendered from a `SiteData`.

Each theme owns its URL scheme, menus, breadcrumbs, listings, pagination, date formats,
search forms, counters and footers, modelled on real portals (see shared/real-pages):
SharePoint 2013 (VSS portal), Liferay 6 (Sở TT&TT Hà Nội), DNN "Portal VNPT", WordPress,
a modern custom site with JSON-LD and a JS counter, and SharePoint 2010 + Lạc Việt CMS.

Pure: a theme maps a `Req` to a `Resp`; the only state it touches is the visit counter,
through `req.hit()`, which the server owns.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from html import escape
from urllib.parse import quote, urlencode

from portal_lint.demo import content as C
from portal_lint.demo.model import GenArticle, GenDocument, SiteData

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
VSSID_PLAY = "https://play.google.com/store/apps/details?id=com.bhxhapp"
ACTIVE = ' class="active"'
VSSID_IOS = "https://apps.apple.com/vn/app/vssid/id1521647257"


@dataclass
class Req:
    method: str
    path: str
    query: dict[str, str]
    base: str  # "http://127.0.0.1:PORT" (no trailing slash)
    form: dict[str, str] = field(default_factory=dict)
    hit: Callable[[], int | None] = lambda: None  # registers a visit; returns the counter value


@dataclass
class Resp:
    status: int = 200
    body: str | bytes = ""
    ctype: str = "text/html"
    headers: dict[str, str] = field(default_factory=dict)
    last_modified: datetime | None = None  # Vietnam local time
    dynamic: bool = False  # changes between requests (server-side counter)


def e(text: str | None) -> str:
    return escape(text or "", quote=True)


def not_found(msg: str = "Không tìm thấy trang yêu cầu") -> Resp:
    return Resp(
        404,
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>404</title></head><body><h1>404</h1><p>{msg}</p></body></html>',
    )


def redirect(location: str, status: int = 302) -> Resp:
    return Resp(status, "", headers={"Location": location})


def thousands(n: int, sep: str = ".") -> str:
    return f"{n:,}".replace(",", sep)


class Theme:
    """Shared machinery; subclasses define the markup and URL scheme."""

    cms = ""
    labels: dict[str, str] = {}
    page_size = 10
    search_field = "q"

    def __init__(self, site: SiteData) -> None:
        self.site = site
        self.spec = site.spec
        self.d = site.spec.defects
        self.newest = site.articles[0].published if site.articles else datetime(2000, 1, 1)

    # ---- URL scheme (override)
    def article_path(self, a: GenArticle) -> str:
        raise NotImplementedError

    def handle(self, req: Req) -> Resp:
        raise NotImplementedError

    # ---- shared helpers
    def label(self, a: GenArticle) -> str:
        return self.labels[a.listed_under]

    def page_of(self, items: list, page: int) -> list:
        return items[(page - 1) * self.page_size : page * self.page_size]

    def n_pages(self, items: list) -> int:
        return max(1, -(-len(items) // self.page_size))

    def find_articles(self, q: str) -> list[GenArticle]:
        fq = C.fold(q)
        if not fq:
            return []
        return [a for a in self.site.articles if fq in C.fold(a.title)][:50]

    def find_documents(self, q: str) -> list[GenDocument]:
        fq = C.fold(q)
        if not fq:
            return []
        return [
            x for x in self.site.documents if fq in C.fold(x.number) or fq in C.fold(x.summary)
        ][:50]

    def search_outcome(self, kind: str) -> str:
        return getattr(self.d, f"search_{kind}")

    def vssid_block(self) -> str:
        if not self.d.vssid:
            return ""
        return (
            f'<div class="app-vssid"><a href="{VSSID_PLAY}" target="_blank" rel="noopener">'
            f'<img src="/images/banner-vssid.png" alt="Cài đặt ứng dụng VssID - BHXH số"></a>'
            f'<p>Tải ứng dụng <strong>VssID</strong>: <a href="{VSSID_PLAY}">Google Play</a> | '
            f'<a href="{VSSID_IOS}">App Store</a></p></div>'
        )

    def social_links(self) -> str:
        out = []
        if self.site.fanpage_url:
            out.append(
                f'<a href="{self.site.fanpage_url}" target="_blank" title="Fanpage BHXH tỉnh {e(self.spec.province)}">Facebook</a>'
            )
        if self.site.zalo_url:
            out.append(f'<a href="{self.site.zalo_url}" target="_blank">Zalo OA</a>')
        return " ".join(out)

    def body_html(self, a: GenArticle, caption_style: str) -> str:
        """Paragraphs with images and media inserted after the first paragraph."""
        parts = []
        for i, p in enumerate(a.paragraphs):
            parts.append(f"<p>{e(p)}</p>")
            if i == 0:
                parts += [
                    self.image_html(im.src, im.caption, im.alt, caption_style) for im in a.images
                ]
                if a.video:
                    parts.append(self.video_html(a))
        if not a.paragraphs:
            parts += [self.image_html(im.src, im.caption, im.alt, caption_style) for im in a.images]
        return "\n".join(parts)

    def video_html(self, a: GenArticle) -> str:
        return (
            f'<div class="video-container"><iframe width="640" height="360" src="https://www.youtube.com/embed/{a.video}" '
            f'title="{e(a.title)}" frameborder="0" allowfullscreen></iframe></div>'
        )

    @staticmethod
    def image_html(src: str, caption: str | None, alt: str, style: str) -> str:
        if style == "figure":
            cap = f"<figcaption>{e(caption)}</figcaption>" if caption else ""
            return f'<figure class="image"><img src="{src}" alt="{e(alt)}" loading="lazy">{cap}</figure>'
        if style == "table":
            cap = f'<tr><td class="image_desc"><p>{e(caption)}</p></td></tr>' if caption else ""
            return f'<table class="image center" align="center"><tbody><tr><td><img src="{src}" alt="{e(alt)}"></td></tr>{cap}</tbody></table>'
        cap = f'<p style="text-align: center;"><em>Ảnh: {e(caption)}</em></p>' if caption else ""
        return f'<p style="text-align: center;"><img src="{src}" alt="" style="width: 600px;"></p>{cap}'

    def search_results(self, q: str, items: list[tuple[str, str, str]], wrap: str) -> str:
        if not items:
            return f'<div class="{wrap}"><p class="no-result">Không tìm thấy kết quả nào phù hợp với từ khóa "{e(q)}".</p></div>'
        lis = "\n".join(
            f'<li><a href="{e(u)}">{e(t)}</a> <span class="date">{e(dt)}</span></li>'
            for u, t, dt in items
        )
        return f'<div class="{wrap}"><p>Tìm thấy {len(items)} kết quả cho từ khóa "{e(q)}"</p><ul>{lis}</ul></div>'

    def article_search(self, req: Req, q: str, fmt: Callable[[GenArticle], str]) -> tuple[int, str]:
        mode = self.search_outcome("articles")
        if mode == "broken-500":
            return 500, ""
        hits = [] if mode == "broken-empty" else self.find_articles(q)
        return 200, self.search_results(
            q, [(self.article_path(a), a.title, fmt(a)) for a in hits], "search-result"
        )

    def doc_search(self, q: str, doc_path: Callable[[GenDocument], str]) -> tuple[int, str]:
        mode = self.search_outcome("documents")
        if mode == "broken-500":
            return 500, ""
        hits = [] if mode == "broken-empty" else self.find_documents(q)
        return 200, self.search_results(
            q,
            [
                (doc_path(x), f"{x.number} - {x.summary}", x.issued.strftime("%d/%m/%Y"))
                for x in hits
            ],
            "vanban-result",
        )

    def spokes_paragraph(self) -> str:
        s = self.site.spokesperson
        if not any(s.values()):
            return ""
        lines = []
        if s["name"]:
            lines.append(f"Người phát ngôn: Ông/Bà <strong>{e(s['name'])}</strong>")
        if s["title"]:
            lines.append(f"Chức vụ: {e(s['title'])}")
        if s["phone"]:
            lines.append(f"Điện thoại: {e(s['phone'])}")
        if s["email"]:
            lines.append(f'Email: <a href="mailto:{e(s["email"])}">{e(s["email"])}</a>')
        return '<p class="nguoi-phat-ngon">' + "<br>".join(lines) + "</p>"

    def spokes_table(self) -> str:
        s = self.site.spokesperson
        if not any(s.values()):
            return ""
        rows = []
        if s["name"]:
            rows.append(
                f'<p><b>Đồng chí</b> <font color="#0000cd"><b>{e(s["name"])}</b></font></p>'
            )
        for lab, k in (("Chức vụ", "title"), ("Điện thoại", "phone"), ("Email", "email")):
            if s[k]:
                rows.append(f'<p>{lab}:<span style="color:#0000cd;">&nbsp;{e(s[k])}</span></p>')
        return f'<table border="0" cellpadding="1" cellspacing="1" style="width: 100%;"><tbody><tr><td>{"".join(rows)}</td></tr></tbody></table>'

    def all_links(self) -> list[tuple[str, str]]:
        """Department links interleaved with national ones (which must not count)."""
        out: list[tuple[str, str]] = []
        nat = list(self.site.national_links)
        for i, l in enumerate(self.site.department_links):
            out.append(l)
            if i % 2 == 1 and nat:
                out.append(nat.pop(0))
        return out + nat

    def rss(self, req: Req, title: str, items: list[GenArticle]) -> Resp:
        if self.d.feed == "missing":
            return not_found()
        its = "".join(
            f"<item><title>{e(a.title)}</title><link>{req.base}{self.article_path(a)}</link>"
            f"<guid>{req.base}{self.article_path(a)}</guid><pubDate>{rfc822(a.published)}</pubDate>"
            f"<category>{e(self.label(a))}</category><description>{e(a.sapo)}</description></item>"
            for a in items[:20]
        )
        body = (
            f'<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>{e(title)}</title>'
            f"<link>{req.base}/</link><description>{e(self.spec.name)}</description><language>vi</language>{its}</channel></rss>"
        )
        if self.d.feed == "malformed":
            body = body[: len(body) * 2 // 3] + "<item><title>Tin & sự kiện</titl"
        return Resp(200, body, "application/rss+xml", last_modified=self.newest)

    def sitemap(self, req: Req) -> Resp:
        if self.d.sitemap == "missing":
            return not_found()
        urls = "".join(
            f"<url><loc>{req.base}{self.article_path(a)}</loc><lastmod>{a.published.date().isoformat()}</lastmod></url>"
            for a in self.site.articles
        )
        body = f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>{req.base}/</loc></url>{urls}</urlset>'
        if self.d.sitemap == "malformed":
            body = body.replace("</url><url>", "</url><url", 3)[: -len("</urlset>")]
        return Resp(200, body, "application/xml", last_modified=self.newest)

    def robots(self) -> Resp:
        return Resp(200, "User-agent: *\nDisallow: /admin/\n", "text/plain")

    def page(
        self,
        req: Req,
        inner: str,
        *,
        title: str,
        lm: datetime | None = None,
        canonical: str | None = None,
        counter_shown: bool = False,
        head_extra: str = "",
    ) -> Resp:
        value = req.hit()
        html = self.layout(
            req,
            inner,
            title=title,
            canonical=canonical,
            counter=value if counter_shown else None,
            head_extra=head_extra,
        )
        return Resp(
            200,
            html,
            last_modified=lm or self.newest,
            dynamic=counter_shown and self.d.counter != "missing",
        )

    def layout(
        self,
        req: Req,
        inner: str,
        *,
        title: str,
        canonical: str | None,
        counter: int | None,
        head_extra: str,
    ) -> str:
        raise NotImplementedError

    def int_arg(self, req: Req, name: str) -> int:
        try:
            return max(1, int(req.query.get(name, "1")))
        except ValueError:
            return 1


def rfc822(t: datetime) -> str:
    utc = t - timedelta(hours=7)
    return utc.strftime("%a, %d %b %Y %H:%M:%S GMT")


def ampm(t: datetime) -> str:
    return t.strftime("%d/%m/%Y %I:%M ") + ("AM" if t.hour < 12 else "PM")


# =========================================================================== SharePoint 2013
class SharePoint2013(Theme):
    cms = "sp2013"
    labels = {
        "hoat-dong": "Tin hoạt động BHXH tỉnh",
        "bhxh": "Lĩnh vực Bảo hiểm xã hội",
        "bhyt": "Lĩnh vực Bảo hiểm y tế",
        "bhtn": "Bảo hiểm thất nghiệp",
        "chuyen-doi-so": "Chuyển đổi số",
        "guong-dien-hinh": "Gương điển hình",
        "hoi-dap": "Hỏi đáp chính sách",
    }
    cate_ids = {
        "hoat-dong": 165,
        "bhxh": 168,
        "bhyt": 169,
        "bhtn": 170,
        "chuyen-doi-so": 181,
        "guong-dien-hinh": 175,
        "hoi-dap": 177,
    }
    page_size = 12

    def cat_path(self, cat: str, page: int = 1) -> str:
        p = f"/tintuc/Pages/{C.slugify(self.labels[cat])}.aspx?CateID={self.cate_ids[cat]}"
        return p + (f"&amp;Page={page}" if page > 1 else "")

    def article_path(self, a: GenArticle) -> str:
        return f"/tintuc/Pages/{C.slugify(self.labels[a.listed_under])}.aspx?CateID={self.cate_ids[a.listed_under]}&ItemID={a.id}"

    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        menu = "".join(
            f'<li><a href="{self.cat_path(c)}">{e(l)}</a></li>' for c, l in self.labels.items()
        )
        links = "".join(
            f'<li><a href="{u}" target="_blank">{e(t)}</a></li>' for t, u in self.all_links()
        )
        cnt = ""
        if counter is not None:
            cnt = f'<div class="thongke"><span>Lượt truy cập: </span><b id="luottruycap">{thousands(counter)}</b> <span>Đang online: </span><b>{counter % 37 + 5}</b></div>'
        can = f'<link rel="canonical" href="{canonical}" />' if canonical else ""
        return f"""<!DOCTYPE html>
<html dir="ltr" lang="vi-VN"><head><meta http-equiv="X-UA-Compatible" content="IE=10"/><meta name="GENERATOR" content="Microsoft SharePoint"/>
<meta http-equiv="Content-type" content="text/html; charset=utf-8"/><title>{e(title)}</title>{can}{head_extra}
<link rel="stylesheet" type="text/css" href="/Style%20Library/css/style.css"/>
<script type="text/javascript">var _spPageContextInfo={{webServerRelativeUrl:"/tintuc",siteClientTag:"0$$15.0.4569.1000"}};</script></head>
<body><form method="post" action="" id="aspNetForm"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIFD2QWAgIBD2QWAg==" />
<div id="s4-workspace"><div class="header"><a href="/Pages/default.aspx"><img src="/Publishing_Home/images/logo.png" alt="{e(self.spec.name)}"/></a>
<div class="col-xs-12 none-padding timkiem">{self.search_box()}</div></div>
<div class="menu"><ul class="ul-menu"><li><a href="/Pages/default.aspx">Trang chủ</a></li><li><a href="/gioithieu/Pages/nguoi-phat-ngon.aspx">Giới thiệu</a></li>{menu}<li><a href="/vanban/Pages/default.aspx">Văn bản</a></li></ul></div>
<div class="col-xs-12 none-padding pushmenu-push"><div class="col-sm-9 col-xs-12">{inner}</div>
<div class="col-sm-3 col-xs-12 sidebar"><div id="CategoryNews"><p class="title">DANH MỤC TIN</p><ul>{menu}</ul></div>{self.vssid_block()}
<div id="divWebsiteLinks"><p class="title">LIÊN KẾT WEBSITE</p><ul>{links}</ul></div></div></div>
<div class="footer"><p>Cổng thông tin điện tử {e(self.spec.name)}</p><p>Địa chỉ: Số 15 đường Trần Phú, tỉnh {e(self.spec.province)}</p>
<p>Thư điện tử: bhxh.{self.spec.domain.split(".")[0]}@vss.gov.vn - Số điện thoại: 0239.3855.123</p><p>{self.social_links()}</p>{cnt}</div></div></form></body></html>"""

    def search_box(self) -> str:
        if self.d.search_articles == "absent":
            return ""
        return (
            '<input id="searchHome" type="text" class="form-control timkiem" placeholder="Nhập từ khóa tìm kiếm">'
            '<button id="btnSearchHome" class="btn btn-default" type="button" '
            "onclick=\"window.location.href='/pages/tim-kiem.aspx?kwd='+encodeURIComponent(document.getElementById('searchHome').value)\">Tìm kiếm</button>"
        )

    def item(self, a: GenArticle, with_sapo: bool = True) -> str:
        sapo = f'<p class="sapo">{e(a.sapo)}</p>' if with_sapo and a.sapo else ""
        img = f'<img src="{a.images[0].src}" alt="" class="img-thumb"/>' if a.images else ""
        return f'<div class="tin-item">{img}<p class="tieu-de"><a href="{self.article_path(a).replace("&", "&amp;")}">{e(a.title)}</a></p><p class="ngay">({a.published:%d/%m/%Y})</p>{sapo}</div>'

    def handle(self, req: Req) -> Resp:
        p = req.path
        if p == "/":
            return redirect("/Pages/default.aspx")
        if p.lower() == "/pages/default.aspx":
            top = "".join(self.item(a) for a in self.site.articles[:8])
            boxes = "".join(
                f'<div class="box-cate"><ul class="ul-tieude"><li><a href="{self.cat_path(c)}">{e(l)}</a></li></ul>'
                + "".join(self.item(a, False) for a in self.site.by_listing[c][:4])
                + "</div>"
                for c, l in self.labels.items()
            )
            return self.page(
                req,
                f'<div class="tin-noi-bat"><h2>TIN MỚI</h2>{top}</div>{boxes}',
                title=f"Trang chủ - {self.spec.name}",
                counter_shown=True,
            )
        if p.startswith("/tintuc/Pages/") and "CateID" in req.query:
            cat = next((c for c, i in self.cate_ids.items() if str(i) == req.query["CateID"]), None)
            if cat is None:
                return not_found()
            if "ItemID" in req.query:
                a = (
                    self.site.by_id.get(int(req.query["ItemID"]))
                    if req.query["ItemID"].isdigit()
                    else None
                )
                if a is None or a.listed_under != cat:
                    return not_found()
                return self.article(req, a)
            items = self.site.by_listing[cat]
            page = self.int_arg(req, "Page")
            if page > self.n_pages(items):
                return not_found()
            lis = "".join(self.item(a) for a in self.page_of(items, page))
            pager = "".join(
                f'<a href="{self.cat_path(cat, k)}"{ACTIVE if k == page else ""}>{k}</a> '
                for k in range(1, self.n_pages(items) + 1)
            )
            bc = f'<div class="breadcrumb"><ul><li><a href="/Pages/default.aspx">Trang chủ</a> &gt;</li><li><a href="/tintuc">Tin tức</a> &gt;</li><li><a href="{self.cat_path(cat)}" class="selected">{e(self.labels[cat])}</a></li></ul></div>'
            return self.page(
                req,
                f'{bc}<div class="list-tin">{lis}</div><div class="paging">{pager}</div>',
                title=self.labels[cat],
                lm=items[(page - 1) * self.page_size].published if items else None,
            )
        if p.lower() == "/pages/tim-kiem.aspx" and self.d.search_articles != "absent":
            q = req.query.get("kwd", "")
            st, html = self.article_search(req, q, lambda a: f"({a.published:%d/%m/%Y})")
            if st != 200:
                return Resp(
                    st,
                    "<html><body><h1>Sorry, something went wrong</h1><p>An unexpected error has occurred.</p></body></html>",
                )
            return self.page(req, f"<h1>Kết quả tìm kiếm</h1>{html}", title="Tìm kiếm")
        if p == "/gioithieu/Pages/nguoi-phat-ngon.aspx":
            body = (
                '<div class="gioi-thieu"><h1>Người phát ngôn và cung cấp thông tin cho báo chí</h1>'
                f"<p>Thực hiện Nghị định số 09/2017/NĐ-CP, BHXH tỉnh {e(self.spec.province)} công bố người phát ngôn như sau:</p>{self.spokes_paragraph()}</div>"
            )
            return self.page(req, body, title="Người phát ngôn")
        if p == "/vanban/Pages/default.aspx":
            return self.docs_page(req)
        if p == "/vanban/Pages/chi-tiet.aspx":
            return doc_detail(self, req, req.query.get("ItemID", ""))
        if p == "/vanban/Pages/tra-cuu.aspx" and self.d.search_documents != "absent":
            st, html = self.doc_search(req.query.get("tukhoa", ""), self.doc_path)
            if st != 200:
                return Resp(st, "<html><body><h1>Sorry, something went wrong</h1></body></html>")
            return self.page(req, html, title="Tra cứu văn bản")
        if p == "/robots.txt":
            return Resp(
                200, "User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\n", "text/plain"
            )
        return not_found()

    def doc_path(self, x: GenDocument) -> str:
        return f"/vanban/Pages/chi-tiet.aspx?ItemID={x.id}"

    def docs_page(self, req: Req) -> Resp:
        form = (
            (
                # Inside SharePoint's page-wide aspNetForm a nested <form> is ignored by browsers:
                # like the real portal, the box is driven by script.
                '<div class="tracuu"><label for="txtTraCuuVB">Số/ký hiệu, trích yếu:</label>'
                '<input type="text" id="txtTraCuuVB"/><button type="button" '
                "onclick=\"window.location.href='/vanban/Pages/tra-cuu.aspx?tukhoa='+"
                "encodeURIComponent(document.getElementById('txtTraCuuVB').value)\">Tra cứu</button></div>"
            )
            if self.d.search_documents != "absent"
            else ""
        )
        return docs_table_page(self, req, form, "Page")

    def article(self, req: Req, a: GenArticle) -> Resp:
        canonical = req.base + self.article_path(a)
        sapo = f'<p style="font-weight: bold;">{e(a.sapo)}</p>' if a.sapo else ""
        author = f'<p class="tacgia">{e(a.author)}</p>' if a.author else ""
        src = f'<p class="nguon">{e(a.source)}</p>' if a.source else ""
        related = "".join(
            f'<li><a href="{self.article_path(r).replace("&", "&amp;")}&amp;OtItem=date">{e(r.title)}</a> ({r.published:%d/%m/%Y})</li>'
            for r in self.site.by_listing[a.listed_under][:10]
            if r.id != a.id
        )
        inner = f"""<div class="breadcrumb active"><ul><li><a href="/Pages/default.aspx">Trang chủ</a> &gt;</li><li><a href="/tintuc">Tin tức</a> &gt;</li><li><a href="{self.cat_path(a.listed_under)}" class="selected active">{e(self.label(a))}</a></li></ul></div>
<ul class="ul-tieude"><li><a href="?CateID={self.cate_ids[a.listed_under]}">{e(self.label(a))}</a></li></ul>
<p class="tieu-de">{e(a.title)}</p><div class="col-xs-12 none-padding sukien"><p>{ampm(a.published)}</p></div>
<div id="contenttin">{sapo}<div class="ExternalClass{a.id:08X}">{self.body_html(a, "para")}</div></div>{author}{src}
<div class="tin-lien-quan"><p class="title">TIN BÀI LIÊN QUAN</p><ul>{related}</ul></div>"""
        return self.page(req, inner, title=a.title, lm=a.published, canonical=canonical)


def docs_table_page(t: Theme, req: Req, form: str, page_param: str) -> Resp:
    docs = t.site.documents
    page = t.int_arg(req, page_param)
    size = 15
    rows = "".join(
        f'<tr><td>{i}</td><td><a href="{t.doc_path(x)}">{e(x.number)}</a></td><td>{x.issued:%d/%m/%Y}</td><td>{e(x.summary)}</td></tr>'  # type: ignore[attr-defined]
        for i, x in enumerate(docs[(page - 1) * size : page * size], start=(page - 1) * size + 1)
    )
    n = max(1, -(-len(docs) // size))
    sep = "&amp;" if "?" in req.path else "?"
    pager = " ".join(f'<a href="{req.path}{sep}{page_param}={k}">{k}</a>' for k in range(1, n + 1))
    body = (
        f'<h1>Văn bản</h1>{form}<table class="table-vanban"><thead><tr><th>STT</th><th>Số/Ký hiệu</th>'
        f'<th>Ngày ban hành</th><th>Trích yếu</th></tr></thead><tbody>{rows}</tbody></table><div class="paging">{pager}</div>'
    )
    return t.page(req, body, title="Văn bản")


def doc_detail(t: Theme, req: Req, ident: str) -> Resp:
    x = next((x for x in t.site.documents if str(x.id) == ident), None)
    if x is None:
        return not_found()
    body = (
        f'<div class="vanban-chitiet"><h1>{e(x.kind)} số {e(x.number)}</h1><table><tr><td>Số/Ký hiệu</td><td>{e(x.number)}</td></tr>'
        f"<tr><td>Ngày ban hành</td><td>{x.issued:%d/%m/%Y}</td></tr><tr><td>Loại văn bản</td><td>{e(x.kind)}</td></tr>"
        f"<tr><td>Trích yếu</td><td>{e(x.summary)}</td></tr><tr><td>Người ký</td><td>{e(x.signer)}</td></tr>"
        f'<tr><td>Tệp đính kèm</td><td><a href="/Uploads/vanban/{x.id}.pdf">Tải về</a></td></tr></table></div>'
    )
    return t.page(req, body, title=f"{x.number} - {x.summary}")


# =========================================================================== Liferay 6
class Liferay6(Theme):
    cms = "liferay6"
    labels = {
        "hoat-dong": "Tin tức - Sự kiện",
        "bhxh": "Chính sách BHXH",
        "bhyt": "Chính sách BHYT",
        "bhtn": "Bảo hiểm thất nghiệp",
        "chuyen-doi-so": "Chuyển đổi số",
        "guong-dien-hinh": "Gương người tốt việc tốt",
        "hoi-dap": "Hỏi - Đáp",
    }
    page_size = 10
    instance = "Xu7kQm2LbT3a"

    def cat_path(self, cat: str) -> str:
        return "/" + C.slugify(self.labels[cat])

    def article_path(self, a: GenArticle) -> str:
        return f"{self.cat_path(a.listed_under)}/-/view_content/{a.id}-{a.slug}"

    def alias_path(self, a: GenArticle) -> str:
        return f"/web/guest{self.cat_path(a.listed_under)}/-/asset_publisher/{self.instance}/content/{a.slug}"

    def date(self, a: GenArticle) -> str:
        return a.published.strftime("%d/%m/%Y | %I:%M ") + ("AM" if a.published.hour < 12 else "PM")

    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        nav = "".join(
            f'<li class="lfr-nav-item"><a href="{self.cat_path(c)}"><span>{e(l)}</span></a></li>'
            for c, l in self.labels.items()
        )
        opts = "".join(f'<option value="{u}">{e(t)}</option>' for t, u in self.all_links())
        sel = (
            f'<div class="portlet-boundary portlet-boundary_2_WAR_portallienketportlet_"><div class="portlet-title">Liên kết website</div>'
            f'<select id="_2_WAR_portallienketportlet_INSTANCE_rSvZXkdJPihc_selectWeblink" onChange="openSelectedWeblink(this)">'
            f'<option value="">-- Chọn liên kết --</option><optgroup label="Các sở, ban, ngành">{opts}</optgroup></select></div>'
        )
        cnt = ""
        if counter is not None:
            cnt = (
                f'<div class="portlet-boundary_portalsessiontrackingportlet_"><div class="portlet-title">Số lượng truy cập</div>'
                f'<div class="online">Đang truy cập: {counter % 41 + 3}</div><div class="total">Tổng: {thousands(counter)}</div></div>'
            )
        search = ""
        if self.d.search_articles != "absent":
            search = (
                '<form action="/tim-kiem" method="get" name="_3_fm"><input class="lfr-search-keywords" name="_3_keywords" '
                'placeholder="Tìm kiếm..." type="text"/><input class="lfr-search-button" type="submit" value="Tìm"/></form>'
            )
        can = f'<link href="{canonical}" rel="canonical" />' if canonical else ""
        return f"""<!DOCTYPE html>
<html class="ltr" dir="ltr" lang="vi-VN"><head><title>{e(title)} - {e(self.spec.name)}</title>
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />{can}{head_extra}
<link href="/so4t-theme/images/favicon.ico" rel="Shortcut Icon" /><script src="/html/js/barebone.jsp?browserId=other&amp;themeId=so4t_WAR_so4ttheme"></script>
<script>function openSelectedWeblink(s){{var v=s.options[s.selectedIndex].value;if(v!='')window.open(v,'_blank');}}</script></head>
<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site"><div id="wrapper">
<header id="banner" role="banner"><div class="logo"><a href="{req.base}/"><img src="/so4t-theme/images/banner.png" alt="{e(self.spec.name)}"/></a></div>{search}</header>
<nav class="sort-pages modify-pages" id="navigation"><ul><li><a href="/">Trang chủ</a></li>{nav}<li><a href="/van-ban">Văn bản</a></li><li><a href="/thong-tin-nguoi-phat-ngon">Người phát ngôn</a></li></ul></nav>
<div id="content"><div class="columns-2-r"><div class="column-1">{inner}</div><div class="column-2">{self.vssid_block()}{sel}{cnt}</div></div></div>
<footer id="footer" role="contentinfo"><p>Cơ quan chủ quản: {e(self.spec.name)}</p><p>Địa chỉ: Số 2 đường Nguyễn Du, tỉnh {e(self.spec.province)}. Điện thoại: 0238.3844.567</p><p>{self.social_links()}</p></footer></div></body></html>"""

    def item(self, a: GenArticle, alias: bool = False) -> str:
        href = self.alias_path(a) if alias else self.article_path(a)
        img = (
            f'<div class="asset-small-image"><img src="{a.images[0].src}" class="asset-small-image"/></div>'
            if a.images
            else ""
        )
        return (
            f'<div class="asset-abstract">{img}<h3 class="asset-title"><a href="{href}">{e(a.title)}</a></h3>'
            f'<div class="assetPublishDate">{self.date(a)}</div><div class="asset-summary">{e(a.sapo)}</div></div>'
        )

    def handle(self, req: Req) -> Resp:
        p = req.path.rstrip("/") or "/"
        cats = {self.cat_path(c): c for c in self.labels}
        if p == "/":
            noi_bat = "".join(self.item(a, alias=True) for a in self.site.articles[:3])
            moi = "".join(self.item(a) for a in self.site.articles[3:12])
            return self.page(
                req,
                f'<div class="portlet-asset-publisher"><div class="portlet-title">Tin nổi bật</div>{noi_bat}</div>'
                f'<div class="portlet-asset-publisher"><div class="portlet-title">Tin mới</div>{moi}</div>',
                title="Trang chủ",
                counter_shown=True,
            )
        if p in cats:
            cat = cats[p]
            items = self.site.by_listing[cat]
            page = self.int_arg(req, "_101_cur")
            if page > self.n_pages(items):
                return not_found()
            lis = "".join(self.item(a) for a in self.page_of(items, page))
            pager = "".join(
                f'<li><a href="{p}?_101_cur={k}">{k}</a></li>'
                for k in range(1, self.n_pages(items) + 1)
            )
            nxt = (
                f'<li><a href="{p}?_101_cur={page + 1}">Tiếp</a></li>'
                if page < self.n_pages(items)
                else ""
            )
            bc = f'<div class="dd_chuyenmuc"><a href="/">Trang chủ</a> &gt; <a href="{p}">{e(self.labels[cat])}</a></div>'
            return self.page(
                req,
                f'{bc}{lis}<div class="taglib-page-iterator"><ul class="pager lfr-pagination-buttons">{pager}{nxt}</ul></div>',
                title=self.labels[cat],
                lm=items[(page - 1) * self.page_size].published if items else None,
            )
        if "/-/view_content/" in p:
            cpath, rest = p.split("/-/view_content/", 1)
            ident = rest.split("-", 1)[0]
            a = self.site.by_id.get(int(ident)) if ident.isdigit() else None
            if a is None or cats.get(cpath) != a.listed_under:
                return not_found()
            return self.article(req, a)
        if p.startswith("/web/guest/") and "/-/asset_publisher/" in p:
            slug = p.rsplit("/content/", 1)[-1]
            a = next((x for x in self.site.articles if x.slug == slug), None)
            return self.article(req, a) if a else not_found()
        if p == "/tim-kiem" and self.d.search_articles != "absent":
            st, html = self.article_search(req, req.query.get("_3_keywords", ""), self.date)
            if st != 200:
                return Resp(
                    st,
                    "<html><body><h2>Internal Server Error</h2><p>An error occurred while accessing the requested resource.</p></body></html>",
                )
            return self.page(req, html, title="Tìm kiếm")
        if p == "/thong-tin-nguoi-phat-ngon":
            body = (
                f'<div class="dd_chuyenmuc"><a href="/">Trang chủ</a> &gt; Thông tin người phát ngôn</div>'
                f'<div id="p_p_id_56_INSTANCE_jymW7FZ00FaS_"><div class="journal-content-article">{self.spokes_table()}</div></div>'
            )
            return self.page(req, body, title="Thông tin người phát ngôn")
        if p == "/van-ban":
            form = (
                (
                    '<form action="/van-ban/tra-cuu" method="get"><input name="keywords" type="text" placeholder="Nhập số ký hiệu hoặc trích yếu"/>'
                    '<input type="submit" value="Tìm kiếm"/></form>'
                )
                if self.d.search_documents != "absent"
                else ""
            )
            return docs_table_page(self, req, form, "_101_cur")
        if p.startswith("/van-ban/-/chi-tiet/"):
            return doc_detail(self, req, p.rsplit("/", 1)[-1])
        if p == "/van-ban/tra-cuu" and self.d.search_documents != "absent":
            st, html = self.doc_search(req.query.get("keywords", ""), self.doc_path)
            if st != 200:
                return Resp(st, "<html><body><h2>Internal Server Error</h2></body></html>")
            return self.page(req, html, title="Tra cứu văn bản")
        if p == "/sitemap.xml":
            return self.sitemap(req)
        if p == "/robots.txt":
            return self.robots()
        return not_found()

    def doc_path(self, x: GenDocument) -> str:
        return f"/van-ban/-/chi-tiet/{x.id}"

    def article(self, req: Req, a: GenArticle) -> Resp:
        canonical = req.base + self.article_path(a)
        sapo = f'<p class="sapo"><strong>{e(a.sapo)}</strong></p>' if a.sapo else ""
        author = f'<p align="right"><strong>{e(a.author)}</strong></p>' if a.author else ""
        src = f'<p align="right"><em>{e(a.source)}</em></p>' if a.source else ""
        inner = (
            f'<div class="dd_chuyenmuc"><a href="/">Trang chủ</a> &gt; <a href="{self.cat_path(a.listed_under)}">{e(self.label(a))}</a></div>'
            f'<div class="asset-full-content"><div class="asset-full-content-title">{e(a.title)}</div>'
            f'<div class="assetPublishDate block_timer">   {self.date(a)}   </div><span class="print-action"><a href="{self.article_path(a)}?viewMode=print">In</a></span>'
            f'<div class="asset-content" id="_101_{a.id}"><div class="journal-content-article">{sapo}{self.body_html(a, "para")}{author}{src}</div></div></div>'
        )
        return self.page(req, inner, title=a.title, lm=a.published, canonical=canonical)


# =========================================================================== DNN / Portal VNPT
class DNNPortal(Theme):
    cms = "dnn"
    labels = {
        "hoat-dong": "Hoạt động ngành",
        "bhxh": "Bảo hiểm xã hội",
        "bhyt": "Bảo hiểm y tế",
        "bhtn": "Bảo hiểm thất nghiệp",
        "chuyen-doi-so": "Ứng dụng CNTT - Chuyển đổi số",
        "guong-dien-hinh": "Gương điển hình tiên tiến",
        "hoi-dap": "Giải đáp chính sách",
    }
    cat_ids = {
        "hoat-dong": 11,
        "bhxh": 12,
        "bhyt": 13,
        "bhtn": 14,
        "chuyen-doi-so": 21,
        "guong-dien-hinh": 17,
        "hoi-dap": 19,
    }
    page_size = 15

    def cat_path(self, cat: str) -> str:
        return f"/tin-tuc/danh-muc/{self.cat_ids[cat]}/{C.slugify(self.labels[cat])}.html"

    def article_path(self, a: GenArticle) -> str:
        return f"/tin-tuc/chi-tiet/{a.id}/{a.slug}.html"

    def date(self, a: GenArticle) -> str:
        return f"{WEEKDAYS[a.published.weekday()]}, {a.published:%d/%m/%Y - %H:%M}"

    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        menu = "".join(
            f'<li class="dnnmega"><a href="{self.cat_path(c)}">{e(l)}</a></li>'
            for c, l in self.labels.items()
        )
        dept = self.site.department_links
        footer_links = " | ".join(
            f'<a href="{u}">{e(t)}</a>' for t, u in dept[: len(dept) // 2 + 1]
        )
        opts = "".join(f'<option value="{u}">{e(t)}</option>' for t, u in self.all_links())
        sel = f'<select class="lienket" onchange="if(this.value!=\'\') window.open(this.value);"><option value="">--- Liên kết website ---</option>{opts}</select>'
        cnt = (
            f'<div class="counter">Lượt truy cập: <span>{counter}</span> | Đang trực tuyến: <span>{counter % 23 + 2}</span></div>'
            if counter is not None
            else ""
        )
        search = ""
        if self.d.search_articles != "absent":
            search = (
                '<form method="post" action="/tim-kiem.html" id="frmSearch"><input type="hidden" name="__VIEWSTATE" value="dDwtMTI3OTMzNDM4NDs7Pg=="/>'
                '<input type="hidden" name="__EVENTVALIDATION" value="/wEWAgLs0fqJBwKM54rGBg=="/>'
                '<input type="text" name="dnn$ctr$txtKeyword" class="NormalTextBox" placeholder="Từ khóa..."/><input type="submit" name="dnn$ctr$cmdSearch" value="Tìm kiếm"/></form>'
            )
        can = f'<link rel="canonical" href="{canonical}"/>' if canonical else ""
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" lang="vi-VN"><head id="Head"><meta content="text/html; charset=UTF-8" http-equiv="Content-Type"/>
<title>{e(title)} | {e(self.spec.name)}</title><meta name="GENERATOR" content="Portal VNPT"/>{can}{head_extra}
<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.html"/></head>
<body id="Body"><div id="dnn_wrapper"><div class="top-banner"><a href="/"><img src="/Portals/0/banner.jpg" alt="{e(self.spec.name)}"/></a></div>
<div class="main-menu"><ul class="topLevel"><li><a href="/">Trang chủ</a></li>{menu}<li><a href="/van-ban.html">Văn bản chỉ đạo điều hành</a></li></ul>{search}</div>
<div class="content-pane"><div id="dnn_ContentPane">{inner}</div><div id="dnn_RightPane">{self.vssid_block()}<div class="lien-ket">{sel}</div>{cnt}</div></div>
<div class="footer"><p>{e(self.spec.name)} - Địa chỉ: Số 8 đường Lê Lợi, tỉnh {e(self.spec.province)}</p>
<p>{self.spokes_paragraph()}</p><p class="footer-links">{footer_links}</p><p>{self.social_links()}</p>
<p>Ghi rõ nguồn "{e(self.spec.name)}" khi phát hành lại thông tin từ website này.</p></div></div></body></html>"""

    def item(self, a: GenArticle) -> str:
        img = (
            f'<a href="{self.article_path(a)}" class="img"><img src="{a.images[0].src}" alt="{e(a.title)}"/></a>'
            if a.images
            else ""
        )
        return f'<div class="news-item">{img}<h3><a href="{self.article_path(a)}">{e(a.title)}</a></h3><span class="date-time">{self.date(a)}</span><div class="sapo">{e(a.sapo)}</div></div>'

    def handle(self, req: Req) -> Resp:
        p = req.path
        if p in ("/", "/trang-chu.html"):
            top = "".join(self.item(a) for a in self.site.articles[:10])
            return self.page(
                req,
                f'<div class="tin-moi-nhat"><div class="title">Tin mới nhất</div>{top}</div>',
                title="Trang chủ",
                counter_shown=True,
                canonical=req.base + "/" if p != "/" else None,
            )
        if p.startswith("/tin-tuc/danh-muc/"):
            cat = next((c for c in self.labels if self.cat_path(c) == p), None)
            if cat is None:
                return not_found()
            items = self.site.by_listing[cat]
            page = self.int_arg(req, "Page")
            if page > self.n_pages(items):
                return not_found()
            lis = "".join(self.item(a) for a in self.page_of(items, page))
            pager = " ".join(
                f'<a href="{p}?Page={k}" class="{"active" if k == page else ""}">{k}</a>'
                for k in range(1, self.n_pages(items) + 1)
            )
            bc = f'<div class="breadcrumb"><a href="/">Trang chủ</a> <span>»</span> <a href="{p}">{e(self.labels[cat])}</a></div>'
            return self.page(
                req,
                f'{bc}{lis}<div class="pager">{pager}</div>',
                title=self.labels[cat],
                lm=items[(page - 1) * self.page_size].published if items else None,
            )
        for prefix in ("/tin-tuc/chi-tiet/", "/tin-tuc/in/"):
            if p.startswith(prefix):
                ident = p[len(prefix) :].split("/", 1)[0]
                a = self.site.by_id.get(int(ident)) if ident.isdigit() else None
                if a is None:
                    return not_found()
                return self.article(req, a, printable=prefix == "/tin-tuc/in/")
        if p == "/tim-kiem.html" and self.d.search_articles != "absent":
            q = req.form.get("dnn$ctr$txtKeyword", "") if req.method == "POST" else ""
            st, html = (
                self.article_search(req, q, self.date)
                if q
                else (200, "<p>Nhập từ khóa để tìm kiếm.</p>")
            )
            if st != 200:
                return Resp(
                    st, "<html><body><h1>Server Error in '/' Application.</h1></body></html>"
                )
            return self.page(req, html, title="Tìm kiếm")
        if p == "/van-ban.html":
            form = (
                (
                    '<form method="post" action="/van-ban/tra-cuu.html"><input type="hidden" name="__VIEWSTATE" value="dDwxNTk3OTs7Pg=="/>'
                    '<input type="text" name="txtTuKhoa" placeholder="Số ký hiệu, trích yếu"/><input type="submit" value="Tìm"/></form>'
                )
                if self.d.search_documents != "absent"
                else ""
            )
            return docs_table_page(self, req, form, "Page")
        if p.startswith("/van-ban/chi-tiet/"):
            return doc_detail(self, req, p.rsplit("/", 1)[-1].removesuffix(".html"))
        if p == "/van-ban/tra-cuu.html" and self.d.search_documents != "absent":
            q = req.form.get("txtTuKhoa", "") if req.method == "POST" else ""
            st, html = self.doc_search(q, self.doc_path)
            if st != 200:
                return Resp(
                    st, "<html><body><h1>Server Error in '/' Application.</h1></body></html>"
                )
            return self.page(req, html, title="Tra cứu văn bản")
        if p == "/rss.html":
            return self.rss(req, self.spec.name, self.site.articles)
        if p == "/robots.txt":
            return Resp(
                200, "User-agent: *\nDisallow: /admin/\nDisallow: /tin-tuc/in/\n", "text/plain"
            )
        return not_found()

    def doc_path(self, x: GenDocument) -> str:
        return f"/van-ban/chi-tiet/{x.id}.html"

    def article(self, req: Req, a: GenArticle, printable: bool = False) -> Resp:
        sapo = f'<div class="news-sapo"><strong>{e(a.sapo)}</strong></div>' if a.sapo else ""
        author = (
            f'<div class="news-author" style="text-align:right"><b>{e(a.author)}</b></div>'
            if a.author
            else ""
        )
        src = f'<div class="news-source">{e(a.source)}</div>' if a.source else ""
        other = "".join(
            f'<li><a href="{self.article_path(r)}">{e(r.title)}</a> <i>({r.published:%d/%m/%Y})</i></li>'
            for r in self.site.by_listing[a.listed_under][:6]
            if r.id != a.id
        )
        inner = (
            f'<div class="breadcrumb"><a href="/">Trang chủ</a> <span>»</span> <a href="{self.cat_path(a.listed_under)}">{e(self.label(a))}</a></div>'
            f'<div class="news-detail"><h1 class="news-title">{e(a.title)}</h1><div class="news-date">{self.date(a)}</div>{sapo}'
            f'<div class="news-content">{self.body_html(a, "table")}</div>{author}{src}'
            f'<div class="tools"><a href="/tin-tuc/in/{a.id}/{a.slug}.html">In bài viết</a></div></div>'
            f'<div class="other-news"><div class="title">Các tin khác</div><ul>{other}</ul></div>'
        )
        return self.page(
            req, inner, title=a.title, lm=a.published, canonical=req.base + self.article_path(a)
        )


# =========================================================================== WordPress
class WordPress(Theme):
    cms = "wordpress"
    labels = dict(C.CATEGORY_LABELS)
    page_size = 10
    search_field = "s"

    def cat_path(self, cat: str, page: int = 1) -> str:
        return f"/category/{cat}/" + (f"page/{page}/" if page > 1 else "")

    def article_path(self, a: GenArticle) -> str:
        return f"/{a.published:%Y/%m/%d}/{a.slug}/"

    def date(self, a: GenArticle) -> str:
        return f"Ngày đăng: {a.published.day}-{a.published.month}-{a.published.year}"

    def link(self, req: Req, a: GenArticle, i: int) -> str:
        # Some theme widgets add tracking parameters to internal links.
        tail = (
            "?utm_source=trangchu&amp;utm_medium=widget&amp;utm_campaign=tinmoi"
            if i % 3 == 1
            else ""
        )
        return (req.base if i % 2 else "") + self.article_path(a) + tail

    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        menu = "".join(
            f'<li class="menu-item menu-item-type-taxonomy"><a href="{self.cat_path(c)}">{e(l)}</a></li>'
            for c, l in self.labels.items()
        )
        links = "".join(
            f'<li><a href="{u}" rel="noopener" target="_blank">{e(t)}</a></li>'
            for t, u in self.all_links()
        )
        cnt = (
            (
                f'<section class="widget widget_wp_statistics_widget"><h2 class="widget-title">Thống kê truy cập</h2><ul>'
                f"<li><label>Đang trực tuyến:</label> {counter % 19 + 1}</li><li><label>Tổng lượt truy cập:</label> {thousands(counter, ',')}</li></ul></section>"
            )
            if counter is not None
            else ""
        )
        search = ""
        if self.d.search_articles != "absent":
            search = (
                f'<form role="search" method="get" class="search-form" action="{req.base}/"><label><span class="screen-reader-text">Tìm kiếm cho:</span>'
                '<input type="search" class="search-field" placeholder="Tìm kiếm &hellip;" value="" name="s" /></label><input type="submit" class="search-submit" value="Tìm kiếm" /></form>'
            )
        can = f'<link rel="canonical" href="{canonical}" />' if canonical else ""
        feed = (
            '<link rel="alternate" type="application/rss+xml" title="Dòng thông tin &raquo;" href="/feed/" />'
            if self.d.feed != "missing"
            else ""
        )
        return f"""<!doctype html>
<html lang="vi"><head><meta charset="UTF-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} &#8211; {e(self.spec.name)}</title><meta name="generator" content="WordPress 6.6.2" />{feed}{can}{head_extra}
<link rel='stylesheet' id='twentytwenty-style-css' href='/wp-content/themes/bhxh/style.css?ver=1.2' media='all' /></head>
<body class="home blog wp-embed-responsive"><div id="page" class="site"><header id="masthead" class="site-header">
<div class="site-branding"><p class="site-title"><a href="/" rel="home">{e(self.spec.name)}</a></p></div>
<nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu/">Giới thiệu</a></li>{menu}<li><a href="/van-ban/">Văn bản</a></li></ul></nav></header>
<div id="content" class="site-content"><main id="main" class="site-main">{inner}</main>
<aside id="secondary" class="widget-area">{search}<section class="widget widget_media_image">{self.vssid_block()}</section>
<section class="widget widget_nav_menu"><h2 class="widget-title">Liên kết website</h2><ul>{links}</ul></section>{cnt}</aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">&copy; {e(self.spec.name)}. {self.social_links()}</div></footer></div></body></html>"""

    def item(self, req: Req, a: GenArticle, i: int) -> str:
        thumb = (
            f'<div class="post-thumbnail"><img width="300" height="200" src="{a.images[0].src}" class="wp-post-image" alt="" /></div>'
            if a.images
            else ""
        )
        return (
            f'<article id="post-{a.id}" class="post-{a.id} post type-post status-publish category-{a.listed_under}">{thumb}'
            f'<header class="entry-header"><h2 class="entry-title"><a href="{self.link(req, a, i)}" rel="bookmark">{e(a.title)}</a></h2>'
            f'<div class="entry-meta"><span class="posted-on">{self.date(a)}</span></div></header><div class="entry-summary"><p>{e(a.sapo)}</p></div></article>'
        )

    def listing(
        self, req: Req, items: list[GenArticle], page: int, base_path: str, title: str
    ) -> Resp:
        if page > self.n_pages(items):
            return not_found()
        lis = "".join(self.item(req, a, i) for i, a in enumerate(self.page_of(items, page)))
        nav = []
        if page < self.n_pages(items):
            nav.append(
                f'<div class="nav-previous"><a href="{base_path}page/{page + 1}/">Bài cũ hơn</a></div>'
            )
        if page > 1:
            nav.append(
                f'<div class="nav-next"><a href="{base_path}{f"page/{page - 1}/" if page > 2 else ""}">Bài mới hơn</a></div>'
            )
        return self.page(
            req,
            f'<h1 class="page-title">{e(title)}</h1>{lis}<nav class="navigation posts-navigation">{"".join(nav)}</nav>',
            title=title,
            lm=items[(page - 1) * self.page_size].published if items else None,
            counter_shown=base_path == "/" and page == 1,
        )

    def handle(self, req: Req) -> Resp:
        p = req.path
        if p == "/" and "s" in req.query and self.d.search_articles != "absent":
            st, html = self.article_search(req, req.query["s"], self.date)
            if st != 200:
                return Resp(
                    st,
                    "<html><body><p>There has been a critical error on this website.</p></body></html>",
                )
            return self.page(
                req,
                f'<h1 class="page-title">Kết quả tìm kiếm cho: {e(req.query["s"])}</h1>{html}',
                title="Tìm kiếm",
            )
        if p == "/" or (p.startswith("/page/") and p.endswith("/")):
            page = (
                int(p.split("/")[2]) if p.startswith("/page/") and p.split("/")[2].isdigit() else 1
            )
            return self.listing(req, self.site.articles, page, "/", "Tin mới")
        if p.startswith("/category/"):
            parts = [x for x in p.split("/") if x]
            cat = parts[1] if len(parts) > 1 else ""
            if cat not in self.labels:
                return not_found()
            page = (
                int(parts[3])
                if len(parts) == 4 and parts[2] == "page" and parts[3].isdigit()
                else 1
            )
            return self.listing(
                req, self.site.by_listing[cat], page, self.cat_path(cat), self.labels[cat]
            )
        parts = [x for x in p.split("/") if x]
        if len(parts) == 4 and all(x.isdigit() for x in parts[:3]):
            a = next(
                (
                    x
                    for x in self.site.articles
                    if x.slug == parts[3] and f"{x.published:%Y/%m/%d}" == "/".join(parts[:3])
                ),
                None,
            )
            return self.article(req, a) if a else not_found()
        if p == "/gioi-thieu/":
            body = (
                f'<article class="page"><h1 class="entry-title">Giới thiệu</h1><div class="entry-content"><p>{e(self.spec.name)} là cơ quan trực thuộc BHXH Việt Nam, '
                f"có chức năng tổ chức thực hiện các chế độ, chính sách BHXH, BHYT, BHTN trên địa bàn tỉnh.</p>"
                f"<h2>Người phát ngôn</h2>{self.spokes_paragraph()}</div></article>"
            )
            return self.page(req, body, title="Giới thiệu")
        if p == "/van-ban/":
            if "tu-khoa" in req.query and self.d.search_documents != "absent":
                st, html = self.doc_search(req.query["tu-khoa"], self.doc_path)
                if st != 200:
                    return Resp(
                        st,
                        "<html><body><p>There has been a critical error on this website.</p></body></html>",
                    )
                return self.page(req, html, title="Tra cứu văn bản")
            form = (
                (
                    '<form method="get" action="/van-ban/"><input type="text" name="tu-khoa" placeholder="Số hiệu hoặc trích yếu"/>'
                    '<button type="submit">Tra cứu</button></form>'
                )
                if self.d.search_documents != "absent"
                else ""
            )
            return docs_table_page(self, req, form, "trang")
        if p.startswith("/van-ban/") and p.count("/") == 3:
            return doc_detail(self, req, p.split("/")[2])
        if p == "/feed/":
            return self.rss(req, self.spec.name, self.site.articles)
        if p == "/sitemap.xml":
            return self.sitemap(req)
        if p == "/robots.txt":
            return Resp(
                200,
                f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: {req.base}/sitemap.xml\n",
                "text/plain",
            )
        return not_found()

    def doc_path(self, x: GenDocument) -> str:
        return f"/van-ban/{x.id}/"

    def article(self, req: Req, a: GenArticle) -> Resp:
        sapo = f"<p><strong>{e(a.sapo)}</strong></p>" if a.sapo else ""
        author = (
            f'<p style="text-align: right;"><strong>{e(a.author)}</strong></p>' if a.author else ""
        )
        src = f'<p style="text-align: right;"><em>{e(a.source)}</em></p>' if a.source else ""
        share = f'<div class="sharedaddy"><a href="https://www.facebook.com/sharer/sharer.php?u={quote(req.base + self.article_path(a), safe="")}" rel="nofollow">Chia sẻ</a></div>'
        inner = (
            f'<article id="post-{a.id}" class="post type-post category-{a.listed_under}"><header class="entry-header">'
            f'<div class="entry-categories"><a href="{self.cat_path(a.listed_under)}" rel="category tag">{e(self.label(a))}</a></div>'
            f'<h1 class="entry-title">{e(a.title)}</h1><div class="entry-meta"><span class="posted-on">{self.date(a)}</span></div></header>'
            f'<div class="entry-content">{sapo}{self.body_html(a, "figure")}{author}{src}</div>{share}</article>'
        )
        return self.page(
            req, inner, title=a.title, lm=a.published, canonical=req.base + self.article_path(a)
        )


# =========================================================================== modern custom site
class ModernSite(Theme):
    cms = "modern"
    labels = {
        "hoat-dong": "Hoạt động",
        "bhxh": "BHXH",
        "bhyt": "BHYT",
        "bhtn": "BHTN",
        "chuyen-doi-so": "Chuyển đổi số",
        "guong-dien-hinh": "Gương sáng",
        "hoi-dap": "Hỏi - đáp",
    }
    page_size = 12

    def cat_path(self, cat: str, page: int = 1) -> str:
        return f"/chuyen-muc/{cat}" + (f"/trang-{page}" if page > 1 else "")

    def article_path(self, a: GenArticle) -> str:
        return f"/{a.slug}-{a.id}.html"

    def date(self, a: GenArticle) -> str:
        return f"Cập nhật lúc {a.published:%H:%M:%S %d/%m/%Y}"

    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        menu = "".join(
            f'<a class="nav-link" href="{self.cat_path(c)}">{e(l)}</a>'
            for c, l in self.labels.items()
        )
        links = "".join(
            f'<li><a href="{u}" target="_blank" rel="noopener noreferrer">{e(t)}</a></li>'
            for t, u in self.all_links()
        )
        counter_js = ""
        if self.d.counter != "missing":
            counter_js = (
                '<div class="stats" id="visitor-stats">Lượt truy cập: <strong id="stat-total">...</strong> · Trực tuyến: <strong id="stat-online">...</strong></div>'
                "<script>fetch('/api/thong-ke').then(r=>r.json()).then(d=>{document.getElementById('stat-total').textContent=d.total.toLocaleString('vi-VN');"
                "document.getElementById('stat-online').textContent=d.online;});</script>"
            )
        search = ""
        if self.d.search_articles != "absent":
            search = '<form class="search" action="/tim-kiem" method="get" role="search"><input name="q" type="search" aria-label="Tìm kiếm" placeholder="Tìm kiếm tin bài"><button>Tìm</button></form>'
        can = f'<link rel="canonical" href="{canonical}">' if canonical else ""
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>{e(title)} | {e(self.spec.name)}</title>
{can}{head_extra}<link rel="stylesheet" href="/assets/app.3f9c2.css"><link rel="alternate" type="application/rss+xml" href="/rss/tin-moi.rss"></head>
<body><header class="site-header"><a class="brand" href="/">{e(self.spec.name)}</a><nav class="nav">{menu}<a class="nav-link" href="/van-ban">Văn bản</a><a class="nav-link" href="/lien-he">Liên hệ</a></nav>{search}</header>
<main class="container">{inner}</main>
<aside class="sidebar">{self.vssid_block()}<div class="links"><h3>Liên kết</h3><ul>{links}</ul></div></aside>
<footer class="site-footer"><p>{e(self.spec.name)} · Số 10 đại lộ Hòa Bình, tỉnh {e(self.spec.province)}</p><p>{self.social_links()}</p>{counter_js}</footer>
<script src="/assets/app.3f9c2.js" defer></script></body></html>"""

    def card(self, a: GenArticle) -> str:
        img = f'<img src="{a.images[0].src}" alt="{e(a.title)}" loading="lazy">' if a.images else ""
        return (
            f'<article class="card">{img}<h3 class="card-title"><a href="{self.article_path(a)}">{e(a.title)}</a></h3>'
            f'<time datetime="{a.published.isoformat()}+07:00">{a.published:%d/%m/%Y}</time><p>{e(a.sapo)}</p></article>'
        )

    def handle(self, req: Req) -> Resp:
        p = req.path.rstrip("/") or "/"
        if p == "/":
            cards = "".join(self.card(a) for a in self.site.articles[:9])
            more = '<button class="xem-them" data-url="/api/tin-moi?offset=9">Xem thêm</button>'
            return self.page(
                req,
                f'<section class="latest"><h2>Tin mới</h2>{cards}</section>{more}',
                title="Trang chủ",
            )
        if p.startswith("/chuyen-muc/"):
            parts = p.split("/")
            cat = parts[2]
            if cat not in self.labels:
                return not_found()
            page = (
                int(parts[3][6:])
                if len(parts) == 4 and parts[3].startswith("trang-") and parts[3][6:].isdigit()
                else 1
            )
            items = self.site.by_listing[cat]
            if page > self.n_pages(items) or (
                len(parts) == 4 and page == 1 and parts[3] != "trang-1"
            ):
                return not_found()
            cards = "".join(self.card(a) for a in self.page_of(items, page))
            pager = "".join(
                f'<a href="{self.cat_path(cat, k)}" class="page-link">{k}</a>'
                for k in range(1, self.n_pages(items) + 1)
            )
            bc = f'<nav aria-label="breadcrumb"><ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li aria-current="page">{e(self.labels[cat])}</li></ol></nav>'
            return self.page(
                req,
                f'{bc}<h1>{e(self.labels[cat])}</h1>{cards}<nav class="pagination">{pager}</nav>',
                title=self.labels[cat],
                lm=items[(page - 1) * self.page_size].published if items else None,
            )
        if p.endswith(".html") and "-" in p:
            ident = p[:-5].rsplit("-", 1)[-1]
            a = self.site.by_id.get(int(ident)) if ident.isdigit() else None
            if a is None or self.article_path(a) != p:
                return not_found()
            return self.article(req, a)
        if p == "/api/tin-moi":
            try:
                off = max(0, int(req.query.get("offset", "0")))
            except ValueError:
                off = 0
            items = [
                {
                    "title": a.title,
                    "url": self.article_path(a),
                    "published": a.published.isoformat() + "+07:00",
                }
                for a in self.site.articles[off : off + 9]
            ]
            return Resp(
                200,
                json.dumps({"items": items, "next": off + 9}, ensure_ascii=False),
                "application/json",
                last_modified=self.newest,
            )
        if p == "/api/thong-ke" and self.d.counter != "missing":
            v = req.hit() or 0
            return Resp(
                200,
                json.dumps({"total": v, "online": v % 17 + 3}),
                "application/json",
                dynamic=True,
                headers={"Cache-Control": "no-store"},
            )
        if p == "/tim-kiem" and self.d.search_articles != "absent":
            st, html = self.article_search(
                req, req.query.get("q", ""), lambda a: f"{a.published:%d/%m/%Y}"
            )
            if st != 200:
                return Resp(st, json.dumps({"error": "Internal Server Error"}), "application/json")
            return self.page(req, f"<h1>Tìm kiếm</h1>{html}", title="Tìm kiếm")
        if p == "/lien-he":
            return self.page(
                req,
                f"<h1>Liên hệ</h1><p>Địa chỉ: Số 10 đại lộ Hòa Bình, tỉnh {e(self.spec.province)}</p><h2>Người phát ngôn</h2>{self.spokes_paragraph()}",
                title="Liên hệ",
            )
        if p == "/van-ban":
            form = (
                '<form action="/van-ban/tim-kiem" method="get"><input name="q" placeholder="Số ký hiệu, trích yếu"><button>Tìm văn bản</button></form>'
                if self.d.search_documents != "absent"
                else ""
            )
            return docs_table_page(self, req, form, "trang")
        if p.startswith("/van-ban/") and p[9:].isdigit():
            return doc_detail(self, req, p[9:])
        if p == "/van-ban/tim-kiem" and self.d.search_documents != "absent":
            st, html = self.doc_search(req.query.get("q", ""), self.doc_path)
            if st != 200:
                return Resp(st, "{}", "application/json")
            return self.page(req, html, title="Tìm văn bản")
        if p == "/rss/tin-moi.rss":
            return self.rss(req, self.spec.name, self.site.articles)
        if p == "/sitemap.xml":
            return self.sitemap(req)
        if p == "/robots.txt":
            return Resp(
                200,
                f"User-agent: *\nDisallow: /api/\nDisallow: /admin/\nSitemap: {req.base}/sitemap.xml\n",
                "text/plain",
            )
        return not_found()

    def doc_path(self, x: GenDocument) -> str:
        return f"/van-ban/{x.id}"

    def article(self, req: Req, a: GenArticle) -> Resp:
        url = req.base + self.article_path(a)
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a.title,
            "description": a.sapo or "",
            "datePublished": a.published.isoformat() + "+07:00",
            "dateModified": a.published.isoformat() + "+07:00",
            "mainEntityOfPage": url,
            "image": [req.base + im.src for im in a.images],
            "author": {"@type": "Person", "name": a.author} if a.author else None,
            "articleSection": self.label(a),
            "publisher": {"@type": "GovernmentOrganization", "name": self.spec.name},
        }
        head = f'<script type="application/ld+json">{json.dumps(ld, ensure_ascii=False)}</script><meta property="og:title" content="{e(a.title)}"><meta property="og:type" content="article">'
        sapo = f'<p class="lead">{e(a.sapo)}</p>' if a.sapo else ""
        author = (
            f'<div class="byline">Theo: <span class="author">{e(a.author)}</span></div>'
            if a.author
            else ""
        )
        src = f'<p class="source">{e(a.source)}</p>' if a.source else ""
        share = f'<a class="share-fb" href="https://www.facebook.com/sharer/sharer.php?u={quote(url, safe="")}">Chia sẻ Facebook</a>'
        body = self.body_html(a, "figure")
        if a.video:
            body = body.replace(
                self.video_html(a),
                f'<video controls preload="none" src="/media/video/{a.video}.mp4" poster="/media/video/{a.video}.jpg"></video>',
            )
        inner = (
            f'<nav aria-label="breadcrumb"><ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="{self.cat_path(a.listed_under)}">{e(self.label(a))}</a></li></ol></nav>'
            f'<article class="article-detail"><h1>{e(a.title)}</h1><div class="meta"><time datetime="{a.published.isoformat()}+07:00">{self.date(a)}</time></div>'
            f'{sapo}<div class="article-body">{body}</div>{author}{src}{share}</article>'
        )
        return self.page(req, inner, title=a.title, lm=a.published, canonical=url, head_extra=head)


# =========================================================================== SharePoint 2010 + Lạc Việt
class SharePoint2010(Theme):
    cms = "sp2010"
    labels = {
        "hoat-dong": "Tin tức - Sự kiện",
        "bhxh": "Chế độ chính sách BHXH",
        "bhyt": "Chính sách BHYT",
        "bhtn": "BH thất nghiệp",
        "chuyen-doi-so": "Chuyển đổi số",
        "guong-dien-hinh": "Gương điển hình",
        "hoi-dap": "Hỏi đáp",
    }
    webs = {
        "hoat-dong": "tinhoatdong",
        "bhxh": "chinhsachbhxh",
        "bhyt": "chinhsachbhyt",
        "bhtn": "bhtn",
        "chuyen-doi-so": "chuyendoiso",
        "guong-dien-hinh": "guongdienhinh",
        "hoi-dap": "hoidap",
    }
    cat_ids = {
        "hoat-dong": 1,
        "bhxh": 3,
        "bhyt": 4,
        "bhtn": 5,
        "chuyen-doi-so": 9,
        "guong-dien-hinh": 7,
        "hoi-dap": 8,
    }
    page_size = 10
    kw_field = "ctl00$g_62b1b6bf_2f3c_4a6e_9a1d_0c1b2d3e4f50$S3F5AE4C3_InputKeywords"

    def cat_path(self, cat: str) -> str:
        return f"/tintuc/{self.webs[cat]}/Pages/default.aspx"

    def article_path(self, a: GenArticle) -> str:
        return f"/tintuc/{self.webs[a.listed_under]}/Lists/Posts/Post.aspx?CategoryId={self.cat_ids[a.listed_under]}&ItemId={a.id}"

    def link(self, a: GenArticle) -> str:
        utc = a.published - timedelta(hours=7)
        return (self.article_path(a) + f"&PublishedDate={utc:%Y-%m-%dT%H:%M:%S}Z").replace(
            "&", "&amp;"
        )

    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        menu = "".join(
            f'<li class="static"><a class="static menu-item" href="{self.cat_path(c)}"><span class="menu-item-text">{e(l)}</span></a></li>'
            for c, l in self.labels.items()
        )
        opts = "".join(f'<option value="{u}">{e(t)}</option>' for t, u in self.all_links())
        cnt = ""
        if counter is not None:
            digits = "".join(
                f'<td><table class="tb-HitCount"><tr><td><div class="font-number">{ch}</div></td></tr></table></td>'
                for ch in f"{counter:07d}"
            )
            online = "".join(
                f'<td><table class="tb-HitCount"><tr><td><div class="font-number">{ch}</div></td></tr></table></td>'
                for ch in f"{counter % 9 + 1:07d}"
            )
            cnt = (
                f'<div class="TruyCapOnLine"><div class="ThongKeTruyCap"><div class="divHitCount"><h3>SỐ LƯỢT TRUY CẬP</h3>'
                f'<table id="ctl00_g_hit_dtlHitCounter"><tr>{digits}</tr></table></div><div class="divHitCount-online"><h3>SỐ LƯỢT ĐANG ONLINE</h3>'
                f'<table id="ctl00_g_hit_DataList1"><tr>{online}</tr></table></div></div></div>'
            )
        search = ""
        if self.d.search_articles != "absent":
            search = (
                f'<div id="SRSB"><input name="{self.kw_field}" type="text" value="Search this site..." maxlength="200" '
                "class=\"ms-sbplain\" onkeypress=\"if (event.keyCode==13) {__doPostBack('',''); return false;}\"/>"
                '<a href="javascript:document.forms[0].submit()"><img src="/_layouts/images/gosearch15.png" alt="Tìm kiếm"/></a></div>'
            )
        can = f'<link rel="canonical" href="{canonical}" />' if canonical else ""
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html dir="ltr" xmlns="http://www.w3.org/1999/xhtml"><head><meta name="GENERATOR" content="Microsoft SharePoint" /><meta http-equiv="Content-type" content="text/html; charset=windows-1258" />
<meta charset="windows-1258" /><title>{e(title)} - Trang thông tin điện tử {e(self.spec.name)}</title>{can}{head_extra}
<link rel="stylesheet" type="text/css" href="/_layouts/1033/styles/Themable/corev4.css"/><script type="text/javascript" src="/_layouts/LacVietBio/js/common.js"></script></head>
<body scroll="no" class="v4master"><form name="aspnetForm" method="post" action="/Pages/default.aspx" id="aspnetForm">
<input type="hidden" name="__REQUESTDIGEST" value="0x5A3C1D8E2F,23 Nov 2026 08:00:00 -0000" /><input type="hidden" name="__VIEWSTATE" value="/wEPDwULLTE2NjI3NzUxMzcPZBYCZg9kFgI=" />
<div id="s4-workspace"><div class="header-banner"><img src="/PublishingImages/banner.jpg" alt="banner"/>{search}</div>
<div class="menu-horizontal"><ul class="root static"><li class="static"><a href="/Pages/default.aspx">Trang chủ</a></li>{menu}<li class="static"><a href="/vanban/Pages/default.aspx">Văn bản pháp quy</a></li></ul></div>
<table width="100%"><tr><td valign="top" class="col-main">{inner}</td><td valign="top" class="col-right" width="260">{self.vssid_block()}
<div class="linkweb"><div class="linkweb-title">Liên kết Website</div><select class="dvnduyLinkWeb" name="ctl00$PlaceHolderMain$g_c1fe138c$ctl00$DropDownList1" onchange="javascript:window.open(this.options[this.selectedIndex].value)">
<option value="">-------- Liên kết web --------</option>{opts}</select></div>{cnt}</td></tr></table>
<div class="Footer-Text"><p>Cơ quan quản lý: {e(self.spec.name)}</p><p>Giấy phép số 21/GP-TTĐT ngày 12/3/2015 của Sở Thông tin và Truyền thông tỉnh {e(self.spec.province)}</p>
<p>{self.social_links()}</p></div></div></form></body></html>"""

    def union_item(self, a: GenArticle) -> str:
        return f'<h2><a href="{self.link(a)}">{e(a.title)}<br/></a></h2><p class="hot-content1">{e(a.sapo)}</p>'

    def handle(self, req: Req) -> Resp:
        p = req.path
        if p == "/":
            return redirect("/Pages/default.aspx")
        if p == "/Pages/default.aspx":
            if (
                req.method == "POST"
                and self.d.search_articles != "absent"
                and req.form.get(self.kw_field)
            ):
                return redirect(
                    "/_layouts/OSSSearchResults.aspx?" + urlencode({"k": req.form[self.kw_field]})
                )
            items = "".join(self.union_item(a) for a in self.site.articles[:10])
            return self.page(
                req,
                f'<div class="union_block"><table class="lv_union_table_menuheader"><tr><td>Tin mới nhất</td></tr></table>'
                f'<div class="union_image_thumb"><ul>{items}</ul></div></div>',
                title="Trang chủ",
                counter_shown=True,
            )
        for cat in self.labels:
            web = f"/tintuc/{self.webs[cat]}/"
            if not p.startswith(web):
                continue
            if p == web + "Pages/default.aspx":
                items = self.site.by_listing[cat]
                page = self.int_arg(req, "Page")
                if page > self.n_pages(items):
                    return not_found()
                lis = "".join(
                    f'<tr><td class="LItem">{self.union_item(a)}</td></tr>'
                    for a in self.page_of(items, page)
                )
                pager = " ".join(
                    f'<a href="{p}?Page={k}">{k}</a>' for k in range(1, self.n_pages(items) + 1)
                )
                return self.page(
                    req,
                    f'<div class="title-cate">{e(self.labels[cat])}</div><table class="list-news">{lis}</table><div class="paging">{pager}</div>',
                    title=self.labels[cat],
                    lm=items[(page - 1) * self.page_size].published if items else None,
                )
            if p == web + "Lists/Posts/Post.aspx":
                ident = req.query.get("ItemId") or req.query.get("ItemID") or ""
                a = self.site.by_id.get(int(ident)) if ident.isdigit() else None
                if a is None or a.listed_under != cat:
                    return not_found()
                return self.article(req, a)
        if p == "/_layouts/OSSSearchResults.aspx" and self.d.search_articles != "absent":
            st, html = self.article_search(
                req, req.query.get("k", ""), lambda a: f"{a.published:%d/%m/%Y}"
            )
            if st != 200:
                return Resp(
                    st, "<html><body><div>Lỗi hệ thống. Vui lòng thử lại sau.</div></body></html>"
                )
            return self.page(req, html, title="Kết quả tìm kiếm")
        if p == "/vanban/Pages/default.aspx":
            docs = "".join(
                f'<div class="vb-item"><a href="/vanban/Pages/default.aspx?SoID={x.id}">{e(x.summary)}</a><div class="div_SoKiHieu">Số: {e(x.number)}</div>'
                f'<div class="divvbm_ngaybanhanh">Ngày: <span>{x.issued:%d/%m/%Y} </span></div></div>'
                for x in self.site.documents[:30]
            )
            if "SoID" in req.query:
                return doc_detail(self, req, req.query["SoID"])
            form = (
                '<div class="tracuu-vb"><input type="text" name="tukhoa" id="txtTuKhoaVB"/><a href="#" onclick="location.href=\'/vanban/Pages/TraCuu.aspx?tukhoa=\'+encodeURIComponent(document.getElementById(\'txtTuKhoaVB\').value);return false;">Tra cứu</a></div>'
                if self.d.search_documents != "absent"
                else ""
            )
            return self.page(
                req, f'<div class="title-cate">Văn bản pháp quy</div>{form}{docs}', title="Văn bản"
            )
        if p == "/vanban/Pages/TraCuu.aspx" and self.d.search_documents != "absent":
            st, html = self.doc_search(
                req.query.get("tukhoa", ""), lambda x: f"/vanban/Pages/default.aspx?SoID={x.id}"
            )
            if st != 200:
                return Resp(st, "<html><body>Lỗi</body></html>")
            return self.page(req, html, title="Tra cứu văn bản")
        if p == "/robots.txt":
            return Resp(
                200,
                "User-agent: *\nDisallow: /_layouts/\nDisallow: /_vti_bin/\nDisallow: /admin/\n",
                "text/plain",
            )
        return not_found()

    def article(self, req: Req, a: GenArticle) -> Resp:
        sapo = f'<div class="lv-sapo"><b>{e(a.sapo)}</b></div>' if a.sapo else ""
        author = (
            f'<div class="lv-author" align="right"><b>{e(a.author)}</b></div>' if a.author else ""
        )
        src = f'<div class="lv-source" align="right"><i>{e(a.source)}</i></div>' if a.source else ""
        inner = (
            f'<div class="breadcrumb"><a href="/Pages/default.aspx">Trang chủ</a> &gt; <a href="{self.cat_path(a.listed_under)}">{e(self.label(a))}</a></div>'
            f'<div class="lv-post"><h1 class="lv-title">{e(a.title)}</h1><div class="lv-date">({a.published:%d/%m/%Y %H:%M})</div>'
            f'{sapo}<div class="lv-content">{self.body_html(a, "para")}</div>{author}{src}</div>'
        )
        return self.page(
            req, inner, title=a.title, lm=a.published, canonical=req.base + self.article_path(a)
        )


THEMES: dict[str, type[Theme]] = {
    t.cms: t for t in (SharePoint2013, Liferay6, DNNPortal, WordPress, ModernSite, SharePoint2010)
}
