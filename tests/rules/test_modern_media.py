from __future__ import annotations

from datetime import date, datetime, timedelta

from portal_lint.rules.modern_media import ModernMedia
from portal_lint.snapshot import Article, History, RunContext, Snapshot, StoredArticle

AS_OF = date(2026, 9, 10)


def art(
    i: int, days_ago: int = 3, fetched: bool = True, videos=(), infographic: bool = False
) -> Article:
    d = AS_OF - timedelta(days=days_ago)
    return Article(
        url=f"https://bhxh.example/bai-{i}",
        title=f"Bài {i}",
        published=datetime(d.year, d.month, d.day, 9),
        videos=list(videos),
        infographic=infographic,
        fetched=fetched,
    )


def run(arts, history: History | None = None, **p):
    r = ModernMedia()
    s = Snapshot(
        site_id="x",
        base_url="https://bhxh.example/",
        started_at=datetime(2026, 9, 10),
        home_ok=True,
        articles=arts,
    )
    (f,) = r.check(s, history or History(), RunContext(as_of=AS_OF), r.Params(**p))
    return f


def test_pass_counts_videos_and_infographics():
    arts = [
        art(0, videos=["https://www.youtube.com/embed/x"]),
        art(1, infographic=True),
        art(2, videos=["/v.mp4"], infographic=True),
        art(3),
    ]
    f = run(arts)
    assert f.status == "pass"
    assert (f.value["videos"], f.value["infographics"], f.value["posts_with_media"]) == (2, 2, 3)
    assert set(f.evidence) == {
        "https://bhxh.example/bai-0",
        "https://bhxh.example/bai-1",
        "https://bhxh.example/bai-2",
    }


def test_fail_when_none_among_read_posts():
    arts = [art(i) for i in range(5)] + [art(9, days_ago=91, videos=["/old.mp4"])]
    f = run(arts)
    assert f.status == "fail" and f.value["read"] == 5 and f.value["videos"] == 0


def test_min_items():
    f = run([art(0, infographic=True), art(1)], min_items=2)
    assert f.status == "fail" and f.value["posts_with_media"] == 1


def test_unknown_when_nothing_in_window_read():
    stored = [
        StoredArticle(
            url="https://bhxh.example/s",
            title="s",
            published=datetime(2026, 9, 1),
            category_label=None,
            word_count=300,
            first_seen=datetime(2026, 9, 1),
        )
    ]
    f = run([art(0, fetched=False), art(1, days_ago=100)], History(articles=stored))
    assert f.status == "unknown" and "2 tin, bài" in f.message


def test_window_edge_inclusive():
    assert run([art(0, days_ago=90, videos=["/v"])]).status == "pass"
    assert run([art(0, days_ago=91, videos=["/v"]), art(1)]).status == "fail"
