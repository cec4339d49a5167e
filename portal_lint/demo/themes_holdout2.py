"""Second blind holdout set: portal styles written without looking at the extractors, the
fetcher, the rules, the first holdout set or the markup of themes.py (only its Theme API).

- `igate-mvc`: "Portal VNPT iGate"-like ASP.NET MVC 5 + Bootstrap 3 cards; listings as
  `.card` with `a.stretched-link`, dates "20 Th05, 2024" (lists) and "20/5/2024 8:30:00 SA"
  (articles), PagedList pager `?pageIndex=N&pageSize=10` with « » and a 5-page window, an
  "Xem thêm" button that loads `/api/news?cat=3&page=2` (JSON) with a <noscript> "Trang tiếp"
  link, search in a top-bar modal (`keyword`), spokesperson as an image card, department
  logos in a carousel, VnExpress-style `table.tplCaption` captions.
- `cms-table`: a frames-era Vietnamese "Hệ thống quản trị nội dung" (classic ASP): layout
  tables, `<font>`, `<td class="date">Cập nhật: 20/05/2024</td>`, pager "[1] 2 3 ... Tiếp >",
  spokesperson on one footer line, "Số người truy cập: 001234567", department links in a
  `<select onchange>` "Liên kết website" box, POST search `txtSearch`, windows-1258 friendly.

Pure: a theme maps a `Req` to a `Resp`; the visit counter is reached only through `req.hit()`.
"""

from __future__ import annotations

import json
from datetime import datetime

from portal_lint.demo import content as C
from portal_lint.demo.model import GenArticle, GenDocument
from portal_lint.demo.themes import Req, Resp, Theme, doc_detail, e, not_found, redirect, thousands

__all__ = ["HOLDOUT2_THEMES", "SERVER_HEADERS2", "IGateMvc", "CmsTable"]


def th_date(t: datetime) -> str:
    """ "20 Th05, 2024": the Vietnamese short-month culture format of .NET ("MMM" = "Th05")."""
    return f"{t.day:02d} Th{t.month:02d}, {t.year}"


def vi_general(t: datetime) -> str:
    """.NET vi-VN general date/time: "20/5/2024 8:30:00 SA" (no zero padding, SA/CH)."""
    h12 = t.hour % 12 or 12
    return f"{t.day}/{t.month}/{t.year} {h12}:{t.minute:02d}:{t.second:02d} {'SA' if t.hour < 12 else 'CH'}"


