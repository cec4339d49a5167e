from __future__ import annotations

import codecs
import unicodedata

import pytest

from portal_lint.extract.text import decode_html, fold, normalize_text, word_count

VI = "Bảo hiểm xã hội Việt Nam – Đắk Nông"
_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Encode as real windows-1258 pages do: vowel letters precomposed, tones combining."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            d = unicodedata.normalize("NFD", ch)
            tones = "".join(m for m in d[1:] if m in _TONES)
            mods = "".join(m for m in d[1:] if m not in _TONES)
            out += unicodedata.normalize("NFC", d[0] + mods).encode("cp1258")
            out += tones.encode("cp1258")
    return out


def test_header_charset_wins_over_utf8_guess() -> None:
    body = to_cp1258(f"<p>{VI}</p>")
    assert VI in decode_html(body, "text/html; charset=windows-1258")


def test_meta_charset_used_when_header_silent() -> None:
    html = f'<html><head><meta charset="windows-1258"></head><body>{VI}</body></html>'
    assert VI in decode_html(to_cp1258(html), "text/html")


def test_meta_http_equiv_charset() -> None:
    html = (
        '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        "<p>Caf\u00e9 d\u00e9j\u00e0</p>"
    )
    assert "Café déjà" in decode_html(html.encode("cp1252"), None)


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (b"", "utf-16")])
def test_boms(bom: bytes, codec: str) -> None:
    body = bom + f"<p>{VI}</p>".encode(codec)
    out = decode_html(body, None)
    assert VI in out
    assert not out.startswith("\ufeff")


def test_result_is_nfc() -> None:
    nfd = unicodedata.normalize("NFD", VI)
    out = decode_html(nfd.encode("utf-8"), "text/html; charset=utf-8")
    assert out == VI


def test_garbage_never_raises() -> None:
    out = decode_html(bytes(range(256)) * 4, "text/html; charset=nonsense-9")
    assert isinstance(out, str) and out


def test_wrong_declared_charset_falls_back() -> None:
    # Declared UTF-8 but actually windows-1258: no exception, text still readable-ish.
    body = to_cp1258("<p>Nội dung</p>")
    out = decode_html(body, "text/html; charset=utf-8")
    assert "<p>" in out


def test_normalize_text() -> None:
    raw = "Chịu trách nhiệm\u200b v\u200bề nội dung:\u00a0\u00a0 Ông\n\tA  "
    assert normalize_text(raw) == "Chịu trách nhiệm về nội dung: Ông A"
    assert normalize_text("") == ""


def test_fold() -> None:
    assert fold("Đắk Nông  TÌM KIẾM") == "dak nong tim kiem"
    assert fold("Người phát ngôn") == "nguoi phat ngon"


def test_word_count_counts_syllables_not_punctuation() -> None:
    assert word_count("Bảo hiểm xã hội") == 4
    assert word_count("Từ ngày 01/7/2026 – quỹ BHYT trả 47,5% …") == 7
    assert word_count("  - – … ") == 0
