"""The demo portal farm: synthetic provincial BHXH portals served over HTTP on 127.0.0.1.

    farm = build_farm(default_specs(), as_of=date(2026, 11, 23))
    with farm.serve() as running:
        running.urls, running.ground_truth(site_id), running.set_fault(site_id, "5xx") ...

Generation is pure and deterministic (seeded); the HTTP layer owns the only mutable
state (visit counters, request counts, active faults), per RunningFarm instance.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import socket
import struct
import threading
import time
import unicodedata
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlsplit

import yaml

from portal_lint.demo import content as C
from portal_lint.demo.model import (
    FAULT_KINDS,
    Defects,
    Fault,
    SiteData,
    SiteSpec,
    generate_site,
    ground_truth,
)
from portal_lint.demo.themes import THEMES, Req, Resp, Theme
from portal_lint.demo.themes_holdout import HOLDOUT_THEMES, SERVER_HEADERS
from portal_lint.demo.themes_holdout2 import HOLDOUT2_THEMES, SERVER_HEADERS2

__all__ = [
    "SiteSpec",
    "Defects",
    "Fault",
    "default_specs",
    "holdout_specs",
    "holdout2_specs",
    "bench_specs",
    "build_farm",
    "Farm",
    "RunningFarm",
]

PNG_1PX = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360f8cfc0f01f0005000201a5c2b1e90000000049454e44ae426082"
)
FOREIGN_HOST = "http://trang-gia-mao.example"
VN = timezone(timedelta(hours=7))


def default_specs() -> list[SiteSpec]:
    """Six portals, one per CMS style, each with a different mix of defects."""
    return [
        # Close to fully compliant.
        SiteSpec(
            "bhxh-ha-tinh",
            "BHXH tỉnh Hà Tĩnh",
            "Hà Tĩnh",
            "hatinh.gov.vn",
            "sp2013",
            seed=11,
            defects=Defects(),
        ),
        SiteSpec(
            "bhxh-nghe-an",
            "BHXH tỉnh Nghệ An",
            "Nghệ An",
            "nghean.gov.vn",
            "liferay6",
            seed=22,
            defects=Defects(
                short_months=(2,),
                thin_share=0.12,
                misfiled_share=0.06,
                counter="frozen",
                vssid=False,
                department_links=8,
                search_documents="broken-500",
            ),
        ),
        SiteSpec(
            "bhxh-quang-ninh",
            "BHXH tỉnh Quảng Ninh",
            "Quảng Ninh",
            "quangninh.gov.vn",
            "dnn",
            seed=33,
            defects=Defects(
                gap_days=17,
                thin_share=0.35,
                deficient_share=0.30,
                modern_media=False,
                campaign_posts=1,
                search_articles="broken-empty",
                spokesperson_missing=("phone", "email"),
                department_links=3,
                fanpage=False,
                vssid=False,
                feed="malformed",
            ),
        ),
        SiteSpec(
            "bhxh-can-tho",
            "BHXH thành phố Cần Thơ",
            "Cần Thơ",
            "cantho.gov.vn",
            "wordpress",
            seed=44,
            nfd=True,
            defects=Defects(
                short_months=(1, 3),
                stale_days=22,
                deficient_share=0.12,
                misfiled_share=0.22,
                search_documents="absent",
                spokesperson_missing=("title",),
                counter="missing",
                department_links=5,
            ),
        ),
        SiteSpec(
            "bhxh-lam-dong",
            "BHXH tỉnh Lâm Đồng",
            "Lâm Đồng",
            "lamdong.gov.vn",
            "modern",
            seed=55,
            defects=Defects(department_links=0, fanpage=False, sitemap="malformed", stale_days=10),
        ),
        SiteSpec(
            "bhxh-dak-nong",
            "BHXH tỉnh Đắk Nông",
            "Đắk Nông",
            "daknong.gov.vn",
            "sp2010",
            seed=66,
            charset="windows-1258",
            defects=Defects(
                thin_share=0.15,
                deficient_share=0.25,
                modern_media=False,
                campaign_posts=2,
                search_articles="absent",
                search_documents="absent",
                spokesperson_missing=("name", "title", "phone", "email"),
                department_links=7,
                fanpage=False,
                feed="missing",
                sitemap="missing",
            ),
        ),
    ]


def holdout_specs() -> list[SiteSpec]:
    """Four portals in CMS styles the extractors were never tuned on (themes_holdout.py),
    each with its own defect mix; Khánh Hòa (Drupal) is fully compliant."""
    return [
        SiteSpec(
            "bhxh-binh-dinh",
            "BHXH tỉnh Bình Định",
            "Bình Định",
            "binhdinh.gov.vn",
            "egov-aspx",
            seed=71,
            defects=Defects(
                short_months=(1,),
                misfiled_share=0.12,
                counter="frozen",
                search_documents="broken-empty",
                feed="missing",
                sitemap="missing",
            ),
        ),
        SiteSpec(
            "bhxh-thai-binh",
            "BHXH tỉnh Thái Bình",
            "Thái Bình",
            "thaibinh.gov.vn",
            "joomla",
            seed=72,
            defects=Defects(
                thin_share=0.25,
                deficient_share=0.15,
                spokesperson_missing=("email",),
                department_links=4,
                vssid=False,
                search_articles="broken-500",
            ),
        ),
        SiteSpec(
            "bhxh-khanh-hoa",
            "BHXH tỉnh Khánh Hòa",
            "Khánh Hòa",
            "khanhhoa.gov.vn",
            "drupal",
            seed=73,
            defects=Defects(),
        ),
        SiteSpec(
            "bhxh-yen-bai",
            "BHXH tỉnh Yên Bái",
            "Yên Bái",
            "yenbai.gov.vn",
            "vn-vendor",
            seed=74,
            nfd=True,
            defects=Defects(
                stale_days=9,
                modern_media=False,
                campaign_posts=1,
                search_documents="absent",
                fanpage=False,
                sitemap="missing",
            ),
        ),
    ]


def holdout2_specs() -> list[SiteSpec]:
    """Second blind set (themes_holdout2.py): two iGate/MVC portals, one of them (Bắc Ninh)
    fully compliant, and one frames-era table CMS served in windows-1258."""
    return [
        SiteSpec(
            "bhxh-bac-ninh",
            "BHXH tỉnh Bắc Ninh",
            "Bắc Ninh",
            "bacninh.gov.vn",
            "igate-mvc",
            seed=81,
            defects=Defects(),
        ),
        SiteSpec(
            "bhxh-hau-giang",
            "BHXH tỉnh Hậu Giang",
            "Hậu Giang",
            "haugiang.gov.vn",
            "igate-mvc",
            seed=82,
            defects=Defects(
                short_months=(2,),
                deficient_share=0.28,
                misfiled_share=0.05,
                spokesperson_missing=("phone",),
                counter="missing",
                search_articles="broken-empty",
                vssid=False,
                feed="malformed",
            ),
        ),
        SiteSpec(
            "bhxh-lai-chau",
            "BHXH tỉnh Lai Châu",
            "Lai Châu",
            "laichau.gov.vn",
            "cms-table",
            seed=83,
            charset="windows-1258",
            defects=Defects(
                stale_days=18,
                thin_share=0.18,
                modern_media=False,
                campaign_posts=2,
                search_documents="absent",
                department_links=4,
                fanpage=False,
                counter="frozen",
                feed="missing",
                sitemap="missing",
            ),
        ),
    ]


PROVINCES = (
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Bạc Liêu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Dương",
    "Bình Định",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Cần Thơ",
    "Đà Nẵng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Nội",
    "Hà Tĩnh",
    "Hải Dương",
    "Hải Phòng",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Thừa Thiên Huế",
    "Tiền Giang",
    "TP. Hồ Chí Minh",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
)


def bench_specs(n_sites: int = 63, articles_per_site: int = 1500) -> list[SiteSpec]:
    """A big farm for benchmarks: the default styles and defect mixes, cycled."""
    base = default_specs()
    out = []
    for i in range(n_sites):
        prov = PROVINCES[i % len(PROVINCES)]
        slug = C.slugify(prov)
        t = base[i % len(base)]
        out.append(
            replace(
                t,
                site_id=f"bhxh-{slug}-{i:02d}" if i >= len(PROVINCES) else f"bhxh-{slug}",
                name=f"BHXH tỉnh {prov}",
                province=prov,
                domain=f"{slug.replace('-', '')}.gov.vn",
                seed=1000 + i,
                total_articles=articles_per_site,
            )
        )
    return out


@dataclass
class _Site:
    spec: SiteSpec
    data: SiteData
    theme: Theme


class Farm:
    """Generated sites (no sockets). `handle` serves one request in-process."""

    def __init__(self, specs: list[SiteSpec], as_of: date) -> None:
        ids = [s.site_id for s in specs]
        if len(set(ids)) != len(ids):
            raise ValueError("duplicate site ids")
        self.as_of = as_of
        self.sites: dict[str, _Site] = {}
        for s in specs:
            data = generate_site(s, as_of)
            theme = THEMES.get(s.cms) or HOLDOUT_THEMES.get(s.cms) or HOLDOUT2_THEMES[s.cms]
            self.sites[s.site_id] = _Site(s, data, theme(data))

    @property
    def site_ids(self) -> list[str]:
        return list(self.sites)

    def handle(
        self,
        site_id: str,
        method: str,
        target: str,
        base: str,
        form: dict[str, str] | None = None,
        hit: Any = None,
    ) -> Resp:
        site = self.sites[site_id]
        parts = urlsplit(target)
        path = parts.path or "/"
        if path.startswith(("/Uploads/", "/images/", "/media/", "/PublishingImages/")):
            return Resp(200, PNG_1PX, "image/png", last_modified=datetime(2024, 1, 1))
        req = Req(
            method,
            path,
            dict(parse_qsl(parts.query, keep_blank_values=True)),
            base.rstrip("/"),
            form or {},
            hit
            or (
                lambda: site.data.counter_start if site.spec.defects.counter != "missing" else None
            ),
        )
        return site.theme.handle(req)

    def encode(self, site_id: str, resp: Resp) -> tuple[bytes, str]:
        """Body bytes and Content-Type, honouring the site's NFD and charset quirks."""
        spec = self.sites[site_id].spec
        if isinstance(resp.body, bytes):
            return resp.body, resp.ctype
        text = resp.body
        if spec.nfd:
            text = unicodedata.normalize("NFD", text)
        if spec.charset.lower() in ("windows-1258", "cp1258") and resp.ctype == "text/html":
            return C.to_cp1258(text), "text/html; charset=windows-1258"
        return text.encode("utf-8"), f"{resp.ctype}; charset=utf-8"

    def render(self, site_id: str, target: str, base: str = "http://127.0.0.1:8000") -> bytes:
        """The bytes a GET of `target` would serve (for tests and determinism checks)."""
        return self.encode(site_id, self.handle(site_id, "GET", target, base))[0]

    def article_url(self, site_id: str, base: str) -> Any:
        theme = self.sites[site_id].theme
        return lambda a: base.rstrip("/") + theme.article_path(a)

    def ground_truth(self, site_id: str, base: str = "") -> dict[str, Any]:
        site = self.sites[site_id]
        gt = ground_truth(site.data, self.article_url(site_id, base))
        by_url = {self.article_url(site_id, base)(a): a for a in site.data.articles}
        for row in gt["articles"]:
            row["site_label"] = site.theme.labels[by_url[row["url"]].listed_under]
        gt["cms"] = site.spec.cms
        gt["charset"] = site.spec.charset
        gt["nfd"] = site.spec.nfd
        gt["category_map"] = self.category_map(site_id)
        return gt

    def category_map(self, site_id: str) -> dict[str, str]:
        return {label: slug for slug, label in self.sites[site_id].theme.labels.items()}

    def write_ground_truth(
        self, out_dir: str | Path, bases: dict[str, str] | None = None
    ) -> list[Path]:
        """<site_id>.json per site. Without `bases` (no running farm) article URLs are paths."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        paths = []
        for sid in self.sites:
            p = out / f"{sid}.json"
            p.write_text(
                json.dumps(
                    self.ground_truth(sid, (bases or {}).get(sid, "")), ensure_ascii=False, indent=1
                ),
                encoding="utf-8",
            )
            paths.append(p)
        return paths

    def serve(self, host: str = "127.0.0.1", base_port: int | None = None) -> RunningFarm:
        """Serve every site; with `base_port`, site i tries port base_port+i first so that
        URLs (and so stored history) stay the same across demo runs."""
        return RunningFarm(self, host, base_port)


def build_farm(specs: list[SiteSpec], as_of: date) -> Farm:
    return Farm(specs, as_of)


# =========================================================================== HTTP
class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128


class RunningFarm:
    """Real HTTP servers, one per site on an ephemeral port; use as a context manager."""

    def __init__(self, farm: Farm, host: str = "127.0.0.1", base_port: int | None = None) -> None:
        self.farm = farm
        self.host = host
        self.base_port = base_port
        self._lock = threading.Lock()
        self._servers: dict[str, _Server] = {}
        self._threads: dict[str, threading.Thread] = {}
        self._ports: dict[str, int] = {}
        self._requests: dict[str, int] = {sid: 0 for sid in farm.sites}
        # A live counter keeps rising between demo runs (one visit a minute since 2024), so a
        # restarted farm does not look like a counter that went down to the audits' history.
        minutes = max(0, int((time.time() - 1_704_067_200) // 60))
        self._counters: dict[str, int] = {
            sid: s.data.counter_start + (minutes if s.spec.defects.counter == "increments" else 0)
            for sid, s in farm.sites.items()
        }
        self._faults: dict[str, Fault | None] = {sid: s.spec.fault for sid, s in farm.sites.items()}
        self._bomb: bytes | None = None

    # ---- lifecycle
    def __enter__(self) -> RunningFarm:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        for i, sid in enumerate(self.farm.sites):
            port = 0
            if self.base_port:
                port = self.base_port + i
                try:
                    self._start_site(sid, port)
                except OSError:  # taken: fall back to an ephemeral port
                    self._start_site(sid, 0)
            else:
                self._start_site(sid, 0)
            if (self._faults[sid] or Fault("")).kind == "down":
                self._stop_site(sid)

    def stop(self) -> None:
        for sid in list(self._servers):
            self._stop_site(sid)

    def _start_site(self, sid: str, port: int) -> None:
        srv = _Server((self.host, port), self._handler_class(sid))
        self._servers[sid] = srv
        self._ports[sid] = srv.server_address[1]
        t = threading.Thread(
            target=srv.serve_forever,
            kwargs={"poll_interval": 0.05},
            daemon=True,
            name=f"farm-{sid}",
        )
        t.start()
        self._threads[sid] = t

    def _stop_site(self, sid: str) -> None:
        srv = self._servers.pop(sid, None)
        if srv:
            srv.shutdown()
            srv.server_close()
            self._threads.pop(sid).join(timeout=5)

    # ---- public API
    @property
    def urls(self) -> dict[str, str]:
        return {sid: f"http://{self.host}:{port}/" for sid, port in self._ports.items()}

    def base(self, sid: str) -> str:
        return f"http://{self.host}:{self._ports[sid]}"

    def request_count(self, site_id: str) -> int:
        with self._lock:
            return self._requests[site_id]

    def counter_value(self, site_id: str) -> int:
        with self._lock:
            return self._counters[site_id]

    def set_fault(self, site_id: str, fault: Fault | str | None) -> None:
        """Switch a fault on ("slow", "5xx", ..., or a Fault) or off (None)."""
        if isinstance(fault, str):
            fault = Fault(fault)
        if fault is not None and fault.kind not in FAULT_KINDS:
            raise ValueError(f"unknown fault {fault.kind!r}; one of {FAULT_KINDS}")
        was_down = site_id not in self._servers
        with self._lock:
            self._faults[site_id] = fault
        if fault is not None and fault.kind == "down" and not was_down:
            self._stop_site(site_id)
        elif was_down and (fault is None or fault.kind != "down"):
            self._start_site(site_id, self._ports[site_id])

    def ground_truth(self, site_id: str) -> dict[str, Any]:
        return self.farm.ground_truth(site_id, self.base(site_id))

    def write_ground_truth(self, out_dir: str | Path) -> list[Path]:
        return self.farm.write_ground_truth(
            out_dir, {sid: self.base(sid) for sid in self.farm.sites}
        )

    def sites_yaml(self) -> dict[str, Any]:
        sites = []
        for sid, s in self.farm.sites.items():
            sites.append(
                {
                    "id": sid,
                    "name": s.spec.name,
                    "url": self.urls[sid],
                    "province_domains": [s.spec.domain],
                    "category_map": self.farm.category_map(sid),
                    "rules": {"department-links": {"min_links": 5}},
                    "disable": [],
                    "check_links": False,
                }
            )
        return {"defaults": {"rules": {"post-quota": {"min_posts_per_month": 20}}}, "sites": sites}

    def write_sites_yaml(self, path: str | Path) -> Path:
        p = Path(path)
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(
            yaml.safe_dump(self.sites_yaml(), allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
        return p

    # ---- internals
    def _count(self, sid: str) -> None:
        with self._lock:
            self._requests[sid] += 1

    def _hit(self, sid: str) -> int | None:
        mode = self.farm.sites[sid].spec.defects.counter
        with self._lock:
            if mode == "missing":
                return None
            if mode == "increments":
                self._counters[sid] += 1
            return self._counters[sid]

    def _gzip_bomb(self, size_mb: int) -> bytes:
        with self._lock:
            if self._bomb is None:
                self._bomb = gzip.compress(b"\0" * (size_mb * 1024 * 1024), compresslevel=9)
            return self._bomb

    def _handler_class(self, sid: str) -> type[BaseHTTPRequestHandler]:
        running = self

        class Handler(BaseHTTPRequestHandler):
            server_version = {
                "sp2013": "Microsoft-IIS/8.5",
                "sp2010": "Microsoft-IIS/7.5",
                "dnn": "Microsoft-IIS/10.0",
                "liferay6": "Apache-Coyote/1.1",
                "wordpress": "nginx",
                "modern": "nginx",
                **SERVER_HEADERS,
                **SERVER_HEADERS2,
            }[running.farm.sites[sid].spec.cms]
            sys_version = ""
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:  # quiet
                return

            def handle(self) -> None:
                try:
                    super().handle()
                except (ConnectionError, OSError, ValueError):
                    pass

            def do_GET(self) -> None:
                running._serve(sid, self, "GET")

            def do_HEAD(self) -> None:
                running._serve(sid, self, "HEAD")

            def do_POST(self) -> None:
                running._serve(sid, self, "POST")

        return Handler

    def _send(
        self,
        h: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        headers: dict[str, str],
        head: bool = False,
    ) -> None:
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        if "Content-Length" not in headers:
            h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if not head:
            h.wfile.write(body)

    def _serve(self, sid: str, h: BaseHTTPRequestHandler, method: str) -> None:
        self._count(sid)
        with self._lock:
            fault = self._faults.get(sid)
        path = urlsplit(h.path).path
        form: dict[str, str] = {}
        if method == "POST":
            n = int(h.headers.get("Content-Length") or 0)
            raw = h.rfile.read(n) if n else b""
            form = dict(parse_qsl(raw.decode("utf-8", "replace"), keep_blank_values=True))
        if fault and (fault.path_prefix is None or path.startswith(fault.path_prefix)):
            if self._apply_fault(sid, h, fault, path, method):
                return
        try:
            resp = self.farm.handle(
                sid, method, h.path, self.base(sid), form, lambda: self._hit(sid)
            )
        except Exception:  # noqa: BLE001 - a generator bug must look like a server error, not kill the thread
            resp = Resp(500, "<html><body><h1>500 Internal Server Error</h1></body></html>")
        if (
            fault
            and fault.kind == "malformed-feed"
            and resp.ctype in ("application/rss+xml", "application/xml")
        ):
            resp = Resp(
                200,
                '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Tin mới<item><link>',
                resp.ctype,
            )
        body, ctype = self.farm.encode(sid, resp)
        headers = {"Content-Type": ctype, **resp.headers}
        if resp.status == 200:
            etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
            lm = (
                datetime.now(UTC)
                if resp.dynamic or resp.last_modified is None
                else resp.last_modified.replace(tzinfo=VN)
            )
            lm = lm.astimezone(UTC).replace(microsecond=0)
            headers["ETag"] = etag
            headers["Last-Modified"] = format_datetime(lm, usegmt=True)
            headers.setdefault("Cache-Control", "private, max-age=0")
            inm = h.headers.get("If-None-Match")
            ims = h.headers.get("If-Modified-Since")
            fresh = False
            if inm is not None:
                fresh = (
                    etag in [t.strip().removeprefix("W/") for t in inm.split(",")]
                    or inm.strip() == "*"
                )
            elif ims and not resp.dynamic and method in ("GET", "HEAD"):
                try:
                    fresh = lm <= parsedate_to_datetime(ims)
                except (TypeError, ValueError):
                    fresh = False
            if fresh and method in ("GET", "HEAD"):
                h.send_response(304)
                h.send_header("ETag", etag)
                h.send_header("Last-Modified", headers["Last-Modified"])
                h.send_header("Content-Length", "0")
                h.end_headers()
                return
        self._send(h, resp.status, body, headers, head=method == "HEAD")

    def _apply_fault(
        self, sid: str, h: BaseHTTPRequestHandler, f: Fault, path: str, method: str
    ) -> bool:
        """Misbehave; True when the response has been fully handled."""
        if f.kind == "slow":
            time.sleep(f.delay_s)
            return False
        if f.kind == "5xx":
            self._send(
                h,
                f.status,
                b"<html><body><h1>Service Unavailable</h1></body></html>",
                {"Content-Type": "text/html"},
            )
            return True
        if f.kind == "reset":
            h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            h.connection.close()
            h.close_connection = True
            return True
        if f.kind == "truncated":
            resp = self.farm.handle(sid, "GET", h.path, self.base(sid), {}, lambda: self._hit(sid))
            body, ctype = self.farm.encode(sid, resp)
            body = body or b"<html><body>" + b"x" * 2000
            h.send_response(200)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(body) * 2))
            h.end_headers()
            h.wfile.write(body[: len(body) // 2])
            h.wfile.flush()
            h.close_connection = True
            h.connection.shutdown(socket.SHUT_WR)
            return True
        if f.kind == "redirect-loop":
            nxt = "/vong-lap/b" if path == "/vong-lap/a" else "/vong-lap/a"
            self._send(h, 302, b"", {"Location": nxt})
            return True
        if f.kind == "foreign-redirect":
            self._send(h, 302, b"", {"Location": FOREIGN_HOST + h.path})
            return True
        if f.kind == "huge":
            chunk = (
                "<p>" + "Nội dung rất dài của trang thông tin điện tử. " * 200 + "</p>\n"
            ).encode("utf-8")
            total = f.size_mb * 1024 * 1024
            h.send_response(200)
            h.send_header("Content-Type", "text/html; charset=utf-8")
            h.send_header("Content-Length", str(total))
            h.end_headers()
            if method == "HEAD":
                return True
            sent = 0
            head = "<!DOCTYPE html><html><head><title>Trang lớn</title></head><body>".encode()
            h.wfile.write(head)
            sent += len(head)
            while sent < total:
                piece = chunk[: total - sent]
                h.wfile.write(piece)
                sent += len(piece)
            return True
        if f.kind == "gzip-bomb":
            bomb = self._gzip_bomb(max(f.size_mb, 100))
            self._send(
                h,
                200,
                bomb,
                {"Content-Type": "text/html; charset=utf-8", "Content-Encoding": "gzip"},
                head=method == "HEAD",
            )
            return True
        if f.kind == "malformed-feed":
            return False  # applied to feed responses in _serve
        if f.kind == "down":
            return False
        return False
