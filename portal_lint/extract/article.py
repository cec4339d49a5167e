"""Extract a single news article from its page, by structure and meaning.

The extractor does not know any CMS. It works in this order:

1. metadata: JSON-LD (NewsArticle/Article…), Open Graph / article:* meta, rel=canonical;
2. the breadcrumb (class/aria "breadcrumb", a "Trang chủ > …" trail, JSON-LD BreadcrumbList);
3. boilerplate removal (scripts, nav, header/footer, sidebars, share bars, comments,
   "tin liên quan" boxes) by tag, ARIA role and class/id words;
4. the main content block by text density (paragraph text credited to parent and
   grandparent, discounted by link density), like Readability;
5. the title element: the element whose text equals og:title / headline / the <title>
   without its " - Site" suffix, else the first h1/"title"-class element before the body;
6. the date: JSON-LD, article:published_time, <time datetime> in the head, then a short
   date line right after (or just before) the title element, then the URL — never a
   script's page-generation time (scripts are dropped first) nor a sidebar date.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from portal_lint.extract.dates import find_datetimes, parse_vn_datetime
from portal_lint.extract.text import fold, normalize_text, word_count
from portal_lint.extract.urls import canonicalize, date_from_url, same_site
from portal_lint.snapshot import Article, Image

# Tags whose content never belongs to an article's text.
_DROP_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "canvas",
    "select",
    "button",
    "textarea",
    "input",
    "link",
    "meta",
    "head",
)
_BOILER_TAGS = ("nav", "aside", "menu")
_SECTION_TAGS = ("header", "footer")  # boilerplate only outside <article>/<main>
_BOILER_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menubar")
# Class/id words of blocks that are not the article (whole tokens or token parts).
_BOILER_WORD_RE = re.compile(
    r"(?:^|[-_\s])(?:nav|navbar|navigation|menu|menus|topmenu|mainmenu|sidebar|side-bar|"
    r"footer|foot|banner|breadcrumbs?|related|relate|lienquan|lien-quan|tinlienquan|"
    r"tinkhac|tin-khac|othernews|other-news|comments?|binhluan|binh-luan|share|sharing|social|"
    r"sociallink|fb-like|fb-comments|likebox|advert|ads|quangcao|quang-cao|popup|modal|"
    r"pagination|pager|paging|print-action|mailto-action|toolbar|widget|weblink|lienket|"
    r"cookie|skip|ms-hide|s4-ribbon|ribbon|dropdown-menu|tags?|keyword|tu-khoa)"
    r"(?:$|[-_\s\d])",
    re.IGNORECASE,
)
_BLOCK_TAGS = frozenset(
    "p div section article main li ul ol h1 h2 h3 h4 h5 h6 tr table td th blockquote pre "
    "figure figcaption dd dt dl form center address hr".split()
)
_HEADING_TAGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_RELATED_MARKERS = (
    "tin lien quan",
    "bai lien quan",
    "tin bai lien quan",
    "cac tin khac",
    "tin khac",
    "cac bai khac",
    "bai viet lien quan",
    "tin cung chuyen muc",
    "cac tin da dua",
    "tin da dua",
    "xem them",
    "doc them",
    "tin moi hon",
    "tin cu hon",
    "binh luan",
    "y kien ban doc",
    "chia se",
    "in bai viet",
    "gui mail",
    "tin noi bat",
    "tin moi",
)
_ROLE_RE = re.compile(
    r"^(?:pho |truong |giam doc|chu tich|bien tap|ban bien tap|thu ky|admin|quan tri|"
    r"phong |trung tam|van phong|so |bhxh|bao hiem)|ban bien tap|bien tap vien|webmaster",
)
_SOURCE_RE = re.compile(
    r"^\(?\s*ngu[ồô]n(?:\s+(?:tin|bài|ảnh))?\s*[:：\-–]\s*(.+?)\)?\s*$", re.IGNORECASE
)
_AUTHOR_LABEL_RE = re.compile(
    r"^(?:tác giả|người viết|bài(?:\s+và\s+ảnh|,\s*ảnh)?|tin(?:,\s*ảnh)?|tin\s+và\s+ảnh|"
    r"phóng viên|pv|ctv|author|by)\s*[:：]\s*(.+)$",
    re.IGNORECASE,
)
# Byline labels CMS templates print without a colon ("Viết bởi X" in Joomla, "Tác giả X"
# in Drupal's inline field label): stripped only from a byline element, never from text.
_BYLINE_LABEL_RE = re.compile(
    r"^(?:viết bởi|đăng bởi|được viết bởi|tác giả|người viết|bút danh|written by|posted by|by)"
    r"\s*[:：]?\s+(.+)$",
    re.IGNORECASE,
)
_CAPTION_RE = re.compile(
    r"^\(?\s*(?:ảnh|hình|hình ảnh|photo)\s*(?:minh họa|minh hoạ)?\s*[:：]?", re.IGNORECASE
)
_INFOGRAPHIC_RE = re.compile(r"infographic|motion ?graphic|e-?magazine|emagazine|megastory")
_VIDEO_HOST_RE = re.compile(
    r"youtube\.com/(?:embed|watch)|youtube-nocookie\.com|youtu\.be/|vimeo\.com|"
    r"facebook\.com/(?:plugins/video|.+/videos/|watch)|fb\.watch|dailymotion\.com|"
    r"tiktok\.com/.+/video|\.(?:mp4|webm|m3u8|flv|mov)(?:$|\?)",
    re.IGNORECASE,
)
_ARTICLE_TYPES = frozenset(
    {
        "newsarticle",
        "article",
        "blogposting",
        "reportagenewsarticle",
        "analysisnewsarticle",
        "backgroundnewsarticle",
        "webpage_article",
        "scholarlyarticle",
        "techarticle",
    }
)


# --------------------------------------------------------------------------- helpers
def _attr(node: LexborNode, name: str) -> str:
    # attrs looks one attribute up; .attributes would build a dict of all of them.
    return (node.attrs.get(name) or "") if node.is_element_node else ""


def _classid(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()


def node_text(node: LexborNode | None) -> str:
    """Normalised text of a node (inline elements joined without spaces)."""
    if node is None:
        return ""
    return normalize_text(node.text(deep=True, separator="", strip=False))


def has_desc(node: LexborNode, selector: str) -> bool:
    """True when a descendant (not the node itself: lexbor's css() matches it too) matches.
    Asks each child for its first match, which stays linear on deeply nested markup."""
    for child in node.iter():
        if child.is_element_node and child.css_first(selector) is not None:
            return True
    return False


def _with_desc(root: LexborNode, selector: str) -> set[int]:
    """mem_ids of the elements that have a descendant matching `selector`: has_desc() for
    every node under `root` at once (one css() pass, then each match marks its ancestors)."""
    out: set[int] = set()
    for match in root.css(selector):
        cur = match.parent
        while cur is not None and cur.mem_id not in out:
            out.add(cur.mem_id)
            cur = cur.parent
    return out


class _Memo:
    """Per-page caches over the cleaned tree, keyed by node identity (mem_id): the heuristics
    ask for the text of the same nodes many times. Valid only while the tree is unchanged
    (removing nodes or marking blocks changes texts)."""

    def __init__(self, root: LexborNode) -> None:
        self.root = root
        self._texts: dict[int, str] = {}
        self._link_lens: dict[int, int] = {}
        self._desc: dict[str, set[int]] = {}
        self._order: dict[int, int] | None = None

    def text(self, node: LexborNode | None, raw: str | None = None) -> str:
        """node_text(node); `raw` is the node's text() when the caller already has it."""
        if node is None:
            return ""
        key = node.mem_id
        text = self._texts.get(key)
        if text is None:
            if raw is None:
                raw = node.text(deep=True, separator="", strip=False)
            text = self._texts[key] = normalize_text(raw)
        return text

    def link_text_len(self, node: LexborNode) -> int:
        """Length of the texts of the links in a node under the root (css() counts the node
        itself when it is a link)."""
        if node.tag != "a" and not self.has_desc(node, "a"):
            return 0  # most paragraphs: no css() call
        key = node.mem_id
        n = self._link_lens.get(key)
        if n is None:
            n = self._link_lens[key] = sum(len(self.text(a)) for a in node.css("a"))
        return n

    def has_desc(self, node: LexborNode, selector: str) -> bool:
        """has_desc(node, selector) for a node under the root."""
        ids = self._desc.get(selector)
        if ids is None:
            ids = self._desc[selector] = _with_desc(self.root, selector)
        return node.mem_id in ids

    def order(self) -> dict[int, int]:
        if self._order is None:
            self._order = _doc_order(self.root)
        return self._order


def _abs(base: str, src: str) -> str | None:
    try:
        return urljoin(base, src.strip())
    except ValueError:  # malformed hrefs such as "http://[::1"
        return None


def _is_centered_or_right(node: LexborNode, side: str) -> bool:
    align = _attr(node, "align").lower()
    style = _attr(node, "style").lower().replace(" ", "")
    cls = _attr(node, "class").lower()
    return (
        align == side
        or f"text-align:{side}" in style
        or f"text-{side}" in cls
        or (side == "center" and node.tag == "center")
    )


def _lines(node: LexborNode) -> list[str]:
    """Text of a node split at block boundaries (the tree must have been marked)."""
    raw = node.text(deep=True, separator="", strip=False)
    out = []
    for line in raw.split(_PARA):
        line = normalize_text(line)
        if line:
            out.append(line)
    return out


# Paragraph break marker inserted into the tree: source newlines inside a paragraph are
# plain whitespace, so a character HTML never uses for layout marks real block ends.
_PARA = "\u2029"


def _mark_blocks(root: LexborNode) -> None:
    """Append a paragraph mark to every block element and after every <br> so that text() keeps
    paragraph breaks while inline markup ("Ng<b>ày</b>") stays joined."""
    for node in root.css("br"):
        node.insert_after(_PARA)
    for node in root.traverse():
        if node.tag in _BLOCK_TAGS:
            node.insert_child(_PARA)


def _jsonld_objects(tree: LexborHTMLParser) -> list[dict]:
    objs: list[dict] = []
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True) or ""
        try:
            data = json.loads(raw.strip().rstrip(";"))
        except (ValueError, RecursionError):
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                objs.append(item)
                if "@graph" in item:
                    stack.append(item["@graph"])
    return objs


