"""The polite HTTP client: the only code that touches the network.

A stack of small behaviours around one `httpx.AsyncClient`:
- revalidation of the pages read every night (page_cache.py): a GET is sent with the stored
  copy's validators (If-None-Match / If-Modified-Since) and `Cache-Control: no-cache`, so
  an unchanged page costs a 304 of a few bytes; pages that changed come back whole.
- robots.txt (protego), fetched once per host, honoured for every URL.
- per-host concurrency (semaphore) and rate (minimum interval between request starts).
- bounded retries with exponential backoff on transient failures only (timeouts, resets,
  429, 502/503/504); never on 4xx or on a body that was too large.
- a cap on the decompressed body (so a gzip bomb or a 30 MB page stops at the cap).
- redirects followed by hand, only within the allowed hosts, with loop detection.
Every attempt ends in a `FetchRecord` kept in `self.log`.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import ssl
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from portal_lint.config import CrawlSettings
from portal_lint.fetch.page_cache import CachedPage, PageCache
from portal_lint.snapshot import FetchRecord, LinkCheck

log = logging.getLogger(__name__)

TRANSIENT_STATUS = {429, 502, 503, 504}
MAX_REDIRECTS = 6


@dataclass
class FetchResult:
    url: str  # final URL after redirects
    status: int | None
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    record: FetchRecord | None = None

    @property
    def ok(self) -> bool:
        return (
            self.record is not None
            and self.record.ok
            and self.status is not None
            and self.status < 400
        )

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type")


def host_key(url: str) -> str:
    parts = urlsplit(url)
    host = (parts.hostname or "").lower().removeprefix("www.")
    return f"{host}:{parts.port}" if parts.port else host


def _site_key(url: str) -> str:
    """host_key with the default ports (80, 443) left out; "" for URLs without a host."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:  # a port that is not a number
        return ""
    host = (parts.hostname or "").lower().removeprefix("www.")
    if not host or parts.scheme not in ("", "http", "https"):
        return ""
    return host if port in (None, 80, 443) else f"{host}:{port}"


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One TLS context for every site of the process: building one loads the CA bundle
    (a few ms each, for every site of a many-site audit)."""
    return httpx.create_ssl_context()


class _TooLarge(Exception):
    pass


class Fetcher:
    """One per audit of one site. Use as `async with Fetcher(...) as f:`."""

    def __init__(
        self,
        settings: CrawlSettings,
        allowed_hosts: set[str],
        cache_dir: Path | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.settings = settings
        self.allowed_hosts = {h.lower().removeprefix("www.") for h in allowed_hosts}
        self._allowed_keys = {_site_key(f"//{h}") for h in self.allowed_hosts}
        self.cache_dir = cache_dir
        self._transport = transport
        self.log: list[FetchRecord] = []
        self.network_requests = 0  # requests that reached the server (incl. 304s)
        self.cache_answers = 0  # requests answered with the cached body (304 or fresh)
        self._robots: dict[str, Any] = {}
        self._robots_lock = asyncio.Lock()
        self._host_sem: dict[str, asyncio.Semaphore] = {}
        self._host_next: dict[str, float] = {}
        self._client: httpx.AsyncClient | None = None
        self._cache: PageCache | None = None

    # ------------------------------------------------------------------ lifecycle
    async def __aenter__(self) -> Fetcher:
        s = self.settings
        timeout = httpx.Timeout(s.timeout, connect=min(s.timeout, 10.0))
        transport = self._transport or httpx.AsyncHTTPTransport(retries=0, verify=_ssl_context())
        if self.cache_dir is not None:
            self._cache = PageCache(self.cache_dir / "pages.sqlite")
        self._client = httpx.AsyncClient(
            transport=transport,
            timeout=timeout,
            follow_redirects=False,
            headers={"User-Agent": s.user_agent, "Accept-Language": "vi,en;q=0.5"},
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()
        if self._cache is not None:
            self._cache.close()

    # ------------------------------------------------------------------ policy
    def allowed(self, url: str) -> bool:
        """Same host and same port as the site (http and https count as one site): a
        redirect or link to another port of the same host is another service, not the site."""
        return _site_key(url) in self._allowed_keys

    async def _robots_for(self, url: str) -> Any:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        async with self._robots_lock:
            if key in self._robots:
                return self._robots[key]
            from protego import Protego

            robots_url = key + "/robots.txt"
            res = await self._fetch_once(robots_url, purpose="robots", cache=True)
            if res.status is not None and res.status < 400 and res.body:
                try:
                    parser = Protego.parse(res.body.decode("utf-8", "replace"))
                except Exception:  # noqa: BLE001 - an unreadable robots.txt restricts nothing
                    parser = None
            elif res.status in (401, 403):
                # RFC 9309: an inaccessible robots.txt means "assume full disallow".
                parser = Protego.parse("User-agent: *\nDisallow: /")
            else:
                parser = None
            self._robots[key] = parser
            return parser

    async def robots_allows(self, url: str) -> bool:
        if not self.settings.obey_robots:
            return True
        parser = await self._robots_for(url)
        return True if parser is None else bool(parser.can_fetch(url, self.settings.user_agent))

    async def crawl_delay(self, url: str) -> float:
        parser = await self._robots_for(url) if self.settings.obey_robots else None
        delay = parser.crawl_delay(self.settings.user_agent) if parser is not None else None
        return float(delay or 0.0)

    async def _pace(self, url: str) -> None:
        key = host_key(url)
        interval = 1.0 / self.settings.rate_per_second
        now = time.monotonic()
        start = max(now, self._host_next.get(key, now))
        self._host_next[key] = start + interval
        if start > now:
            await asyncio.sleep(start - now)

    def _sem(self, url: str) -> asyncio.Semaphore:
        key = host_key(url)
        if key not in self._host_sem:
            self._host_sem[key] = asyncio.Semaphore(self.settings.concurrency)
        return self._host_sem[key]

    # ------------------------------------------------------------------ requests
    async def _fetch_once(
        self,
        url: str,
        *,
        purpose: str,
        method: str = "GET",
        params: dict[str, str] | None = None,
        data: dict[str, str] | None = None,
        cache: bool = True,
    ) -> FetchResult:
        """One request (no redirects, no retries), body read up to the cap."""
        assert self._client is not None
        cap = int(self.settings.max_body_mb * 1024 * 1024)
        headers = {"Cache-Control": "no-cache"}  # always revalidate: audits must see changes
        stored: CachedPage | None = None
        use_cache = cache and method == "GET" and self._cache is not None
        started = time.monotonic()
        await self._pace(url)
        async with self._sem(url):
            try:
                req = self._client.build_request(
                    method, url, params=params, data=data, headers=headers
                )
                if use_cache:
                    assert self._cache is not None
                    stored = self._cache.get(str(req.url))
                    if stored is not None:
                        req.headers.update(stored.conditional_headers())
                resp = await self._client.send(req, stream=True)
                try:
                    chunks: list[bytes] = []
                    size = 0
                    async for chunk in resp.aiter_bytes():
                        size += len(chunk)
                        if size > cap:
                            raise _TooLarge
                        chunks.append(chunk)
                finally:
                    await resp.aclose()
            except _TooLarge:
                self.network_requests += 1
                return self._record(
                    url,
                    None,
                    "too_large",
                    f"body over {self.settings.max_body_mb:g} MB",
                    purpose,
                    started,
                )
            except httpx.TimeoutException as exc:
                self.network_requests += 1
                return self._record(url, None, "timeout", type(exc).__name__, purpose, started)
            except httpx.DecodingError as exc:
                self.network_requests += 1
                return self._record(url, None, "decode_error", str(exc)[:200], purpose, started)
            except (httpx.TransportError, OSError) as exc:
                self.network_requests += 1
                reason = f"{type(exc).__name__}: {exc}"[:200]
                return self._record(url, None, "connect_error", reason, purpose, started)
        self.network_requests += 1
        hdrs = {k.lower(): v for k, v in resp.headers.items()}
        status, body = resp.status_code, b"".join(chunks)
        from_cache = stored is not None and status == 304
        if from_cache:
            assert stored is not None
            # Unchanged since the stored copy: that copy is the page.
            self.cache_answers += 1
            status, body, hdrs = 200, stored.body, {**stored.headers, **hdrs}
        elif use_cache and status == 200:
            assert self._cache is not None
            self._cache.put(str(req.url), hdrs, body)
        outcome = "not_modified" if from_cache else "ok"
        if status >= 400:
            outcome = "http_error"
        result = FetchResult(str(resp.url), status, body, hdrs)
        result.record = self._make_record(
            url,
            status,
            outcome,
            "" if outcome != "http_error" else f"HTTP {status}",
            purpose,
            started,
            from_cache,
        )
        return result

    def _make_record(
        self,
        url: str,
        status: int | None,
        outcome: str,
        reason: str,
        purpose: str,
        started: float,
        from_cache: bool = False,
    ) -> FetchRecord:
        return FetchRecord(
            url=url,
            outcome=outcome,
            status=status,
            reason=reason,
            purpose=purpose,
            from_cache=from_cache,
            elapsed_ms=round((time.monotonic() - started) * 1000, 1),
        )

    def _record(
        self, url: str, status: int | None, outcome: str, reason: str, purpose: str, started: float
    ) -> FetchResult:
        rec = self._make_record(url, status, outcome, reason, purpose, started)
        return FetchResult(url, status, b"", {}, rec)

    async def get(
        self,
        url: str,
        *,
        purpose: str = "page",
        method: str = "GET",
        params: dict[str, str] | None = None,
        data: dict[str, str] | None = None,
        cache: bool = True,
        check_robots: bool = True,
    ) -> FetchResult:
        """Fetch with robots, redirects (same site only) and retries; always logs one record."""
        started = time.monotonic()
        if not self.allowed(url):
            res = self._record(
                url, None, "foreign_host", "outside the site's hosts", purpose, started
            )
            self.log.append(res.record)  # type: ignore[arg-type]
            return res
        if check_robots and not await self.robots_allows(url):
            res = self._record(
                url, None, "robots_disallowed", "disallowed by robots.txt", purpose, started
            )
            self.log.append(res.record)  # type: ignore[arg-type]
            return res
        seen: list[str] = []
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            res = await self._with_retries(current, purpose, method, params, data, cache)
            if res.status in (301, 302, 303, 307, 308) and "location" in res.headers:
                target = urljoin(current, res.headers["location"].strip())
                seen.append(current)
                if target in seen:
                    res = self._record(
                        url,
                        res.status,
                        "redirect_loop",
                        f"redirect loop via {target}",
                        purpose,
                        started,
                    )
                    break
                if not self.allowed(target):
                    res = self._record(
                        url,
                        res.status,
                        "foreign_redirect",
                        f"redirects outside the site to {target}",
                        purpose,
                        started,
                    )
                    break
                if check_robots and not await self.robots_allows(target):
                    res = self._record(
                        url,
                        None,
                        "robots_disallowed",
                        f"redirect target {target} disallowed",
                        purpose,
                        started,
                    )
                    break
                if res.status == 303 or (res.status in (301, 302) and method == "POST"):
                    method, data = "GET", None
                params = None  # the Location carries the query
                current = target
                continue
            break
        else:
            res = self._record(
                url, None, "redirect_loop", f"more than {MAX_REDIRECTS} redirects", purpose, started
            )
        if (
            res.record is not None
            and res.record.url != url
            and res.record.outcome in ("ok", "not_modified", "http_error")
        ):
            # Log under the URL asked for, keeping the final one visible in the reason.
            res.record = FetchRecord(
                url=url,
                outcome=res.record.outcome,
                status=res.record.status,
                reason=(res.record.reason + f" (→ {res.url})").strip(),
                purpose=purpose,
                from_cache=res.record.from_cache,
                elapsed_ms=res.record.elapsed_ms,
            )
        elif res.record is not None and current != url and res.url == current:
            res.url = current
        self.log.append(res.record)  # type: ignore[arg-type]
        return res

    async def _with_retries(
        self,
        url: str,
        purpose: str,
        method: str,
        params: dict[str, str] | None,
        data: dict[str, str] | None,
        cache: bool,
    ) -> FetchResult:
        attempts = self.settings.retries + 1
        res = FetchResult(url, None)
        for attempt in range(attempts):
            res = await self._fetch_once(
                url, purpose=purpose, method=method, params=params, data=data, cache=cache
            )
            rec = res.record
            transient = rec is not None and (
                rec.outcome in ("timeout", "connect_error") or (res.status in TRANSIENT_STATUS)
            )
            if not transient or attempt == attempts - 1:
                break
            delay = min(8.0, 0.5 * (2**attempt))
            if res.status == 429 and "retry-after" in res.headers:
                try:
                    delay = min(30.0, float(res.headers["retry-after"]))
                except ValueError:
                    pass
            await asyncio.sleep(delay)
        return res

    async def check_link(self, url: str) -> LinkCheck:
        """Is an outbound link alive? One GET, short timeout, no retry, body mostly unread.

        Unreachable is reported as such (alive=False with the reason); the rule turns it
        into a warning at most, because the network between us and them may be at fault.
        """

        assert self._client is not None
        started = time.monotonic()
        try:
            async with self._client.stream(
                "GET",
                url,
                timeout=httpx.Timeout(10.0),
                follow_redirects=True,
            ) as resp:
                status = resp.status_code
            alive = status < 400
            rec = self._make_record(
                url,
                status,
                "ok" if alive else "http_error",
                "" if alive else f"HTTP {status}",
                "link-check",
                started,
            )
            self.network_requests += 1
            self.log.append(rec)
            return LinkCheck(url, alive, status, "" if alive else f"HTTP {status}")
        except (httpx.HTTPError, OSError) as exc:
            reason = f"{type(exc).__name__}: {exc}"[:200]
            self.network_requests += 1
            self.log.append(
                self._make_record(url, None, "connect_error", reason, "link-check", started)
            )
            return LinkCheck(url, False, None, reason)
