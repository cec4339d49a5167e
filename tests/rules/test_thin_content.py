from __future__ import annotations

from datetime import date, datetime, timedelta

from portal_lint.rules.thin_content import ThinContent
from portal_lint.snapshot import Article, History, Image, RunContext, Snapshot

AS_OF = date(2026, 9, 10)


def art(
    i: int,
    words: int = 300,
    images: int = 1,
    days_ago: int = 5,
    fetched: bool = True,
    body: str | None = None,
) -> Article:
    text = " ".join(["chữ"] * words) if body is None else body
    d = AS_OF - timedelta(days=days_ago)
    return Article(
        url=f"https://bhxh.example/bai-{i}",
        title=f"Bài {i}",
        published=datetime(d.year, d.month, d.day, 9),
        body_text=text,
        word_count=words,
        images=[Image(src=f"/img/{i}-{k}.jpg") for k in range(images)],
        fetched=fetched,
    )


def run(arts, as_of: date = AS_OF, **p):
    r = ThinContent()
    s = Snapshot(
        site_id="x",
        base_url="https://bhxh.example/",
        started_at=datetime(2026, 9, 10),
        home_ok=True,
        articles=arts,
    )
    (f,) = r.check(s, History(), RunContext(as_of=as_of), r.Params(**p))
    return f


def test_pass_when_no_thin_post():
    f = run([art(i) for i in range(10)])
    assert f.status == "pass" and f.value["judged"] == 10 and f.value["thin"] == 0


def test_warn_at_share_exactly_fail_share():
    arts = [art(i) for i in range(8)] + [art(8, words=149), art(9, images=0)]
    f = run(arts)
    assert f.status == "warn" and f.value["share"] == 0.2
    assert f.value["thin_urls"] == {
        "https://bhxh.example/bai-8": ["ít chữ"],
        "https://bhxh.example/bai-9": ["không có ảnh"],
    }
    assert set(f.evidence) == {"https://bhxh.example/bai-8", "https://bhxh.example/bai-9"}


def test_fail_above_share_and_title_only():
    arts = [art(i) for i in range(7)] + [
        art(7, words=0, images=0, body=""),
        art(8, words=40),
        art(9, words=150, images=0),
    ]
    f = run(arts)
    assert f.status == "fail" and f.value["thin"] == 3 and f.value["share"] == 0.3
    assert f.value["thin_urls"]["https://bhxh.example/bai-7"] == ["chỉ có tiêu đề", "không có ảnh"]
    assert f.value["reasons"] == {"ít chữ": 1, "không có ảnh": 2, "chỉ có tiêu đề": 1}
    assert "3/10" in f.message


def test_word_count_falls_back_to_body_text():
    a = art(0, words=0, body="một hai ba bốn năm")  # extractor left word_count at 0
    f = run([a, art(1), art(2)])
    assert f.value["thin_urls"] == {"https://bhxh.example/bai-0": ["ít chữ"]}


def test_unread_and_old_posts_not_judged_unknown_below_min_posts():
    arts = [art(0), art(1, words=10)] + [
        art(i, fetched=False, words=0, images=0, body="") for i in range(2, 20)
    ]
    arts += [art(30, words=10, days_ago=91)]
    f = run(arts)
    assert f.status == "unknown" and "2 tin, bài" in f.message
    assert run(arts, min_posts=2).value["judged"] == 2


def test_window_edges_inclusive():
    arts = [
        art(0, days_ago=90, words=10),
        art(1, days_ago=0),
        art(2, days_ago=91, words=10),
        art(3, days_ago=-1, words=10),
    ]
    f = run(arts, min_posts=1)
    assert f.value["judged"] == 2 and list(f.value["thin_urls"]) == ["https://bhxh.example/bai-0"]
