"""The engine: parameter precedence, unknown names refused, crashing rules isolated."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from portal_lint.config import ConfigError, parse_config
from portal_lint.engine import resolve_params, run_rules, select_rules
from portal_lint.rulepack import RulePack
from portal_lint.rules import base
from portal_lint.rules.base import Params, Rule
from portal_lint.snapshot import History, RunContext, Snapshot

CFG = """\
defaults:
  rules:
    freshness: {warn_after_days: 5}
sites:
  - id: a
    url: https://a.example.vn/
    province_domains: [a.gov.vn]
    rules: {freshness: {fail_after_days: 30}}
  - id: b
    url: https://b.example.vn/
    disable: [freshness]
"""


class _Boom(Rule):
    id = "freshness"
    title_vi = "x"
    title_en = "x"
    clause = "test"

    class Params(Params):
        warn_after_days: int = 7
        fail_after_days: int = 14
        province_domains: list[str] = []

    def check(self, snap, history, ctx, params):
        raise ZeroDivisionError("boom")


@pytest.fixture()
def fake_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(base, "load_all", lambda: {"freshness": _Boom})
    monkeypatch.setattr("portal_lint.engine.load_all", lambda: {"freshness": _Boom})


def pack(**params: object) -> RulePack:
    return RulePack(folder=Path("."), params={"freshness": dict(params)})


def test_params_precedence_pack_then_defaults_then_site(fake_registry: None) -> None:
    cfg = parse_config(CFG, "s.yaml")
    p = resolve_params(_Boom, pack(warn_after_days=9, fail_after_days=10), cfg, cfg.sites[0])
    assert p.warn_after_days == 5  # defaults.rules beats the pack
    assert p.fail_after_days == 30  # the site beats both
    assert p.province_domains == ["a.gov.vn"]  # injected from the site


def test_unknown_param_is_refused_with_hint(fake_registry: None) -> None:
    cfg = parse_config(CFG.replace("fail_after_days: 30", "fail_after_dayz: 30"), "s.yaml")
    with pytest.raises(ConfigError) as exc:
        resolve_params(_Boom, pack(), cfg, cfg.sites[0])
    assert "fail_after_dayz" in str(exc.value) and "known parameters" in str(exc.value)


def test_crashing_rule_becomes_unknown_and_run_goes_on(fake_registry: None) -> None:
    cfg = parse_config(CFG, "s.yaml")
    snap = Snapshot("a", "https://a.example.vn/", datetime(2026, 11, 1))
    out = run_rules(snap, History(), RunContext(date(2026, 11, 1)), cfg.sites[0], pack(), cfg)
    assert len(out) == 1 and out[0].status == "unknown"
    assert "ZeroDivisionError" in out[0].message and "portal-lint" in out[0].message


def test_disabled_rule_is_skipped(fake_registry: None) -> None:
    cfg = parse_config(CFG, "s.yaml")
    snap = Snapshot("b", "https://b.example.vn/", datetime(2026, 11, 1))
    assert (
        run_rules(snap, History(), RunContext(date(2026, 11, 1)), cfg.sites[1], pack(), cfg) == []
    )


def test_select_and_ignore_validate_ids() -> None:
    with pytest.raises(ConfigError, match="unknown rule id"):
        select_rules(select=["post-qouta"])
    chosen = {r.id for r in select_rules(ignore=["freshness"])}
    assert "freshness" not in chosen


def test_every_shipped_rule_has_docs_clause_and_pack_entry() -> None:
    from portal_lint.rulepack import load_rulepack

    real_pack = load_rulepack()
    for rid, rule in base.load_all().items():
        assert rule.clause.strip(), rid
        doc = rule.doc()
        assert "What it checks" in doc and "Why" in doc and "Example" in doc, rid
        assert rid in real_pack.sources and real_pack.sources[rid], rid
        rule.Params.model_validate(real_pack.params.get(rid, {}) | {})  # pack values fit the types
