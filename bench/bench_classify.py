"""Benchmark of the category classifier. Prints figures; asserts nothing.

    python bench/bench_classify.py [--shared ../shared] [--segment-limit N]

1. held-out accuracy and per-class F1 on portal_lint/classify/data/test.jsonl,
   with and without underthesea word segmentation;
2. cold throughput on the 10,000 VNTC articles (training time reported separately);
3. share of VNTC general news that gets a confident taxonomy label (the rule's
   min_confidence), and which labels the VNTC insurance-mention articles get.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

from portal_lint.classify.model import OTHER, TEST_PATH, TRAIN_PATH, CategoryClassifier, load_rows
from portal_lint.rules.category_mismatch import CategoryMismatch

REPO = Path(__file__).resolve().parents[1]


def read_corpus(path: Path) -> list[dict[str, str]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def split_title(text: str) -> tuple[str, str]:
    # VNTC rows are "title\r\nbody"; classify them like a post (title, body).
    head, _, rest = text.partition("\n")
    return head.strip(), rest.strip()


def held_out(clf: CategoryClassifier, threshold: float) -> None:
    from sklearn.metrics import classification_report

    rows = load_rows(TEST_PATH)
    preds = clf.predict_many([(r["text"], "") for r in rows])
    gold = [r["label"] for r in rows]
    print(classification_report(gold, [p.label for p in preds], digits=3, zero_division=0))
    conf = [(g, p) for g, p in zip(gold, preds) if p.label != OTHER and p.confidence >= threshold]
    right = sum(g == p.label for g, p in conf)
    portal = sum(g != OTHER for g in gold)
    print(
        f"  at min_confidence={threshold}: {len(conf)}/{portal} portal texts get a confident label, "
        f"precision of those {right}/{len(conf)} = {right / max(len(conf), 1):.3f}"
    )


def corpus_figures(
    clf: CategoryClassifier, rows: list[dict[str, str]], threshold: float, name: str
) -> float:
    items = [split_title(r["text"]) for r in rows]
    t0 = time.perf_counter()
    preds = clf.predict_many(items)
    dt = time.perf_counter() - t0
    confident = [p for p in preds if p.label != OTHER and p.confidence >= threshold]
    print(f"  {name}: {len(rows)} articles in {dt:.1f} s = {len(rows) / dt:,.0f} articles/s")
    print(f"  predicted labels: {dict(Counter(p.label for p in preds).most_common())}")
    print(
        f"  confident taxonomy label (>= {threshold}): {len(confident)}/{len(rows)} "
        f"= {100 * len(confident) / len(rows):.1f} %  {dict(Counter(p.label for p in confident))}"
    )
    for thr in (0.4, 0.5, 0.6, 0.7, 0.8):
        n = sum(p.label != OTHER and p.confidence >= thr for p in preds)
        print(f"    share >= {thr}: {100 * n / len(rows):.1f} %")
    return dt


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument(
        "--segment-limit",
        type=int,
        default=0,
        help="classify only the first N VNTC articles in segmented mode (0 = all)",
    )
    args = ap.parse_args()
    threshold = CategoryMismatch.Params().min_confidence
    general = read_corpus(args.shared / "corpora" / "vntc-sample-10k.jsonl.gz")
    insurance = read_corpus(args.shared / "corpora" / "vntc-insurance-mentions.jsonl.gz")

    for segment in (False, True):
        print(
            f"\n=== segment={segment} (underthesea word_tokenize {'on' if segment else 'off'}) ==="
        )
        t0 = time.perf_counter()
        clf = CategoryClassifier.train(load_rows(TRAIN_PATH), segment=segment)
        train_s = time.perf_counter() - t0
        print(f"training on {len(load_rows(TRAIN_PATH))} shipped examples: {train_s:.2f} s")
        held_out(clf, threshold)
        rows = general if not segment or not args.segment_limit else general[: args.segment_limit]
        dt = corpus_figures(clf, rows, threshold, "VNTC general news (cold)")
        print(f"  cold total incl. training: {len(rows) / (dt + train_s):,.0f} articles/s")
        corpus_figures(clf, insurance, threshold, "VNTC insurance mentions")


if __name__ == "__main__":
    main()
