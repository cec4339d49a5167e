"""Features for the category classifier, and a cache of them keyed by content hash.

The featurizer is *stateless*: hashed syllable uni+bigrams and hashed character 2-4-grams
(inside word boundaries), sublinear term frequency, L2-normalised. Nothing is fitted, so
the vector of an article depends only on its text: it can be cached by content hash and
reused by every later audit and every model (the base model, a site-adapted model, a
cross-validation fold). A vocabulary-fitted TF-IDF would have to recompute everything
whenever the training data changes.

Measured (bench via `portal-lint classify-eval`): idf weighting did not help on held-out
writers (macro-F1 0.866 without idf vs 0.860 with, templates->test split), and 2^18
buckets per part gave the same F1 as 2^20 at half the fit time.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix, hstack, vstack

#: Bump when tokenisation, normalisation or hashing changes (old cache rows then miss).
FEATURE_VERSION = "4"
N_FEATURES = 2**18  # per part (words, chars)
WORD_TOKEN = r"(?u)\b\w+\b"
# Insurance / public-service vocabulary (on normalised text, so spelled-out forms are already
# folded to "bhxh", "bhyt"...). Its *absence* is one extra feature whose weight the model
# learns: portal posts of every category use this vocabulary, general news rarely does. It
# cut the share of general-news articles given a confident category from 3.1 % to 1.2 %
# (3,000 VNTC articles) for -0.008 macro-F1 (measured by classify-eval, writer-1 held out).
_DOMAIN = re.compile(
    r"(?<!\w)(?:bhxh|bhyt|bhtn|bảo hiểm|hưu|thai sản|ốm đau|tử tuất|thất nghiệp|vssid|vneid|"
    r"đại lý thu|kcb|dvc|cccd|đềán06|hssv|tnlđ|bnn|chuyển đổi số|nsdlđ|ttdvvl)(?!\w)"
)
NO_DOMAIN_VALUE = 0.5
TRANSFORM_CHUNK = 64  # texts hashed at once (memory, see Featurizer.transform)


class Featurizer:
    """Text (already passed through `prepare_text`) -> sparse feature rows."""

    def __init__(self, segment: bool = False) -> None:
        from sklearn.feature_extraction.text import HashingVectorizer

        self.segment = segment
        self._words = HashingVectorizer(
            token_pattern=WORD_TOKEN,
            ngram_range=(1, 2),
            n_features=N_FEATURES,
            alternate_sign=False,
            norm=None,
        )
        self._chars = HashingVectorizer(
            analyzer="char_wb",
            ngram_range=(2, 4),
            n_features=N_FEATURES,
            alternate_sign=False,
            norm=None,
        )
        # Maps one n-gram string to its bucket (for evidence words).
        self._single = HashingVectorizer(
            analyzer=_identity, n_features=N_FEATURES, alternate_sign=False, norm=None
        )

    @property
    def n_features(self) -> int:
        return 2 * N_FEATURES + 1  # words, chars, "no insurance vocabulary"

    @property
    def key(self) -> str:
        return f"v{FEATURE_VERSION}-{'words' if self.segment else 'syllables'}"

    def _tokens_input(self, texts: Sequence[str]) -> list[str]:
        if not self.segment:
            return list(texts)
        from underthesea import word_tokenize  # lazy: ~1.5 s import, offline

        # Word segmentation joins compounds with "_" ("bảo_hiểm"); \w keeps them one token.
        return [word_tokenize(t, format="text") for t in texts]

    def transform(self, texts: Sequence[str]) -> csr_matrix:
        if len(texts) <= TRANSFORM_CHUNK:
            return self._transform(texts)
        # The hashers list every n-gram occurrence of their input before summing duplicates
        # (12 bytes each): 371 portal posts at once peaked at +19 MB, in chunks at +8 MB.
        return vstack(
            [
                self._transform(texts[i : i + TRANSFORM_CHUNK])
                for i in range(0, len(texts), TRANSFORM_CHUNK)
            ],
            format="csr",
            dtype=np.float32,
        )

    def _transform(self, texts: Sequence[str]) -> csr_matrix:
        from sklearn.preprocessing import normalize as l2

        if not texts:
            return csr_matrix((0, self.n_features), dtype=np.float32)
        words = self._words.transform(self._tokens_input(texts))
        chars = self._chars.transform(texts)
        mat = hstack([words, chars], format="csr", dtype=np.float32)
        mat.data = 1.0 + np.log(mat.data)  # sublinear tf: repeated words count less
        mat = l2(mat, copy=False)
        no_domain = np.array(
            [[0.0 if _DOMAIN.search(t) else NO_DOMAIN_VALUE] for t in texts], dtype=np.float32
        )
        return hstack([mat, csr_matrix(no_domain)], format="csr", dtype=np.float32)

    def word_grams(self, text: str) -> list[str]:
        """The distinct word uni+bigrams of a prepared text (same tokens as the features)."""
        analyzer = self._words.build_analyzer()
        (joined,) = self._tokens_input([text])
        return list(dict.fromkeys(analyzer(joined)))

    def word_buckets(self, grams: Sequence[str]) -> np.ndarray:
        if not grams:
            return np.zeros(0, dtype=np.int64)
        mat = self._single.transform([[g] for g in grams]).tocsr()
        return mat.indices.astype(np.int64)


def _identity(doc: list[str]) -> list[str]:
    return doc


def content_key(featurizer_key: str, text: str) -> str:
    return hashlib.sha1(f"{featurizer_key}\0{text}".encode()).hexdigest()


class FeatureCache:
    """SQLite store of feature rows by content hash; safe to share between threads.

    A nightly re-audit sees mostly the same articles: their rows come from here instead of
    being recomputed. A damaged or unwritable cache only costs speed, never a result.
    """

    def __init__(self, path: Path | str | None) -> None:
        self.path = Path(path) if path is not None else None
        self._lock = threading.Lock()
        self._conn: sqlite3.Connection | None = None
        self.hits = 0
        self.misses = 0
        if self.path is not None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                conn = sqlite3.connect(self.path, check_same_thread=False, timeout=10)
                conn.execute("PRAGMA journal_mode=WAL")
                conn.execute(
                    "CREATE TABLE IF NOT EXISTS features "
                    "(key TEXT PRIMARY KEY, indices BLOB NOT NULL, data BLOB NOT NULL)"
                )
                self._conn = conn
            except sqlite3.Error:
                self._conn = None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def get_many(self, keys: Sequence[str]) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        if self._conn is None or not keys:
            return {}
        found: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        try:
            with self._lock:
                for start in range(0, len(keys), 500):
                    chunk = list(keys[start : start + 500])
                    marks = ",".join("?" * len(chunk))
                    rows = self._conn.execute(
                        f"SELECT key, indices, data FROM features WHERE key IN ({marks})", chunk
                    ).fetchall()
                    for key, idx, dat in rows:
                        found[key] = (
                            np.frombuffer(idx, dtype=np.int32),
                            np.frombuffer(dat, dtype=np.float32),
                        )
        except sqlite3.Error:
            return {}
        return found

    def put_many(self, rows: dict[str, tuple[np.ndarray, np.ndarray]]) -> None:
        if self._conn is None or not rows:
            return
        try:
            with self._lock, self._conn:
                self._conn.executemany(
                    "INSERT OR REPLACE INTO features (key, indices, data) VALUES (?, ?, ?)",
                    [
                        (k, i.astype(np.int32).tobytes(), d.astype(np.float32).tobytes())
                        for k, (i, d) in rows.items()
                    ],
                )
        except sqlite3.Error:
            pass


def featurize(
    featurizer: Featurizer, texts: Sequence[str], cache: FeatureCache | None = None
) -> csr_matrix:
    """Feature rows for prepared texts, reading and filling the cache when one is given."""
    if cache is None or cache._conn is None:
        return featurizer.transform(texts)
    keys = [content_key(featurizer.key, t) for t in texts]
    found = cache.get_many(list(dict.fromkeys(keys)))
    missing = [i for i, k in enumerate(keys) if k not in found]
    cache.hits += len(keys) - len(missing)
    cache.misses += len(missing)
    if missing:
        fresh = featurizer.transform([texts[i] for i in missing])
        new_rows: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        for row, i in enumerate(missing):
            lo, hi = fresh.indptr[row], fresh.indptr[row + 1]
            entry = (fresh.indices[lo:hi].copy(), fresh.data[lo:hi].copy())
            found[keys[i]] = entry
            new_rows[keys[i]] = entry
        cache.put_many(new_rows)
    indptr = np.zeros(len(keys) + 1, dtype=np.int64)
    parts_idx, parts_dat = [], []
    for n, k in enumerate(keys):
        idx, dat = found[k]
        parts_idx.append(idx)
        parts_dat.append(dat)
        indptr[n + 1] = indptr[n] + len(idx)
    indices = np.concatenate(parts_idx) if parts_idx else np.zeros(0, dtype=np.int32)
    data = np.concatenate(parts_dat) if parts_dat else np.zeros(0, dtype=np.float32)
    return csr_matrix((data, indices, indptr), shape=(len(keys), featurizer.n_features))


__all__ = ["FEATURE_VERSION", "FeatureCache", "Featurizer", "featurize"]
