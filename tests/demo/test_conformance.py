"""The whole farm audited end to end and compared with its ground truth.

The table printed here is the same one `portal-lint demo` prints; every figure in it is
computed from the audit and the generator.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from portal_lint.demo.conformance import render
from portal_lint.demo.farm import build_farm, default_specs
from portal_lint.demo_run import audit_farm

AS_OF = date(2026, 11, 23)


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, Any, Any, Path]]:
    out = tmp_path_factory.mktemp("farm-audit")
    farm = build_farm(default_specs(), as_of=AS_OF)
    # Like two nights: the portals restart between audits (same addresses), the database stays.
    base_port = 21000 + (os.getpid() % 400) * 10
    with farm.serve(base_port=base_port) as running:
        results, conf = audit_farm(running, out, f"sqlite:///{out / 'a.db'}", AS_OF)
        first_requests = {sid: running.request_count(sid) for sid in running.urls}
        first_urls = dict(running.urls)
    with farm.serve(base_port=base_port) as running:
        assert running.urls == first_urls, "ports taken: cannot replay the same portals"
        results2, conf2 = audit_farm(running, out, f"sqlite:///{out / 'a.db'}", AS_OF)
        second_requests = {sid: running.request_count(sid) for sid in running.urls}
    yield results, conf, (first_requests, second_requests, results2, conf2), out


def test_no_tool_errors_and_every_rule_judged(audited: Any) -> None:
    results, conf, _, _ = audited
    assert [r.error for r in results if r.error] == []
    for r in results:
        assert len({f.rule for f in r.findings}) >= 12, r.site.id


def test_verdicts_match_ground_truth(audited: Any) -> None:
    _, conf, _, _ = audited
    print("\n" + render(conf))
    # A false accusation (expected pass, reported fail/warn) is the worst bug: none allowed.
    false_fails = [m for m in conf.mismatches if m[2] == "pass" and m[3] in ("fail", "warn")]
    assert false_fails == [], false_fails
    assert conf.correct / conf.total >= 0.95, render(conf)


def test_dates_and_articles_are_extracted(audited: Any) -> None:
    _, conf, _, _ = audited
    found = sum(x["articles_found"] for x in conf.extraction.values())
    expected = sum(x["articles_expected"] for x in conf.extraction.values())
    dated = sum(x["dates_correct"] for x in conf.extraction.values())
    assert found / expected >= 0.97, (found, expected)
    assert dated / found >= 0.98, (dated, found)


def test_misfiled_posts_are_found_without_flagging_correct_ones(audited: Any) -> None:
    """Per post, not just per verdict: the category-mismatch rule's flagged URLs vs the
    generator's misfiled posts in the rule's window."""
    _, conf, _, _ = audited
    x = conf.extraction.values()
    true_, false_, missed = (
        sum(e.get(k, 0) for e in x) for k in ("misfiled_true", "misfiled_false", "misfiled_missed")
    )
    print(f"\nmisfiled posts: {true_} found, {false_} false, {missed} missed")
    assert true_ + missed > 0, "the farm must contain misfiled posts"
    # Flagging a correctly filed post accuses a province wrongly: at most 1 in the farm.
    assert false_ <= 1, (true_, false_, missed)
    assert true_ / (true_ + missed) >= 0.8, (true_, false_, missed)


def test_second_audit_of_unchanged_farm_costs_far_fewer_requests(audited: Any) -> None:
    _, _, (first, second, results2, conf2), _ = audited
    print(
        f"\nrequests per site, first audit vs second: { {s: (first[s], second[s]) for s in first} }"
    )
    assert sum(second.values()) < 0.5 * sum(first.values())
    # and the verdicts are as good as the first time (history + cache, nothing lost; a
    # restarted portal's counter is not mistaken for one that went down)
    assert conf2.mismatches == audited[1].mismatches, conf2.mismatches


def test_audit_with_as_of_is_reproducible(tmp_path: Path) -> None:
    """Two fresh audits of the same farm at the same --as-of give the same verdicts and figures."""
    farm = build_farm(default_specs()[:2], as_of=AS_OF)
    runs = []
    with farm.serve() as running:
        for i in range(2):
            out = tmp_path / f"run{i}"
            out.mkdir()
            results, _ = audit_farm(running, out, f"sqlite:///{out / 'r.db'}", AS_OF)
            runs.append(
                {
                    (r.site.id, f.rule): (
                        f.status,
                        f.value if f.rule != "visitor-counter" else None,
                    )
                    for r in results
                    for f in r.findings
                }
            )
    assert runs[0] == runs[1]
