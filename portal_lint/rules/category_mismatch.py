"""Posts filed under the wrong category (category-mismatch).

**What it checks**
Every post published in the last `window_days` days (up to the audit date, inclusive)
whose page was opened and has a body is read by a Vietnamese topic classifier trained
offline on a shipped corpus of portal-style articles (`portal_lint/classify`). The site's
category (chuyên mục) is mapped to the canonical taxonomy (`rules/taxonomy.yaml`: Tin hoạt
động, Chính sách BHXH, Chính sách BHYT, Bảo hiểm thất nghiệp, Chuyển đổi số, Gương điển hình,
Hỏi đáp) through the site config's `category_map`, else by the folded name and the
taxonomy's aliases ("Bảo hiểm y tế", "Lĩnh vực BHYT" -> Chính sách BHYT). Labels that map to
nothing ("Tin tức", "Thông báo") are not guessed: they are listed once in the finding.

A post is counted as misfiled by *confident learning* (`classify/mislabel.py`), not by a
bare "the model predicts something else": out-of-fold probabilities from models trained on
the shipped corpus plus the site's other posts (the correctly filed majority teaches the
model the portal's own wording), per-category thresholds from the site's own posts, a
calibrated probability of at least `min_confidence` for the other category and a lead of
`min_margin` over the filed one. A post whose title names the category it is filed under
("… quyền lợi BHYT" under "Lĩnh vực BHYT"; `title_terms` in taxonomy.yaml) is not counted:
the filing is defensible and a false accusation is worse than a miss; it is listed under
`spared_by_title`. General news the model does not recognise ("khác") is
never counted. The share of misfiled posts decides: up to `allowed_noise_share` (the
classifier's own error) pass, up to `fail_share` warn, above fail. Each misfiled post is
listed with its URL, the site's label, the canonical category it is filed under, the
predicted category, the confidence and the words that drove the prediction.

**Why**
CV 2023 BHXH-TT "V/v triển khai công tác truyền thông trên Cổng TTĐT BHXH địa phương",
opening paragraph: the faults found include "bài viết trong các chuyên mục chưa theo đúng
chủ đề; vẫn còn tình trạng phân loại sai chuyên mục"; item 1.4: "Thực hiện công tác đăng
tải tin, bài đúng quy chuẩn về nội dung, hình thức".

**Example**
Pass: 40 posts in 90 days, each under the category its content belongs to.
Fail: 6/40 posts (15%) misfiled, e.g. an article explaining co-payment rules for the
health-insurance card ("Đồng chi trả 20% chi phí KCB BHYT…") filed under "Gương điển hình":
the finding lists its URL, says to move it to "Chính sách BHYT" and shows the words
("KCB", "BHYT", "đồng chi trả") that drove the prediction.

**Parameters**
`window_days` (90) days before the audit date that are examined; `min_confidence` (0.75)
calibrated probability the classifier needs before it accuses a post; `min_margin` (0.3)
lead it needs over the filed category's probability; `folds` (2) out-of-fold splits of the
site's posts; `allowed_noise_share` (0.02) and `warn_share` (0.0) shares that still pass
(the larger applies); `fail_share` (0.10) share above which the rule fails; `min_posts` (5)
judgeable posts needed for a verdict; `category_map` (from the site config) site category
label -> taxonomy slug ("" or "none" = do not judge; several slugs comma-separated).
"""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pydantic import Field

from portal_lint.classify.labels import (
    LABELS_EN,
    LABELS_VI,
    aliases_from_taxonomy,
    slugs_for_article,
    title_names_category,
    title_terms_from_taxonomy,
)
from portal_lint.classify.mislabel import (
    DEFAULT_FOLDS,
    DEFAULT_MIN_CONFIDENCE,
    Suspect,
    find_suspects,
)
from portal_lint.classify.model import CategoryClassifier, feature_cache
from portal_lint.rules.base import Params, Rule, register
from portal_lint.snapshot import Article, Finding, History, RunContext, Snapshot

MAX_EXAMPLES_IN_MESSAGE = 3
MAX_EVIDENCE_IN_MESSAGE = 4


def _pct_vi(share: float) -> str:
    """7.5 -> "7,5%" (Vietnamese decimal comma), 10.0 -> "10%"."""
    text = f"{100 * share:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + "%"


def _pct_en(share: float) -> str:
    return f"{100 * share:.1f}".rstrip("0").rstrip(".") + "%"


