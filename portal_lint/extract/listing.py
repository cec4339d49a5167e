"""Listing pages (category pages, home pages, news boxes): items, pagination, navigation.

Items are found by meaning, not by CMS selectors: a same-site link with headline-length
text (or an article-like URL) outside menus/footers is an item; its *block* is the
largest ancestor holding no other headline link, and blocks that share a parent and a
tag form a group of repeated siblings. The item's date comes from its own block text
(never from its title: titles quote decrees "ngày 06/6/2017"), else from its URL.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from urllib.parse import parse_qsl, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from portal_lint.extract.article import _breadcrumb, _hidden, _Memo, _subtree_ids, node_text
from portal_lint.extract.dates import find_datetimes
from portal_lint.extract.text import fold, normalize_text
from portal_lint.extract.urls import canonicalize, date_from_url, same_site


@dataclass
class ListingItem:
    url: str
    title: str
    published: datetime | None = None
    summary: str | None = None
    modified: datetime | None = None  # sitemap lastmod: an upper bound, not a publication date


@dataclass
class PostBack:
    """A pager link that only a form post follows (ASP.NET WebForms `__doPostBack`): POST
    `fields` (the form's hidden state plus __EVENTTARGET/__EVENTARGUMENT) to `action`."""

    action: str
    fields: dict[str, str] = field(default_factory=dict)
    page: int | None = None  # the page number the link shows, when it shows one
    label: str = ""


@dataclass
class Listing:
    items: list[ListingItem] = field(default_factory=list)
    next_pages: list[str] = field(default_factory=list)
    category_label: str | None = None
    is_listing: bool = False
    # Forward pages reached only by posting the page's form, nearest first.
    postbacks: list[PostBack] = field(default_factory=list)


# Containers whose links are navigation, not items.
_NAV_TAGS = frozenset({"nav", "header", "footer", "menu"})
_NAV_WORD_RE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|menus|topmenu|mainmenu|megamenu|submenu|"
    r"child-menu|dropdown-menu|footer|breadcrumbs?|pagination|pager|paging|phantrang|"
    r"phan-trang|weblink|lienket|lien-ket|skip|ms-hide|s4-ribbon|toolbar|share|social|"
    r"sitemap|so-do)(?:$|[-_\s\d])",
    re.IGNORECASE,
)
_PAGER_WORD_RE = re.compile(r"pag|phantrang|phan-trang|trang|page-iterator", re.IGNORECASE)
_SKIP_HREF_RE = re.compile(r"^\s*(?:javascript:|mailto:|tel:|#|data:)", re.IGNORECASE)
_FILE_RE = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|zip|rar|7z|jpe?g|png|gif|bmp|webp|mp3|mp4|avi)(?:$|\?)",
    re.IGNORECASE,
)
_ARTICLE_URL_RES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"[?&](?:itemid|newsid|news_id|articleid|article_id|postid|post_id|tinid|"
        r"idtin|id_tin|nid|contentid)=\d+",
        re.IGNORECASE,
    ),
    re.compile(
        r"/(?:chi-tiet|chitiet|detail|details|view_content|view-content|"
        r"view_detail|tin-chi-tiet|newsdetail|news-detail)(?:[/_.-]|$)",
        re.IGNORECASE,
    ),
    re.compile(r"/-/(?:asset_publisher|view_content|view-content)/", re.IGNORECASE),
    re.compile(r"/(?:19|20)\d{2}/\d{1,2}/(?:\d{1,2}/)?[^/]+"),
    re.compile(r"/lists/posts/post\.aspx\?", re.IGNORECASE),
    re.compile(
        r"/[a-z0-9]+(?:-[a-z0-9]+){3,}[-_.](?:[a-z]*)?\d{3,}(?:\.(?:html?|aspx?|php))?/?$",
        re.IGNORECASE,
    ),
    re.compile(r"/\d{3,}[-_][a-z0-9]+(?:-[a-z0-9]+){2,}(?:\.html?)?/?$", re.IGNORECASE),
    re.compile(r"/[a-z0-9]+(?:-[a-z0-9]+){4,}(?:\.html?|\.aspx)$", re.IGNORECASE),
    re.compile(r"[?&]p=\d+$"),
)
# The slug-only patterns above (last four but one) are weak: a category page with a long
# slug ("/tin-tuc/danh-muc/21/ung-dung-cntt-chuyen-doi-so.html") matches them too. A path
# segment that names a listing outweighs them; id parameters, "chi-tiet" and dates do not.
_WEAK_ARTICLE_URL_RES = _ARTICLE_URL_RES[5:8]
_LISTING_SEGMENT_RE = re.compile(
    r"/(?:danh-muc|danhmuc|chuyen-muc|chuyenmuc|chu-de|chude|category|categories|"
    r"cat|tag|tags|topic|topics|list|news-list)(?:/|$)",
    re.IGNORECASE,
)
_NEXT_TEXT_RE = re.compile(
    r"^(?:trang sau|trang tiep|tiep|tiep theo|sau|next|next page|xem them|cu hon|"
    r"tin cu hon|older|more|»|›|>|>>|→|\.\.\.\s*»)$"
)
_PAGE_PARAM_RE = re.compile(
    r"^(?:page|p|pg|paged|trang|pageindex|page_index|pagenum|pagenumber|page_no|pageno|"
    r"cur|start|offset|.*_cur|.*page.*)$",
    re.IGNORECASE,
)
_PAGE_PATH_RES: tuple[re.Pattern[str], ...] = (
    re.compile(r"/page/(\d+)/?$", re.IGNORECASE),
    re.compile(r"/trang[-/_](\d+)(?:\.html?)?/?$", re.IGNORECASE),
    re.compile(r"/p(\d+)(?:\.html?)?/?$", re.IGNORECASE),
    re.compile(r"[-_]p(?:age)?(\d+)\.html?$", re.IGNORECASE),
)


