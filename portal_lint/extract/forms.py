"""Search boxes, search-page links, search requests and search-result matching.

Search boxes are recognised by meaning — input type=search, names/ids/placeholders like
q, keyword, tukhoa, txtTimKiem, "Tìm kiếm…" — whatever CMS renders them: plain GET forms,
Liferay portlet forms, SharePoint 2010 boxes inside the page-wide POST form, and form-less
boxes whose script redirects to a URL template ("/pages/tim-kiem.aspx?kwd=" + kwd).
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import parse_qsl, urlsplit, urlunsplit

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
from portal_lint.snapshot import FormInfo

_TEXT_TYPES = frozenset({"", "text", "search"})
# Exact short names, and substrings, of a search input's name/id (folded, lower-case).
_EXACT_NAMES = frozenset(
    {"q", "s", "k", "kw", "kwd", "key", "keys", "query", "search", "tk", "term", "searchterm"}
)
_NAME_PARTS = (
    "keyword",
    "tukhoa",
    "tu_khoa",
    "tu-khoa",
    "searchtext",
    "search_text",
    "txtsearch",
    "txttimkiem",
    "timkiem",
    "tim_kiem",
    "tim-kiem",
    "searchbox",
    "search-box",
    "search_box",
    "searchinput",
    "search-input",
    "searchhome",
    "searchkey",
    "search_key",
    "inputkeywords",
    "searchquery",
    "search_query",
    "searchword",
    "lfr-search-keywords",
    "txtkey",
    "txtkeyword",
    "txtsearchkey",
)
_HINT_WORDS = ("tim kiem", "tu khoa", "search", "nhap tu", "tra cuu", "keyword")
_DOC_WORDS = (
    "so ky hieu",
    "so/ky hieu",
    "sokyhieu",
    "so_ky_hieu",
    "ky hieu",
    "trich yeu",
    "trichyeu",
    "co quan ban hanh",
    "coquanbanhanh",
    "loai van ban",
    "loaivanban",
    "tim kiem van ban",
    "tra cuu van ban",
    "van ban phap",
    "ngay ban hanh",
    "nguoi ky",
    "linh vuc van ban",
    "so hieu van ban",
)
_DOC_URL = re.compile(r"(van-?ban|vanban|vbpl|hethongvanban|document|legal|vbqppl)", re.I)
_PROMPT_VALUES = ("search this site", "tim kiem", "nhap tu khoa", "tu khoa", "search")


# --------------------------------------------------------------------------- helpers
def _attr(node: LexborNode, name: str) -> str:
    return node.attributes.get(name) or ""


# Whole words of a name/id that mark a search box ("search_api_fulltext", "edit-search-keys").
_NAME_TOKENS = frozenset({"search", "fulltext", "keyword", "keywords", "timkiem", "tukhoa"})


def _label_for(node: LexborNode, labels: dict[str, str]) -> str:
    """Text of the input's <label for=id> or of a <label> wrapping it (folded)."""
    text = labels.get(_attr(node, "id"), "") if _attr(node, "id") else ""
    p = node.parent
    for _ in range(3):
        if p is None or text:
            break
        if p.tag == "label":
            text = node_text(p)
        p = p.parent
    if not text:
        # "<label>Số/ký hiệu:</label><input>": a label without for= right before the box.
        sib = node.prev
        while sib is not None and sib.tag == "-text" and not (sib.text_content or "").strip():
            sib = sib.prev
        if sib is not None and sib.tag == "label" and not _attr(sib, "for"):
            text = node_text(sib)
    return fold_text(text)