@functools.lru_cache(maxsize=1)
def _shared_feature_cache() -> Any:
    # One SQLite feature cache per process: a re-audit does not recompute old articles.
    return feature_cache()


def _unmapped_vi(unmapped: Counter[str]) -> str:
    if not unmapped:
        return ""
    names = ", ".join(f"«{k}» ({v} bài)" for k, v in unmapped.most_common())
    return (
        ". Chuyên mục không đối chiếu được với danh mục chuẩn (không xét; khai báo "
        f"category_map trong sites.yaml nếu cần xét): {names}"
    )


def _unmapped_en(unmapped: Counter[str]) -> str:
    if not unmapped:
        return ""
    names = ", ".join(f"'{k}' ({v} posts)" for k, v in unmapped.most_common())
    return (
        ". Labels that map to no canonical category (not judged; add a category_map entry "
        f"in sites.yaml to judge them): {names}"
    )


@dataclass(frozen=True)
class _Misfiled:
    article: Article
    site_label: str
    suspect: Suspect


@register
class CategoryMismatch(Rule):
    __doc__ = __doc__

    id = "category-mismatch"
    title_vi = "Bài viết đăng sai chuyên mục"
    title_en = "Posts filed under the wrong category"
    clause = "CV 2023 BHXH-TT Cổng TTĐT BHXH địa phương, đoạn mở đầu và mục 1.4"

    class Params(Params):
        window_days: int = 90
        min_confidence: float = DEFAULT_MIN_CONFIDENCE
        min_margin: float = 0.3
        folds: int = DEFAULT_FOLDS
        warn_share: float = 0.0
        fail_share: float = 0.10
        allowed_noise_share: float = 0.02
        min_posts: int = 5
        category_map: dict[str, str] = Field(default_factory=dict)
        taxonomy: dict[str, Any] = Field(default_factory=dict)

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

        aliases = aliases_from_taxonomy(p.taxonomy)
        with_body = [a for a in in_window if a.fetched and a.body_text.strip()]
        candidates: list[tuple[Article, frozenset[str], str]] = []
        unmapped: Counter[str] = Counter()
        for a in with_body:
            slugs, label = slugs_for_article(
                a.category_label, a.breadcrumb, p.category_map, title=a.title, aliases=aliases
            )
            if slugs and label:
                candidates.append((a, slugs, label))
            else:
                unmapped[(a.category_label or "").strip() or "(không có chuyên mục)"] += 1

        if len(candidates) < p.min_posts:
            return [
                self.unknown(
                    f"chỉ có {len(candidates)} bài trong {p.window_days} ngày qua vừa có nội dung vừa "
                    f"thuộc chuyên mục đối chiếu được (cần tối thiểu {p.min_posts}); "
                    f"{len(in_window)} bài trong kỳ, {len(in_window) - len(with_body)} bài không đọc được "
                    f"nội dung, {sum(unmapped.values())} bài thuộc chuyên mục không đối chiếu được"
                    f"{_unmapped_vi(unmapped)}",
                    f"only {len(candidates)} posts in the last {p.window_days} days have a body and a "
                    f"category that maps to the taxonomy (need {p.min_posts}); {len(in_window)} in the "
                    f"window, {len(in_window) - len(with_body)} without a body, "
                    f"{sum(unmapped.values())} under categories that map to none{_unmapped_en(unmapped)}",
                    value={"unmapped_labels": dict(unmapped)},
                )
            ]

        clf = CategoryClassifier.default()
        texts = [
            clf.prepare(a.title, "\n".join(x for x in (a.sapo or "", a.body_text) if x))
            for a, _, _ in candidates
        ]
        cache = _shared_feature_cache()
        X = clf.features(texts, cache)
        # The headline and lead read alone: averaged with the whole post (mislabel.py).
        views = [
            clf.features([clf.prepare(a.title, a.sapo or "") for a, _, _ in candidates], cache)
        ]
        suspects = find_suspects(
            clf,
            texts,
            X,
            [s for _, s, _ in candidates],
            views=views,
            min_confidence=p.min_confidence,
            min_margin=p.min_margin,
            folds=p.folds,
        )
        terms = title_terms_from_taxonomy(p.taxonomy)
        misfiled, spared = [], []
        for s in suspects:
            a, slugs, label = candidates[s.index]
            # The title names the category it is filed under: the filing is defensible.
            (spared if title_names_category(a.title, slugs, terms) else misfiled).append(
                _Misfiled(a, label, s)
            )
        return [self._verdict(len(candidates), misfiled, unmapped, p, spared)]

    def _verdict(
        self,
        n: int,
        misfiled: list[_Misfiled],
        unmapped: Counter[str],
        p: CategoryMismatch.Params,
        spared: list[_Misfiled] | None = None,
    ) -> Finding:
        m = len(misfiled)
        share = m / n
        misfiled = sorted(misfiled, key=lambda x: -x.suspect.confidence)
        value = {
            "judged": n,
            "share": round(share, 4),
            "misfiled": [
                {
                    "url": x.article.url,
                    "title": x.article.title,
                    "site_label": x.site_label,
                    "filed_under": x.suspect.filed,
                    "predicted": x.suspect.predicted,
                    "confidence": round(x.suspect.confidence, 3),
                    "filed_probability": round(x.suspect.filed_probability, 3),
                    "evidence": list(x.suspect.evidence),
                }
                for x in misfiled
            ],
            "unmapped_labels": dict(unmapped),
            # Read as another topic, but the title names the filed category: not counted.
            "spared_by_title": [
                {
                    "url": x.article.url,
                    "title": x.article.title,
                    "filed_under": x.suspect.filed,
                    "predicted": x.suspect.predicted,
                    "confidence": round(x.suspect.confidence, 3),
                }
                for x in spared or []
            ],
        }
        evidence = [x.article.url for x in misfiled]
        tail_vi, tail_en = _unmapped_vi(unmapped), _unmapped_en(unmapped)
        head_vi = f"{m}/{n} bài ({_pct_vi(share)}) trong {p.window_days} ngày qua"
        head_en = f"{m}/{n} posts ({_pct_en(share)}) in the last {p.window_days} days"
        if m == 0:
            return self.finding(
                "pass",
                f"{n} bài trong {p.window_days} ngày qua có nội dung khớp với chuyên mục đang đăng"
                f"{tail_vi}.",
                f"All {n} posts in the last {p.window_days} days match the category they are "
                f"filed under{tail_en}.",
                value=value,
            )
        moves_vi = "; ".join(_move_vi(x) for x in misfiled[:MAX_EXAMPLES_IN_MESSAGE])
        moves_en = "; ".join(_move_en(x) for x in misfiled[:MAX_EXAMPLES_IN_MESSAGE])
        extra = m - MAX_EXAMPLES_IN_MESSAGE
        more_vi = f" (và {extra} bài khác)" if extra > 0 else ""
        more_en = f" (and {extra} more)" if extra > 0 else ""
        tolerated = max(p.allowed_noise_share, p.warn_share)
        if share <= tolerated:
            return self.finding(
                "pass",
                f"{head_vi} có thể đăng chưa đúng chuyên mục, trong mức sai số cho phép "
                f"({_pct_vi(tolerated)}). Nên xem lại: {moves_vi}{more_vi}{tail_vi}.",
                f"{head_en} may be misfiled, within the tolerated error "
                f"({_pct_en(tolerated)}). Worth a look: {moves_en}{more_en}{tail_en}.",
                evidence,
                value,
            )
        status = "warn" if share <= p.fail_share else "fail"
        return self.finding(
            status,
            f"{head_vi} có nội dung không khớp chuyên mục đang đăng (ngưỡng không đạt: trên "
            f"{_pct_vi(p.fail_share)}). Đề nghị ban biên tập chuyển chuyên mục: "
            f"{moves_vi}{more_vi}{tail_vi}.",
            f"{head_en} do not match the category they are filed under (fail above "
            f"{_pct_en(p.fail_share)}). Editors should re-file: {moves_en}{more_en}{tail_en}.",
            evidence,
            value,
        )


def _move_vi(x: _Misfiled) -> str:
    s = x.suspect
    words = ", ".join(s.evidence[:MAX_EVIDENCE_IN_MESSAGE])
    why = f"; từ khóa: {words}" if words else ""
    return (
        f"«{x.article.title}» ({x.article.url}): chuyển từ «{x.site_label}» sang "
        f"«{LABELS_VI[s.predicted]}» (độ tin cậy {_pct_vi(s.confidence)}{why})"
    )


def _move_en(x: _Misfiled) -> str:
    s = x.suspect
    words = ", ".join(s.evidence[:MAX_EVIDENCE_IN_MESSAGE])
    why = f"; words: {words}" if words else ""
    return (
        f"'{x.article.title}' ({x.article.url}): move from '{x.site_label}' to "
        f"'{LABELS_EN[s.predicted]}' (confidence {_pct_en(s.confidence)}{why})"
    )