def _attr(node: LexborNode, name: str) -> str:
    # attrs looks one attribute up; .attributes would build a dict of all of them.
    return (node.attrs.get(name) or "") if node.is_element_node else ""


def _in_nav(node: LexborNode, cache: dict[int, bool], memo: _Memo) -> bool:
    """Inside a menu/footer-like container whose links are short labels. Class words alone
    are not trusted ("UnionNews_menu_mode2" holds news tabs): the container must also have
    short link texts on average, which is what makes a menu a menu."""
    cur: LexborNode | None = node.parent
    for _ in range(40):
        if cur is None or cur.tag in ("body", "html"):
            return False
        # The page's links share their ancestors: each is judged once per page.
        key = cur.mem_id
        verdict = cache.get(key)
        if verdict is None:
            verdict = cache[key] = _navish(cur) and _short_links(cur, memo)
        if verdict:
            return True
        cur = cur.parent
    return False


def _navish(node: LexborNode) -> bool:
    attrs = node.attributes
    if node.tag in _NAV_TAGS or (attrs.get("role") or "").lower() in (
        "navigation",
        "menubar",
        "banner",
        "contentinfo",
    ):
        return True
    return _nav_words(f"{attrs.get('class') or ''} {attrs.get('id') or ''}")


@lru_cache(maxsize=2048)
def _nav_words(cid: str) -> bool:
    """Class/id words of navigation. Cached: templates repeat them on every page."""
    return bool(cid.strip()) and bool(_NAV_WORD_RE.search(cid))


def _short_links(node: LexborNode, memo: _Memo) -> bool:
    lengths = [len(memo.text(a)) for a in node.css("a[href]")]
    lengths = [n for n in lengths if n]
    return bool(lengths) and sum(lengths) / len(lengths) < 30


def strong_article_url(url: str) -> bool:
    """The URL carries a post id parameter, a "chi-tiet" segment, a date path or another
    pattern stronger than a long slug: a long-slug category page ("/guong-dien-hinh-tien-
    tien.htm") matches the slug patterns too, these rarely."""
    if not url or _FILE_RE.search(url):
        return False
    return any(p.search(url) for p in _ARTICLE_URL_RES if p not in _WEAK_ARTICLE_URL_RES)


@lru_cache(maxsize=2048)
def looks_like_article_url(url: str) -> bool:
    """Heuristic: does this URL look like a single post? Used to prioritise, not to decide."""
    if not url or _FILE_RE.search(url):
        return False
    matched = [p for p in _ARTICLE_URL_RES if p.search(url)]
    if not matched:
        return False
    if all(p in _WEAK_ARTICLE_URL_RES for p in matched):
        try:
            path = urlsplit(url).path
        except ValueError:
            return True
        if _LISTING_SEGMENT_RE.search(path):
            return False
    return True


