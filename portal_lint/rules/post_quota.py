"""Each of the last full calendar months reaches the monthly posting quota.

**What it checks** The number of news posts published in each of the last `window_months`
full calendar months before the audit date (this run's articles merged with stored
history by URL). Every month must reach `min_posts_per_month`. A month that begins before
the crawler's `complete_since` was not fully observed: it can never fail, it makes the
verdict *unknown* (unless another, fully observed month already fails). Undated posts are
counted apart and never guessed into a month.

**Why** CV 2023 BHXH-TT (Cổng TTĐT BHXH tỉnh), mục 1.2: "Đảm bảo định mức tin, bài hằng
tháng đăng tải trên Cổng TTĐT BHXH tỉnh theo quy định tại Quyết định số 2474/QĐ-BHXH ngày
31/12/2019". The monthly figure of QĐ 2474 is not in our material, so the quota is a
configured figure (`quota_cited: false`) and every message says so.

**Example** pass: 23, 21 and 25 posts in June, July, August with the quota at 20.
fail: August has 12 posts. unknown: the crawl only saw every post since 10 July.

**Parameters** min_posts_per_month (20): the configured quota; window_months (3): months
judged; quota_cited (false): whether the figure was checked against QĐ 2474;
quota_source: where the figure comes from (shown in the value).
"""

from __future__ import annotations

from datetime import date

from portal_lint.rules.base import Params, Rule, register
from portal_lint.snapshot import Finding, History, RunContext, Snapshot
from portal_lint.stats import (
    effective_complete_since,
    full_months_before,
    merge_posts,
    month_complete,
    month_key,
)

_MAX_EVIDENCE = 20


def _mm_yyyy(first: date) -> str:
    return f"{first.month:02d}/{first.year}"


