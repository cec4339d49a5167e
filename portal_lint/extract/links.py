"""Links of a page: anchors, image-map areas and "Liên kết website" dropdowns.

Pure functions (html + page URL in, data out). Also holds the small text/URL helpers the
other site-feature extractors (forms, counter, contact, documents) share.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, unquote, urlencode, urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from portal_lint.snapshot import Link

# --------------------------------------------------------------------------- text helpers
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\s\u00a0\u202f\u2007]+")


def normalize_text(s: str) -> str:
    """NFC, no zero-width characters, single spaces, stripped."""
    s = unicodedata.normalize("NFC", s or "")
    s = _ZERO_WIDTH.sub("", s)
    return _SPACES.sub(" ", s).strip()


def fold_text(s: str) -> str:
    """Lower-case, diacritics removed (đ -> d): for matching labels, never for display."""
    s = normalize_text(s).lower().replace("đ", "d")
    s = unicodedata.normalize("NFD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


# --------------------------------------------------------------------------- URL helpers
_SKIP_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "about:", "sms:", "callto:")
# Web-archive copies wrap the original URL; unwrap so hosts mean the real site.
_WAYBACK = re.compile(r"^https?://[^/]+/web/\d{4,14}[a-z_]*/(https?:/.+)$", re.I)
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|zarsrc|_ga|mc_cid|mc_eid|ref|refid)$", re.I)


def unwrap_archive(u: str) -> str:
    m = _WAYBACK.match(u)
    if not m:
        return u
    inner = m.group(1)
    if re.match(r"^https?:/[^/]", inner):  # "http:/host" after path normalisation
        inner = inner.replace(":/", "://", 1)
    if not re.match(r"^https?://", inner, re.I):
        inner = "http://" + inner
    return inner


def absolute_url(href: str | None, base: str) -> str | None:
    """Absolute http(s) URL for an href, or None for javascript:/mailto:/fragments/empty."""
    if href is None:
        return None
    h = normalize_text(href)
    if not h or h.startswith("#") or h.lower().startswith(_SKIP_SCHEMES):
        return None
    if h.lower().startswith("www."):
        h = "http://" + h
    try:
        u = urljoin(base, h)
    except ValueError:
        return None
    u = unwrap_archive(u)
    if not u.lower().startswith(("http://", "https://")):
        return None
    return u.split("#", 1)[0]


def host_of(u: str) -> str:
    """Lower-case host without a leading www."""
    try:
        h = (urlsplit(u).hostname or "").lower()
    except ValueError:
        return ""
    return h[4:] if h.startswith("www.") else h


def same_site(u: str, page_url: str) -> bool:
    a, b = host_of(u), host_of(page_url)
    return bool(a) and a == b


def canonical_url(u: str) -> str:
    """Comparable form: no scheme, lower-case, no www., no tracking params, no trailing slash."""
    u = unwrap_archive(normalize_text(u))
    try:
        p = urlsplit(u)
    except ValueError:
        return u.lower()
    host = (p.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    if p.port and p.port not in (80, 443):
        host = f"{host}:{p.port}"
    path = unquote(p.path).rstrip("/") or ""
    query = sorted(
        (k.lower(), v)
        for k, v in parse_qsl(p.query, keep_blank_values=True)
        if not _TRACKING.match(k)
    )
    q = urlencode(query)
    return f"{host}{path}{'?' + q if q else ''}".lower()


def base_url(tree: LexborHTMLParser, url: str) -> str:
    b = tree.css_first("base[href]")
    if b is not None:
        href = b.attributes.get("href") or ""
        if href.strip():
            return urljoin(url, href.strip())
    return url


def node_text(node: LexborNode) -> str:
    return normalize_text(node.text(separator=" ") or "")


# --------------------------------------------------------------------------- links
def extract_links(html: str, url: str) -> list[Link]:
    """Every link of the page: <a href>, <area href>, and <option value="http…"> of link dropdowns.

    Absolute URLs, deduplicated by (URL, where), document order. javascript:, mailto: and
    tel: are skipped (see `extract_contact_links`).
    """
    tree = LexborHTMLParser(html or "")
    base = base_url(tree, url)
    out: list[Link] = []
    seen: set[tuple[str, str]] = set()
    for node in tree.css("a[href], area[href], option[value]"):
        tag = node.tag or ""
        if tag == "option":
            raw = normalize_text(node.attributes.get("value") or "")
            # Only real URLs: option values are otherwise form codes ("1", "vi_VN").
            if not re.match(r"^(https?://|www\.|//)", raw, re.I):
                continue
            where = "option"
        else:
            raw = node.attributes.get("href") or ""
            where = "area" if tag == "area" else "a"
        href = absolute_url(raw, base)
        if href is None:
            continue
        text = node_text(node)
        if not text:
            text = normalize_text(node.attributes.get("title") or node.attributes.get("alt") or "")
            if not text and where == "a":
                img = node.css_first("img")
                if img is not None:
                    text = normalize_text(
                        img.attributes.get("alt") or img.attributes.get("title") or ""
                    )
        key = (href, where)
        if key in seen:
            continue
        seen.add(key)
        out.append(Link(href=href, text=text, where=where))
    return out


def extract_contact_links(html: str) -> dict[str, list[str]]:
    """mailto: addresses and tel: numbers of the page ({"mailto": [...], "tel": [...]})."""
    tree = LexborHTMLParser(html or "")
    res: dict[str, list[str]] = {"mailto": [], "tel": []}
    for node in tree.css("a[href]"):
        h = normalize_text(node.attributes.get("href") or "")
        low = h.lower()
        for scheme in ("mailto", "tel"):
            if low.startswith(scheme + ":"):
                v = unquote(h[len(scheme) + 1 :]).split("?", 1)[0].strip()
                if v and v not in res[scheme]:
                    res[scheme].append(v)
    return res


def department_hosts(
    links: list[Link], province_domains: list[str], own_host: str
) -> dict[str, list[str]]:
    """Hosts under a province domain (e.g. "daknong.gov.vn"), excluding the site's own host."""
    own = own_host.lower().strip()
    if "://" in own:
        own = host_of(own)
    own = own[4:] if own.startswith("www.") else own
    domains = [d.lower().strip().lstrip(".") for d in province_domains if d and d.strip()]
    domains = [d[4:] if d.startswith("www.") else d for d in domains]
    out: dict[str, list[str]] = {}
    for link in links:
        h = host_of(link.href)
        if not h or h == own:
            continue
        if any(h == d or h.endswith("." + d) for d in domains):
            urls = out.setdefault(h, [])
            if link.href not in urls:
                urls.append(link.href)
    return out


