"""Vietnamese topic classifier for portal posts (canonical category taxonomy).

Pipeline: `text.prepare_text` (NFC, lower case, one tone-placement style, spelled-out terms
folded to their abbreviation: "bảo hiểm xã hội" and "BHXH" are one token) -> stateless
hashed features (`features.Featurizer`: syllable uni+bigrams and char 2-4-grams) -> a
linear SVM (scikit-learn `LinearSVC`, class-balanced) -> a multinomial logistic
calibrator fitted on the SVM's 5-fold out-of-fold decision values, which turns margins
into calibrated probabilities. Labels are the 7 taxonomy slugs plus `khac` (general news),
so the model can abstain instead of forcing a football report into "Tin hoạt động".

Why this shape: the SVM on n-grams is the strongest cheap text classifier at this data
size (a few thousand rows), trains in about a second and predicts thousands of articles
per second; the calibrator is separate from the SVM so a site-adapted SVM (see
`mislabel.py`) reuses it without another cross-validation. Everything is deterministic
(fixed seeds, stateless hashing); nothing is downloaded; the default model trains from the
shipped corpus on first use and is pickled to the cache directory.

Measured figures (held-out writers, throughput, restraint on general news) are printed by
`portal-lint classify-eval` and recorded in docs/classifier.md.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix

from portal_lint.classify import corpus as corpus_mod
from portal_lint.classify.corpus import Doc, training_texts
from portal_lint.classify.features import (
    FEATURE_VERSION,
    N_FEATURES,
    FeatureCache,
    Featurizer,
    featurize,
)
from portal_lint.classify.text import MAX_CHARS, prepare_text

log = logging.getLogger(__name__)

#: Label for general news that belongs to no portal category (the model abstains).
OTHER = "khac"
#: The canonical taxonomy slugs, in the order of the taxonomy table.
TAXONOMY: tuple[str, ...] = (
    "hoat-dong",
    "bhxh",
    "bhyt",
    "bhtn",
    "chuyen-doi-so",
    "guong-dien-hinh",
    "hoi-dap",
)
MODEL_VERSION = "5"  # bump when the estimator changes (invalidates pickles)
SVM_C = 0.5
CALIBRATION_FOLDS = 5
SEED = 20231

# Tokens the normaliser produces, shown to editors in their usual spelling.
_DISPLAY = {
    "bhxh": "BHXH",
    "bhyt": "BHYT",
    "bhtn": "BHTN",
    "hssv": "HSSV",
    "nlđ": "NLĐ",
    "nsdlđ": "NSDLĐ",
    "dn": "DN",
    "kcb": "KCB",
    "cccd": "CCCD",
    "ubnd": "UBND",
    "lđtbxh": "LĐTB&XH",
    "tnlđ": "TNLĐ",
    "bnn": "BNN",
    "dvc": "DVC",
    "ttdvvl": "TTDVVL",
    "vssid": "VssID",
    "vneid": "VNeID",
    "qqmark": "?",
}


# Words that carry no topic on their own (shown only inside a phrase).
_FUNCTION_WORDS = frozenset(
    "và là của có được các những cho với này đó đã sẽ đang thì mà khi nào năm ngày tháng "
    "tại trong từ để theo về một hai ba người bị ra vào lên như cũng hơn rất nhiều không "
    "việc đến trên dưới sau trước nên do vì nếu hay hoặc".split()
)


def display_gram(gram: str) -> str:
    return " ".join(_DISPLAY.get(w, w) for w in gram.replace("_", " ").split())


@dataclass(frozen=True)
class Prediction:
    label: str  # a TAXONOMY slug, or OTHER when the text looks like general news
    confidence: float  # calibrated probability of `label`
    scores: dict[str, float] = field(default_factory=dict)  # probability of every label
    evidence: tuple[str, ...] = ()  # words that drove the prediction, strongest first

    @property
    def abstained(self) -> bool:
        return self.label == OTHER


def load_rows(path: Path) -> list[dict[str, str]]:
    """Rows of a {"label", "text"} JSONL file (kept for older callers)."""
    import json

    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


class SparseLinearSVM:
    """A fitted one-vs-rest linear SVM that keeps weights only for the feature columns its
    training rows use.

    The hashed feature space has 2^19 columns, but the corpus touches about 60,000 of them.
    LinearSVC on the full width allocates 8 x 2^19 float64 weights several times per fit
    (34 MB each); an audit fits four site-adapted models per portal (mislabel.py), which
    made category-mismatch the largest memory cost of a large audit. Fitting on the used
    columns is exact: a column that is zero in every training row gets weight zero in the
    dual solution, and renumbering columns in their order leaves liblinear's arithmetic
    unchanged.
    """

    def __init__(
        self,
        classes: np.ndarray,
        coef: np.ndarray,
        intercept: np.ndarray,
        columns: np.ndarray,
        n_features: int,
    ) -> None:
        self.classes_ = classes
        self.coef_ = coef  # (classes, len(columns)) float32
        self.intercept_ = intercept
        self.columns = columns  # used feature columns, ascending
        self.n_features = n_features

    def _compact(self, X: csr_matrix) -> csr_matrix:
        return X[:, self.columns]

    def decision_function(self, X: csr_matrix) -> np.ndarray:
        d = np.asarray(self._compact(X) @ self.coef_.T, dtype=np.float64) + self.intercept_
        return d.ravel() if d.shape[1] == 1 else d

    def weight_rows(self, rows: Sequence[int]) -> np.ndarray:
        """Weights of the given class rows over the whole feature space (for evidence)."""
        full = np.zeros((len(rows), self.n_features), dtype=np.float32)
        full[:, self.columns] = self.coef_[list(rows)]
        return full


def compact_rows(parts: Sequence[csr_matrix], columns: np.ndarray) -> csr_matrix:
    """The rows of `parts` stacked, their columns renumbered to positions in `columns`
    (sorted; every column the parts use), as the float64 CSR that liblinear reads.

    Built in one allocation: vstack, then a column slice, then scikit-learn's float64 copy
    held three copies of a site-adapted training set at once (a fold of a 1,500-post
    portal: 1.7 M non-zeros, ~45 MB of transient copies in the analysis process)."""
    nnz = sum(int(p.indptr[-1] - p.indptr[0]) for p in parts)
    n_rows = sum(p.shape[0] for p in parts)
    index = np.int32 if nnz < 2**31 else np.int64
    data = np.empty(nnz, dtype=np.float64)
    indices = np.empty(nnz, dtype=index)
    indptr = np.empty(n_rows + 1, dtype=index)
    indptr[0] = 0
    # A full-width lookup table: one gather per part (searchsorted took 5x longer).
    width = max(p.shape[1] for p in parts)
    position = np.zeros(width, dtype=index)
    position[columns] = np.arange(len(columns), dtype=index)
    at = row = 0
    for p in parts:
        lo, hi = int(p.indptr[0]), int(p.indptr[-1])
        data[at : at + hi - lo] = p.data[lo:hi]
        np.take(position, p.indices[lo:hi], out=indices[at : at + hi - lo])
        indptr[row + 1 : row + 1 + p.shape[0]] = p.indptr[1:] - lo + at
        at += hi - lo
        row += p.shape[0]
    return csr_matrix((data, indices, indptr), shape=(n_rows, len(columns)), copy=False)


def fit_svm(
    seed: int,
    X: csr_matrix | Sequence[csr_matrix],
    y: np.ndarray,
    columns: np.ndarray | None = None,
    tol: float = 1e-4,
) -> SparseLinearSVM:
    """LinearSVC fitted on the columns the rows use (see SparseLinearSVM), weights in
    float32: decisions move by < 1e-6. `X` is one matrix or several whose rows are stacked;
    `columns`, when the caller knows them: the sorted union of the rows' column indices."""
    from sklearn.svm import LinearSVC

    parts = [X] if isinstance(X, csr_matrix) else list(X)
    if columns is None:
        columns = np.unique(np.concatenate([p.indices for p in parts]))
    columns = columns.astype(np.int32)
    svm = LinearSVC(C=SVM_C, class_weight="balanced", random_state=seed, tol=tol).fit(
        compact_rows(parts, columns), y
    )
    return SparseLinearSVM(
        svm.classes_,
        np.ascontiguousarray(svm.coef_, dtype=np.float32),
        np.asarray(svm.intercept_, dtype=np.float64),
        columns,
        parts[0].shape[1],
    )


