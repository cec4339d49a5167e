"""Per-month publication statistics, re-post detection and the helpers content rules share.

Everything here is pure: no clock, no network, no database. `as_of` always comes from the
caller (RunContext.as_of).

* `merge_posts` joins this run's articles with the stored history by URL (this run wins).
* `effective_complete_since` / `month_complete` decide whether a calendar month was fully
  observed: a month that begins before the crawler's `complete_since` (or when that is
  None) is *not* covered, and count rules must say "unknown" for it rather than "fail".
* `find_reposts` marks posts that are re-posts (đăng lại): near-duplicate bodies (exact
  Jaccard over hashed word 5-gram shingles, >= 0.6) or a source line that credits another
  outlet (BHXH Việt Nam, a newspaper, another web site).
* `monthly_stats` fills section 4 of the Phụ lục 03 report form of the 2020 communication
  plan ("Hoạt động của Website BHXH tỉnh": total posts, "Viết mới" vs "Đăng lại", posts
  specifically about BHYT).
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from array import array
from collections import OrderedDict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import chain

from portal_lint.extract.text import fold, normalize_text, word_count
from portal_lint.snapshot import Article, History, Snapshot, StoredArticle

# ----------------------------------------------------------------------------- merged posts


@dataclass(frozen=True)
class Post:
    """One news post known to this audit, from this run or from stored history."""

    url: str
    title: str
    published: date | None
    category_label: str | None = None
    article: Article | None = None  # this run's extraction; None when known from history only

    @property
    def fetched(self) -> bool:
        """True when the post's own page was read this run (body, media, format are known)."""
        return self.article is not None and self.article.fetched

    @property
    def sapo(self) -> str:
        return (self.article.sapo or "") if self.article else ""

    @property
    def body(self) -> str:
        return self.article.body_text if self.article and self.article.fetched else ""


def _as_date(value: datetime | date | None) -> date | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    return value


def merge_posts(articles: Iterable[Article], stored: Iterable[StoredArticle] = ()) -> list[Post]:
    """This run's articles plus stored ones, merged by URL (and aliases); this run wins.

    A stored date fills in when this run saw the post without a date (a listing that shows
    none), since the date was observed earlier; every other field comes from this run.
    """
    by_url: dict[str, Article] = {}
    for art in articles:
        prev = by_url.get(art.url)
        # Prefer the opened page over a listing-only sighting of the same URL.
        if prev is None or (art.fetched and not prev.fetched):
            by_url[art.url] = art
    alias_of: dict[str, str] = {}
    for url, art in by_url.items():
        for alias in art.aliases:
            alias_of.setdefault(alias, url)

    stored_by_url: dict[str, StoredArticle] = {}
    for st in stored:
        key = alias_of.get(st.url, st.url)
        stored_by_url.setdefault(key, st)

    posts: list[Post] = []
    for url, art in by_url.items():
        st = stored_by_url.pop(url, None)
        published = _as_date(art.published) or (_as_date(st.published) if st else None)
        posts.append(Post(url, art.title, published, art.category_label, art))
    for url, st in stored_by_url.items():
        posts.append(Post(url, st.title, _as_date(st.published), st.category_label, None))
    return posts


# ----------------------------------------------------------------------------- coverage


def read_posts_in_window(
    snap: Snapshot, history: History, as_of: date, window_days: int
) -> list[Post]:
    """Posts of the window whose page was opened (body known), newest first.

    The common input of the rules that judge a post's body (thin-content, post-format).
    """
    posts = [
        p
        for p in merge_posts(snap.articles, history.articles)
        if p.fetched and in_window(p.published, as_of, window_days)
    ]
    posts.sort(key=lambda p: (p.published, p.url), reverse=True)
    return posts


def effective_complete_since(snap_since: date | None, history_since: date | None) -> date | None:
    """The earlier of this run's and history's `complete_since` (None when neither is set)."""
    known = [d for d in (snap_since, history_since) if d is not None]
    return min(known) if known else None


def month_start(d: date) -> date:
    return d.replace(day=1)


