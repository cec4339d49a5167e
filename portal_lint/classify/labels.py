"""Map a site's own category name (chuyên mục) to canonical taxonomy slugs.

Portals name their categories freely ("Chính sách BHYT", "Bảo hiểm y tế", "Lĩnh vực BHYT",
"Hỏi - Đáp", "Tin hoạt động BHXH tỉnh"). A label is matched by its folded form (lower case,
no diacritics, punctuation as spaces) against keyword phrases. A label may map to several
slugs ("Chính sách BHXH, BHYT"): a post filed there is correct if its topic is any of them.
Generic labels ("Tin tức", "Tin tổng hợp", "Thông báo") map to nothing and are not judged.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from portal_lint.classify.model import TAXONOMY

LABELS_VI: dict[str, str] = {
    "hoat-dong": "Tin hoạt động",
    "bhxh": "Chính sách BHXH",
    "bhyt": "Chính sách BHYT",
    "bhtn": "Bảo hiểm thất nghiệp",
    "chuyen-doi-so": "Chuyển đổi số",
    "guong-dien-hinh": "Gương điển hình",
    "hoi-dap": "Hỏi đáp",
}
LABELS_EN: dict[str, str] = {
    "hoat-dong": "Activities",
    "bhxh": "Social insurance policy",
    "bhyt": "Health insurance policy",
    "bhtn": "Unemployment insurance",
    "chuyen-doi-so": "Digital transformation",
    "guong-dien-hinh": "Role models",
    "hoi-dap": "Q&A",
}

# Folded keyword phrases, matched on word boundaries. Order does not matter: all hits count.
_KEYWORDS: dict[str, tuple[str, ...]] = {
    "hoi-dap": (
        "hoi dap",
        "hoi va dap",
        "giai dap",
        "ban doc hoi",
        "cau hoi thuong gap",
        "faq",
        "tu van chinh sach",
        "hoi dap chinh sach",
    ),
    "guong-dien-hinh": (
        "guong dien hinh",
        "guong sang",
        "dien hinh",
        "nguoi tot viec tot",
        "mo hinh hay",
        "cach lam hay",
        "guong dien hinh tien tien",
    ),
    "chuyen-doi-so": (
        "chuyen doi so",
        "de an 06",
        "vssid",
        "vneid",
        "dich vu cong",
        "giao dich dien tu",
        "cong nghe thong tin",
        "cntt",
    ),
    "hoat-dong": ("hoat dong", "tin nganh", "tin trong nganh", "tin hoat dong"),
    "bhtn": ("bhtn", "bao hiem that nghiep", "that nghiep"),
    "bhyt": ("bhyt", "bao hiem y te"),
}
_BHXH_TERMS = ("bhxh", "bao hiem xa hoi")
# "BHXH" is also the name of the office ("Tin hoạt động BHXH tỉnh"), so it only means the
# policy topic next to a policy cue, or when the label names nothing but insurance types.
_BHXH_CUES = (
    "chinh sach",
    "che do",
    "phap luat",
    "tu nguyen",
    "bat buoc",
    "luong huu",
    "huu tri",
    "linh vuc",
    "quyen loi",
)
_POLICY_FILLER = re.compile(
    r"\b(bhxh|bhyt|bhtn|bao hiem xa hoi|bao hiem y te|bao hiem that nghiep|va)\b"
)
_GENERIC_POLICY = ("chinh sach", "chinh sach phap luat", "chinh sach moi", "phap luat chinh sach")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Category names are short ("Chính sách bảo hiểm y tế và thất nghiệp" is 9 words).
MAX_CATEGORY_WORDS = 10


def fold(text: str) -> str:
    """Lower case, no diacritics, đ -> d, punctuation collapsed to single spaces."""
    text = unicodedata.normalize("NFD", text.lower().replace("đ", "d").replace("Đ", "d"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return _NON_ALNUM.sub(" ", text).strip()


def _has(folded: str, phrase: str) -> bool:
    return f" {phrase} " in f" {folded} "


def aliases_from_taxonomy(taxonomy: Mapping[str, Any] | None) -> dict[str, tuple[str, ...]]:
    """Folded alias phrases per slug from `rules/taxonomy.yaml` ({"categories": {slug: {vi,
    aliases}}}), so editors extend the automatic mapping without touching code."""
    return {
        slug: _folded_unique([entry.get("vi", ""), *(entry.get("aliases") or [])])
        for slug, entry in _taxonomy_entries(taxonomy)
    }


def _taxonomy_entries(
    taxonomy: Mapping[str, Any] | None,
) -> Iterable[tuple[str, Mapping[str, Any]]]:
    """(slug, entry) of each well-formed category of `rules/taxonomy.yaml`."""
    cats = (taxonomy or {}).get("categories", taxonomy or {})
    if isinstance(cats, Mapping):
        for slug, entry in cats.items():
            if slug in TAXONOMY and isinstance(entry, Mapping):
                yield str(slug), entry


def _folded_unique(phrases: Iterable[object]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for f in (fold(str(p)) for p in phrases) if f))


# Folded words that, in a post's *title*, name the topic of a category. A post whose title
# names the category it is filed under is never accused of being misfiled: on a real portal
# "Triển khai Thông tư 06: nâng cao chất lượng dữ liệu, bảo đảm quyền lợi BHYT" under
# "Lĩnh vực BHYT" reads as digital transformation to the model, yet the editor's filing is
# defensible, and a false accusation costs more than a missed one. "BHXH" alone is absent:
# it is also the office's name, in almost every title. `title_terms` in taxonomy.yaml adds more.
TITLE_TERMS: dict[str, tuple[str, ...]] = {
    "bhyt": ("bhyt", "bao hiem y te", "the bhyt", "kham chua benh"),
    "bhtn": ("bhtn", "bao hiem that nghiep", "tro cap that nghiep"),
    "bhxh": (
        "bhxh tu nguyen",
        "bhxh bat buoc",
        "bhxh mot lan",
        "luong huu",
        "huu tri",
        "thai san",
        "om dau",
        "tu tuat",
        "che do bhxh",
        "chinh sach bhxh",
    ),
    "chuyen-doi-so": ("chuyen doi so", "de an 06", "vssid", "vneid", "dich vu cong truc tuyen"),
    "guong-dien-hinh": ("guong dien hinh", "dien hinh tien tien", "nguoi tot viec tot"),
    "hoi-dap": ("hoi dap", "hoi va dap", "giai dap"),
    "hoat-dong": ("hoi nghi", "so ket", "tong ket", "tap huan"),
}


def title_terms_from_taxonomy(taxonomy: Mapping[str, Any] | None) -> dict[str, tuple[str, ...]]:
    """TITLE_TERMS plus each category's `title_terms` from taxonomy.yaml, folded."""
    out = dict(TITLE_TERMS)
    for slug, entry in _taxonomy_entries(taxonomy):
        out[slug] = _folded_unique((*out.get(slug, ()), *(entry.get("title_terms") or [])))
    return out


