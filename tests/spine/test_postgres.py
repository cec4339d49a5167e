"""The PostgreSQL path for real: a throw-away cluster on 127.0.0.1, migrations, a run, history.

Debian's PostgreSQL server is installed by this fixture if missing (as chromium is for the
browser test); if it cannot be installed the test fails rather than skipping.
"""

from __future__ import annotations

import glob
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from portal_lint.snapshot import Article, CounterReading, Finding, RunContext, Snapshot
from portal_lint.store.repo import Store


def _pg_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "postgresql"], check=True, capture_output=True
        )
        found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        raise RuntimeError("PostgreSQL server binaries not found and could not be installed")
    return Path(found[-1]).parent


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    bindir = _pg_bin()
    root = Path(tempfile.mkdtemp(prefix="pl-pg-"))
    shutil.chown(root, "postgres")
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    as_pg = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [
            *as_pg,
            str(bindir / "initdb"),
            "-D",
            str(root / "data"),
            "-A",
            "trust",
            "-U",
            "pl",
            "--encoding",
            "UTF8",
            "--locale",
            "C",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *as_pg,
            str(bindir / "pg_ctl"),
            "-D",
            str(root / "data"),
            "-w",
            "-l",
            str(root / "log"),
            "-o",
            f"-p {port} -k {root} -c listen_addresses=127.0.0.1",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        subprocess.run(
            [
                *as_pg,
                str(bindir / "createdb"),
                "-h",
                "127.0.0.1",
                "-p",
                str(port),
                "-U",
                "pl",
                "portallint",
            ],
            check=True,
            capture_output=True,
        )
        yield f"postgresql+psycopg://pl@127.0.0.1:{port}/portallint"
    finally:
        subprocess.run(
            [*as_pg, str(bindir / "pg_ctl"), "-D", str(root / "data"), "-m", "fast", "stop"],
            check=False,
            capture_output=True,
        )
        shutil.rmtree(root, ignore_errors=True)


def test_migrations_run_and_history_round_trips_on_postgres(pg_url: str) -> None:
    store = Store(pg_url)
    at = datetime(2026, 11, 1, 1, 30)
    snap = Snapshot("pg-site", "https://pg.example.vn/", at, at, home_ok=True)
    snap.articles = [
        Article(
            "https://pg.example.vn/a",
            "Tiêu đề có dấu: Bảo hiểm y tế",
            datetime(2026, 10, 5),
            body_text="Nội dung",
            word_count=2,
            content_hash="h",
        )
    ]
    snap.counter_readings = [CounterReading(at, 4798809, "https://pg.example.vn/")]
    run_id = store.save_run(
        site_id="pg-site",
        site_name="BHXH tỉnh PG",
        site_url=snap.base_url,
        snap=snap,
        findings=[Finding("freshness", "pass", "Đạt", value={"days": 3})],
        ctx=RunContext(date(2026, 11, 1)),
        stats={"complete_since": "2026-06-01"},
        requests=3,
        cached=1,
    )
    assert run_id > 0
    hist = Store(pg_url).history(
        "pg-site", date(2026, 11, 1)
    )  # second open: migrations are a no-op
    assert [r.value for r in hist.counter_readings] == [4798809]
    assert hist.articles[0].title == "Tiêu đề có dấu: Bảo hiểm y tế"
    assert store.known_articles("pg-site")["https://pg.example.vn/a"]["word_count"] == 2