def _parse(html: str) -> LexborHTMLParser | None:
    if not html or not html.strip():
        return None
    try:
        tree = LexborHTMLParser(html)
    except Exception:  # noqa: BLE001 - lexbor refuses some inputs
        return None
    if tree.body is None:
        return None
    for tag in ("script", "style", "noscript", "template", "svg"):
        for node in tree.css(tag):
            node.decompose()
    return tree


# "Title (23/06/2026)" / "Title - 20/05/2024 08:30": a date shown inside the link text.
_TRAILING_DATE_RE = re.compile(
    r"[\s\-–|]*[(\[]?\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?:\s*[-|,]?\s*\d{1,2}[:h]\d{2}"
    r"(?:\s*(?:AM|PM|SA|CH))?)?)\s*[)\]]?\s*$",
    re.IGNORECASE,
)
# Rows of a legal-document table ("Số: 2068/QĐ-UBND Ngày: …"): documents, not news items.
_DOCUMENT_ROW_RE = re.compile(r"^(?:số|số hiệu|số/ký hiệu|số ký hiệu)\s*:", re.IGNORECASE)


# Words that make a trailing date part of the sentence ("… từ ngày 01/7/2025"), not the
# item's publication date printed after the link text.
_DATE_LEAD_WORDS = frozenset(
    {"ngay", "tu", "den", "toi", "truoc", "sau", "ke", "thang", "nam", "luc", "hanh", "ky"}
)


def _date_is_part_of_title(title: str, m: re.Match[str]) -> bool:
    joint = m.group(0)[: m.start(1) - m.start()]
    if any(ch in joint for ch in "([-–|"):
        return False  # "Title (23/06/2026)", "Title - 20/05/2024": a separate field
    words = fold(title[: m.start()]).split()
    return bool(words) and words[-1] in _DATE_LEAD_WORDS


def _headline(text: str, href: str) -> bool:
    words = len(text.split())
    if _DOCUMENT_ROW_RE.match(text):
        return False
    if looks_like_article_url(href):
        return len(text) >= 10 and words >= 2
    # Other URLs need a sentence-like text: short labels are menus and category links.
    return len(text) >= 30 and words >= 6


@dataclass
class _Cand:
    link: LexborNode
    url: str
    title: str
    block: LexborNode | None = None
    title_date: datetime | None = None


def _item_links(tree: LexborHTMLParser, url: str, memo: _Memo) -> list[_Cand]:
    out: list[_Cand] = []
    nav_cache: dict[int, bool] = {}
    for a in tree.body.css("a[href]"):
        href = _attr(a, "href")
        if _SKIP_HREF_RE.match(href) or _FILE_RE.search(href):
            continue
        absolute = canonicalize(href, url)
        if not absolute.startswith("http") or not same_site(absolute, url):
            continue
        title = memo.text(a) or normalize_text(_attr(a, "title"))
        if not title or not _headline(title, absolute):
            continue
        if _page_number_of(absolute) is not None and not looks_like_article_url(absolute):
            continue
        if _in_nav(a, nav_cache, memo):
            continue
        cand = _Cand(a, absolute, title)
        m = _TRAILING_DATE_RE.search(title)
        if m and m.start() > 10 and not _date_is_part_of_title(title, m):
            found = find_datetimes(m.group(1))
            if found:
                cand.title = title[: m.start()].strip()
                cand.title_date = found[0]
        out.append(cand)
    return out


def _headline_urls(node: LexborNode, url: str, cache: dict[int, set[str]], memo: _Memo) -> set[str]:
    key = node.mem_id
    if key not in cache:
        found: set[str] = set()
        for a in node.css("a[href]"):
            href = _attr(a, "href")
            if _SKIP_HREF_RE.match(href):
                continue
            text = memo.text(a)
            if len(text) >= 15:
                found.add(canonicalize(href, url))
        cache[key] = found
    return cache[key]


def _block_of(cand: _Cand, url: str, cache: dict[int, set[str]], memo: _Memo) -> LexborNode:
    block = cand.link
    cur = cand.link.parent
    for _ in range(8):
        if cur is None or cur.tag in ("body", "html", "form"):
            break
        urls = _headline_urls(cur, url, cache, memo)
        if len(urls - {cand.url}) > 0:
            break
        block = cur
        cur = cur.parent
    return block