def _is_search_input(node: LexborNode, label: str = "") -> bool:
    typ = _attr(node, "type").lower().strip()
    if typ == "search":
        return True
    if typ not in _TEXT_TYPES:
        return False
    for key in ("name", "id"):
        v = fold_text(_attr(node, key))
        if not v:
            continue
        last = re.split(r"[$:.]", v)[-1]  # ASP.NET/Liferay namespaces: "ctl00$…$InputKeywords"
        if last in _EXACT_NAMES or v in _EXACT_NAMES:
            return True
        if any(p in v for p in _NAME_PARTS):
            return True
        if re.search(r"(^|_)keywords?$", v):  # Liferay "_3_keywords"
            return True
        if _NAME_TOKENS & set(re.split(r"[^a-z0-9]+", v)):
            return True
    hint = fold_text(
        " ".join(_attr(node, k) for k in ("placeholder", "title", "aria-label", "class", "alt"))
    )
    # Drupal/Views and accessible themes name the box only in a <label> ("Từ khóa", "Tìm kiếm").
    if any(w in f"{hint} {label}" for w in _HINT_WORDS):
        return True
    value = fold_text(_attr(node, "value")).strip(" -.…")
    return any(value.startswith(w) for w in ("nhap tu", "tim kiem", "search", "tu khoa"))


_DOC_FIELD = re.compile(
    r"(trich ?yeu|trichyeu|so ?ky ?hieu|sokyhieu|kyhieu|so ?hieu ?van ?ban|sohieu)"
)


def _text_inputs(form: LexborNode) -> list[LexborNode]:
    return [i for i in form.css("input") if _attr(i, "type").lower().strip() in _TEXT_TYPES]


def _input_priority(node: LexborNode, label: str = "") -> int | None:
    """0 = a search box by its own markup; 1/2 = a document-lookup field (trích yếu / số ký hiệu)
    inside a form; 3 = the only text box of a form sent to a search page; None = not one."""
    typ = _attr(node, "type").lower().strip()
    form = _ancestor_form(node)
    if typ not in _TEXT_TYPES and typ != "search":
        return None
    ident = fold_text(" ".join(_attr(node, k) for k in ("name", "id", "placeholder", "title")))
    m = _DOC_FIELD.search(f"{ident} {label}") if form is not None else None
    if _is_search_input(node, label):
        return 0
    if m is not None:
        return 1 if "trich" in m.group(1) else 2
    if form is not None and _SEARCH_PAGE_ART.search(urlsplit(_attr(form, "action")).path or ""):
        if len(_text_inputs(form)) == 1:
            return 3  # <form action="/tim-kiem"><input name="x">: the box is the query
    return None


def _ancestor_form(node: LexborNode) -> LexborNode | None:
    p = node.parent
    while p is not None:
        if p.tag == "form":
            return p
        p = p.parent
    return None


def _local_container(node: LexborNode, max_chars: int = 600) -> LexborNode:
    """The input's widget: climb while the text stays short (a page-wide form is not a widget)."""
    cur = node
    for _ in range(5):
        par = cur.parent
        if par is None or par.tag in ("body", "html", "form"):
            break
        if len(node_text(par)) > max_chars:
            break
        cur = par
    return cur


def _context_words(container: LexborNode) -> str:
    names = " ".join(
        f"{_attr(i, 'name')} {_attr(i, 'id')} {_attr(i, 'placeholder')}"
        for i in container.css("input, select")
    )
    labels = " ".join(node_text(o) for o in container.css("label, option, th, legend"))[:2000]
    return fold_text(f"{node_text(container)[:1500]} {names} {labels}")


def _heading_before(node: LexborNode) -> str:
    """Text of the nearest heading-like sibling before the widget (block titles)."""
    cur: LexborNode | None = node
    for _ in range(3):
        if cur is None:
            break
        sib = cur.prev
        hops = 0
        while sib is not None and hops < 4:
            if sib.tag and sib.tag != "-text":
                t = node_text(sib)
                if t and len(t) <= 80:
                    return fold_text(t)
                if t:
                    break
            sib = sib.prev
            hops += 1
        cur = cur.parent
    return ""


def _purpose(context: str, action: str, heading: str) -> str:
    if any(w in context for w in _DOC_WORDS):
        return "documents"
    if _DOC_URL.search(urlsplit(action).path or ""):
        return "documents"
    if "van ban" in heading and any(w in heading for w in ("tim", "tra cuu", "search")):
        return "documents"
    return "articles"


_VALUE_TYPES = frozenset(
    {"", "text", "search", "hidden", "email", "tel", "url", "number", "date", "month"}
)


