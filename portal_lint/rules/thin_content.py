"""Recent posts are not thin: enough words, at least one image, more than a title.

**What it checks** Every post published in the last `window_days` whose own page was read
this run (listing-only sightings are not judged). A post is thin when its body has fewer
than `min_words` words ("ít chữ"), has no image ("không có ảnh"), or has no body at all
("chỉ có tiêu đề"). No thin post passes; a share of thin posts up to `fail_share` warns;
more fails. Fewer than `min_posts` judgeable posts gives *unknown*.

**Why** CV 2023 BHXH-TT, opening paragraph: "nội dung, hình thức tin, bài còn sơ sài";
mục 1.4: "đăng tải tin, bài đúng quy chuẩn về nội dung, hình thức".

**Example** pass: 30 posts, each 300+ words with a photo. warn: 3 of 30 have no photo.
fail: 12 of 30 are two-line notices.

**Parameters** min_words (150): words a body needs; window_days (90): how far back posts are
judged; fail_share (0.20): share of thin posts above which the rule fails; min_posts (3):
judgeable posts needed for a verdict.
"""

from __future__ import annotations

from portal_lint.rules.base import Params, Rule, register
from portal_lint.snapshot import Finding, History, RunContext, Snapshot
from portal_lint.stats import body_words, read_posts_in_window

FEW_WORDS = "ít chữ"
NO_IMAGE = "không có ảnh"
TITLE_ONLY = "chỉ có tiêu đề"


@register
class ThinContent(Rule):
    id = "thin-content"
    title_vi = "Tin, bài sơ sài"
    title_en = "Thin posts"
    clause = "CV 2023 BHXH-TT, đoạn mở đầu ('nội dung, hình thức tin, bài còn sơ sài'); mục 1.4"

    class Params(Params):
        min_words: int = 150
        window_days: int = 90
        fail_share: float = 0.20
        min_posts: int = 3

    def check(
        self, snap: Snapshot, history: History, ctx: RunContext, params: Params
    ) -> list[Finding]:
        judged = read_posts_in_window(snap, history, ctx.as_of, params.window_days)
        if len(judged) < params.min_posts:
            return [
                self.unknown(
                    f"chỉ đọc được {len(judged)} tin, bài đăng trong {params.window_days} ngày qua "
                    f"(cần ít nhất {params.min_posts}) nên chưa đánh giá được độ sơ sài.",
                    f"only {len(judged)} posts of the last {params.window_days} days were read "
                    f"(at least {params.min_posts} needed).",
                )
            ]

        thin: dict[str, list[str]] = {}
        for p in judged:
            art = p.article
            assert art is not None
            words = body_words(art)
            reasons: list[str] = []
            if words == 0 and not art.body_text.strip():
                reasons.append(TITLE_ONLY)
            elif words < params.min_words:
                reasons.append(FEW_WORDS)
            if not art.images:
                reasons.append(NO_IMAGE)
            if reasons:
                thin[p.url] = reasons

        share = len(thin) / len(judged)
        counts = {
            r: sum(r in rs for rs in thin.values()) for r in (FEW_WORDS, NO_IMAGE, TITLE_ONLY)
        }
        value = {
            "judged": len(judged),
            "thin": len(thin),
            "share": round(share, 4),
            "reasons": counts,
            "thin_urls": thin,
            "min_words": params.min_words,
        }
        if not thin:
            return [
                self.finding(
                    "pass",
                    f"Cả {len(judged)} tin, bài đăng trong {params.window_days} ngày qua đều có nội dung "
                    f"đầy đủ (từ {params.min_words} chữ, có ảnh).",
                    f"All {len(judged)} posts of the last {params.window_days} days have a full body "
                    f"({params.min_words}+ words, an image).",
                    [],
                    value,
                )
            ]
        status = "warn" if share <= params.fail_share else "fail"
        detail = "; ".join(f"{n} tin {r}" for r, n in counts.items() if n)
        return [
            self.finding(
                status,
                f"{len(thin)}/{len(judged)} tin, bài ({share:.0%}) đăng trong {params.window_days} ngày qua "
                f"còn sơ sài ({detail}). Cần bổ sung nội dung (từ {params.min_words} chữ) và ảnh minh họa.",
                f"{len(thin)}/{len(judged)} posts ({share:.0%}) of the last {params.window_days} days are thin "
                f"(fewer than {params.min_words} words, no image, or title only).",
                list(thin),
                value,
            )
        ]
