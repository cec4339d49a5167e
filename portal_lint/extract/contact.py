"""Spokesperson (người phát ngôn) block: name, title, phone, e-mail.

A spokesperson block is recognised by meaning: a short label/heading/title mentioning
"người phát ngôn" (or "phát ngôn và cung cấp thông tin cho báo chí"), and near it (or, on a
page that is about the spokesperson, in its main content) a person: an honorific or
"Họ tên" with a name, plus a phone, e-mail or job title. A plain agency contact block with
a general phone number is not a spokesperson.
"""

from __future__ import annotations

import re
from html import escape as html_escape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from portal_lint.extract.links import (
    absolute_url,
    base_url,
    canonical_url,
    fold_text,
    node_text,
    normalize_text,
    same_site,
)
from portal_lint.snapshot import ContactInfo

# --------------------------------------------------------------------------- validators
_PHONE_RE = re.compile(r"(?:\+\s?84|\(?\+?84\)?|\(?0)[\d\s.\-()]{7,17}\d")
_EMAIL_RE = re.compile(r"[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_OBFUSCATED_AT = re.compile(
    r"([\w.+-]+)\s*(?:\[\s*(?:at|a|@)\s*\]|\(\s*(?:at|a|@)\s*\)|\{\s*(?:at|a)\s*\}|\s+at\s+)\s*"
    r"([A-Za-z0-9-]+(?:\s*(?:\.|\[\s*(?:dot|\.)\s*\]|\(\s*(?:dot|\.)\s*\))\s*[A-Za-z0-9-]+)+)",
    re.I,
)
_JOB_WORDS = (
    "giam doc",
    "pho giam doc",
    "chanh van phong",
    "pho chanh van phong",
    "truong phong",
    "pho truong phong",
    "truong ban",
    "pho truong ban",
    "chu tich",
    "pho chu tich",
    "bi thu",
    "thu truong",
    "bo truong",
    "vu truong",
    "cuc truong",
    "chanh thanh tra",
    "pho chanh thanh tra",
    "truong khoa",
    "tong giam doc",
    "uy vien",
    "can bo",
    "chuyen vien",
    "phu trach",
    "thu ky",
    "giam doc so",
    "trưởng",
    "spokesperson",
    "director",
    "deputy",
    "head of",
)


def validate_phone(s: str) -> bool:
    """A Vietnamese landline (0xx + 7/8 digits) or mobile (10 digits) number, +84 allowed."""
    if not s:
        return False
    digits = re.sub(r"\D", "", s)
    if s.strip().startswith("+") or digits.startswith("84") and len(digits) in (11, 12):
        if not digits.startswith("84"):
            return False
        digits = "0" + digits[2:]
    if not digits.startswith("0") or len(digits) not in (10, 11):
        return False
    if digits[1] == "0":
        return False
    # Mobiles are 10 digits (03/05/07/08/09); landlines 02x… are 11 (10 before 2017: 04, 08…).
    if digits[1] in "35789" and len(digits) == 10:
        return True
    if digits[1] == "2" and len(digits) == 11:
        return True
    return len(digits) == 10 and digits[1] in "2456"  # pre-2017 landline formats


def validate_email(s: str) -> bool:
    if not s:
        return False
    return (
        re.fullmatch(
            r"[A-Za-z0-9][\w.+-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}", s.strip()
        )
        is not None
    )


def looks_like_job_title(s: str) -> bool:
    f = fold_text(s)
    if not f or len(f) > 200:
        return False
    f = f.replace("trưởng", "truong")
    return any(re.search(r"(^|\W)" + re.escape(fold_text(w)) + r"(\W|$)", f) for w in _JOB_WORDS)


def _deobfuscate(text: str) -> str:
    def fix(m: re.Match[str]) -> str:
        dom = re.sub(r"\s*(?:\[\s*(?:dot|\.)\s*\]|\(\s*(?:dot|\.)\s*\))\s*", ".", m.group(2))
        dom = re.sub(r"\s*\.\s*", ".", dom)
        return f"{m.group(1)}@{dom}"

    return _OBFUSCATED_AT.sub(fix, text)