def _form_fields(form: LexborNode, skip: str) -> dict[str, str]:
    """Hidden and other text inputs, default values of selects/checked boxes: what a browser
    sends besides the query (empty text boxes included, as a browser does)."""
    fields: dict[str, str] = {}
    for inp in form.css("input[name]"):
        name = _attr(inp, "name")
        if not name or name == skip or "disabled" in inp.attributes:
            continue
        typ = _attr(inp, "type").lower().strip()
        if typ in _VALUE_TYPES:
            fields[name] = _attr(inp, "value")
        elif typ in ("checkbox", "radio") and "checked" in inp.attributes:
            fields.setdefault(name, inp.attributes.get("value") or "on")
    for sel in form.css("select[name]"):
        opts = sel.css("option")
        chosen = next((o for o in opts if "selected" in o.attributes), opts[0] if opts else None)
        if chosen is not None:
            v = chosen.attributes.get("value")
            fields[_attr(sel, "name")] = normalize_text(v if v is not None else node_text(chosen))
    return fields


_POSTBACK = re.compile(
    r"""__doPostBack\(\s*['"]([^'"]+)['"]\s*,\s*['"]([^'"]*)['"]|"""
    r"""WebForm_PostBackOptions\(\s*['"]([^'"]+)['"]"""
)


def _is_submit(node: LexborNode) -> bool:
    if node.tag == "button":
        return _attr(node, "type").lower().strip() in ("", "submit")
    return _attr(node, "type").lower().strip() in ("submit", "image")


def _buttons_after(root: LexborNode, inp: LexborNode) -> list[LexborNode]:
    """Submit buttons under `root`, those after `inp` in document order first."""
    before: list[LexborNode] = []
    after: list[LexborNode] = []
    passed = False
    for n in root.traverse():
        if n.mem_id == inp.mem_id:
            passed = True
        elif n.tag in ("input", "button") and _is_submit(n):
            (after if passed else before).append(n)
    return after + before


def _submit_fields(
    form: LexborNode, widget: LexborNode, inp: LexborNode, page_wide: bool
) -> dict[str, str]:
    """What the search button adds to the submission, as a browser sends it.

    The button of the box's own widget when it has one (a page-wide ASP.NET form holds every
    widget's buttons); otherwise, in an ordinary form, its first submit button (what Enter
    clicks). A link button (`__doPostBack('ctl00$…$lnkSearch','')`) sets __EVENTTARGET.
    """
    buttons = _buttons_after(widget, inp)
    if not buttons and not page_wide:
        buttons = [b for b in form.css("input, button") if _is_submit(b)]
    if buttons:
        b = buttons[0]
        name = _attr(b, "name")
        if not name:
            return {}
        if _attr(b, "type").lower().strip() == "image":
            return {f"{name}.x": "1", f"{name}.y": "1"}
        return {name: b.attributes.get("value") or ""}
    if form.css_first("input[name=__EVENTTARGET]") is None:
        return {}
    for n in widget.css("a, input, button, img, span"):
        code = " ".join(
            v for k, v in n.attributes.items() if v and (k == "href" or k.startswith("on"))
        )
        m = _POSTBACK.search(code)
        if m:
            if m.group(1):
                return {"__EVENTTARGET": m.group(1), "__EVENTARGUMENT": m.group(2)}
            return {"__EVENTTARGET": m.group(3), "__EVENTARGUMENT": ""}
    return {}


def _decode_js(s: str) -> str:
    if "\\" not in s:
        return s
    try:
        return codecs.decode(s.replace("\\/", "/"), "unicode_escape")
    except (UnicodeDecodeError, ValueError):
        return s


# A URL literal ending in "param=" followed by string concatenation: '/tim-kiem.aspx?kwd=' + kwd
_URL_TEMPLATE = re.compile(r"(['\"])((?:(?!\1).){0,200}?[?&]([\w.\-\[\]]+)=)\1\s*\+")
# SharePoint 2010 GoSearch(…, '\u002fpages\u002fsearchresults.aspx', …): results page, query in k=
_GOSEARCH = re.compile(r"GoSearch\(([^)]*)\)")


