"""Throughput and accuracy figures for the extractors on the real pages in ../shared.

Run: /work/venv/bin/python bench/bench_extract.py [--repeat N]
Prints figures only (no assertions).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import time
from datetime import datetime
from pathlib import Path

from portal_lint.extract.article import extract_article
from portal_lint.extract.dates import parse_vn_datetime
from portal_lint.extract.listing import extract_listing

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "real-pages"

# Page URL each real file was served from (Wayback pages: the archive URL they came from).
_URLS = {
    "baohiemxahoi.gov.vn/tintuc_linh-vuc-bao-hiem-y-te_CateID169_ItemID26712.html": "https://baohiemxahoi.gov.vn/tintuc/Pages/linh-vuc-bao-hiem-y-te.aspx"
    "?CateID=169&ItemID=26712&OtItem=date",
    "sotttt.hanoi.gov.vn/view_content_3842568-ha-noi-tap-huan-ky-nang-phat-ngon.html": "https://sotttt.hanoi.gov.vn/vi/bao-chi-xuat-ban/-/view_content/3842568-ha-noi-tap-huan-"
    "ky-nang-phat-ngon-cung-cap-thong-tin-cho-bao-chi.html",
}


def page_url(rel: str) -> str:
    if rel in _URLS:
        return _URLS[rel]
    host, name = rel.split("/", 1)
    m = re.search(r"wayback_(\d{14})", name)
    if m:
        page = "Pages/Home.aspx" if "Home" in name else "Pages/default.aspx"
        return f"http://web.archive.org/web/{m.group(1)}/http://{host}/{page}"
    return f"https://{host}/{name}"


def bench_articles(repeat: int) -> None:
    pages = [
        (str(p.relative_to(SHARED)), p.read_text(encoding="utf-8"))
        for p in sorted(SHARED.glob("*/*.html"))
    ]
    total_bytes = sum(len(h.encode()) for _, h in pages)
    print(f"extract_article: {len(pages)} real pages, {total_bytes / 1024:.0f} KB, x{repeat}")
    per_page: dict[str, list[float]] = {rel: [] for rel, _ in pages}
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in range(repeat):
        for rel, html in pages:
            t0 = time.process_time()
            extract_article(html, page_url(rel))
            per_page[rel].append((time.process_time() - t0) * 1000)
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    n = len(pages) * repeat
    # CPU time is the stable figure on a shared machine; wall time is printed beside it.
    print(
        f"  {n / cpu:.1f} pages/s CPU ({n / elapsed:.1f} wall), "
        f"{cpu * 1000 / n:.2f} ms/page CPU ({elapsed * 1000 / n:.2f} wall)"
    )
    for rel, times in per_page.items():
        art = extract_article(dict(pages)[rel], page_url(rel))
        verdict = f"article: {art.title[:50]!r} {art.published}" if art else "not an article"
        print(f"  {statistics.median(times):7.2f} ms CPU  {rel[:60]:60}  {verdict}")


def bench_listings(repeat: int) -> None:
    pages = [
        (str(p.relative_to(SHARED)), p.read_text(encoding="utf-8"))
        for p in sorted(SHARED.glob("*/*.html"))
    ]
    cpu_start = time.process_time()
    for _ in range(repeat):
        for rel, html in pages:
            extract_listing(html, page_url(rel))
    cpu = time.process_time() - cpu_start
    n = len(pages) * repeat
    print(f"extract_listing: {n / cpu:.1f} pages/s CPU, {cpu * 1000 / n:.2f} ms/page CPU")
    dated = undated = 0
    for rel, html in pages:
        lst = extract_listing(html, page_url(rel))
        dated += sum(1 for i in lst.items if i.published)
        undated += sum(1 for i in lst.items if not i.published)
    print(f"  items found: {dated + undated}, with a date: {dated}")


def _oracle(text: str) -> datetime | None:
    """Independent reading of 'dd/mm/yyyy[ | hh:mm AM|PM]' for the accuracy check."""
    m = re.search(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*\|\s*(\d{1,2}):(\d{2})\s*(AM|PM))?", text)
    if not m:
        return None
    d, mo, y, h, mi, ap = m.groups()
    hour = 0 if h is None else int(h) % 12 + (12 if ap == "PM" else 0)
    return datetime(int(y), int(mo), int(d), hour, int(mi or 0))


def bench_dates() -> None:
    for name in ("other_portal_listing_items.jsonl", "real_listing_items_bhxh.jsonl"):
        rows = [
            json.loads(line)
            for line in (SHARED / name).read_text("utf-8").splitlines()
            if line.strip()
        ]
        rows = [r for r in rows if r.get("date")]
        day_ok = exact_ok = 0
        t0 = time.perf_counter()
        for r in rows:
            got, want = parse_vn_datetime(r["date"]), _oracle(r["date"])
            day_ok += bool(got and want and got.date() == want.date())
            exact_ok += got == want
        us = (time.perf_counter() - t0) * 1e6 / max(1, len(rows))
        print(
            f"dates {name}: {len(rows)} strings, right day {day_ok}/{len(rows)}, "
            f"exact datetime {exact_ok}/{len(rows)}, {us:.0f} µs/string"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    bench_articles(args.repeat)
    bench_listings(args.repeat)
    bench_dates()


if __name__ == "__main__":
    main()
