"""Directed communication campaigns got their posts on the portal during their window.

**What it checks** For each campaign of rules/campaigns.yaml whose latest window ended on or
before the audit date and at most `lookback_days` ago: the posts published inside the window
(inclusive) whose title, sapo or body contains any of the campaign's keywords (whole words,
diacritics-insensitive) must number at least `min_posts`. Campaigns whose window is still
open, or ended too long ago, are skipped; when none applies the rule gives no finding. A
window whose months were not fully observed (they begin before the crawler's
`complete_since`) is *unknown*, as is a shortfall that unread posts of the window
(seen only in a listing, body unknown) could still make up.

**Why** CV 1455/BHXH-TT (20/5/2024), mục 2.1: "Tăng cường số lượng, tần suất đăng tải ...
trên Cổng TTĐT của BHXH các tỉnh" during Kỳ họp thứ 7 Quốc hội khóa XV (20/5–28/6/2024,
Luật BHXH sửa đổi); KH 2728/KH-BHXH (31/8/2023), phần IV: "Nhân dịp Ngày Chuyển đổi số quốc
gia (10/10) ... tổ chức đợt truyền thông cao điểm về việc thực hiện Đề án 06".

**Example** pass: 4 posts on VssID and Đề án 06 between 1 and 31 October. fail: a single
post about chuyển đổi số in October.

**Parameters** campaigns ([]): injected by the engine from rules/campaigns.yaml; each entry is
validated by `Campaign` (id, name_vi, name_en, source, keywords, window {start, end} or yearly
{start "MM-DD", end "MM-DD"}, min_posts, lookback_days = 365).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from portal_lint.rules.base import Params, Rule, register
from portal_lint.snapshot import Finding, History, RunContext, Snapshot
from portal_lint.stats import (
    effective_complete_since,
    keyword_hits,
    merge_posts,
    month_complete,
    month_start,
)

_MMDD = re.compile(r"^(\d{2})-(\d{2})$")


class FixedWindow(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    start: date
    end: date

    @model_validator(mode="after")
    def _order(self) -> FixedWindow:
        if self.end < self.start:
            raise ValueError(f"window end {self.end} is before start {self.start}")
        return self


class YearlyWindow(BaseModel):
    """A window repeated every year, as "MM-DD" strings; end before start spans New Year."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    start: str
    end: str

    @field_validator("start", "end")
    @classmethod
    def _mmdd(cls, v: str) -> str:
        m = _MMDD.match(str(v).strip())
        if not m:
            raise ValueError(f'{v!r} must be a month-day string such as "10-01"')
        try:
            date(2000, int(m.group(1)), int(m.group(2)))  # 2000 is a leap year: 02-29 allowed
        except ValueError as exc:
            raise ValueError(f"{v!r} is not a valid month-day") from exc
        return m.group(0)

    @staticmethod
    def _on(year: int, mmdd: str) -> date:
        mo, d = int(mmdd[:2]), int(mmdd[3:])
        if mo == 2 and d == 29 and not (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)):
            d = 28
        return date(year, mo, d)

    def latest(self, as_of: date) -> tuple[date, date]:
        """The latest occurrence whose end is on or before `as_of`."""
        year = as_of.year
        end = self._on(year, self.end)
        if end > as_of:
            year -= 1
            end = self._on(year, self.end)
        start_year = year if self.start <= self.end else year - 1
        return self._on(start_year, self.start), end


class Campaign(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str = Field(min_length=1)
    name_vi: str = Field(min_length=1)
    name_en: str = Field(min_length=1)
    source: str = Field(min_length=1)
    keywords: list[str] = Field(min_length=1)
    window: FixedWindow | None = None
    yearly: YearlyWindow | None = None
    min_posts: int = Field(ge=1)
    lookback_days: int = Field(365, ge=0)

    @field_validator("keywords")
    @classmethod
    def _non_empty(cls, v: list[str]) -> list[str]:
        if any(not str(k).strip() for k in v):
            raise ValueError("keywords must not contain empty strings")
        return v

    @model_validator(mode="after")
    def _one_window(self) -> Campaign:
        if (self.window is None) == (self.yearly is None):
            raise ValueError(
                "give exactly one of 'window' {start, end} (fixed dates) or 'yearly' {start, end} (MM-DD)"
            )
        return self

    def latest_window(self, as_of: date) -> tuple[date, date] | None:
        """The window to judge at `as_of`, or None when the campaign does not apply."""
        if self.window is not None:
            start, end = self.window.start, self.window.end
            if end > as_of:
                return None
        else:
            assert self.yearly is not None
            start, end = self.yearly.latest(as_of)
        if (as_of - end).days > self.lookback_days:
            return None
        return start, end


def parse_campaigns(entries: list[dict[str, Any]]) -> list[Campaign]:
    """Validate campaigns.yaml entries; raise ValueError naming the bad entry and field."""
    out: list[Campaign] = []
    seen: set[str] = set()
    for i, entry in enumerate(entries):
        label = entry.get("id", f"#{i + 1}") if isinstance(entry, dict) else f"#{i + 1}"
        if not isinstance(entry, dict):
            raise ValueError(  # noqa: TRY004 - config errors are ValueErrors for the engine
                f"campaign {label}: must be a mapping, got {type(entry).__name__}"
            )
        try:
            camp = Campaign.model_validate(entry)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(x) for x in err['loc']) or '(entry)'}: {err['msg']}"
                for err in exc.errors()
            )
            raise ValueError(f"campaign {label}: {problems}") from None
        if camp.id in seen:
            raise ValueError(f"campaign {camp.id}: id used twice")
        seen.add(camp.id)
        out.append(camp)
    return out


