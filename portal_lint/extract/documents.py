"""Legal documents (văn bản) listed on a page: số/ký hiệu, trích yếu, ngày ban hành, link.

Anchored on the document number pattern (2474/QĐ-BHXH, 28/2024/NĐ-CP), whatever the
markup: table rows, list items, div blocks or links whose text starts with the number.
"""

from __future__ import annotations

import re
from datetime import date

from selectolax.lexbor import LexborHTMLParser, LexborNode

from portal_lint.extract.links import absolute_url, base_url, fold_text, normalize_text
from portal_lint.snapshot import Document

# Number: 1-5 digits, optional /year, then a sign with at least one letter (QĐ-BHXH, BHXH-TT, NĐ-CP).
DOC_NUMBER = re.compile(
    r"(?<![\w/])(\d{1,5}(?:/\d{4})?/(?=[A-ZĐ0-9-]*[A-ZĐ])[A-ZĐ0-9]+(?:[-–][A-ZĐ0-9]+)*)(?![\w/])"
)
_DATE = re.compile(r"(?<!\d)(\d{1,2})\s*[/.\-]\s*(\d{1,2})\s*[/.\-]\s*(\d{4})(?!\d)")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.I)
_FILE_EXT = re.compile(r"\.(pdf|docx?|xlsx?|zip|rar|rtf|odt)(\?|$)", re.I)
_LABELS = re.compile(
    r"^(số\s*(/\s*)?(ký|kí)?\s*hiệu|số|trích\s*yếu|nội\s*dung|ngày\s*ban\s*hành|ngày|"
    r"xem\s*chi\s*tiết|tải\s*về|download|cơ\s*quan\s*ban\s*hành|người\s*ký|loại\s*văn\s*bản)\s*[:.…]*\s*",
    re.I,
)


def _parse_date(d: str, m: str, y: str) -> date | None:
    try:
        dt = date(int(y), int(m), int(d))
    except ValueError:
        return None
    if dt.year >= 9000 or dt.year < 1945:  # 31/12/9999 = "no date" sentinel of some CMSs
        return None
    return dt


def _number_anchors(body: LexborNode) -> list[tuple[LexborNode, str]]:
    """(element, number) where the element's own text is essentially the number.

    "Số: 2068/QĐ-UBND" or a cell "2474/QĐ-BHXH" counts; a sentence mentioning a number does not.
    """
    out: list[tuple[LexborNode, str]] = []
    for tn in body.traverse(include_text=True):
        if (
            tn.tag != "-text"
            or tn.parent is None
            or tn.parent.tag in ("script", "style", "option", "title")
        ):
            continue
        t = normalize_text(tn.text_content or "")
        if not t or len(t) > 60:
            continue
        m = DOC_NUMBER.search(t)
        if not m:
            continue
        rest = _LABELS.sub("", t[: m.start()]).strip(" :.-")
        tail = t[m.end() :].strip(" :.;,")
        if rest or len(tail) > 20:
            continue
        before = fold_text(_prev_text(tn.parent))
        if re.search(r"(giay phep|gp|license)\W*(so)?\W*$", before) or "/GP" in m.group(1):
            continue  # the site's licence line, not a document
        out.append((tn.parent, m.group(1)))
    return out


def _prev_text(el: LexborNode) -> str:
    """Up to 40 characters of text just before an element (its label, if any)."""
    prev = el.prev
    while prev is not None and not normalize_text(prev.text() or ""):
        prev = prev.prev
    if prev is None and el.parent is not None and el.parent.tag not in ("body", "html"):
        return _prev_text(el.parent) if len(el.parent.text() or "") < 80 else ""
    return normalize_text(prev.text() or "")[-40:] if prev is not None else ""


def _row_for(el: LexborNode, anchor_ids: set[int], own: int) -> LexborNode:
    """Climb while the ancestor holds no other anchored number and stays row-sized."""
    cur = el
    while cur.parent is not None and cur.parent.tag not in ("body", "html"):
        par = cur.parent
        text_len = len(par.text() or "")
        if text_len > 1500:
            break
        others = sum(1 for n in par.traverse() if n.mem_id in anchor_ids and n.mem_id != own)
        if others:
            break
        cur = par
        if cur.tag in ("tr", "li"):
            break
    return cur