def _templates_in(code: str) -> list[tuple[str, str]]:
    """(url-without-query-param, param) templates found in a script/handler."""
    out: list[tuple[str, str]] = []
    for m in _URL_TEMPLATE.finditer(code):
        raw = _decode_js(m.group(2))
        if raw.lower().startswith(("javascript:", "mailto:")):
            continue
        out.append((raw[: -(len(m.group(3)) + 1)], m.group(3)))
    for m in _GOSEARCH.finditer(code):
        for lit in re.findall(r"'([^']*)'", m.group(1)):
            dec = _decode_js(lit)
            if re.search(r"\.aspx?$", dec, re.I) and "/" in dec:
                out.append((dec + "?", "k"))
                break
    return out


def _js_for_input(tree: LexborHTMLParser, inp: LexborNode, container: LexborNode) -> list[str]:
    """Script text related to this input: its handlers, nearby buttons' handlers, scripts naming it."""
    snippets: list[str] = []
    nodes = [
        inp,
        *container.css("button, input[type=button], input[type=submit], input[type=image], a, img"),
    ]
    for n in nodes:
        for k, v in n.attributes.items():
            if v and (
                k.startswith("on") or (k == "href" and v.strip().lower().startswith("javascript:"))
            ):
                snippets.append(v)
    ids = {x for x in (_attr(inp, "id"), _attr(inp, "name")) if x}
    funcs = set(re.findall(r"([A-Za-z_$][\w$]*)\s*\(", " ".join(snippets))) - {
        "return",
        "if",
        "javascript",
        "function",
        "document",
        "getElementById",
    }
    for script in tree.css("script"):
        code = script.text() or ""
        if not code or script.attributes.get("src"):
            continue
        if any(i in code for i in ids) or any(
            re.search(r"function\s+" + re.escape(f) + r"\b", code) for f in funcs
        ):
            for key in [*ids, *(f for f in funcs)]:
                for m in re.finditer(re.escape(key), code):
                    snippets.append(code[max(0, m.start() - 200) : m.end() + 1500])
    return snippets


def _split_template(raw: str, base: str) -> tuple[str, dict[str, str]] | None:
    u = absolute_url(raw.rstrip("?&"), base)
    if u is None:
        return None
    p = urlsplit(u)
    fixed = dict(parse_qsl(p.query, keep_blank_values=True))
    action = urlunsplit((p.scheme, p.netloc, p.path, "", ""))
    return action, fixed