def _vn(d: date) -> str:
    return d.strftime("%d/%m/%Y")


@register
class CampaignCoverage(Rule):
    id = "campaign-coverage"
    title_vi = "Tin, bài theo đợt truyền thông cao điểm"
    title_en = "Campaign coverage"
    clause = "CV 1455/BHXH-TT (20/5/2024) mục 2.1; KH 2728/KH-BHXH (31/8/2023) phần IV; rules/campaigns.yaml"

    class Params(Params):
        campaigns: list[dict[str, Any]] = Field(default_factory=list)

        @field_validator("campaigns")
        @classmethod
        def _valid(cls, v: list[dict[str, Any]]) -> list[dict[str, Any]]:
            parse_campaigns(v)  # refuse bad entries when the config is loaded, not mid-audit
            return v

    def check(
        self, snap: Snapshot, history: History, ctx: RunContext, params: Params
    ) -> list[Finding]:
        campaigns = parse_campaigns(params.campaigns)
        applicable = [(c, w) for c in campaigns if (w := c.latest_window(ctx.as_of)) is not None]
        if not applicable:
            return []

        cs = effective_complete_since(snap.coverage.complete_since, history.complete_since)
        posts = merge_posts(snap.articles, history.articles)
        value: dict[str, Any] = {}
        evidence: list[str] = []
        fails, unknowns, passes = [], [], []
        for camp, (start, end) in applicable:
            in_win = sorted(
                (p for p in posts if p.published is not None and start <= p.published <= end),
                key=lambda p: (p.published, p.url),
            )
            matched, unread = [], 0
            for p in in_win:
                if keyword_hits(f"{p.title}\n{p.sapo}\n{p.body}", camp.keywords):
                    matched.append(p.url)
                elif not p.fetched:
                    unread += 1  # body never read: it may still be about the campaign
            covered = month_complete(month_start(start), cs)
            n = len(matched)
            if n >= camp.min_posts:
                status = "pass"
            elif not covered or n + unread >= camp.min_posts:
                status = "unknown"
            else:
                status = "fail"
            value[camp.id] = {
                "posts": n,
                "min": camp.min_posts,
                "window": [start.isoformat(), end.isoformat()],
                "urls": matched,
                "complete": covered,
                "unread": unread,
                "status": status,
                "source": camp.source,
            }
            {"pass": passes, "fail": fails, "unknown": unknowns}[status].append(
                (camp, start, end, n)
            )
            if status != "pass" or not evidence:
                evidence.extend(matched)

        def line_vi(c: Any, s: date, e: date, n: int) -> str:
            return f"“{c.name_vi}” ({_vn(s)}–{_vn(e)}): {n}/{c.min_posts} tin, bài"

        def line_en(c: Any, s: date, e: date, n: int) -> str:
            return f"“{c.name_en}” ({s.isoformat()}..{e.isoformat()}): {n}/{c.min_posts} posts"

        if fails:
            return [
                self.finding(
                    "fail",
                    "Chưa đủ tin, bài theo đợt truyền thông cao điểm: "
                    + "; ".join(line_vi(*x) for x in fails)
                    + ". Cần đăng tải đủ tin, bài theo chỉ đạo của BHXH Việt Nam trong các đợt cao điểm.",
                    "Too few posts for directed campaigns: "
                    + "; ".join(line_en(*x) for x in fails)
                    + ".",
                    evidence,
                    value,
                )
            ]
        if unknowns:
            f = self.unknown(
                "chưa thu thập đủ tin, bài trong thời gian của đợt truyền thông ("
                + "; ".join(line_vi(*x) for x in unknowns)
                + ") nên chưa kết luận được.",
                "the campaign window was not fully crawled ("
                + "; ".join(line_en(*x) for x in unknowns)
                + ").",
                evidence,
            )
            f.value = value
            return [f]
        return [
            self.finding(
                "pass",
                "Đã đăng đủ tin, bài theo đợt truyền thông cao điểm: "
                + "; ".join(line_vi(*x) for x in passes)
                + ".",
                "Enough posts for directed campaigns: "
                + "; ".join(line_en(*x) for x in passes)
                + ".",
                evidence,
                value,
            )
        ]
