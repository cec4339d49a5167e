"""A small portal on 127.0.0.1 that can be told to misbehave, for the survival tests.

It serves the mini site's 30 articles (`minisite.ARTICLES`, one listing with pagination, a
search page) plus whatever a test adds: extra routes (`site.routes[path] = handler`), extra
links in the menu (`site.home_links`), latest-news items on the home page
(`site.home_items`), and a hold that parks every request once N requests under a prefix were
served, until released (so that a test can kill an audit in the middle).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from .minisite import ARTICLES, PAGE, PER_PAGE, article_html

Handler = Callable[[BaseHTTPRequestHandler, str], None]


class HostileSite:
    def __init__(self, *, article_delay: float = 0.0) -> None:
        self.hits: Counter[str] = Counter()
        self.lock = threading.Lock()
        self.routes: dict[str, Handler] = {}
        self.prefix_routes: dict[str, Handler] = {}  # path prefix -> handler
        self.home_links: list[tuple[str, str]] = []  # (href, label) added to the menu
        self.home_items: list[tuple[str, str, str]] = []  # (href, title, date) latest-news items
        self.article_delay = article_delay
        # Park every request once `hold_after` requests under `hold_prefix` were served.
        self.hold_after: int | None = None
        self.hold_prefix = "/tin-tuc/bai-"
        self.held = 0  # requests parked so far
        self.released = threading.Event()
        self.prefix_hits = 0
        self.counter = 5000
        self.head_extra = ""  # raw HTML added to the home page's <head> (feed links)
        self.listing_label = "Tin tức"  # the listing's heading and menu label, raw HTML
        outer = self

        class _H(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                try:
                    outer.handle(self)
                except (ConnectionError, OSError):
                    pass

            do_POST = do_GET  # noqa: N815

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), _H)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> HostileSite:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()

    def hold(self, prefix: str, after: int | None) -> None:
        """From now on, park every request once `after` requests under `prefix` were served
        (None: no hold)."""
        with self.lock:
            self.hold_prefix, self.hold_after, self.prefix_hits, self.held = prefix, after, 0, 0

    @property
    def requests(self) -> int:
        with self.lock:
            return sum(self.hits.values())

    # ------------------------------------------------------------------ serving
    def handle(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path
        base = path.split("?")[0]
        with self.lock:
            self.hits[path] += 1
            is_article = base.startswith("/tin-tuc/bai-")
            if base.startswith(self.hold_prefix):
                self.prefix_hits += 1
            hold = self.hold_after is not None and self.prefix_hits > self.hold_after
            if hold and not self.released.is_set():
                self.held += 1
        if hold:  # the audit is "in the middle": it waits here until the test lets go
            self.released.wait(timeout=60)
        if is_article and self.article_delay:
            time.sleep(self.article_delay)
        if base in self.routes:
            return self.routes[base](h, path)
        for prefix, handler in self.prefix_routes.items():
            if base.startswith(prefix):
                return handler(h, path)
        if base == "/robots.txt":
            return self.send(h, 200, "User-agent: *\nDisallow: /private/\n", "text/plain")
        if base == "/":
            with self.lock:
                self.counter += 1
                counter = self.counter
            items = "".join(
                f'<div class="item"><h3><a href="{u}">{t}</a></h3><span>{d}</span></div>'
                for u, t, d in self.home_items
            ) + "".join(
                f'<div class="item"><h3><a href="/tin-tuc/bai-{n}.html">{t}</a></h3><span>{d}</span></div>'
                for n, t, d in ARTICLES[:5]
            )
            links = "".join(f'<li><a href="{u}">{lbl}</a></li>' for u, lbl in self.home_links)
            html = PAGE.format(
                title="Trang chủ", main=items, counter=f"{counter:,}".replace(",", ".")
            )
            html = html.replace("</ul></nav>", links + "</ul></nav>", 1)
            html = html.replace("</head>", self.head_extra + "</head>", 1)
            return self.send(h, 200, html, cache=False)
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
            html = PAGE.format(
                title="Tin tức", main=f"<h2>{self.listing_label}</h2>{items}{pager}", counter=""
            )
            return self.send(h, 200, html)
        for n, t, d in ARTICLES:
            if base == f"/tin-tuc/bai-{n}.html":
                return self.send(
                    h, 200, PAGE.format(title=t, main=article_html(n, t, d), counter="")
                )
        if base == "/tim-kiem":
            return self.send(
                h, 200, PAGE.format(title="Tìm kiếm", main="<p>Không có kết quả</p>", counter="")
            )
        return self.send(h, 404, "<html><body>Không tìm thấy</body></html>")

    def send(
        self,
        h: BaseHTTPRequestHandler,
        status: int,
        body: str | bytes,
        ctype: str = "text/html; charset=utf-8",
        cache: bool = True,
        headers: dict[str, str] | None = None,
    ) -> None:
        if isinstance(body, str):
            body = body.replace(
                '<a href="/tin-tuc">Tin tức</a>', f'<a href="/tin-tuc">{self.listing_label}</a>'
            )
        data = body.encode("utf-8") if isinstance(body, str) else body
        etag = '"' + hashlib.sha1(data).hexdigest()[:16] + '"'
        if cache and h.headers.get("If-None-Match") == etag:
            h.send_response(304)
            h.send_header("ETag", etag)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        h.send_response(status)
        h.send_header("Content-Type", ctype)
        h.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            h.send_header(k, v)
        if cache:
            h.send_header("ETag", etag)
        h.end_headers()
        h.wfile.write(data)

    @staticmethod
    def redirect(location: str, status: int = 302) -> Handler:
        def go(h: BaseHTTPRequestHandler, _path: str) -> None:
            h.send_response(status)
            h.send_header("Location", location)
            h.send_header("Content-Length", "0")
            h.end_headers()

        return go

    def page(
        self, body: str | bytes, ctype: str = "text/html; charset=utf-8", status: int = 200
    ) -> Handler:
        return lambda h, _path: self.send(h, status, body, ctype)


def write_config(path: Any, sites: list[tuple[str, str]], **crawl: Any) -> Any:
    """A sites.yaml for (id, url) pairs, fast loopback crawl settings."""
    settings = {
        "max_body_mb": 2,
        "rate_per_second": 500,
        "concurrency": 4,
        "timeout": 5,
        "retries": 0,
    }
    settings.update(crawl)
    flow = ", ".join(f"{k}: {v}" for k, v in settings.items())
    lines = ["sites:"]
    for sid, url in sites:
        lines += [
            f"  - id: {sid}",
            f"    name: BHXH tỉnh {sid}",
            f"    url: {url}",
            "    province_domains: [thunghiem.gov.vn]",
            "    check_links: false",
            f"    crawl: {{{flow}}}",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
