"""The shortcuts the extractors take for speed give the answers of the slow definitions."""

from __future__ import annotations

import random
import re
import sys
import unicodedata

from selectolax.lexbor import LexborHTMLParser

from portal_lint.extract.article import (
    _fold_len_floor,
    _Memo,
    _meta,
    _meta_index,
    _subtree_ids,
    has_desc,
)
from portal_lint.extract.text import fold, normalize_text, word_count

_ALPHABET = list(" \t\n\u00a0\u200b\u2029\u3000\x1c_-–…,.:»a1EếẾđĐ\u0301\u0300\u0323%/İ")


def _random_strings(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choices(_ALPHABET, k=rng.randint(0, 14))) for _ in range(n)]


def test_normalize_text_and_word_count_match_their_regex_definitions() -> None:
    invisible = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f]")

    def slow_normalize(s: str) -> str:
        s = invisible.sub("", unicodedata.normalize("NFC", s)).replace("\u00a0", " ")
        return re.sub(r"\s+", " ", s).strip()

    def slow_count(s: str) -> int:
        return sum(1 for tok in slow_normalize(s).split(" ") if any(c.isalnum() for c in tok))

    for s in _random_strings(20000, 1):
        assert normalize_text(s) == slow_normalize(s), repr(s)
        assert word_count(s) == slow_count(s), repr(s)


def test_fold_len_floor_never_exceeds_the_folded_length() -> None:
    # Every character whose decomposition holds an ASCII letter or digit (what NFC may
    # compose an ASCII letter into), and random mixes with marks and spaces.
    chars = [
        chr(cp)
        for cp in range(sys.maxunicode + 1)
        if any(c.isascii() and c.isalnum() for c in unicodedata.normalize("NFD", chr(cp)))
    ]
    for s in chars + _random_strings(20000, 2):
        assert _fold_len_floor(s) <= len(fold(s)), repr(s)
    for base in "aeiouyAEIOUY0":
        for mark in map(chr, range(0x300, 0x370)):
            assert _fold_len_floor(base + mark) <= len(fold(base + mark))


_PAGE = """<html><head><meta name="description" content=" Mô tả ">
<meta property="og:title" content=""><meta name="og:title" content="Tiêu đề">
<meta name="description" content="second"><meta itemprop="author" content="A">
</head><body><div id="a"><span>x<b>y</b></span><div><p>p1<a href="#">l</a></p></div>
<ul><li><span><i>deep</i></span></li><li><p>q</p></li></ul><a><span>t</span></a></div>
<table><tr><td><div><span>cell</span></div></td></tr></table><p>tail</p></body></html>"""


def test_memo_has_desc_is_has_desc() -> None:
    tree = LexborHTMLParser(_PAGE)
    memo = _Memo(tree.body)
    for selector in ("p, div", "a", "li", "img", "p, div, h1, h2, h3, td", "span"):
        for node in tree.body.traverse():
            assert memo.has_desc(node, selector) == has_desc(node, selector), (node, selector)


def test_memo_link_text_len_counts_the_links_css_finds() -> None:
    tree = LexborHTMLParser(_PAGE)
    memo = _Memo(tree.body)
    for node in tree.body.traverse():
        want = sum(len(normalize_text(a.text(separator=""))) for a in node.css("a"))
        assert memo.link_text_len(node) == want


def test_meta_index_finds_what_css_first_finds() -> None:
    tree = LexborHTMLParser(_PAGE)
    metas = _meta_index(tree)
    for names in (("og:title",), ("description",), ("author", "x"), ("nope",)):
        want = None
        for name in names:
            for attr in ("property", "name", "itemprop"):
                node = tree.css_first(f'meta[{attr}="{name}"]')
                content = normalize_text(node.attributes.get("content") or "") if node else ""
                if content:
                    want = content
                    break
            if want:
                break
        assert _meta(metas, *names) == want


def test_subtree_ids_are_the_nodes_within_depth() -> None:
    tree = LexborHTMLParser(_PAGE)
    top = tree.css_first("div#a")
    for depth in (0, 1, 2, 5):
        ids = _subtree_ids(top, depth)
        for node in tree.root.traverse():
            cur, inside = node, False
            for _ in range(depth + 1):
                if cur is None:
                    break
                if cur.mem_id == top.mem_id:
                    inside = True
                    break
                cur = cur.parent
            assert (node.mem_id in ids) == inside