def month_key(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def add_months(d: date, n: int) -> date:
    """First day of the month `n` months after (negative: before) the month of `d`."""
    idx = d.year * 12 + (d.month - 1) + n
    return date(idx // 12, idx % 12 + 1, 1)


def month_end(first: date) -> date:
    return add_months(first, 1) - timedelta(days=1)


def full_months_before(as_of: date, n: int) -> list[date]:
    """First days of the last `n` full calendar months before `as_of`, oldest first."""
    current = month_start(as_of)
    return [add_months(current, -k) for k in range(n, 0, -1)]


def month_complete(first_day: date, complete_since: date | None) -> bool:
    """A month is covered only if it begins on or after the effective complete_since."""
    return complete_since is not None and first_day >= complete_since


def in_window(d: date | None, as_of: date, window_days: int) -> bool:
    """True for dates in [as_of - window_days, as_of] (both ends inclusive)."""
    return d is not None and as_of - timedelta(days=window_days) <= d <= as_of


def body_words(art: Article) -> int:
    """Body word count: the extractor's figure, or counted from body_text when it left 0."""
    if art.word_count > 0:
        return art.word_count
    return word_count(art.body_text) if art.body_text else 0


# ----------------------------------------------------------------------------- keywords

_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)


def match_text(s: str) -> str:
    """Folded (no diacritics, lower case) text with punctuation turned into single spaces,
    padded with spaces so that ' kw ' matches whole words only."""
    return " " + _NON_WORD.sub(" ", fold(s or "")).strip() + " "


def keyword_hits(text: str, keywords: Iterable[str]) -> list[str]:
    """Keywords (as given) found in `text` as whole words, diacritics-insensitive."""
    hay = match_text(text)
    hits = []
    for kw in keywords:
        needle = match_text(kw)
        if needle.strip() and needle in hay:
            hits.append(kw)
    return hits


# ----------------------------------------------------------------------------- re-posts

SHINGLE_WORDS = 5
REPOST_JACCARD = 0.6
REPOST_VERBATIM = 0.9  # above this the bodies are copies whatever the titles say
REPOST_TITLE = 0.8  # below REPOST_VERBATIM a re-post also keeps (nearly) the same title
SKETCH_K = 128
MIN_SHINGLES = 20  # bodies shorter than ~25 words are not compared (too little to judge)

# Source lines that credit another outlet rather than the provincial office itself.
# Matched on folded text (no diacritics), except "báo" which folds into "bao" = "bảo".
_FOREIGN_SOURCE_FOLDED = [
    re.compile(r"\b(bhxh|bao hiem xa hoi) (viet nam|vn)\b"),
    re.compile(r"\bcong (ttdt|thong tin dien tu) (bhxh|bao hiem xa hoi) viet nam\b"),
    re.compile(r"\btap chi\b"),
    re.compile(r"\b(ttxvn|vtv\d*|vov\d*|vnexpress|vietnamnet|vnanet)\b"),
    re.compile(r"\b(truyen hinh|phat thanh)\b"),
]
_NEWSPAPER = re.compile(r"(?<!\w)báo(?!\w)")  # "báo" (newspaper), not "bảo"/"bao"
_DOMAIN = re.compile(r"\b((?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|info))\b")
_SOURCE_PREFIX = re.compile(r"^\s*(nguồn|theo|nguon)\s*[:\-–]?\s*", re.IGNORECASE)


_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str) -> set[int]:
    """Hashes of the text's word 5-grams (lower-cased, NFC; diacritics kept).

    Each word is hashed once with CRC-32 (zlib) and each 5-gram is the hash of the tuple of
    five word hashes: tuples of ints hash identically in every process (no PYTHONHASHSEED),
    and the whole pipeline runs in C. Measured on VNTC articles (2.3k characters): ~0.25 ms
    per article, against ~2 ms for blake2b over joined 5-gram strings.
    """
    words = _TOKEN.findall(unicodedata.normalize("NFC", text or "").lower())
    ids = [zlib.crc32(w.encode()) for w in words]
    return set(map(hash, zip(ids, ids[1:], ids[2:], ids[3:], ids[4:])))


