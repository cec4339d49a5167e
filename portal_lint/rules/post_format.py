"""Recent posts follow the posting standard: title, sapo, body, date, author/source, captions.

**What it checks** Every post published in the last `window_days` whose own page was read
this run. Each needs a title ("tiêu đề"), a sapo / lead ("sapo"), a body ("nội dung"), a
publication date shown on the page ("ngày đăng": a date taken only from a listing, feed,
sitemap or the URL does not count), an author or a source line ("tác giả/nguồn"), and a
caption under every image ("chú thích ảnh"). No post missing anything passes; a share of
non-standard posts up to `fail_share` warns; more fails. Fewer than `min_posts` judgeable
posts gives *unknown*.

**Why** CV 2023 BHXH-TT, mục 1.4: "Thực hiện công tác đăng tải tin, bài đúng quy chuẩn về
nội dung, hình thức"; opening paragraph: "Thực hiện đăng tải tin, bài chưa đúng quy chuẩn".

**Example** pass: every post has a bold lead, the author's name and captioned photos.
fail: most posts have no sapo and no author.

**Parameters** window_days (90): how far back posts are judged; fail_share (0.20): share of
non-standard posts above which the rule fails; min_posts (3): judgeable posts needed.
"""

from __future__ import annotations

from portal_lint.rules.base import Params, Rule, register
from portal_lint.snapshot import Article, Finding, History, RunContext, Snapshot
from portal_lint.stats import read_posts_in_window

TITLE = "tiêu đề"
SAPO = "sapo"
BODY = "nội dung"
DATE = "ngày đăng"
AUTHOR = "tác giả/nguồn"
CAPTION = "chú thích ảnh"
ELEMENTS = (TITLE, SAPO, BODY, DATE, AUTHOR, CAPTION)

# Date sources that come from outside the article page itself.
_OFF_PAGE_DATE = {"listing", "feed", "sitemap", "url"}


def missing_elements(art: Article) -> list[str]:
    """Vietnamese names of the standard elements this article lacks."""
    missing = []
    if not (art.title or "").strip():
        missing.append(TITLE)
    if not (art.sapo or "").strip():
        missing.append(SAPO)
    if not art.body_text.strip() and art.word_count == 0:
        missing.append(BODY)
    if art.published is None or (art.date_source or "") in _OFF_PAGE_DATE:
        missing.append(DATE)
    if not (art.author or "").strip() and not (art.source_line or "").strip():
        missing.append(AUTHOR)
    if any(not (img.caption or "").strip() for img in art.images):
        missing.append(CAPTION)
    return missing


@register
class PostFormat(Rule):
    id = "post-format"
    title_vi = "Tin, bài đúng quy chuẩn hình thức"
    title_en = "Post format standard"
    clause = "CV 2023 BHXH-TT, mục 1.4; đoạn mở đầu ('đăng tải tin, bài chưa đúng quy chuẩn')"

    class Params(Params):
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
                    f"(cần ít nhất {params.min_posts}) nên chưa đánh giá được quy chuẩn hình thức.",
                    f"only {len(judged)} posts of the last {params.window_days} days were read "
                    f"(at least {params.min_posts} needed).",
                )
            ]

        bad: dict[str, list[str]] = {}
        for p in judged:
            assert p.article is not None
            miss = missing_elements(p.article)
            if miss:
                bad[p.url] = miss
        share = len(bad) / len(judged)
        counts = {e: sum(e in m for m in bad.values()) for e in ELEMENTS}
        value = {
            "judged": len(judged),
            "nonstandard": len(bad),
            "share": round(share, 4),
            "missing_counts": counts,
            "missing": bad,
        }
        if not bad:
            return [
                self.finding(
                    "pass",
                    f"Cả {len(judged)} tin, bài đăng trong {params.window_days} ngày qua đều đủ tiêu đề, sapo, "
                    "nội dung, ngày đăng, tác giả/nguồn và chú thích ảnh.",
                    f"All {len(judged)} posts of the last {params.window_days} days have title, lead, body, "
                    "date, author/source and image captions.",
                    [],
                    value,
                )
            ]
        status = "warn" if share <= params.fail_share else "fail"
        detail = ", ".join(f"thiếu {e}: {n}" for e, n in counts.items() if n)
        return [
            self.finding(
                status,
                f"{len(bad)}/{len(judged)} tin, bài ({share:.0%}) đăng trong {params.window_days} ngày qua chưa "
                f"đúng quy chuẩn ({detail}). Cần bổ sung các thành phần còn thiếu.",
                f"{len(bad)}/{len(judged)} posts ({share:.0%}) of the last {params.window_days} days miss "
                "standard elements (title, lead, body, date, author/source, captions).",
                list(bad),
                value,
            )
        ]