# --------------------------------------------------------------------------- public
def find_search_forms(html: str, url: str) -> list[FormInfo]:
    """Every search box of the page as a FormInfo, most likely article search first."""
    tree = LexborHTMLParser(html or "")
    base = base_url(tree, url)
    found: list[tuple[int, FormInfo]] = []  # (rank, form): lower rank = tried first
    seen: set[tuple[str, str, str]] = set()

    def add(rank: int, fi: FormInfo) -> None:
        key = (fi.method, canonical_url(fi.action), fi.query_field)
        if key in seen:
            return
        seen.add(key)
        found.append((rank, fi))

    used_forms: set[int] = set()
    labels = {
        _attr(lab, "for"): node_text(lab) for lab in tree.css("label[for]") if _attr(lab, "for")
    }
    inputs = [
        (p, i, inp)
        for i, inp in enumerate(tree.css("input"))
        if (p := _input_priority(inp, _label_for(inp, labels))) is not None
    ]
    inputs.sort(key=lambda t: (t[0], t[1]))
    # Each box's widget, its words (a <label for> may sit outside the widget: Drupal wraps only
    # the input) and the heading above it.
    widgets: dict[int, tuple[LexborNode, str, str]] = {}
    for _p, _i, inp in inputs:
        container = _local_container(inp)
        context = f"{_context_words(container)} {_label_for(inp, labels)}"
        widgets[inp.mem_id] = (container, context, _heading_before(container))
    # Page-wide forms holding a widget that is a document lookup by its own words: their
    # other boxes are not the document search, whatever page they are on.
    doc_widget_forms = {
        f.mem_id
        for _p, _i, inp in inputs
        if (f := _ancestor_form(inp)) is not None
        and _purpose(widgets[inp.mem_id][1], "", widgets[inp.mem_id][2]) == "documents"
    }
    for prio, _i, inp in inputs:
        form = _ancestor_form(inp)
        if form is not None and form.css_first("input[type=password]") is not None:
            continue  # a login box
        container, context, heading = widgets[inp.mem_id]
        name = _attr(inp, "name")
        ident = name or _attr(inp, "id")
        if prio in (1, 2) and _purpose(context, "", heading) != "documents":
            continue  # "số ký hiệu" fields count only inside a document-lookup widget

        # 1) a URL template in the box's own script (form-less boxes, SharePoint boxes)
        for code in _js_for_input(tree, inp, container):
            for raw, param in _templates_in(code):
                split = _split_template(raw, base)
                if split is None:
                    continue
                action, fixed = split
                purpose = _purpose(context, action, heading)
                add(
                    0 if purpose == "articles" else 10,
                    FormInfo(
                        page_url=url,
                        action=action,
                        method="GET",
                        query_field=param,
                        hidden_fields=fixed,
                        purpose=purpose,
                        how_found=f"script builds {raw}<query> from input {ident!r}",
                    ),
                )
        if form is None or not name:
            continue  # no form: only a script could send it (handled above)
        if form.mem_id in used_forms:
            continue  # one query box per ordinary form (the best-ranked input)

        # 2) the enclosing form as a browser would submit it
        method = (_attr(form, "method") or "GET").upper()
        method = "POST" if method == "POST" else "GET"
        raw_action = _attr(form, "action").strip()
        action = absolute_url(raw_action, base) if raw_action else None
        action = action or url.split("#", 1)[0]
        page_wide = (
            len(form.css("input")) > 25 or form.css_first("input[name=__VIEWSTATE]") is not None
        )
        if not page_wide:
            used_forms.add(form.mem_id)
        fields = _form_fields(form, skip=name)
        # The button a visitor clicks is part of the submission: ASP.NET runs the click handler
        # of the button whose name it receives and otherwise just re-renders the page.
        fields.update(_submit_fields(form, container, inp, page_wide))
        how = (
            f"input {name!r} inside the page-wide {method} form"
            if page_wide
            else f"{method} form with search input {name!r}"
        )
        if method == "GET":
            q = urlsplit(action)
            # a GET form replaces the action's query string with its own fields
            action = urlunsplit((q.scheme, q.netloc, q.path, "", ""))
        form_context = context if page_wide else _context_words(form)
        # A page-wide form posts back to the page it is on: for a box in the page's chrome, or
        # beside the page's own document-lookup widget (the header search box on the documents
        # page), the action says where the box sits, not what it searches; a lone box in the
        # content of a documents page is that page's search.
        action_tells = not page_wide or not (_is_chrome(inp) or form.mem_id in doc_widget_forms)
        purpose = _purpose(form_context, action if action_tells else "", heading)
        rank = (0 if method == "GET" else 5) + (0 if purpose == "articles" else 10)
        add(
            rank,
            FormInfo(
                page_url=url,
                action=action,
                method=method,
                query_field=name,
                hidden_fields=fields,
                purpose=purpose,
                how_found=how,
            ),
        )
    found.sort(key=lambda rf: rf[0])
    return [fi for _, fi in found]


_SEARCH_PAGE_ART = re.compile(
    r"(^|[/_.-])(tim-?kiem|timkiem|search(results)?|tra-?cuu)([/_.?-]|$)", re.I
)
_SEARCH_TEXT_DOC = re.compile(
    r"^(tra cuu|tim kiem|he thong|co so du lieu|csdl|danh muc|thu vien)?\s*(van ban|vbqppl)"
    r"( phap (luat|quy)| quy pham phap luat| chi dao dieu hanh| dieu hanh| moi)?$"
)