# --------------------------------------------------------------------------- spokesperson links
_LINK_RANKS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (0, re.compile(r"nguoi[ -_]?phat[ -_]?ngon|phat[ -_]?ngon[ -_]?vien|spokes")),
    (1, re.compile(r"phat[ -_]?ngon|cung[ -_]?cap[ -_]?thong[ -_]?tin[ -_]?cho[ -_]?bao[ -_]?chi")),
    (2, re.compile(r"gioi[ -_]?thieu|about")),
    (3, re.compile(r"lien[ -_]?he|contact")),
    (4, re.compile(r"co[ -_]?cau[ -_]?to[ -_]?chuc|to[ -_]?chuc[ -_]?bo[ -_]?may")),
    (5, re.compile(r"lanh[ -_]?dao")),
)


def find_spokesperson_links(html: str, url: str) -> list[str]:
    """Same-site links likely to hold the spokesperson, most likely first."""
    tree = LexborHTMLParser(html or "")
    base = base_url(tree, url)
    ranked: list[tuple[float, int, str]] = []
    seen: set[str] = set()
    own = canonical_url(url)
    for i, a in enumerate(tree.css("a[href]")):
        u = absolute_url(a.attributes.get("href"), base)
        if u is None or not same_site(u, url):
            continue
        key = canonical_url(u)
        if key == own or key in seen:
            continue
        text = fold_text(node_text(a) or a.attributes.get("title") or "")
        path = fold_text(u.split("://", 1)[-1].split("/", 1)[-1])
        rank: float | None = None
        for r, pat in _LINK_RANKS:
            # Fallback pages (Giới thiệu, Liên hệ…) only by a short menu-like text or path.
            if pat.search(text) and (r <= 1 or len(text) <= 40):
                rank = r
                break
            if pat.search(path) and (r <= 1 or "?" not in path):
                rank = r
                break
        if rank is None:
            continue
        # Article pages about spokesperson training are less likely than a dedicated page.
        if rank <= 1 and len(text) > 80:
            rank = 1.5
        seen.add(key)
        ranked.append((rank, i, u))
    ranked.sort()
    return [u for _, _, u in ranked]


# --------------------------------------------------------------------------- extraction
_TRIGGER = re.compile(
    r"(nguoi phat ngon|phat ngon vien|nguoi duoc (uy quyen|giao) phat ngon|"
    r"phat ngon va cung cap thong tin cho bao chi|phat ngon bao chi|thong tin phat ngon|spokesperson)"
)
_BLOCK_TAGS = frozenset(
    "p div li tr table tbody thead ul ol dl dt dd h1 h2 h3 h4 h5 h6 section article aside header footer br "
    "blockquote address form fieldset center".split()
)
_CELL_TAGS = frozenset({"td", "th"})
_ONE_HONORIFIC = r"(?:Đồng\s+chí|Đ/c|đ/c|Ông|Bà|ông|bà|Đồng chí|ĐỒNG CHÍ|ÔNG|BÀ|Mr\.?|Ms\.?|Mrs\.?)"
# Templates and forms often keep both forms of address: "Ông/Bà", "Ông (Bà)", "Ông, bà".
_HONORIFIC = _ONE_HONORIFIC + r"(?:\s*(?:/|,|\(|-)\s*" + _ONE_HONORIFIC + r"\)?)*"
# "Người phát ngôn: Nguyễn Văn A" names the person right after the label.
_NAME_LABEL = re.compile(
    r"(?:Họ\s*(?:và\s*)?tên|Họ\s*tên|Tên|Name|Người\s+phát\s+ngôn|Phát\s+ngôn\s+viên|"
    r"Người\s+được\s+(?:giao|ủy\s+quyền|uỷ\s+quyền)\s+phát\s+ngôn)\s*[:\t][:\s]*(.+)",
    re.I,
)
_TITLE_LABEL = re.compile(r"(?:Chức\s*vụ|Chức\s*danh|Title|Position)\s*[:\t][:\s]*(.+)", re.I)
# A line that is only a label (definition lists, stacked cells): its value is the next line.
_LABEL_ONLY = re.compile(
    r"^(?:Họ\s*(?:và\s*)?tên|Chức\s*vụ|Chức\s*danh|Điện\s*thoại(?:\s*di\s*động)?|Số\s*điện\s*thoại|SĐT|ĐT|"
    r"Di\s*động|E-?mail|Thư\s*điện\s*tử)\s*:?$",
    re.I,
)
_PHONE_LABEL = re.compile(
    r"(?:Điện\s*thoại(?:\s*(?:di\s*động|cơ\s*quan|bàn))?|Số\s*điện\s*thoại|SĐT|ĐTDĐ|ĐT|DĐ|Di\s*động|Tel|Phone|Mobile|Hotline)"
    r"\s*[:.]?\s*",
    re.I,
)