_DATE_TOKEN_RE = re.compile(
    r"\d{1,4}\s*[/.\-]\s*\d{1,2}(?:\s*[/.\-]\s*\d{2,4})?|\d{1,2}\s*[:hg]\s*\d{2}(?::\d{2})?|\b(?:am|pm|sa|ch)\b"
)
_DATELINE_WORDS = {
    "ngay",
    "dang",
    "cap",
    "nhat",
    "luc",
    "gio",
    "thu",
    "hai",
    "ba",
    "tu",
    "nam",
    "sau",
    "bay",
    "chu",
    "thang",
    "xuat",
    "ban",
    "posted",
    "on",
    "updated",
    "published",
}


_WORD_SPLIT_RE = re.compile(r"[^a-z0-9]+")


def _is_dateline(text: str) -> bool:
    """Mostly a date: what is left after removing dates/times is a few dateline words."""
    rest = _DATE_TOKEN_RE.sub(" ", fold(text))
    words = [w for w in _WORD_SPLIT_RE.split(rest) if w]
    return len([w for w in words if w not in _DATELINE_WORDS and not w.isdigit()]) <= 3


_SENTENCE_DATE_RE = re.compile(
    r"\b(?:tu|den|toi|truoc|sau|ke|hieu luc|ap dung|thuc hien|han|ky)\s+(?:ngay\s+)?\d{1,2}\s*[/.\-]"
)


def _date_in_sentence(text: str) -> bool:
    return bool(_SENTENCE_DATE_RE.search(fold(text)))


def _summary_and_date(
    cand: _Cand, block: LexborNode, memo: _Memo
) -> tuple[str | None, datetime | None]:
    texts: list[str] = []
    in_link = _subtree_ids(cand.link, 11)  # text here is the link's own (its title)
    for node in block.traverse(include_text=True):
        if node.is_text_node:
            parent = node.parent
            if parent is None:
                continue
            raw = node.text_content or ""
            if raw.strip() and parent.mem_id not in in_link:
                texts.append(normalize_text(raw))
    # Lạc Việt style: <h2><a/></h2><p class="hot-content1">SAPO</p> — the block is the h2,
    # the summary and date are in the following sibling elements.
    sib = block.next
    hops = 0
    while sib is not None and hops < 3:
        if sib.is_element_node:
            if (
                memo.has_desc(sib, "a[href]")
                and len(memo.text(sib)) > 0
                and any(len(memo.text(a)) >= 15 for a in sib.css("a[href]"))
            ):
                break
            t = memo.text(sib)
            if t and not _hidden_el(sib):
                texts.append(t)
            hops += 1
        sib = sib.next
    dates: dict[str, list[datetime]] = {}  # the loops below may ask for a text's dates thrice

    def dates_in(t: str) -> list[datetime]:
        found = dates.get(t)
        if found is None:
            found = dates[t] = find_datetimes(t)
        return found

    # A dateline ("20/05/2024", "Ngày đăng: 20-5-2024 08:30", "(23/06/2026)") is the item's
    # date; a date inside a sentence of the teaser ("có hiệu lực từ ngày 01/7/2025") is not.
    published = None
    for t in texts:
        if len(t) <= 150 and _is_dateline(t):
            found = dates_in(t)
            if found:
                published = found[0]
                break
    if published is None:
        # A short meta line with other words ("Đăng ngày 20/05/2024 bởi Admin"): accept its
        # date unless the words before it make it part of a sentence ("hiệu lực từ 01/7").
        for t in texts:
            if len(t) <= 80 and not _date_in_sentence(t):
                found = dates_in(t)
                if found:
                    published = found[0]
                    break
    summary = None
    for t in texts:
        if len(t) >= 40 and not (len(t) <= 150 and dates_in(t)):
            summary = t
            break
    if summary is None:
        joined = " ".join(texts)
        if len(joined) >= 60:
            summary = joined
    return summary, published


def _hidden_el(node: LexborNode) -> bool:
    return "display:none" in _attr(node, "style").replace(" ", "").lower()


def _page_params(url: str) -> dict[str, int]:
    return dict(_page_param_items(url))  # a fresh dict: callers add to it