def title_names_category(
    title: str | None, slugs: Iterable[str], terms: Mapping[str, Sequence[str]] | None = None
) -> bool:
    """True when the title contains a topic word of one of `slugs` (folded, whole words)."""
    folded = fold(title or "")
    table = TITLE_TERMS if terms is None else terms
    return any(_has(folded, t) for slug in slugs for t in table.get(slug, ()))


def slugs_for_label(
    label: str | None,
    category_map: Mapping[str, str] | None = None,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> frozenset[str]:
    """Canonical slugs a site category label stands for (empty = not judgeable).

    `category_map` (site label -> slug, from the site config) wins over keywords; it is
    matched exactly, then by folded form. A mapped value that is not a taxonomy slug
    (e.g. "" or "none") marks the label as deliberately not judged. A value may list
    several slugs separated by commas.
    """
    if not label or not label.strip():
        return frozenset()
    folded = fold(label)
    if category_map:
        value = category_map.get(label)
        if value is None:
            by_fold = {fold(k): v for k, v in category_map.items()}
            value = by_fold.get(folded)
        if value is not None:
            return frozenset(s.strip() for s in value.split(",") if s.strip() in TAXONOMY)
    hits = {slug for slug, phrases in _KEYWORDS.items() if any(_has(folded, p) for p in phrases)}
    for slug, phrases in (aliases or {}).items():
        if slug == "bhxh":
            continue  # "BHXH" also names the office: handled by the cue logic below
        if any(_has(folded, p) for p in phrases):
            hits.add(slug)
    if any(_has(folded, t) for t in _BHXH_TERMS):
        rest = _POLICY_FILLER.sub(" ", folded).strip()
        if not rest or any(_has(folded, c) for c in _BHXH_CUES):
            hits.add("bhxh")
    if not hits and folded in _GENERIC_POLICY:
        hits = {"bhxh", "bhyt", "bhtn"}  # a bare "Chính sách" category on a BHXH portal
    return frozenset(hits)


def slugs_for_article(
    category_label: str | None,
    breadcrumb: Iterable[str] = (),
    category_map: Mapping[str, str] | None = None,
    title: str | None = None,
    aliases: Mapping[str, Sequence[str]] | None = None,
) -> tuple[frozenset[str], str | None]:
    """Slugs and the label they came from: the category label, else (when it is generic and
    not in category_map) the deepest breadcrumb item that maps. Breadcrumbs often end with the article title, whose words would match
    keywords ("Quỹ BHYT thanh toán…"), so the title and long items are skipped."""
    if category_label and category_label.strip():
        slugs = slugs_for_label(category_label, category_map, aliases)
        explicit = bool(category_map) and fold(category_label) in {fold(k) for k in category_map}
        if slugs or explicit:
            return slugs, category_label.strip()
        # A generic label ("Tin tức") may sit above a specific breadcrumb item: try those.
    folded_title = fold(title) if title else ""
    for item in reversed(list(breadcrumb)):
        folded = fold(item)
        if not folded or folded == folded_title or len(folded.split()) > MAX_CATEGORY_WORDS:
            continue
        slugs = slugs_for_label(item, category_map, aliases)
        if slugs:
            return slugs, item.strip()
    return frozenset(), None
