"""The last good copy of each page an audit reads again every night, with its validators.

Home pages, listings, feeds, sitemaps and robots.txt are fetched on every audit. Sent with
the ETag / Last-Modified of the stored copy (If-None-Match / If-Modified-Since), an
unchanged page costs a 304 of a few bytes, and the stored body is read instead (RFC 9110
section 13). Article pages are not kept: once read they are stored in the database and
never fetched again.

This is all portal-lint needs of an HTTP cache: every request revalidates (nightly audits
must see changes), so freshness lifetimes, Vary and shared-cache rules never apply. It
replaced hishel's RFC 9111 cache, whose async SQLite storage sends each SQLite call to a
worker thread: about 50 thread hand-offs per cached page, a tenth of the auditing process's
GIL time on the 63-portal bench. Here each call is one indexed SQLite read or write on a
local file (tens of microseconds), made in place.

One SQLite file per site. A cache that cannot be opened or read is no cache: the page is
fetched whole and the audit goes on.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    headers TEXT NOT NULL,
    body BLOB NOT NULL,
    stored_at REAL NOT NULL
)
"""
# Headers worth keeping with the body: what the crawler reads of a response.
_KEPT_HEADERS = ("content-type", "etag", "last-modified")


@dataclass(frozen=True)
class CachedPage:
    etag: str | None
    last_modified: str | None
    headers: dict[str, str]
    body: bytes

    def conditional_headers(self) -> dict[str, str]:
        out = {}
        if self.etag:
            out["If-None-Match"] = self.etag
        if self.last_modified:
            out["If-Modified-Since"] = self.last_modified
        return out


class PageCache:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(path, isolation_level=None)  # autocommit: one write each
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute("PRAGMA busy_timeout=5000")
            db.execute(_SCHEMA)
            self._db = db
        except (sqlite3.Error, OSError) as exc:
            log.warning("page cache %s unusable, fetching without it: %s", path, exc)

    def get(self, url: str) -> CachedPage | None:
        if self._db is None:
            return None
        try:
            row = self._db.execute(
                "SELECT etag, last_modified, headers, body FROM pages WHERE url = ?", (url,)
            ).fetchone()
            if row is None:
                return None
            return CachedPage(row[0], row[1], json.loads(row[2]), zlib.decompress(row[3]))
        except (sqlite3.Error, zlib.error, ValueError) as exc:
            log.warning("page cache read failed for %s: %s", url, exc)
            return None

    def put(self, url: str, headers: dict[str, str], body: bytes) -> None:
        """Keep `body` if the response carries a validator (without one it cannot be
        revalidated, so keeping it would only cost disk)."""
        etag, last_modified = headers.get("etag"), headers.get("last-modified")
        if self._db is None or not (etag or last_modified):
            return
        kept = {k: headers[k] for k in _KEPT_HEADERS if k in headers}
        try:
            self._db.execute(
                "INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?)",
                (url, etag, last_modified, json.dumps(kept), zlib.compress(body, 1), time.time()),
            )
        except sqlite3.Error as exc:
            log.warning("page cache write failed for %s: %s", url, exc)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