class CategoryClassifier:
    """Predicts the canonical category of a post from its title and text."""

    def __init__(
        self,
        featurizer: Featurizer,
        svm: SparseLinearSVM,
        calibrator: Any,
        base_X: csr_matrix,
        base_y: np.ndarray,
        class_thresholds: dict[str, float],
        max_chars: int = MAX_CHARS,
        seed: int = SEED,
    ) -> None:
        self.featurizer = featurizer
        self.svm = svm
        self.calibrator = calibrator
        self.base_X = base_X  # kept for site adaptation (mislabel.py)
        self._base_columns: np.ndarray | None = None
        self.base_y = base_y
        self.class_thresholds = class_thresholds  # mean OOF p(j) over training items of j
        self.max_chars = max_chars
        self.seed = seed
        self.labels: tuple[str, ...] = tuple(str(c) for c in svm.classes_)

    @property
    def base_columns(self) -> np.ndarray:
        """Feature columns the shipped corpus uses (sorted), computed once per model."""
        if getattr(self, "_base_columns", None) is None:  # pickles from before lack it
            self._base_columns = np.unique(self.base_X.indices)
        return self._base_columns

    @property
    def segment(self) -> bool:
        return self.featurizer.segment

    # -- construction -------------------------------------------------------------------
    @classmethod
    def fit(
        cls,
        docs: Sequence[Doc],
        *,
        segment: bool = False,
        views: Sequence[str] = ("full", "title"),
        seed: int = SEED,
        cache: FeatureCache | None = None,
    ) -> CategoryClassifier:
        texts, labels = training_texts(docs, views)
        featurizer = Featurizer(segment=segment)
        X = featurize(featurizer, texts, cache)
        y = np.asarray(labels)
        return cls.fit_matrix(featurizer, X, y, seed=seed)

    @classmethod
    def fit_matrix(
        cls, featurizer: Featurizer, X: csr_matrix, y: np.ndarray, *, seed: int = SEED
    ) -> CategoryClassifier:
        from sklearn.linear_model import LogisticRegression
        from sklearn.model_selection import StratifiedKFold

        svm = fit_svm(seed, X, y)
        classes = svm.classes_
        # Out-of-fold margins teach the calibrator how margins map to being right.
        oof = np.zeros((X.shape[0], len(classes)))
        folds = min(CALIBRATION_FOLDS, int(min(np.unique(y, return_counts=True)[1])))
        if folds >= 2:
            skf = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
            for train_idx, test_idx in skf.split(X, y):
                fold = fit_svm(seed, X[train_idx], y[train_idx])
                oof[test_idx] = _aligned_decision(fold, X[test_idx], classes)
        else:  # too few rows per class for folds: calibrate on training margins
            oof = svm.decision_function(X)
        calibrator = LogisticRegression(C=1.0, max_iter=1000).fit(oof, y)
        probs = calibrator.predict_proba(oof)
        thresholds = {
            str(c): float(probs[y == c, j].mean()) for j, c in enumerate(calibrator.classes_)
        }
        return cls(featurizer, svm, calibrator, X, y, thresholds, seed=seed)

    @classmethod
    def train(
        cls,
        rows: Iterable[dict[str, str]],
        *,
        segment: bool = False,
        max_chars: int = MAX_CHARS,
    ) -> CategoryClassifier:
        """From {"label", "text"} rows (or corpus rows with title/sapo/body)."""
        docs = [
            Doc(
                r["label"],
                r.get("title", r.get("text", "")),
                r.get("sapo", ""),
                r.get("body", ""),
            )
            for r in rows
        ]
        return cls.fit(docs, segment=segment)

    @classmethod
    def default(
        cls, cache_dir: Path | str | None = None, segment: bool = False
    ) -> CategoryClassifier:
        """Model trained from the shipped corpus; cached per process and pickled to cache_dir
        (default: the portal-lint cache directory)."""
        return _default_model(str(cache_dir) if cache_dir is not None else None, segment)

    # -- prediction -----------------------------------------------------------------------
    def prepare(self, title: str, text: str = "") -> str:
        return prepare_text(title, text, self.max_chars)

    def features(self, texts: Sequence[str], cache: FeatureCache | None = None) -> csr_matrix:
        return featurize(self.featurizer, texts, cache)

    def proba(self, X: csr_matrix, svm: Any = None) -> np.ndarray:
        """Calibrated probabilities, columns in `self.labels` order."""
        margins = _aligned_decision(svm or self.svm, X, self.svm.classes_)
        probs = self.calibrator.predict_proba(margins)
        order = [list(self.calibrator.classes_).index(c) for c in self.svm.classes_]
        return probs[:, order]

    def predict(self, title: str, text: str = "") -> Prediction:
        return self.predict_many([(title, text)])[0]

    def predict_many(
        self,
        items: Iterable[tuple[str, str]],
        *,
        cache: FeatureCache | None = None,
        evidence: int = 0,
    ) -> list[Prediction]:
        texts = [self.prepare(t, b) for t, b in items]
        if not texts:
            return []
        X = self.features(texts, cache)
        probs = self.proba(X)
        out: list[Prediction] = []
        for n, row in enumerate(probs):
            scores = {lab: float(p) for lab, p in zip(self.labels, row)}
            best = max(scores, key=scores.__getitem__)
            words: tuple[str, ...] = ()
            if evidence:
                words = tuple(self.evidence(texts[n], X[n], best, k=evidence))
            out.append(Prediction(best, scores[best], scores, words))
        return out

    def evidence(
        self,
        text: str,
        x_row: csr_matrix,
        label: str,
        against: str | None = None,
        k: int = 6,
        svm: Any = None,
    ) -> list[str]:
        """Words of `text` that pushed the model towards `label` (away from `against`, or
        from the runner-up label): word n-grams ranked by feature value x weight gap."""
        svm = svm or self.svm
        classes = list(svm.classes_)
        if label not in classes:
            return []
        if against in classes:
            rival = classes.index(against)
        else:
            margins = np.asarray(svm.decision_function(x_row)).ravel()
            rival = max((i for i, c in enumerate(classes) if c != label), key=lambda i: margins[i])
        pair = svm.weight_rows([classes.index(label), rival])
        w = pair[0] - pair[1]
        grams = self.featurizer.word_grams(text)
        if not grams:
            return []
        buckets = self.featurizer.word_buckets(grams)
        row = x_row.toarray().ravel()[:N_FEATURES]
        contrib = dict(zip(grams, row[buckets] * w[buckets]))
        # A phrase scores with its words ("tổng kết" = bigram + "tổng" + "kết"), so editors
        # see phrases; each word is shown once; function words alone are not evidence.
        scored: list[tuple[float, str]] = []
        for gram, value in contrib.items():
            parts = gram.split()
            if len(parts) == 1:
                if gram in _FUNCTION_WORDS or (gram == "qqmark" and label != "hoi-dap"):
                    continue
                scored.append((value, gram))
            else:
                total = value + sum(max(contrib.get(p, 0.0), 0.0) for p in parts)
                if all(p in _FUNCTION_WORDS for p in parts):
                    continue
                scored.append((total, gram))
        chosen: list[str] = []
        used: set[str] = set()
        for value, gram in sorted(scored, key=lambda vg: (-vg[0], vg[1])):
            if value <= 0 or len(chosen) >= k:
                break
            parts = set(gram.split())
            if parts & used:
                continue
            used |= parts
            chosen.append(gram)
        return [display_gram(g) for g in chosen]


