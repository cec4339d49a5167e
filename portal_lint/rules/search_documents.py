"""The portal's document search finds a legal document (văn bản) listed on it.

**What it checks** The crawler submits the site's document search (or its general search when
that is the only one) with the number or summary of a văn bản it saw listed on the site, and
records whether that document's URL came back (`snap.search_probes["documents"]`). Pass when it
did; fail when the portal has no search at all, when the search page answers with a server error
(HTTP 5xx), or when the known document is not among the results. Unknown when the probe could not
be run or judged (no document known on the site, result page not fetched, home page not fetched).

**Why** CV 2023 (Cổng TTĐT BHXH tỉnh), mục 1.3: "Bổ sung chức năng tìm kiếm tin, bài, tìm kiếm
văn bản"; its opening paragraph lists among the faults "chưa có chức năng hỗ trợ người đọc tìm
kiếm bài viết, tìm kiếm văn bản". Mục 2.2 repeats it ("tìm kiếm văn bản").

**Example** pass: searching "2474/QĐ-BHXH" returns the page of that decision.
fail: no search box anywhere, or the search answers HTTP 500, or the document is missing from
the results.

**Parameters** none.
"""

from __future__ import annotations

from portal_lint.rules.base import Rule, register
from portal_lint.rules.search_articles import judge_search
from portal_lint.snapshot import Finding


@register
class SearchDocuments(Rule):
    id = "search-documents"
    title_vi = "Chức năng tìm kiếm văn bản"
    title_en = "Document search works"
    clause = (
        'CV 2023 BHXH-TT (Cổng TTĐT BHXH tỉnh), mục 1.3 ("Bổ sung chức năng … tìm kiếm văn bản") '
        'và đoạn mở đầu ("chưa có chức năng hỗ trợ người đọc … tìm kiếm văn bản")'
    )

    def check(self, snap, history, ctx, params) -> list[Finding]:  # type: ignore[no-untyped-def]
        return [judge_search(self, snap, "documents")]
