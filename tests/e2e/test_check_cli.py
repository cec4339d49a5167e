"""`portal-lint check` end to end against real HTTP servers on 127.0.0.1."""

from __future__ import annotations

import json
import socket
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from portal_lint.cli import main
from portal_lint.rules.base import RULE_IDS

from .minisite import MiniSite


def run_check(site: str, tmp_path: Path, *extra: str, config: Path | None = None):
    args = [
        "check",
        site,
        "--format",
        "json",
        "--db",
        f"sqlite:///{tmp_path / 'pl.db'}",
        "--cache-dir",
        str(tmp_path / "cache"),
        "--as-of",
        "2026-11-20",
        *extra,
    ]
    if config is not None:
        args += ["--config", str(config)]
    result = CliRunner().invoke(main, args, catch_exceptions=False)
    return result


def write_config(tmp_path: Path, url: str, **extra: str) -> Path:
    lines = [
        "sites:",
        "  - id: thu-nghiem",
        "    name: BHXH tỉnh Thử nghiệm",
        f"    url: {url}",
        "    province_domains: [thunghiem.gov.vn]",
        "    check_links: false",
        "    crawl: {max_body_mb: 2, rate_per_second: 200}",
    ]
    path = tmp_path / "sites.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def site():
    with MiniSite() as s:
        yield s


def test_check_json_shape_and_fetch_failures(site: MiniSite, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, site.url)
    res = run_check("thu-nghiem", tmp_path, config=cfg)
    assert res.exit_code in (0, 1), res.output
    out = json.loads(res.stdout)
    assert out["site"] == "thu-nghiem" and out["url"] == site.url and out["as_of"] == "2026-11-20"
    rules = {f["rule"] for f in out["findings"]}
    assert rules <= set(RULE_IDS) and len(rules) >= 10
    for f in out["findings"]:
        assert f["status"] in ("pass", "fail", "warn", "unknown")
        assert isinstance(f["message"], str) and f["message"]
        assert isinstance(f["evidence"], list)
    assert res.exit_code == (1 if any(f["status"] == "fail" for f in out["findings"]) else 0)
    outcomes = {(f["url"].replace(site.url, "/"), f["outcome"]) for f in out["fetch_failures"]}
    assert ("/private/admin", "robots_disallowed") in outcomes
    assert ("/go-away", "foreign_redirect") in outcomes
    assert ("/huge", "too_large") in outcomes
    assert site.hits["/private/admin"] == 0  # robots.txt honoured: never requested
    assert not any("example.com" in k for k in site.hits)


def test_site_down_gives_unknown_not_fail_and_not_exit_2(tmp_path: Path) -> None:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # nothing listens there now
    cfg = write_config(tmp_path, f"http://127.0.0.1:{port}/")
    res = run_check("thu-nghiem", tmp_path, config=cfg)
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    statuses = {f["status"] for f in out["findings"]}
    assert statuses == {"unknown"}, out["findings"]
    assert out["fetch_failures"] and out["fetch_failures"][0]["outcome"] == "connect_error"


def test_second_check_of_unchanged_site_costs_far_fewer_requests(
    site: MiniSite, tmp_path: Path
) -> None:
    cfg = write_config(tmp_path, site.url)
    run_check("thu-nghiem", tmp_path, config=cfg)
    first = site.requests
    run_check("thu-nghiem", tmp_path, config=cfg)
    second = site.requests - first
    print(f"requests: first check {first}, second check {second}")
    assert second < first * 0.7, (first, second)
    # the article pages were not downloaded again
    assert all(site.hits[f"/tin-tuc/bai-{n}.html"] == 1 for n in range(1, 31))


def test_malformed_config_exits_2_naming_line_and_field(tmp_path: Path) -> None:
    cfg = tmp_path / "sites.yaml"
    cfg.write_text(
        "sites:\n  - id: a\n    url: https://a.vn/\n    provnce_domains: [a.gov.vn]\n",
        encoding="utf-8",
    )
    res = CliRunner().invoke(main, ["check", "a", "--config", str(cfg)])
    assert res.exit_code == 2
    assert f"{cfg}:4" in res.output and "provnce_domains" in res.output


