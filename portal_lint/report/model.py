"""The scorecard's data, assembled once from the database and rendered three ways
(HTML, Excel, charts). Building reads the database; everything after is pure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from sqlalchemy.engine import Engine

from portal_lint.report.scoring import (
    Weights,
    competition_ranks,
    previous_week,
    rule_statuses,
    score,
    week_bounds,
)
from portal_lint.store.queries import FindingView, RunView, counter_series, latest_runs_until

TREND_WEEKS = 8  # weeks shown in the score trend chart
MONTHS_SHOWN = 6  # months shown in the posts-vs-quota table and chart
DEFAULT_QUOTA = 20


@dataclass(frozen=True)
class MonthCount:
    month: str  # YYYY-MM
    posts: int | None
    new: int | None = None
    repost: int | None = None
    bhyt: int | None = None
    complete: bool = False


@dataclass(frozen=True)
class AppendixFigures:
    """Phụ lục 03 section 4 for one period (None = no data; complete False = lower bound)."""

    posts: int | None
    new: int | None
    repost: int | None
    bhyt: int | None
    complete: bool


@dataclass
class SiteScore:
    site_id: str
    name: str
    url: str
    run_id: int | None
    as_of: date | None
    stale: bool  # the run used is from before the week
    score: float | None
    previous: float | None
    change: float | None  # None when there is no score last week
    rank: int | None
    statuses: dict[str, str]
    findings: list[FindingView]
    fetch_failures: list[dict[str, Any]]
    home_ok: bool
    months: list[MonthCount] = field(default_factory=list)
    quota: int = DEFAULT_QUOTA
    quota_cited: bool | None = None
    quota_source: str = ""
    appendix_h1: AppendixFigures | None = None
    appendix_year: AppendixFigures | None = None
    visitors: int | None = None
    visitors_gain: int | None = None
    trend: list[tuple[str, float | None]] = field(default_factory=list)  # (week, score)
    counter: list[tuple[datetime, int]] = field(default_factory=list)

    @property
    def checked(self) -> bool:
        return self.score is not None


@dataclass
class ScorecardModel:
    week: str
    start: date
    end: date
    lang: str
    data_as_of: date | None
    rules: list[str]
    weights: Weights
    ranked: list[SiteScore]
    unchecked: list[SiteScore]
    months: list[str]
    year: int

    @property
    def sites(self) -> list[SiteScore]:
        return self.ranked + self.unchecked

    @property
    def average(self) -> float | None:
        scores = [s.score for s in self.ranked if s.score is not None]
        return round(sum(scores) / len(scores), 1) if scores else None

    @property
    def quota_note(self) -> int | None:
        """The quota figure to flag as an assumption, if any site's stats say it is not cited."""
        flagged = [s.quota for s in self.sites if s.quota_cited is False]
        return flagged[0] if flagged else None

    @property
    def quota_source(self) -> str:
        return next((s.quota_source for s in self.sites if s.quota_source), "")


def last_months(end: date, n: int = MONTHS_SHOWN) -> list[str]:
    y, m = end.year, end.month
    out = []
    for _ in range(n):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y, m - 1) if m > 1 else (y - 1, 12)
    return out[::-1]


def _int(v: Any) -> int | None:
    try:
        return None if v is None or isinstance(v, bool) else int(v)
    except (TypeError, ValueError):
        return None


def month_counts(stats: dict[str, Any], months: list[str]) -> list[MonthCount]:
    monthly = stats.get("monthly") or {}
    out = []
    for m in months:
        d = monthly.get(m) or {}
        out.append(
            MonthCount(
                month=m,
                posts=_int(d.get("posts")),
                new=_int(d.get("new")),
                repost=_int(d.get("repost")),
                bhyt=_int(d.get("bhyt")),
                complete=bool(d.get("complete")) and _int(d.get("posts")) is not None,
            )
        )
    return out


