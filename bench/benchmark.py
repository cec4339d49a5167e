"""How fast portal-lint is, measured against the limits of the machine it runs on.

    ./run bench [--sites 63] [--articles 1500] [--parallel 4] [--server-procs 1] ...
    (.venv/bin/python bench/benchmark.py ... is the same without the install step)

One run measures, and writes to bench/results.json (printed as a table):
1. cold audit of a demo farm on 127.0.0.1 (politeness limits off for loopback), the farm
   served by separate processes so that the server's CPU never shares the auditor's GIL:
   requests, wall time, pages/s, verdicts against the farm's ground truth;
2. the physical reference: plain httpx GETs of the URLs the cold audit fetched, at the same
   concurrency (no parsing, no storage), against the same farm; audit/raw as a ratio;
3. warm re-audit of the unchanged farm: requests (and which remain, by purpose), wall time;
4. peak memory of each audit, cold and warm: the auditing process's peak RSS during the
   audit (the bench's own conformance checks and raw fetching are outside it) plus each
   worker process's peak; the larger audit is reported, and the summed PSS beside it;
5. article extraction per page, portal-lint vs trafilatura, on farm article pages of every
   CMS style and on the real pages in ../shared/real-pages; title and date accuracy of both
   against the farm's ground truth;
6. classification throughput (portal_lint.classify.evaluate.measure_throughput).

Wall figures move with machine load; CPU figures (extraction) are steadier.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import platform
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

RESULTS = REPO / "bench" / "results.json"
SHARED = Path(os.environ.get("PORTAL_LINT_SHARED", REPO.parent / "shared"))

# Requests that reach the server: what the raw reference replays.
_SERVED = ("ok", "not_modified", "http_error")


# ============================================================================ machine
def machine() -> dict[str, Any]:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                ram_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {
        "cpu": cpu or platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "ram_gb": ram_gb,
        "python": platform.python_version(),
        "os": platform.platform(),
    }


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far (VmHWM; ru_maxrss where no /proc)."""
    mb = _vm_hwm_mb(os.getpid())
    if mb is not None:
        return round(mb, 1)
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _reset_peak_rss() -> None:
    """Start this process's VmHWM afresh (Linux: clear_refs 5); else it keeps the old peak,
    and what is measured after stays an upper bound."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _proc_kb_mb(path: str, field: str) -> float | None:
    """A "Field:  N kB" line of a /proc file, in MB (None if the process is gone)."""
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(field):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        pass
    return None


def _vm_hwm_mb(pid: int) -> float | None:
    return _proc_kb_mb(f"/proc/{pid}/status", "VmHWM:")


def _pss_mb(pid: int) -> float:
    """Proportional set size: private pages plus each shared page divided by its sharers."""
    return _proc_kb_mb(f"/proc/{pid}/smaps_rollup", "Pss:") or 0.0


class ChildPeaks:
    """Peak RSS of this process's other children (the audit's worker processes), polled
    from /proc: each child's VmHWM only grows, so the last reading before it exits is its
    peak up to the polling interval. The farm's server processes are left out.

    Also the peak of the audit's summed PSS (this process and those children), sampled
    every `pss_every` polls: the memory the audit's processes occupy together, each shared
    library page counted once. Summing peak RSS counts the libraries loaded by every
    process (numpy, scipy: ~50 MB) once per process, and adds peaks that need not coincide.

    The poll runs on a thread of the auditing process, so it is kept cheap: children are
    read from /proc/<pid>/task/*/children, not by scanning every process, and PSS (a walk
    of each process's page tables) is read once a second. (Reading it every 0.2 s looked
    like a 6 % slower 16-portal audit; an A/B run later put that within machine noise.)"""

    def __init__(self, exclude: list[int], interval: float = 0.2, pss_every: int = 5) -> None:
        import threading

        self.exclude = set(exclude)
        self.interval = interval
        self.pss_every = pss_every
        self.peaks: dict[int, float] = {}
        self.peak_pss = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._skip: set[int] = set()

    def _children(self) -> list[int]:
        me = os.getpid()
        pids: set[int] = set()
        try:
            for task in Path(f"/proc/{me}/task").iterdir():
                with contextlib.suppress(OSError, ValueError):
                    pids.update(int(p) for p in (task / "children").read_text().split())
        except OSError:
            return []
        out = []
        for pid in sorted(pids - self.exclude - self._skip):
            try:
                if b"resource_tracker" in Path(f"/proc/{pid}/cmdline").read_bytes():
                    self._skip.add(pid)  # multiprocessing's bookkeeping, not the audit's
                    continue
            except OSError:
                continue
            out.append(pid)
        return out

    def _poll(self) -> None:
        n = 0
        while not self._stop.wait(self.interval):
            children = self._children()
            for pid in children:
                mb = _vm_hwm_mb(pid)
                if mb is not None:
                    self.peaks[pid] = max(self.peaks.get(pid, 0.0), mb)
            n += 1
            if n % self.pss_every == 0:
                pss = sum(_pss_mb(pid) for pid in [os.getpid(), *children])
                self.peak_pss = max(self.peak_pss, pss)

    def __enter__(self) -> ChildPeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


# ============================================================================ audits
class _LightArticle:
    """What conformance reads of an article (slots: 24,000 of them are ~5 MB, not ~16)."""

    __slots__ = ("aliases", "category_label", "fetched", "published", "url")

    def __init__(self, a: Any) -> None:
        self.url = a.url
        self.aliases = tuple(a.aliases)
        self.category_label = a.category_label
        self.published = a.published
        self.fetched = a.fetched


def _light(res: Any) -> Any:
    """What the bench reads of a site's result once the audit is over (conformance, the URLs
    to replay, requests by purpose), in compact form. The audit keeps only failed fetches in
    its results, and the bench keeps no more than this, so that its own bookkeeping stays
    out of the memory measured (as Article and FetchRecord objects, 63 x 1,500: ~23 MB)."""
    from types import SimpleNamespace

    snap = res.snapshot
    light = served = None
    by_purpose: Counter[str] = Counter()
    if snap is not None:
        light = SimpleNamespace(
            coverage=snap.coverage, articles=[_LightArticle(a) for a in snap.articles]
        )
        served = [rec.url for rec in snap.fetch_log if rec.outcome in _SERVED]
        by_purpose.update(
            rec.purpose
            for rec in snap.fetch_log
            if rec.outcome in _SERVED and not (rec.from_cache and rec.outcome == "ok")
        )
    return SimpleNamespace(
        site=res.site,
        findings=res.findings,
        stats={"reposts": (res.stats or {}).get("reposts", {})},
        snapshot=light,
        served=served,
        by_purpose=by_purpose,
        error=res.error,
    )


def _audit(
    farm: Any, out: Path, db: str, as_of: date, parallel: int, parse_workers: int | None = None
) -> tuple[list[Any], float, int]:
    """One audit of every site: (light results, wall seconds, requests the farm served)."""
    from portal_lint.demo_run import _loopback_crawl_settings
    from portal_lint.runner import audit_config
    from portal_lint.snapshot import RunContext

    lights: list[Any] = []

    cfg_path = out / "sites.yaml"
    farm.write_sites_yaml(cfg_path)
    _loopback_crawl_settings(cfg_path)
    before = farm.total_requests()
    t0 = time.perf_counter()
    results = audit_config(
        cfg_path,
        db,
        RunContext(as_of=as_of, lang="vi"),
        cache_dir=out / "http-cache",
        parallel=parallel,
        parse_workers=parse_workers,
        on_done=lambda res: lights.append(_light(res)),
    )
    secs = time.perf_counter() - t0
    order = {r.site.id: i for i, r in enumerate(results)}
    return sorted(lights, key=lambda r: order[r.site.id]), secs, farm.total_requests() - before


def _conformance(results: list[Any], farm: Any) -> dict[str, Any]:
    """Verdicts and extraction against ground truth, one site's truth in memory at a time."""
    from portal_lint.demo.conformance import compare

    correct = total = 0
    expected = found = dates_ok = 0
    mismatches: list[list[str]] = []
    for r in results:
        truth = farm.ground_truth(r.site.id)
        reposts = {r.site.id: (r.stats or {}).get("reposts", {})}
        conf = compare([(r.site.id, r.findings, r.snapshot)], {r.site.id: truth}, reposts)
        correct += conf.correct
        total += conf.total
        mismatches += [list(m) for m in conf.mismatches]
        ex = conf.extraction.get(r.site.id) or {}
        expected += ex.get("articles_expected", 0)
        found += ex.get("articles_found", 0)
        dates_ok += ex.get("dates_correct", 0)
    return {
        "verdicts_correct": correct,
        "verdicts_total": total,
        "articles_expected": expected,
        "articles_found": found,
        "dates_correct": dates_ok,
        "mismatches": mismatches[:50],
    }


def _served_urls(results: list[Any]) -> list[tuple[str, list[str]]]:
    """Per site, the URLs of the requests the audit made that reached the server."""
    return [(r.site.id, r.served or []) for r in results]


def _requests_by_purpose(results: list[Any]) -> dict[str, int]:
    """Requests that reached the server, by what they were for (304s included)."""
    c: Counter[str] = Counter()
    for r in results:
        c.update(r.by_purpose)
    return dict(c.most_common())


async def _raw_fetch(
    per_site: list[tuple[str, list[str]]], parallel: int, concurrency: int
) -> tuple[int, int]:
    """Plain GETs: `parallel` sites at a time, `concurrency` requests per site, bodies read
    and dropped. Returns (responses, bytes)."""
    import httpx

    site_sem = asyncio.Semaphore(parallel)
    n = size = 0

    async def site(urls: list[str]) -> None:
        nonlocal n, size
        async with site_sem:
            sem = asyncio.Semaphore(concurrency)
            async with httpx.AsyncClient(timeout=20.0, follow_redirects=True) as client:

                async def one(url: str) -> None:
                    nonlocal n, size
                    async with sem:
                        try:
                            resp = await client.get(url)
                        except httpx.HTTPError:
                            return
                        n += 1
                        size += len(resp.content)

                await asyncio.gather(*(one(u) for u in urls))

    await asyncio.gather(*(site(urls) for _, urls in per_site))
    return n, size


def bench_audits(args: argparse.Namespace, as_of: date) -> dict[str, Any]:
    from portal_lint.demo.farm import bench_specs
    from portal_lint.demo.farm_process import ProcessFarm
    from portal_lint.demo_run import _loopback_crawl_settings

    specs = bench_specs(args.sites, args.articles)
    t0 = time.perf_counter()
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp, ProcessFarm(specs, as_of, args.server_procs) as farm:
        gen_s = time.perf_counter() - t0
        print(
            f"farm: {args.sites} sites x {args.articles} articles, generated and served by "
            f"{farm.processes} separate process(es) (pids {farm.pids}) in {gen_s:.1f} s",
            flush=True,
        )
        tmpd = Path(tmp)
        probe = tmpd / "probe.yaml"
        probe.write_text("sites: []\n", encoding="utf-8")
        _loopback_crawl_settings(probe)
        import yaml

        crawl = yaml.safe_load(probe.read_text(encoding="utf-8"))["defaults"]["crawl"]
        db = f"sqlite:///{tmpd / 'bench.db'}"

        if args.profile:
            import cProfile

            prof = cProfile.Profile()
            prof.enable()
        with ChildPeaks(exclude=farm.pids) as cold_kids:
            cold, cold_s, cold_req = _audit(
                farm, tmpd, db, as_of, args.parallel, args.parse_workers
            )
        cold_main = peak_rss_mb()  # before the bench's own conformance and raw fetching
        if args.profile:
            prof.disable()
            prof.dump_stats(args.profile)
            print(f"cold audit profile written to {args.profile}", flush=True)
        errors = [f"{r.site.id}: {r.error}" for r in cold if r.error]
        print(
            f"cold audit: {cold_s:.1f} s, {cold_req} requests, {cold_req / cold_s:.1f} pages/s",
            flush=True,
        )
        conf = _conformance(cold, farm)
        print(
            f"  verdicts matching ground truth {conf['verdicts_correct']}/{conf['verdicts_total']}",
            flush=True,
        )
        urls = _served_urls(cold)
        cold_articles = sum(len(r.snapshot.articles) for r in cold if r.snapshot)
        cold_by_purpose = _requests_by_purpose(cold)
        del cold

        before = farm.total_requests()
        t = time.perf_counter()
        raw_n, raw_bytes = asyncio.run(_raw_fetch(urls, args.parallel, crawl["concurrency"]))
        raw_s = time.perf_counter() - t
        raw_req = farm.total_requests() - before
        print(
            f"raw httpx GETs: {raw_s:.1f} s, {raw_req} requests, {raw_req / raw_s:.1f} pages/s",
            flush=True,
        )

        _reset_peak_rss()
        with ChildPeaks(exclude=farm.pids) as warm_kids:
            warm, warm_s, warm_req = _audit(
                farm, tmpd, db, as_of, args.parallel, args.parse_workers
            )
        warm_main = peak_rss_mb()
        warm_conf = _conformance(warm, farm)
        warm_by_purpose = _requests_by_purpose(warm)
        errors += [f"{r.site.id} (warm): {r.error}" for r in warm if r.error]
        print(
            f"warm re-audit: {warm_s:.1f} s, {warm_req} requests "
            f"({100 * warm_req / max(1, cold_req):.1f} % of cold); by purpose {warm_by_purpose}",
            flush=True,
        )
        del warm
        # The processes of one audit live together: their peaks add up. The larger audit.
        rss, workers = max(
            (cold_main, cold_kids.peaks),
            (warm_main, warm_kids.peaks),
            key=lambda phase: phase[0] + sum(phase[1].values()),
        )
        db_mb = (tmpd / "bench.db").stat().st_size / 1e6

    from portal_lint.runner import default_parse_workers

    parse_workers = (
        default_parse_workers(args.sites) if args.parse_workers is None else args.parse_workers
    )
    audit_pps = cold_req / cold_s
    raw_pps = raw_req / raw_s
    out.update(
        {
            "farm_generation_s": round(gen_s, 1),
            "server": f"{args.server_procs} separate process(es), ThreadingHTTPServer per site",
            "crawl_settings": crawl,
            "parallel_sites": args.parallel,
            "cold_wall_s": round(cold_s, 1),
            "cold_requests": cold_req,
            "cold_articles": cold_articles,
            "cold_requests_by_purpose": cold_by_purpose,
            "audit_pages_per_s": round(audit_pps, 1),
            "raw_wall_s": round(raw_s, 1),
            "raw_requests": raw_req,
            "raw_responses": raw_n,
            "raw_mb": round(raw_bytes / 1e6, 1),
            "raw_pages_per_s": round(raw_pps, 1),
            "audit_raw_ratio": round(audit_pps / raw_pps, 3),
            "warm_wall_s": round(warm_s, 1),
            "warm_requests": warm_req,
            "warm_cold_request_ratio": round(warm_req / max(1, cold_req), 4),
            "warm_requests_by_purpose": warm_by_purpose,
            # the audit's whole footprint: its own peak plus each worker process's peak
            # (analysis, parsers); an upper bound, as the peaks need not coincide
            "peak_rss_mb": round(rss + sum(workers.values()), 1),
            "auditor_peak_rss_mb": rss,
            # the audit's processes together, shared pages counted once (sampled, ChildPeaks)
            "peak_pss_mb": round(max(cold_kids.peak_pss, warm_kids.peak_pss), 1),
            "parse_workers": parse_workers,
            "worker_peaks_rss_mb": sorted((round(v, 1) for v in workers.values()), reverse=True),
            "database_mb": round(db_mb, 1),
            "cold_conformance": conf,
            "warm_conformance": warm_conf,
            "tool_errors": errors,
        }
    )
    return out


# ============================================================================ extraction
def _norm(s: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", s or "").split()).casefold()


def _farm_article_pages(as_of: date, per_site: int) -> list[dict[str, Any]]:
    """Article pages of every CMS style of the demo (default and holdout themes), with
    their ground-truth title and date, rendered in-process as the farm would serve them."""
    from portal_lint.demo.farm import build_farm, default_specs, holdout2_specs, holdout_specs
    from portal_lint.extract.text import decode_html

    specs = default_specs() + holdout_specs() + holdout2_specs()
    farm = build_farm(specs, as_of)
    pages = []
    base = "http://127.0.0.1:8000"
    for sid, site in farm.sites.items():
        arts = sorted(site.data.articles, key=lambda a: a.published, reverse=True)
        step = max(1, len(arts) // per_site)
        for a in arts[::step][:per_site]:
            path = site.theme.article_path(a)
            resp = farm.handle(sid, "GET", path, base)
            body, ctype = farm.encode(sid, resp)
            pages.append(
                {
                    "cms": site.spec.cms,
                    "url": base + path,
                    "html": decode_html(body, ctype),
                    "title": a.title,
                    "date": a.published.date().isoformat(),
                }
            )
    return pages


def _real_pages() -> list[dict[str, Any]]:
    from bench_extract import page_url

    root = SHARED / "real-pages"
    return [
        {
            "cms": "real",
            "url": page_url(str(p.relative_to(root))),
            "html": p.read_text(encoding="utf-8"),
        }
        for p in sorted(root.glob("*/*.html"))
    ]


