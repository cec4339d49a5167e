"""The benchmark's own logic on a tiny farm, so `./run bench` cannot rot (no timing asserted)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

KEYS = (
    "audit_pages_per_s",
    "raw_pages_per_s",
    "cold_requests",
    "warm_requests",
    "peak_rss_mb",
    "extract_ms_per_page",
    "trafilatura_ms_per_page",
    "classify_articles_per_s",
    "farm_sites",
    "farm_articles_per_site",
    "cold_wall_s",
    "raw_wall_s",
    "warm_wall_s",
    "audit_raw_ratio",
    "warm_cold_request_ratio",
    "extract_title_accuracy",
    "extract_date_accuracy",
    "trafilatura_title_accuracy",
    "trafilatura_date_accuracy",
    "timestamp",
    "machine",
)


def _load():
    spec = importlib.util.spec_from_file_location("portal_bench", REPO / "bench" / "benchmark.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_bench_runs_on_a_tiny_farm_and_writes_every_figure(tmp_path: Path, shared_dir: Path):
    bench = _load()
    out = tmp_path / "results.json"
    res = bench.main(
        [
            "--sites", "2",
            "--articles", "40",
            "--parallel", "2",
            "--extract-per-style", "2",
            "--extract-repeat", "1",
            "--classify-limit", "20",
            "--out", str(out),
        ]
    )  # fmt: skip
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(res, ensure_ascii=False))
    missing = [k for k in KEYS if k not in data]
    assert not missing, missing
    for k in (
        "audit_pages_per_s",
        "raw_pages_per_s",
        "cold_requests",
        "warm_requests",
        "peak_rss_mb",
        "extract_ms_per_page",
        "trafilatura_ms_per_page",
        "classify_articles_per_s",
        "cold_wall_s",
        "raw_wall_s",
        "warm_wall_s",
        "audit_raw_ratio",
    ):
        assert isinstance(data[k], int | float) and data[k] > 0, (k, data[k])
    assert data["farm_sites"] == 2 and data["farm_articles_per_site"] == 40
    # sampled together, shared pages counted once: never above the summed per-process peaks
    assert 0 < data["peak_pss_mb"] <= 1.05 * data["peak_rss_mb"]
    # the raw reference replays the audit's own requests; the warm audit asks for fewer
    assert data["raw_requests"] >= 0.9 * data["cold_requests"]
    assert data["warm_requests"] < data["cold_requests"]
    assert data["cold_conformance"]["verdicts_total"] == 26
    assert not data["tool_errors"]
    assert data["farm_pages"] >= 2 * 13 and data["real_pages"] > 0
    for k in ("extract_title_accuracy", "trafilatura_title_accuracy"):
        assert 0 <= data[k] <= 1
    m = data["machine"]
    assert m["cores"] >= 1 and m["python"] and m["cpu"]
