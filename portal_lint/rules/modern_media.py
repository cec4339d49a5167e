"""Recent posts include modern media: video, infographic, motion graphic, e-magazine.

**What it checks** Among posts published in the last `window_days` whose own page was read
this run, at least `min_items` carry a video (iframe/video/embed) or an infographic. None
among the read posts fails; no post of the window read at all gives *unknown*.

**Why** CV 2023 BHXH-TT, mục 1.2: "Chủ động thực hiện sản xuất và đăng tải các sản phẩm
truyền thông hiện đại như: Infographic, motiongraphic, video, banner đồ họa chuyển động".

**Example** pass: one post in August embeds a YouTube video. fail: 40 posts read, all text
and photos only.

**Parameters** window_days (90): how far back posts are looked at; min_items (1): posts with
modern media needed.
"""

from __future__ import annotations

from portal_lint.rules.base import Params, Rule, register
from portal_lint.snapshot import Finding, History, RunContext, Snapshot
from portal_lint.stats import in_window, merge_posts


@register
class ModernMedia(Rule):
    id = "modern-media"
    title_vi = "Sản phẩm truyền thông hiện đại"
    title_en = "Modern media (video, infographic)"
    clause = "CV 2023 BHXH-TT, mục 1.2 ('Infographic, motiongraphic, video')"

    class Params(Params):
        window_days: int = 90
        min_items: int = 1

    def check(
        self, snap: Snapshot, history: History, ctx: RunContext, params: Params
    ) -> list[Finding]:
        in_win = [
            p
            for p in merge_posts(snap.articles, history.articles)
            if in_window(p.published, ctx.as_of, params.window_days)
        ]
        read = [p for p in in_win if p.fetched]
        if not read:
            return [
                self.unknown(
                    f"không đọc được tin, bài nào đăng trong {params.window_days} ngày qua "
                    f"({len(in_win)} tin, bài chỉ thấy ở trang danh sách).",
                    f"no post of the last {params.window_days} days could be read ({len(in_win)} seen in listings only).",
                )
            ]
        video_urls = [p.url for p in read if p.article and p.article.videos]
        info_urls = [p.url for p in read if p.article and p.article.infographic]
        media_urls = sorted(set(video_urls) | set(info_urls))
        value = {
            "read": len(read),
            "in_window": len(in_win),
            "videos": len(video_urls),
            "infographics": len(info_urls),
            "posts_with_media": len(media_urls),
            "min_items": params.min_items,
        }
        if len(media_urls) >= params.min_items:
            return [
                self.finding(
                    "pass",
                    f"Có {len(media_urls)} tin, bài có sản phẩm truyền thông hiện đại trong {params.window_days} ngày qua "
                    f"({len(video_urls)} có video, {len(info_urls)} có infographic).",
                    f"{len(media_urls)} posts of the last {params.window_days} days carry modern media "
                    f"({len(video_urls)} with video, {len(info_urls)} with an infographic).",
                    media_urls,
                    value,
                )
            ]
        return [
            self.finding(
                "fail",
                f"Trong {len(read)} tin, bài đã đọc đăng trong {params.window_days} ngày qua, "
                + (f"chỉ {len(media_urls)} tin, bài" if media_urls else "không có tin, bài nào")
                + f" có video hoặc infographic (cần ít nhất {params.min_items}). Cần sản xuất, đăng tải sản phẩm "
                "truyền thông hiện đại (infographic, motiongraphic, video).",
                f"Of {len(read)} posts read from the last {params.window_days} days, {len(media_urls)} carry a video "
                f"or infographic (at least {params.min_items} needed).",
                media_urls,
                value,
            )
        ]
