"""Reports: the weekly scorecard (HTML, Excel, charts). See portal_lint.report.scorecard."""

from __future__ import annotations

from typing import Any

__all__ = ["ScorecardResult", "write_scorecard"]


def __getattr__(name: str) -> Any:
    # Lazy: importing matplotlib costs time that plain CLI commands should not pay.
    if name in __all__:
        from portal_lint.report import scorecard

        return getattr(scorecard, name)
    raise AttributeError(name)
