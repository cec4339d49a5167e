"""Scorecard charts as PNG bytes (matplotlib, Agg, no pyplot global state)."""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # headless: servers have no display

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from portal_lint.report.i18n import labels
from portal_lint.report.model import ScorecardModel, SiteScore

RC = {
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
COLOURS = ["#1f5fa8", "#e07b00", "#2e8b57", "#b03a48", "#6a4c93", "#00838f", "#8d6e63", "#5d6d7e"]


def _png(fig: Figure) -> bytes:
    FigureCanvasAgg(fig)
    buf = io.BytesIO()
    # No timestamp metadata so identical data gives identical files.
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight", metadata={"Software": None})
    return buf.getvalue()


def _short(name: str, n: int = 22) -> str:
    return name if len(name) <= n else name[: n - 1] + "…"


def posts_chart(model: ScorecardModel) -> bytes | None:
    """Grouped bars: posts in each of the last 3 months per site, with the quota line."""
    lab = labels(model.lang)
    sites = model.sites
    months = model.months[-3:]
    if not sites or not any(m.posts is not None for s in sites for m in s.months):
        return None
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(max(6.5, 0.9 * len(sites) + 2), 3.6))
        ax = fig.add_subplot()
        width = 0.8 / len(months)
        for j, month in enumerate(months):
            xs, ys, hatches = [], [], []
            for i, site in enumerate(sites):
                mc = next((m for m in site.months if m.month == month), None)
                xs.append(i - 0.4 + width * (j + 0.5))
                ys.append(mc.posts if mc and mc.posts is not None else 0)
                hatches.append("" if mc and mc.complete else "//")
            bars = ax.bar(
                xs,
                ys,
                width * 0.92,
                label=f"{month[5:]}/{month[:4]}",
                color=COLOURS[j % len(COLOURS)],
            )
            for bar, hatch in zip(bars, hatches, strict=True):
                bar.set_hatch(hatch)
        quotas = {s.quota for s in sites}
        for q in sorted(quotas):
            ax.axhline(q, color="#c62828", linestyle="--", linewidth=1.2)
        ax.plot(
            [],
            [],
            color="#c62828",
            linestyle="--",
            label=f"{lab['legend_quota']} ({'/'.join(map(str, sorted(quotas)))})",
        )
        ax.set_xticks(range(len(sites)), [_short(s.name) for s in sites], rotation=30, ha="right")
        ax.set_ylabel(lab["axis_posts"])
        ax.set_title(lab["chart_posts"], loc="left", fontweight="bold")
        ax.legend(frameon=False, fontsize=8, ncols=4, loc="upper left", bbox_to_anchor=(0, -0.35))
        ax.grid(axis="y", alpha=0.3)
        return _png(fig)


def trend_chart(model: ScorecardModel) -> bytes | None:
    lab = labels(model.lang)
    sites = [s for s in model.sites if any(v is not None for _, v in s.trend)]
    if not sites:
        return None
    weeks = [w for w, _ in sites[0].trend]
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(7.5, 3.6))
        ax = fig.add_subplot()
        for i, site in enumerate(sites):
            ys = [v if v is not None else float("nan") for _, v in site.trend]
            ax.plot(
                range(len(weeks)),
                ys,
                marker="o",
                markersize=3.5,
                linewidth=1.6,
                color=COLOURS[i % len(COLOURS)],
                label=_short(site.name, 30),
            )
        ax.set_xticks(range(len(weeks)), [w[5:] for w in weeks])
        ax.set_ylim(0, 100)
        ax.set_xlabel(lab["axis_week"])
        ax.set_ylabel(lab["axis_score"])
        ax.set_title(lab["chart_trend"], loc="left", fontweight="bold")
        ax.grid(alpha=0.3)
        ax.legend(frameon=False, fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
        return _png(fig)


def counter_chart(model: ScorecardModel) -> bytes | None:
    lab = labels(model.lang)
    sites: list[SiteScore] = [s for s in model.sites if s.counter]
    if not sites:
        return None
    with matplotlib.rc_context(RC):
        fig = Figure(figsize=(7.5, 3.6))
        ax = fig.add_subplot()
        for i, site in enumerate(sites):
            ax.plot(
                [at for at, _ in site.counter],
                [v for _, v in site.counter],
                marker=".",
                linewidth=1.4,
                color=COLOURS[i % len(COLOURS)],
                label=_short(site.name, 30),
            )
        ax.set_ylabel(lab["axis_visits"])
        ax.set_title(lab["chart_counter"], loc="left", fontweight="bold")
        ax.grid(alpha=0.3)
        ax.ticklabel_format(axis="y", style="plain", useOffset=False)
        fig.autofmt_xdate()
        ax.legend(frameon=False, fontsize=8, loc="center left", bbox_to_anchor=(1.01, 0.5))
        return _png(fig)


def all_charts(model: ScorecardModel) -> dict[str, bytes]:
    """name -> PNG; charts without data are left out."""
    out = {}
    for name, fn in (("posts", posts_chart), ("trend", trend_chart), ("counter", counter_chart)):
        png = fn(model)
        if png:
            out[name] = png
    return out
