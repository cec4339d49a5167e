"""Holdout CMS styles: demo portals whose markup the extractors were never tuned on.

Written from how each CMS really renders pages, without looking at portal_lint/extract:
- `EgovAspx`  ASP.NET WebForms "Cổng thông tin" (VNPT/eGov-like): one big aspnetForm,
  listing pagination only through __doPostBack (the server really handles the POST),
  "(20/05/2024)" after titles, search through a postback that redirects.
- `Joomla3`   Joomla 3: /index.php/... SEF URLs, ?start=N blog pagination, <time datetime>,
  mod_search (POST searchword), caption from img.caption[title], vvisit_counter table.
- `Drupal9`   Drupal 9: path aliases + /node/N, 0-based ?page=N, UTC datetime attributes,
  "Gửi bởi admin" (not the author), views exposed search, spokesperson in a column table.
- `VnVendor`  a Vietnamese vendor CMS: dates in words with SA/CH, "Trang sau" via ?p=N,
  a counter drawn with digit images, spokesperson in a <dl>, an image-logo link strip,
  search through a JS-built URL.

Pure like themes.py: a theme maps a `Req` to a `Resp`; only `req.hit()` touches state.
"""

from __future__ import annotations

import base64
from datetime import datetime, timedelta
from urllib.parse import quote_plus

from portal_lint.demo import content as C
from portal_lint.demo.model import GenArticle, GenDocument
from portal_lint.demo.themes import Req, Resp, Theme, e, not_found, redirect, rfc822, thousands

WEEKDAYS_LOWER = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
WEEKDAYS_SHORT = ("T2", "T3", "T4", "T5", "T6", "T7", "CN")


def _sa_ch(t: datetime) -> str:
    """12-hour clock with the Vietnamese SA (sáng) / CH (chiều) suffixes."""
    h = t.hour % 12 or 12
    return f"{h}:{t.minute:02d} {'SA' if t.hour < 12 else 'CH'}"


def _words_date(t: datetime) -> str:
    return f"{WEEKDAYS_LOWER[t.weekday()]}, ngày {t.day} tháng {t.month} năm {t.year}"


def _bare_source(source: str) -> str:
    """The generator's source line carries its own "Nguồn: " label; some CMSs print a field label instead."""
    return source.removeprefix("Nguồn:").strip()


def _search_mode(theme: Theme, kind: str) -> str:
    return getattr(theme.d, f"search_{kind}")


def _article_hits(theme: Theme, q: str) -> list[GenArticle] | None:
    """None = the search crashes (500)."""
    mode = _search_mode(theme, "articles")
    if mode == "broken-500":
        return None
    return [] if mode == "broken-empty" else theme.find_articles(q)


def _doc_hits(theme: Theme, q: str) -> list[GenDocument] | None:
    mode = _search_mode(theme, "documents")
    if mode == "broken-500":
        return None
    if mode == "broken-empty":
        return []
    return theme.find_documents(q) if q.strip() else list(theme.site.documents)


# =========================================================================== ASP.NET eGov
class EgovAspx(Theme):
    cms = "egov-aspx"
    labels = {
        "hoat-dong": "Hoạt động của ngành",
        "bhxh": "Chính sách bảo hiểm xã hội",
        "bhyt": "Chính sách bảo hiểm y tế",
        "bhtn": "Bảo hiểm thất nghiệp",
        "chuyen-doi-so": "Cải cách hành chính - Chuyển đổi số",
        "guong-dien-hinh": "Gương sáng ngành BHXH",
        "hoi-dap": "Giải đáp chính sách",
    }
    cids = {
        "hoat-dong": 21,
        "bhxh": 22,
        "bhyt": 23,
        "bhtn": 24,
        "chuyen-doi-so": 31,
        "guong-dien-hinh": 27,
        "hoi-dap": 29,
    }
    page_size = 10
    window = 5  # pager shows at most 5 page numbers, like a Repeater over a window
    pager = "ctl00$ContentPlaceHolder1$rptPager"
    ev_validation = "/wEdAAWq3dHrQ2n8fGJ0uJmZ0tYQ8kLq4s6x2Vb3T1cPz9W0yA=="

    def cat_path(self, cat: str) -> str:
        return f"/Pages/ChuyenMuc.aspx?cid={self.cids[cat]}"

    def article_path(self, a: GenArticle) -> str:
        return f"/Pages/ChiTietTin.aspx?nid={a.id}&cid={self.cids[a.listed_under]}"

    @staticmethod
    def viewstate(state: str) -> str:
        return "/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QW" + base64.b64encode(state.encode()).decode()

    @staticmethod
    def read_viewstate(vs: str) -> dict[str, str]:
        try:
            raw = base64.b64decode(vs.removeprefix("/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QW")).decode()
            return dict(kv.split("=", 1) for kv in raw.split("|") if "=" in kv)
        except (ValueError, UnicodeDecodeError):
            return {}

    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        menu = "".join(
            f'<li><a href="{self.cat_path(c).replace("&", "&amp;")}">{e(l)}</a></li>'
            for c, l in self.labels.items()
        )
        links = "".join(
            f'<li><a href="{u}" target="_blank">{e(t)}</a></li>' for t, u in self.all_links()
        )
        cnt = ""
        if counter is not None:
            cnt = (
                '<div class="box-thongke"><div class="box-title">Thống kê truy cập</div><table class="tbl-thongke">'
                f"<tr><td>Đang trực tuyến:</td><td>{counter % 23 + 4}</td></tr>"
                f"<tr><td>Hôm nay:</td><td>{thousands(counter % 997 + 120)}</td></tr>"
                f"<tr><td>Tháng này:</td><td>{thousands(counter % 31337 + 9000)}</td></tr>"
                f'<tr><td>Tổng số:</td><td><span id="ctl00_ucThongKe_lblTong">{thousands(counter)}</span></td></tr></table></div>'
            )
        search = ""
        if self.d.search_articles != "absent":
            search = (
                '<div class="search-box"><input name="ctl00$ucSearch$txtKeyword" type="text" id="ctl00_ucSearch_txtKeyword" '
                'class="txt-search" placeholder="Nhập nội dung cần tìm..." />'
                '<input type="submit" name="ctl00$ucSearch$btnSearch" value="Tìm kiếm" id="ctl00_ucSearch_btnSearch" class="btn-search" /></div>'
            )
        can = f'<link rel="canonical" href="{canonical}" />' if canonical else ""
        action = e(
            req.path
            + ("?" + "&".join(f"{k}={v}" for k, v in req.query.items()) if req.query else "")
        )
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head id="ctl00_Head1"><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>
	{e(title)} | Cổng thông tin điện tử {e(self.spec.name)}