def jaccard(a: str, b: str) -> float:
    """Exact Jaccard similarity of two texts' word 5-gram shingle sets (0.0 if either is empty)."""
    sa, sb = _shingles(a), _shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def credits_other_outlet(source_line: str | None, own_hosts: Iterable[str] = ()) -> str | None:
    """The outlet credited by a source line, if it is not the provincial office itself."""
    if not source_line:
        return None
    raw = _SOURCE_PREFIX.sub("", normalize_text(source_line)).strip()
    if not raw:
        return None
    lowered = raw.lower()
    folded = fold(raw)
    own = [h.lower().removeprefix("www.") for h in own_hosts]
    for m in _DOMAIN.finditer(folded):
        host = m.group(1).removeprefix("www.")
        if not any(host == o or host.endswith("." + o) or o.endswith("." + host) for o in own):
            return raw
    # Own domains were accepted above; the name patterns look at the words only.
    words_only = _DOMAIN.sub(" ", folded)
    if _NEWSPAPER.search(lowered):
        return raw
    for pat in _FOREIGN_SOURCE_FOLDED:
        if pat.search(words_only):
            return raw
    return None


def _sketch(text: str) -> frozenset[int]:
    """Bottom-k sketch: the SKETCH_K smallest shingle hashes (all of them for short texts)."""
    sh = _shingles(text)
    if len(sh) < MIN_SHINGLES:
        return frozenset()
    # sorted()[:k] is the same as heapq.nsmallest(k, ...) here, and several times faster
    return frozenset(sh if len(sh) <= SKETCH_K else sorted(sh)[:SKETCH_K])


class SketchCache:
    """Bottom-k sketches of bodies by (URL, content hash), least recently used dropped first.

    Each site's re-post check compares its posts with the other sites' recent posts, which
    are much the same from one site to the next: sketching them once per audit instead of
    once per site took the check from ~1 s to a few ms a site (63-portal bench). Sketches
    are kept as 8-byte arrays (1 KB each, against ~12 KB as a frozenset).
    """

    def __init__(self, maxsize: int = 8000) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[tuple[str, str], array[int]] = OrderedDict()

    def __contains__(self, key: tuple[str, str]) -> bool:
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)

    def get(self, key: tuple[str, str] | None, text: str | None) -> frozenset[int]:
        """The sketch of `text` stored under `key`, computed when missing (text needed then)."""
        if key is not None and key[1]:
            stored = self._data.get(key)
            if stored is not None:
                self._data.move_to_end(key)
                return frozenset(stored)
        sk = _sketch(text or "")
        if key is not None and key[1] and text is not None:
            self._data[key] = array("q", sk)
            if len(self._data) > self.maxsize:
                self._data.popitem(last=False)
        return sk


def _sketch_jaccard(a: frozenset[int], b: frozenset[int]) -> float:
    """Bottom-k Jaccard estimate (exact when both texts have at most SKETCH_K shingles)."""
    union_k = sorted(a | b)[:SKETCH_K]
    both = sum(1 for h in union_k if h in a and h in b)
    return both / len(union_k) if union_k else 0.0


def _title_words(title: str | None) -> frozenset[str]:
    return frozenset(fold(title or "").split())


def _words_similarity(wa: frozenset[str], wb: frozenset[str]) -> float:
    """Word-set Jaccard of two titles' folded words (case and diacritics ignored)."""
    return len(wa & wb) / len(wa | wb) if wa and wb else 0.0


