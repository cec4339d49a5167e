"""Finding misfiled posts among a portal's own posts ("confident learning").

A bare "the model predicts another category" accuses every post the model happens to
misread. Instead, following the confident-learning idea (Northcutt et al., 2021):

1. **Out-of-fold probabilities.** The site's judged posts are split into `folds` parts.
   For each part a model is trained on the shipped corpus *plus the site's other parts,
   with the labels the site gave them*, and predicts the held-out part. The correctly
   filed majority thereby teaches the model the portal's vocabulary (its place names,
   its recurring column titles) without any post ever judging itself.
2. **Per-class thresholds.** For every category j, t_j = the mean out-of-fold probability
   of j over the site's posts filed under j (the model's self-confidence for that class on
   this portal); with fewer than `min_class_posts` such posts, the threshold learnt on the
   shipped corpus is used.
   Each post is read whole and also by its headline and lead (title + sapo) alone; the
   fold model's probabilities over the two views are averaged (a truly misfiled post
   looks misfiled from both; a slip of the model on one view is damped). Measured on
   held-out writers: precision 0.77 -> 0.87 at the same recall (5 % flipped).
3. **A post filed under f is suspect** when some other category j (not "khác") has
   p_j >= t_j, p_j >= `min_confidence` (0.75), p_j - p_f >= `min_margin`, and p_f < t_f: the
   model is as sure of j as it usually is for real j posts, and unusually unsure of f.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy.sparse import csr_matrix

from portal_lint.classify.model import OTHER, CategoryClassifier, fit_svm

#: Probability another category needs before a post is accused. 0.6 accused a real VSS
#: post (a BHYT-day event report filed under "Lĩnh vực BHYT", p = 0.65); flipped labels in
#: the held-out evaluation are found at p >= 0.8 almost always.
DEFAULT_MIN_CONFIDENCE = 0.75

#: Out-of-fold splits of a site's posts. Each fold costs one SVM fit on the corpus plus the
#: site (~0.4 s, the largest CPU cost of an audit). Measured on held-out writers (6 writers x
#: 3 seeds): 4 folds P 0.925 / R 0.861 at 5 % flipped, 2 folds P 0.924 / R 0.853 (10 %:
#: 0.950 / 0.877 against 0.946 / 0.866); the demo farm's misfiled posts: 17/0/1 either way.
DEFAULT_FOLDS = 2
#: Stopping tolerance of the fold fits (LinearSVC's default is 1e-4). Measured on the shipped
#: corpus: decision values move by < 2e-4, the predicted class never changes, and each fit
#: takes ~20 % fewer passes.
FOLD_TOL = 1e-3


@dataclass(frozen=True)
class Suspect:
    index: int  # position in the caller's item list
    filed: str  # the canonical category it is filed under (closest one for multi-slug labels)
    predicted: str
    confidence: float  # out-of-fold probability of `predicted`
    filed_probability: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class OutOfFold:
    probs: np.ndarray  # (n, labels) out-of-fold probabilities
    train_labels: list[str]  # the single label each item was trained with
    models: list[object]  # the fold SVM that predicted each item


def out_of_fold(
    model: CategoryClassifier,
    X: csr_matrix,
    filed: Sequence[frozenset[str]],
    *,
    folds: int = DEFAULT_FOLDS,
    seed: int | None = None,
) -> OutOfFold:
    """Out-of-fold probabilities of the site's items (see module docstring, step 1)."""
    n = X.shape[0]
    labels = list(model.labels)
    base_probs = model.proba(X)
    # An item filed under a label standing for several slugs trains as the closest slug.
    train_labels = [
        max(sorted(f), key=lambda s: base_probs[i, labels.index(s)] if s in labels else -1.0)
        for i, f in enumerate(filed)
    ]
    probs = np.zeros((n, len(labels)))
    models: list[object] = [model.svm] * n
    k = min(folds, n)
    if k < 2:
        return OutOfFold(base_probs, train_labels, models)
    rng = np.random.default_rng(model.seed if seed is None else seed)
    assignment = rng.permutation(n) % k
    y_site = np.asarray(train_labels)
    for fold in range(k):
        held = np.flatnonzero(assignment == fold)
        rest = np.flatnonzero(assignment != fold)
        X_rest = X[rest]
        svm = fit_svm(
            model.seed,
            [model.base_X, X_rest],
            np.concatenate([model.base_y, y_site[rest]]),
            columns=np.union1d(model.base_columns, X_rest.indices),
            tol=FOLD_TOL,
        )
        probs[held] = model.proba(X[held], svm)
        for i in held:
            models[i] = svm
    return OutOfFold(probs, train_labels, models)


def class_thresholds(
    model: CategoryClassifier,
    probs: np.ndarray,
    train_labels: Sequence[str],
    min_class_posts: int = 5,
) -> dict[str, float]:
    """Step 2: t_j from the site's own posts filed under j, else from the shipped corpus."""
    labels = list(model.labels)
    out: dict[str, float] = {}
    y = np.asarray(train_labels)
    for j, lab in enumerate(labels):
        mask = y == lab
        if mask.sum() >= min_class_posts:
            out[lab] = float(probs[mask, j].mean())
        else:
            out[lab] = model.class_thresholds.get(lab, 0.5)
    return out


def find_suspects(
    model: CategoryClassifier,
    texts: Sequence[str],
    X: csr_matrix,
    filed: Sequence[frozenset[str]],
    *,
    views: Sequence[csr_matrix] = (),
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    min_margin: float = 0.3,
    folds: int = DEFAULT_FOLDS,
    min_class_posts: int = 5,
    evidence: int = 6,
) -> list[Suspect]:
    """Steps 1-3 over prepared `texts` with feature rows `X` and filed slug sets."""
    if X.shape[0] == 0:
        return []
    oof = out_of_fold(model, X, filed, folds=folds)
    probs = oof.probs
    if views:
        # Average with the same fold model's reading of other views (title + sapo).
        total = probs.copy()
        for V in views:
            for svm in {id(m): m for m in oof.models}.values():
                rows = [i for i, m in enumerate(oof.models) if m is svm]
                total[rows] += model.proba(V[rows], svm)
        probs = total / (1 + len(views))
    thresholds = class_thresholds(model, probs, oof.train_labels, min_class_posts)
    labels = list(model.labels)
    found: list[Suspect] = []
    for i, filed_set in enumerate(filed):
        row = probs[i]
        f = max(sorted(filed_set), key=lambda s: row[labels.index(s)] if s in labels else -1.0)
        p_f = float(row[labels.index(f)]) if f in labels else 0.0
        j = int(np.argmax(row))
        pred, p_j = labels[j], float(row[j])
        if pred == OTHER or pred in filed_set:
            continue
        if p_j < max(thresholds[pred], min_confidence) or p_j - p_f < min_margin:
            continue
        if f in thresholds and p_f >= thresholds[f]:
            continue
        words = model.evidence(texts[i], X[i], pred, against=f, k=evidence, svm=oof.models[i])
        found.append(Suspect(i, f, pred, p_j, p_f, tuple(words)))
    return found


def bare_disagreements(
    model: CategoryClassifier, X: csr_matrix, filed: Sequence[frozenset[str]]
) -> list[int]:
    """The naive baseline: items whose predicted category is not the filed one."""
    probs = model.proba(X)
    labels = list(model.labels)
    return [i for i, f in enumerate(filed) if labels[int(np.argmax(probs[i]))] not in f]