@lru_cache(maxsize=2048)
def _page_param_items(url: str) -> tuple[tuple[str, int], ...]:
    try:
        parts = urlsplit(url)
    except ValueError:
        return ()
    out: dict[str, int] = {}
    for k, v in parse_qsl(parts.query, keep_blank_values=True):
        if _PAGE_PARAM_RE.match(k) and v.isdigit() and len(v) <= 5:
            out[k.lower()] = int(v)
    for pat in _PAGE_PATH_RES:
        m = pat.search(parts.path)
        if m:
            out["#path"] = int(m.group(1))
    return tuple(out.items())


def _page_number_of(url: str) -> int | None:
    params = _page_params(url)
    return max(params.values()) if params else None


def _current_page(tree: LexborHTMLParser, url: str, memo: _Memo) -> int:
    """The page number of this listing page (URL or canonical parameter, else the pager's
    highlighted number), 1 when nothing says."""
    current = _page_params(url)
    canonical = tree.css_first('link[rel="canonical"]')
    if canonical is not None and _attr(canonical, "href"):
        for k, v in _page_params(canonicalize(_attr(canonical, "href"), url)).items():
            current.setdefault(k, v)
    if current:
        return max(current.values()) or 1
    for node in tree.body.css('[class*="current"], [class*="active"], [class*="selected"]'):
        text = memo.text(node)
        if text.isdigit() and len(text) <= 4 and _in_pager(node):
            return int(text)
    # The current page is the one number of the pager that is not a link.
    for node in tree.body.css("span, strong, b, em, li, td"):
        text = memo.text(node)
        if (
            text.isdigit()
            and len(text) <= 4
            and node.css_first("a") is None
            and not _inside_link(node)
            and _in_pager(node)
        ):
            return int(text)
    return 1


def _inside_link(node: LexborNode) -> bool:
    cur = node.parent
    for _ in range(4):
        if cur is None:
            return False
        if cur.tag == "a":
            return True
        cur = cur.parent
    return False


# __doPostBack('ctl00$…$lnkPage','') and WebForm_DoPostBackWithOptions(new
# WebForm_PostBackOptions("ctl00$…", "", …)): the two ways WebForms links post back.
_POSTBACK_RE = re.compile(
    r"""(?:__doPostBack|WebForm_PostBackOptions)\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]*)['"]"""
)
_FORM_TEXT_TYPES = frozenset({"", "hidden", "text", "search"})


def _form_fields(form: LexborNode) -> dict[str, str]:
    """What a browser sends for a form when no button is pressed: hidden and text inputs
    (ASP.NET's __VIEWSTATE, __EVENTVALIDATION and the like)."""
    out: dict[str, str] = {}
    for inp in form.css("input[name]"):
        kind = _attr(inp, "type").lower()
        if kind in _FORM_TEXT_TYPES:
            out[_attr(inp, "name")] = _attr(inp, "value")
    return out


def _postbacks(tree: LexborHTMLParser, url: str, cur: int, memo: _Memo) -> list[PostBack]:
    """Forward pager links that post the page's form back (nearest page first)."""
    found: list[tuple[int, int, PostBack]] = []
    seen: set[tuple[str, str]] = set()
    post_forms = [f for f in tree.body.css("form") if _attr(f, "method").lower() == "post"]
    for a in tree.body.css("a"):
        m = _POSTBACK_RE.search(f"{_attr(a, 'href')} {_attr(a, 'onclick')}")
        if m is None or (m.group(1), m.group(2)) in seen:
            continue
        text = memo.text(a) or normalize_text(_attr(a, "title"))
        label = fold(text).strip(" »›>→«‹<←") or fold(text)
        if text.isdigit() and len(text) <= 4:
            n, rank = int(text), 0
            if n <= cur:
                continue
        elif _NEXT_TEXT_RE.match(label) or label in ("»", "›", ">>", ">"):
            # "»" is "last page" on some pagers: a numbered link wins over it.
            n, rank = cur + 1, 1
        else:
            continue
        if not (_in_pager(a) or text.isdigit() or _NEXT_TEXT_RE.match(label)):
            continue
        form = a.parent
        while form is not None and form.tag != "form":
            form = form.parent
        if form is None:
            if len(post_forms) != 1:
                continue
            form = post_forms[0]
        action = canonicalize(_attr(form, "action") or url, url)
        if not same_site(action, url):
            continue
        fields = _form_fields(form)
        fields["__EVENTTARGET"] = m.group(1)
        fields["__EVENTARGUMENT"] = m.group(2)
        seen.add((m.group(1), m.group(2)))
        found.append((n, rank, PostBack(action, fields, n if rank == 0 else None, text)))
    found.sort(key=lambda t: (t[0], t[1]))
    return [pb for _, _, pb in found]