class _RefIndex:
    """The references' sketch hashes, sorted, for counting what a post shares with each.

    For a post with sketch a and a reference with sketch b sharing n hashes, the estimate
    counts, among the smallest min(k, |a ∪ b|) hashes of the union, those in both: at most
    n. So n / min(k, |a ∪ b|) bounds it, and references below the threshold are dropped
    without being read (numpy: a few hundred microseconds a post, where a dict of hash ->
    references and a Counter per post took a quarter of the analysis of a site).
    """

    def __init__(self, sketches: list[frozenset[int]]) -> None:
        import numpy as np  # here: the crawling process never needs numpy

        sizes = np.fromiter((len(sk) for sk in sketches), dtype=np.int64, count=len(sketches))
        hashes = np.fromiter(chain.from_iterable(sketches), dtype=np.int64, count=int(sizes.sum()))
        owners = np.repeat(np.arange(len(sketches)), sizes)
        order = np.argsort(hashes, kind="stable")
        self.hashes, self.owners, self.sizes = hashes[order], owners[order], sizes

    def candidates(self, sketch: frozenset[int], threshold: float) -> list[tuple[int, float]]:
        """(reference index, bound) of the references that may reach `threshold`, in order."""
        import numpy as np

        mine = np.fromiter(sketch, dtype=np.int64, count=len(sketch))
        lo = np.searchsorted(self.hashes, mine, "left")
        hi = np.searchsorted(self.hashes, mine, "right")
        lens = hi - lo
        total = int(lens.sum())
        if total == 0:
            return []
        starts = np.repeat(lo - np.concatenate(([0], np.cumsum(lens)[:-1])), lens)
        shared = np.bincount(self.owners[starts + np.arange(total)], minlength=len(self.sizes))
        refs = np.flatnonzero(shared)
        n = shared[refs]
        bound = n / np.minimum(SKETCH_K, len(sketch) + self.sizes[refs] - n)
        keep = bound >= threshold
        return list(zip(refs[keep].tolist(), bound[keep].tolist()))


def find_reposts(
    articles: Iterable[Article],
    reference_texts: Mapping[str, str | tuple[str, str] | tuple[str, str | None, str]]
    | Iterable[str] = (),
    own_hosts: Iterable[str] = (),
    threshold: float = REPOST_JACCARD,
    verbatim: float = REPOST_VERBATIM,
    sketches: SketchCache | None = None,
) -> dict[str, str]:
    """Posts that are re-posts (đăng lại), with a Vietnamese reason, by URL.

    A post is a re-post when its source line ("Nguồn: …", "Theo …") credits another outlet,
    or when its body is a near-duplicate of one of `reference_texts` (e.g. bodies from Cổng
    TTĐT BHXH Việt Nam): Jaccard similarity of word 5-gram shingle sets >= `threshold`.
    Jaccard is estimated with bottom-k sketches (k = 128: exact for texts up to ~130 words,
    standard error <= 0.045 above), and candidate pairs come from an inverted index over
    sketch hashes, so cost grows with shared shingles, not len(articles) * len(references).
    A reference may be given as (title, body): then a body match between `threshold` and
    `verbatim` also needs a near-identical title (word Jaccard >= 0.8), because distinct articles
    portal written from the same templates share much of their wording but not their titles,
    while a re-post keeps the title. Only fetched articles are judged. Measured (VNTC, 2.3k-character articles, 2 busy CPUs):
    ~1 ms per text to sketch; 300 posts against 5,000 reference texts in a few seconds.
    With a `SketchCache`, a reference may be (title, body or None, content hash): its body
    is needed only when the cache does not hold its sketch yet; posts are cached too.
    """
    cache = sketches if sketches is not None else SketchCache(0)
    refs: list[tuple[str, frozenset[int]]] = []
    ref_titles: list[str | None] = []
    items = (
        reference_texts.items()
        if isinstance(reference_texts, Mapping)
        else enumerate(reference_texts)
    )
    for key, text in items:
        title: str | None = None
        ckey: tuple[str, str] | None = None
        if isinstance(text, tuple):
            if len(text) == 3:
                title, text, chash = text
                ckey = (str(key), chash)
            else:
                title, text = text
        sk = cache.get(ckey, text)
        if sk:
            refs.append((str(key), sk))
            ref_titles.append(title)
    index = _RefIndex([sk for _, sk in refs])

    own = list(own_hosts)
    out: dict[str, str] = {}
    ref_words: dict[int, frozenset[str]] = {}  # folded title words, computed once per reference
    for art in articles:
        if not art.fetched:
            continue
        outlet = credits_other_outlet(art.source_line, own)
        if outlet is None and art.author and _SOURCE_PREFIX.match(art.author):
            outlet = credits_other_outlet(art.author, own)
        if outlet is not None:
            out[art.url] = f"nguồn ghi: {outlet}"
            continue
        if not refs:
            continue
        sk = cache.get((art.url, art.content_hash), art.body_text)
        if not sk:
            continue
        best, best_j = None, 0.0
        art_words: frozenset[str] | None = None

        def _titles_alike(art: Article, i: int) -> bool:
            nonlocal art_words
            if art_words is None:
                art_words = _title_words(art.title)
            if i not in ref_words:
                ref_words[i] = _title_words(ref_titles[i])
            return _words_similarity(art_words, ref_words[i]) >= REPOST_TITLE

        # References in their order; the first of equally close ones is named.
        for i, bound in index.candidates(sk, threshold):
            ref_sk = refs[i][1]
            titles_alike: bool | None = None
            if ref_titles[i] is not None and bound < verbatim:
                # Cannot be a verbatim copy: the titles decide first.
                titles_alike = _titles_alike(art, i)
                if not titles_alike:
                    continue
            j = _sketch_jaccard(sk, ref_sk)
            if j < verbatim and ref_titles[i] is not None:
                if titles_alike is None:
                    titles_alike = _titles_alike(art, i)
                if not titles_alike:
                    continue  # shared template wording, different story
            if j > best_j:
                best, best_j = i, j
        if best is not None and best_j >= threshold:
            out[art.url] = f"trùng nội dung với {refs[best][0]} (Jaccard {best_j:.2f})"
    return out