def _block_text(node: LexborNode) -> str:
    """Text with newlines at block boundaries and tabs between table cells."""
    parts: list[str] = []
    for n in node.traverse(include_text=True):
        tag = n.tag or ""
        if tag == "-text":
            par = n.parent
            if par is not None and par.tag in ("script", "style", "noscript"):
                continue
            parts.append(re.sub(r"[\t\n\r\f\v]+", " ", n.text_content or ""))
        elif tag in _BLOCK_TAGS:
            parts.append("\n")
        elif tag in _CELL_TAGS:
            parts.append("\t")
    raw = "".join(parts)
    lines = []
    for line in raw.split("\n"):
        cells = [normalize_text(c) for c in line.split("\t")]
        cells = [c for c in cells if c]
        if cells:
            lines.append("\t".join(cells))
    return "\n".join(lines)


def _name_after(text: str) -> str | None:
    """Capitalised words after the start of `text` (2–6 words): a Vietnamese personal name."""
    words: list[str] = []
    for raw in text.split()[:7]:
        w = raw.strip(".,;:()|")
        if w and w[0].isupper() and w.replace("'", "").isalpha():
            words.append(w)
        else:
            break
        if raw.rstrip(".") != raw.rstrip(".,;:()|") or raw.endswith(("–", "-")):
            break  # "An," ends the name
    if 2 <= len(words) <= 6:
        return " ".join(words)
    return None


# Two-word openings of job titles; capitalised like a name, so _name_after would take them.
_TITLE_STARTS = frozenset(
    "pho giam|giam doc|chanh van|pho chanh|truong phong|pho truong|truong ban|chu tich|pho chu|bi thu|"
    "tong giam|uy vien|can bo|chuyen vien|cuc truong|thu truong|chanh thanh|phu trach|thu ky".split(
        "|"
    )
)


def _starts_like_title(name: str) -> bool:
    return " ".join(fold_text(name).split()[:2]) in _TITLE_STARTS


def _title_after(rest: str) -> str | None:
    """A job title right after the name on the same line: "…Nguyễn Văn An, Phó Giám đốc; ĐT: …"."""
    rest = rest.lstrip(" .").lstrip(",-–: ")
    seg = re.split(r"[;|\n]|\s[-–]\s|(?:ĐT|Điện thoại|SĐT|Email|E-mail)\s*:", rest)[0].strip(
        " ,.-–"
    )
    return seg if seg and looks_like_job_title(seg) else None


# Common Vietnamese family names (with diacritics, so "Hà Nội" or "Cao Bằng" on their own are
# not taken for people only by their first word; the line must also look like a bare name).
_SURNAMES = frozenset(
    "nguyễn trần lê phạm hoàng huỳnh phan vũ võ đặng bùi đỗ hồ ngô dương lý trịnh đinh lâm mai "
    "lương tô đào hà cao chu tạ lưu kiều quách thái đoàn vương trương lại triệu tăng giang phùng "
    "hứa thân nông lò lục âu khổng doãn hầu mạc tống châu từ kim nghiêm quan tôn ninh khúc diệp "
    "lã la bế vi ma lường sầm đàm đồng thạch giáp cù phí trình khương viên bạch thiều hàn".split()
)


def _looks_like_contact_line(line: str) -> bool:
    """A line that is a job title, a phone number or an e-mail address (maybe labelled)."""
    flat = line.replace("\t", " ").strip()
    if not flat or len(flat) > 150:
        return False
    if _EMAIL_RE.search(flat):
        return True
    pm = _PHONE_RE.search(flat)
    if pm and validate_phone(pm.group(0)) and len(flat) - len(pm.group(0)) <= 25:
        return True
    return looks_like_job_title(flat) and not _TRIGGER.search(fold_text(flat))


def _bare_name_line(lines: list[str]) -> tuple[str, str | None] | None:
    """A line holding only a personal name (cards, stacked lines without labels), directly
    followed by the person's job title, phone or e-mail; or "Name - Title" on one line."""
    for i, line in enumerate(lines):
        line = line.replace("\t", " ").strip()
        if len(line) > 160:
            continue
        cand = _name_after(line)
        # Three words at least: two-word lines starting with a family name are as often places
        # ("Hà Nội", "Thái Bình") as people, and an unlabelled line has nothing else to tell.
        if cand is None or _starts_like_title(cand) or len(cand.split()) < 3:
            continue
        if cand.split()[0].lower() not in _SURNAMES:
            continue
        rest = line[len(cand) :]
        if not rest.strip(" ,.-–:"):
            if i + 1 < len(lines) and _looks_like_contact_line(lines[i + 1]):
                return cand, None
            continue
        title = _title_after(rest)
        if title and rest.lstrip()[:1] in (",", "-", "–", ":", "("):
            return cand, title
    return None


