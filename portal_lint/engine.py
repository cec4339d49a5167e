"""The rule engine: resolves parameters, runs every selected rule, never lets one crash the run."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterable
from typing import Any

from pydantic import ValidationError

from portal_lint.config import Config, ConfigError, Site
from portal_lint.rulepack import RulePack
from portal_lint.rules.base import RULE_IDS, Rule, load_all
from portal_lint.snapshot import Finding, History, RunContext, Snapshot

log = logging.getLogger(__name__)

# Site/pack context handed to rules whose Params declare a field of this name.
_INJECTABLE = ("category_map", "province_domains", "site_url", "campaigns", "taxonomy")


def _injected(site: Site, pack: RulePack) -> dict[str, Any]:
    return {
        "category_map": dict(site.category_map),
        "province_domains": list(site.province_domains),
        "site_url": site.url,
        "campaigns": list(pack.campaigns),
        "taxonomy": dict(pack.taxonomy),
    }


def resolve_params(rule: type[Rule], pack: RulePack, cfg: Config | None, site: Site) -> Any:
    """pack defaults < sites.yaml defaults.rules < the site's own rules; context injected."""
    merged: dict[str, Any] = {}
    fields = rule.Params.model_fields
    context = _injected(site, pack)
    for name in _INJECTABLE:
        if name in fields:
            merged[name] = context[name]
    merged |= pack.params.get(rule.id, {})
    if cfg is not None:
        merged |= cfg.defaults.rules.get(rule.id, {}) or {}
    merged |= site.rules.get(rule.id, {}) or {}
    try:
        return rule.Params.model_validate(merged)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or '(params)'}: {e['msg']}" for e in exc.errors()
        )
        known = ", ".join(sorted(fields))
        where = cfg.path if cfg and cfg.path else "sites.yaml"
        raise ConfigError(
            f"{where}: parameters of rule '{rule.id}' for site '{site.id}': {problems}\n"
            f"  hint: known parameters of {rule.id}: {known or '(none)'}"
        ) from None


def select_rules(
    select: Iterable[str] = (), ignore: Iterable[str] = (), disable: Iterable[str] = ()
) -> list[type[Rule]]:
    registry = load_all()
    select, ignore, disable = list(select), list(ignore), list(disable)
    for rid in [*select, *ignore, *disable]:
        if rid not in RULE_IDS:
            raise ConfigError(f"unknown rule id {rid!r}; known: {', '.join(RULE_IDS)}")
    chosen = [r for rid, r in registry.items() if (not select or rid in select)]
    return [r for r in chosen if r.id not in ignore and r.id not in disable]


def validate_config_rules(cfg: Config, pack: RulePack) -> None:
    """Fail fast (before any crawl) on unknown rule ids or parameter names in the config."""
    registry = load_all()
    for rid in cfg.defaults.rules:
        if rid not in RULE_IDS:
            raise ConfigError(
                f"{cfg.path}: defaults.rules: unknown rule id {rid!r}; known: {', '.join(RULE_IDS)}"
            )
    for site in cfg.sites:
        for rid in [*site.rules, *site.disable]:
            if rid not in RULE_IDS:
                raise ConfigError(
                    f"{cfg.path}: site '{site.id}': unknown rule id {rid!r}; known: {', '.join(RULE_IDS)}"
                )
        for rule in registry.values():
            resolve_params(rule, pack, cfg, site)


def run_rules(
    snap: Snapshot,
    history: History,
    ctx: RunContext,
    site: Site,
    pack: RulePack,
    cfg: Config | None = None,
    select: Iterable[str] = (),
    ignore: Iterable[str] = (),
) -> list[Finding]:
    findings: list[Finding] = []
    for rule_cls in select_rules(select, ignore, site.disable):
        params = resolve_params(rule_cls, pack, cfg, site)
        try:
            out = rule_cls().check(snap, history, ctx, params)
        except Exception as exc:  # noqa: BLE001 - a crashing rule must not stop the audit
            log.error("rule %s crashed on %s:\n%s", rule_cls.id, site.id, traceback.format_exc())
            out = [
                Finding(
                    rule_cls.id,
                    "unknown",
                    f"Không xác định được: quy tắc gặp lỗi nội bộ ({type(exc).__name__}: {exc}). "
                    "Đây là lỗi của portal-lint, không phải của Cổng TTĐT.",
                    f"Could not be determined: the rule crashed ({type(exc).__name__}: {exc}). "
                    "This is a portal-lint bug, not a fault of the portal.",
                )
            ]
        for f in out:
            if f.rule != rule_cls.id:
                f.rule = rule_cls.id
        findings.extend(out)
    return findings
