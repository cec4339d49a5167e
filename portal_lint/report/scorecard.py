"""The weekly scorecard: one HTML file (charts embedded), one Excel workbook, PNG charts."""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import Environment, PackageLoader, StrictUndefined

from portal_lint.report.charts import all_charts
from portal_lint.report.excel import http_url, write_xlsx
from portal_lint.report.i18n import fmt_change, fmt_date, fmt_number, labels, status_word
from portal_lint.report.model import ScorecardModel, SiteScore, build_model
from portal_lint.report.scoring import Weights, load_weights, week_bounds, week_of
from portal_lint.store.queries import latest_as_of, read_engine

if TYPE_CHECKING:
    from portal_lint.config import Config


@dataclass
class ScorecardResult:
    html_path: Path
    xlsx_path: Path
    chart_paths: list[Path]
    week: str
    sites: list[SiteScore]
    lang: str = "vi"
    model: ScorecardModel | None = None
    charts: dict[str, bytes] = field(default_factory=dict)  # name -> PNG, for the e-mail


def _env(lang: str) -> Environment:
    # Autoescape ON for every template: titles and messages come from crawled pages.
    env = Environment(
        loader=PackageLoader("portal_lint.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["num"] = lambda v: fmt_number(v, lang)
    env.filters["num0"] = lambda v: fmt_number(v, lang, 0)
    env.filters["chg"] = lambda v: fmt_change(v, lang)
    env.filters["d"] = lambda v: fmt_date(v, lang)
    env.filters["sw"] = lambda v: status_word(v, lang)
    env.filters["safe_url"] = http_url
    return env


def render_html(model: ScorecardModel, images: Mapping[str, str]) -> str:
    """The scorecard page; `images` maps chart name -> src (data: URI or cid: reference)."""
    env = _env(model.lang)
    return env.get_template("scorecard.html.j2").render(
        m=model, L=labels(model.lang), lang=model.lang, images=dict(images)
    )


def render_text(model: ScorecardModel) -> str:
    """A plain-text summary (the text/plain part of the e-mail)."""
    lang, L = model.lang, labels(model.lang)
    lines = [
        L["title"].format(week=model.week),
        L["plain_intro"].format(
            week=model.week, start=fmt_date(model.start, lang), end=fmt_date(model.end, lang)
        ),
        "",
        f"{L['rank']:>5}  {L['score']:>6}  {L['change_short']:>12}  {L['site']}",
    ]
    for s in model.ranked:
        lines.append(
            f"{s.rank:>5}  {fmt_number(s.score, lang):>6}  {fmt_change(s.change, lang):>12}  {s.name}"
        )
    if model.unchecked:
        lines += ["", L["plain_unchecked"].format(names=", ".join(s.name for s in model.unchecked))]
    if model.quota_note is not None:
        lines += ["", L["quota_note"].format(quota=model.quota_note)]
    lines += ["", L["generated"].format(as_of=fmt_date(model.data_as_of, lang))]
    return "\n".join(lines) + "\n"


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def write_scorecard(
    db_url: str,
    out_dir: Path,
    week: str | None = None,
    lang: str = "vi",
    config: Config | None = None,
    as_of: date | None = None,
    *,
    weights: Weights | None = None,
) -> ScorecardResult:
    """Build the scorecard of ISO `week` (default: the week of `as_of`, default the latest
    run's as_of) into `out_dir`: scorecard-<week>.html, .xlsx and chart PNGs."""
    lang = "en" if lang == "en" else "vi"
    engine = read_engine(db_url)
    try:
        if week is None:
            day = as_of or latest_as_of(engine)
            if day is None:
                raise ValueError(
                    "the database holds no audit runs yet: run 'portal-lint audit' first"
                )
            week = week_of(day)
        week_bounds(week)  # validates the format early
        names = {s.id: s.name or s.id for s in config.sites} if config and config.sites else None
        model = build_model(engine, week, weights or load_weights(), lang, names=names)
    finally:
        engine.dispose()

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    charts = all_charts(model)
    chart_paths = []
    for name, png in charts.items():
        p = out_dir / f"scorecard-{week}-{name}.png"
        p.write_bytes(png)
        chart_paths.append(p)
    html_path = out_dir / f"scorecard-{week}.html"
    html_path.write_text(
        render_html(model, {k: data_uri(v) for k, v in charts.items()}), encoding="utf-8"
    )
    xlsx_path = write_xlsx(model, out_dir / f"scorecard-{week}.xlsx")
    return ScorecardResult(
        html_path=html_path,
        xlsx_path=xlsx_path,
        chart_paths=chart_paths,
        week=week,
        sites=model.sites,
        lang=lang,
        model=model,
        charts=charts,
    )
