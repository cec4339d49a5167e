"""Rule base class, registry and helpers shared by every rule.

A rule is one module in `portal_lint/rules/` holding one `Rule` subclass decorated with
`@register`. It is a pure function of (Snapshot, History, RunContext, Params): it never
fetches, never reads the clock and never opens the database.

Docstring sections (printed by `portal-lint rules`): **What it checks**, **Why**
(the directive clause), **Example** (pass / fail).
"""

from __future__ import annotations

import inspect
from collections.abc import Iterable
from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict

from portal_lint.snapshot import Finding, History, RunContext, Snapshot, Status


class Params(BaseModel):
    """Typed parameters of a rule. Unknown names are refused (extra='forbid')."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Rule:
    id: ClassVar[str]
    title_vi: ClassVar[str]
    title_en: ClassVar[str]
    clause: ClassVar[str]  # e.g. "CV 2023 Cổng TTĐT BHXH tỉnh, mục 1.3"
    Params: ClassVar[type[Params]] = Params

    def check(
        self, snap: Snapshot, history: History, ctx: RunContext, params: Any
    ) -> list[Finding]:
        raise NotImplementedError

    # -- helpers for building findings ------------------------------------------------
    def finding(
        self,
        status: Status,
        vi: str,
        en: str = "",
        evidence: Iterable[str] = (),
        value: Any = None,
    ) -> Finding:
        seen: list[str] = []
        for url in evidence:
            if url and url not in seen:
                seen.append(url)
        return Finding(self.id, status, vi, en or vi, seen[:50], value)

    def unknown(
        self,
        vi_reason: str,
        en_reason: str = "",
        evidence: Iterable[str] = (),
        value: Any = None,
    ) -> Finding:
        return self.finding(
            "unknown",
            f"Không xác định được: {vi_reason}",
            f"Could not be determined: {en_reason or vi_reason}",
            evidence,
            value,
        )

    @classmethod
    def doc(cls) -> str:
        """The rule's documentation: the class docstring, else its module's."""
        import sys

        text = cls.__dict__.get("__doc__") or getattr(
            sys.modules.get(cls.__module__), "__doc__", ""
        )
        return inspect.cleandoc(text or "")


REGISTRY: dict[str, type[Rule]] = {}

RULE_IDS: tuple[str, ...] = (
    "post-quota",
    "category-mismatch",
    "search-articles",
    "search-documents",
    "spokesperson-contact",
    "visitor-counter",
    "department-links",
    "freshness",
    "thin-content",
    "post-format",
    "modern-media",
    "social-channels",
    "campaign-coverage",
)


def register(cls: type[Rule]) -> type[Rule]:
    if cls.id not in RULE_IDS:
        raise ValueError(f"rule id {cls.id!r} is not one of the stable ids {RULE_IDS}")
    if cls.id in REGISTRY and REGISTRY[cls.id] is not cls:
        raise ValueError(f"rule id {cls.id!r} registered twice")
    REGISTRY[cls.id] = cls
    return cls


def load_all() -> dict[str, type[Rule]]:
    """Import every rule module once so that each registers itself."""
    import importlib
    import pkgutil

    import portal_lint.rules as pkg

    for mod in pkgutil.iter_modules(pkg.__path__):
        if mod.name not in ("base", "__init__"):
            importlib.import_module(f"portal_lint.rules.{mod.name}")
    return dict(sorted(REGISTRY.items(), key=lambda kv: RULE_IDS.index(kv[0])))
