"""Text helpers: decoding HTML bytes, normalising and folding Vietnamese text.

All functions are pure and never raise on odd input.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from functools import lru_cache

# Zero-width and invisible formatting characters seen in real portal markup (e.g. the
# Krông Nô footer splits words with U+200B), plus the soft hyphen and BOM.
_INVISIBLE_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]")
# A space and then a whole token of normalised text with no letter or digit (\w is
# isalnum() or "_"). Starting with a literal lets the regex engine jump between spaces.
_NO_ALNUM_TOKEN_RE = re.compile(r" (?:[^\w ]|_)+(?= |\Z)")
_META_CHARSET_RE = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE
)
_HEADER_CHARSET_RE = re.compile(r"""charset\s*=\s*["']?([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)

# Labels that servers and pages use for encodings Python knows under another name.
_CHARSET_ALIASES = {
    "windows-1258": "cp1258",
    "win-1258": "cp1258",
    "x-cp1258": "cp1258",
    "windows-1252": "cp1252",
    "iso-8859-1": "cp1252",  # WHATWG: latin-1 labels mean windows-1252
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "utf8": "utf-8",
    "unicode": "utf-16",
}


def _lookup(label: str | None) -> str | None:
    """A Python codec name for an HTTP/HTML charset label, or None if unknown."""
    if not label:
        return None
    name = label.strip().strip("\"'").lower()
    name = _CHARSET_ALIASES.get(name, name)
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _bom_codec(body: bytes) -> tuple[str, int] | None:
    if body.startswith(codecs.BOM_UTF8):
        return "utf-8", 3
    if body.startswith(codecs.BOM_UTF16_LE) or body.startswith(codecs.BOM_UTF16_BE):
        return "utf-16", 0  # the utf-16 codec consumes the BOM itself
    return None


def decode_html(body: bytes, content_type: str | None) -> str:
    """Decode an HTML response body to NFC text.

    Order: a BOM (it is unambiguous and browsers let it win), the charset of the HTTP
    Content-Type header, a <meta charset>/<meta http-equiv> in the first 4 KB, then UTF-8;
    when strict UTF-8 fails we try windows-1258 (old Vietnamese sites) and finally UTF-8
    with replacement characters. Never raises.
    """
    if not body:
        return ""
    candidates: list[tuple[str, int]] = []
    bom = _bom_codec(body)
    if bom:
        candidates.append(bom)
    if content_type:
        m = _HEADER_CHARSET_RE.search(content_type)
        codec = _lookup(m.group(1)) if m else None
        if codec:
            candidates.append((codec, 0))
    m2 = _META_CHARSET_RE.search(body[:4096])
    if m2:
        codec = _lookup(m2.group(1).decode("ascii", "replace"))
        if codec:
            # A page that declares utf-16 in ASCII markup is not utf-16: ignore that.
            if not codec.startswith("utf-16"):
                candidates.append((codec, 0))
    candidates.append(("utf-8", 0))
    for codec, skip in candidates:
        try:
            text = body[skip:].decode(codec)
        except (UnicodeDecodeError, LookupError):
            continue
        return unicodedata.normalize("NFC", text)
    # Nothing decoded cleanly: a single-byte Vietnamese codepage never fails on cp1258 for
    # most bytes, but we prefer UTF-8 with replacements when the page mostly is UTF-8.
    text = body.decode("utf-8", errors="replace")
    if text.count("\ufffd") > max(8, len(text) // 200):
        text = body.decode("cp1258", errors="replace")
    return unicodedata.normalize("NFC", text)


def normalize_text(s: str) -> str:
    """NFC, drop zero-width characters, NBSP and other spaces -> ' ', collapse whitespace."""
    if not s:
        return ""
    if not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    # str.split() splits on exactly the characters \s matches (NBSP included), and is
    # several times faster than a regex sub over long body text.
    return " ".join(_INVISIBLE_RE.sub("", s).split())


def _combining_class() -> re.Pattern[str]:
    """A character class of the BMP's combining marks (what NFD splits diacritics into)."""
    ranges: list[list[int]] = []
    for cp in range(0x10000):
        if unicodedata.combining(chr(cp)):
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1][1] = cp
            else:
                ranges.append([cp, cp])
    return re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in ranges) + "]+")


_COMBINING_RE = _combining_class()


def _fold(s: str) -> str:
    s = normalize_text(s).lower().replace("đ", "d")
    return _COMBINING_RE.sub("", unicodedata.normalize("NFD", s))


_fold_short = lru_cache(maxsize=8192)(_fold)


def fold(s: str) -> str:
    """Lower-case, strip Vietnamese diacritics (đ -> d), normalise spaces: for matching labels.

    Short strings are cached: extraction folds the same menu labels, captions and markers on
    every page (body lines, which never repeat, are not). The regex strips marks in C; a
    per-character generator was a tenth of an audit's CPU.
    """
    return _fold_short(s) if len(s) <= 160 else _fold(s)


def word_count(s: str) -> int:
    """Number of Vietnamese words, counted as syllables.

    Vietnamese writes one syllable per space-separated token ("bảo hiểm xã hội" = 4), and
    portal quotas and newsroom practice count these tokens. A token counts when it holds
    at least one letter or digit; punctuation-only tokens ("-", "–", "…") do not, and
    numbers such as "01/7/2026" or "47,5%" count once.
    """
    text = normalize_text(s)
    if not text:
        return 0
    # Tokens are single-space separated: all of them, minus those without a letter or digit.
    return text.count(" ") + 1 - len(_NO_ALNUM_TOKEN_RE.findall(" " + text))