def _aligned_decision(svm: Any, X: csr_matrix, classes: np.ndarray) -> np.ndarray:
    """Decision values in the order of `classes` (a fold may miss a class: -inf-ish)."""
    d = svm.decision_function(X)
    if d.ndim == 1:  # binary problem
        d = np.column_stack([-d, d])
    if list(svm.classes_) == list(classes):
        return d
    out = np.full((X.shape[0], len(classes)), -2.0)
    for j, c in enumerate(svm.classes_):
        out[:, list(classes).index(c)] = d[:, j]
    return out


def _data_fingerprint(segment: bool) -> str:
    """Hash of the documents the default model trains on (not of the files: which files
    count is itself a rule of corpus.py) and of every version that shapes the model."""
    import sklearn

    h = hashlib.sha256()
    for d in corpus_mod.shipped_docs():
        h.update("\x1f".join((d.label, d.title, d.sapo, d.body, d.source)).encode())
        h.update(b"\x1e")
    h.update(
        f"{MODEL_VERSION}|{FEATURE_VERSION}|{segment}|{MAX_CHARS}|{sklearn.__version__}".encode()
    )
    return h.hexdigest()[:16]


def default_cache_dir() -> Path:
    from portal_lint.runner import default_cache_dir as root

    return root() / "classifier"


@functools.lru_cache(maxsize=4)
def _default_model(cache_dir: str | None, segment: bool) -> CategoryClassifier:
    # Per-process cache: the rule runs once per site; training once per process is enough.
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    path = folder / f"category-clf-{_data_fingerprint(segment)}.pkl"
    if path.is_file():
        try:
            with path.open("rb") as fh:
                cached = pickle.load(fh)  # our own cache dir, keyed by data + versions
            if isinstance(cached, CategoryClassifier):
                return cached
        except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, OSError):
            log.info("classifier cache %s unreadable; retraining", path)
    model = CategoryClassifier.fit(corpus_mod.shipped_docs(), segment=segment)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{id(model)}")
        with tmp.open("wb") as fh:
            pickle.dump(model, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:  # a read-only cache dir must not break classification
        pass
    return model


def feature_cache(cache_dir: Path | str | None = None) -> FeatureCache:
    folder = Path(cache_dir) if cache_dir is not None else default_cache_dir()
    return FeatureCache(folder / f"features-{FEATURE_VERSION}.sqlite")


# Older import paths.
TRAIN_PATH = corpus_mod.TEMPLATES_PATH
TEST_PATH = corpus_mod.TEST_PATH