@register
class PostQuota(Rule):
    id = "post-quota"
    title_vi = "Định mức tin, bài hằng tháng"
    title_en = "Monthly posting quota"
    clause = "CV 2023 BHXH-TT (Cổng TTĐT BHXH tỉnh), mục 1.2; QĐ 2474/QĐ-BHXH ngày 31/12/2019"

    class Params(Params):
        min_posts_per_month: int = 20
        window_months: int = 3
        quota_cited: bool = False
        quota_source: str = (
            "Giả định cấu hình (20 tin, bài/tháng); con số chính thức theo QĐ 2474/QĐ-BHXH "
            "ngày 31/12/2019 chưa được đối chiếu"
        )

    def check(
        self, snap: Snapshot, history: History, ctx: RunContext, params: Params
    ) -> list[Finding]:
        quota = params.min_posts_per_month
        cs = effective_complete_since(snap.coverage.complete_since, history.complete_since)
        posts = merge_posts(snap.articles, history.articles)
        firsts = full_months_before(ctx.as_of, params.window_months)

        urls_by_month: dict[str, list[tuple[date, str]]] = {month_key(m): [] for m in firsts}
        undated = 0
        for p in posts:
            if p.published is None:
                undated += 1
                continue
            bucket = urls_by_month.get(month_key(p.published))
            if bucket is not None:
                bucket.append((p.published, p.url))

        months = {
            month_key(m): {
                "posts": len(urls_by_month[month_key(m)]),
                "complete": month_complete(m, cs),
            }
            for m in firsts
        }
        value = {
            "months": months,
            "quota": quota,
            "quota_cited": params.quota_cited,
            "quota_source": params.quota_source,
            "undated": undated,
            "complete_since": cs.isoformat() if cs else None,
        }
        quota_vi = (
            f"định mức {quota} tin, bài/tháng theo QĐ 2474/QĐ-BHXH"
            if params.quota_cited
            else f"định mức cấu hình: {quota} tin, bài/tháng"
        )
        note_vi = (
            ""
            if params.quota_cited
            else " Lưu ý: con số chính thức của QĐ 2474/QĐ-BHXH chưa được đối chiếu."
        )
        quota_en = (
            f"quota of {quota} posts/month per QĐ 2474/QĐ-BHXH"
            if params.quota_cited
            else f"configured quota: {quota} posts/month"
        )
        note_en = (
            ""
            if params.quota_cited
            else " Note: the official QĐ 2474/QĐ-BHXH figure is not verified."
        )

        def evidence(key: str) -> list[str]:
            return [u for _, u in sorted(urls_by_month[key], reverse=True)][:_MAX_EVIDENCE]

        if not snap.home_ok:
            f = self.unknown(
                "không tải được trang chủ trong lần kiểm tra này nên không đếm được tin, bài.",
                "the home page could not be fetched in this run, so posts could not be counted.",
            )
            f.value = value
            return [f]

        # Undated posts (e.g. pages that failed to load) could belong to any month: a month
        # whose count plus the undated ones reaches the quota cannot be called short.
        failing = [
            m
            for m in firsts
            if months[month_key(m)]["complete"] and months[month_key(m)]["posts"] + undated < quota
        ]
        if failing:
            weakest = min(failing, key=lambda m: (months[month_key(m)]["posts"], m))
            parts_vi = ", ".join(
                f"tháng {_mm_yyyy(m)}: {months[month_key(m)]['posts']}" for m in failing
            )
            parts_en = ", ".join(
                f"{month_key(m)}: {months[month_key(m)]['posts']}" for m in failing
            )
            return [
                self.finding(
                    "fail",
                    f"Số tin, bài đăng hằng tháng chưa đạt {quota_vi} ({parts_vi}). "
                    f"Cần tăng số tin, bài đăng tải hằng tháng để đủ định mức.{note_vi}",
                    f"Monthly posts below the {quota_en} ({parts_en}). Publish more posts each month.{note_en}",
                    evidence(month_key(weakest)),
                    value,
                )
            ]

        doubtful = [m for m in firsts if months[month_key(m)]["posts"] < quota]
        if doubtful and undated:
            names = ", ".join(_mm_yyyy(m) for m in doubtful)
            f = self.unknown(
                f"tháng {names} chưa đủ {quota_vi} theo số bài xác định được ngày đăng, nhưng còn "
                f"{undated} tin, bài không xác định được ngày đăng (trang không tải được hoặc không ghi ngày) "
                f"nên chưa kết luận được.{note_vi}",
                f"{', '.join(month_key(m) for m in doubtful)} fall short of the {quota_en} by dated posts, "
                f"but {undated} posts could not be dated (page failed or shows no date).{note_en}",
            )
            f.value = value
            f.evidence = evidence(month_key(doubtful[0]))
            return [f]

        uncovered = [m for m in firsts if not months[month_key(m)]["complete"]]
        if uncovered:
            names = ", ".join(_mm_yyyy(m) for m in uncovered)
            f = self.unknown(
                f"chưa thu thập đầy đủ tin, bài của tháng {names} (trình thu thập chỉ chắc chắn đã thấy "
                f"mọi tin, bài từ {cs.strftime('%d/%m/%Y') if cs else 'không rõ ngày nào'}) nên chưa so được với {quota_vi}.{note_vi}",
                f"not every post of {', '.join(month_key(m) for m in uncovered)} was seen "
                f"(complete since {cs.isoformat() if cs else 'unknown'}), so it cannot be compared with the {quota_en}.{note_en}",
            )
            f.value = value
            f.evidence = evidence(month_key(uncovered[0]))
            return [f]

        weakest = min(firsts, key=lambda m: (months[month_key(m)]["posts"], m))
        summary_vi = ", ".join(
            f"tháng {_mm_yyyy(m)}: {months[month_key(m)]['posts']}" for m in firsts
        )
        summary_en = ", ".join(f"{month_key(m)}: {months[month_key(m)]['posts']}" for m in firsts)
        return [
            self.finding(
                "pass",
                f"Số tin, bài mỗi tháng đạt {quota_vi} ({summary_vi}).{note_vi}",
                f"Every month reaches the {quota_en} ({summary_en}).{note_en}",
                evidence(month_key(weakest)),
                value,
            )
        ]
