"""Word-5-gram Jaccard between generated articles: distinct posts must look distinct, re-posts
must stay near-verbatim copies (what portal_lint.stats.find_reposts relies on).

Run as a script for the full report:  python -m tests.demo.test_text_similarity
"""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date
from typing import Any

from portal_lint.demo.model import GenArticle, SiteData, generate_site
from portal_lint.stats import jaccard


def _quantile(xs: list[float], q: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, int(q * len(s)))] if s else 0.0


def measure(sites: list[SiteData], pairs: int = 3000, seed: int = 7) -> dict[str, Any]:
    """Mean / p99 / max Jaccard of random distinct pairs (same site, across sites) and of
    every cross-site pair of copies of the same central re-post."""
    rng = random.Random(seed)
    own = [[a for a in s.articles if not a.repost] for s in sites]

    def stats(xs: list[float]) -> dict[str, float]:
        return {
            "n": len(xs),
            "mean": round(sum(xs) / len(xs), 4) if xs else 0.0,
            "p99": round(_quantile(xs, 0.99), 4),
            "max": round(max(xs, default=0.0), 4),
        }

    same: list[float] = []
    for _ in range(pairs):
        arts = rng.choice([x for x in own if len(x) > 1])
        a, b = rng.sample(arts, 2)
        same.append(jaccard(a.body_text, b.body_text))
    cross: list[float] = []
    for _ in range(pairs):
        i, j = rng.sample(range(len(own)), 2)
        cross.append(jaccard(rng.choice(own[i]).body_text, rng.choice(own[j]).body_text))
    # One central story = same title and same first paragraph (thinning keeps the first).
    by_story: dict[tuple[str, str], list[tuple[int, GenArticle]]] = defaultdict(list)
    for k, s in enumerate(sites):
        for a in s.articles:
            if a.repost and a.paragraphs:
                key = (a.title.removeprefix("[Infographic] "), a.paragraphs[0])
                by_story[key].append((k, a))
    rep: list[float] = []
    rep_full: list[float] = []
    for group in by_story.values():
        for x in range(len(group)):
            for y in range(x + 1, len(group)):
                (ka, a), (kb, b) = group[x], group[y]
                if ka == kb:
                    continue
                j = jaccard(a.body_text, b.body_text)
                rep.append(j)
                if len(a.paragraphs) > 1 and len(b.paragraphs) > 1:
                    rep_full.append(j)
    return {
        "same_site": stats(same),
        "cross_site": stats(cross),
        "repost_pairs": stats(rep),
        "repost_pairs_not_thinned": stats(rep_full),
    }


def test_distinct_articles_distinct_reposts_verbatim(farm):
    sites = [s.data for s in farm.sites.values()]
    m = measure(sites, pairs=1500)
    for k in ("same_site", "cross_site"):
        assert m[k]["mean"] < 0.1, m
        assert m[k]["p99"] < 0.4, m
    assert m["repost_pairs_not_thinned"]["n"] > 0
    assert m["repost_pairs_not_thinned"]["mean"] >= 0.9, m


if __name__ == "__main__":
    import json

    from portal_lint.demo.farm import default_specs

    as_of = date(2026, 11, 23)
    print(json.dumps(measure([generate_site(s, as_of) for s in default_specs()]), indent=1))
