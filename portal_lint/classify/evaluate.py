"""Measurements of the category classifier, all on data held out of training.

`portal-lint classify-eval` prints them; docs/classifier.md records the last run.

- **Category prediction**: leave one writer out. For each writer of `data/corpus/`, a model
  trained on the templates, the hand-written test set and the *other* writers predicts that
  writer's texts, in three views (title only, title + sapo, full excerpt). Macro-F1 over
  the pooled predictions. Also: the hand-written `test.jsonl` predicted by a model that never
  saw it, and the same held-out texts with every abbreviation spelled out / every spelled-out
  term abbreviated.
- **Mislabel detection**: each held-out writer's categorised texts play a portal; 5 % / 10 %
  of their labels are flipped at random to another category; `mislabel.find_suspects`
  (confident learning with site adaptation) vs the bare "predicted != filed" baseline.
- **Throughput** on real news articles (VNTC), cold and warm feature cache.
- **Restraint**: share of those general-news articles given a portal category confidently.
"""

from __future__ import annotations

import gzip
import json
import re
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from portal_lint.classify import corpus as corpus_mod
from portal_lint.classify.corpus import VIEWS, Doc
from portal_lint.classify.features import FeatureCache
from portal_lint.classify.mislabel import DEFAULT_MIN_CONFIDENCE, bare_disagreements, find_suspects
from portal_lint.classify.model import OTHER, TAXONOMY, CategoryClassifier

DEFAULT_NEWS = Path("../shared/corpora/vntc-sample-10k.jsonl.gz")

_SPELLED = {
    "BHXH": "bảo hiểm xã hội",
    "BHYT": "bảo hiểm y tế",
    "BHTN": "bảo hiểm thất nghiệp",
    "HSSV": "học sinh, sinh viên",
    "NLĐ": "người lao động",
    "DN": "doanh nghiệp",
    "KCB": "khám, chữa bệnh",
    "CCCD": "căn cước công dân",
    "UBND": "Ủy ban nhân dân",
}
_ABBR_RE = re.compile(r"(?<!\w)(" + "|".join(_SPELLED) + r")(?!\w)")
_FULL_RE = re.compile(
    r"(?<!\w)(" + "|".join(re.escape(v) for v in _SPELLED.values()) + r")(?!\w)", re.IGNORECASE
)
_BACK = {v.lower(): k for k, v in _SPELLED.items()}


def spell_out(text: str) -> str:
    return _ABBR_RE.sub(lambda m: _SPELLED[m.group(1)], text)


def abbreviate(text: str) -> str:
    return _FULL_RE.sub(lambda m: _BACK[m.group(1).lower()], text)


def macro_f1(gold: Sequence[str], pred: Sequence[str]) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(gold, pred, average="macro", zero_division=0))


def expected_calibration_error(
    probs: np.ndarray, gold: Sequence[str], labels: Sequence[str]
) -> float:
    conf = probs.max(axis=1)
    right = np.asarray(labels)[probs.argmax(axis=1)] == np.asarray(gold)
    edges = np.linspace(0.0, 1.0, 11)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        mask = (conf > lo) & (conf <= hi)
        if mask.any():
            total += mask.mean() * abs(right[mask].mean() - conf[mask].mean())
    return float(total)


def _split(docs: Sequence[Doc]) -> tuple[list[Doc], dict[str, list[Doc]]]:
    writers: dict[str, list[Doc]] = {}
    fixed: list[Doc] = []
    for d in docs:
        if d.source.startswith("writer-"):
            writers.setdefault(d.source, []).append(d)
        else:
            fixed.append(d)
    return fixed, writers


