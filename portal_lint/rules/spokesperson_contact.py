"""The portal publishes its spokesperson's name, title, phone number and e-mail address.

**What it checks** The spokesperson (người phát ngôn) block the crawler extracted from the home
page or a linked "người phát ngôn" page (`snap.spokesperson`). Pass when all four items are
present and valid: a person's name (not a job title), a job title, a Vietnamese phone number that
is valid under the current numbering plan, and a well-formed e-mail address. Fail when the block
is missing although the pages were inspected, or when an item is missing or invalid (the message
names each item and the value seen). Unknown when the home page could not be fetched, or when the
block is missing/incomplete while a page that looked like the spokesperson page failed to load.

**Why** CV 2023 (Cổng TTĐT BHXH tỉnh), mục 1.7: "Kịp thời đăng tải thông tin (Họ tên, chức vụ,
số điện thoại, địa chỉ thư điện tử) của Người phát ngôn … trên Cổng TTĐT của BHXH tỉnh".

**Example** pass: "Đồng chí Nguyễn Việt Hùng — Phó Giám đốc — 0243.512.3536 —
nguyenviethung_sotttt@hanoi.gov.vn". fail: only a name and a phone number; or the phone is
written "04.3512.3536" (pre-2017 area code, no longer dialable).

**Parameters** none.
"""

from __future__ import annotations

import re
from typing import Any

from portal_lint.extract.links import fold_text, normalize_text
from portal_lint.rules.base import Rule, register
from portal_lint.snapshot import ContactInfo, Finding, Snapshot

_FIELDS_VI: dict[str, str] = {
    "name": "họ tên",
    "title": "chức vụ",
    "phone": "số điện thoại",
    "email": "thư điện tử",
}
_FIELDS_EN: dict[str, str] = {"name": "name", "title": "title", "phone": "phone", "email": "e-mail"}

# Honorifics written before a name; they are not part of it.
_HONORIFIC = re.compile(
    r"^(?:đồng chí|đ/c|ông\s*/\s*bà|ông|bà|anh|chị|mr\.?|mrs\.?|ms\.?)\s*[:.]?\s+", re.I
)
# Job-title words (matched WITH diacritics: folded "truong phong" is also the name "Trương Phong").
_TITLE_WORDS = re.compile(
    r"(giám đốc|trưởng phòng|trưởng ban|phó trưởng|chánh văn phòng|phó chánh|chủ tịch|bí thư|"
    r"ban biên tập|bảo hiểm|\bbhxh\b)"
)
_EMAIL = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}$"
)
_EMAIL_CANDIDATE = re.compile(r"[^\s,;/<>()\[\]]+@[^\s,;/<>()\[\]]+")
_OBFUSCATED_AT = re.compile(r"\s*[\[({]\s*(?:at|a|@)\s*[\])}]\s*", re.I)
_OBFUSCATED_DOT = re.compile(r"\s*[\[({]\s*(?:dot|chấm|cham)\s*[\])}]\s*", re.I)
# Vietnamese numbering plan since 2017-2018 (structure only: an area-code table would go stale
# and accuse a province of a number that works): 10-digit mobiles 03/05/07/08/09, 11-digit
# landlines 02x…, 1800/1900 service numbers. Pre-2017 landlines (04.3512.3536) no longer dial.
_PHONE_VALID = re.compile(r"^(?:0[35789]\d{8}|02\d{9}|1[89]00\d{4}|1[89]00\d{6})$")
# A run of digits with the separators people write: "0243.512.3536", "(0263) 3 543 123".
_PHONE_CANDIDATE = re.compile(r"\(?\+?\d[\d\s.\-()]{5,}\d")
# URL fragments of a page that looks like the spokesperson page (folded, any separator).
_SPOKES_URL = re.compile(r"phat[-_ ]?ngon|phatngon|spokes", re.I)


def _clean_name(name: str) -> str:
    n = normalize_text(name)
    while True:
        m = _HONORIFIC.match(n)
        if not m:
            return n.strip(" :.-")
        n = n[m.end() :]


def _name_ok(name: str) -> bool:
    """A person's name: letters only, 2+ words, not a job title."""
    n = _clean_name(name)
    if not n or any(ch.isdigit() for ch in n) or "@" in n:
        return False
    words = [w for w in n.split() if w]
    if len(words) < 2:
        return False
    return not _TITLE_WORDS.search(n.lower())


def _title_ok(title: str) -> bool:
    t = normalize_text(title)
    return any(ch.isalpha() for ch in t) and "@" not in t


_PHONE_SPLIT = re.compile(r"\s+[-\u2013]\s*|\s*[-\u2013]\s+|[()]|\s{2,}")


def _phone_candidates(raw: str) -> list[str]:
    """Digit runs of the text, and their pieces when two numbers or an extension are glued
    together ("0243.512.3536 - 0912.345.678", "0243.512.3536 (12)")."""
    out: list[str] = []
    for m in _PHONE_CANDIDATE.finditer(normalize_text(raw)):
        whole = m.group(0).strip()
        out.append(whole)
        out.extend(p.strip() for p in _PHONE_SPLIT.split(whole) if p and p.strip() != whole)
    return out


def phone_ok(raw: str) -> bool:
    """True when the text holds at least one dialable Vietnamese phone number."""
    text = normalize_text(raw)
    if not text:
        return False
    for cand in _phone_candidates(text):
        digits = re.sub(r"\D", "", cand)
        if cand.startswith("+") or cand.startswith("(+"):
            if not digits.startswith("84"):
                continue  # a foreign number is not a Vietnamese office's phone
            digits = "0" + digits[2:]
        elif digits.startswith("84") and len(digits) in (11, 12):
            digits = "0" + digits[2:]
        if _PHONE_VALID.match(digits):
            return True
    return False


