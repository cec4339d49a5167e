"""Compare audit verdicts and extractions with the demo farm's ground truth.

Every number here is computed from an audit's output and the generator's ground truth;
nothing is typed in.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from portal_lint.extract.urls import canonicalize
from portal_lint.rules.base import RULE_IDS
from portal_lint.snapshot import Finding, Snapshot

COLUMNS = (
    "true pass",
    "true fail",
    "false pass",
    "false fail",
    "wrong level",
    "unknown",
    "missing",
)


@dataclass
class Conformance:
    # rule -> column -> count
    table: dict[str, dict[str, int]] = field(
        default_factory=lambda: defaultdict(lambda: dict.fromkeys(COLUMNS, 0))
    )
    mismatches: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # site, rule, expected, got
    extraction: dict[str, dict[str, Any]] = field(default_factory=dict)  # site -> figures

    @property
    def total(self) -> int:
        return sum(sum(v.values()) for v in self.table.values())

    @property
    def correct(self) -> int:
        return sum(v["true pass"] + v["true fail"] for v in self.table.values())


def classify(expected: str, got: str | None) -> str:
    if got is None:
        return "missing"
    if got == "unknown":
        return "unknown"
    if expected == "pass":
        return "true pass" if got == "pass" else "false fail"
    if got == "pass":
        return "false pass"
    return "true fail" if got == expected else "wrong level"


def compare(
    results: list[tuple[str, list[Finding], Snapshot | None]],
    truths: dict[str, dict[str, Any]],
    reposts: dict[str, dict[str, str]] | None = None,
) -> Conformance:
    """`reposts`: site -> {url: reason} as flagged by the audit (optional)."""
    conf = Conformance()
    for site_id, findings, snap in results:
        truth = truths[site_id]
        got = {f.rule: f.status for f in findings}
        for rule in RULE_IDS:
            expected = (truth.get("rules", {}).get(rule) or {}).get("status")
            if expected is None:
                continue
            col = classify(expected, got.get(rule))
            conf.table[rule][col] += 1
            if col not in ("true pass", "true fail"):
                conf.mismatches.append((site_id, rule, expected, got.get(rule, "—")))
        if snap is not None:
            conf.extraction[site_id] = extraction_accuracy(snap, truth)
            if reposts is not None:
                conf.extraction[site_id].update(
                    repost_accuracy(snap, truth, reposts.get(site_id, {}))
                )
            mismatch = next((f for f in findings if f.rule == "category-mismatch"), None)
            if mismatch is not None and isinstance(mismatch.value, dict):
                flagged = {m["url"] for m in mismatch.value.get("misfiled", [])}
                conf.extraction[site_id].update(misfiled_accuracy(snap, truth, flagged))
    return conf


def extraction_accuracy(snap: Snapshot, truth: dict[str, Any]) -> dict[str, Any]:
    """Dates, categories and monthly counts of the crawl vs the generator's ground truth."""
    cmap = {k: v for k, v in (truth.get("category_map") or {}).items()}
    truth_articles = {canonicalize(a["url"]): a for a in truth.get("articles", [])}
    found: dict[str, Any] = {}
    for art in snap.articles:
        for url in [art.url, *art.aliases]:
            key = canonicalize(url)
            if key in truth_articles:
                found[key] = art
                break
    as_of = truth.get("as_of", "")
    # only judge articles in the crawler's discovery window (the generator writes more months)
    start = snap.coverage.complete_since.isoformat() if snap.coverage.complete_since else None
    in_scope = {
        u: a for u, a in truth_articles.items() if start is None or a["published"][:10] >= start
    }
    dated_ok = sum(
        1
        for u, t in in_scope.items()
        if u in found
        and found[u].published
        and found[u].published.isoformat()[:10] == t["published"][:10]
    )
    cat_judged = cat_ok = 0
    for u, t in in_scope.items():
        art = found.get(u)
        if art is None or not art.category_label:
            continue
        cat_judged += 1
        label = art.category_label
        slug = cmap.get(label) or next(
            (v for k, v in cmap.items() if k.lower() == label.lower()), None
        )
        if slug == t.get("listed_under"):
            cat_ok += 1
    months_truth: dict[str, int] = defaultdict(int)
    months_found: dict[str, int] = defaultdict(int)
    for u, t in in_scope.items():
        months_truth[t["published"][:7]] += 1
    for art in snap.articles:
        if (
            art.published
            and (start is None or art.published.date().isoformat() >= start)
            and art.published.date().isoformat() <= as_of
        ):
            months_found[art.published.strftime("%Y-%m")] += 1
    months = sorted(set(months_truth) | set(months_found))
    month_ok = sum(months_truth[m] == months_found[m] for m in months)
    return {
        "articles_expected": len(in_scope),
        "articles_found": sum(1 for u in in_scope if u in found),
        "dates_correct": dated_ok,
        "categories_judged": cat_judged,
        "categories_correct": cat_ok,
        "months": len(months),
        "months_exact": month_ok,
        "monthly": {m: (months_truth[m], months_found[m]) for m in months},
        "extra_articles": sum(
            1 for a in snap.articles if canonicalize(a.url) not in truth_articles
        ),
    }