def category_prediction(
    docs: Sequence[Doc], *, segment: bool = False, progress: Callable[[str], None] = lambda _: None
) -> dict[str, Any]:
    """Leave-one-writer-out macro-F1 per view, abbreviation variants, test-set F1, ECE."""
    fixed, writers = _split(docs)
    gold: list[str] = []
    pred: dict[str, list[str]] = {v: [] for v in (*VIEWS, "full/spelled-out", "full/abbreviated")}
    full_probs: list[np.ndarray] = []
    labels: Sequence[str] = ()
    per_writer: dict[str, float] = {}
    for name, held in sorted(writers.items()):
        progress(f"held out {name}")
        train = [*fixed, *(d for w, ds in writers.items() if w != name for d in ds)]
        model = CategoryClassifier.fit(train, segment=segment)
        labels = model.labels
        gold.extend(d.label for d in held)
        for view in VIEWS:
            X = model.features([d.text(view) for d in held])
            probs = model.proba(X)
            pred[view].extend(labels[i] for i in probs.argmax(axis=1))
            if view == "full":
                full_probs.append(probs)
                per_writer[name] = macro_f1(
                    [d.label for d in held], [labels[i] for i in probs.argmax(axis=1)]
                )
        for variant, fn in (("full/spelled-out", spell_out), ("full/abbreviated", abbreviate)):
            alt = [replace(d, title=fn(d.title), sapo=fn(d.sapo), body=fn(d.body)) for d in held]
            probs = model.proba(model.features([d.text("full") for d in alt]))
            pred[variant].extend(labels[i] for i in probs.argmax(axis=1))
    out: dict[str, Any] = {
        "writers": len(writers),
        "held_out_texts": len(gold),
        "macro_f1": {v: round(macro_f1(gold, p), 4) for v, p in pred.items() if p},
        "macro_f1_per_writer": {k: round(v, 4) for k, v in per_writer.items()},
    }
    if full_probs:
        out["ece_full"] = round(expected_calibration_error(np.vstack(full_probs), gold, labels), 4)
        from sklearn.metrics import f1_score

        per_class = f1_score(gold, pred["full"], labels=list(labels), average=None, zero_division=0)
        out["f1_per_class_full"] = {lab: round(float(f), 3) for lab, f in zip(labels, per_class)}
    test = [d for d in fixed if d.source == "test"]
    if test and writers:
        progress("test.jsonl held out")
        model = CategoryClassifier.fit([d for d in docs if d.source != "test"], segment=segment)
        probs = model.proba(model.features([d.text("full") for d in test]))
        out["macro_f1_test_jsonl"] = round(
            macro_f1([d.label for d in test], [model.labels[i] for i in probs.argmax(axis=1)]), 4
        )
    return out


def _flip(
    labels: Sequence[str], rate: float, rng: np.random.Generator
) -> tuple[list[str], set[int]]:
    n = len(labels)
    count = max(1, round(rate * n))
    chosen = set(int(i) for i in rng.choice(n, size=count, replace=False))
    noisy = list(labels)
    for i in chosen:
        noisy[i] = str(rng.choice([c for c in TAXONOMY if c != labels[i]]))
    return noisy, chosen


def _pr(flagged: set[int], truth: set[int]) -> tuple[int, int, int]:
    return len(flagged & truth), len(flagged - truth), len(truth - flagged)