def email_ok(raw: str) -> bool:
    """True when the text holds at least one well-formed e-mail address (a sentence's trailing
    dot and simple [at]/(dot) obfuscation are tolerated: a reader understands them)."""
    text = normalize_text(raw)
    if text.lower().startswith("mailto:"):
        text = text[7:]
    text = _OBFUSCATED_DOT.sub(".", _OBFUSCATED_AT.sub("@", text))
    for cand in _EMAIL_CANDIDATE.findall(text):
        if _EMAIL.match(cand.strip(".,;:!?'\"")):
            return True
    return False


def _assess(info: ContactInfo) -> tuple[list[str], list[tuple[str, str]]]:
    """(missing field keys, [(invalid field key, value seen)])."""
    missing: list[str] = []
    invalid: list[tuple[str, str]] = []
    checks = {"name": _name_ok, "title": _title_ok, "phone": phone_ok, "email": email_ok}
    for key, ok in checks.items():
        raw = normalize_text(getattr(info, key) or "")
        if not raw:
            missing.append(key)
        elif not ok(raw):
            invalid.append((key, raw))
    return missing, invalid


def _spokes_fetch_failed(snap: Snapshot) -> list[str]:
    """URLs of failed fetches that were (or looked like) the spokesperson page."""
    checked = set(snap.spokesperson_pages_checked)
    out: list[str] = []
    for rec in snap.failed_fetches():
        if rec.url in checked or _SPOKES_URL.search(fold_text(rec.url)):
            out.append(rec.url)
    return out


@register
class SpokespersonContact(Rule):
    id = "spokesperson-contact"
    title_vi = "Thông tin Người phát ngôn"
    title_en = "Spokesperson contact details"
    clause = (
        'CV 2023 BHXH-TT (Cổng TTĐT BHXH tỉnh), mục 1.7 ("Họ tên, chức vụ, số điện thoại, '
        'địa chỉ thư điện tử" của Người phát ngôn)'
    )

    def check(self, snap, history, ctx, params) -> list[Finding]:  # type: ignore[no-untyped-def]
        if not snap.home_ok:
            return [
                self.unknown(
                    "không tải được trang chủ nên chưa tìm được thông tin Người phát ngôn",
                    "the home page could not be fetched, so the spokesperson block was not looked for",
                    [snap.home_url or snap.base_url],
                )
            ]
        checked = list(snap.spokesperson_pages_checked) or [snap.home_url or snap.base_url]
        failed = _spokes_fetch_failed(snap)
        info = snap.spokesperson
        if info is None:
            if failed:
                return [
                    self.unknown(
                        "không tải được trang có thể chứa thông tin Người phát ngôn",
                        "a page that may hold the spokesperson block could not be fetched",
                        failed,
                    )
                ]
            return [
                self.finding(
                    "fail",
                    "Cổng chưa đăng thông tin Người phát ngôn: không thấy họ tên, chức vụ, số điện "
                    "thoại, thư điện tử của Người phát ngôn trên các trang đã kiểm tra. Đăng tải "
                    'đầy đủ các thông tin này (nên có trang riêng "Người phát ngôn" liên kết từ '
                    "trang chủ).",
                    "No spokesperson block found on the pages inspected: publish the spokesperson's "
                    "name, title, phone and e-mail.",
                    checked,
                    {"pages_checked": checked, "missing": list(_FIELDS_VI), "invalid": []},
                )
            ]

        missing, invalid = _assess(info)
        value: dict[str, Any] = {
            "page_url": info.page_url,
            "name": info.name,
            "title": info.title,
            "phone": info.phone,
            "email": info.email,
            "missing": missing,
            "invalid": [{"field": k, "value": v} for k, v in invalid],
            "pages_checked": checked,
        }
        evidence = [info.page_url, *checked]
        if not missing and not invalid:
            return [
                self.finding(
                    "pass",
                    f"Cổng đã đăng đủ thông tin Người phát ngôn: {_clean_name(info.name or '')}, "
                    f"{normalize_text(info.title or '')}, {normalize_text(info.phone or '')}, "
                    f"{normalize_text(info.email or '')}.",
                    "The spokesperson's name, title, phone and e-mail are published.",
                    evidence,
                    value,
                )
            ]
        if missing and not invalid and failed:
            # The full block may sit on the page that did not load: do not accuse.
            return [
                self.unknown(
                    "thông tin Người phát ngôn thấy được chưa đủ, nhưng không tải được trang có "
                    "thể chứa phần còn lại",
                    "the spokesperson block seen is incomplete and a page that may hold the rest "
                    "could not be fetched",
                    [info.page_url, *failed],
                )
            ]
        parts_vi: list[str] = []
        parts_en: list[str] = []
        if missing:
            parts_vi.append("còn thiếu " + ", ".join(_FIELDS_VI[k] for k in missing))
            parts_en.append("missing " + ", ".join(_FIELDS_EN[k] for k in missing))
        if invalid:
            parts_vi.append(
                "không hợp lệ: " + "; ".join(f"{_FIELDS_VI[k]} '{v}'" for k, v in invalid)
            )
            parts_en.append("invalid: " + "; ".join(f"{_FIELDS_EN[k]} '{v}'" for k, v in invalid))
        return [
            self.finding(
                "fail",
                "Thông tin Người phát ngôn " + "; ".join(parts_vi) + ". Cập nhật đầy đủ, chính "
                "xác họ tên, chức vụ, số điện thoại, địa chỉ thư điện tử của Người phát ngôn.",
                "Spokesperson block " + "; ".join(parts_en) + ".",
                evidence,
                value,
            )
        ]
