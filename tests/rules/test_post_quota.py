from __future__ import annotations

from datetime import date, datetime

from portal_lint.rules.post_quota import PostQuota
from portal_lint.snapshot import Article, Coverage, History, RunContext, Snapshot, StoredArticle

AS_OF = date(2026, 9, 10)


def posts(year: int, month: int, n: int, prefix: str = "a") -> list[Article]:
    return [
        Article(
            url=f"https://bhxh.example/{prefix}-{year}-{month}-{i}",
            title=f"Tin {i}",
            published=datetime(year, month, 1 + i % 28, 9, 0),
        )
        for i in range(n)
    ]


def snap(
    articles: list[Article], complete_since: date | None = date(2026, 1, 1), home_ok: bool = True
) -> Snapshot:
    return Snapshot(
        site_id="x",
        base_url="https://bhxh.example/",
        started_at=datetime(2026, 9, 10),
        home_ok=home_ok,
        articles=articles,
        coverage=Coverage(complete_since=complete_since),
    )


def run(s: Snapshot, h: History | None = None, as_of: date = AS_OF, **params):
    rule = PostQuota()
    return rule.check(s, h or History(), RunContext(as_of=as_of), rule.Params(**params))


def test_pass_counts_each_full_month_before_as_of():
    arts = (
        posts(2026, 6, 21)
        + posts(2026, 7, 25)
        + posts(2026, 8, 20)
        + posts(2026, 9, 3)
        + posts(2026, 5, 2)
    )
    (f,) = run(snap(arts))
    assert f.status == "pass"
    assert f.value["months"] == {
        "2026-06": {"posts": 21, "complete": True},
        "2026-07": {"posts": 25, "complete": True},
        "2026-08": {"posts": 20, "complete": True},
    }
    assert f.value["quota"] == 20 and f.value["quota_cited"] is False
    assert (
        "định mức cấu hình: 20 tin, bài/tháng" in f.message and "chưa được đối chiếu" in f.message
    )
    # evidence comes from the weakest month (August)
    assert f.evidence and all("-2026-8-" in u for u in f.evidence)


def test_fail_on_covered_weak_month_with_evidence_capped_at_20():
    arts = posts(2026, 6, 30) + posts(2026, 7, 25) + posts(2026, 8, 12)
    (f,) = run(snap(arts))
    assert f.status == "fail"
    assert f.value["months"]["2026-08"]["posts"] == 12
    assert "08/2026: 12" in f.message
    assert len(f.evidence) == 12 and all("-2026-8-" in u for u in f.evidence)
    arts = posts(2026, 6, 30) + posts(2026, 7, 25) + posts(2026, 8, 30)
    (f,) = run(snap(arts), min_posts_per_month=40)
    assert f.status == "fail" and len(f.evidence) == 20 and all("-2026-7-" in u for u in f.evidence)


def test_uncovered_month_is_unknown_not_fail():
    # complete only since 10 July: June and July are not fully covered.
    arts = posts(2026, 6, 3) + posts(2026, 7, 25) + posts(2026, 8, 22)
    (f,) = run(snap(arts, complete_since=date(2026, 7, 10)))
    assert f.status == "unknown"
    assert f.value["months"]["2026-06"] == {"posts": 3, "complete": False}
    assert f.value["months"]["2026-08"]["complete"] is True


def test_covered_failing_month_wins_over_uncovered():
    arts = posts(2026, 6, 3) + posts(2026, 7, 25) + posts(2026, 8, 5)
    (f,) = run(snap(arts, complete_since=date(2026, 7, 1)))
    assert f.status == "fail"
    assert "06/2026" not in f.message and "08/2026: 5" in f.message


def test_no_complete_since_and_budget_exhausted_is_unknown():
    s = snap(posts(2026, 6, 30) + posts(2026, 7, 30) + posts(2026, 8, 2), complete_since=None)
    s.coverage.budget_exhausted = True
    (f,) = run(s)
    assert f.status == "unknown"
    assert all(m["complete"] is False for m in f.value["months"].values())


def test_home_down_is_unknown():
    (f,) = run(snap(posts(2026, 8, 1), home_ok=False))
    assert f.status == "unknown"


def test_history_merge_and_earlier_complete_since():
    # This run only covers August; history (complete since January) holds June and July.
    stored = [
        StoredArticle(
            url=a.url,
            title=a.title,
            published=a.published,
            category_label=None,
            word_count=300,
            first_seen=datetime(2026, 8, 1),
        )
        for a in posts(2026, 6, 20) + posts(2026, 7, 20)
    ]
    # one stored URL re-seen this run must not be counted twice
    again = Article(url=stored[0].url, title="Tin 0", published=stored[0].published)
    h = History(articles=stored, complete_since=date(2026, 1, 1))
    (f,) = run(snap(posts(2026, 8, 20) + [again], complete_since=date(2026, 8, 1)), h)
    assert f.status == "pass"
    assert f.value["months"]["2026-06"] == {"posts": 20, "complete": True}
    assert f.value["complete_since"] == "2026-01-01"


def test_undated_counted_apart_and_never_turned_into_a_fail():
    arts = posts(2026, 6, 20) + posts(2026, 7, 20) + posts(2026, 8, 19)
    arts += [Article(url=f"https://bhxh.example/u{i}", title="x", published=None) for i in range(4)]
    (f,) = run(snap(arts))
    # 19 dated + 4 undated could reach 20: not a fail, but unknown with the reason
    assert f.status == "unknown" and f.value["undated"] == 4
    assert f.value["months"]["2026-08"]["posts"] == 19
    assert "4 tin, bài không xác định được ngày đăng" in f.message


def test_undated_posts_too_few_to_matter_still_fail():
    arts = posts(2026, 6, 20) + posts(2026, 7, 20) + posts(2026, 8, 10)
    arts += [Article(url=f"https://bhxh.example/u{i}", title="x", published=None) for i in range(4)]
    (f,) = run(snap(arts))
    assert f.status == "fail" and f.value["months"]["2026-08"]["posts"] == 10


def test_as_of_edge_first_day_of_month():
    # On 1 September the window is June..August; on 31 August it is May..July.
    arts = posts(2026, 5, 2) + posts(2026, 6, 20) + posts(2026, 7, 20) + posts(2026, 8, 20)
    (f,) = run(snap(arts), as_of=date(2026, 9, 1))
    assert list(f.value["months"]) == ["2026-06", "2026-07", "2026-08"] and f.status == "pass"
    (f,) = run(snap(arts), as_of=date(2026, 8, 31))
    assert list(f.value["months"]) == ["2026-05", "2026-06", "2026-07"] and f.status == "fail"
    # month starting exactly on complete_since is covered
    (f,) = run(snap(arts, complete_since=date(2026, 6, 1)), as_of=date(2026, 9, 1))
    assert f.value["months"]["2026-06"]["complete"] is True


def test_cited_quota_message_and_year_boundary():
    arts = posts(2025, 11, 20) + posts(2025, 12, 20) + posts(2026, 1, 20)
    (f,) = run(
        snap(arts, complete_since=date(2025, 1, 1)), as_of=date(2026, 2, 3), quota_cited=True
    )
    assert list(f.value["months"]) == ["2025-11", "2025-12", "2026-01"]
    assert (
        f.status == "pass"
        and "theo QĐ 2474/QĐ-BHXH" in f.message
        and f.value["quota_cited"] is True
    )