# =========================================================================== iGate / MVC
class IGateMvc(Theme):
    cms = "igate-mvc"
    labels = {
        "hoat-dong": "Hoạt động ngành",
        "bhxh": "Chính sách bảo hiểm xã hội",
        "bhyt": "Chính sách bảo hiểm y tế",
        "bhtn": "Bảo hiểm thất nghiệp",
        "chuyen-doi-so": "Chuyển đổi số",
        "guong-dien-hinh": "Gương người tốt, việc tốt",
        "hoi-dap": "Hỏi - Đáp chính sách",
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

    def cat_path(self, cat: str, page: int = 1) -> str:
        p = f"/tin-tuc/{C.slugify(self.labels[cat])}-c{self.cat_ids[cat]}"
        return p + (f"?pageIndex={page}&amp;pageSize={self.page_size}" if page > 1 else "")

    def article_path(self, a: GenArticle) -> str:
        return f"/tin-tuc/{a.slug}-{a.id}.html"

    def doc_path(self, x: GenDocument) -> str:
        return f"/van-ban/chi-tiet/{x.id}"

    # ---- chrome
    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        menu = "".join(
            f'<li><a href="{self.cat_path(c)}">{e(l)}</a></li>' for c, l in self.labels.items()
        )
        search = ""
        if self.d.search_articles != "absent":
            search = """<div class="modal fade" id="searchModal" tabindex="-1" role="dialog" aria-labelledby="searchModalLabel">
<div class="modal-dialog" role="document"><div class="modal-content"><form action="/tim-kiem" method="get">
<div class="modal-header"><button type="button" class="close" data-dismiss="modal" aria-label="Đóng"><span aria-hidden="true">&times;</span></button>
<h4 class="modal-title" id="searchModalLabel">Tìm kiếm</h4></div>
<div class="modal-body"><input type="text" class="form-control" name="keyword" placeholder="Nhập từ khóa..."></div>
<div class="modal-footer"><button type="submit" class="btn btn-primary">Tìm kiếm</button></div></form></div></div></div>"""
        logos = "".join(
            f'<div class="item"><a href="{u}" target="_blank" title="{e(t)}"><img src="/Uploads/lienket/{i}.png" alt="{e(t)}" class="img-responsive"></a></div>'
            for i, (t, u) in enumerate(self.all_links())
        )
        cnt = ""
        if counter is not None:
            cnt = (
                f'<ul class="list-unstyled thong-ke"><li><i class="fa fa-users"></i> Đang truy cập: <b>{counter % 23 + 4}</b></li>'
                f'<li><i class="fa fa-bar-chart"></i> Tổng lượt truy cập: <b>{thousands(counter)}</b></li></ul>'
            )
        social = ""
        if self.site.fanpage_url:
            social += f'<a href="{self.site.fanpage_url}" class="btn-social" target="_blank" rel="noopener"><i class="fa fa-facebook"></i></a>'
        if self.site.zalo_url:
            social += f'<a href="{self.site.zalo_url}" class="btn-social" target="_blank" rel="noopener"><img src="/Content/images/zalo.svg" alt="Zalo"></a>'
        vssid = ""
        if self.d.vssid:
            vssid = (
                '<div class="panel panel-default"><div class="panel-body text-center">'
                '<a href="https://play.google.com/store/apps/details?id=com.bhxhapp" target="_blank">'
                '<img src="/Uploads/banner/vssid.jpg" alt="Ứng dụng VssID - Bảo hiểm xã hội số" class="img-responsive"></a></div></div>'
            )
        can = f'<link rel="canonical" href="{canonical}">' if canonical else ""
        prov = e(self.spec.province)
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{e(title)} - {e(self.spec.name)}</title>{can}{head_extra}
<link href="/Content/bootstrap.min.css" rel="stylesheet"><link href="/Content/site.css?v=3.1.7" rel="stylesheet">
<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss/tin-moi.rss">
</head><body>
<div class="topbar"><div class="container"><span>Cổng thông tin điện tử {e(self.spec.name)}</span>
<a href="#" data-toggle="modal" data-target="#searchModal" class="pull-right"><i class="fa fa-search"></i> Tìm kiếm</a>
<a href="/gioi-thieu/nguoi-phat-ngon" class="pull-right">Người phát ngôn</a></div></div>
<header class="banner"><div class="container"><a href="/"><img src="/Uploads/banner/logo.png" alt="Cổng thông tin điện tử {e(self.spec.name)}"></a></div></header>
<nav class="navbar navbar-default"><div class="container"><ul class="nav navbar-nav"><li><a href="/">Trang chủ</a></li>
<li class="dropdown"><a href="#" class="dropdown-toggle" data-toggle="dropdown">Tin tức <span class="caret"></span></a><ul class="dropdown-menu">{menu}</ul></li>
<li><a href="/van-ban">Văn bản</a></li><li><a href="/gioi-thieu/nguoi-phat-ngon">Phát ngôn</a></li><li><a href="/lien-he">Liên hệ</a></li></ul></div></nav>
{search}
<div class="container main"><div class="row"><div class="col-md-9">{inner}</div>
<aside class="col-md-3">{vssid}<div class="panel panel-primary"><div class="panel-heading">Chuyên mục</div><ul class="list-group">{menu.replace("<li>", '<li class="list-group-item">')}</ul></div></aside></div></div>
<section class="lien-ket"><div class="container"><div class="owl-carousel owl-theme" id="carousel-lienket">{logos}</div></div></section>
<footer class="footer"><div class="container"><div class="row"><div class="col-sm-6">
<p><strong>CỔNG THÔNG TIN ĐIỆN TỬ {e(self.spec.name.upper())}</strong></p>
<p>Địa chỉ: Số 8 đường Lý Thường Kiệt, tỉnh {prov}</p><p>Điện thoại: 0222.3822.456 - Email: bhxh.{self.spec.domain.split(".")[0]}@vss.gov.vn</p>
<p>Chịu trách nhiệm chính: Giám đốc BHXH tỉnh {prov}</p></div>
<div class="col-sm-3">{social}</div><div class="col-sm-3">{cnt}</div></div></div></footer>
<script src="/Scripts/jquery-3.4.1.min.js"></script><script src="/Scripts/bootstrap.min.js"></script><script src="/Scripts/owl.carousel.min.js"></script>
</body></html>"""

    def card(self, a: GenArticle, sapo: bool = True) -> str:
        img = (
            f'<img class="card-img-top img-responsive" src="{a.images[0].src}" alt="{e(a.title)}">'
            if a.images
            else '<img class="card-img-top img-responsive" src="/Content/images/no-image.jpg" alt="">'
        )
        s = f'<p class="card-text">{e(a.sapo)}</p>' if sapo and a.sapo else ""
        return (
            f'<div class="col-sm-6"><div class="card">{img}<div class="card-body">'
            f'<h3 class="card-title"><a href="{self.article_path(a)}" class="stretched-link">{e(a.title)}</a></h3>'
            f'<p class="card-meta"><i class="fa fa-calendar"></i> {th_date(a.published)}</p>{s}</div></div></div>'
        )

    def pager(self, cat: str, page: int, n: int) -> str:
        lo = max(1, min(page - 2, n - 4))
        hi = min(n, lo + 4)
        out = []
        if page > 1:
            out.append(
                f'<li><a href="{self.cat_path(cat, 1)}" aria-label="Đầu">&laquo;&laquo;</a></li>'
            )
            out.append(
                f'<li><a href="{self.cat_path(cat, page - 1)}" aria-label="Trước">&laquo;</a></li>'
            )
        for k in range(lo, hi + 1):
            if k == page:
                out.append(f'<li class="active"><span>{k}</span></li>')
            else:
                out.append(f'<li><a href="{self.cat_path(cat, k)}">{k}</a></li>')
        if page < n:
            out.append(
                f'<li><a href="{self.cat_path(cat, page + 1)}" aria-label="Sau">&raquo;</a></li>'
            )
            out.append(
                f'<li><a href="{self.cat_path(cat, n)}" aria-label="Cuối">&raquo;&raquo;</a></li>'
            )
        return f'<div class="pagination-container"><ul class="pagination">{"".join(out)}</ul></div>'

    def handle(self, req: Req) -> Resp:
        p = req.path
        if p in ("/", "/Home", "/Home/Index"):
            return self.home(req)
        if p.startswith("/tin-tuc/") and p.endswith(".html"):
            tail = p[len("/tin-tuc/") : -len(".html")]
            ident = tail.rsplit("-", 1)[-1]
            a = self.site.by_id.get(int(ident)) if ident.isdigit() else None
            if a is None or self.article_path(a) != p:
                return not_found()
            return self.article(req, a)
        if p.startswith("/tin-tuc/"):
            cat = next((c for c in self.labels if self.cat_path(c) == p), None)
            if cat is None:
                return not_found()
            return self.listing(req, cat)
        if p == "/api/news":
            return self.api_news(req)
        if p == "/tim-kiem" and self.d.search_articles != "absent":
            q = req.query.get("keyword", "")
            st, html = self.article_search(req, q, lambda a: th_date(a.published))
            if st != 200:
                return Resp(st, _yellow_screen())
            return self.page(
                req, f'<h1 class="page-title">Kết quả tìm kiếm</h1>{html}', title="Tìm kiếm"
            )
        if p == "/gioi-thieu/nguoi-phat-ngon":
            return self.spokes_page(req)
        if p == "/lien-he":
            body = (
                '<h1 class="page-title">Liên hệ</h1><address>'
                f"Bảo hiểm xã hội tỉnh {e(self.spec.province)}<br>Số 8 đường Lý Thường Kiệt, tỉnh {e(self.spec.province)}<br>"
                f"Điện thoại: 0222.3822.456<br>Email: bhxh.{self.spec.domain.split('.')[0]}@vss.gov.vn</address>"
            )
            return self.page(req, body, title="Liên hệ")
        if p == "/van-ban":
            return self.docs(req)
        if p.startswith("/van-ban/chi-tiet/"):
            return doc_detail(self, req, p.rsplit("/", 1)[-1])
        if p == "/rss/tin-moi.rss":
            return self.rss(req, "Tin mới", self.site.articles)
        if p == "/sitemap.xml":
            return self.sitemap(req)
        if p == "/robots.txt":
            return Resp(
                200,
                f"User-agent: *\nDisallow: /Admin/\nDisallow: /api/\nSitemap: {req.base}/sitemap.xml\n",
                "text/plain",
            )
        return not_found()

    def home(self, req: Req) -> Resp:
        arts = self.site.articles
        hot = arts[0]
        hot_html = (
            '<div class="tin-noi-bat"><div class="card card-lg">'
            + (f'<img class="card-img-top" src="{hot.images[0].src}" alt="">' if hot.images else "")
            + f'<div class="card-body"><h2 class="card-title"><a href="{self.article_path(hot)}" class="stretched-link">{e(hot.title)}</a></h2>'
            f'<p class="card-meta">{th_date(hot.published)}</p><p class="card-text">{e(hot.sapo)}</p></div></div></div>'
        )
        latest = '<div class="row">' + "".join(self.card(a, False) for a in arts[1:7]) + "</div>"
        boxes = "".join(
            f'<section class="box-chuyen-muc"><h2 class="box-title"><a href="{self.cat_path(c)}">{e(l)}</a></h2><div class="row">'
            + "".join(self.card(a, False) for a in self.site.by_listing[c][:4])
            + "</div></section>"
            for c, l in self.labels.items()
        )
        return self.page(req, hot_html + latest + boxes, title="Trang chủ", counter_shown=True)

    def listing(self, req: Req, cat: str) -> Resp:
        items = self.site.by_listing[cat]
        page = self.int_arg(req, "pageIndex")
        n = self.n_pages(items)
        if page > n:
            return not_found()
        cards = (
            '<div class="row" id="list-news">'
            + "".join(self.card(a) for a in self.page_of(items, page))
            + "</div>"
        )
        more = ""
        if page < n:
            cid = self.cat_ids[cat]
            more = f"""<div class="text-center"><button type="button" class="btn btn-default" id="btnXemThem" data-page="{page + 1}">Xem thêm</button></div>
<script>$('#btnXemThem').on('click',function(){{var b=$(this),p=b.data('page');fetch('/api/news?cat={cid}&page='+p).then(function(r){{return r.json()}}).then(function(d){{d.items.forEach(function(x){{$('#list-news').append('<div class="col-sm-6"><div class="card"><div class="card-body"><h3 class="card-title"><a class="stretched-link" href="'+x.url+'">'+x.title+'</a></h3><p class="card-meta">'+x.date+'</p></div></div></div>')}});b.data('page',p+1);if(!d.hasMore)b.remove();}});}});</script>
<noscript><p class="text-right"><a href="{self.cat_path(cat, page + 1)}">Trang tiếp &rsaquo;</a></p></noscript>"""
        bc = (
            '<ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="#">Tin tức</a></li>'
            f'<li class="active">{e(self.labels[cat])}</li></ol>'
        )
        return self.page(
            req,
            f'{bc}<h1 class="page-title">{e(self.labels[cat])}</h1>{cards}{more}{self.pager(cat, page, n)}',
            title=self.labels[cat],
            lm=items[(page - 1) * self.page_size].published if items else None,
        )

    def api_news(self, req: Req) -> Resp:
        cat = next((c for c, i in self.cat_ids.items() if str(i) == req.query.get("cat")), None)
        if cat is None:
            return Resp(400, json.dumps({"message": "cat không hợp lệ"}), "application/json")
        items = self.site.by_listing[cat]
        page = self.int_arg(req, "page")
        rows = [
            {
                "id": a.id,
                "title": a.title,
                "url": self.article_path(a),
                "date": th_date(a.published),
                "publishDate": a.published.isoformat(),
                "thumbnail": a.images[0].src if a.images else None,
            }
            for a in self.page_of(items, page)
        ]
        body = json.dumps(
            {"items": rows, "page": page, "hasMore": page < self.n_pages(items)},
            ensure_ascii=False,
        )
        return Resp(200, body, "application/json", dynamic=True)

    def spokes_page(self, req: Req) -> Resp:
        s = self.site.spokesperson
        card = ""
        if any(s.values()):
            lines = []
            if s["title"]:
                lines.append(e(s["title"]))
            if s["phone"]:
                lines.append(f'<i class="fa fa-phone"></i> {e(s["phone"])}')
            if s["email"]:
                lines.append(
                    f'<i class="fa fa-envelope"></i> <a href="mailto:{e(s["email"])}">{e(s["email"])}</a>'
                )
            name = f'<h4 class="card-title">{e(s["name"])}</h4>' if s["name"] else ""
            card = (
                '<div class="row"><div class="col-sm-4"><div class="card text-center">'
                '<img src="/Uploads/gioithieu/nguoi-phat-ngon.jpg" class="card-img-top img-circle" alt="Người phát ngôn">'
                f'<div class="card-body">{name}<p class="card-text">{"<br>".join(lines)}</p></div></div></div></div>'
            )
        body = (
            '<h1 class="page-title">Người phát ngôn, cung cấp thông tin cho báo chí</h1>'
            f"<p>Căn cứ Nghị định số 09/2017/NĐ-CP của Chính phủ, Giám đốc BHXH tỉnh {e(self.spec.province)} giao nhiệm vụ phát ngôn và cung cấp thông tin cho báo chí như sau:</p>{card}"
        )
        return self.page(req, body, title="Người phát ngôn")

    def docs(self, req: Req) -> Resp:
        docs = self.site.documents
        q = req.query.get("soKyHieu", "") or req.query.get("trichYeu", "")
        form = ""
        if self.d.search_documents != "absent":
            form = (
                '<form class="form-inline" action="/van-ban" method="get"><div class="form-group">'
                '<input class="form-control" name="soKyHieu" placeholder="Số/ký hiệu"></div> <div class="form-group">'
                '<input class="form-control" name="trichYeu" placeholder="Trích yếu"></div> '
                '<button type="submit" class="btn btn-primary">Tra cứu</button></form>'
            )
        if q and self.d.search_documents != "absent":
            st, html = self.doc_search(q, self.doc_path)
            if st != 200:
                return Resp(st, _yellow_screen())
            return self.page(
                req, f'<h1 class="page-title">Văn bản</h1>{form}{html}', title="Văn bản"
            )
        page = self.int_arg(req, "pageIndex")
        size = 15
        rows = "".join(
            f'<tr><td>{x.issued.day}/{x.issued.month}/{x.issued.year}</td><td><a href="{self.doc_path(x)}">{e(x.number)}</a></td><td>{e(x.summary)}</td></tr>'
            for x in docs[(page - 1) * size : page * size]
        )
        n = max(1, -(-len(docs) // size))
        pg = "".join(
            f'<li{" class=active" if k == page else ""}><a href="/van-ban?pageIndex={k}&amp;pageSize={size}">{k}</a></li>'
            for k in range(1, n + 1)
        )
        body = (
            f'<h1 class="page-title">Văn bản</h1>{form}<table class="table table-bordered table-striped"><thead><tr>'
            f"<th>Ngày ban hành</th><th>Số/Ký hiệu</th><th>Trích yếu</th></tr></thead><tbody>{rows}</tbody></table>"
            f'<ul class="pagination">{pg}</ul>'
        )
        return self.page(req, body, title="Văn bản")

    def image(self, src: str, caption: str | None, alt: str) -> str:
        cap = f'<tr><td class="Image">{e(caption)}</td></tr>' if caption else ""
        return (
            '<table class="tplCaption" border="0" cellpadding="3" cellspacing="0" align="center" width="100%">'
            f'<tr><td><img src="{src}" alt="{e(alt)}" class="img-responsive"></td></tr>{cap}</table>'
        )

    def article(self, req: Req, a: GenArticle) -> Resp:
        parts: list[str] = []
        for i, para in enumerate(a.paragraphs):
            parts.append(f'<p style="text-align:justify">{e(para)}</p>')
            if i == 0:
                parts += [self.image(im.src, im.caption, im.alt) for im in a.images]
                if a.video:
                    parts.append(
                        f'<div class="embed-responsive embed-responsive-16by9"><iframe class="embed-responsive-item" src="https://www.youtube.com/embed/{a.video}" allowfullscreen></iframe></div>'
                    )
        if not a.paragraphs:
            parts += [self.image(im.src, im.caption, im.alt) for im in a.images]
        sign = ""
        if a.author:
            sign += f'<p class="text-right"><strong>{e(a.author)}</strong></p>'
        if a.source:
            sign += f'<p class="text-right"><em>Nguồn: {e(a.source)}</em></p>'
        related = "".join(
            f'<li><a href="{self.article_path(r)}">{e(r.title)}</a> <small>({th_date(r.published)})</small></li>'
            for r in self.site.by_listing[a.listed_under][:8]
            if r.id != a.id
        )
        sapo = f'<div class="sapo"><strong>{e(a.sapo)}</strong></div>' if a.sapo else ""
        inner = f"""<ol class="breadcrumb"><li><a href="/">Trang chủ</a></li><li><a href="{self.cat_path(a.listed_under)}">{e(self.label(a))}</a></li></ol>
<article class="news-detail"><h1 class="news-title">{e(a.title)}</h1>
<div class="news-meta"><span><i class="fa fa-clock-o"></i> {vi_general(a.published)}</span> <span class="luot-xem"><i class="fa fa-eye"></i> {a.id * 7 % 900 + 100}</span></div>
{sapo}<div class="news-content">{"".join(parts)}</div>{sign}
<div class="share"><a href="https://www.facebook.com/sharer/sharer.php?u={req.base}{self.article_path(a)}" target="_blank">Chia sẻ</a> <a href="javascript:window.print()">In bài viết</a></div></article>
<section class="tin-khac"><h3>Tin cùng chuyên mục</h3><ul>{related}</ul></section>"""
        return self.page(
            req, inner, title=a.title, lm=a.published, canonical=req.base + self.article_path(a)
        )


def _yellow_screen() -> str:
    return (
        "<html><head><title>Runtime Error</title></head><body><h1>Server Error in '/' Application.</h1>"
        "<h2><i>Object reference not set to an instance of an object.</i></h2></body></html>"
    )


# =========================================================================== frames-era table CMS
class CmsTable(Theme):
    cms = "cms-table"
    labels = {
        "hoat-dong": "Tin tức - Sự kiện",
        "bhxh": "Chế độ chính sách BHXH",
        "bhyt": "Chế độ chính sách BHYT",
        "bhtn": "Bảo hiểm thất nghiệp",
        "chuyen-doi-so": "Cải cách hành chính - Chuyển đổi số",
        "guong-dien-hinh": "Điển hình tiên tiến",
        "hoi-dap": "Giải đáp chính sách",
    }
    ma_cm = {
        "hoat-dong": 2,
        "bhxh": 11,
        "bhyt": 12,
        "bhtn": 13,
        "chuyen-doi-so": 21,
        "guong-dien-hinh": 15,
        "hoi-dap": 18,
    }
    page_size = 15

    def cat_path(self, cat: str, page: int = 1) -> str:
        return f"/tintuc.asp?MaCM={self.ma_cm[cat]}" + (f"&amp;Trang={page}" if page > 1 else "")

    def article_path(self, a: GenArticle) -> str:
        return f"/chitiet.asp?MaTin={a.id}"

    def doc_path(self, x: GenDocument) -> str:
        return f"/vanban.asp?ID={x.id}"

    def spokes_line(self) -> str:
        s = self.site.spokesperson
        if not any(s.values()):
            return ""
        bits = []
        if s["name"]:
            bits.append(f"Phát ngôn viên: {e(s['name'])}")
        if s["title"]:
            bits.append(e(s["title"]))
        if s["phone"]:
            bits.append(f"ĐT: {e(s['phone'])}")
        if s["email"]:
            bits.append(f"Email: {e(s['email'])}")
        if not s["name"]:
            bits[0] = "Phát ngôn viên: " + bits[0]
        return f'<font face="Arial" size="1" color="#FFFFFF">{", ".join(bits)}</font><br>'

    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        menu = "".join(
            f'<tr><td class="menu" height="24">&nbsp;<img src="/images/arrow.gif" width="7" height="7"> '
            f'<a href="{self.cat_path(c)}"><font face="Arial" size="2" color="#003399"><b>{e(l)}</b></font></a></td></tr>'
            for c, l in self.labels.items()
        )
        opts = "".join(f'<option value="{u}">{e(t)}</option>' for t, u in self.all_links())
        links = (
            '<select name="lienket" style="width:170px" onchange="if(this.value!=\'\')window.open(this.value)">'
            f'<option value="">--- Liên kết website ---</option>{opts}</select>'
        )
        search = ""
        if self.d.search_articles != "absent":
            search = (
                '<form name="frmSearch" method="post" action="/timkiem.asp" style="margin:0">'
                '<input type="text" name="txtSearch" size="18" value="" class="textbox">'
                '<input type="image" src="/images/btn_timkiem.gif" name="btnTim" alt="Tìm kiếm" border="0"></form>'
            )
        cnt = ""
        if counter is not None:
            cnt = (
                f'<tr><td align="center" bgcolor="#E8F0FF"><font face="Arial" size="1">Số người truy cập: '
                f'<b><font color="#CC0000">{counter:09d}</font></b></font></td></tr>'
            )
        vssid = ""
        if self.d.vssid:
            vssid = (
                '<tr><td align="center"><a href="https://vssid.vss.gov.vn/" target="_blank">'
                '<img src="/images/banner_vssid.jpg" width="180" border="0" alt="Ứng dụng VssID"></a></td></tr>'
            )
        social = ""
        if self.site.fanpage_url:
            social += f'<tr><td align="center"><a href="{self.site.fanpage_url}" target="_blank"><img src="/images/facebook.gif" border="0" alt="Trang Facebook của BHXH tỉnh {e(self.spec.province)}"></a></td></tr>'
        if self.site.zalo_url:
            social += f'<tr><td align="center"><a href="{self.site.zalo_url}" target="_blank"><img src="/images/zalo.gif" border="0" alt="Zalo"></a></td></tr>'
        ticker = " &nbsp;&nbsp;•&nbsp;&nbsp; ".join(
            f'<a href="{self.article_path(a)}"><font color="#FFFF00">{e(a.title)}</font></a>'
            for a in self.site.articles[:5]
        )
        charset = (
            "windows-1258" if self.spec.charset.lower() in ("windows-1258", "cp1258") else "utf-8"
        )
        return f"""<html><head><title>{e(title)}</title>
<meta http-equiv="Content-Type" content="text/html; charset={charset}">{head_extra}
<link rel="stylesheet" href="/style.css" type="text/css"></head>
<body topmargin="0" leftmargin="0" bgcolor="#FFFFFF">
<table width="980" border="0" cellspacing="0" cellpadding="0" align="center">
<tr><td colspan="3"><img src="/images/banner.jpg" width="980" height="120" alt="{e(self.spec.name)}"></td></tr>
<tr><td colspan="3" bgcolor="#003399" height="26"><font face="Arial" size="2" color="#FFFFFF">&nbsp;<a href="/default.asp"><font color="#FFFFFF"><b>TRANG CHỦ</b></font></a> | <a href="/gioithieu.asp"><font color="#FFFFFF"><b>GIỚI THIỆU</b></font></a> | <a href="/vanban.asp"><font color="#FFFFFF"><b>VĂN BẢN</b></font></a> | <a href="/lienhe.asp"><font color="#FFFFFF"><b>LIÊN HỆ</b></font></a></font></td></tr>
<tr><td colspan="3" bgcolor="#0055AA"><marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()">{ticker}</marquee></td></tr>
<tr valign="top"><td width="190" bgcolor="#F0F4FA"><table width="100%" border="0" cellspacing="0" cellpadding="2">
<tr><td bgcolor="#003399"><font face="Arial" size="2" color="#FFFFFF"><b>&nbsp;CHUYÊN MỤC</b></font></td></tr>{menu}
<tr><td bgcolor="#003399"><font face="Arial" size="2" color="#FFFFFF"><b>&nbsp;TÌM KIẾM</b></font></td></tr><tr><td>{search}</td></tr>
</table></td>
<td width="600">{inner}</td>
<td width="190"><table width="100%" border="0" cellspacing="0" cellpadding="3">{vssid}{social}
<tr><td bgcolor="#003399"><font face="Arial" size="2" color="#FFFFFF"><b>&nbsp;LIÊN KẾT WEBSITE</b></font></td></tr><tr><td>{links}</td></tr>
{cnt}</table></td></tr>
<tr><td colspan="3" bgcolor="#003399" align="center"><font face="Arial" size="1" color="#FFFFFF">
<b>BẢO HIỂM XÃ HỘI TỈNH {e(self.spec.province.upper())}</b><br>Địa chỉ: Số 45 đường Trần Hưng Đạo, tỉnh {e(self.spec.province)} - ĐT: 0213.3876.543 - Fax: 0213.3876.544<br>
{self.spokes_line()}Ghi rõ nguồn "{e(self.spec.name)}" khi phát hành lại thông tin từ website này.</font></td></tr>
</table></body></html>"""

    def row(self, a: GenArticle) -> str:
        img = (
            f'<img src="{a.images[0].src}" width="100" height="75" border="1" align="left" hspace="5" vspace="2">'
            if a.images
            else ""
        )
        sapo = f'<br><font face="Arial" size="2">{e(a.sapo)}</font>' if a.sapo else ""
        return (
            f'<tr><td class="tieude" valign="top">{img}<a href="{self.article_path(a)}" class="link_tieude">'
            f'<font face="Arial" size="2" color="#003399"><b>{e(a.title)}</b></font></a>{sapo}</td></tr>'
            f'<tr><td class="date" align="right"><font face="Arial" size="1" color="#808080">Cập nhật: {a.published:%d/%m/%Y}</font></td></tr>'
            '<tr><td><hr size="1" color="#CCCCCC"></td></tr>'
        )

    def pager(self, cat: str, page: int, n: int) -> str:
        lo, hi = max(1, page - 2), min(n, page + 2)
        out = []
        if page > 1:
            out.append(f'<a href="{self.cat_path(cat, page - 1)}">&lt; Trước</a>')
        if lo > 1:
            out.append(f'<a href="{self.cat_path(cat, 1)}">1</a>')
            if lo > 2:
                out.append("...")
        for k in range(lo, hi + 1):
            out.append(
                f"<b>[{k}]</b>" if k == page else f'<a href="{self.cat_path(cat, k)}">{k}</a>'
            )
        if hi < n:
            out.append("...")
        if page < n:
            out.append(f'<a href="{self.cat_path(cat, page + 1)}">Tiếp &gt;</a>')
        return f'<font face="Arial" size="2">{" ".join(out)}</font>'

    def handle(self, req: Req) -> Resp:
        p = req.path.lower()
        if p == "/":
            return redirect("/default.asp")
        if p == "/default.asp":
            blocks = "".join(
                f'<table width="100%" border="0" cellspacing="0" cellpadding="3"><tr><td bgcolor="#DDE7F5" class="tieude_cm">'
                f'<a href="{self.cat_path(c)}"><font face="Arial" size="2" color="#CC0000"><b>{e(l.upper())}</b></font></a></td></tr>'
                + "".join(self.row(a) for a in self.site.by_listing[c][:3])
                + "</table>"
                for c, l in self.labels.items()
            )
            top = (
                '<table width="100%" border="0" cellspacing="0" cellpadding="3"><tr><td bgcolor="#DDE7F5">'
                '<font face="Arial" size="2" color="#CC0000"><b>TIN MỚI CẬP NHẬT</b></font></td></tr>'
                + "".join(self.row(a) for a in self.site.articles[:6])
                + "</table>"
            )
            return self.page(req, top + blocks, title=self.spec.name, counter_shown=True)
        if p == "/tintuc.asp":
            cat = next((c for c, m in self.ma_cm.items() if str(m) == req.query.get("MaCM")), None)
            if cat is None:
                return not_found()
            items = self.site.by_listing[cat]
            page = self.int_arg(req, "Trang")
            n = self.n_pages(items)
            if page > n:
                return not_found()
            rows = "".join(self.row(a) for a in self.page_of(items, page))
            body = (
                f'<table width="100%" border="0" cellspacing="0" cellpadding="3"><tr><td bgcolor="#DDE7F5">'
                f'<font face="Arial" size="2"><a href="/default.asp">Trang chủ</a> &gt;&gt; <b>{e(self.labels[cat])}</b></font></td></tr>'
                f'{rows}<tr><td align="center">{self.pager(cat, page, n)}</td></tr></table>'
            )
            return self.page(
                req,
                body,
                title=f"{self.labels[cat]} - {self.spec.name}",
                lm=items[(page - 1) * self.page_size].published if items else None,
            )
        if p == "/chitiet.asp":
            ident = req.query.get("MaTin", "")
            a = self.site.by_id.get(int(ident)) if ident.isdigit() else None
            if a is None:
                return not_found("Tin này không tồn tại hoặc đã bị xóa.")
            return self.article(req, a)
        if p == "/timkiem.asp" and self.d.search_articles != "absent":
            # Classic ASP reads Request("txtSearch"): form and query string alike.
            q = req.form.get("txtSearch") or req.query.get("txtSearch", "")
            st, html = self.article_search(req, q, lambda a: f"Cập nhật: {a.published:%d/%m/%Y}")
            if st != 200:
                return Resp(st, _asp_error())
            return self.page(req, f"<h3>KẾT QUẢ TÌM KIẾM</h3>{html}", title="Tìm kiếm")
        if p == "/vanban.asp":
            if req.query.get("ID"):
                return doc_detail(self, req, req.query["ID"])
            return self.docs(req)
        if p == "/gioithieu.asp":
            body = (
                f"<h3>GIỚI THIỆU</h3><p>BHXH tỉnh {e(self.spec.province)} là cơ quan trực thuộc BHXH Việt Nam, "
                "có chức năng giúp Tổng Giám đốc tổ chức thực hiện các chế độ, chính sách BHXH, BHYT, BHTN trên địa bàn tỉnh.</p>"
            )
            return self.page(req, body, title="Giới thiệu")
        if p == "/lienhe.asp":
            body = (
                f'<h3>LIÊN HỆ</h3><p><font face="Arial" size="2">Bảo hiểm xã hội tỉnh {e(self.spec.province)}<br>'
                f"Số 45 đường Trần Hưng Đạo, tỉnh {e(self.spec.province)}<br>ĐT: 0213.3876.543 - Fax: 0213.3876.544</font></p>"
            )
            return self.page(req, body, title="Liên hệ")
        if p == "/robots.txt":
            return self.robots()
        return not_found()

    def docs(self, req: Req) -> Resp:
        form = ""
        if self.d.search_documents != "absent":
            form = (
                '<form method="get" action="/vanban.asp"><font face="Arial" size="2">Số ký hiệu / Trích yếu: '
                '<input type="text" name="txtSoKH" size="25"> <input type="submit" value="Tìm"></font></form>'
            )
        q = req.query.get("txtSoKH", "")
        if q and self.d.search_documents != "absent":
            st, html = self.doc_search(q, self.doc_path)
            if st != 200:
                return Resp(st, _asp_error())
            return self.page(req, f"<h3>VĂN BẢN</h3>{form}{html}", title="Văn bản")
        rows = "".join(
            f'<tr><td><font size="2">{x.issued:%d/%m/%Y}</font></td><td><a href="{self.doc_path(x)}"><font size="2">{e(x.number)}</font></a></td><td><font size="2">{e(x.summary)}</font></td></tr>'
            for x in self.site.documents[:30]
        )
        body = f'<h3>VĂN BẢN</h3>{form}<table width="100%" border="1" cellspacing="0" cellpadding="3" bordercolor="#CCCCCC">{rows}</table>'
        return self.page(req, body, title="Văn bản")

    def image(self, src: str, caption: str | None) -> str:
        cap = (
            f'<tr><td align="center"><font face="Arial" size="1"><i>{e(caption)}</i></font></td></tr>'
            if caption
            else ""
        )
        return (
            f'<table align="center" border="0" cellpadding="3" cellspacing="0" width="1"><tr><td>'
            f'<img src="{src}" width="450" border="0"></td></tr>{cap}</table>'
        )

    def article(self, req: Req, a: GenArticle) -> Resp:
        parts: list[str] = []
        for i, para in enumerate(a.paragraphs):
            parts.append(f'<p align="justify"><font face="Arial" size="2">{e(para)}</font></p>')
            if i == 0:
                parts += [self.image(im.src, im.caption) for im in a.images]
                if a.video:
                    parts.append(
                        f'<p align="center"><iframe width="450" height="300" src="https://www.youtube.com/embed/{a.video}" frameborder="0"></iframe></p>'
                    )
        if not a.paragraphs:
            parts += [self.image(im.src, im.caption) for im in a.images]
        sign = ""
        if a.author:
            sign += f'<p align="right"><font face="Arial" size="2"><b>{e(a.author)}</b></font></p>'
        if a.source:
            sign += f'<p align="right"><font face="Arial" size="2"><i>(Nguồn: {e(a.source)})</i></font></p>'
        sapo = f'<p><font face="Arial" size="2"><b>{e(a.sapo)}</b></font></p>' if a.sapo else ""
        others = "".join(
            f'<li><a href="{self.article_path(r)}"><font size="2">{e(r.title)}</font></a> <font size="1" color="#808080">({r.published:%d/%m/%Y})</font></li>'
            for r in self.site.by_listing[a.listed_under][:8]
            if r.id != a.id
        )
        body = f"""<table width="100%" border="0" cellspacing="0" cellpadding="5">
<tr><td bgcolor="#DDE7F5"><font face="Arial" size="2"><a href="/default.asp">Trang chủ</a> &gt;&gt; <a href="{self.cat_path(a.listed_under)}">{e(self.label(a))}</a></font></td></tr>
<tr><td class="date" align="right"><font face="Arial" size="1" color="#808080">Cập nhật: {a.published:%d/%m/%Y %H:%M}</font></td></tr>
<tr><td><font face="Arial" size="3" color="#003399"><b>{e(a.title)}</b></font></td></tr>
<tr><td>{sapo}{"".join(parts)}{sign}</td></tr>
<tr><td align="right"><a href="javascript:window.print()"><img src="/images/print.gif" border="0"> In trang</a> | <a href="javascript:history.back()">Quay lại</a></td></tr>
<tr><td><font face="Arial" size="2" color="#CC0000"><b>Các tin khác:</b></font><ul>{others}</ul></td></tr></table>"""
        return self.page(req, body, title=a.title, lm=a.published)


def _asp_error() -> str:
    return (
        '<html><body><font face="Arial" size=2><p>Microsoft OLE DB Provider for SQL Server</font> '
        '<font face="Arial" size=2>error \'80040e14\'</font><p><font face="Arial" size=2>/timkiem.asp</font>, line 42</body></html>'
    )


HOLDOUT2_THEMES: dict[str, type[Theme]] = {"igate-mvc": IGateMvc, "cms-table": CmsTable}
SERVER_HEADERS2: dict[str, str] = {
    "igate-mvc": "Microsoft-IIS/10.0",
    "cms-table": "Microsoft-IIS/6.0",
}