def _doc_link(row: LexborNode, base: str, page_url: str) -> str:
    links = [(a, absolute_url(a.attributes.get("href"), base)) for a in row.css("a[href]")]
    links = [(a, u) for a, u in links if u]
    for _, u in links:
        if not _FILE_EXT.search(u):
            return u
    if links:
        return links[0][1]
    # the row may sit inside the link (<a><div>Số…</div></a>)
    p = row.parent
    for _ in range(3):
        if p is None:
            break
        if p.tag == "a":
            u = absolute_url(p.attributes.get("href"), base)
            if u:
                return u
        p = p.parent
    return page_url


def _segments(row: LexborNode) -> list[str]:
    """Text of the row's leaf-ish blocks (cells, divs, paragraphs), in order."""
    segs: list[str] = []
    for n in row.css("td, th, div, p, span, a, li, dd"):
        # css() on a node also matches the node itself: look for a block *below* it
        if any(c.mem_id != n.mem_id for c in n.css("td, th, div, p, li, dd")):
            continue
        t = normalize_text(n.text(separator=" ") or "")
        if t:
            segs.append(t)
    if not segs:
        t = normalize_text(row.text(separator=" ") or "")
        if t:
            segs.append(t)
    return segs


def _summary_and_date(segs: list[str], number: str) -> tuple[str | None, date | None]:
    summary: str | None = None
    issued: date | None = None
    for s in segs:
        clean = _LABELS.sub("", s).strip()
        f = fold_text(s)
        short = len(clean) <= 40
        if short and issued is None:
            m = _DATE.search(s)
            if m:
                issued = _parse_date(*m.groups())
                continue
            m = _DATE_WORDS.search(s)
            if m:
                issued = _parse_date(*m.groups())
                continue
        if short and (clean == number or f.startswith(("xem chi tiet", "tai ve", "download"))):
            continue
        if len(clean) >= 15 and (summary is None or len(clean) > len(summary)):
            summary = clean
    return summary, issued


def extract_documents(html: str, url: str) -> list[Document]:
    """Documents listed on the page, in page order, deduplicated by number."""
    tree = LexborHTMLParser(html or "")
    body = tree.body
    if body is None:
        return []
    for n in body.css("script, style, noscript, template"):
        n.decompose()
    base = base_url(tree, url)
    out: list[Document] = []
    seen: set[str] = set()

    anchors = _number_anchors(body)
    anchor_ids = {el.mem_id for el, _ in anchors}
    for el, number in anchors:
        if number in seen:
            continue
        row = _row_for(el, anchor_ids, el.mem_id)
        segs = _segments(row)
        summary, issued = _summary_and_date(segs, number)
        if issued is None:
            # a date beside the number in the same small block ("Ngày: 29/05/2017")
            for s in segs:
                if len(s) <= 40 and (m := _DATE.search(s)):
                    issued = _parse_date(*m.groups())
                    break
        seen.add(number)
        out.append(
            Document(url=_doc_link(row, base, url), number=number, summary=summary, issued=issued)
        )

    # Links whose text starts with a document name and number: "Quyết định số 2474/QĐ-BHXH ngày … về …"
    for a in body.css("a[href]"):
        t = normalize_text(a.text(separator=" ") or "")
        if len(t) < 15:
            continue
        m = DOC_NUMBER.search(t[:80])
        if not m or m.group(1) in seen:
            continue
        head = fold_text(t[: m.start()])
        if (
            len(head) > 40
            or not re.match(
                r"^(so |(quyet dinh|cong van|thong tu|nghi dinh|nghi quyet|chi thi|ke hoach|thong bao|huong dan|luat|"
                r"cv|qd|tt|nd|hd|kh|tb)\b)",
                head + " ",
            )
            and head
        ):
            continue
        u = absolute_url(a.attributes.get("href"), base) or url
        issued = None
        dm = _DATE.search(t[m.end() : m.end() + 40]) or _DATE_WORDS.search(
            t[m.end() : m.end() + 60]
        )
        if dm:
            issued = _parse_date(*dm.groups())
        seen.add(m.group(1))
        out.append(Document(url=u, number=m.group(1), summary=t, issued=issued))
    return out