def mislabel_detection(
    docs: Sequence[Doc],
    *,
    rates: Sequence[float] = (0.05, 0.10),
    seeds: Sequence[int] = (1, 2, 3),
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    min_margin: float = 0.3,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Flip labels of a held-out writer's texts; count what each method finds."""
    fixed, writers = _split(docs)
    counts = {(r, m): [0, 0, 0] for r in rates for m in ("confident_learning", "baseline")}
    for name, held in sorted(writers.items()):
        site = [d for d in held if d.label in TAXONOMY]
        if len(site) < 10:
            continue
        progress(f"mislabel: held out {name}")
        train = [*fixed, *(d for w, ds in writers.items() if w != name for d in ds)]
        model = CategoryClassifier.fit(train)
        texts = [d.text("full") for d in site]
        X = model.features(texts)
        views = [model.features([d.text(v) for d in site]) for v in ("title+sapo",)]
        for rate in rates:
            for seed in seeds:
                rng = np.random.default_rng(seed * 1000 + int(rate * 100))
                noisy, flipped = _flip([d.label for d in site], rate, rng)
                filed = [frozenset([lab]) for lab in noisy]
                cl = {
                    s.index
                    for s in find_suspects(
                        model,
                        texts,
                        X,
                        filed,
                        views=views,
                        min_confidence=min_confidence,
                        min_margin=min_margin,
                        evidence=0,
                    )
                }
                base = set(bare_disagreements(model, X, filed))
                for method, flagged in (("confident_learning", cl), ("baseline", base)):
                    tp, fp, fn = _pr(flagged, flipped)
                    c = counts[(rate, method)]
                    c[0] += tp
                    c[1] += fp
                    c[2] += fn
    out: dict[str, Any] = {}
    for (rate, method), (tp, fp, fn) in counts.items():
        out.setdefault(f"{round(rate * 100)}%", {})[method] = {
            "precision": round(tp / (tp + fp), 4) if tp + fp else None,
            "recall": round(tp / (tp + fn), 4) if tp + fn else None,
            "flagged": tp + fp,
            "flipped": tp + fn,
        }
    return out


def read_news(path: Path, limit: int | None = None) -> list[tuple[str, str]]:
    """VNTC rows {"text": "title\\r\\nbody"} -> (title, body)."""
    items: list[tuple[str, str]] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if limit is not None and len(items) >= limit:
                break
            text = json.loads(line)["text"]
            head, _, rest = text.partition("\n")
            items.append((head.strip(), rest.strip()))
    return items


def measure_throughput(
    corpus_path: Path | str = DEFAULT_NEWS,
    limit: int | None = None,
    model: CategoryClassifier | None = None,
) -> dict[str, Any]:
    """Articles per second classifying real news, with an empty and then a full cache.

    The model is trained (or loaded) first and its time reported apart: a nightly audit
    loads the pickled model once per process.
    """
    items = read_news(Path(corpus_path), limit)
    t0 = time.perf_counter()
    model = model or CategoryClassifier.default()
    load_s = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        cache = FeatureCache(Path(tmp) / "features.sqlite")
        t0 = time.perf_counter()
        cold = model.predict_many(items, cache=cache)
        cold_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        model.predict_many(items, cache=cache)
        warm_s = time.perf_counter() - t0
        cache.close()
    return {
        "articles": len(items),
        "model_load_or_train_s": round(load_s, 2),
        "cold_s": round(cold_s, 2),
        "warm_s": round(warm_s, 2),
        "cold_articles_per_s": round(len(items) / cold_s, 1) if cold_s else None,
        "warm_articles_per_s": round(len(items) / warm_s, 1) if warm_s else None,
        "predictions": cold,
    }


def restraint(
    predictions: Sequence[Any], thresholds: Sequence[float] = (0.6, 0.8, 0.9)
) -> dict[str, Any]:
    """Share of general-news articles given a portal category with probability >= t."""
    n = len(predictions)
    out: dict[str, Any] = {"articles": n}
    for t in thresholds:
        hits = [p for p in predictions if p.label != OTHER and p.confidence >= t]
        out[f"confident_at_{t}"] = len(hits)
        out[f"share_at_{t}"] = round(len(hits) / n, 4) if n else None
    out["labels_at_0.6"] = dict(
        sorted(
            {
                lab: sum(1 for p in predictions if p.label == lab and p.confidence >= 0.6)
                for lab in TAXONOMY
            }.items()
        )
    )
    return out


def run_all(
    docs: Sequence[Doc] | None = None,
    news_path: Path | None = DEFAULT_NEWS,
    news_limit: int | None = None,
    *,
    segment_compare: int = 0,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    docs = list(docs) if docs is not None else corpus_mod.shipped_docs()
    started = time.perf_counter()
    report: dict[str, Any] = {
        "corpus": {
            "texts": len(docs),
            "per_label": {lab: sum(d.label == lab for d in docs) for lab in (*TAXONOMY, OTHER)},
            "sources": corpus_mod.sources(docs),
        }
    }
    report["category_prediction"] = category_prediction(docs, progress=progress)
    report["mislabel_detection"] = mislabel_detection(docs, progress=progress)
    if news_path is not None and Path(news_path).is_file():
        progress("throughput on real news")
        tp = measure_throughput(news_path, news_limit)
        preds = tp.pop("predictions")
        report["throughput"] = tp
        report["restraint"] = restraint(preds)
    if segment_compare:
        report["segmentation"] = compare_segmentation(docs, news_path, segment_compare, progress)
    report["seconds"] = round(time.perf_counter() - started, 1)
    return report


def compare_segmentation(
    docs: Sequence[Doc],
    news_path: Path | None,
    limit: int,
    progress: Callable[[str], None] = lambda _: None,
) -> dict[str, Any]:
    """Syllables vs underthesea word segmentation: held-out F1 (full view) and speed."""
    out: dict[str, Any] = {}
    for segment in (False, True):
        progress(f"segmentation={segment}")
        key = "words" if segment else "syllables"
        res = category_prediction(docs, segment=segment)
        out[key] = {
            "macro_f1_full": res["macro_f1"].get("full"),
            "macro_f1_title": res["macro_f1"].get("title"),
        }
        if news_path is not None and Path(news_path).is_file():
            model = CategoryClassifier.fit(docs, segment=segment)
            tp = measure_throughput(news_path, limit, model=model)
            out[key]["cold_articles_per_s"] = tp["cold_articles_per_s"]
    return out


def format_report(r: dict[str, Any]) -> str:
    lines = [f"corpus: {r['corpus']['texts']} texts; per label {r['corpus']['per_label']}"]
    cp = r.get("category_prediction", {})
    lines.append(
        f"category prediction, leave one writer out ({cp.get('writers')} writers, "
        f"{cp.get('held_out_texts')} texts): macro-F1 "
        + ", ".join(f"{k} {v:.3f}" for k, v in cp.get("macro_f1", {}).items())
    )
    if "macro_f1_test_jsonl" in cp:
        lines.append(
            f"  hand-written test.jsonl held out: macro-F1 {cp['macro_f1_test_jsonl']:.3f}"
        )
    if "ece_full" in cp:
        lines.append(f"  expected calibration error (full view): {cp['ece_full']:.3f}")
    if "f1_per_class_full" in cp:
        lines.append(
            "  F1 per class (full): "
            + ", ".join(f"{k} {v:.2f}" for k, v in cp["f1_per_class_full"].items())
        )
    for rate, methods in r.get("mislabel_detection", {}).items():
        parts = []
        for m, v in methods.items():
            p = "n/a" if v["precision"] is None else f"{v['precision']:.3f}"
            rc = "n/a" if v["recall"] is None else f"{v['recall']:.3f}"
            parts.append(f"{m} P {p} R {rc} ({v['flagged']} flagged / {v['flipped']} flipped)")
        lines.append(f"mislabel detection at {rate} flipped: " + "; ".join(parts))
    if "throughput" in r:
        t = r["throughput"]
        lines.append(
            f"throughput on {t['articles']} real news articles: cold {t['cold_articles_per_s']}/s "
            f"({t['cold_s']} s), warm cache {t['warm_articles_per_s']}/s ({t['warm_s']} s); "
            f"model load/train {t['model_load_or_train_s']} s"
        )
    if "restraint" in r:
        s = r["restraint"]
        lines.append(
            "restraint on general news: "
            + ", ".join(
                f"{s[f'confident_at_{t}']} ({100 * s[f'share_at_{t}']:.1f}%) at p>={t}"
                for t in (0.6, 0.8, 0.9)
            )
            + f"; labels at 0.6: {s['labels_at_0.6']}"
        )
    if "segmentation" in r:
        lines.append(f"segmentation comparison: {r['segmentation']}")
    lines.append(f"({r.get('seconds')} s)")
    return "\n".join(lines)
