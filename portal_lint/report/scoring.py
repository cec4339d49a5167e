"""The scoring model: ISO weeks, rule weights (rules/weights.yaml) and per-site scores.

Pure functions of their inputs: no clock, no database (see docs/scoring.md).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from types import MappingProxyType
from typing import Any

import yaml

from portal_lint.rules.base import RULE_IDS

WEEK_RE = re.compile(r"^(\d{4})-W(\d{2})$")
# Worst first: a rule that emits several findings takes the worst known status.
SEVERITY: Mapping[str, int] = MappingProxyType({"fail": 3, "warn": 2, "pass": 1, "unknown": 0})


# ----------------------------------------------------------------------------- weeks
def week_of(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def week_bounds(week: str) -> tuple[date, date]:
    """Monday and Sunday of an ISO week such as "2026-W48"."""
    m = WEEK_RE.match(week)
    if not m:
        raise ValueError(f"week {week!r} must look like 2026-W48 (ISO year, 'W', two-digit week)")
    year, num = int(m.group(1)), int(m.group(2))
    try:
        monday = date.fromisocalendar(year, num, 1)
    except ValueError:
        raise ValueError(f"week {week!r} does not exist in ISO year {year}") from None
    return monday, monday + timedelta(days=6)


def previous_week(week: str, n: int = 1) -> str:
    monday, _ = week_bounds(week)
    return week_of(monday - timedelta(weeks=n))


# ----------------------------------------------------------------------------- weights
@dataclass(frozen=True)
class RuleWeight:
    rule: str
    weight: float
    source: str
    title_vi: str
    title_en: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_vi


@dataclass(frozen=True)
class Weights:
    rules: Mapping[str, RuleWeight]
    default_weight: float = 1.0
    credit: Mapping[str, float] = field(
        default_factory=lambda: MappingProxyType({"pass": 1.0, "warn": 0.5, "fail": 0.0})
    )

    def weight(self, rule: str) -> float:
        rw = self.rules.get(rule)
        return rw.weight if rw is not None else self.default_weight

    def title(self, rule: str, lang: str) -> str:
        rw = self.rules.get(rule)
        return rw.title(lang) if rw is not None else rule

    def ordered(self, extra: Iterable[str] = ()) -> list[str]:
        """Rule ids in the stable order of RULE_IDS, then any others seen in the data."""
        known = [r for r in RULE_IDS if r in self.rules]
        others = sorted({*self.rules, *extra} - set(known))
        return known + others


def default_weights_path() -> Path:
    """rules/weights.yaml inside the installed package, or in a checkout."""
    pkg = Path(__file__).resolve().parent.parent
    packaged = pkg / "_rulepack" / "weights.yaml"
    if packaged.is_file():
        return packaged
    return pkg.parent / "rules" / "weights.yaml"


def load_weights(path: Path | None = None) -> Weights:
    path = path or default_weights_path()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    rules: dict[str, RuleWeight] = {}
    for rule, spec in (data.get("rules") or {}).items():
        if not isinstance(spec, dict) or "weight" not in spec or not spec.get("source"):
            raise ValueError(f"{path}: rule {rule!r} needs 'weight' and 'source'")
        w = float(spec["weight"])
        if w < 0:
            raise ValueError(f"{path}: rule {rule!r}: weight must be >= 0")
        rules[rule] = RuleWeight(
            rule=rule,
            weight=w,
            source=str(spec["source"]),
            title_vi=str(spec.get("title_vi") or rule),
            title_en=str(spec.get("title_en") or rule),
        )
    credit = {"pass": 1.0, "warn": 0.5, "fail": 0.0} | {
        k: float(v) for k, v in (data.get("credit") or {}).items()
    }
    return Weights(
        rules=MappingProxyType(rules),
        default_weight=float(data.get("default_weight", 1.0)),
        credit=MappingProxyType(credit),
    )


# ----------------------------------------------------------------------------- scores
def rule_statuses(findings: Iterable[Any]) -> dict[str, str]:
    """rule -> one status: the worst known status of its findings, else unknown."""
    out: dict[str, str] = {}
    for f in findings:
        status = f.status if f.status in SEVERITY else "unknown"
        prev = out.get(f.rule)
        if prev is None or SEVERITY[status] > SEVERITY[prev]:
            out[f.rule] = status
    return out


def score(statuses: Mapping[str, str], weights: Weights) -> float | None:
    """100 * sum(weight * credit) / sum(weight of known rules); None if nothing is known."""
    num = den = 0.0
    for rule, status in statuses.items():
        if status == "unknown" or status not in weights.credit:
            continue
        w = weights.weight(rule)
        num += w * weights.credit[status]
        den += w
    if den <= 0:
        return None
    return round(100.0 * num / den, 1)


def competition_ranks(scores: list[float]) -> list[int]:
    """1, 2, 2, 4 ranking of scores already sorted best first."""
    ranks: list[int] = []
    for i, s in enumerate(scores):
        ranks.append(ranks[-1] if i and s == scores[i - 1] else i + 1)
    return ranks