def repost_accuracy(
    snap: Snapshot, truth: dict[str, Any], flagged: dict[str, str]
) -> dict[str, int]:
    """Re-posts (đăng lại) flagged by the audit vs the generator's, over the crawled articles."""
    truth_by_url = {canonicalize(a["url"]): a for a in truth.get("articles", [])}
    flagged_urls = {canonicalize(u) for u in flagged}
    tp = fp = fn = 0
    for art in snap.articles:
        if not art.fetched:
            continue
        t = truth_by_url.get(canonicalize(art.url))
        if t is None:
            continue
        is_flagged = canonicalize(art.url) in flagged_urls
        tp += bool(t.get("repost")) and is_flagged
        fp += (not t.get("repost")) and is_flagged
        fn += bool(t.get("repost")) and not is_flagged
    return {"reposts_true": tp, "reposts_false": fp, "reposts_missed": fn}


MISFILE_WINDOW_DAYS = 90  # the category-mismatch rule's default window


def misfiled_accuracy(snap: Snapshot, truth: dict[str, Any], flagged: set[str]) -> dict[str, int]:
    """Posts the category-mismatch rule flagged vs the generator's misfiled posts, over the
    crawled posts in the rule's 90-day window (the truth marks misfiling only there)."""
    truth_by_url = {canonicalize(a["url"]): a for a in truth.get("articles", [])}
    flagged_urls = {canonicalize(u) for u in flagged}
    as_of = date.fromisoformat(truth["as_of"])
    start, end = (as_of - timedelta(days=MISFILE_WINDOW_DAYS)).isoformat(), as_of.isoformat()
    tp = fp = fn = 0
    for art in snap.articles:
        t = truth_by_url.get(canonicalize(art.url))
        if t is None or not art.fetched:
            continue
        if not start <= t["published"][:10] <= end:
            continue
        is_flagged = canonicalize(art.url) in flagged_urls
        tp += bool(t.get("misfiled")) and is_flagged
        fp += (not t.get("misfiled")) and is_flagged
        fn += bool(t.get("misfiled")) and not is_flagged
    return {"misfiled_true": tp, "misfiled_false": fp, "misfiled_missed": fn}


def _misfiled(x: dict[str, Any]) -> str:
    if "misfiled_true" not in x:
        return "—"
    return f"{x['misfiled_true']}/{x['misfiled_false']}/{x['misfiled_missed']}"


def _reposts(x: dict[str, Any]) -> str:
    if "reposts_true" not in x:
        return "—"
    return f"{x['reposts_true']}/{x['reposts_false']}/{x['reposts_missed']}"


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}%" if b else "   — "


def render(conf: Conformance) -> str:
    lines = [
        "Conformance with the demo farm's ground truth (rule × outcome, counted over sites)",
        "",
    ]
    head = f"{'rule':<22}" + "".join(f"{c:>12}" for c in COLUMNS)
    lines += [head, "-" * len(head)]
    for rule in RULE_IDS:
        row = conf.table.get(rule)
        if row is None:
            continue
        lines.append(f"{rule:<22}" + "".join(f"{row[c]:>12}" for c in COLUMNS))
    lines.append("-" * len(head))
    lines.append(
        f"verdicts matching ground truth: {conf.correct}/{conf.total} ({_pct(conf.correct, conf.total).strip()})"
    )
    if conf.mismatches:
        lines.append("mismatches (site, rule, expected → got):")
        lines += [f"  {s:<18} {r:<22} {e} → {g}" for s, r, e, g in conf.mismatches]
    if conf.extraction:
        lines += ["", "Extraction accuracy (articles in the crawl window)", ""]
        h2 = (
            f"{'site':<18}{'found':>14}{'dates':>16}{'categories':>16}{'months exact':>14}{'extra':>7}"
            f"{'re-posts found/false/missed':>30}{'misfiled found/false/missed':>30}"
        )
        lines += [h2, "-" * len(h2)]
        tot = defaultdict(int)
        for site, x in conf.extraction.items():
            for k in (
                "articles_expected",
                "articles_found",
                "dates_correct",
                "categories_judged",
                "categories_correct",
                "months",
                "months_exact",
                "extra_articles",
                "reposts_true",
                "reposts_false",
                "reposts_missed",
                "misfiled_true",
                "misfiled_false",
                "misfiled_missed",
            ):
                tot[k] += x.get(k, 0)
            lines.append(
                f"{site:<18}{x['articles_found']:>6}/{x['articles_expected']:<7}"
                f"{_pct(x['dates_correct'], x['articles_found']):>16}"
                f"{_pct(x['categories_correct'], x['categories_judged']):>16}"
                f"{x['months_exact']:>8}/{x['months']:<5}{x['extra_articles']:>7}"
                f"{_reposts(x):>30}{_misfiled(x):>30}"
            )
        lines.append("-" * len(h2))
        lines.append(
            f"{'all':<18}{tot['articles_found']:>6}/{tot['articles_expected']:<7}"
            f"{_pct(tot['dates_correct'], tot['articles_found']):>16}"
            f"{_pct(tot['categories_correct'], tot['categories_judged']):>16}"
            f"{tot['months_exact']:>8}/{tot['months']:<5}{tot['extra_articles']:>7}"
            f"{_reposts(tot):>30}{_misfiled(tot):>30}"
        )
    return "\n".join(lines)
