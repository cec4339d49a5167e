"""The portal's article search finds an article that is published on it.

**What it checks** The crawler submits the site's own search form (found on the fetched pages,
by structure: a text input in a form or a form-less search box) with the title of an article it
saw on the site, and records whether that article's URL came back (`snap.search_probes["articles"]`).
Pass when it did; fail when the portal has no search at all, when the search page answers with a
server error (HTTP 5xx), or when the known article is not among the results. Unknown when the
probe could not be run or judged (no article to search for, result page not fetched, home page
not fetched, or a nonsense control query "found" the article too, so the page ignores the query).

**Why** CV 2023 (Cổng TTĐT BHXH tỉnh), mục 1.3: "Bổ sung chức năng tìm kiếm tin, bài, tìm kiếm
văn bản"; its opening paragraph lists among the faults "chưa có chức năng hỗ trợ người đọc tìm
kiếm bài viết, tìm kiếm văn bản". Mục 2.2 repeats it ("bổ sung tính năng tìm kiếm tin, bài").

**Example** pass: searching "Mở rộng quyền lợi BHYT khi khám ngoại trú…" returns that article.
fail: the home page has no search box, or the search page returns HTTP 500, or the article is
not in the results.

**Parameters** none.
"""

from __future__ import annotations

from typing import Any

from portal_lint.rules.base import Rule, register
from portal_lint.snapshot import Finding, SearchProbe, Snapshot

# What the thing searched for is called, per probe kind (Vietnamese, English).
_NOUN: dict[str, tuple[str, str]] = {
    "articles": ("bài viết", "article"),
    "documents": ("văn bản", "document"),
}
_FEATURE: dict[str, tuple[str, str]] = {
    "articles": ("tìm kiếm tin, bài", "article search"),
    "documents": ("tìm kiếm văn bản", "document search"),
}
_HOW_TO_FIX: dict[str, str] = {
    "articles": (
        "Bổ sung chức năng tìm kiếm tin, bài trên Cổng (ô tìm kiếm ở trang chủ, trả về danh sách "
        "bài viết có tiêu đề hoặc nội dung phù hợp)."
    ),
    "documents": (
        "Bổ sung chức năng tìm kiếm văn bản trên Cổng (tìm theo số, ký hiệu hoặc trích yếu, trả về "
        "văn bản phù hợp)."
    ),
}


def _probe_value(probe: SearchProbe) -> dict[str, Any]:
    form = probe.form
    return {
        "kind": probe.kind,
        "query": probe.query,
        "expected_url": probe.expected_url,
        "result_url": probe.result_url,
        "result_status": probe.result_status,
        "result_count": probe.result_count,
        "matched": probe.matched,
        "reason": probe.reason,
        "form_page": form.page_url if form else None,
        "form_action": form.action if form else None,
        "form_method": form.method if form else None,
        "how_found": form.how_found if form else None,
    }


def _unknown_reason(kind: str, reason: str) -> tuple[str, str]:
    """Vietnamese and English text for a probe that could not be judged."""
    noun_vi, noun_en = _NOUN.get(kind, _NOUN["articles"])
    r = (reason or "").strip()
    low = r.lower()
    if low.startswith("no-") and low.endswith("-to-search-for"):
        return (
            f"không có {noun_vi} nào đã biết trên Cổng để thử chức năng tìm kiếm",
            f"no known {noun_en} on the site to search for",
        )
    if low.startswith("fetch-failed"):
        detail = r.split(":", 1)[1].strip() if ":" in r else ""
        suffix = f" ({detail})" if detail else ""
        return (
            f"không tải được trang kết quả tìm kiếm{suffix}",
            f"the search result page could not be fetched{suffix}",
        )
    if low.startswith("control-matched"):
        return (
            f"trang kết quả tìm kiếm liệt kê {noun_vi} cần tìm cả khi tìm một chuỗi ký tự vô nghĩa, "
            "tức là trang không phụ thuộc vào từ khóa nhập vào; chưa kết luận được chức năng tìm "
            "kiếm có hoạt động hay không",
            f"the result page listed the expected {noun_en} even for a nonsense query, so it does "
            "not depend on the query; whether the search works could not be established",
        )
    if low == "no-search-form":
        # Reached only when the home page itself was not usable (handled by the caller).
        return (
            "chưa xem được các trang của Cổng để tìm ô tìm kiếm",
            "pages could not be inspected",
        )
    detail = f" ({r})" if r else ""
    return (
        f"phép thử chức năng tìm kiếm không cho kết quả kết luận được{detail}",
        f"the search probe gave no conclusive result{detail}",
    )


