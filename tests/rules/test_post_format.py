from __future__ import annotations

from datetime import date, datetime, timedelta

from portal_lint.rules.post_format import PostFormat, missing_elements
from portal_lint.snapshot import Article, History, Image, RunContext, Snapshot

AS_OF = date(2026, 9, 10)


def art(i: int, days_ago: int = 3, fetched: bool = True, **kw) -> Article:
    d = AS_OF - timedelta(days=days_ago)
    base = {
        "url": f"https://bhxh.example/bai-{i}",
        "title": f"Bài {i}",
        "published": datetime(d.year, d.month, d.day, 9),
        "date_source": "text",
        "sapo": "Sapo của bài.",
        "body_text": "Nội dung " * 100,
        "word_count": 200,
        "author": "Ngọc Yến",
        "images": [Image(src="/a.jpg", caption="Ảnh: BHXH tỉnh")],
        "fetched": fetched,
    }
    base.update(kw)
    return Article(**base)


def run(arts, **p):
    r = PostFormat()
    s = Snapshot(
        site_id="x",
        base_url="https://bhxh.example/",
        started_at=datetime(2026, 9, 10),
        home_ok=True,
        articles=arts,
    )
    (f,) = r.check(s, History(), RunContext(as_of=AS_OF), r.Params(**p))
    return f


def test_missing_elements_names():
    a = art(
        0,
        title=" ",
        sapo=None,
        body_text="",
        word_count=0,
        date_source="listing",
        author=None,
        source_line=None,
        images=[Image(src="/a.jpg", caption="ok"), Image(src="/b.jpg", caption=None)],
    )
    assert missing_elements(a) == [
        "tiêu đề",
        "sapo",
        "nội dung",
        "ngày đăng",
        "tác giả/nguồn",
        "chú thích ảnh",
    ]
    assert (
        missing_elements(art(1, author=None, source_line="Nguồn: BHXH Việt Nam", images=[])) == []
    )


def test_pass():
    f = run([art(i) for i in range(5)])
    assert f.status == "pass" and f.value["nonstandard"] == 0 and f.value["judged"] == 5


def test_warn_then_fail_by_share():
    arts = [art(i) for i in range(9)] + [art(9, sapo="")]
    f = run(arts)
    assert f.status == "warn" and f.value["missing"] == {"https://bhxh.example/bai-9": ["sapo"]}
    arts = [art(i) for i in range(7)] + [
        art(7, author=None),
        art(8, images=[Image(src="/x.jpg")]),
        art(9, date_source="url"),
    ]
    f = run(arts)
    assert f.status == "fail" and f.value["share"] == 0.3
    assert (
        f.value["missing_counts"]["tác giả/nguồn"] == 1
        and f.value["missing_counts"]["chú thích ảnh"] == 1
    )
    assert f.value["missing"]["https://bhxh.example/bai-9"] == ["ngày đăng"]
    assert "thiếu sapo" not in f.message and "thiếu tác giả/nguồn: 1" in f.message


def test_unknown_when_too_few_read():
    arts = [art(0, sapo=None), art(1, sapo=None)] + [
        art(i, fetched=False, sapo=None) for i in range(2, 10)
    ]
    f = run(arts)
    assert f.status == "unknown"
    f = run(arts + [art(20, days_ago=120, sapo=None)])
    assert f.status == "unknown"


def test_window_edge():
    arts = [art(0, days_ago=90, sapo=None), art(1), art(2), art(3, days_ago=91, sapo=None)]
    f = run(arts)
    assert f.value["judged"] == 3 and list(f.value["missing"]) == ["https://bhxh.example/bai-0"]
    assert f.status == "fail"