def _parse_person(text: str) -> dict[str, str | None]:
    text = _deobfuscate(text)
    name = title = phone = email = None
    lines: list[str] = []
    for line in text.split("\n"):
        if lines and _LABEL_ONLY.match(lines[-1]) and not _LABEL_ONLY.match(line):
            lines[-1] = lines[-1].rstrip(" :") + ": " + line
        else:
            lines.append(line)
    for line in lines:
        flat = line.replace("\t", ": ")
        if name is None:
            m = _NAME_LABEL.search(flat)
            if m and not re.match(r"(?:cơ quan|đơn vị)", flat, re.I):
                cand = re.sub(r"^" + _HONORIFIC + r"\s*[:.]?\s*", "", m.group(1).strip())
                name = _name_after(cand)
                if name and _starts_like_title(name):
                    name = None  # "Người phát ngôn: Phó Giám đốc …" names a post, not a person
                if name and title is None:
                    title = _title_after(cand[len(name) :])
        if name is None:
            m = re.search(r"(?:^|[\s(:;,])" + _HONORIFIC + r"\s*[:.]?\s+(.+)", flat)
            if m:
                cand = _name_after(m.group(1))
                if cand:
                    name = cand
                    if title is None:
                        title = _title_after(m.group(1)[len(cand) :])
        if title is None:
            m = _TITLE_LABEL.search(flat)
            if m:
                seg = re.split(r";|\s[-–]\s|(?:ĐT|Điện thoại|SĐT|Email|E-mail)\s*:", m.group(1))[
                    0
                ].strip(" ,.")
                title = seg or None
        if phone is None:
            for m in _PHONE_LABEL.finditer(flat):
                pm = _PHONE_RE.match(flat, m.end())
                if pm and validate_phone(pm.group(0)):
                    phone = pm.group(0).strip(" .-")
                    break
        if email is None:
            em = _EMAIL_RE.search(flat)
            if em:
                email = em.group(0).rstrip(".")
    if name is None:
        bare = _bare_name_line(lines)
        if bare is not None:
            name, title = bare[0], title or bare[1]
    if title is None:
        for line in lines:
            for seg in re.split(r"[;\t]|\s[-–]\s", line):
                seg = seg.strip(" ,.")
                if (
                    4 <= len(seg) <= 150
                    and looks_like_job_title(seg)
                    and not _TRIGGER.search(fold_text(seg))
                ):
                    title = re.sub(r"^(?:Chức\s*vụ|Chức\s*danh)\s*[:]\s*", "", seg, flags=re.I)
                    break
            if title:
                break
    if phone is None:
        for m in _PHONE_RE.finditer(text):
            if validate_phone(m.group(0)):
                phone = m.group(0).strip(" .-")
                break
    return {"name": name, "title": title, "phone": phone, "email": email}


def _is_person(fields: dict[str, str | None]) -> bool:
    return bool(fields["name"]) and bool(fields["phone"] or fields["email"] or fields["title"])


# A table header cell naming a person's field ("Họ và tên", "Chức vụ", "Điện thoại cơ quan", "Email").
_FIELD_HEADER = re.compile(
    r"^(?:Họ\s*(?:và\s*)?tên|Chức\s*(?:vụ|danh)|(?:Số\s*)?điện\s*thoại|SĐT|ĐT|Di\s*động|E-?mail|"
    r"Thư\s*điện\s*tử|Hộp\s*thư)\b",
    re.I,
)


def _row_cells(row: LexborNode) -> list[LexborNode]:
    return [c for c in row.iter() if c.tag in _CELL_TAGS]