def judge_search(rule: Rule, snap: Snapshot, kind: str) -> Finding:
    """Shared verdict for the article and document search rules (same semantics, other noun)."""
    noun_vi, noun_en = _NOUN[kind]
    feat_vi, feat_en = _FEATURE[kind]
    if not snap.home_ok:
        return rule.unknown(
            "không tải được trang chủ nên chưa kiểm tra được chức năng tìm kiếm",
            "the home page could not be fetched, so search was not checked",
            [snap.home_url or snap.base_url],
        )
    probe = snap.search_probes.get(kind)
    if probe is None:
        return rule.unknown(
            f"chưa chạy được phép thử {feat_vi}",
            f"the {feat_en} probe was not run",
            [snap.home_url or snap.base_url],
        )

    value = _probe_value(probe)
    form_page = probe.form.page_url if probe.form else None
    evidence = [form_page, probe.result_url, probe.expected_url]
    query = (probe.query or "").strip()
    status = probe.result_status

    if probe.matched is True:
        count = f" ({probe.result_count} kết quả)" if probe.result_count is not None else ""
        return rule.finding(
            "pass",
            f"Chức năng {feat_vi} hoạt động: tìm '{query}' trả về đúng {noun_vi} cần tìm{count}.",
            f"The {feat_en} works: searching '{query}' returned the expected {noun_en}.",
            evidence,
            value,
        )
    if probe.form is None and probe.reason.strip().lower().startswith("no-search-form"):
        return rule.finding(
            "fail",
            f"Cổng chưa có chức năng {feat_vi}: không tìm thấy ô tìm kiếm trên các trang đã "
            f"kiểm tra. {_HOW_TO_FIX[kind]}",
            f"The site has no {feat_en}: no search box on the pages inspected. Add one.",
            [snap.home_url or snap.base_url],
            value,
        )
    if status is not None and status >= 500:
        return rule.finding(
            "fail",
            f"Trang kết quả tìm kiếm báo lỗi máy chủ (HTTP {status}) khi tìm '{query}'. "
            f"Sửa lỗi chức năng {feat_vi} để người đọc tìm được {noun_vi}.",
            f"The search result page returned a server error (HTTP {status}) for '{query}'. "
            f"Fix the {feat_en}.",
            evidence,
            value,
        )
    if probe.matched is False and status is not None and status >= 400:
        return rule.finding(
            "fail",
            f"Trang kết quả tìm kiếm báo lỗi HTTP {status} khi tìm '{query}'. "
            f"Sửa lỗi chức năng {feat_vi} để người đọc tìm được {noun_vi}.",
            f"The search result page returned HTTP {status} for '{query}'. Fix the {feat_en}.",
            evidence,
            value,
        )
    if probe.matched is False and (query or probe.form is not None):
        count = (
            f" (trang kết quả có {probe.result_count} kết quả nhưng không có {noun_vi} này)"
            if probe.result_count
            else ""
        )
        return rule.finding(
            "fail",
            f"Tìm cụm từ '{query}' nhưng chức năng tìm kiếm không trả về {noun_vi} chứa cụm từ này "
            f"dù {noun_vi} đang đăng trên Cổng ({probe.expected_url}){count}. "
            f"Kiểm tra lại chức năng {feat_vi}.",
            f"Searching for '{query}' did not return the {noun_en} containing it although it is "
            f"published on the site ({probe.expected_url}). Check the {feat_en}.",
            evidence,
            value,
        )
    vi, en = _unknown_reason(kind, probe.reason)
    found = rule.unknown(vi, en, evidence)
    found.value = value
    return found


@register
class SearchArticles(Rule):
    id = "search-articles"
    title_vi = "Chức năng tìm kiếm tin, bài"
    title_en = "Article search works"
    clause = (
        'CV 2023 BHXH-TT (Cổng TTĐT BHXH tỉnh), mục 1.3 ("Bổ sung chức năng tìm kiếm tin, bài") '
        'và đoạn mở đầu ("chưa có chức năng hỗ trợ người đọc tìm kiếm bài viết")'
    )

    def check(self, snap, history, ctx, params) -> list[Finding]:  # type: ignore[no-untyped-def]
        return [judge_search(self, snap, "articles")]