def _types(obj: dict) -> set[str]:
    t = obj.get("@type", "")
    items = t if isinstance(t, list) else [t]
    return {str(x).lower() for x in items}


def _ld_name(value: object) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return ", ".join(names) if names else None
    if isinstance(value, dict):
        if "organization" in _types(value):
            return None
        value = value.get("name")
    if isinstance(value, str) and normalize_text(value):
        return normalize_text(value)
    return None


_META_KEYS = ("property", "name", "itemprop")


def _meta_index(tree: LexborHTMLParser) -> dict[tuple[str, str], str]:
    """The content of the first <meta> per (key attribute, value), in document order: one
    pass instead of a css_first() over the whole page per name and attribute."""
    out: dict[tuple[str, str], str] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        for key in _META_KEYS:
            value = attrs.get(key)
            if value and (key, value) not in out:
                out[key, value] = attrs.get("content") or ""
    return out


def _meta(metas: dict[tuple[str, str], str], *names: str) -> str | None:
    """First non-empty content of meta[property|name|itemprop="name"], names in order."""
    for name in names:
        for key in _META_KEYS:
            raw = metas.get((key, name))
            if raw is not None:
                content = normalize_text(raw)
                if content:
                    return content
    return None


def _strip_title_suffix(title: str) -> list[str]:
    """Possible article titles inside a <title>: whole, and prefixes before " - ", " | "."""
    out = [title]
    for sep in (" | ", " - ", " – ", " — ", " :: ", " » "):
        if sep in title:
            out.append(title.split(sep)[0].strip())
            out.append(title.rsplit(sep, 1)[0].strip())
    return [t for t in dict.fromkeys(out) if t]


_ASCII_NOT_ALNUM = bytes(b for b in range(128) if not chr(b).isalnum())


def _fold_len_floor(s: str) -> int:
    """A lower bound of len(fold(s)), far cheaper than folding: every ASCII letter and digit
    of s stays one in fold(s), composed with a mark or not (tests/extract check this)."""
    return len(s.encode("ascii", "ignore").translate(None, _ASCII_NOT_ALNUM))


def _same_text(a: str, b: str) -> bool:
    return bool(a) and bool(b) and fold(a) == fold(b)


@dataclass
class _Scored:
    node: LexborNode
    score: float