def test_unknown_site_and_bad_rule_ids_are_usage_errors(tmp_path: Path) -> None:
    cfg = tmp_path / "sites.yaml"
    cfg.write_text("sites:\n  - id: a\n    url: https://a.vn/\n", encoding="utf-8")
    assert CliRunner().invoke(main, ["check", "b", "--config", str(cfg)]).exit_code == 2
    res = CliRunner().invoke(
        main,
        [
            "check",
            "a",
            "--config",
            str(cfg),
            "--select",
            "post-qouta",
            "--db",
            f"sqlite:///{tmp_path / 'x.db'}",
        ],
    )
    assert res.exit_code == 2 and "post-qouta" in res.output


def test_check_a_bare_url_without_config(site: MiniSite, tmp_path: Path) -> None:
    res = CliRunner().invoke(
        main,
        [
            "check",
            site.url,
            "--format",
            "json",
            "--config",
            str(tmp_path / "absent.yaml"),
            "--db",
            f"sqlite:///{tmp_path / 'pl.db'}",
            "--cache-dir",
            str(tmp_path / "c"),
            "--as-of",
            "2026-11-20",
            "--select",
            "freshness,search-articles",
        ],
        catch_exceptions=False,
    )
    assert res.exit_code in (0, 1), res.output
    out = json.loads(res.stdout)
    assert out["url"] == site.url and out["site"] == "127-0-0-1"
    assert sorted(f["rule"] for f in out["findings"]) == ["freshness", "search-articles"]
    # the mini site's search answers but lists nothing: a real failure, with evidence
    search = next(f for f in out["findings"] if f["rule"] == "search-articles")
    assert search["status"] == "fail" and search["evidence"]


def test_english_output(site: MiniSite, tmp_path: Path) -> None:
    cfg = write_config(tmp_path, site.url)
    res = run_check("thu-nghiem", tmp_path, "--lang", "en", "--select", "freshness", config=cfg)
    msg = json.loads(res.stdout)["findings"][0]["message"]
    assert "day" in msg and "ngày" not in msg, msg


def test_audit_killed_before_saving_keeps_old_results_and_next_run_resumes(
    site: MiniSite, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Articles are checkpointed during the crawl; the run and its findings are written in one
    transaction at the end. Dying in between loses no result and wastes no fetched article."""
    import asyncio

    from sqlalchemy import func, select

    from portal_lint.config import load_config
    from portal_lint.runner import audit_site
    from portal_lint.snapshot import RunContext
    from portal_lint.store.models import ArticleRow, RunRow
    from portal_lint.store.repo import Store

    cfg = load_config(write_config(tmp_path, site.url))
    db = f"sqlite:///{tmp_path / 'k.db'}"
    ctx = RunContext(date.fromisoformat("2026-11-20"))

    def killed(*_a: object, **_k: object) -> int:
        raise KeyboardInterrupt("killed")

    monkeypatch.setattr(Store, "save_run", killed)
    with pytest.raises(KeyboardInterrupt):
        asyncio.run(audit_site(cfg.sites[0], cfg, Store(db), ctx, cache_dir=tmp_path / "c"))
    monkeypatch.undo()
    with Store(db).session() as s:
        assert s.scalar(select(func.count()).select_from(RunRow)) == 0  # no half-written run
        assert s.scalar(select(func.count()).select_from(ArticleRow)) == 30  # checkpointed
    article_hits = sum(n for p, n in site.hits.items() if p.startswith("/tin-tuc/bai-"))
    res = asyncio.run(audit_site(cfg.sites[0], cfg, Store(db), ctx, cache_dir=tmp_path / "c"))
    assert res.error is None and res.run_id is not None
    assert sum(n for p, n in site.hits.items() if p.startswith("/tin-tuc/bai-")) == article_hits
    assert len(res.snapshot.articles) == 30
