"""Posts filed under the wrong category (category-mismatch).

**What it checks**
Every post published in the last `window_days` days (up to the audit date, inclusive)
whose page was opened and has a body is read by a topic classifier trained on portal-style
Vietnamese text. The site's category (chuyên mục) is mapped to the canonical taxonomy
(Tin hoạt động, Chính sách BHXH, Chính sách BHYT, Bảo hiểm thất nghiệp, Chuyển đổi số,
Gương điển hình, Hỏi đáp) through the site config's `category_map`, else by the folded
name ("Bảo hiểm y tế", "Lĩnh vực BHYT" -> Chính sách BHYT). Posts under generic categories
("Tin tức", "Tin tổng hợp", "Thông báo") are not judged. A post counts as misfiled only
when the classifier is confident (probability >= `min_confidence`) that it belongs to
another category, by a clear margin (`min_margin`) over the category it is filed under;
general news the classifier does not recognise is never counted. The share of misfiled
posts decides: up to `allowed_noise_share` (the classifier's own error) pass, up to
`fail_share` warn, above fail.

**Why**
CV 2023 BHXH-TT "V/v triển khai công tác truyền thông trên Cổng TTĐT BHXH địa phương",
opening paragraph: the faults found include "bài viết trong các chuyên mục chưa theo đúng
chủ đề; vẫn còn tình trạng phân loại sai chuyên mục"; item 1.4: "Thực hiện công tác đăng
tải tin, bài đúng quy chuẩn về nội dung, hình thức".

**Example**
Pass: 40 posts in 90 days, each under the category its content belongs to.
Fail: 6/40 posts (15%) misfiled, e.g. an article explaining co-payment rules for the
health-insurance card ("Đồng chi trả 20% chi phí KCB BHYT…") filed under "Gương điển hình":
the finding lists its URL and says to move it to "Chính sách BHYT".

**Parameters**
`window_days` (90) days before the audit date that are examined; `min_confidence` (0.6)
calibrated probability the classifier needs before it accuses a post; `min_margin` (0.3)
lead it needs over the filed category's probability; `allowed_noise_share` (0.02) and
`warn_share` (0.0) shares that still pass (the larger of the two applies; warn_share is a
policy tolerance on top of classifier noise); `fail_share` (0.10) share above which the
rule fails; `min_posts` (5) judgeable posts needed for a verdict; `category_map` (from the
site config) site category label -> taxonomy slug ("" or "none" = do not judge; several
slugs may be given comma-separated).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pydantic import Field

from portal_lint.classify.labels import LABELS_EN, LABELS_VI, slugs_for_article
from portal_lint.classify.model import OTHER, CategoryClassifier, Prediction
from portal_lint.rules.base import Params, Rule, register
from portal_lint.snapshot import Article, Finding, History, RunContext, Snapshot

MAX_EXAMPLES_IN_MESSAGE = 3


def _pct_vi(share: float) -> str:
    """7.5 -> "7,5%" (Vietnamese decimal comma), 10.0 -> "10%"."""
    text = f"{100 * share:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def _pct_en(share: float) -> str:
    return f"{100 * share:.1f}".rstrip("0").rstrip(".") + "%"


@dataclass(frozen=True)
class _Judged:
    article: Article
    filed: frozenset[str]
    filed_label: str
    pred: Prediction


@register
class CategoryMismatch(Rule):
    __doc__ = __doc__

    id = "category-mismatch"
    title_vi = "Bài viết đăng sai chuyên mục"
    title_en = "Posts filed under the wrong category"
    clause = "CV 2023 BHXH-TT Cổng TTĐT BHXH địa phương, đoạn mở đầu và mục 1.4"

    class Params(Params):
        window_days: int = 90
        min_confidence: float = 0.6
        min_margin: float = 0.3
        warn_share: float = 0.0
        fail_share: float = 0.10
        allowed_noise_share: float = 0.02
        min_posts: int = 5
        category_map: dict[str, str] = Field(default_factory=dict)

    def check(
        self, snap: Snapshot, history: History, ctx: RunContext, params: Any
    ) -> list[Finding]:
        p: CategoryMismatch.Params = params if params is not None else self.Params()
        if not snap.articles:
            failed = [r.url for r in snap.failed_fetches()]
            if not snap.home_ok:
                return [
                    self.unknown(
                        "không tải được cổng thông tin nên không có bài viết để đối chiếu chuyên mục",
                        "the portal could not be fetched, so there are no posts to check",
                        failed,
                    )
                ]
            return [
                self.unknown(
                    "không tìm thấy bài viết nào trên cổng để đối chiếu chuyên mục",
                    "no posts were found on the portal",
                    failed,
                )
            ]

        start = ctx.as_of - timedelta(days=p.window_days)
        in_window: list[Article] = []
        seen: set[str] = set()
        for a in snap.articles:
            if a.url in seen or a.published is None:
                continue
            if start <= a.published.date() <= ctx.as_of:
                seen.add(a.url)
                in_window.append(a)

        with_body = [a for a in in_window if a.fetched and a.body_text.strip()]
        candidates: list[tuple[Article, frozenset[str], str]] = []
        for a in with_body:
            slugs, label = slugs_for_article(
                a.category_label, a.breadcrumb, p.category_map, title=a.title
            )
            if slugs and label:
                candidates.append((a, slugs, label))
        unmapped = len(with_body) - len(candidates)

        if len(candidates) < p.min_posts:
            return [
                self.unknown(
                    f"chỉ có {len(candidates)} bài trong {p.window_days} ngày qua vừa có nội dung vừa "
                    f"thuộc chuyên mục đối chiếu được (cần tối thiểu {p.min_posts}); "
                    f"{len(in_window)} bài trong kỳ, {len(in_window) - len(with_body)} bài không đọc được "
                    f"nội dung, {unmapped} bài thuộc chuyên mục chung không xét",
                    f"only {len(candidates)} posts in the last {p.window_days} days have a body and a "
                    f"category that maps to the taxonomy (need {p.min_posts}); {len(in_window)} in the "
                    f"window, {len(in_window) - len(with_body)} without a body, {unmapped} under "
                    "generic categories",
                )
            ]

        clf = CategoryClassifier.default()
        preds = clf.predict_many(
            (a.title, "\n".join(x for x in (a.sapo or "", a.body_text) if x))
            for a, _, _ in candidates
        )
        judged = [_Judged(a, s, lab, pr) for (a, s, lab), pr in zip(candidates, preds)]
        misfiled = [j for j in judged if self._is_misfiled(j, p)]
        return [self._verdict(judged, misfiled, p)]

    @staticmethod
    def _is_misfiled(j: _Judged, p: CategoryMismatch.Params) -> bool:
        pred = j.pred
        if pred.label == OTHER or pred.label in j.filed or pred.confidence < p.min_confidence:
            return False
        filed_score = max(pred.scores.get(s, 0.0) for s in j.filed)
        return pred.confidence - filed_score >= p.min_margin

    @staticmethod
    def _filed_slug(j: _Judged) -> str:
        # For labels standing for several slugs, report the closest one.
        return max(sorted(j.filed), key=lambda s: j.pred.scores.get(s, 0.0))

    def _verdict(
        self, judged: list[_Judged], misfiled: list[_Judged], p: CategoryMismatch.Params
    ) -> Finding:
        n, m = len(judged), len(misfiled)
        share = m / n
        misfiled = sorted(misfiled, key=lambda j: -j.pred.confidence)
        value = {
            "judged": n,
            "share": round(share, 4),
            "misfiled": [
                {
                    "url": j.article.url,
                    "filed_under": self._filed_slug(j),
                    "site_label": j.filed_label,
                    "predicted": j.pred.label,
                    "confidence": round(j.pred.confidence, 3),
                }
                for j in misfiled
            ],
        }
        evidence = [j.article.url for j in misfiled]
        head_vi = f"{m}/{n} bài ({_pct_vi(share)}) trong {p.window_days} ngày qua"
        head_en = f"{m}/{n} posts ({_pct_en(share)}) in the last {p.window_days} days"
        if m == 0:
            return self.finding(
                "pass",
                f"{n} bài trong {p.window_days} ngày qua có nội dung khớp với chuyên mục đang đăng.",
                f"All {n} posts in the last {p.window_days} days match the category they are filed under.",
                value=value,
            )
        moves_vi = "; ".join(
            f"«{j.article.title}» ({j.article.url}): chuyển từ «{j.filed_label}» sang "
            f"«{LABELS_VI[j.pred.label]}»"
            for j in misfiled[:MAX_EXAMPLES_IN_MESSAGE]
        )
        moves_en = "; ".join(
            f"'{j.article.title}' ({j.article.url}): move from '{j.filed_label}' to "
            f"'{LABELS_EN[j.pred.label]}'"
            for j in misfiled[:MAX_EXAMPLES_IN_MESSAGE]
        )
        more_vi = (
            f" (và {m - MAX_EXAMPLES_IN_MESSAGE} bài khác)" if m > MAX_EXAMPLES_IN_MESSAGE else ""
        )
        more_en = (
            f" (and {m - MAX_EXAMPLES_IN_MESSAGE} more)" if m > MAX_EXAMPLES_IN_MESSAGE else ""
        )
        if share <= max(p.allowed_noise_share, p.warn_share):
            return self.finding(
                "pass",
                f"{head_vi} có thể đăng chưa đúng chuyên mục, trong mức sai số cho phép "
                f"({_pct_vi(max(p.allowed_noise_share, p.warn_share))}). Nên xem lại: {moves_vi}{more_vi}.",
                f"{head_en} may be misfiled, within the tolerated error "
                f"({_pct_en(max(p.allowed_noise_share, p.warn_share))}). Worth a look: {moves_en}{more_en}.",
                evidence,
                value,
            )
        status = "warn" if share <= p.fail_share else "fail"
        return self.finding(
            status,
            f"{head_vi} có nội dung không khớp chuyên mục đang đăng (ngưỡng không đạt: trên "
            f"{_pct_vi(p.fail_share)}). Đề nghị ban biên tập chuyển chuyên mục: {moves_vi}{more_vi}.",
            f"{head_en} do not match the category they are filed under (fail above "
            f"{_pct_en(p.fail_share)}). Editors should re-file: {moves_en}{more_en}.",
            evidence,
            value,
        )