</title>{can}{head_extra}<link href="/App_Themes/Default/style.css" type="text/css" rel="stylesheet" /></head>
<body><form method="post" action="{action}" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="__VS_TOKEN__" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {{ theForm = document.aspnetForm; }}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATEGENERATOR" id="__VIEWSTATEGENERATOR" value="CA0B0334" />
<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="{self.ev_validation}" /></div>
<div id="wrapper"><div id="header"><a href="/Default.aspx"><img src="/images/banner_bhxh.jpg" alt="{e(self.spec.name)}" /></a>{search}</div>
<div id="menu"><ul class="main-menu"><li><a href="/Default.aspx">Trang chủ</a></li><li><a href="/Pages/GioiThieu.aspx?id=5">Người phát ngôn</a></li>
<li><a href="#">Tin tức</a><ul>{menu}</ul></li><li><a href="/Pages/VanBan.aspx">Văn bản chỉ đạo điều hành</a></li></ul></div>
<div id="main"><div class="col-main">{inner}</div>
<div class="col-right">{self.vssid_block()}{cnt}</div></div>
<div id="footer"><div class="lienket"><div class="box-title">Liên kết website</div><ul>{links}</ul></div>
<p>Bản quyền thuộc {e(self.spec.name)}. Địa chỉ: Số 08 đường Lê Lợi, tỉnh {e(self.spec.province)}</p>
<p>Điện thoại: 0256.3822.456 - Email: bhxh.{self.spec.domain.split(".")[0]}@vss.gov.vn</p><p>{self.social_links()}</p>
<p>Thiết kế và phát triển bởi VNPT {e(self.spec.province)}</p></div></div></form></body></html>"""

    def page_state(self, resp: Resp, state: str) -> Resp:
        """Put the page's view state (what a postback will come back with) into the form."""
        if isinstance(resp.body, str):
            resp.body = resp.body.replace("__VS_TOKEN__", self.viewstate(state))
        return resp

    def item(self, a: GenArticle, sapo: bool = True) -> str:
        img = f'<img src="{a.images[0].src}" class="img-news" />' if a.images else ""
        s = f'<div class="news-desc">{e(a.sapo)}</div>' if sapo and a.sapo else ""
        return (
            f'<div class="news-item">{img}<a class="news-title" href="{e(self.article_path(a))}">{e(a.title)}</a>'
            f' <span class="news-date">({a.published:%d/%m/%Y})</span>{s}</div>'
        )

    def handle(self, req: Req) -> Resp:
        return self.page_state(self.route(req), f"path={req.path}")

    def route(self, req: Req) -> Resp:
        p = req.path
        if p in ("/", "/Default.aspx", "/default.aspx"):
            if req.method == "POST" and "ctl00$ucSearch$btnSearch" in req.form:
                return self.search_postback(req)
            top = "".join(self.item(a) for a in self.site.articles[:8])
            boxes = "".join(
                f'<div class="box-cate"><div class="box-title"><a href="{e(self.cat_path(c))}">{e(l)}</a></div>'
                + "".join(self.item(a, False) for a in self.site.by_listing[c][:3])
                + "</div>"
                for c, l in self.labels.items()
            )
            return self.page_state(
                self.page(
                    req,
                    f'<div class="box-tinmoi"><div class="box-title">Tin mới cập nhật</div>{top}</div>{boxes}',
                    title="Trang chủ",
                    counter_shown=True,
                ),
                "home",
            )
        if p == "/Pages/ChuyenMuc.aspx":
            cat = next((c for c, i in self.cids.items() if str(i) == req.query.get("cid")), None)
            if cat is None:
                return not_found()
            if req.method == "POST" and "ctl00$ucSearch$btnSearch" in req.form:
                return self.search_postback(req)
            return self.listing(req, cat)
        if p == "/Pages/ChiTietTin.aspx":
            nid = req.query.get("nid", "")
            a = self.site.by_id.get(int(nid)) if nid.isdigit() else None
            if a is None:
                return not_found()
            return self.article(req, a)
        if p == "/Pages/TimKiem.aspx" and self.d.search_articles != "absent":
            q = req.query.get("keyword", "")
            hits = _article_hits(self, q)
            if hits is None:
                return Resp(
                    500, self.yellow_screen("Object reference not set to an instance of an object.")
                )
            rows = "".join(self.item(a) for a in hits) or '<p class="no-data">Không có dữ liệu</p>'
            return self.page(
                req,
                f'<div class="box-title">Kết quả tìm kiếm: "{e(q)}"</div>{rows}',
                title="Tìm kiếm",
            )
        if p == "/Pages/GioiThieu.aspx" and req.query.get("id") == "5":
            return self.spokes(req)
        if p == "/Pages/VanBan.aspx":
            if req.method == "POST" and "ctl00$ContentPlaceHolder1$btnTimVB" in req.form:
                if "__EVENTVALIDATION" not in req.form:
                    return Resp(500, self.yellow_screen("Invalid postback or callback argument."))
                f = req.form
                return redirect(
                    "/Pages/VanBan.aspx?sokyhieu="
                    + quote_plus(f.get("ctl00$ContentPlaceHolder1$txtSoKyHieu", ""))
                    + "&trichyeu="
                    + quote_plus(f.get("ctl00$ContentPlaceHolder1$txtTrichYeu", ""))
                )
            if req.method == "POST" and "ctl00$ucSearch$btnSearch" in req.form:
                return self.search_postback(req)
            return self.documents(req)
        if p == "/Pages/ChiTietVanBan.aspx":
            x = next((x for x in self.site.documents if str(x.id) == req.query.get("id")), None)
            if x is None:
                return not_found()
            body = (
                f'<div class="vb-detail"><h2>{e(x.kind)} {e(x.number)}</h2><table class="tbl-vb">'
                f"<tr><th>Số ký hiệu</th><td>{e(x.number)}</td></tr><tr><th>Ngày ban hành</th><td>{x.issued:%d/%m/%Y}</td></tr>"
                f"<tr><th>Trích yếu</th><td>{e(x.summary)}</td></tr><tr><th>Người ký</th><td>{e(x.signer)}</td></tr>"
                f'<tr><th>File đính kèm</th><td><a href="/Uploads/vanban/{x.id}.pdf">Tải về</a></td></tr></table></div>'
            )
            return self.page(req, body, title=x.number)
        if p == "/robots.txt":
            return Resp(
                200, "User-agent: *\nDisallow: /Admin/\nDisallow: /WebResource.axd\n", "text/plain"
            )
        if p == "/sitemap.xml":
            return self.sitemap(req)
        return not_found()

    @staticmethod
    def yellow_screen(msg: str) -> str:
        return (
            "<html><head><title>Runtime Error</title></head><body><h1>Server Error in '/' Application.</h1>"
            f"<h2><i>{e(msg)}</i></h2></body></html>"
        )

    def search_postback(self, req: Req) -> Resp:
        """The search button posts the whole form; the code-behind redirects to the results."""
        if "__EVENTVALIDATION" not in req.form:
            return Resp(500, self.yellow_screen("Invalid postback or callback argument."))
        kw = req.form.get("ctl00$ucSearch$txtKeyword", "")
        return redirect("/Pages/TimKiem.aspx?keyword=" + quote_plus(kw))

    def listing(self, req: Req, cat: str) -> Resp:
        items = self.site.by_listing[cat]
        n = self.n_pages(items)
        page = 1
        if req.method == "POST":
            if "__EVENTVALIDATION" not in req.form or "__VIEWSTATE" not in req.form:
                return Resp(500, self.yellow_screen("Invalid postback or callback argument."))
            st = self.read_viewstate(req.form["__VIEWSTATE"])
            cur = int(st.get("p", "1") or 1)
            w0 = int(st.get("w", "1") or 1)
            target = req.form.get("__EVENTTARGET", "")
            if target.startswith(self.pager + "$ctl") and target.endswith("$lnkPage"):
                idx = target[len(self.pager) + 4 :].split("$")[0]
                page = w0 + int(idx) if idx.isdigit() else cur
            elif target.endswith("$lnkNext"):
                page = cur + 1
            elif target.endswith("$lnkPrev"):
                page = cur - 1
            elif target.endswith("$lnkFirst"):
                page = 1
            elif target.endswith("$lnkLast"):
                page = n
            else:
                page = cur
            page = min(max(1, page), n)
        w0 = max(1, min(page - self.window // 2, n - self.window + 1))
        rows = "".join(self.item(a) for a in self.page_of(items, page))

        def lnk(name: str, text: str) -> str:
            return f"<a id=\"ctl00_ContentPlaceHolder1_{name}\" href=\"javascript:__doPostBack('ctl00$ContentPlaceHolder1${name}','')\">{text}</a>"

        nums = []
        for k in range(w0, min(n, w0 + self.window - 1) + 1):
            ctl = f"ctl{k - w0:02d}"
            if k == page:
                nums.append(f'<span class="current">{k}</span>')
            else:
                nums.append(
                    f'<a id="ctl00_ContentPlaceHolder1_rptPager_{ctl}_lnkPage" '
                    f"href=\"javascript:__doPostBack('{self.pager}${ctl}$lnkPage','')\">{k}</a>"
                )
        pager = (
            (lnk("lnkFirst", "«") + lnk("lnkPrev", "‹") if page > 1 else "")
            + "".join(nums)
            + (lnk("lnkNext", "›") + lnk("lnkLast", "»") if page < n else "")
        )
        bc = f'<div class="breadcrumb"><a href="/Default.aspx">Trang chủ</a> » <a href="#">Tin tức</a> » <span>{e(self.labels[cat])}</span></div>'
        resp = self.page(
            req,
            f'{bc}<div class="list-news">{rows}</div><div class="pager">Trang: {pager}</div>',
            title=self.labels[cat],
            lm=items[(page - 1) * self.page_size].published if items else None,
        )
        return self.page_state(resp, f"cid={self.cids[cat]}|p={page}|w={w0}")

    def article(self, req: Req, a: GenArticle) -> Resp:
        sapo = f'<div class="news-sapo"><strong>{e(a.sapo)}</strong></div>' if a.sapo else ""
        by = " - ".join(x for x in (a.author, a.source) if x)
        foot = (
            f'<p class="news-author" style="text-align:right"><strong>{e(by)}</strong></p>'
            if by
            else ""
        )
        others = "".join(
            f'<li><a href="{e(self.article_path(r))}">{e(r.title)}</a> <span>({r.published:%d/%m/%Y})</span></li>'
            for r in self.site.by_listing[a.listed_under][:8]
            if r.id != a.id
        )
        inner = (
            f'<div class="breadcrumb"><a href="/Default.aspx">Trang chủ</a> » <a href="#">Tin tức</a> » '
            f'<a href="{e(self.cat_path(a.listed_under))}">{e(self.label(a))}</a></div>'
            f'<div class="news-detail"><h1 class="title-detail">{e(a.title)}</h1>'
            f'<div class="date-detail">Ngày cập nhật: {a.published:%d/%m/%Y %H:%M}</div>{sapo}'
            f'<div class="content-detail">{self.body_html(a, "table")}</div>{foot}</div>'
            f'<div class="other-news"><div class="box-title">Các tin khác</div><ul>{others}</ul></div>'
        )
        resp = self.page(
            req, inner, title=a.title, lm=a.published, canonical=req.base + self.article_path(a)
        )
        return self.page_state(resp, f"nid={a.id}")

    def spokes(self, req: Req) -> Resp:
        s = self.site.spokesperson
        rows = "".join(
            f"<tr><td><strong>{lab}</strong></td><td>{e(s[k])}</td></tr>"
            for lab, k in (
                ("Họ và tên:", "name"),
                ("Chức vụ:", "title"),
                ("Điện thoại cơ quan:", "phone"),
                ("Thư điện tử:", "email"),
            )
            if s[k]
        )
        table = (
            f'<table class="tbl-phatngon" border="1" cellpadding="4">{rows}</table>' if rows else ""
        )
        body = (
            '<div class="box-title">Người phát ngôn và cung cấp thông tin cho báo chí</div>'
            f"<p>Căn cứ Nghị định số 09/2017/NĐ-CP ngày 09/02/2017 của Chính phủ, Giám đốc BHXH tỉnh {e(self.spec.province)} "
            f"thông báo người phát ngôn và cung cấp thông tin cho báo chí như sau:</p>{table}"
        )
        return self.page(req, body, title="Người phát ngôn và cung cấp thông tin cho báo chí")

    def documents(self, req: Req) -> Resp:
        searching = "sokyhieu" in req.query or "trichyeu" in req.query
        if searching and self.d.search_documents != "absent":
            q = (req.query.get("sokyhieu", "") + " " + req.query.get("trichyeu", "")).strip()
            hits = _doc_hits(self, q)
            if hits is None:
                return Resp(500, self.yellow_screen("Timeout expired."))
            docs = hits
        else:
            docs = list(self.site.documents)
        page = self.int_arg(req, "page")
        size = 20
        rows = (
            "".join(
                f'<tr><td>{x.issued:%d/%m/%Y}</td><td><a href="/Pages/ChiTietVanBan.aspx?id={x.id}">{e(x.number)}</a></td><td>{e(x.summary)}</td></tr>'
                for x in docs[(page - 1) * size : page * size]
            )
            or '<tr><td colspan="3">Không tìm thấy văn bản</td></tr>'
        )
        n = max(1, -(-len(docs) // size))
        pager = " ".join(f'<a href="/Pages/VanBan.aspx?page={k}">{k}</a>' for k in range(1, n + 1))
        form = ""
        if self.d.search_documents != "absent":
            form = (
                '<div class="vb-search"><label>Số ký hiệu</label><input type="text" name="ctl00$ContentPlaceHolder1$txtSoKyHieu" id="ctl00_ContentPlaceHolder1_txtSoKyHieu" />'
                '<label>Trích yếu</label><input type="text" name="ctl00$ContentPlaceHolder1$txtTrichYeu" id="ctl00_ContentPlaceHolder1_txtTrichYeu" />'
                '<input type="submit" name="ctl00$ContentPlaceHolder1$btnTimVB" value="Tìm văn bản" id="ctl00_ContentPlaceHolder1_btnTimVB" /></div>'
            )
        body = (
            f'<div class="box-title">Văn bản chỉ đạo điều hành</div>{form}<table class="tbl-vanban"><tr><th>Ngày ban hành</th>'
            f'<th>Số ký hiệu</th><th>Trích yếu</th></tr>{rows}</table><div class="pager">{pager}</div>'
        )
        return self.page_state(self.page(req, body, title="Văn bản"), "vanban")


# =========================================================================== Joomla 3
class Joomla3(Theme):
    cms = "joomla"
    labels = {
        "hoat-dong": "Tin hoạt động",
        "bhxh": "Tin BHXH",
        "bhyt": "Tin BHYT",
        "bhtn": "Tin BH thất nghiệp",
        "chuyen-doi-so": "Chuyển đổi số - Đề án 06",
        "guong-dien-hinh": "Người tốt việc tốt",
        "hoi-dap": "Hỏi đáp BHXH, BHYT",
    }
    page_size = 8
    alias = {
        "hoat-dong": "tin-hoat-dong",
        "bhxh": "tin-bhxh",
        "bhyt": "tin-bhyt",
        "bhtn": "tin-bhtn",
        "chuyen-doi-so": "chuyen-doi-so",
        "guong-dien-hinh": "nguoi-tot-viec-tot",
        "hoi-dap": "hoi-dap",
    }

    def cat_path(self, cat: str) -> str:
        return f"/index.php/tin-tuc/{self.alias[cat]}"

    def article_path(self, a: GenArticle) -> str:
        return f"{self.cat_path(a.listed_under)}/{a.id}-{a.slug}"

    @staticmethod
    def jdate(t: datetime) -> str:
        # Joomla vi-VN DATE_FORMAT_LC2 "l, d F Y H:i"
        return f"{WEEKDAYS_LOWER[t.weekday()]}, {t:%d} Tháng {t.month} {t.year} {t:%H:%M}"

    @staticmethod
    def iso(t: datetime) -> str:
        return t.strftime("%Y-%m-%dT%H:%M:%S+07:00")

    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        sub = "".join(
            f'<li class="item-{110 + i}"><a href="{self.cat_path(c)}">{e(l)}</a></li>'
            for i, (c, l) in enumerate(self.labels.items())
        )
        links = "".join(
            f'<li><a href="{u}" target="_blank" rel="noopener">{e(t)}</a></li>'
            for t, u in self.all_links()
        )
        cnt = ""
        if counter is not None:
            rows = (
                ("Hôm nay", counter % 613 + 211),
                ("Hôm qua", counter % 587 + 240),
                ("Tuần này", counter % 4021 + 1500),
                ("Tháng này", counter % 17011 + 6000),
                ("Tất cả", counter),
            )
            cnt = (
                '<div class="moduletable"><h3>Thống kê truy cập</h3><div class="vvisit_counter"><table cellpadding="0" cellspacing="0">'
                + "".join(
                    f'<tr align="left"><td>{lab}</td><td align="right">{v}</td></tr>'
                    for lab, v in rows
                )
                + f"</table><div>Khách trực tuyến: {counter % 19 + 3}</div></div></div>"
            )
        search = ""
        if self.d.search_articles != "absent":
            search = (
                '<div class="search"><form action="/index.php" method="post" class="form-inline" role="search">'
                '<label for="mod-search-searchword93" class="element-invisible">Tìm kiếm...</label> '
                '<input name="searchword" id="mod-search-searchword93" maxlength="200" class="inputbox search-query input-medium" type="search" placeholder="Tìm kiếm..." />'
                '<input type="hidden" name="task" value="search" /><input type="hidden" name="option" value="com_search" />'
                '<input type="hidden" name="Itemid" value="101" /></form></div>'
            )
        can = f'<link href="{canonical}" rel="canonical" />' if canonical else ""
        feed = (
            ""
            if self.d.feed == "missing"
            else '<link href="/index.php/tin-tuc?format=feed&amp;type=rss" rel="alternate" type="application/rss+xml" title="RSS 2.0" />'
        )
        return f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
	<meta name="viewport" content="width=device-width, initial-scale=1.0" />
	<meta charset="utf-8" />
	<base href="{req.base}{e(req.path)}" />
	<meta name="generator" content="Joomla! - Open Source Content Management" />
	<title>{e(title)} - {e(self.spec.name)}</title>{can}{feed}{head_extra}
	<link href="/templates/protostar/favicon.ico" rel="shortcut icon" type="image/vnd.microsoft.icon" />
	<script src="/media/jui/js/jquery.min.js?3a1b2c"></script>
	<script src="/media/system/js/caption.js?3a1b2c"></script>
	<script>jQuery(window).on('load',  function() {{ new JCaption('img.caption'); }});</script>
</head>
<body class="site com_content view-category no-layout no-task itemid-101">
<div class="body" id="top"><div class="container">
<header class="header" role="banner"><div class="header-inner clearfix"><a class="brand pull-left" href="/"><img src="/images/logo-bhxh.png" alt="{e(self.spec.name)}" /></a>
<div class="header-search pull-right">{search}</div></div></header>
<nav class="navigation" role="navigation"><ul class="nav menu nav-pills mod-list">
<li class="item-101 default"><a href="/index.php">Trang chủ</a></li>
<li class="item-102 deeper parent"><a href="/index.php/gioi-thieu">Giới thiệu</a><ul class="nav-child unstyled small"><li class="item-103"><a href="/index.php/gioi-thieu/nguoi-phat-ngon">Người phát ngôn</a></li></ul></li>
<li class="item-104 deeper parent"><a href="/index.php/tin-tuc">Tin tức</a><ul class="nav-child unstyled small">{sub}</ul></li>
<li class="item-120"><a href="/index.php/van-ban">Văn bản</a></li><li class="item-121"><a href="/index.php/lien-he">Liên hệ</a></li></ul></nav>
<div class="row-fluid"><main id="content" role="main" class="span9">
<div id="system-message-container"></div>
{inner}</main>
<div id="aside" class="span3">{self.vssid_block()}<div class="moduletable"><h3>Liên kết website</h3><ul class="weblinks">{links}</ul></div>{cnt}</div></div>
</div></div>
<footer class="footer" role="contentinfo"><div class="container"><hr />
<p>{e(self.spec.name)} - Địa chỉ: Số 120 đường Lý Bôn, tỉnh {e(self.spec.province)} - ĐT: 0227.3831.246</p><p>{self.social_links()}</p>
<p class="pull-right"><a href="#top" id="back-top">Lên đầu trang</a></p></div></footer></body></html>"""

    def blog_item(self, a: GenArticle, intro: bool = True) -> str:
        img = (
            f'<div class="pull-left item-image"><img src="{a.images[0].src}" alt="" itemprop="thumbnailUrl"/></div>'
            if a.images
            else ""
        )
        text = f"<p>{e(a.sapo)}</p>" if intro and a.sapo else ""
        return (
            f'<div class="item column-1" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">'
            f'<div class="page-header"><h2 itemprop="name"><a href="{self.article_path(a)}" itemprop="url">{e(a.title)}</a></h2></div>'
            f'<dl class="article-info muted"><dt class="article-info-term">Chi tiết</dt>'
            f'<dd class="published"><span class="icon-calendar" aria-hidden="true"></span>'
            f'<time datetime="{self.iso(a.published)}" itemprop="datePublished">Ngày đăng: {self.jdate(a.published)}</time></dd></dl>'
            f'{img}{text}<p class="readmore"><a class="btn" href="{self.article_path(a)}" itemprop="url"><span class="icon-chevron-right"></span>Xem thêm...</a></p></div>'
        )

    def handle(self, req: Req) -> Resp:
        p = req.path.rstrip("/") or "/"
        if req.method == "POST" and req.form.get("option") == "com_search":
            return redirect(
                "/index.php/component/search/?searchword="
                + quote_plus(req.form.get("searchword", ""))
                + "&searchphrase=all&Itemid=101",
                303,
            )
        if req.query.get("format") == "feed" and p.startswith("/index.php/tin-tuc"):
            cat = next((c for c in self.labels if p == self.cat_path(c)), None)
            items = self.site.by_listing[cat] if cat else self.site.articles
            return self.rss(req, self.labels[cat] if cat else "Tin tức", items)
        if req.query.get("option") == "com_osmap" and p in ("/", "/index.php"):
            return self.sitemap(req)
        if p in ("/", "/index.php"):
            lead = "".join(self.blog_item(a) for a in self.site.articles[:6])
            self_mods = "".join(
                f'<div class="moduletable"><h3><a href="{self.cat_path(c)}">{e(l)}</a></h3><ul class="latestnews mod-list">'
                + "".join(
                    f'<li itemscope itemtype="https://schema.org/Article"><a href="{self.article_path(a)}" itemprop="url"><span itemprop="name">{e(a.title)}</span></a></li>'
                    for a in self.site.by_listing[c][:4]
                )
                + "</ul></div>"
                for c, l in self.labels.items()
            )
            return self.page(
                req,
                f'<div class="blog-featured" itemscope itemtype="https://schema.org/Blog"><div class="items-leading clearfix">{lead}</div></div>{self_mods}',
                title="Trang chủ",
                counter_shown=True,
            )
        if p == "/index.php/tin-tuc":
            body = "".join(
                f'<h2><a href="{self.cat_path(c)}">{e(l)}</a></h2>' for c, l in self.labels.items()
            )
            return self.page(req, f'<div class="categories-list">{body}</div>', title="Tin tức")
        for c in self.labels:
            cp = self.cat_path(c)
            if p == cp:
                return self.listing(req, c)
            if p.startswith(cp + "/"):
                rest = p[len(cp) + 1 :]
                aid = rest.split("-", 1)[0]
                a = self.site.by_id.get(int(aid)) if aid.isdigit() else None
                if a is None or a.listed_under != c:
                    return not_found()
                if rest != f"{a.id}-{a.slug}":
                    return redirect(self.article_path(a), 301)
                return self.article(req, a)
        if p == "/index.php/component/search" and self.d.search_articles != "absent":
            q = req.query.get("searchword", "")
            hits = _article_hits(self, q)
            if hits is None:
                return Resp(
                    500,
                    "<!DOCTYPE html><html><head><title>Lỗi: 500</title></head><body><h1>500 - Đã xảy ra lỗi.</h1><p>Lỗi cơ sở dữ liệu.</p></body></html>",
                )
            res = "".join(
                f'<dt class="result-title">{i}. <a href="{self.article_path(a)}">{e(a.title)}</a></dt>'
                f'<dd class="result-category"><span class="small">({e(self.label(a))})</span></dd>'
                f'<dd class="result-text">{e(a.sapo)}</dd><dd class="result-created">Ngày tạo: {a.published:%d} Tháng {a.published.month} {a.published.year}</dd>'
                for i, a in enumerate(hits, 1)
            )
            total = f'<div class="searchintro"><p>Tổng cộng: <span class="badge badge-info">{len(hits)}</span> kết quả được tìm thấy.</p></div>'
            return self.page(
                req,
                f'<div class="search"><h1>Tìm kiếm</h1>{total}<dl class="search-results">{res}</dl></div>',
                title="Tìm kiếm",
            )
        if p == "/index.php/gioi-thieu/nguoi-phat-ngon":
            return self.spokes(req)
        if p == "/index.php/gioi-thieu":
            return self.page(
                req,
                f'<h1>Giới thiệu</h1><p>{e(self.spec.name)} là cơ quan trực thuộc BHXH Việt Nam.</p><p><a href="/index.php/gioi-thieu/nguoi-phat-ngon">Người phát ngôn</a></p>',
                title="Giới thiệu",
            )
        if p == "/index.php/lien-he":
            return self.page(
                req,
                f'<div class="contact"><div class="page-header"><h2>Liên hệ</h2></div><address>{e(self.spec.name)}<br />Số 120 đường Lý Bôn, tỉnh {e(self.spec.province)}'
                "<br />Điện thoại: 0227.3831.246</address></div>",
                title="Liên hệ",
            )
        if p == "/index.php/van-ban":
            return self.documents(req)
        if p.startswith("/index.php/van-ban/"):
            ident = p.rsplit("/", 1)[1].split("-", 1)[0]
            x = next((x for x in self.site.documents if str(x.id) == ident), None)
            if x is None:
                return not_found()
            return self.page(
                req,
                f'<div class="item-page"><h2>{e(x.kind)} số {e(x.number)}</h2><p>Ngày ban hành: {x.issued:%d/%m/%Y}</p>'
                f'<p>Trích yếu: {e(x.summary)}</p><p>Người ký: {e(x.signer)}</p><p><a href="/images/vanban/{x.id}.pdf">Tải văn bản</a></p></div>',
                title=x.number,
            )
        if p == "/robots.txt":
            return Resp(
                200,
                "User-agent: *\nDisallow: /administrator/\nDisallow: /cache/\nDisallow: /tmp/\n"
                + (
                    ""
                    if self.d.sitemap == "missing"
                    else f"Sitemap: {req.base}/index.php?option=com_osmap&view=xml&id=1\n"
                ),
                "text/plain",
            )
        return not_found()

    def listing(self, req: Req, cat: str) -> Resp:
        items = self.site.by_listing[cat]
        try:
            start = max(0, int(req.query.get("start", "0")))
        except ValueError:
            start = 0
        if start and start >= len(items):
            return not_found()
        rows = "".join(self.blog_item(a) for a in items[start : start + self.page_size])
        n = self.n_pages(items)
        cur = start // self.page_size + 1
        cp = self.cat_path(cat)

        def href(k: int) -> str:
            return cp if k == 1 else f"{cp}?start={(k - 1) * self.page_size}"

        lis = []
        if cur > 1:
            lis.append(f'<li><a title="Đầu" href="{href(1)}" class="pagenav">Đầu</a></li>')
            lis.append(
                f'<li><a title="Trước" href="{href(cur - 1)}" class="pagenav">Trước</a></li>'
            )
        for k in range(max(1, cur - 4), min(n, cur + 5) + 1):
            lis.append(
                f'<li class="active hidden-phone"><a>{k}</a></li>'
                if k == cur
                else f'<li class="hidden-phone"><a title="{k}" href="{href(k)}" class="pagenav">{k}</a></li>'
            )
        if cur < n:
            lis.append(f'<li><a title="Tiếp" href="{href(cur + 1)}" class="pagenav">Tiếp</a></li>')
            lis.append(f'<li><a title="Cuối" href="{href(n)}" class="pagenav">Cuối</a></li>')
        pag = f'<div class="pagination"><p class="counter pull-right">Trang {cur} của {n}</p><ul class="pagination-list">{"".join(lis)}</ul></div>'
        bc = (
            '<ul itemscope itemtype="https://schema.org/BreadcrumbList" class="breadcrumb"><li>Bạn đang ở: &#160;</li>'
            '<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/index.php" class="pathway"><span itemprop="name">Trang chủ</span></a><span class="divider">/</span></li>'
            '<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem"><a itemprop="item" href="/index.php/tin-tuc" class="pathway"><span itemprop="name">Tin tức</span></a><span class="divider">/</span></li>'
            f'<li itemprop="itemListElement" itemscope itemtype="https://schema.org/ListItem" class="active"><span itemprop="name">{e(self.labels[cat])}</span></li></ul>'
        )
        return self.page(
            req,
            f'{bc}<div class="blog" itemscope itemtype="https://schema.org/Blog"><div class="page-header"><h1>{e(self.labels[cat])}</h1></div>'
            f'<div class="items-row cols-1 row-0 row-fluid clearfix">{rows}</div>{pag}</div>',
            title=self.labels[cat],
            lm=items[start].published if items else None,
        )

    def body(self, a: GenArticle) -> str:
        parts = []
        for i, para in enumerate(a.paragraphs):
            parts.append(f"<p>{e(para)}</p>")
            if i == 0:
                for im in a.images:
                    cls = ' class="caption"' if im.caption else ""
                    title = f' title="{e(im.caption)}"' if im.caption else ""
                    parts.append(
                        f'<p style="text-align: center;"><img src="{im.src}" alt="{e(im.alt)}"{cls}{title} width="600" height="400" /></p>'
                    )
                if a.video:
                    parts.append(
                        f'<p><iframe src="https://www.youtube.com/embed/{a.video}" width="560" height="315" frameborder="0" allowfullscreen="allowfullscreen"></iframe></p>'
                    )
        if not a.paragraphs:
            parts += [
                f'<p><img src="{im.src}" class="caption" title="{e(im.caption)}" /></p>'
                for im in a.images
            ]
        if a.source:
            parts.append(f'<p style="text-align: right;"><em>{e(a.source)}</em></p>')
        return "\n".join(parts)

    def article(self, req: Req, a: GenArticle) -> Resp:
        author = (
            f'<dd class="createdby" itemprop="author" itemscope itemtype="https://schema.org/Person">Viết bởi <span itemprop="name">{e(a.author)}</span></dd>'
            if a.author
            else ""
        )
        intro = f"<p><strong>{e(a.sapo)}</strong></p>" if a.sapo else ""
        bc = (
            '<ul class="breadcrumb"><li><a href="/index.php" class="pathway">Trang chủ</a><span class="divider">/</span></li>'
            f'<li><a href="/index.php/tin-tuc" class="pathway">Tin tức</a><span class="divider">/</span></li><li><a href="{self.cat_path(a.listed_under)}" class="pathway">{e(self.label(a))}</a><span class="divider">/</span></li>'
            f'<li class="active"><span>{e(a.title)}</span></li></ul>'
        )
        hits = (a.id * 37) % 900 + 50
        inner = (
            f'{bc}<div class="item-page" itemscope itemtype="https://schema.org/Article"><meta itemprop="inLanguage" content="vi-VN" />'
            f'<div class="page-header"><h2 itemprop="headline">{e(a.title)}</h2></div>'
            f'<dl class="article-info muted"><dt class="article-info-term">Chi tiết</dt>{author}'
            f'<dd class="category-name">Danh mục: <a href="{self.cat_path(a.listed_under)}" itemprop="genre">{e(self.label(a))}</a></dd>'
            f'<dd class="published"><span class="icon-calendar" aria-hidden="true"></span><time datetime="{self.iso(a.published)}" itemprop="datePublished">Ngày đăng: {self.jdate(a.published)}</time></dd>'
            f'<dd class="hits"><span class="icon-eye-open" aria-hidden="true"></span><meta itemprop="interactionCount" content="UserPageVisits:{hits}" />Lượt xem: {hits}</dd></dl>'
            f'<div itemprop="articleBody">{intro}{self.body(a)}</div></div>'
        )
        return self.page(
            req, inner, title=a.title, lm=a.published, canonical=req.base + self.article_path(a)
        )

    def spokes(self, req: Req) -> Resp:
        s = self.site.spokesperson
        lines = []
        if s["name"] or s["title"]:
            lines.append(
                "- Người được giao phát ngôn: "
                + " – ".join(
                    x for x in (f"Ông/Bà {e(s['name'])}" if s["name"] else "", e(s["title"])) if x
                )
            )
        if s["phone"]:
            lines.append(f"- ĐT: {e(s['phone'])}")
        if s["email"]:
            lines.append(f"- E-mail: {e(s['email'])}")
        body = "".join(f"<p>{x}</p>" for x in lines)
        return self.page(
            req,
            f'<div class="item-page"><div class="page-header"><h2 itemprop="headline">Thông tin người phát ngôn</h2></div>'
            f'<div itemprop="articleBody"><p>BHXH tỉnh {e(self.spec.province)} thông báo thông tin về người phát ngôn như sau:</p>{body}</div></div>',
            title="Người phát ngôn",
        )

    def documents(self, req: Req) -> Resp:
        q = req.query.get("filter-search", "")
        docs: list[GenDocument] | None = list(self.site.documents)
        if q and self.d.search_documents != "absent":
            docs = _doc_hits(self, q)
            if docs is None:
                return Resp(500, "<html><body><h1>500 - Đã xảy ra lỗi.</h1></body></html>")
        assert docs is not None
        try:
            start = max(0, int(req.query.get("start", "0")))
        except ValueError:
            start = 0
        rows = "".join(
            f'<tr class="cat-list-row{i % 2}"><td class="list-title"><a href="/index.php/van-ban/{x.id}-{C.slugify(x.number)}">{e(x.number)}</a></td>'
            f'<td class="list-date small">{x.issued:%d-%m-%Y}</td><td>{e(x.summary)}</td></tr>'
            for i, x in enumerate(docs[start : start + 20])
        )
        n = max(1, -(-len(docs) // 20))
        pag = " ".join(f'<a href="/index.php/van-ban?start={k * 20}">{k + 1}</a>' for k in range(n))
        form = ""
        if self.d.search_documents != "absent":
            form = (
                '<form action="/index.php/van-ban" method="get" name="adminForm" id="adminForm"><fieldset class="filters btn-toolbar">'
                '<div class="btn-group"><label class="filter-search-lbl element-invisible" for="filter-search">Lọc</label>'
                '<input type="text" name="filter-search" id="filter-search" class="inputbox" placeholder="Lọc theo số hiệu, trích yếu" /></div>'
                '<button type="submit" class="btn">Tìm</button></fieldset></form>'
            )
        return self.page(
            req,
            f'<div class="category-list"><h1>Văn bản</h1>{form}<table class="category table table-striped"><thead><tr><th>Số hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr></thead>'
            f'<tbody>{rows}</tbody></table><div class="pagination">{pag}</div></div>',
            title="Văn bản",
        )


# =========================================================================== Drupal 9
class Drupal9(Theme):
    cms = "drupal"
    labels = {
        "hoat-dong": "Tin hoạt động",
        "bhxh": "Bảo hiểm xã hội",
        "bhyt": "Bảo hiểm y tế",
        "bhtn": "Bảo hiểm thất nghiệp",
        "chuyen-doi-so": "Chuyển đổi số",
        "guong-dien-hinh": "Điển hình tiên tiến",
        "hoi-dap": "Hỏi - đáp",
    }
    page_size = 10

    def cat_path(self, cat: str) -> str:
        return "/chuyen-muc/" + C.slugify(self.labels[cat])

    def __init__(self, site) -> None:  # type: ignore[no-untyped-def]
        super().__init__(site)
        # pathauto: a clashing alias gets "-0", "-1", ... (oldest keeps the plain one)
        self.aliases: dict[int, str] = {}
        taken: set[str] = set()
        for a in sorted(site.articles, key=lambda x: x.id):
            base = f"/tin-tuc/{a.published.year}/{a.published.month:02d}/{a.slug}"
            alias, k = base, 0
            while alias in taken:
                alias, k = f"{base}-{k}", k + 1
            taken.add(alias)
            self.aliases[a.id] = alias
        self.by_alias = {v: k for k, v in self.aliases.items()}

    def article_path(self, a: GenArticle) -> str:
        return self.aliases[a.id]

    @staticmethod
    def utc(t: datetime) -> str:
        return (t - timedelta(hours=7)).strftime("%Y-%m-%dT%H:%M:%SZ")

    @staticmethod
    def medium(t: datetime) -> str:
        return f"{WEEKDAYS_SHORT[t.weekday()]}, {t:%d/%m/%Y - %H:%M}"

    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        nav = "".join(
            f'<li class="menu-item"><a href="{self.cat_path(c)}" data-drupal-link-system-path="taxonomy/term/{i + 3}">{e(l)}</a></li>'
            for i, (c, l) in enumerate(self.labels.items())
        )
        links = "".join(
            f'<li class="menu-item"><a href="{u}">{e(t)}</a></li>' for t, u in self.all_links()
        )
        cnt = ""
        if counter is not None:
            cnt = (
                '<div id="block-thongketruycap" class="block block-block-content"><h2>Thống kê truy cập</h2>'
                f'<div class="field field--name-body"><ul><li>Đang online: {counter % 29 + 6}</li>'
                f"<li>Hôm nay: {thousands(counter % 811 + 150)}</li><li>Tổng lượt truy cập: {thousands(counter)}</li></ul></div></div>"
            )
        search = ""
        if self.d.search_articles != "absent":
            search = (
                '<form class="views-exposed-form" data-drupal-selector="views-exposed-form-search-page-1" action="/tim-kiem" method="get" id="views-exposed-form-search-page-1" accept-charset="UTF-8">'
                '<div class="js-form-item form-item"><label for="edit-search-api-fulltext">Từ khóa</label>'
                '<input data-drupal-selector="edit-search-api-fulltext" type="text" id="edit-search-api-fulltext" name="search_api_fulltext" value="" size="30" maxlength="128" class="form-text" /></div>'
                '<div data-drupal-selector="edit-actions" class="form-actions"><input data-drupal-selector="edit-submit-search" type="submit" id="edit-submit-search" value="Tìm" class="button js-form-submit form-submit" /></div></form>'
            )
        can = f'<link rel="canonical" href="{canonical}" />' if canonical else ""
        return f"""<!DOCTYPE html>
<html lang="vi" dir="ltr" prefix="content: http://purl.org/rss/1.0/modules/content/  dc: http://purl.org/dc/terms/  og: http://ogp.me/ns#  schema: http://schema.org/">
<head><meta charset="utf-8" /><meta name="Generator" content="Drupal 9 (https://www.drupal.org)" /><meta name="MobileOptimized" content="width" />
<meta name="viewport" content="width=device-width, initial-scale=1.0" />{can}{head_extra}<link rel="icon" href="/themes/custom/bhxh/favicon.ico" type="image/vnd.microsoft.icon" />
<title>{e(title)} | {e(self.spec.name)}</title><link rel="stylesheet" media="all" href="/sites/default/files/css/css_Xk3.css" /></head>
<body class="path-frontpage"><a href="#main-content" class="visually-hidden focusable skip-link">Chuyển đến nội dung chính</a>
<div class="dialog-off-canvas-main-canvas" data-off-canvas-main-canvas><div class="layout-container">
<header role="banner"><div class="region region-header"><div id="block-bhxh-branding" class="block block-system block-system-branding-block">
<a href="/" rel="home" class="site-logo"><img src="/themes/custom/bhxh/logo.svg" alt="Trang chủ" /></a><div class="site-name"><a href="/" rel="home">{e(self.spec.name)}</a></div></div>
<div class="search-block">{search}</div></div></header>
<div class="region region-primary-menu"><nav role="navigation" aria-labelledby="block-mainnavigation-menu" id="block-mainnavigation"><h2 class="visually-hidden" id="block-mainnavigation-menu">Main navigation</h2>
<ul class="menu"><li class="menu-item"><a href="/" data-drupal-link-system-path="&lt;front&gt;">Trang chủ</a></li>{nav}
<li class="menu-item"><a href="/van-ban">Văn bản</a></li><li class="menu-item"><a href="/thong-tin-phat-ngon">Phát ngôn báo chí</a></li></ul></nav></div>
<main role="main"><a id="main-content" tabindex="-1"></a><div class="layout-content">{inner}</div>
<aside class="layout-sidebar-second" role="complementary">{self.vssid_block()}{cnt}</aside></main>
<footer role="contentinfo"><div class="region region-footer"><nav role="navigation" id="block-lienket"><h2>Liên kết</h2><ul class="menu">{links}</ul></nav>
<div id="block-footerinfo" class="block"><p>© {e(self.spec.name)}. Trụ sở: 03 Lê Thánh Tôn, tỉnh {e(self.spec.province)}. ĐT: 0258.3822.789</p><p>{self.social_links()}</p></div></div></footer>
</div></div></body></html>"""

    def row(self, a: GenArticle) -> str:
        img = (
            f'<div class="views-field views-field-field-image"><div class="field-content"><a href="{self.article_path(a)}" hreflang="vi"><img loading="lazy" src="{a.images[0].src}" width="220" height="147" alt="{e(a.images[0].alt)}" /></a></div></div>'
            if a.images
            else ""
        )
        return (
            f'<div class="views-row">{img}<div class="views-field views-field-title"><span class="field-content"><a href="{self.article_path(a)}" hreflang="vi">{e(a.title)}</a></span></div>'
            f'<div class="views-field views-field-created"><span class="field-content"><time datetime="{self.utc(a.published)}" class="datetime">{self.medium(a.published)}</time></span></div>'
            f'<div class="views-field views-field-field-tom-tat"><div class="field-content">{e(a.sapo)}</div></div></div>'
        )

    def pager(self, base: str, page0: int, n: int, extra: str = "") -> str:
        def href(k: int) -> str:
            return f"{base}?{extra}page={k}"

        lis = []
        if page0 > 0:
            lis.append(
                f'<li class="pager__item pager__item--first"><a href="{href(0)}" title="Tới trang đầu"><span class="visually-hidden">Trang đầu</span><span aria-hidden="true">« Đầu</span></a></li>'
            )
            lis.append(
                f'<li class="pager__item pager__item--previous"><a href="{href(page0 - 1)}" title="Tới trang trước" rel="prev"><span class="visually-hidden">Trang trước</span><span aria-hidden="true">‹ Trước</span></a></li>'
            )
        for k in range(max(0, page0 - 4), min(n, page0 + 5)):
            if k == page0:
                lis.append(
                    f'<li class="pager__item is-active"><a href="{href(k)}" title="Trang hiện tại"><span class="visually-hidden">Trang hiện tại</span>{k + 1}</a></li>'
                )
            else:
                lis.append(
                    f'<li class="pager__item"><a href="{href(k)}" title="Tới trang {k + 1}"><span class="visually-hidden">Trang </span>{k + 1}</a></li>'
                )
        if page0 < n - 1:
            lis.append(
                f'<li class="pager__item pager__item--next"><a href="{href(page0 + 1)}" title="Tới trang sau" rel="next"><span class="visually-hidden">Trang sau</span><span aria-hidden="true">Sau ›</span></a></li>'
            )
            lis.append(
                f'<li class="pager__item pager__item--last"><a href="{href(n - 1)}" title="Tới trang cuối"><span class="visually-hidden">Trang cuối</span><span aria-hidden="true">Cuối »</span></a></li>'
            )
        return f'<nav class="pager" role="navigation" aria-labelledby="pagination-heading"><h4 id="pagination-heading" class="visually-hidden">Phân trang</h4><ul class="pager__items js-pager__items">{"".join(lis)}</ul></nav>'

    def page0(self, req: Req) -> int:
        try:
            return max(0, int(req.query.get("page", "0")))
        except ValueError:
            return 0

    def handle(self, req: Req) -> Resp:
        p = req.path.rstrip("/") or "/"
        if p in ("/", "/node"):
            top = "".join(self.row(a) for a in self.site.articles[:10])
            blocks = "".join(
                f'<div class="block block-views"><h2><a href="{self.cat_path(c)}">{e(l)}</a></h2><div class="item-list"><ul>'
                + "".join(
                    f'<li><a href="{self.article_path(a)}" hreflang="vi">{e(a.title)}</a></li>'
                    for a in self.site.by_listing[c][:4]
                )
                + "</ul></div></div>"
                for c, l in self.labels.items()
            )
            return self.page(
                req,
                f'<div class="views-element-container"><h2>Tin mới</h2><div class="view view-tin-moi view-display-id-block_1">{top}</div></div>{blocks}',
                title="Trang chủ",
                counter_shown=True,
            )
        cats = {self.cat_path(c): c for c in self.labels}
        if p in cats:
            cat = cats[p]
            items = self.site.by_listing[cat]
            n = self.n_pages(items)
            k = self.page0(req)
            if k >= n:
                return not_found()
            rows = "".join(
                self.row(a) for a in items[k * self.page_size : (k + 1) * self.page_size]
            )
            bc = (
                '<nav class="breadcrumb" role="navigation" aria-labelledby="system-breadcrumb"><h2 id="system-breadcrumb" class="visually-hidden">Breadcrumb</h2>'
                f'<ol><li><a href="/">Trang chủ</a></li><li>{e(self.labels[cat])}</li></ol></nav>'
            )
            return self.page(
                req,
                f'{bc}<h1 class="page-title">{e(self.labels[cat])}</h1><div class="view view-taxonomy-term view-display-id-page_1"><div class="view-content">{rows}</div>{self.pager(p, k, n)}</div>',
                title=self.labels[cat],
                lm=items[k * self.page_size].published if items else None,
            )
        if p.startswith("/tin-tuc/"):
            a = self.site.by_id.get(self.by_alias.get(p, -1))
            if a is None:
                return not_found()
            return self.article(req, a)
        if p.startswith("/node/"):
            nid = p[6:]
            a = self.site.by_id.get(int(nid)) if nid.isdigit() else None
            if a is None:
                return not_found()
            return self.article(req, a)
        if p == "/tim-kiem" and self.d.search_articles != "absent":
            q = req.query.get("search_api_fulltext", "")
            hits = _article_hits(self, q) if q else []
            if hits is None:
                return Resp(
                    500,
                    "<!DOCTYPE html><html><head><title>Lỗi</title></head><body><p>The website encountered an unexpected error. Please try again later.</p></body></html>",
                )
            rows = (
                "".join(self.row(a) for a in hits)
                or '<div class="view-empty"><p>Không tìm thấy nội dung phù hợp.</p></div>'
            )
            return self.page(
                req,
                f'<h1 class="page-title">Tìm kiếm</h1><div class="view view-search"><div class="view-content">{rows}</div></div>',
                title="Tìm kiếm",
            )
        if p == "/thong-tin-phat-ngon":
            return self.spokes(req)
        if p == "/van-ban":
            return self.documents(req)
        if p.startswith("/van-ban/"):
            x = next((x for x in self.site.documents if f"/van-ban/{x.id}" == p), None)
            if x is None:
                return not_found()
            return self.page(
                req,
                f'<article class="node node--type-van-ban"><h1 class="page-title">{e(x.number)}</h1>'
                f'<div class="field field--name-field-so-ky-hieu field--label-inline"><div class="field__label">Số ký hiệu</div><div class="field__item">{e(x.number)}</div></div>'
                f'<div class="field field--name-field-ngay-ban-hanh field--label-inline"><div class="field__label">Ngày ban hành</div><div class="field__item"><time datetime="{x.issued.isoformat()}T12:00:00Z">{x.issued:%d/%m/%Y}</time></div></div>'
                f'<div class="field field--name-body"><div class="field__item">{e(x.summary)}</div></div>'
                f'<div class="field field--name-field-tep-dinh-kem"><span class="file file--mime-application-pdf"><a href="/sites/default/files/van-ban/{x.id}.pdf">{x.id}.pdf</a></span></div></article>',
                title=x.number,
            )
        if p == "/rss.xml":
            return self.rss(req, self.spec.name, self.site.articles)
        if p == "/sitemap.xml":
            return self.sitemap(req)
        if p == "/robots.txt":
            return Resp(
                200,
                "#\n# robots.txt\nUser-agent: *\nDisallow: /core/\nDisallow: /admin/\nDisallow: /user/login\nDisallow: /search/\n",
                "text/plain",
            )
        return not_found()

    def article(self, req: Req, a: GenArticle) -> Resp:
        fields = []
        if a.sapo:
            fields.append(
                f'<div class="field field--name-field-tom-tat field--type-string-long field--label-hidden field__item"><strong>{e(a.sapo)}</strong></div>'
            )
        parts = []
        for i, para in enumerate(a.paragraphs or [""]):
            if para:
                parts.append(f"<p>{e(para)}</p>")
            if i == 0:
                for im in a.images:
                    if im.caption:
                        parts.append(
                            f'<figure role="group" class="caption caption-img align-center"><img alt="{e(im.alt)}" data-entity-type="file" src="{im.src}" width="700" height="466" loading="lazy" /><figcaption>{e(im.caption)}</figcaption></figure>'
                        )
                    else:
                        parts.append(
                            f'<img alt="{e(im.alt)}" data-align="center" data-entity-type="file" src="{im.src}" width="700" height="466" loading="lazy" />'
                        )
                if a.video:
                    parts.append(
                        f'<div class="media-oembed-content"><iframe src="https://www.youtube.com/embed/{a.video}" width="640" height="360" frameborder="0" allowfullscreen></iframe></div>'
                    )
        fields.append(
            f'<div class="clearfix text-formatted field field--name-body field--type-text-with-summary field--label-hidden field__item">{"".join(parts)}</div>'
        )
        if a.author:
            fields.append(
                f'<div class="field field--name-field-tac-gia field--type-string field--label-inline clearfix"><div class="field__label">Tác giả</div><div class="field__item">{e(a.author)}</div></div>'
            )
        if a.source:
            fields.append(
                f'<div class="field field--name-field-nguon field--type-string field--label-inline clearfix"><div class="field__label">Nguồn</div><div class="field__item">{e(_bare_source(a.source))}</div></div>'
            )
        fields.append(
            f'<div class="field field--name-field-chuyen-muc field--type-entity-reference field--label-inline clearfix"><div class="field__label">Chuyên mục</div>'
            f'<div class="field__item"><a href="{self.cat_path(a.listed_under)}" hreflang="vi">{e(self.label(a))}</a></div></div>'
        )
        bc = (
            '<nav class="breadcrumb" role="navigation"><ol><li><a href="/">Trang chủ</a></li>'
            f'<li><a href="{self.cat_path(a.listed_under)}">{e(self.label(a))}</a></li><li>{e(a.title)}</li></ol></nav>'
        )
        inner = (
            f'{bc}<h1 class="page-title"><span property="schema:name" class="field field--name-title field--type-string field--label-hidden">{e(a.title)}</span></h1>'
            f'<article role="article" about="{self.article_path(a)}" typeof="schema:Article" class="node node--type-article node--promoted node--view-mode-full">'
            f'<span property="schema:name" content="{e(a.title)}" class="rdf-meta hidden"></span>'
            f'<footer class="node__meta"><div class="node__submitted">Gửi bởi <span rel="schema:author" class="field field--name-uid field--type-entity-reference field--label-hidden"><span lang="" about="/user/1" typeof="schema:Person" property="schema:name" datatype="">admin</span></span> '
            f'vào <span property="dc:date" content="{self.utc(a.published)}" datatype="xsd:dateTime">{self.medium(a.published)}</span></div></footer>'
            f'<div class="node__content">{"".join(fields)}</div></article>'
        )
        return self.page(
            req,
            inner,
            title=a.title,
            lm=a.published,
            canonical=req.base + self.article_path(a),
            head_extra=f'<link rel="shortlink" href="{req.base}/node/{a.id}" />',
        )

    def spokes(self, req: Req) -> Resp:
        s = self.site.spokesperson
        cols = [
            (lab, s[k])
            for lab, k in (
                ("Họ và tên", "name"),
                ("Chức vụ", "title"),
                ("Điện thoại", "phone"),
                ("Email", "email"),
            )
        ]
        head = "".join(f"<th>{lab}</th>" for lab, _ in cols)
        row = "".join(f"<td>{e(v) if v else '&nbsp;'}</td>" for _, v in cols)
        table = (
            f'<table class="table"><thead><tr><th>TT</th>{head}</tr></thead><tbody><tr><td>1</td>{row}</tbody></table>'
            if any(s.values())
            else "<p>Đang cập nhật.</p>"
        )
        return self.page(
            req,
            '<h1 class="page-title"><span property="schema:name">Thông tin người phát ngôn, cung cấp thông tin cho báo chí</span></h1>'
            f'<article class="node node--type-page"><div class="field field--name-body"><p>Danh sách người phát ngôn của BHXH tỉnh {e(self.spec.province)}:</p>{table}</div></article>',
            title="Thông tin phát ngôn",
        )

    def documents(self, req: Req) -> Resp:
        q = req.query.get("title", "")
        docs: list[GenDocument] | None = list(self.site.documents)
        if q and self.d.search_documents != "absent":
            docs = _doc_hits(self, q)
            if docs is None:
                return Resp(
                    500,
                    "<!DOCTYPE html><html><body><p>The website encountered an unexpected error. Please try again later.</p></body></html>",
                )
        assert docs is not None
        k = self.page0(req)
        rows = "".join(
            f'<tr><td class="views-field views-field-field-so-ky-hieu"><a href="/van-ban/{x.id}">{e(x.number)}</a></td>'
            f'<td class="views-field views-field-field-ngay-ban-hanh"><time datetime="{x.issued.isoformat()}T12:00:00Z">{x.issued:%d/%m/%Y}</time></td>'
            f'<td class="views-field views-field-body">{e(x.summary)}</td></tr>'
            for x in docs[k * 20 : (k + 1) * 20]
        )
        form = ""
        if self.d.search_documents != "absent":
            form = (
                '<form class="views-exposed-form" action="/van-ban" method="get" id="views-exposed-form-van-ban-page-1"><div class="form-item">'
                '<label for="edit-title">Số ký hiệu / trích yếu</label><input type="text" id="edit-title" name="title" value="" size="30" maxlength="128" class="form-text" /></div>'
                '<div class="form-actions"><input type="submit" id="edit-submit-van-ban" value="Áp dụng" class="button form-submit" /></div></form>'
            )
        n = max(1, -(-len(docs) // 20))
        return self.page(
            req,
            f'<h1 class="page-title">Văn bản</h1><div class="view view-van-ban">{form}<table class="views-table cols-3"><thead><tr><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr></thead>'
            f"<tbody>{rows}</tbody></table>{self.pager('/van-ban', k, n, 'title=' + quote_plus(q) + '&amp;' if q else '')}</div>",
            title="Văn bản",
        )


# =========================================================================== Vietnamese vendor CMS
class VnVendor(Theme):
    cms = "vn-vendor"
    labels = {
        "hoat-dong": "Tin tức - Sự kiện",
        "bhxh": "Chính sách BHXH",
        "bhyt": "Chính sách BHYT",
        "bhtn": "Chính sách BHTN",
        "chuyen-doi-so": "Chuyển đổi số",
        "guong-dien-hinh": "Gương điển hình tiên tiến",
        "hoi-dap": "Hỏi đáp trực tuyến",
    }
    page_size = 12

    def cat_slug(self, cat: str) -> str:
        return C.slugify(self.labels[cat])

    def cat_path(self, cat: str) -> str:
        return f"/{self.cat_slug(cat)}.htm"

    def article_path(self, a: GenArticle) -> str:
        return f"/{self.cat_slug(a.listed_under)}/{a.slug}-a{a.id}.html"

    def layout(self, req, inner, *, title, canonical, counter, head_extra):
        menu = "".join(
            f'<li><a href="{self.cat_path(c)}">{e(l)}</a></li>' for c, l in self.labels.items()
        )
        strip = "".join(
            f'<a href="{u}" target="_blank" title="{e(t)}"><img src="/Upload/lienket/{C.slugify(t)}.png" alt="{e(t)}" height="60" /></a>'
            for t, u in self.all_links()
        )
        cnt = ""
        if counter is not None:
            imgs = "".join(
                f'<img src="/counter/{ch}.gif" width="15" height="20" />' for ch in f"{counter:08d}"
            )
            cnt = (
                f'<div class="thong-ke"><div class="tk-title">LƯỢT TRUY CẬP</div><div class="tk-digits">{imgs}</div>'
                f'<div class="tk-online">Đang xem: {counter % 17 + 2}</div></div>'
            )
        search = ""
        if self.d.search_articles != "absent":
            search = (
                '<div class="tim-kiem"><input type="text" id="txtTuKhoa" value="" onkeypress="if(event.keyCode==13){timKiem();return false;}" placeholder="Từ khóa..." />'
                '<a href="javascript:void(0)" onclick="timKiem()" class="btn-tk"><img src="/images/icon-search.png" alt="Tìm" /></a></div>'
                "<script>function timKiem(){var k=document.getElementById('txtTuKhoa').value;"
                "if(k.length<2){alert('Vui lòng nhập từ khóa!');return;}location.href='/tim-kiem.htm?tu-khoa='+encodeURIComponent(k);}</script>"
            )
        can = f'<link rel="canonical" href="{canonical}" />' if canonical else ""
        feed = (
            ""
            if self.d.feed == "missing"
            else '<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss/tin-moi.rss" />'
        )
        t = self.newest
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>{e(title)}</title>
<meta name="author" content="{e(self.spec.name)}" />{can}{feed}{head_extra}<link href="/Css/style.css" rel="stylesheet" /></head>
<body><div class="wrap"><div class="top-bar"><span class="ngay-hien-tai">{_words_date(t)}</span> | <a href="/thong-tin-phat-ngon.htm">Thông tin phát ngôn</a> | <a href="/rss.htm">RSS</a></div>
<div class="banner"><img src="/Upload/banner/banner.jpg" alt="CỔNG THÔNG TIN ĐIỆN TỬ {e(self.spec.name.upper())}" /></div>{search}
<div class="main-menu"><ul><li><a href="/">TRANG CHỦ</a></li>{menu}<li><a href="/van-ban-phap-quy.htm">VĂN BẢN</a></li></ul></div>
<div class="content"><div class="left">{inner}</div><div class="right">{self.vssid_block()}{cnt}</div></div>
<div class="lien-ket-logo">{strip}</div>
<div class="footer"><p><b>CỔNG THÔNG TIN ĐIỆN TỬ {e(self.spec.name.upper())}</b></p><p>Giấy phép số 12/GP-STTTT. Chịu trách nhiệm chính: Giám đốc BHXH tỉnh {e(self.spec.province)}</p>
<p>Địa chỉ: Số 5 đường Hòa Bình, tỉnh {e(self.spec.province)} - Điện thoại: 0216.3852.101</p><p>{self.social_links()}</p></div></div></body></html>"""

    def item(self, a: GenArticle) -> str:
        img = (
            f'<a href="{self.article_path(a)}" class="thumb"><img src="{a.images[0].src}" /></a>'
            if a.images
            else ""
        )
        return (
            f'<div class="tin">{img}<h3><a href="{self.article_path(a)}">{e(a.title)}</a></h3>'
            f'<div class="ngay-dang">Cập nhật lúc {_sa_ch(a.published)}, {_words_date(a.published)}</div>'
            f'<div class="tom-tat">{e(a.sapo)}</div><div class="clr"></div></div>'
        )

    def handle(self, req: Req) -> Resp:
        p = req.path
        if p in ("/", "/trang-chu.htm", "/index.htm"):
            top = self.site.articles[:7]
            hot = (
                f'<div class="tin-noi-bat"><h2><a href="{self.article_path(top[0])}">{e(top[0].title)}</a></h2><p>{e(top[0].sapo)}</p></div>'
                if top
                else ""
            )
            rest = "".join(
                f'<li><a href="{self.article_path(a)}">{e(a.title)}</a></li>' for a in top[1:]
            )
            boxes = "".join(
                f'<div class="khoi-tin"><div class="tieu-de-khoi"><a href="{self.cat_path(c)}">{e(l).upper()}</a></div>'
                + "".join(self.item(a) for a in self.site.by_listing[c][:2])
                + f'<a class="xem-tiep" href="{self.cat_path(c)}">Xem tiếp »</a></div>'
                for c, l in self.labels.items()
            )
            return self.page(
                req,
                f'{hot}<ul class="tin-khac">{rest}</ul>{boxes}',
                title=self.spec.name,
                counter_shown=True,
            )
        cats = {self.cat_path(c): c for c in self.labels}
        if p in cats:
            cat = cats[p]
            items = self.site.by_listing[cat]
            k = self.int_arg(req, "p")
            n = self.n_pages(items)
            if k > n:
                return not_found()
            nav = []
            if k > 1:
                nav.append(f'<a href="{p}?p={k - 1}">« Trang trước</a>')
            if k < n:
                nav.append(f'<a href="{p}?p={k + 1}">Trang sau »</a>')
            bc = f'<div class="duong-dan"><a href="/">Trang chủ</a> / <a href="{p}">{e(self.labels[cat])}</a></div>'
            return self.page(
                req,
                f'{bc}<div class="ds-tin">{"".join(self.item(a) for a in self.page_of(items, k))}</div><div class="phan-trang">{" | ".join(nav)}</div>',
                title=self.labels[cat],
                lm=items[(k - 1) * self.page_size].published if items else None,
            )
        if p.endswith(".html") and "-a" in p:
            aid = p.rsplit("-a", 1)[1].removesuffix(".html")
            a = self.site.by_id.get(int(aid)) if aid.isdigit() else None
            if a is None:
                return not_found()
            if p != self.article_path(a):
                return redirect(self.article_path(a), 301)
            return self.article(req, a)
        if p == "/tim-kiem.htm" and self.d.search_articles != "absent":
            q = req.query.get("tu-khoa", "")
            hits = _article_hits(self, q)
            if hits is None:
                return Resp(
                    500, "<html><body><h2>Có lỗi xảy ra. Vui lòng thử lại sau!</h2></body></html>"
                )
            body = "".join(self.item(a) for a in hits) or "<p>Không có kết quả nào.</p>"
            return self.page(
                req,
                f'<div class="duong-dan"><a href="/">Trang chủ</a> / Tìm kiếm</div><p>Từ khóa: <b>{e(q)}</b></p>{body}',
                title="Tìm kiếm",
            )
        if p == "/thong-tin-phat-ngon.htm":
            return self.spokes(req)
        if p == "/van-ban-phap-quy.htm":
            return self.documents(req)
        if p.startswith("/van-ban/") and p.endswith(".htm"):
            ident = p.rsplit("-", 1)[-1].removesuffix(".htm")
            x = next((x for x in self.site.documents if str(x.id) == ident), None)
            if x is None:
                return not_found()
            return self.page(
                req,
                f'<div class="chi-tiet-vb"><dl><dt>Số ký hiệu</dt><dd>{e(x.number)}</dd><dt>Ngày ban hành</dt><dd>{x.issued:%d/%m/%Y}</dd>'
                f"<dt>Loại văn bản</dt><dd>{e(x.kind)}</dd><dt>Trích yếu</dt><dd>{e(x.summary)}</dd><dt>Người ký</dt><dd>{e(x.signer)}</dd></dl>"
                f'<a href="/Upload/vanban/{x.id}.pdf">Tải tệp đính kèm</a></div>',
                title=x.number,
            )
        if p == "/rss.htm":
            lis = "".join(
                f'<li><a href="/rss/{self.cat_slug(c)}.rss">{e(l)}</a></li>'
                for c, l in self.labels.items()
            )
            return self.page(
                req,
                f'<h2>Kênh tin RSS</h2><ul><li><a href="/rss/tin-moi.rss">Tin mới</a></li>{lis}</ul>',
                title="RSS",
            )
        if p.startswith("/rss/") and p.endswith(".rss"):
            slug = p[5:-4]
            if slug == "tin-moi":
                return self.rss(req, "Tin mới", self.site.articles)
            cat = next((c for c in self.labels if self.cat_slug(c) == slug), None)
            return (
                self.rss(req, self.labels[cat], self.site.by_listing[cat]) if cat else not_found()
            )
        if p == "/sitemap.xml":
            return self.sitemap(req)
        if p == "/robots.txt":
            return Resp(
                200, "User-agent: *\nDisallow: /Admin/\nDisallow: /Upload/tmp/\n", "text/plain"
            )
        if p.startswith(("/counter/", "/Upload/")):
            from portal_lint.demo.farm import PNG_1PX  # a gif would do as well; bytes only

            return Resp(200, PNG_1PX, "image/gif", last_modified=datetime(2020, 1, 1))
        return not_found()

    def article(self, req: Req, a: GenArticle) -> Resp:
        sapo = f'<div class="sapo"><b>{e(a.sapo)}</b></div>' if a.sapo else ""
        parts = []
        for i, para in enumerate(a.paragraphs):
            parts.append(f'<p style="text-align: justify;">{e(para)}</p>')
            if i == 0:
                for im in a.images:
                    cap = (
                        f'<p style="text-align: center;"><span style="font-size:12px;"><i>{e(im.caption)}</i></span></p>'
                        if im.caption
                        else ""
                    )
                    parts.append(
                        f'<p style="text-align: center;"><img src="{im.src}" alt="" style="width:100%" /></p>{cap}'
                    )
                if a.video:
                    parts.append(
                        f'<p style="text-align:center"><iframe src="https://www.youtube.com/embed/{a.video}" width="100%" height="400" frameborder="0" allowfullscreen></iframe></p>'
                    )
        if not a.paragraphs:
            parts += [
                f'<p style="text-align: center;"><img src="{im.src}" /></p>' for im in a.images
            ]
        sig = []
        if a.author:
            sig.append(f'<p style="text-align: right;"><b>{e(a.author)}</b></p>')
        if a.source:
            sig.append(f'<p style="text-align: right;">(Theo {e(_bare_source(a.source))})</p>')
        others = "".join(
            f'<li><a href="{self.article_path(r)}">{e(r.title)}</a> <i>({r.published:%d/%m})</i></li>'
            for r in self.site.by_listing[a.listed_under][:6]
            if r.id != a.id
        )
        inner = (
            f'<div class="duong-dan"><a href="/">Trang chủ</a> / <a href="{self.cat_path(a.listed_under)}">{e(self.label(a))}</a></div>'
            f'<div class="chi-tiet"><h1>{e(a.title)}</h1><div class="ngay-dang">{_words_date(a.published)} | {_sa_ch(a.published)}</div>'
            f'{sapo}<div class="noi-dung">{"".join(parts)}{"".join(sig)}</div>'
            f'<div class="cong-cu"><a href="javascript:window.print()">In bài viết</a> | <a href="mailto:?subject={e(a.title)}">Gửi email</a></div></div>'
            f'<div class="tin-khac"><h4>Các tin khác</h4><ul>{others}</ul></div>'
        )
        return self.page(
            req, inner, title=a.title, lm=a.published, canonical=req.base + self.article_path(a)
        )

    def spokes(self, req: Req) -> Resp:
        s = self.site.spokesperson
        items = "".join(
            f"<dt>{lab}</dt><dd>{e(s[k])}</dd>"
            for lab, k in (
                ("Họ và tên", "name"),
                ("Chức vụ", "title"),
                ("Số điện thoại", "phone"),
                ("Hộp thư điện tử", "email"),
            )
            if s[k]
        )
        body = f'<dl class="phat-ngon">{items}</dl>' if items else "<p>Đang cập nhật.</p>"
        return self.page(
            req,
            f'<div class="duong-dan"><a href="/">Trang chủ</a> / Thông tin phát ngôn</div><h1>THÔNG TIN PHÁT NGÔN</h1>'
            f"<p>Người phát ngôn và cung cấp thông tin cho báo chí của BHXH tỉnh {e(self.spec.province)}:</p>{body}",
            title="Thông tin phát ngôn",
        )

    def documents(self, req: Req) -> Resp:
        q = req.query.get("keyword", "")
        docs: list[GenDocument] | None = list(self.site.documents)
        if q and self.d.search_documents != "absent":
            docs = _doc_hits(self, q)
            if docs is None:
                return Resp(
                    500, "<html><body><h2>Có lỗi xảy ra. Vui lòng thử lại sau!</h2></body></html>"
                )
        assert docs is not None
        k = self.int_arg(req, "p")
        rows = "".join(
            f'<tr><td align="center">{i}</td><td><a href="/van-ban/{C.slugify(x.number)}-{x.id}.htm">{e(x.number)}</a></td>'
            f"<td>{x.issued:%d/%m/%Y}</td><td>{e(x.summary)}</td></tr>"
            for i, x in enumerate(docs[(k - 1) * 15 : k * 15], (k - 1) * 15 + 1)
        )
        n = max(1, -(-len(docs) // 15))
        nav = f'<a href="/van-ban-phap-quy.htm?p={k + 1}">Trang sau »</a>' if k < n else ""
        form = ""
        if self.d.search_documents != "absent":
            form = (
                '<form method="get" action="/van-ban-phap-quy.htm" class="tim-vb"><table><tr><td>Từ khóa:</td>'
                '<td><input type="text" name="keyword" /></td><td><input type="submit" value="Tìm văn bản" /></td></tr></table></form>'
            )
        return self.page(
            req,
            f'<div class="duong-dan"><a href="/">Trang chủ</a> / Văn bản pháp quy</div>{form}<table class="ds-vb" border="1"><tr><th>STT</th><th>Số/Ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr>{rows}</table>'
            f'<div class="phan-trang">{nav}</div>',
            title="Văn bản pháp quy",
        )


HOLDOUT_THEMES: dict[str, type[Theme]] = {t.cms: t for t in (EgovAspx, Joomla3, Drupal9, VnVendor)}
SERVER_HEADERS: dict[str, str] = {
    "egov-aspx": "Microsoft-IIS/8.5",
    "joomla": "Apache/2.4.41 (Ubuntu)",
    "drupal": "nginx/1.18.0",
    "vn-vendor": "Microsoft-IIS/10.0",
}

__all__ = [
    "HOLDOUT_THEMES",
    "SERVER_HEADERS",
    "EgovAspx",
    "Joomla3",
    "Drupal9",
    "VnVendor",
    "rfc822",
]