# --------------------------------------------------------------------------- social
# First path segments of facebook.com that are buttons/tools, not a page.
_FB_NON_PAGES = frozenset(
    "sharer sharer.php share share.php dialog plugins login login.php tr hashtag help policies "
    "privacy l.php watch groups events photo.php story.php permalink.php".split()
)


def _is_fanpage(u: str) -> bool:
    h = host_of(u)
    if not (h == "facebook.com" or h.endswith(".facebook.com") or h in ("fb.com", "fb.me")):
        return False
    segs = [s for s in urlsplit(u).path.split("/") if s]
    if not segs:
        return False
    return segs[0].lower() not in _FB_NON_PAGES


def find_social(links: list[Link], html: str) -> dict[str, list[str]]:
    """Official social presence and VssID promotion seen on the page."""
    res: dict[str, list[str]] = {"fanpage": [], "zalo": [], "youtube": [], "vssid": []}

    def add(kind: str, v: str) -> None:
        if v and v not in res[kind]:
            res[kind].append(v)

    for link in links:
        u = link.href
        h = host_of(u)
        blob = fold_text(f"{u} {link.text}")
        if _is_fanpage(u):
            add("fanpage", u)
        elif h in ("zalo.me", "oa.zalo.me") or h.endswith(".zalo.me"):
            add("zalo", u)
        elif h in ("youtube.com", "m.youtube.com", "youtu.be") or h.endswith(".youtube.com"):
            add("youtube", u)
        if "vssid" in blob.replace(" ", "").replace("-", ""):
            add("vssid", u)
        elif h in ("apps.apple.com", "itunes.apple.com", "play.google.com") and (
            "vss" in blob or "bhxh" in blob or "bao hiem xa hoi" in blob
        ):
            add("vssid", u)

    # Banners and text: an image whose alt/title/src names VssID, or text about it.
    tree = LexborHTMLParser(html or "")
    for img in tree.css("img"):
        blob = " ".join(img.attributes.get(k) or "" for k in ("alt", "title", "src", "data-src"))
        if "vssid" in fold_text(blob).replace(" ", "").replace("-", ""):
            add("vssid", "img: " + normalize_text(img.attributes.get("src") or blob))
    body = tree.body
    if body is not None:
        for node in body.css("script, style, noscript"):
            node.decompose()
        text = normalize_text(body.text(separator=" "))
        for m in re.finditer(r"[^.!?\n]{0,80}\bVss\s?ID\b[^.!?\n]{0,80}", text, re.I):
            snippet = m.group(0).strip()
            f = fold_text(snippet)
            if any(
                w in f for w in ("tai", "cai dat", "huong dan", "su dung", "download", "ung dung")
            ):
                add("vssid", "text: " + snippet)
    return res