def _ours(html: str, url: str) -> tuple[str | None, str | None]:
    from portal_lint.extract.article import extract_article

    art = extract_article(html, url)
    if art is None:
        return None, None
    return art.title, art.published.date().isoformat() if art.published else None


def _trafilatura(html: str, url: str) -> tuple[str | None, str | None]:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True)
    if doc is None:
        return None, None
    get = doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)
    return get("title"), (get("date") or None)


def _time(fn: Any, pages: list[dict[str, Any]], repeat: int) -> tuple[float, list[Any]]:
    """CPU ms per page (best of `repeat` passes) and the outputs of the last pass."""
    best = float("inf")
    outs: list[Any] = []
    for _ in range(max(1, repeat)):
        t0 = time.process_time()
        outs = [fn(p["html"], p["url"]) for p in pages]
        best = min(best, time.process_time() - t0)
    return best * 1000 / max(1, len(pages)), outs


def bench_extraction(args: argparse.Namespace, as_of: date) -> dict[str, Any]:
    farm_pages = _farm_article_pages(as_of, args.extract_per_style)
    real = _real_pages()
    out: dict[str, Any] = {"farm_pages": len(farm_pages), "real_pages": len(real)}
    try:
        import trafilatura  # noqa: F401

        have_traf = True
    except ImportError:
        have_traf = False
        out["trafilatura_error"] = "trafilatura is not installed (pip install -e '.[bench]')"
    # warm-up: imports, lazily compiled patterns
    for p in farm_pages[:3] + real[:1]:
        _ours(p["html"], p["url"])
        if have_traf:
            _trafilatura(p["html"], p["url"])
    for name, pages in (("farm", farm_pages), ("real", real), ("all", farm_pages + real)):
        ours_ms, ours_out = _time(_ours, pages, args.extract_repeat)
        out[f"{name}_extract_ms_per_page"] = round(ours_ms, 2)
        if have_traf:
            traf_ms, traf_out = _time(_trafilatura, pages, args.extract_repeat)
            out[f"{name}_trafilatura_ms_per_page"] = round(traf_ms, 2)
        if name == "farm":
            for who, outs in (
                ("extract", ours_out),
                ("trafilatura", traf_out if have_traf else None),
            ):
                if outs is None:
                    continue
                t_ok = sum(_norm(o[0]) == _norm(p["title"]) for o, p in zip(outs, pages))
                d_ok = sum(o[1] == p["date"] for o, p in zip(outs, pages))
                out[f"{who}_title_accuracy"] = round(t_ok / len(pages), 4)
                out[f"{who}_date_accuracy"] = round(d_ok / len(pages), 4)
                per_cms: dict[str, list[int]] = {}
                for o, p in zip(outs, pages):
                    row = per_cms.setdefault(p["cms"], [0, 0, 0])
                    row[0] += 1
                    row[1] += _norm(o[0]) == _norm(p["title"])
                    row[2] += o[1] == p["date"]
                out[f"{who}_by_cms"] = {
                    k: {"pages": v[0], "titles_right": v[1], "dates_right": v[2]}
                    for k, v in per_cms.items()
                }
        if name == "real":
            out["real_articles_found_extract"] = sum(o[0] is not None for o in ours_out)
            if have_traf:
                out["real_dated_trafilatura"] = sum(o[1] is not None for o in traf_out)
            out["real_dated_extract"] = sum(o[1] is not None for o in ours_out)
    out["extract_ms_per_page"] = out["all_extract_ms_per_page"]
    out["trafilatura_ms_per_page"] = out.get("all_trafilatura_ms_per_page")
    if out["trafilatura_ms_per_page"]:
        out["extract_speedup_vs_trafilatura"] = round(
            out["trafilatura_ms_per_page"] / out["extract_ms_per_page"], 2
        )
    return out


