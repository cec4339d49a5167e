"""Visitor counter (bộ đếm lượt truy cập): the number rendered in HTML, or where JS fetches it.

Works on the page's text in document order, not on one CMS's markup: find a counter label
("Tổng lượt truy cập", "Số lượt truy cập", "Tổng:", "Visitors"…), then the number after
it — written whole ("4.798.809") or one digit per cell/image ("0","3","3","2",…).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from portal_lint.extract.links import absolute_url, base_url, fold_text, normalize_text

_SKIP_TAGS = frozenset(
    {"script", "style", "noscript", "template", "head", "title", "option", "select"}
)
_BLOCK_TAGS = frozenset(
    "div p li tr td th table tbody ul ol dl dt dd h1 h2 h3 h4 h5 h6 section article aside "
    "header footer nav br form fieldset".split()
)

# Labels, matched against a whole short text token (folded). Order = kind.
_ONLINE = re.compile(
    r"(dang (truy cap|online|truc tuyen|xem)|truc tuyen|\bonline\b|dang ket noi|khach dang)"
)
_PERIOD = re.compile(
    r"(hom nay|hom qua|trong ngay|trong tuan|tuan (nay|truoc)|trong thang|thang (nay|truoc)|"
    r"trong nam|nam nay|\btoday\b|\byesterday\b|this (week|month|year)|last (week|month))"
)
_TOTAL_STRONG = re.compile(
    r"^(tong( cong)?( so)?( luot| luong)?( truy cap| nguoi truy cap| khach| xem)?|"
    r"tong so luot truy cap|total( visits| visitors| hits)?)\s*:?$"
)
_TOTAL = re.compile(
    r"^((thong ke |so |tong )?(so )?(luot|luong|nguoi) (truy cap|xem|tham|ghe tham)( website| trang)?|"
    r"(thong ke )?truy cap|thong ke( truy cap| luot truy cap)?|visitors?( counter)?|hit ?counter|"
    r"(page )?views?|hits|luot truy cap website)\s*:?$"
)
# "Tất cả" / "Tổng cộng" rows close counter tables (Joomla vvisit_counter and kin): a total only
# inside such a table, right after the period rows ("Hôm nay", "Tháng này"…); alone, "Tất cả" is a
# tab or filter label.
_TOTAL_IN_TABLE = re.compile(r"^(tat ca|toan bo|tong cong|all( time)?)\s*:?$")
_TABLE_CONTEXT = 12  # tokens back to the nearest period/online label
_NUMBER = re.compile(r"\d{1,3}(?:[.,\u202f ]\d{3})+(?!\d)|\d+")
_DATE_LIKE = re.compile(r"\d{1,2}[/-]\d{1,2}[/-]\d{2,4}|\d{1,2}:\d{2}")
_PLACEHOLDER_VALUES = frozenset(
    {"", "...", "…", "-", "--", "n/a", "loading", "loading...", "dang tai", "dang tai..."}
)
_MAX_LABEL_LEN = 48
_LOOKAHEAD = 14


@dataclass
class _Tok:
    text: str  # normalised text ("" for a block boundary)
    digit_img: bool = False


def _tokens(html: str) -> list[_Tok]:
    """Visible text nodes in document order; digit images become one-digit tokens.

    A "" token marks a block boundary so one-digit runs do not merge across widgets.
    """
    tree = LexborHTMLParser(html or "")
    root = tree.body or tree.root
    if root is None:
        return []
    toks: list[_Tok] = []
    for node in root.traverse(include_text=True):
        # traverse() gives no exit events: skip subtrees by checking ancestors cheaply.
        tag = node.tag or ""
        if tag == "-text":
            par = node.parent
            if par is not None and (par.tag in _SKIP_TAGS or _in_skipped(par)):
                continue
            t = normalize_text(node.text_content or "")
            if t:
                toks.append(_Tok(t))
            continue
        if tag in _BLOCK_TAGS:
            toks.append(_Tok(""))
        if tag == "img":
            d = _digit_from_img(node.attributes)
            if d is not None:
                toks.append(_Tok(d, digit_img=True))
    return toks


def _in_skipped(node) -> bool:  # type: ignore[no-untyped-def]
    p = node
    for _ in range(6):
        if p is None:
            return False
        if p.tag in _SKIP_TAGS:
            return True
        p = p.parent
    return False


def _digit_from_img(attrs: dict[str, str | None]) -> str | None:
    alt = normalize_text(attrs.get("alt") or "")
    if re.fullmatch(r"\d", alt):
        return alt
    src = attrs.get("src") or ""
    m = re.search(r"(?:^|[/_-])(\d)\.(?:gif|png|jpe?g|svg|webp)(?:$|\?)", src, re.I)
    return m.group(1) if m else None


def _label_kind(text: str) -> str | None:
    """'total-strong' | 'total' | 'online' | 'period' | None for a short label token."""
    f = fold_text(text)
    if not f or len(f) > _MAX_LABEL_LEN:
        return None
    f = re.sub(r"[:\-–|]+\s*$", "", f).strip()
    f = re.sub(r"^[\W_]+", "", f)
    if _ONLINE.search(f) and (
        "truy cap" in f or "online" in f or "truc tuyen" in f or "khach" in f
    ):
        return "online"
    if _PERIOD.search(f):
        return "period"
    if _TOTAL_STRONG.match(f):
        return "total-strong"
    if _TOTAL.match(f):
        return "total"
    if _TOTAL_IN_TABLE.match(f):
        return "total-row"
    return None


def _split_label(text: str) -> tuple[str, str]:
    """'Tổng: 4.798.809' -> ('Tổng:', '4.798.809'); no colon -> (text, '')."""
    m = re.match(r"^(.{1,%d}?[:：])\s*(.*)$" % _MAX_LABEL_LEN, text)
    if m:
        return m.group(1), m.group(2)
    m = re.match(r"^(\D{2,%d}?)\s+(\d[\d., ]*)$" % _MAX_LABEL_LEN, text)
    if m:
        return m.group(1), m.group(2)
    return text, ""


def _parse_number(s: str) -> int | None:
    if _DATE_LIKE.search(s):
        return None
    m = _NUMBER.search(s)
    if not m:
        return None
    return int(re.sub(r"\D", "", m.group(0)))


@dataclass
class _Reading:
    kind: str
    label: str
    value: int | None
    method: str
    placeholder: bool
    at: int = 0  # token index of the label


def _readings(toks: list[_Tok]) -> list[_Reading]:
    out = _raw_readings(toks)
    # A "Tất cả" row counts only just after period/online rows of the same counter.
    kept: list[_Reading] = []
    for r in out:
        if r.kind == "total-row":
            if not any(
                p.kind in ("period", "online") and 0 < r.at - p.at <= _TABLE_CONTEXT for p in out
            ):
                continue
            r.kind = "total-strong"
        kept.append(r)
    return kept


def _raw_readings(toks: list[_Tok]) -> list[_Reading]:
    out: list[_Reading] = []
    for i, tok in enumerate(toks):
        if not tok.text or tok.digit_img:
            continue
        label, rest = _split_label(tok.text)
        kind = _label_kind(label)
        if kind is None:
            # "4.798.809 lượt truy cập": number first, label after.
            m = re.match(r"^(\d{1,3}(?:[.,\s]\d{3})+|\d+)\s+(.{3,%d})$" % _MAX_LABEL_LEN, tok.text)
            if m and _label_kind(m.group(2)) in ("total", "total-strong"):
                out.append(
                    _Reading("total", m.group(2), _parse_number(m.group(1)), "html", False, i)
                )
            continue
        if rest:
            v = _parse_number(rest)
            if v is not None and re.fullmatch(r"[\d.,\s]+", rest.strip()):
                out.append(_Reading(kind, label, v, "html", False, i))
                continue
        value, method, placeholder = _look_ahead(toks, i + 1)
        out.append(_Reading(kind, label, value, method, placeholder, i))
    return out


def _look_ahead(toks: list[_Tok], start: int) -> tuple[int | None, str, bool]:
    """The number after a label: one-digit run, or a whole number, before the next label."""
    digits: list[str] = []
    seen_text = False
    budget = _LOOKAHEAD
    for tok in toks[start:]:
        t = tok.text
        if not t:
            continue  # block boundary: digit cells are each in their own cell
        if not re.fullmatch(r"\d", t):
            budget -= 1
            if budget < 0:
                break
        if re.fullmatch(r"\d", t):
            digits.append(t)
            continue
        if digits:
            break
        if _label_kind(_split_label(t)[0]) is not None:
            return None, "", not seen_text
        if fold_text(t) in _PLACEHOLDER_VALUES:
            continue
        if re.fullmatch(r"[\d.,\s\u202f]+", t):
            v = _parse_number(t)
            if v is not None:
                return v, "html", False
        seen_text = True
        if len(t) > 40:
            break
    if len(digits) >= 2:
        return int("".join(digits)), "digits", False
    if len(digits) == 1:
        return int(digits[0]), "html", False
    return None, "", not seen_text


_RANK = {"total-strong": 0, "total": 1}


def extract_counter(html: str, url: str) -> tuple[int | None, str, str]:
    """(value, label, method) of the TOTAL visit counter; (None, "", "") when none is rendered."""
    readings = [r for r in _readings(_tokens(html)) if r.value is not None and r.kind in _RANK]
    if not readings:
        return None, "", ""
    best = min(enumerate(readings), key=lambda ir: (_RANK[ir[1].kind], ir[0]))[1]
    return best.value, normalize_text(best.label).rstrip(":").strip(), best.method


def counter_placeholder_present(html: str) -> bool:
    """A total-counter label is rendered with no number (empty, "…", "Loading"): JS fills it."""
    readings = _readings(_tokens(html))
    if any(r.value is not None and r.kind in _RANK for r in readings):
        return False
    if any(r.placeholder and r.kind in _RANK for r in readings):
        return True
    # An empty element whose id/class names a counter (e.g. <span id="visitCount"></span>).
    tree = LexborHTMLParser(html or "")
    for node in tree.css("[id], [class]"):
        ident = fold_text(f"{node.attributes.get('id') or ''} {node.attributes.get('class') or ''}")
        if re.search(
            r"(counter|visit|luottruycap|truycap|hitcount|thongke)", ident.replace(" ", "")
        ):
            if node.tag in ("script", "style", "link"):
                continue
            if fold_text(node.text() or "") in _PLACEHOLDER_VALUES and not node.css_first("img"):
                return True
    return False


# --------------------------------------------------------------------------- JS endpoints
_COUNTER_WORDS = re.compile(
    r"(truy ?cap|truycap|counter|visit|thong-?ke|thongke|statistic|hitcount|hit_count|luot|online|tracking)",
    re.I,
)
_CALL_PATTERNS = (
    re.compile(r"\bfetch\(\s*(['\"`])([^'\"`]+)\1"),
    re.compile(r"\$\.(?:get|getJSON|post|ajax)\(\s*(['\"])([^'\"]+)\1"),
    re.compile(r"\baxios(?:\.get|\.post)?\(\s*(['\"`])([^'\"`]+)\1"),
    re.compile(r"\.open\(\s*['\"](?:GET|POST)['\"]\s*,\s*(['\"])([^'\"]+)\1", re.I),
    re.compile(r"\burl\s*:\s*(['\"])([^'\"]+)\1"),
    re.compile(r"\.load\(\s*(['\"])([^'\"]+)\1"),
)


def find_counter_endpoints(html: str, url: str) -> list[str]:
    """Absolute URLs that page scripts call to fill a counter (or data-src/data-url of one)."""
    tree = LexborHTMLParser(html or "")
    base = base_url(tree, url)
    out: list[str] = []

    def add(raw: str) -> None:
        u = absolute_url(raw.replace("\\/", "/"), base)
        if (
            u
            and u not in out
            and not re.search(r"\.(js|css|png|jpe?g|gif|svg)(\?|$)", urlsplit(u).path, re.I)
        ):
            out.append(u)

    for script in tree.css("script"):
        if script.attributes.get("src"):
            continue
        code = script.text() or ""
        if not code.strip():
            continue
        for pat in _CALL_PATTERNS:
            for m in pat.finditer(code):
                raw = m.group(2)
                window = code[max(0, m.start() - 300) : m.end() + 300]
                if _COUNTER_WORDS.search(raw) or _COUNTER_WORDS.search(fold_text(window)):
                    add(raw)
    for node in tree.css("[data-src], [data-url], [data-endpoint], [data-api]"):
        if node.tag in ("img", "iframe", "video", "source", "script"):
            continue
        ident = " ".join(
            node.attributes.get(k) or ""
            for k in ("id", "class", "data-src", "data-url", "data-endpoint", "data-api")
        )
        near = (
            ident
            + " "
            + (node.text() or "")
            + " "
            + (node.parent.text() if node.parent else "")[:200]
        )
        if _COUNTER_WORDS.search(fold_text(near)):
            for k in ("data-src", "data-url", "data-endpoint", "data-api"):
                v = node.attributes.get(k)
                if v:
                    add(v)
    return out


# --------------------------------------------------------------------------- JSON
_TOTAL_KEYS = re.compile(
    r"^(total|tong|tongso|tong_so|tongluot|tong_luot|tongtruycap|tong_truy_cap|totalvisit|totalvisits|"
    r"total_visits|totalvisitors|total_visitors|totalhits|total_hits|luot_truy_cap|luottruycap|"
    r"visits|visitors|visitcount|visit_count|hits|hitcount|hit_count|pageviews|views|all|sum|count|value|"
    r"counter|so_luot|soluot)$"
)
_NON_TOTAL_KEYS = re.compile(
    r"(online|today|homnay|hom_nay|yesterday|homqua|week|tuan|month|thang|year|nam|current|dang|day|ngay|"
    r"status|code|id|time|date|error|page|limit|offset)"
)


def parse_counter_json(body: bytes) -> int | None:
    """The total visits from a JSON / JSONP / plain-number response; None when unparsable."""
    try:
        text = body.decode("utf-8-sig", errors="replace").strip() if body else ""
    except Exception:  # noqa: BLE001 - never raise on odd bodies
        return None
    if not text:
        return None
    m = re.match(r"^[\w$.]+\s*\(\s*(.*?)\s*\)\s*;?\s*$", text, re.S)
    if m:
        text = m.group(1)
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        data = None
        if re.fullmatch(r"\s*\d{1,3}(?:[.,\u202f ]\d{3})+\s*|\s*\d+\s*", text):
            return int(re.sub(r"\D", "", text))
        return None
    try:
        return _from_json(data, depth=0)
    except Exception:  # noqa: BLE001
        return None


def _as_int(v: object) -> int | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int):
        return v if v >= 0 else None
    if isinstance(v, float):
        return int(v) if v >= 0 and v == int(v) else None
    if isinstance(v, str) and re.fullmatch(r"\s*\d{1,3}(?:[.,\u202f ]\d{3})+\s*|\s*\d+\s*", v):
        return int(re.sub(r"\D", "", v))
    return None


def _from_json(data: object, depth: int) -> int | None:
    if depth > 6:
        return None
    direct = _as_int(data)
    if direct is not None:
        return direct
    if isinstance(data, list):
        for item in data:
            v = _from_json(item, depth + 1) if isinstance(item, (dict, list)) else None
            if v is not None:
                return v
        return None
    if not isinstance(data, dict):
        return None
    total: list[tuple[int, int]] = []  # (priority, value)
    neutral: list[int] = []
    nested: list[dict | list] = []
    for k, v in data.items():
        key = re.sub(r"[\s-]", "_", fold_text(str(k)))
        flat = key.replace("_", "")
        n = _as_int(v)
        if n is None:
            if isinstance(v, (dict, list)):
                nested.append(v)
            continue
        if _TOTAL_KEYS.match(key) or _TOTAL_KEYS.match(flat):
            total.append((0 if ("total" in flat or "tong" in flat) else 1, n))
        elif not _NON_TOTAL_KEYS.search(flat):
            neutral.append(n)
        elif ("total" in flat or "tong" in flat) and not re.search(
            r"online|today|homnay|dang", flat
        ):
            total.append((0, n))
    if total:
        return min(total)[1]
    for sub in nested:
        v = _from_json(sub, depth + 1)
        if v is not None:
            return v
    if len(neutral) == 1:
        return neutral[0]
    return None
