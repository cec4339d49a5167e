"""Vietnamese date/time parsing for free text shown on portal pages.

Portals show dates day-first ("20/05/2024", "20-5-2024", "20.05.2024", "ngày 20 tháng 5
năm 2024"), with the time before or after and in 24-hour, AM/PM, SA/CH (sáng/chiều) or
"8h30" style. ISO 8601 strings (meta tags, JSON-LD, <time datetime>) are parsed too; a
timezone-aware value is converted to Vietnam time and returned naive, so every datetime
this module returns is naive local time (Asia/Ho_Chi_Minh).

Implausible dates are refused: years before 1995 (no Vietnamese government portal is
older) or after 2100, and therefore the CMS sentinels 01/01/0001, 01/01/1900 and
31/12/9999 that some portals print for "no date".
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from portal_lint.extract.text import normalize_text

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MIN_YEAR = 1995
MAX_YEAR = 2100

_ISO_RE = re.compile(
    r"(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?(?![\d])"
)
# Day-first numeric date with one separator used consistently (\2 back-reference).
_DMY_RE = re.compile(r"(?<![\d/.-])(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?![\d])")
# Year-first with slashes (some CMSs print 2024/05/20).
_YMD_SLASH_RE = re.compile(r"(?<![\d/.-])(\d{4})/(\d{1,2})/(\d{1,2})(?![\d/])")
_WORDS_RE = re.compile(
    r"ng[àa]y\s+(\d{1,2})\s+th[áa]ng\s+(\d{1,2})\s*(?:,\s*)?n[ăa]m\s+(\d{4})", re.IGNORECASE
)
_TIME = (
    r"(?P<h>\d{1,2})\s*(?:[:]\s*(?P<m>\d{2})|(?:h(?![^\W\d_])|giờ)\s*(?P<m2>\d{2})?)"
    r"(?:\s*:\s*(?P<s>\d{2}))?(?:\s*(?:phút|p)(?![^\W\d_]))?"
    r"(?:\s*(?P<ampm>A\.M\.|P\.M\.|AM|PM|SA|CH|sáng|chiều|tối|trưa)(?![^\W\d_]))?"
)
# Time right after the date: "20/05/2024 - 08:30", "25/06/2020 | 11:47 AM", "20/5/2024 8h30".
_TIME_AFTER_RE = re.compile(
    r"^\s*(?:[,|\-–—]\s*)?(?:(?:vào\s+)?lúc\s+|vào\s+)?" + _TIME + r"(?![\d/])", re.IGNORECASE
)
# Time right before the date: "08:30:15 20/05/2024", "08:30 SA, ngày 20/05/2024".
_TIME_BEFORE_RE = re.compile(
    r"(?<![\d/.:])" + _TIME + r"\s*(?:[,|\-–—]\s*)?(?:ngày\s*)?$", re.IGNORECASE
)
_YEAR_RE = re.compile(r"\d{4}")
_PM = {"pm", "p.m.", "ch", "chiều", "tối"}
_AM = {"am", "a.m.", "sa", "sáng"}


def _valid(y: int, mo: int, d: int) -> datetime | None:
    if not (MIN_YEAR <= y <= MAX_YEAR):
        return None
    try:
        return datetime(y, mo, d)
    except ValueError:
        return None


def _time_from(m: re.Match[str]) -> tuple[int, int, int] | None:
    h = int(m.group("h"))
    minutes = m.group("m") or m.group("m2")
    mi = int(minutes) if minutes else 0
    s = int(m.group("s")) if m.group("s") else 0
    ampm = (m.group("ampm") or "").lower()
    if ampm in _PM and h < 12:
        h += 12
    elif ampm in _AM and h == 12:
        h = 0
    elif ampm == "trưa" and h < 6:  # "1 giờ trưa" is 13:00
        h += 12
    if h > 23 or mi > 59 or s > 59:
        return None
    return h, mi, s


def _attach_time(text: str, start: int, end: int, day: datetime) -> datetime:
    """Join the time written right after (preferred) or right before the date."""
    after = _TIME_AFTER_RE.match(text[end : end + 40])
    t = _time_from(after) if after else None
    if t is None:
        before = _TIME_BEFORE_RE.search(text[max(0, start - 40) : start])
        t = _time_from(before) if before else None
    if t is None:
        return day
    return day.replace(hour=t[0], minute=t[1], second=t[2])


def _iso(m: re.Match[str]) -> datetime | None:
    day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if day is None:
        return None
    if m.group(4) is None:
        return day
    h, mi, s = int(m.group(4)), int(m.group(5)), int(m.group(6) or 0)
    if h > 23 or mi > 59 or s > 59:
        return day
    value = day.replace(hour=h, minute=mi, second=s)
    tz = m.group(7)
    if tz:
        if tz == "Z":
            offset_min = 0
        else:
            sign = -1 if tz[0] == "-" else 1
            digits = tz[1:].replace(":", "")
            offset_min = sign * (int(digits[:2]) * 60 + int(digits[2:]))
        aware = value.replace(tzinfo=timezone(timedelta(minutes=offset_min)))
        value = aware.astimezone(VN_TZ).replace(tzinfo=None)
    return value


def _candidates(text: str) -> list[tuple[int, datetime]]:
    found: list[tuple[int, datetime]] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    for m in _ISO_RE.finditer(text):
        taken.append(m.span())
        dt = _iso(m)
        if dt is not None:
            # A date-only ISO string may still carry a shown time after it.
            if m.group(4) is None:
                dt = _attach_time(text, m.start(), m.end(), dt)
            found.append((m.start(), dt))
    for m in _WORDS_RE.finditer(text):
        if not free(*m.span()):
            continue
        taken.append(m.span())
        day = _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        if day is not None:
            found.append((m.start(), _attach_time(text, m.start(), m.end(), day)))
    for m in _DMY_RE.finditer(text):
        if not free(*m.span()):
            continue
        taken.append(m.span())
        day = _valid(int(m.group(4)), int(m.group(3)), int(m.group(1)))
        if day is not None:
            found.append((m.start(), _attach_time(text, m.start(), m.end(), day)))
    for m in _YMD_SLASH_RE.finditer(text):
        if not free(*m.span()):
            continue
        taken.append(m.span())
        day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if day is not None:
            found.append((m.start(), _attach_time(text, m.start(), m.end(), day)))
    found.sort(key=lambda p: p[0])
    return found


def find_datetimes(text: str) -> list[datetime]:
    """Every plausible date(+time) in `text`, in reading order (naive Vietnam time)."""
    if not text:
        return []
    text = normalize_text(text)
    if not _YEAR_RE.search(text):
        return []  # every date pattern holds a four-digit year: most texts end here
    return [dt for _, dt in _candidates(text)]


def parse_vn_datetime(text: str) -> datetime | None:
    """The first plausible date(+time) in a free text, or None.

    >>> parse_vn_datetime("Thứ Hai, 20/05/2024 - 08:30")
    datetime.datetime(2024, 5, 20, 8, 30)
    """
    found = find_datetimes(text)
    return found[0] if found else None