# ============================================================================ classify
def bench_classify(args: argparse.Namespace) -> dict[str, Any]:
    if args.classify_limit == 0:
        return {"classify_articles_per_s": None, "classify_note": "skipped (--classify-limit 0)"}
    try:
        from portal_lint.classify.evaluate import measure_throughput
    except ImportError as exc:
        return {
            "classify_articles_per_s": None,
            "classify_note": f"measure_throughput not importable: {exc}",
        }
    corpus = SHARED / "corpora" / "vntc-sample-10k.jsonl.gz"
    try:
        res = measure_throughput(corpus, limit=args.classify_limit)
    except Exception as exc:  # noqa: BLE001 - recorded, the other figures stand
        return {
            "classify_articles_per_s": None,
            "classify_note": f"measure_throughput failed: {type(exc).__name__}: {exc}",
        }
    res.pop("predictions", None)
    return {
        "classify_articles_per_s": res.get("cold_articles_per_s"),
        "classify_warm_articles_per_s": res.get("warm_articles_per_s"),
        "classify": {k: v for k, v in res.items() if isinstance(v, int | float | str | None)},
        "classify_corpus": str(corpus.name),
    }


# ============================================================================ report
GOALS = {
    "audit_raw_ratio": ("audit / raw fetch throughput", ">= 0.5"),
    "warm_cold_request_ratio": ("warm / cold requests", "<= 0.05"),
    "peak_rss_mb": ("peak RSS, per-process peaks summed (MB)", "< 500"),
    "peak_pss_mb": ("peak PSS, processes summed (MB)", "< 500"),
    "extract_speedup_vs_trafilatura": ("trafilatura ms / extract ms", "> 1"),
}


