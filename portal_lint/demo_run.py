"""`portal-lint demo`: serve the demo farm on 127.0.0.1, audit it, write the scorecard.

Decision (see README): the demo writes to its own SQLite database inside the output
folder unless --db / PORTAL_LINT_DB is given, so synthetic portals never mix with the
history of real ones. Sites get stable ports (18700+) when free, so repeated demo runs
accumulate history like nightly audits do.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

DEMO_BASE_PORT = 18700


def _loopback_crawl_settings(path: Path) -> None:
    """The farm is on 127.0.0.1: no need for the politeness real portals get."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.setdefault("defaults", {}).setdefault("crawl", {}).update(
        {"rate_per_second": 1000, "concurrency": 4, "max_pages": 600}
    )
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def audit_farm(
    running: Any,
    out_dir: Path,
    db_url: str,
    as_of: date,
    lang: str = "vi",
    cache_dir: Path | None = None,
    parallel: int = 3,
) -> tuple[list[Any], Any]:
    """Audit every site of a running farm; returns (results, conformance)."""
    from portal_lint.demo.conformance import compare
    from portal_lint.runner import audit_config
    from portal_lint.snapshot import RunContext

    cfg_path = out_dir / "sites.yaml"
    running.write_sites_yaml(cfg_path)
    _loopback_crawl_settings(cfg_path)
    results = audit_config(
        cfg_path,
        db_url,
        RunContext(as_of=as_of, lang=lang),
        cache_dir=cache_dir or (out_dir / "http-cache"),
        parallel=parallel,
        keep_snapshots=True,  # the conformance table reads every article
    )
    truths = {r.site.id: running.ground_truth(r.site.id) for r in results}
    reposts = {r.site.id: (r.stats or {}).get("reposts", {}) for r in results}
    conf = compare([(r.site.id, r.findings, r.snapshot) for r in results], truths, reposts)
    return results, conf


def run_demo(as_of: date, db_url: str | None, out_dir: Path, lang: str, fmt: str) -> int:
    from portal_lint.cli import _render_text
    from portal_lint.demo.conformance import render
    from portal_lint.demo.farm import build_farm, default_specs

    out_dir.mkdir(parents=True, exist_ok=True)
    db_url = db_url or f"sqlite:///{(out_dir / 'demo.db').resolve()}"
    farm = build_farm(default_specs(), as_of=as_of)
    click.echo(
        f"Demo: {len(farm.sites)} cổng TTĐT mẫu, ngày kiểm tra {as_of.isoformat()}", err=True
    )
    with farm.serve(base_port=DEMO_BASE_PORT) as running:
        for sid, url in running.urls.items():
            click.echo(f"  {sid:<18} {url}", err=True)
        running.write_ground_truth(out_dir / "ground-truth")
        results, conf = audit_farm(running, out_dir, db_url, as_of, lang)
    if fmt == "json":
        click.echo(
            json.dumps([r.as_json() for r in results], ensure_ascii=False, indent=2, default=str)
        )
    else:
        click.echo(_render_text(results, lang))
    table = render(conf)
    (out_dir / "conformance.txt").write_text(table + "\n", encoding="utf-8")
    click.echo(table, err=fmt == "json")
    try:
        from portal_lint.report.scorecard import write_scorecard

        sc = write_scorecard(db_url, out_dir / "scorecard", lang=lang, as_of=as_of)
        click.echo(f"\nBảng điểm / scorecard: {sc.html_path}\n  {sc.xlsx_path}", err=fmt == "json")
    except Exception as exc:  # noqa: BLE001 - the audit results are kept even if rendering fails
        click.echo(f"scorecard could not be written: {type(exc).__name__}: {exc}", err=True)
        return 2
    errors = [r for r in results if r.error]
    for r in errors:
        click.echo(f"tool error on {r.site.id}: {r.error}", err=True)
    return 2 if errors else 0


def main() -> None:  # pragma: no cover - convenience for python -m
    from portal_lint.runner import vn_now

    sys.exit(run_demo(vn_now().date(), None, Path("portal-lint-demo"), "vi", "text"))