def _next_pages(tree: LexborHTMLParser, url: str, memo: _Memo) -> list[str]:
    current = _page_params(url)
    canonical = tree.css_first('link[rel="canonical"]')
    if canonical is not None and _attr(canonical, "href"):
        for k, v in _page_params(canonicalize(_attr(canonical, "href"), url)).items():
            current.setdefault(k, v)
    current_num = max(current.values()) if current else None
    if current_num is None:
        # The pager marks the current page (class current/active/selected) with its number.
        for node in tree.body.css('[class*="current"], [class*="active"], [class*="selected"]'):
            text = memo.text(node)
            if text.isdigit() and len(text) <= 4 and _in_pager(node):
                current_num = int(text)
                break
    cur = current_num or 1
    found: list[tuple[int, str]] = []
    seen: set[str] = set()
    page_url = canonicalize(url)
    rel_next = tree.css_first('link[rel="next"], a[rel="next"]')
    if rel_next is not None and _attr(rel_next, "href"):
        nxt = canonicalize(_attr(rel_next, "href"), url)
        found.append((cur + 1, nxt))
        seen.add(nxt)
    for a in tree.body.css("a[href]"):
        href = _attr(a, "href")
        if _SKIP_HREF_RE.match(href):
            continue
        absolute = canonicalize(href, url)
        if absolute in seen or absolute == page_url or not same_site(absolute, url):
            continue
        text = memo.text(a) or normalize_text(_attr(a, "title"))
        # "Trang sau »", "Tiếp >", "» Xem thêm": the arrows decorate the words.
        label = fold(text).strip(" »›>→«‹<←") or fold(text)
        params = _page_params(absolute)
        num = max(params.values()) if params else None
        if text.isdigit() and len(text) <= 4:
            # A numbered page link: only when it is in a pager or carries a page parameter.
            n = int(text)
            if (num is not None or _in_pager(a)) and n > cur:
                seen.add(absolute)
                found.append((n, absolute))
            continue
        if _NEXT_TEXT_RE.match(label) or label in ("»", "›", ">>", ">"):
            if num is None and looks_like_article_url(absolute):
                continue  # a "read more" button on a teaser, not the next page
            if num is None or num > cur:
                seen.add(absolute)
                found.append((num or cur + 1, absolute))
            continue
        if num is not None and num > cur and _in_pager(a) and not looks_like_article_url(absolute):
            seen.add(absolute)
            found.append((num, absolute))
    found.sort(key=lambda p: p[0])
    return [u for _, u in found]


def _in_pager(node: LexborNode) -> bool:
    cur: LexborNode | None = node.parent
    for _ in range(6):
        if cur is None:
            return False
        cid = f"{_attr(cur, 'class')} {_attr(cur, 'id')}"
        if _PAGER_WORD_RE.search(cid):
            return True
        cur = cur.parent
    return False