def _met(key: str, v: Any) -> str:
    if v is None:
        return "—"
    ok = {
        "audit_raw_ratio": v >= 0.5,
        "warm_cold_request_ratio": v <= 0.05,
        "peak_rss_mb": v < 500,
        "peak_pss_mb": v < 500,
        "extract_speedup_vs_trafilatura": v > 1,
    }[key]
    return "met" if ok else "NOT met"


def render(r: dict[str, Any]) -> str:
    m = r["machine"]
    rows = [
        ("farm", f"{r['farm_sites']} sites x {r['farm_articles_per_site']} articles"),
        ("server", r["server"]),
        ("cold audit", f"{r['cold_wall_s']} s, {r['cold_requests']} requests"),
        ("audit pages/s", r["audit_pages_per_s"]),
        ("raw httpx GET pages/s", f"{r['raw_pages_per_s']} ({r['raw_requests']} requests)"),
        ("audit / raw", r["audit_raw_ratio"]),
        (
            "verdicts vs ground truth",
            f"{r['cold_conformance']['verdicts_correct']}/{r['cold_conformance']['verdicts_total']}"
            f" cold, {r['warm_conformance']['verdicts_correct']}/"
            f"{r['warm_conformance']['verdicts_total']} warm",
        ),
        ("warm re-audit", f"{r['warm_wall_s']} s, {r['warm_requests']} requests"),
        ("warm / cold requests", f"{100 * r['warm_cold_request_ratio']:.1f} %"),
        (
            "peak RSS (audit)",
            f"{r['peak_rss_mb']} MB = auditor {r.get('auditor_peak_rss_mb')} MB + worker "
            f"processes {' + '.join(str(v) for v in r.get('worker_peaks_rss_mb') or [])} MB",
        ),
        ("peak PSS (audit)", f"{r.get('peak_pss_mb')} MB, its processes together"),
        (
            "extract ms/page (CPU)",
            f"{r['extract_ms_per_page']} portal-lint, {r['trafilatura_ms_per_page']} trafilatura",
        ),
        (
            "title accuracy (farm)",
            f"{r.get('extract_title_accuracy')} portal-lint, {r.get('trafilatura_title_accuracy')} trafilatura",
        ),
        (
            "date accuracy (farm)",
            f"{r.get('extract_date_accuracy')} portal-lint, {r.get('trafilatura_date_accuracy')} trafilatura",
        ),
        (
            "classify articles/s",
            f"{r['classify_articles_per_s']} cold, {r.get('classify_warm_articles_per_s')} warm"
            + (f" ({r['classify_note']})" if r.get("classify_note") else ""),
        ),
    ]
    w = max(len(k) for k, _ in rows)
    lines = [
        f"portal-lint bench, {r['timestamp']}",
        f"machine: {m['cpu']}, {m['cores']} cores, {m['ram_gb']} GB RAM, "
        f"Python {m['python']}, {m['os']}",
        "",
    ]
    lines += [f"  {k:<{w}}  {v}" for k, v in rows]
    lines += ["", "goals:"]
    for key, (label, goal) in GOALS.items():
        lines.append(f"  {label:<{w}}  {r.get(key)}  (goal {goal}: {_met(key, r.get(key))})")
    if r.get("tool_errors"):
        lines += ["", "tool errors:", *[f"  {e}" for e in r["tool_errors"]]]
    return "\n".join(lines)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sites", type=int, default=63, help="portals in the farm")
    ap.add_argument("--articles", type=int, default=1500, help="articles per portal")
    ap.add_argument("--parallel", type=int, default=4, help="sites audited at once")
    ap.add_argument("--server-procs", type=int, default=1, help="farm server processes")
    ap.add_argument(
        "--parse-workers",
        type=int,
        default=None,
        help="parser processes of the audit (default: the audit's own choice; 0 = inline)",
    )
    ap.add_argument("--as-of", default="2026-11-23")
    ap.add_argument("--extract-per-style", type=int, default=30, help="farm pages per CMS")
    ap.add_argument("--extract-repeat", type=int, default=3)
    ap.add_argument(
        "--classify-limit",
        type=int,
        default=None,
        help="articles of the news corpus to classify (default all; 0 skips)",
    )
    ap.add_argument("--profile", metavar="FILE", help="write a cProfile of the cold audit")
    ap.add_argument("--out", type=Path, default=RESULTS, help="results JSON")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    from portal_lint.memory import tune_malloc

    tune_malloc()  # as `portal-lint` does at start, before any thread allocates
    as_of = date.fromisoformat(args.as_of)
    started = time.perf_counter()
    res: dict[str, Any] = {
        "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "farm_sites": args.sites,
        "farm_articles_per_site": args.articles,
        "as_of": as_of.isoformat(),
    }
    res.update(bench_audits(args, as_of))
    res.update(bench_extraction(args, as_of))
    print(
        f"extraction: {res['extract_ms_per_page']} ms/page, trafilatura "
        f"{res['trafilatura_ms_per_page']} ms/page",
        flush=True,
    )
    res.update(bench_classify(args))
    res["bench_wall_s"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print()
    print(render(res))
    print(f"\nwritten: {args.out}")
    return res


if __name__ == "__main__":
    main()