def appendix(stats: dict[str, Any], year: int, first: int, last: int) -> AppendixFigures:
    """Sums of months `first..last` of `year` (only months present in stats)."""
    monthly = stats.get("monthly") or {}
    keys = [f"{year:04d}-{m:02d}" for m in range(first, last + 1)]
    present = [monthly[k] for k in keys if isinstance(monthly.get(k), dict)]

    def total(name: str) -> int | None:
        vals = [_int(d.get(name)) for d in present]
        known = [v for v in vals if v is not None]
        return sum(known) if known else None

    complete = (
        bool(keys) and len(present) == len(keys) and all(bool(d.get("complete")) for d in present)
    )
    return AppendixFigures(
        posts=total("posts"),
        new=total("new"),
        repost=total("repost"),
        bhyt=total("bhyt"),
        complete=complete,
    )


def _site_score(run: RunView, weights: Weights, week_start: date) -> SiteScore:
    statuses = rule_statuses(run.findings)
    stats = run.stats
    quota = _int(stats.get("quota")) or DEFAULT_QUOTA
    cited = stats.get("quota_cited")
    return SiteScore(
        site_id=run.site_id,
        name=run.site_name,
        url=run.site_url,
        run_id=run.id,
        as_of=run.as_of,
        stale=run.as_of < week_start,
        score=score(statuses, weights),
        previous=None,
        change=None,
        rank=None,
        statuses=statuses,
        findings=list(run.findings),
        fetch_failures=list(run.fetch_failures),
        home_ok=run.home_ok,
        quota=quota,
        quota_cited=cited if isinstance(cited, bool) else None,
        quota_source=str(stats.get("quota_source") or ""),
    )


def build_model(
    engine: Engine,
    week: str,
    weights: Weights,
    lang: str = "vi",
    *,
    names: dict[str, str] | None = None,
) -> ScorecardModel:
    """`names`: when given (from the config), only these sites, shown with these names."""
    start, end = week_bounds(week)
    runs = latest_runs_until(engine, end)
    if names:
        runs = {sid: run for sid, run in runs.items() if sid in names}
    sites = {sid: _site_score(run, weights, start) for sid, run in runs.items()}
    for sid, site in sites.items():
        if names and names.get(sid):
            site.name = names[sid]

    # Score trend over the last weeks, and last week's score for the change column.
    trend_weeks = [previous_week(week, n) for n in range(TREND_WEEKS - 1, 0, -1)] + [week]
    for w in trend_weeks[:-1]:
        past = latest_runs_until(engine, week_bounds(w)[1])
        for sid, site in sites.items():
            run = past.get(sid)
            site.trend.append((w, score(rule_statuses(run.findings), weights) if run else None))
    for site in sites.values():
        site.trend.append((week, site.score))
        site.previous = site.trend[-2][1] if len(site.trend) > 1 else None
        if site.score is not None and site.previous is not None:
            site.change = round(site.score - site.previous, 1)

    months = last_months(end)
    year = end.year
    counters = counter_series(engine, datetime.combine(end, time.max), list(sites))
    year_start = datetime(year, 1, 1)
    for sid, site in sites.items():
        stats = runs[sid].stats
        site.months = month_counts(stats, months)
        site.appendix_h1 = appendix(stats, year, 1, min(6, end.month))
        site.appendix_year = appendix(stats, year, 1, end.month)
        site.counter = counters.get(sid, [])
        if site.counter:
            site.visitors = site.counter[-1][1]
            in_year = [v for at, v in site.counter if at >= year_start]
            if len(in_year) >= 2:
                site.visitors_gain = in_year[-1] - in_year[0]
        else:
            site.visitors = _int(stats.get("counter_last"))

    scored = sorted(
        (s for s in sites.values() if s.score is not None),
        key=lambda s: (-(s.score or 0.0), s.name.casefold(), s.site_id),
    )
    for site, rank in zip(scored, competition_ranks([s.score or 0.0 for s in scored]), strict=True):
        site.rank = rank
    unchecked = sorted(
        (s for s in sites.values() if s.score is None), key=lambda s: (s.name.casefold(), s.site_id)
    )
    seen_rules = {r for s in sites.values() for r in s.statuses}
    return ScorecardModel(
        week=week,
        start=start,
        end=end,
        lang=lang,
        data_as_of=max((s.as_of for s in sites.values() if s.as_of), default=None),
        rules=weights.ordered(seen_rules),
        weights=weights,
        ranked=scored,
        unchecked=unchecked,
        months=months,
        year=year,
    )