def extract_listing(html: str, url: str) -> Listing:
    """Items, forward pagination links and the category label of a listing-like page."""
    tree = _parse(html)
    if tree is None:
        return Listing()
    memo = _Memo(tree.body)  # the parsed tree is not changed from here on
    cands = _item_links(tree, url, memo)
    cache: dict[int, set[str]] = {}
    groups: dict[tuple[int, str], list[_Cand]] = {}
    for cand in cands:
        cand.block = _block_of(cand, url, cache, memo)
        parent = cand.block.parent
        key = (parent.mem_id if parent is not None else 0, cand.block.tag or "")
        groups.setdefault(key, []).append(cand)

    # Biggest groups first: the page's own list before side boxes.
    ordered = sorted(groups.values(), key=lambda g: -len({c.url for c in g}))
    items: list[ListingItem] = []
    by_url: dict[str, ListingItem] = {}
    by_key: dict[str, ListingItem] = {}
    for group in ordered:
        for cand in group:
            assert cand.block is not None
            summary, published = _summary_and_date(cand, cand.block, memo)
            published = cand.title_date or published
            if published is None:
                published = date_from_url(cand.url)
            existing = by_url.get(cand.url) or by_key.get(_item_key(cand.url))
            if existing is not None:
                # Same item linked twice (thumbnail + title, slider + tab): keep the richest.
                existing.published = existing.published or published
                existing.summary = existing.summary or summary
                if len(cand.title) > len(existing.title) and cand.url == existing.url:
                    existing.title = cand.title
                continue
            item = ListingItem(cand.url, cand.title, published, summary)
            items.append(item)
            by_url[cand.url] = item
            by_key[_item_key(cand.url)] = item

    largest = len({c.url for c in ordered[0]}) if ordered else 0
    # A long prose block outside the item blocks means a single article with a side list.
    in_items = {c.block.mem_id for c in cands if c.block is not None}
    prose = 0
    for p in tree.body.css("p"):
        t = memo.text(p)
        if len(t) >= 80 and not _inside_any(p, in_items):
            prose += len(t)
    is_listing = largest >= 3 and prose < 1500

    crumbs = _breadcrumb(tree)
    labels = [b for b in crumbs if fold(b) not in ("trang chu", "home", "trang nhat")]
    category = labels[-1] if labels else None
    next_pages = _next_pages(tree, url, memo)
    return Listing(
        items=items,
        next_pages=next_pages,
        category_label=category,
        is_listing=is_listing,
        postbacks=[] if next_pages else _postbacks(tree, url, _current_page(tree, url, memo), memo),
    )


@lru_cache(maxsize=1024)
def _item_key(url: str) -> str:
    """The URL without date parameters: Lạc Việt links one post with and without
    &PublishedDate=…, and both must give one item (same-titled posts stay distinct)."""
    parts = urlsplit(url)
    query = "&".join(
        f"{k}={v}"
        for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if "date" not in k.lower()
    )
    return f"{parts.netloc.lower()}{parts.path.lower()}?{query.lower()}"


def _inside_any(node: LexborNode, ids: set[int]) -> bool:
    cur: LexborNode | None = node
    for _ in range(40):
        if cur is None:
            return False
        if cur.mem_id in ids:
            return True
        cur = cur.parent
    return False


_NAV_LINK_WORD_RE = re.compile(
    r"nav|menu|danhmuc|danh-muc|chuyenmuc|chuyen-muc|category|categories|sitemap|so-do|"
    r"sodo|CategoryNews|cate",
    re.IGNORECASE,
)


def find_nav_links(html: str, url: str) -> list[tuple[str, str]]:
    """(absolute url, label) of same-site menu/category links, for discovering listings."""
    tree = _parse(html)
    if tree is None:
        return []
    title = fold(node_text(tree.css_first("title")))
    sitemap_page = "so do" in title or "sitemap" in title or "site map" in title
    out: list[tuple[str, str]] = []
    seen: set[str] = set()
    for a in tree.body.css("a[href]"):
        href = _attr(a, "href")
        if _SKIP_HREF_RE.match(href) or _FILE_RE.search(href):
            continue
        absolute = canonicalize(href, url)
        if not absolute.startswith("http") or not same_site(absolute, url) or absolute in seen:
            continue
        label = node_text(a) or normalize_text(_attr(a, "title"))
        if not label or len(label) > 80 or label.isdigit():
            continue
        if looks_like_article_url(absolute) and not sitemap_page:
            # A menu entry with a label-length text and only a long slug is a category
            # ("Gương điển hình tiên tiến" → /guong-dien-hinh-tien-tien.htm); walking it
            # costs one page if it turns out to be a post.
            if strong_article_url(absolute) or len(label.split()) > 6:
                continue
        if sitemap_page or _nav_container(a):
            if _hidden(a) and not _nav_container(a):
                continue
            seen.add(absolute)
            out.append((absolute, label))
    return out


def _nav_container(node: LexborNode) -> bool:
    cur: LexborNode | None = node.parent
    for _ in range(40):
        if cur is None or cur.tag in ("body", "html"):
            return False
        if cur.tag in ("nav", "menu") or _attr(cur, "role").lower() in ("navigation", "menubar"):
            return True
        cid = f"{_attr(cur, 'class')} {_attr(cur, 'id')}"
        if cid.strip() and (_NAV_LINK_WORD_RE.search(cid)) and "breadcrumb" not in cid.lower():
            return True
        cur = cur.parent
    return False
