"""A small Vietnamese portal served for real on 127.0.0.1, for end-to-end tests of the spine.

Independent of the demo farm on purpose: it pins down behaviours (robots, caps, redirects,
caching) with a site whose every byte the test can see.
"""

from __future__ import annotations

import hashlib
import threading
from collections import Counter
from datetime import date, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

_TOPICS = [
    "BHXH tỉnh Thử nghiệm tổ chức hội nghị triển khai nhiệm vụ tại huyện số {n}",
    "Mở rộng quyền lợi khám chữa bệnh BHYT cho học sinh vùng cao đợt {n}",
    "Hướng dẫn cài đặt ứng dụng VssID cho người lao động, bài {n}",
]
# 30 posts, one every 3 days back from 05/11/2026, newest first.
ARTICLES = [
    (
        n,
        _TOPICS[n % 3].format(n=n),
        (date(2026, 11, 5) - timedelta(days=3 * (n - 1))).strftime("%d/%m/%Y") + " 08:30",
    )
    for n in range(1, 31)
]
PER_PAGE = 10

PAGE = """<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head>
<body><header><nav><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc">Tin tức</a></li>
<li><a href="/private/admin">Quản trị</a></li><li><a href="/go-away">Liên kết</a></li><li><a href="/huge">Tư liệu</a></li></ul></nav>
<form action="/tim-kiem" method="get"><input type="search" name="q" placeholder="Tìm kiếm..."></form></header>
<main>{main}</main>
<footer><p>Bảo hiểm xã hội tỉnh Thử nghiệm. Lượt truy cập: {counter}</p>
<a href="https://stttt.thunghiem.gov.vn/">Sở TT&amp;TT</a></footer></body></html>"""


def article_html(n: int, title: str, when: str) -> str:
    body = " ".join(
        ["Nội dung bài viết về chính sách bảo hiểm xã hội và bảo hiểm y tế tại địa phương."] * 25
    )
    main = (
        f'<nav class="breadcrumb"><a href="/">Trang chủ</a> &gt; <a href="/tin-tuc">Tin tức</a></nav>'
        f'<article><h1>{title}</h1><div class="meta">Ngày đăng: {when}</div>'
        f'<p class="sapo"><strong>Sáng nay, BHXH tỉnh đã triển khai nhiều nội dung quan trọng.</strong></p>'
        f'<p>{body}</p><figure><img src="/img/{n}.jpg" alt="ảnh"><figcaption>Quang cảnh hội nghị</figcaption></figure>'
        f"<p>Tác giả: Minh An</p></article>"
    )
    return main


class MiniSite:
    def __init__(self) -> None:
        self.hits: Counter[str] = Counter()
        self.counter = 1000
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                outer.handle(self)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> MiniSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    @property
    def requests(self) -> int:
        return sum(self.hits.values())

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        with self.lock:
            self.hits[path] += 1
        base = path.split("?")[0]
        if base == "/robots.txt":
            return self.send(h, 200, "User-agent: *\nDisallow: /private/\n", "text/plain")
        if base == "/":
            with self.lock:
                self.counter += 1
                counter = self.counter
            items = "".join(
                f'<div class="item"><h3><a href="/tin-tuc/bai-{n}.html">{t}</a></h3><span>{d}</span></div>'
                for n, t, d in ARTICLES[:5]
            )
            # The home page changes on every visit (counter): no validators.
            return self.send(
                h,
                200,
                PAGE.format(
                    title="Trang chủ", main=items, counter=f"{counter:,}".replace(",", ".")
                ),
                cache=False,
            )
        if base == "/tin-tuc":
            page = int(path.partition("page=")[2] or 1)
            chunk = ARTICLES[(page - 1) * PER_PAGE : page * PER_PAGE]
            items = "".join(
                f'<div class="news-item"><h3><a href="/tin-tuc/bai-{n}.html">{t}</a></h3><p class="date">{d}</p>'
                f"<p>Tóm tắt bài viết số {n} về chính sách BHXH, BHYT.</p></div>"
                for n, t, d in chunk
            )
            pager = ""
            if page * PER_PAGE < len(ARTICLES):
                pager = (
                    f'<div class="pager"><a href="/tin-tuc?page={page + 1}">Trang sau »</a></div>'
                )
            return self.send(
                h,
                200,
                PAGE.format(title="Tin tức", main=f"<h2>Tin tức</h2>{items}{pager}", counter=""),
            )
        for n, t, d in ARTICLES:
            if base == f"/tin-tuc/bai-{n}.html":
                return self.send(
                    h, 200, PAGE.format(title=t, main=article_html(n, t, d), counter="")
                )
        if base == "/tim-kiem":
            q = path.partition("q=")[2]
            return self.send(
                h,
                200,
                PAGE.format(title="Tìm kiếm", main=f"<p>Kết quả cho {q}</p>", counter=""),
                cache=False,
            )
        if base == "/go-away":
            h.send_response(302)
            h.send_header("Location", "https://example.com/elsewhere")
            h.send_header("Content-Length", "0")
            h.end_headers()
            return None
        if base == "/huge":
            return self.send(h, 200, "<html>" + "x" * (12 * 1024 * 1024) + "</html>")
        return self.send(h, 404, "<html><body>Không tìm thấy</body></html>")

    def send(
        self,
        h: BaseHTTPRequestHandler,
        status: int,
        text: str,
        ctype: str = "text/html; charset=utf-8",
        cache: bool = True,
    ) -> None:
        body = text.encode("utf-8")
        etag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if cache and h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.end_headers()
            return
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(body)))
        if cache:
            h.send_header("ETag", etag)
        h.end_headers()
        h.wfile.write(body)