def _column_tables_as_lines(tree: LexborHTMLParser) -> None:
    """Rewrite tables with one column per field (header "Họ và tên | Chức vụ | Điện thoại |
    Email", then one row per person) as "Label: value" lines, one block per person, so they read
    like the label/value layouts the parser knows. Label/value tables (one row per field) have
    at most one label cell per row and are left alone."""
    for table in tree.css("table"):
        rows = [r for r in table.css("tr") if r.css_first("table") is None]
        header: list[str] | None = None
        people: list[list[tuple[str, str]]] = []
        for row in rows:
            cells = [normalize_text(node_text(c)) for c in _row_cells(row)]
            if header is None:
                if sum(1 for c in cells if len(c) <= 40 and _FIELD_HEADER.match(c)) >= 2:
                    header = cells
                continue
            if len(cells) != len(header):
                continue
            pairs = [
                (h, v)
                for h, v in zip(header, cells, strict=True)
                if v and len(h) <= 40 and _FIELD_HEADER.match(h)
            ]
            if pairs:
                people.append(pairs)
        if header is None or not people:
            continue
        blocks = "".join(
            "<div>"
            + "".join(f"<p>{html_escape(h.rstrip(' :'))}: {html_escape(v)}</p>" for h, v in pairs)
            + "</div>"
            for pairs in people
        )
        repl = LexborHTMLParser(f"<div>{blocks}</div>").css_first("div")
        if repl is not None:
            table.replace_with(repl)


def _clean_tree(html: str) -> LexborHTMLParser:
    tree = LexborHTMLParser(html or "")
    for n in tree.css("script, style, noscript, template"):
        n.decompose()
    _column_tables_as_lines(tree)
    return tree


def _page_is_about_spokesperson(tree: LexborHTMLParser) -> bool:
    """Title, h1/h2 or a short breadcrumb-like text names the spokesperson page."""
    title = tree.css_first("title")
    if title is not None and _TRIGGER.search(fold_text(title.text())):
        return True
    for h in tree.css("h1, h2, h3, p, span, li, div"):
        t = fold_text(node_text(h))
        if (
            t
            and len(t) <= 80
            and _TRIGGER.search(t)
            and h.css_first("a") is None
            and not _inside_link(h)
        ):
            return True
    return False


def _inside_link(node: LexborNode) -> bool:
    p = node.parent
    for _ in range(4):
        if p is None:
            return False
        if p.tag == "a":
            return True
        p = p.parent
    return False


def _finish(url: str, fields: dict[str, str | None], raw: str) -> ContactInfo:
    return ContactInfo(
        page_url=url,
        name=fields["name"],
        title=normalize_text(fields["title"]) if fields["title"] else None,
        phone=fields["phone"],
        email=fields["email"],
        raw_text=raw[:2000],
    )


def extract_spokesperson(html: str, url: str) -> ContactInfo | None:
    """The spokesperson block of a page, or None when the page has none."""
    tree = _clean_tree(html)
    body = tree.body
    if body is None:
        return None
    # 1) local: a label/heading "Người phát ngôn…" and the person right beside it
    for tn in body.traverse(include_text=True):
        if tn.tag != "-text":
            continue
        t = fold_text(tn.text_content or "")
        m = _TRIGGER.search(t) if t else None
        if m is None or tn.parent is None or _inside_link(tn) or tn.parent.tag == "a":
            continue
        if m.start() > 60 and len(t) > 150:
            continue  # "phát ngôn" in the middle of an article sentence
        cur: LexborNode | None = tn.parent
        found: tuple[int, ContactInfo] | None = None
        for _ in range(6):
            if cur is None or cur.tag in ("body", "html"):
                break
            raw = _block_text(cur)
            # Once a person is found, widen only to a small block (the phone may sit in the next
            # paragraph), never to a region that could lend the agency's own number.
            if len(raw) > 2500 or (found is not None and len(raw) > 600):
                break
            fields = _parse_person(raw)
            if _is_person(fields):
                score = sum(1 for k in ("name", "title", "phone", "email") if fields[k])
                if found is None or score > found[0]:
                    found = (score, _finish(url, fields, raw))
                if score == 4:
                    break
            cur = cur.parent
        if found is not None:
            return found[1]
    # 2) a page about the spokesperson: the person block of its main content
    if not _page_is_about_spokesperson(tree):
        return None
    best: tuple[int, int, ContactInfo] | None = None
    for node in body.css("td, div, section, article, dl, ul, table, p"):
        raw = _block_text(node)
        if not raw or len(raw) > 1200:
            continue
        fields = _parse_person(raw)
        if not _is_person(fields):
            continue
        score = sum(1 for k in ("name", "title", "phone", "email") if fields[k])
        cand = (score, -len(raw), _finish(url, fields, raw))
        if best is None or cand[:2] > best[:2]:
            best = cand
    return best[2] if best else None
