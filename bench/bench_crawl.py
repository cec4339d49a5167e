"""Crawl + audit throughput on a larger demo farm (not part of the test suite).

    python bench/bench_crawl.py [--sites 12] [--articles 1500] [--parallel 4]

Prints: generation time, first audit (seconds, pages/s, requests), second audit of the
unchanged farm (requests, seconds), database size and peak memory. 63 sites x 1500 articles
is the full benchmark; the default is smaller so it finishes in a few minutes on 2 cores.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from portal_lint.demo.farm import bench_specs, build_farm  # noqa: E402
from portal_lint.demo_run import audit_farm  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sites", type=int, default=12)
    ap.add_argument("--articles", type=int, default=1500)
    ap.add_argument("--parallel", type=int, default=4)
    ap.add_argument("--as-of", default="2026-11-23")
    args = ap.parse_args()
    as_of = date.fromisoformat(args.as_of)
    t0 = time.perf_counter()
    farm = build_farm(bench_specs(args.sites, args.articles), as_of=as_of)
    print(
        f"farm: {args.sites} sites x {args.articles} articles generated in {time.perf_counter() - t0:.1f} s"
    )
    with tempfile.TemporaryDirectory() as tmp, farm.serve() as running:
        out = Path(tmp)
        db = f"sqlite:///{out / 'bench.db'}"
        for label in ("first audit", "second audit (unchanged)"):
            before = sum(running.request_count(s) for s in running.urls)
            t = time.perf_counter()
            results, conf = audit_farm(running, out, db, as_of, parallel=args.parallel)
            secs = time.perf_counter() - t
            reqs = sum(running.request_count(s) for s in running.urls) - before
            arts = sum(len(r.snapshot.articles) for r in results if r.snapshot)
            errors = sum(1 for r in results if r.error)
            print(
                f"{label}: {secs:.1f} s, {reqs} requests ({reqs / secs:.1f} req/s), "
                f"{arts} articles in window, {errors} tool errors, "
                f"verdicts matching ground truth {conf.correct}/{conf.total}"
            )
        size_mb = (out / "bench.db").stat().st_size / 1e6
        print(f"database: {size_mb:.1f} MB")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (RSS): {peak:.0f} MB")


if __name__ == "__main__":
    main()