def find_search_page_links(html: str, url: str) -> list[tuple[str, str]]:
    """(url, purpose) of same-site links to a separate search / document-lookup page."""
    tree = LexborHTMLParser(html or "")
    base = base_url(tree, url)
    out: list[tuple[int, str, str]] = []
    seen: set[str] = set()
    for i, a in enumerate(tree.css("a[href]")):
        u = absolute_url(_attr(a, "href"), base)
        if u is None or not same_site(u, url) or canonical_url(u) == canonical_url(url):
            continue  # tabs and anchors on the page itself are not a search page
        text = fold_text(node_text(a) or _attr(a, "title"))
        path = urlsplit(u).path.lower()
        purpose: str | None = None
        if _SEARCH_TEXT_DOC.match(text) or (
            "van ban" in text and ("tra cuu" in text or "tim kiem" in text)
        ):
            purpose = "documents"
        elif len(text) <= 40 and (text.startswith("tim kiem") or text in ("search", "tra cuu")):
            purpose = "articles"
        elif _SEARCH_PAGE_ART.search(path):
            purpose = "documents" if _DOC_URL.search(path) else "articles"
        elif (
            _DOC_URL.search(path)
            and not urlsplit(u).query
            and len(text) <= 40
            and "van ban" in text
        ):
            purpose = "documents"
        if purpose is None:
            continue
        key = canonical_url(u)
        if key in seen:
            continue
        seen.add(key)
        out.append((0 if purpose == "articles" else 1, u, purpose))
    out.sort(key=lambda t: t[0])
    return [(u, p) for _, u, p in out]


_NUMBER_FIELD = re.compile(r"(so ?ky ?hieu|sokyhieu|ky ?hieu|kyhieu|so ?hieu|sohieu|so ?van ?ban)")
_SUMMARY_FIELD = re.compile(r"(trich ?yeu|trichyeu|noi ?dung|noidung|tieu ?de|tieude)")


def document_field_kind(form: FormInfo) -> str:
    """ "number" (số ký hiệu), "summary" (trích yếu) or "" for a documents form's query field.

    A filter with one box per field must get the document number in the number box and words
    of the summary in the summary box; a single box ("Số ký hiệu / trích yếu") takes either.
    """
    last = re.split(r"[$:.]", _attr_free_fold(form.query_field))[-1]
    number = _NUMBER_FIELD.search(last) is not None
    summary = _SUMMARY_FIELD.search(last) is not None
    if number == summary:
        return ""
    return "number" if number else "summary"


def _attr_free_fold(name: str) -> str:
    # "txtTrichYeu" -> "txt trich yeu": split camelCase so word patterns see the words.
    return fold_text(re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name or ""))


def build_search_request(form: FormInfo, query: str) -> tuple[str, str, dict[str, str]]:
    """(method, url, params-or-data) for httpx: GET params merged with the action's query."""
    if form.method.upper() == "POST":
        data = dict(form.hidden_fields)
        data[form.query_field] = query
        return "POST", form.action, data
    p = urlsplit(form.action)
    params = dict(parse_qsl(p.query, keep_blank_values=True))
    params.update(form.hidden_fields)
    params[form.query_field] = query
    return "GET", urlunsplit((p.scheme, p.netloc, p.path, "", "")), params


# --------------------------------------------------------------------------- results
_NO_RESULTS = re.compile(
    r"(khong tim thay|khong co ket qua|khong co du lieu|khong co ban ghi|\b0 ket qua|"
    r"tim thay 0\b|co 0 ket qua|no results?\b|nothing found|0 results?\b|no matches)"
)
# The page states a count of zero: whatever links it lists (an unfiltered list re-rendered by a
# postback, "suggested" items) are not results.
_ZERO_RESULTS = re.compile(
    r"(\b0 ket qua|tim thay 0\b|co 0 ket qua|\b0 results?\b|ket qua: 0\b|tong so: 0 (ket qua|van ban))"
)
_CHROME_TAGS = ("nav", "header", "footer", "aside")
_CHROME_WORDS = re.compile(
    r"(^|[\s_-])(menu|nav|navbar|navigation|footer|header|sidebar|side-bar|breadcrumbs?|topbar|"
    r"submenu|megamenu|banner|copyright)($|[\s_-])"
)
_SIDE_BOX_TITLES = re.compile(
    r"^(tin (moi|moi nhat|noi bat|doc nhieu|xem nhieu|lien quan|khac|da dua|cung chuyen muc|tieu diem|anh|video)|"
    r"bai (viet )?(moi|lien quan|doc nhieu)|doc nhieu|xem nhieu|lien ket|lien ket website|thong bao|"
    r"most (read|viewed|popular)|latest( news)?|related( news| posts)?)\b"
)
_RESULT_MARKERS = re.compile(
    r"(ket qua tim kiem|ket qua tra cuu|search results?|tim thay \d+|co \d+ ket qua|\d+ ket qua)"
)