def _is_boilerplate(node: LexborNode, in_article: bool) -> bool:
    tag = node.tag
    if tag in _BOILER_TAGS:
        return True
    if tag in _SECTION_TAGS and not in_article:
        return True
    attrs = node.attributes  # one dict for the five attributes asked below
    if not attrs:
        return False
    if (attrs.get("role") or "").lower() in _BOILER_ROLES:
        return True
    if (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    style = (attrs.get("style") or "").replace(" ", "").lower()
    if "display:none" in style:
        return True
    return _boiler_words(f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip())


@lru_cache(maxsize=2048)
def _boiler_words(cid: str) -> bool:
    """Class/id words of a non-article block. Cached: a site's templates repeat the same
    class strings on every page."""
    return bool(cid) and bool(_BOILER_WORD_RE.search(cid))


def _collect_boiler(node: LexborNode, out: list[LexborNode], in_article: bool) -> None:
    """Outermost boilerplate elements under `node` (never nested, so decompose is safe).
    Iterative: real pages nest deeper than Python's recursion limit allows."""
    stack: list[tuple[LexborNode, bool]] = [(node, in_article)]
    while stack:
        cur, inside = stack.pop()
        for child in cur.iter():
            if not child.is_element_node:
                continue
            if _is_boilerplate(child, inside):
                out.append(child)
            else:
                stack.append((child, inside or child.tag in ("article", "main")))


def _is_related_marker(text: str) -> bool:
    # Cheap rejection first: a marker folds to at most 40 characters.
    return _fold_len_floor(text) <= 40 and _is_related_folded(fold(text))


_RELATED_SET = frozenset(_RELATED_MARKERS)
_RELATED_PREFIXES = tuple(m + " " for m in _RELATED_MARKERS)


def _is_related_folded(folded: str) -> bool:
    """_is_related_marker() of an already folded text."""
    f = folded.strip(" :.-»>")
    return len(f) <= 40 and (f in _RELATED_SET or f.startswith(_RELATED_PREFIXES))


# --------------------------------------------------------------------------- microdata / fields
_MICRODATA_ARTICLE_RE = re.compile(
    r"(?:schema\.org/|schema:)(?:News|Report|Analysis|Blog|Tech)?(?:Article|Posting)\b",
    re.IGNORECASE,
)


def _microdata_article(tree: LexborHTMLParser) -> bool:
    """The page declares itself one article in microdata or RDFa (Joomla's
    itemtype="https://schema.org/Article", Drupal's typeof="schema:Article") or marks one
    itemprop="articleBody". Listing entries (itemprop="blogPost", many BlogPostings) do
    not count: only a single declared article does."""
    if tree.body is None:
        return False
    if len(tree.body.css('[itemprop="articleBody"]')) == 1:
        return True
    typed = [
        n
        for n in tree.body.css("[itemtype], [typeof]")
        if _MICRODATA_ARTICLE_RE.search(f"{_attr(n, 'itemtype')} {_attr(n, 'typeof')}")
        and "blogpost" not in _attr(n, "itemprop").lower()
    ]
    return len(typed) == 1


# Labels of the structured credit fields CMSs print beside the text (Drupal "field__label",
# <dt>/<th> rows, "<strong>Nguồn:</strong> …"), folded, mapped to what they hold.
_FIELD_LABELS = {
    "nguon": "source",
    "nguon tin": "source",
    "nguon bai": "source",
    "nguon bai viet": "source",
    "tac gia": "author",
    "nguoi viet": "author",
    "but danh": "author",
    "phong vien": "author",
}
_FIELD_LABEL_MAX = max(map(len, _FIELD_LABELS))


def _labelled_fields(tree: LexborHTMLParser) -> dict[str, str]:
    """Values of label/value credit fields: a short leaf element whose whole text is a known
    label ("Nguồn", "Tác giả:") followed by its value (the next sibling element or text)."""
    out: dict[str, str] = {}
    if tree.body is None:
        return out
    with_blocks = _with_desc(tree.body, "div, p, li, td, dd")
    for node in tree.body.css("dt, th, td, div, span, label, strong, b, em"):
        if node.mem_id in with_blocks:
            continue
        raw = node.text(deep=True, separator="", strip=False)
        if _fold_len_floor(raw) > _FIELD_LABEL_MAX:
            continue  # cheap rejection: cannot fold to a label
        label = normalize_text(raw).rstrip(" :：")
        key = _FIELD_LABELS.get(fold(label))
        if key is None or key in out or _hidden(node):
            continue
        parts: list[str] = []
        sib = node.next
        while sib is not None and sum(map(len, parts)) < 200:
            if sib.is_element_node and sib.tag in _BLOCK_TAGS and parts:
                break
            text = node_text(sib) if sib.is_element_node else normalize_text(sib.text_content or "")
            if text:
                parts.append(text)
            if sib.is_element_node and sib.tag in _BLOCK_TAGS:
                break
            sib = sib.next
        value = normalize_text(" ".join(parts)).lstrip(" :：-–").strip()
        if 2 <= len(value) <= 150:
            out[key] = value
    return out


# --------------------------------------------------------------------------- breadcrumb
_CRUMB_SEP_RE = re.compile(r"\s*(?:>>|»|›|>|→|/|\|)\s*")


# "i": ASCII case-insensitive, as the lower-cased class/id words were matched before.
_CRUMB_CLASS_SELECTOR = ", ".join(
    f'[{attr}*="{word}" i]'
    for word in ("breadcrumb", "duong-dan", "duongdan", "chuyenmuc")
    for attr in ("class", "id")
)


def _breadcrumb(tree: LexborHTMLParser) -> list[str]:
    for obj in _jsonld_objects(tree):
        if "breadcrumblist" in _types(obj):
            items = obj.get("itemListElement") or []
            labels = []
            for it in sorted(
                (i for i in items if isinstance(i, dict)), key=lambda i: i.get("position", 0)
            ):
                name = it.get("name") or (it.get("item") or {}).get("name")
                if isinstance(name, str) and normalize_text(name):
                    labels.append(normalize_text(name))
            if labels:
                return labels
    candidates: list[LexborNode] = []
    for node in tree.css('[aria-label*="readcrumb"], [itemtype*="BreadcrumbList"]'):
        candidates.append(node)
    if tree.body is not None:
        # Elements whose class or id holds one of the words, in document order (an element
        # matching two of the selectors comes twice: the second look changes nothing).
        candidates += tree.body.css(_CRUMB_CLASS_SELECTOR)
    for node in candidates:
        if _hidden(node):
            continue
        labels = _crumb_labels(node)
        if labels:
            return labels
    # A short "Trang chủ > X > Y" trail anywhere: start from the "Trang chủ" text node.
    for text_node in tree.body.traverse(include_text=True) if tree.body else []:
        if not text_node.is_text_node:
            continue
        raw = (text_node.text_content or "").strip()
        if not raw or len(raw) > 40 or not fold(raw).startswith(("trang chu", "home")):
            continue
        cur = text_node.parent
        for _ in range(4):
            if cur is None:
                break
            text = node_text(cur)
            if len(text) >= 200:
                break
            if re.search(r"\s(?:>>|»|›|>|→)\s", text) and not _hidden(cur):
                labels = [normalize_text(x) for x in _CRUMB_SEP_RE.split(text) if normalize_text(x)]
                if len(labels) >= 2:
                    return labels
            cur = cur.parent
    return []


def _hidden(node: LexborNode) -> bool:
    """The node or an ancestor is display:none (e.g. SharePoint's popout site map)."""
    cur: LexborNode | None = node
    for _ in range(40):
        if cur is None:
            return False
        if "display:none" in _attr(cur, "style").replace(" ", "").lower():
            return True
        cur = cur.parent
    return False


def _crumb_labels(node: LexborNode) -> list[str]:
    labels: list[str] = []
    items = [li for li in node.css("li") if not has_desc(li, "li")]
    if not items:
        items = [n for n in node.css("a, span, p") if not has_desc(n, "a, span, p")]
    for item in items:
        text = node_text(item).strip(" >»›/|→")
        text = normalize_text(text)
        if text and (not labels or labels[-1] != text) and len(text) < 150:
            labels.append(text)
    if not labels:
        text = node_text(node)
        labels = [normalize_text(x) for x in _CRUMB_SEP_RE.split(text) if normalize_text(x)]
    return labels[:8] if 1 <= len(labels) <= 8 and sum(map(len, labels)) < 400 else []


# --------------------------------------------------------------------------- body
def _best_body(root: LexborNode, memo: _Memo) -> tuple[LexborNode | None, float]:
    scores: dict[int, _Scored] = {}
    for para in root.css("p, pre, blockquote, td, div, li, h2, h3, h4"):
        if para.tag in ("div", "td", "li"):
            # Only the div's own text (text nodes and inline children) counts as a paragraph.
            own = normalize_text(
                "".join(
                    (
                        c.text(deep=True, separator="", strip=False)
                        if c.tag not in _BLOCK_TAGS
                        else ""
                    )
                    for c in para.iter(include_text=True)
                )
            )
            text = own
        else:
            text = memo.text(para)
        if len(text) < 25:
            continue
        links = memo.link_text_len(para) if para.tag not in ("div", "td", "li") else 0
        density = min(1.0, links / max(1, len(text)))
        value = (1 + text.count(",") + min(len(text) / 100, 3)) * (1 - density)
        parent = para.parent
        if para.tag in ("div", "td") and len(text) >= 80:
            _credit(scores, para, value)
        for level, node in enumerate((parent, parent.parent if parent else None)):
            if node is None or node.tag in ("html", "body", "form"):
                continue
            _credit(scores, node, value if level == 0 else value / 2)
    if not scores:
        return None, 0.0
    # The highest final score, the first credited node on a tie. Link density only lowers
    # a score, so in order of raw score the nodes whose raw score is below the best final
    # score so far cannot win and need no text (the texts of big blocks are the cost here).
    best: _Scored | None = None
    best_rank = 0
    ranked = sorted(enumerate(scores.values()), key=lambda r: -r[1].score)
    for rank, sc in ranked:
        if best is not None and sc.score < best.score:
            break
        total = len(memo.text(sc.node))
        if total == 0:
            continue
        density = memo.link_text_len(sc.node) / total
        final = sc.score * (1 - density)
        if best is None or final > best.score or (final == best.score and rank < best_rank):
            best, best_rank = _Scored(sc.node, final), rank
    if best is None:
        return None, 0.0
    return best.node, best.score


def _credit(scores: dict[int, _Scored], node: LexborNode, value: float) -> None:
    key = node.mem_id
    if key in scores:
        scores[key].score += value
    else:
        scores[key] = _Scored(node, value)


# --------------------------------------------------------------------------- main
def extract_article(html: str, url: str) -> Article | None:
    """Article from a page, or None when the page is not a single news article."""
    if not html or not html.strip():
        return None
    try:
        tree = LexborHTMLParser(html)
    except Exception:  # noqa: BLE001 - lexbor refuses some inputs (e.g. embedded NULs)
        return None
    if tree.body is None:
        return None

    # ---- metadata (before anything is removed)
    ld_objs = _jsonld_objects(tree)
    ld_article = next((o for o in ld_objs if _types(o) & _ARTICLE_TYPES), None)
    metas = _meta_index(tree)
    og_title = _meta(metas, "og:title", "twitter:title")
    og_type = (_meta(metas, "og:type") or "").lower()
    head_title_node = tree.css_first("title")
    head_title = node_text(head_title_node)
    meta_desc = _meta(metas, "og:description", "description")
    if meta_desc and "&" in meta_desc:
        import html as _html

        meta_desc = normalize_text(_html.unescape(_html.unescape(meta_desc)))

    canonical_url = canonicalize(url)
    link = tree.css_first('link[rel="canonical"]')
    if link is not None and _attr(link, "href"):
        cand = canonicalize(_attr(link, "href"), url)
        if same_site(cand, url):
            canonical_url = cand

    breadcrumb = _breadcrumb(tree)
    microdata_article = _microdata_article(tree)
    fields = _labelled_fields(tree)
    active_menu = _active_menu_label(tree)
    rel_category = _rel_category_label(tree)

    # ---- video URLs before iframes/scripts are dropped (collected per region later)
    # ---- clean the tree
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    body_root = tree.body
    boiler: list[LexborNode] = []
    _collect_boiler(body_root, boiler, False)
    for node in boiler:
        node.decompose()
    _mark_blocks(body_root)
    # The tree no longer changes: node texts can be cached. `metas` stays the index taken
    # before cleaning (<meta> went with the head).
    memo = _Memo(body_root)

    body, score = _best_body(body_root, memo)
    if body is None:
        return None

    # ---- title element
    refs = [r for r in (og_title, (ld_article or {}).get("headline")) if isinstance(r, str)]
    refs = [normalize_text(r) for r in refs if normalize_text(r)]
    refs += _strip_title_suffix(head_title) if head_title else []
    title_node, title_matched = _find_title_node(body_root, body, refs, memo)
    title = memo.text(title_node) if title_node is not None else ""
    if not title:
        title = refs[0] if refs else ""
    if not title:
        return None

    # ---- body text (cut at a "tin liên quan" marker inside the block)
    lines = _lines(body)
    # Body lines are too long for fold()'s cache, and each is folded up to four times here.
    fold_line = lru_cache(maxsize=None)(fold)
    cut = next((i for i, ln in enumerate(lines) if _is_related_folded(fold_line(ln))), 0)
    if cut > 0:
        lines = lines[:cut]
    if title_node is not None and lines and _same_text(lines[0], title):
        lines = lines[1:]

    # ---- sapo
    sapo = _find_sapo(body_root, body, title_node, meta_desc, lines, memo)
    sapo_fold = fold_line(sapo) if sapo else ""
    if sapo and not any(ln and fold_line(ln) == sapo_fold for ln in lines[:3]):
        lines = [sapo] + lines
    body_text = "\n".join(lines)
    wc = word_count(body_text)

    # ---- is this a single article?
    signals = (
        int(bool(ld_article))
        + int(og_type == "article")
        + int(_meta(metas, "article:published_time") is not None)
        + int(microdata_article)
    )
    link_ratio = memo.link_text_len(body) / max(1, len(memo.text(body)))
    if wc < 10 or link_ratio > 0.5 or (wc < 40 and not signals):
        return None
    if _is_home_url(url) or _repeated_item(body, memo):
        return None
    if _count_item_links(body, memo) >= 5 and link_ratio > 0.25:
        return None
    # A category page: its heading is the category name itself. (Joomla and Drupal end
    # an article's breadcrumb with its title too; their microdata/RDFa is a signal.)
    if breadcrumb and _same_text(breadcrumb[-1], title) and not signals and wc < 300:
        return None
    # A heading that no page metadata confirms over a short text is a home-page box
    # ("Hoạt động của Lãnh đạo" + one teaser), not a post.
    if not title_matched and not signals and wc < 80:
        return None
    region = _region(body, memo)

    # ---- date
    published, date_source = _find_date(metas, ld_article, body_root, title_node, body, url, memo)
    if published is None and signals == 0 and title_node is None:
        return None

    # ---- images, videos, infographic
    images = _images(region, url, memo)
    videos = _videos(region, url, html)
    category = _category(breadcrumb, title, ld_article, metas) or rel_category or active_menu
    infographic = bool(
        _INFOGRAPHIC_RE.search(
            fold(
                " ".join(
                    [title, category or ""]
                    + [i.caption or "" for i in images]
                    + [i.alt or "" for i in images]
                    + [i.src.rsplit("/", 1)[-1] for i in images]
                )
            )
        )
    )

    # Credits often sit just after the text block (<div class=body>…</div><p>Nguồn: …</p>).
    trailing = _trailing_lines(body, memo)
    field_author = _clean_author(fields["author"]) if "author" in fields else None
    author = field_author or _find_author(ld_article, metas, body, lines + trailing, memo)
    source_line = _find_source(lines) or _find_source(trailing)
    if source_line is None and "source" in fields:
        source_line = f"Nguồn: {fields['source']}"

    # The body text holds the lead and the editor's text, not the image captions the
    # editor typed under pictures; the word count is the text alone (no lead, captions or
    # the author/source lines that close it), which is what "thin" is judged on.
    captions = {fold(i.caption) for i in images if i.caption}
    if captions:
        kept = [ln for ln in lines if fold_line(ln) not in captions]
        if kept:
            lines = kept
            body_text = "\n".join(lines)
    counted = [ln for ln in lines if not (sapo and ln and fold_line(ln) == sapo_fold)]
    while counted and _is_credit_line(counted[-1], author):
        counted.pop()
    wc = word_count("\n".join(counted))

    return Article(
        url=canonical_url,
        title=title,
        published=published,
        date_source=date_source,
        category_label=category,
        breadcrumb=breadcrumb,
        sapo=sapo,
        body_text=body_text,
        word_count=wc,
        images=images,
        videos=videos,
        infographic=infographic,
        author=author,
        source_line=source_line,
        content_hash=hashlib.sha1(normalize_text(body_text).encode("utf-8")).hexdigest(),
    )


_HOME_PATH_RE = re.compile(
    r"^/?(?:(?:pages/)?(?:default|home|index|trang-?chu)(?:\.\w+)?|vi|en|vn|home|trang-?chu)?/?$",
    re.IGNORECASE,
)


def _is_home_url(url: str) -> bool:
    """Site root and its usual aliases (/, /index.html, /Pages/default.aspx, /Pages/Home.aspx)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    path = re.sub(r"^/web/\d{8,14}[a-z_]*/https?:/+[^/]+", "", parts.path)  # Web Archive copy
    return not parts.query and bool(_HOME_PATH_RE.match(path or "/"))


def _signature(node: LexborNode) -> tuple[str, str]:
    return node.tag or "", " ".join(sorted(_attr(node, "class").split()))


def _repeated_item(body: LexborNode, memo: _Memo) -> bool:
    """The chosen block is one of several same-shaped siblings each holding a headline link:
    a listing item (Liferay asset-abstract, UnionNews boxes), not an article body."""
    cur: LexborNode | None = body
    for _ in range(4):
        if cur is None or cur.parent is None or cur.tag in ("body", "html", "form"):
            return False
        sig = _signature(cur)
        same = [sib for sib in cur.parent.iter() if sib.is_element_node and _signature(sib) == sig]
        if len(same) >= 3 and sum(1 for sib in same if _count_item_links(sib, memo, 3) >= 1) >= 3:
            return True
        cur = cur.parent
    return False


def _count_item_links(body: LexborNode, memo: _Memo, min_words: int = 5) -> int:
    """Links with headline-length text: a listing has many, an article few."""
    n = 0
    for a in body.css("a"):
        t = memo.text(a)
        if 15 <= len(t) <= 250 and len(t.split()) >= min_words:
            n += 1
    return n


def _region(body: LexborNode, memo: _Memo) -> LexborNode:
    """The body block, widened to its parent when the parent adds little text (so a lead
    image or a video iframe beside the text block is included)."""
    parent = body.parent
    if parent is None or parent.tag in ("body", "html", "form"):
        return body
    if len(memo.text(parent)) <= len(memo.text(body)) * 1.3 + 300:
        return parent
    return body


def _doc_order(root: LexborNode) -> dict[int, int]:
    return {n.mem_id: i for i, n in enumerate(root.traverse())}


def _find_title_node(
    root: LexborNode, body: LexborNode, refs: list[str], memo: _Memo
) -> tuple[LexborNode | None, bool]:
    """The title element, and whether it matched a metadata title (og:title, <title>…)."""
    wanted = [fold(r) for r in refs if len(r) >= 8]
    lengths = {len(r) for r in refs if len(r) >= 8}
    candidates: list[tuple[LexborNode, str]] = []
    for node in root.css("h1, h2, h3, h4, p, div, span, td, a, strong, b"):
        if memo.has_desc(node, "p, div, h1, h2, h3, td"):
            continue  # cheap rejection first: this loop visits every element
        raw = node.text(deep=True, separator="", strip=False)
        if len(raw) > 3000:
            continue
        text = memo.text(node, raw)
        if len(text) in lengths:
            candidates.append((node, fold(text)))
    # References in priority order (og:title/headline before <title> and its prefixes).
    for target in wanted:
        for node, folded in candidates:
            if folded == target:
                return node, True
    # No reference matched: first h1 before the body (logo h1s are short or images).
    order = memo.order()
    body_pos = order.get(body.mem_id, 10**9)
    for sel in ("h1", "h2", '[class*="title"], [class*="tieude"], [class*="tieu-de"]'):
        for node in root.css(sel):
            text = memo.text(node)
            if (
                15 <= len(text) <= 400
                and order.get(node.mem_id, 0) <= body_pos
                and not memo.has_desc(node, "p, div, h1, h2, h3, td")
            ):
                return node, False
    return None, False


def _text_segments(root: LexborNode, limit: int = 10**9) -> list[tuple[LexborNode, str]]:
    """Leaf-ish text segments in document order: (parent element, text)."""
    segs: list[tuple[LexborNode, str]] = []
    for node in root.traverse(include_text=True):
        if node.is_text_node and node.parent is not None:
            raw = node.text_content or ""
            if raw.strip():
                segs.append((node.parent, normalize_text(raw)))
                if len(segs) >= limit:
                    break
    return segs


# <meta> names of a publication date, most specific first.
_META_DATES = (
    "article:published_time",
    "og:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "dc.date.issued",
    "dc.date",
    "date",
)


def _find_date(
    metas: dict[tuple[str, str], str],
    ld_article: dict | None,
    root: LexborNode,
    title_node: LexborNode | None,
    body: LexborNode,
    url: str,
    memo: _Memo,
) -> tuple[datetime | None, str | None]:
    if ld_article:
        for key in ("datePublished", "dateCreated", "uploadDate"):
            value = ld_article.get(key)
            if isinstance(value, str):
                dt = parse_vn_datetime(value)
                if dt:
                    return dt, "jsonld"
    # <time datetime> in the article head (before the body, or the first in the body).
    order = memo.order()
    body_pos = order.get(body.mem_id, 10**9)
    title_pos = order.get(title_node.mem_id, -1) if title_node is not None else -1
    for t in root.css("time"):
        pos = order.get(t.mem_id, 0)
        if pos < body_pos and (title_node is None or pos >= title_pos - 60):
            dt = parse_vn_datetime(_attr(t, "datetime")) or parse_vn_datetime(memo.text(t))
            if dt:
                return dt, "time"
    # Short date line right after the title (head/byline block), else just before it.
    if title_node is not None:
        before_segs: list[tuple[LexborNode, str]] = []
        after_segs: list[tuple[LexborNode, str]] = []
        state = 0  # 0 before the title, 1 inside it, 2 after it
        # Parents of the title's text: the title and its elements down to 7 levels below.
        in_title = _subtree_ids(title_node, 7)
        for node in root.traverse(include_text=True):
            if not node.is_text_node:
                continue
            raw = node.text_content or ""
            if not raw.strip():
                continue
            parent = node.parent
            if parent is None:
                continue
            if state < 2:
                inside = parent.mem_id in in_title
                if state == 0 and inside:
                    state = 1
                elif state == 1 and not inside:
                    state = 2
            if state == 0:
                before_segs.append((parent, raw))
                if len(before_segs) > 8:
                    before_segs.pop(0)
            elif state == 2:
                after_segs.append((parent, normalize_text(raw)))
                if len(after_segs) >= 25:
                    break
        after = _scan_dates(after_segs, max_chars=900)
        if after:
            return after, "text"
        before = _scan_dates(
            [(p, normalize_text(t)) for p, t in reversed(before_segs)], max_chars=200
        )
        if before:
            return before, "text"
    else:
        # No title element: a short date line at the very top of the body block.
        dt = _scan_dates(_text_segments(body, 6), max_chars=400)
        if dt:
            return dt, "text"
    # <meta> dates only when the page shows none: readers see the visible date, and some
    # CMSs stamp these with the time the page was generated.
    for name in _META_DATES:
        value = _meta(metas, name)
        if value:
            dt = parse_vn_datetime(value)
            if dt:
                return dt, "meta"
    dt = date_from_url(url)
    if dt:
        return dt, "url"
    return None, None


def _subtree_ids(node: LexborNode, depth: int) -> set[int]:
    """mem_ids of a node and of its elements at most `depth` levels below it."""
    out = {node.mem_id}
    level = [node]
    for _ in range(depth):
        level = [child for cur in level for child in cur.iter()]
        if not level:
            break
        out.update(child.mem_id for child in level)
    return out


def _scan_dates(segs: list[tuple[LexborNode, str]], max_chars: int) -> datetime | None:
    seen = 0
    for _, text in segs:
        seen += len(text)
        if seen > max_chars:
            break
        # A date line is short; dates inside a paragraph belong to the story, not the post.
        if len(text) <= 120:
            found = find_datetimes(text)
            if found:
                return found[0]
    return None


def _is_lead_style(node: LexborNode, memo: _Memo) -> bool:
    cid = _classid(node).lower()
    if re.search(
        r"sapo|lead|summary|tomtat|tom-tat|mota|mo-ta|description|intro|abstract|chapeau", cid
    ):
        return True
    style = _attr(node, "style").replace(" ", "").lower()
    if "font-weight:bold" in style or "font-weight:700" in style:
        return True
    # <p><strong>whole paragraph</strong></p>
    strong = node.css_first("strong, b")
    if strong is not None:
        all_text = memo.text(node)
        return len(all_text) > 0 and len(memo.text(strong)) >= 0.9 * len(all_text)
    return False


def _find_sapo(
    root: LexborNode,
    body: LexborNode,
    title_node: LexborNode | None,
    meta_desc: str | None,
    lines: list[str],
    memo: _Memo,
) -> str | None:
    # An explicitly marked lead anywhere between title and body, or the first paragraph.
    for node in root.css(
        '[class*="sapo"], [class*="lead"], [class*="summary"], '
        '[class*="tomtat"], [class*="mota"], [class*="description"]'
    ):
        text = memo.text(node)
        if 40 <= len(text) <= 1500:
            return text
    first_paras: list[LexborNode] = []
    container = _region(body, memo)
    title_fold = fold(memo.text(title_node)) if title_node is not None else ""
    for p in container.css("p, h2, h3, div"):
        if p.tag == "div" and memo.has_desc(p, "p, div"):
            continue
        text = memo.text(p)
        # Date lines, captions and the title itself are not the lead paragraph.
        if len(text) < 40 or fold(text) == title_fold:
            continue
        first_paras.append(p)
        if len(first_paras) >= 2:
            break
    for p in first_paras:
        text = memo.text(p)
        if len(text) <= 1500 and _is_lead_style(p, memo):
            return text
    if meta_desc and lines:
        md = fold(meta_desc).rstrip(". ")
        md = md[:-3] if md.endswith("...") else md
        first = fold(lines[0])
        if len(md) >= 40 and (first.startswith(md[: min(len(md), 120)].rstrip(". …"))):
            return lines[0]
    return None


def _looks_like_name(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= 6 or len(text) > 60:
        return False
    if any(ch.isdigit() for ch in text):
        return False
    if _ROLE_RE.search(fold(text)):
        return False
    caps = sum(1 for w in words if w[:1].isupper())
    return caps >= max(1, len(words) - 1)


def _clean_author(text: str) -> str | None:
    text = normalize_text(text).strip(" .-–—()[]")
    m = _AUTHOR_LABEL_RE.match(text) or _BYLINE_LABEL_RE.match(text)
    if m:
        text = m.group(1).strip(" .")
    return text if text and _looks_like_name(text) else None


def _find_author(
    ld_article: dict | None,
    metas: dict[tuple[str, str], str],
    body: LexborNode,
    lines: list[str],
    memo: _Memo,
) -> str | None:
    if ld_article:
        name = _ld_name(ld_article.get("author"))
        if name and not _ROLE_RE.search(fold(name)):
            return name
    # Explicit "Tác giả: X" / "Bài, ảnh: X" lines at the end of the text.
    for line in reversed(lines[-6:]):
        m = _AUTHOR_LABEL_RE.match(line)
        if m:
            name = _clean_author(m.group(1))
            if name:
                return name
    # Elements whose class/id says author/byline, excluding role lines.
    for node in memo.root.css(
        '[class*="author"], [class*="tacgia"], [class*="tac-gia"], '
        '[class*="byline"], [id*="author"], [id*="tacgia"], [rel="author"], '
        '[itemprop="author"]'
    ):
        name = _clean_author(memo.text(node))
        if name:
            return name
    # The last right-aligned bold short paragraphs of the body.
    paras = [p for p in _region(body, memo).css("p, div") if not memo.has_desc(p, "p, div")]
    for p in reversed(paras[-6:]):
        text = memo.text(p)
        if not text:
            continue
        if _is_centered_or_right(p, "right") or p.css_first("strong, b") is not None:
            name = _clean_author(text)
            if name:
                return name
    meta_author = _meta(metas, "author", "article:author", "dc.creator")
    if meta_author and not meta_author.startswith("http"):
        name = _clean_author(meta_author)
        if name:
            return name
    return None


def _trailing_lines(body: LexborNode, memo: _Memo, max_lines: int = 4) -> list[str]:
    """Short lines right after the body block (its next siblings, then its parent's), up to
    a "tin liên quan" marker or a block of headline links: where CMS templates print the
    source and author fields outside the editor's text."""
    out: list[str] = []
    node: LexborNode | None = body
    for _ in range(3):
        if node is None or node.tag in ("body", "html"):
            break
        sib = node.next
        while sib is not None and len(out) < max_lines:
            if sib.is_element_node:
                text = memo.text(sib)
                if _is_related_marker(text.split("\n")[0]) or any(
                    _is_related_marker(memo.text(h))
                    for h in sib.css("h2, h3, h4, p, span, div")[:3]
                ):
                    return out
                if sum(1 for a in sib.css("a[href]") if len(memo.text(a)) >= 15) >= 2:
                    return out
                if text and len(text) <= 200 and not _hidden(sib):
                    out.append(text)
            sib = sib.next
        if len(out) >= max_lines:
            break
        node = node.parent
    return out


# "(Theo baohiemxahoi.gov.vn)": the bracketed re-post credit; brackets required, since
# sentences open with "Theo đó, …" too.
_THEO_SOURCE_RE = re.compile(r"^\(\s*theo\s+([^()]{2,120}?)\s*\)\.?$", re.IGNORECASE)


def _is_credit_line(line: str, author: str | None) -> bool:
    """A closing line that credits the post (the author's name, "Nguồn: …", "(Theo …)")."""
    if author and _same_text(line.strip(" .()"), author):
        return True
    return bool(
        len(line) <= 150
        and (_SOURCE_RE.match(line) or _THEO_SOURCE_RE.match(line) or _AUTHOR_LABEL_RE.match(line))
    )


def _find_source(lines: list[str]) -> str | None:
    for line in reversed(lines[-8:]):
        m = _SOURCE_RE.match(line)
        if m:
            return normalize_text(line.strip("()"))
        m = _THEO_SOURCE_RE.match(line)
        if m:
            return f"Nguồn: {normalize_text(m.group(1))}"
    return None


def _category(
    breadcrumb: list[str], title: str, ld_article: dict | None, metas: dict[tuple[str, str], str]
) -> str | None:
    items = [b for b in breadcrumb if fold(b) not in ("trang chu", "home", "trang nhat")]
    while items and (
        _same_text(items[-1], title)
        or len(items[-1]) > 100
        or fold(title).startswith(fold(items[-1]))
        and len(items[-1]) > 40
    ):
        items.pop()
    if items:
        return items[-1]
    section = None
    if ld_article:
        s = ld_article.get("articleSection")
        section = s[0] if isinstance(s, list) and s else s
    if isinstance(section, str) and normalize_text(section):
        return normalize_text(section)
    meta = _meta(metas, "article:section", "og:section")
    return meta


def _rel_category_label(tree: LexborHTMLParser) -> str | None:
    """The post's own category link, marked rel="category" (WordPress `the_category()`
    writes rel="category tag"; other CMSs copied the microformat). Menus are skipped: a
    category menu is not the post's category."""
    if tree.body is None:
        return None
    for a in tree.body.css("a[rel]"):
        if "category" not in _attr(a, "rel").lower().split():
            continue
        label = node_text(a)
        if not label or len(label) > 80 or fold(label) in ("trang chu", "home"):
            continue
        cur, in_menu = a.parent, False
        for _ in range(30):
            if cur is None or cur.tag in ("body", "html"):
                break
            if cur.tag in ("nav", "menu") or _attr(cur, "role").lower() in (
                "navigation",
                "menubar",
            ):
                in_menu = True
                break
            cur = cur.parent
        if not in_menu:
            return label
    return None


def _active_menu_label(tree: LexborHTMLParser) -> str | None:
    """The highlighted item of a menu (class active/selected/current), home excluded: the
    last resort for the category when there is no breadcrumb or section metadata."""
    if tree.body is None:
        return None
    for node in tree.body.css("nav, menu, [class*='menu'], [id*='menu'], [class*='nav']"):
        for item in node.css(
            "li.active, li.selected, li.current, a.active, a.selected, "
            "a.current, [aria-current='page']"
        ):
            label = node_text(item.css_first("a") or item) if item.tag == "li" else node_text(item)
            if label and len(label) <= 60 and fold(label) not in ("trang chu", "home"):
                return label
    return None


def _images(region: LexborNode, url: str, memo: _Memo) -> list[Image]:
    out: list[Image] = []
    seen: set[str] = set()
    for img in region.css("img"):
        src = _attr(img, "src") or _attr(img, "data-src") or _attr(img, "data-original")
        if not src or src.startswith("data:"):
            continue
        w, h = _attr(img, "width"), _attr(img, "height")
        if (w.isdigit() and int(w) < 60) or (h.isdigit() and int(h) < 60):
            continue
        low = src.lower()
        if any(k in low for k in ("spacer", "icon", "logo", "blank.gif", "pixel", "/emoji")):
            continue
        absolute = _abs(url, src)
        if absolute is None:
            continue
        alt = normalize_text(_attr(img, "alt")) or None
        caption = _caption(img, memo)
        if absolute in seen:
            # The same picture twice (lead thumbnail + body): keep the captioned one.
            for prev in out:
                if prev.src == absolute:
                    prev.caption = prev.caption or caption
                    prev.alt = prev.alt or alt
            continue
        seen.add(absolute)
        out.append(Image(src=absolute, caption=caption, alt=alt))
    return out


def _caption(img: LexborNode, memo: _Memo) -> str | None:
    # Caption scripts (Joomla's JCaption on img.caption, lightbox plugins) write the caption
    # into an attribute of the <img> and build the visible caption in the browser.
    attr_caption = normalize_text(_attr(img, "data-caption"))
    if not attr_caption and "caption" in _attr(img, "class").lower().split():
        attr_caption = normalize_text(_attr(img, "title"))
    if attr_caption:
        return attr_caption
    # <figure><img><figcaption>
    cur = img.parent
    for _ in range(4):
        if cur is None:
            break
        if cur.tag == "figure":
            cap = cur.css_first("figcaption")
            if cap is not None and memo.text(cap):
                return memo.text(cap)
            break
        cur = cur.parent
    # Caption table: the image in one cell, the caption in the next row/cell.
    cell = img.parent
    for _ in range(4):
        if cell is None or cell.tag == "td":
            break
        cell = cell.parent
    if cell is not None and cell.tag == "td":
        row = cell.parent
        nxt = row.next if row is not None else None
        while nxt is not None and nxt.tag != "tr":
            nxt = nxt.next
        if nxt is not None and memo.text(nxt) and len(memo.text(nxt)) < 400:
            return memo.text(nxt)
        own = memo.text(cell)
        if own and len(own) < 400:
            return own
    # An adjacent italic/centered short paragraph, or one starting "Ảnh: …".
    block = img
    while (
        block.parent is not None
        and block.tag not in ("p", "div", "figure", "center")
        and (block.parent.tag not in ("body",))
    ):
        block = block.parent
    nxt = block.next
    hops = 0
    while (
        nxt is not None
        and hops < 4
        and (
            nxt.tag in ("-text", "#text", "br")
            or (nxt.is_text_node and not normalize_text(nxt.text_content or ""))
        )
    ):
        nxt = nxt.next
        hops += 1
    if nxt is not None and nxt.is_element_node:
        text = memo.text(nxt)
        if (
            text
            and len(text) <= 300
            and (
                nxt.css_first("em, i") is not None
                or _is_centered_or_right(nxt, "center")
                or _CAPTION_RE.match(text)
                or "caption" in _classid(nxt).lower()
            )
            and not memo.has_desc(nxt, "img")
        ):
            return text
    return None


def _videos(region: LexborNode, url: str, html: str) -> list[str]:
    out: list[str] = []
    for node in region.css("iframe, video, video source, embed, object, a"):
        if node.tag == "a":
            src = _attr(node, "href")
            if not re.search(r"\.(?:mp4|webm|m3u8|mov)(?:$|\?)", src, re.IGNORECASE):
                continue
        elif node.tag == "object":
            src = _attr(node, "data")
        else:
            src = _attr(node, "src") or _attr(node, "data-src")
        if not src:
            continue
        absolute = _abs(url, src)
        if absolute is None:
            continue
        if node.tag in ("video", "source") or _VIDEO_HOST_RE.search(absolute):
            if absolute not in out:
                out.append(absolute)
    return out