# ----------------------------------------------------------------------------- BHYT

BHYT_KEYWORDS: tuple[str, ...] = ("BHYT", "bảo hiểm y tế", "thẻ BHYT", "khám chữa bệnh BHYT")


def is_bhyt(post: Post, label_slugs: Mapping[str, str] | None = None) -> bool:
    """A post specifically about health insurance: BHYT keywords in its title or sapo, or a
    category label that the site's category_map sends to the canonical slug "bhyt"."""
    if keyword_hits(f"{post.title}\n{post.sapo}", BHYT_KEYWORDS):
        return True
    if post.category_label:
        label = fold(post.category_label)
        for site_label, slug in (label_slugs or {}).items():
            if slug == "bhyt" and fold(site_label) == label:
                return True
        if keyword_hits(post.category_label, BHYT_KEYWORDS):
            return True
    return False


# ----------------------------------------------------------------------------- monthly stats


def monthly_stats(
    articles: list[Article],
    stored: list[StoredArticle],
    complete_since: date | None,
    as_of: date,
    months: int = 12,
    repost_of: Mapping[str, str] | None = None,
    bhyt_label_slugs: Mapping[str, str] | None = None,
) -> dict[str, dict]:
    """Per-month figures for the last `months` full calendar months before `as_of`.

    Returns {"2026-08": {"posts": n, "new": n, "repost": n, "bhyt": n, "complete": bool}},
    oldest month first. `repost_of` is `find_reposts`' result (URL -> reason); posts not in
    it count as "new" (viết mới). `bhyt_label_slugs` is the site's category_map (site label
    -> canonical slug). `complete` is False for months that begin before `complete_since`
    (or when it is None): their figures are lower bounds. Undated posts are never placed in
    a month; callers get their number from `undated_count`.
    """
    reposts = repost_of or {}
    firsts = full_months_before(as_of, months)
    out: dict[str, dict] = {
        month_key(m): {
            "posts": 0,
            "new": 0,
            "repost": 0,
            "bhyt": 0,
            "complete": month_complete(m, complete_since),
        }
        for m in firsts
    }
    for post in merge_posts(articles, stored):
        if post.published is None:
            continue
        row = out.get(month_key(post.published))
        if row is None:
            continue
        row["posts"] += 1
        if post.url in reposts:
            row["repost"] += 1
        else:
            row["new"] += 1
        if is_bhyt(post, bhyt_label_slugs):
            row["bhyt"] += 1
    return out


def undated_count(posts: Iterable[Post]) -> int:
    return sum(1 for p in posts if p.published is None)
