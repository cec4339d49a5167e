"""The portal publishes regularly: days since the last post and the longest recent silence.

**What it checks** The number of days between the audit date and the newest post published
on or before it (this run merged with stored history). Up to `warn_after_days` is fine, up
to `fail_after_days` is a warning, more fails. When that passes, the longest gap between
two consecutive posts published within the last `gap_window_days` must not exceed
`max_gap_days` (a warning otherwise; only judged on a stretch the crawler fully covered).

**Why** CV 2023 BHXH-TT, opening paragraph: the faults found include "cập nhật, cung cấp
thông tin chưa kịp thời, thiếu tính thời sự"; mục 1.2 asks to "thường xuyên cập nhật
thông tin".

**Example** pass: the last post is 3 days old and posts never stopped for more than a week.
warn: the last post is 10 days old, or a 20-day silence in July. fail: nothing for 30 days.

**Parameters** warn_after_days (7), fail_after_days (14): thresholds on days since the last
post; max_gap_days (14): longest allowed silence; gap_window_days (90): how far back
silences are looked for.
"""

from __future__ import annotations

from datetime import date, timedelta
from itertools import pairwise

from portal_lint.rules.base import Params, Rule, register
from portal_lint.snapshot import Finding, History, RunContext, Snapshot
from portal_lint.stats import effective_complete_since, merge_posts

# Fetches whose failure may hide the newest posts.
_DISCOVERY_PURPOSES = {"home", "listing", "feed", "sitemap"}


def _vn(d: date) -> str:
    return d.strftime("%d/%m/%Y")


@register
class Freshness(Rule):
    id = "freshness"
    title_vi = "Cập nhật tin, bài kịp thời"
    title_en = "Posting freshness"
    clause = "CV 2023 BHXH-TT, đoạn mở đầu ('cập nhật, cung cấp thông tin chưa kịp thời'); mục 1.2"

    class Params(Params):
        warn_after_days: int = 7
        fail_after_days: int = 14
        max_gap_days: int = 14
        gap_window_days: int = 90

    def check(
        self, snap: Snapshot, history: History, ctx: RunContext, params: Params
    ) -> list[Finding]:
        as_of = ctx.as_of
        if not snap.home_ok:
            return [
                self.unknown(
                    "không tải được trang chủ trong lần kiểm tra này nên không biết tin, bài mới nhất.",
                    "the home page could not be fetched in this run, so the newest post is unknown.",
                )
            ]
        cs = effective_complete_since(snap.coverage.complete_since, history.complete_since)
        posts = [
            p
            for p in merge_posts(snap.articles, history.articles)
            if p.published and p.published <= as_of
        ]
        # A page skipped because the crawl budget ran out is a deep listing page (the crawler
        # reads newest first), so it cannot hide the newest posts; other failures can.
        discovery_failed = any(
            not r.ok and r.purpose in _DISCOVERY_PURPOSES and r.outcome != "budget_exhausted"
            for r in snap.fetch_log
        )

        if not posts:
            if cs is not None:
                return [
                    self.finding(
                        "fail",
                        "Không tìm thấy tin, bài nào có ngày đăng trên Cổng TTĐT. "
                        "Cần đăng tin, bài thường xuyên và ghi rõ ngày đăng.",
                        "No dated post was found on the portal. Publish regularly and show each post's date.",
                        [snap.home_url or snap.base_url],
                        {
                            "days_since_last": None,
                            "last_post": None,
                            "longest_gap_days": None,
                            "gap": None,
                        },
                    )
                ]
            return [
                self.unknown(
                    "không tìm thấy tin, bài nào có ngày đăng và chưa thu thập đầy đủ các trang danh sách.",
                    "no dated post was found and the listings were not fully crawled.",
                    [snap.home_url or snap.base_url],
                )
            ]

        posts.sort(key=lambda p: (p.published, p.url))
        last = posts[-1]
        assert last.published is not None
        days = (as_of - last.published).days

        # Longest silence between consecutive posts inside the gap window.
        window_start = as_of - timedelta(days=params.gap_window_days)
        days_in_window = sorted(
            {p.published for p in posts if p.published and p.published >= window_start}
        )
        longest, gap = 0, None
        for a, b in pairwise(days_in_window):
            if (b - a).days > longest:
                longest, gap = (b - a).days, (a, b)
        gap_covered = gap is not None and cs is not None and gap[0] >= cs
        value = {
            "days_since_last": days,
            "last_post": last.published.isoformat(),
            "last_url": last.url,
            "longest_gap_days": longest if gap else None,
            "gap": [gap[0].isoformat(), gap[1].isoformat()] if gap else None,
            "gap_covered": gap_covered,
        }

        if days > params.warn_after_days and cs is None and discovery_failed:
            f = self.unknown(
                f"tin, bài mới nhất thấy được đăng ngày {_vn(last.published)} ({days} ngày trước) nhưng một số "
                "trang danh sách không tải được nên có thể còn tin, bài mới hơn.",
                f"the newest post seen is from {last.published.isoformat()} ({days} days ago), but some listing "
                "pages failed, so newer posts may exist.",
                [last.url],
            )
            f.value = value
            return [f]

        if days > params.fail_after_days:
            return [
                self.finding(
                    "fail",
                    f"Đã {days} ngày không đăng tin, bài mới (tin gần nhất ngày {_vn(last.published)}), quá "
                    f"{params.fail_after_days} ngày. Cần cập nhật tin, bài kịp thời.",
                    f"No new post for {days} days (last on {last.published.isoformat()}), more than "
                    f"{params.fail_after_days}. Publish timely.",
                    [last.url],
                    value,
                )
            ]
        if days > params.warn_after_days:
            return [
                self.finding(
                    "warn",
                    f"Đã {days} ngày không đăng tin, bài mới (tin gần nhất ngày {_vn(last.published)}), quá "
                    f"{params.warn_after_days} ngày. Nên cập nhật tin, bài thường xuyên hơn.",
                    f"No new post for {days} days (last on {last.published.isoformat()}), more than "
                    f"{params.warn_after_days}.",
                    [last.url],
                    value,
                )
            ]
        if gap is not None and longest > params.max_gap_days and gap_covered:
            gap_urls = [p.url for p in posts if p.published in gap]
            return [
                self.finding(
                    "warn",
                    f"Có khoảng {longest} ngày liền không đăng tin, bài (từ {_vn(gap[0])} đến {_vn(gap[1])}), "
                    f"quá {params.max_gap_days} ngày. Cần duy trì đăng tin, bài đều đặn.",
                    f"A {longest}-day silence between posts ({gap[0].isoformat()} to {gap[1].isoformat()}), "
                    f"more than {params.max_gap_days} days.",
                    gap_urls,
                    value,
                )
            ]
        return [
            self.finding(
                "pass",
                f"Tin, bài được cập nhật kịp thời: tin gần nhất đăng ngày {_vn(last.published)} ({days} ngày trước).",
                f"Posts are timely: the last one is from {last.published.isoformat()} ({days} days ago).",
                [last.url],
                value,
            )
        ]
