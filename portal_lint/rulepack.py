"""The YAML rule pack (`rules/`): parameter defaults, taxonomy, campaigns, weights.

Installed packages carry it as `portal_lint/_rulepack`; a source checkout reads `rules/`.
`PORTAL_LINT_RULES` points at another folder (a user's edited copy).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml


def rulepack_dir() -> Path:
    if os.environ.get("PORTAL_LINT_RULES"):
        return Path(os.environ["PORTAL_LINT_RULES"])
    here = Path(__file__).resolve().parent
    packaged = here / "_rulepack"
    if (packaged / "params.yaml").is_file():
        return packaged
    return here.parent / "rules"


@dataclass(frozen=True)
class RulePack:
    folder: Path
    params: dict[str, dict[str, Any]] = field(default_factory=dict)
    sources: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    taxonomy: dict[str, Any] = field(default_factory=dict)
    campaigns: list[dict[str, Any]] = field(default_factory=list)
    weights: dict[str, Any] = field(default_factory=dict)


def _read(folder: Path, name: str) -> Any:
    path = folder / name
    if not path.is_file():
        return None
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: invalid YAML: {exc}") from None


@lru_cache(maxsize=8)
def load_rulepack(folder: Path | None = None) -> RulePack:
    folder = folder or rulepack_dir()
    raw = _read(folder, "params.yaml") or {}
    params = {rid: dict((entry or {}).get("params") or {}) for rid, entry in raw.items()}
    sources = {rid: str((entry or {}).get("source", "")) for rid, entry in raw.items()}
    notes = {
        rid: str((entry or {}).get("note", ""))
        for rid, entry in raw.items()
        if entry and entry.get("note")
    }
    campaigns_doc = _read(folder, "campaigns.yaml") or {}
    campaigns = (
        campaigns_doc.get("campaigns", []) if isinstance(campaigns_doc, dict) else campaigns_doc
    )
    return RulePack(
        folder=folder,
        params=params,
        sources=sources,
        notes=notes,
        taxonomy=_read(folder, "taxonomy.yaml") or {},
        campaigns=list(campaigns or []),
        weights=_read(folder, "weights.yaml") or {},
    )