def _is_chrome(node: LexborNode) -> bool:
    p: LexborNode | None = node.parent
    while p is not None and p.tag not in ("body", "html"):
        if p.tag in _CHROME_TAGS or p.attributes.get("role") in (
            "navigation",
            "banner",
            "contentinfo",
        ):
            return True
        ident = fold_text(f"{p.attributes.get('id') or ''} {p.attributes.get('class') or ''}")
        if ident and _CHROME_WORDS.search(ident):
            return True
        p = p.parent
    return False


def _side_box_ids(tree: LexborHTMLParser) -> set[int]:
    """mem_ids of links inside boxes titled "Tin mới", "Tin nổi bật", "Liên kết"…"""
    ids: set[int] = set()
    for h in tree.css("h1, h2, h3, h4, h5, h6, strong, b, span, div, p, a"):
        t = fold_text(node_text(h))
        if not t or len(t) > 40 or not _SIDE_BOX_TITLES.match(t):
            continue
        if h.tag == "div" and h.css_first("a, div, p") is not None and len(t) > 25:
            continue
        box = h.parent
        # climb to the box holding the title's list, but never to a page-sized block
        for _ in range(3):
            if box is None or box.tag in ("body", "html", "main", "form"):
                box = None
                break
            if len(box.css("a[href]")) > 1:
                break
            box = box.parent
        if box is None or box.tag in ("body", "html", "main", "form"):
            continue
        links = box.css("a[href]")
        if len(links) > 40 or _RESULT_MARKERS.search(fold_text(node_text(box))):
            continue
        ids.update(a.mem_id for a in links)
    return ids


def _title_match(text: str, title: str) -> bool:
    t = fold_text(text).strip(" .…")
    e = fold_text(title).strip(" .…")
    if not t or not e:
        return False
    if t == e or e in t:
        return True
    return len(t) >= 20 and e.startswith(t)  # truncated titles "Mở rộng quyền lợi BHYT…"


def search_results_match(
    html: str, url: str, expected_url: str, expected_title: str
) -> tuple[bool, int]:
    """(does the result page list the expected item, how many result items were seen)."""
    tree = LexborHTMLParser(html or "")
    body = tree.body
    if body is None:
        return False, 0
    for n in body.css("script, style, noscript, template"):
        n.decompose()
    base = base_url(tree, url)
    page_text = fold_text(body.text(separator=" "))
    side = _side_box_ids(tree)
    want = canonical_url(expected_url) if expected_url else ""
    # Links after a "Kết quả tìm kiếm" marker are results; without a marker, the main content.
    marker_seen = _RESULT_MARKERS.search(page_text) is not None
    items: list[tuple[str, str]] = []
    seen: set[str] = set()
    for a in body.css("a[href]"):
        if a.mem_id in side or _is_chrome(a):
            continue
        u = absolute_url(_attr(a, "href"), base)
        if u is None:
            continue
        text = node_text(a) or _attr(a, "title")
        key = canonical_url(u)
        if key == canonical_url(url):
            continue
        if key in seen:
            continue
        seen.add(key)
        items.append((key, text))
    matched = any(
        (want and k == want) or (expected_title and _title_match(t, expected_title))
        for k, t in items
    )
    count = sum(1 for _, t in items if len(t) >= 20)  # result titles, not pager digits/icons
    if _ZERO_RESULTS.search(page_text) or (_NO_RESULTS.search(page_text) and not matched):
        return False, 0
    if not marker_seen and not matched:
        return False, count
    return matched, count
