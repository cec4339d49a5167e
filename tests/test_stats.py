from __future__ import annotations

import gzip
import json
import time
from datetime import date, datetime

import pytest

from portal_lint.snapshot import Article, StoredArticle
from portal_lint.stats import (
    Post,
    credits_other_outlet,
    effective_complete_since,
    find_reposts,
    full_months_before,
    in_window,
    is_bhyt,
    jaccard,
    keyword_hits,
    merge_posts,
    month_complete,
    monthly_stats,
)

AS_OF = date(2026, 9, 10)


@pytest.fixture(scope="module")
def vntc(shared_dir) -> list[str]:
    with gzip.open(
        shared_dir / "corpora" / "vntc-insurance-mentions.jsonl.gz", "rt", encoding="utf-8"
    ) as fh:
        return [json.loads(line)["text"] for line in fh]


def a(url: str, d: date | None, title: str = "Tin hoạt động", **kw) -> Article:
    return Article(
        url=url, title=title, published=datetime(d.year, d.month, d.day, 8) if d else None, **kw
    )


def stored(
    url: str, d: date | None, title: str = "Tin cũ", label: str | None = None
) -> StoredArticle:
    return StoredArticle(
        url=url,
        title=title,
        published=datetime(d.year, d.month, d.day) if d else None,
        category_label=label,
        word_count=300,
        first_seen=datetime(2026, 1, 1),
    )


def test_coverage_helpers():
    assert effective_complete_since(date(2026, 7, 1), date(2026, 1, 1)) == date(2026, 1, 1)
    assert effective_complete_since(None, date(2026, 1, 1)) == date(2026, 1, 1)
    assert effective_complete_since(None, None) is None
    assert full_months_before(date(2026, 1, 15), 3) == [
        date(2025, 10, 1),
        date(2025, 11, 1),
        date(2025, 12, 1),
    ]
    assert month_complete(date(2026, 6, 1), date(2026, 6, 1)) and not month_complete(
        date(2026, 6, 1), date(2026, 6, 2)
    )
    assert not month_complete(date(2026, 6, 1), None)
    assert in_window(date(2026, 6, 12), AS_OF, 90) and not in_window(date(2026, 6, 11), AS_OF, 90)
    assert not in_window(date(2026, 9, 11), AS_OF, 90) and not in_window(None, AS_OF, 90)


def test_merge_posts_this_run_wins_and_aliases():
    run = [
        a("https://s/1", date(2026, 8, 1), title="Mới", category_label="Tin BHYT"),
        a("https://s/2", None, fetched=False),
        a("https://s/2", None, body_text="body"),  # the opened copy wins over the listing sighting
        a("https://s/3", date(2026, 8, 3), aliases=["https://s/old-3"]),
    ]
    hist = [
        stored("https://s/1", date(2026, 7, 1), title="Cũ"),
        stored("https://s/2", date(2026, 8, 2)),
        stored("https://s/old-3", date(2026, 8, 3)),
        stored("https://s/9", date(2026, 5, 5), label="BHYT"),
    ]
    posts = {p.url: p for p in merge_posts(run, hist)}
    assert set(posts) == {"https://s/1", "https://s/2", "https://s/3", "https://s/9"}
    assert posts["https://s/1"].title == "Mới" and posts["https://s/1"].published == date(
        2026, 8, 1
    )
    assert posts["https://s/2"].fetched and posts["https://s/2"].published == date(
        2026, 8, 2
    )  # date from history
    assert not posts["https://s/9"].fetched and posts["https://s/9"].article is None


def test_keyword_hits_whole_words_without_diacritics():
    assert keyword_hits("Triển khai ĐỀ ÁN 06/CP tại tỉnh", ["Đề án 06"]) == ["Đề án 06"]
    assert keyword_hits("Đề án 061 khác", ["Đề án 06"]) == []
    assert keyword_hits("Cài ứng dụng VSSID", ["VssID", "VNeID"]) == ["VssID"]


def test_is_bhyt():
    assert is_bhyt(Post("u", "Mở rộng quyền lợi BHYT khi khám ngoại trú", None))
    assert is_bhyt(
        Post(
            "u",
            "Tin",
            None,
            article=Article(url="u", title="Tin", sapo="Thẻ bảo hiểm y tế điện tử"),
        )
    )
    assert is_bhyt(
        Post("u", "Tin", None, category_label="Chính sách y tế"), {"chính sách y tế": "bhyt"}
    )
    assert is_bhyt(Post("u", "Tin", None, category_label="Lĩnh vực Bảo hiểm y tế"))
    assert not is_bhyt(
        Post("u", "Chi trả lương hưu tháng 9", None, category_label="Chính sách BHXH"),
        {"Chính sách BHXH": "bhxh"},
    )


def test_credits_other_outlet():
    assert credits_other_outlet("Nguồn: baohiemxahoi.gov.vn") == "baohiemxahoi.gov.vn"
    assert credits_other_outlet("Theo BHXH Việt Nam")
    assert credits_other_outlet("Nguồn: Cổng TTĐT BHXH Việt Nam")
    assert credits_other_outlet("Nguồn: Báo Lao Động")
    assert credits_other_outlet("Nguồn: dantri.com.vn")
    assert credits_other_outlet("Nguồn: BHXH tỉnh Hà Tĩnh") is None
    assert credits_other_outlet("Phòng Truyền thông và Phát triển đối tượng") is None
    assert credits_other_outlet("Nguồn: Bảo hiểm xã hội huyện Krông Nô") is None
    assert (
        credits_other_outlet(
            "Nguồn: hatinh.baohiemxahoi.gov.vn", own_hosts=["hatinh.baohiemxahoi.gov.vn"]
        )
        is None
    )
    assert credits_other_outlet(
        "Nguồn: hatinh.baohiemxahoi.gov.vn", own_hosts=["www.nghean.gov.vn"]
    )
    assert credits_other_outlet(None) is None and credits_other_outlet("Nguồn:") is None


def test_jaccard_exact_on_known_texts():
    t = "một hai ba bốn năm sáu bảy tám chín mười"
    assert jaccard(t, t) == 1.0
    # 6 and 8 shingles, the 6 of the shorter text shared
    assert jaccard(t, t + " mười một") == pytest.approx(6 / 8)
    assert jaccard(t, "hoàn toàn khác biệt với văn bản trên") == 0.0
    assert jaccard("ngắn", t) == 0.0


def test_find_reposts_on_real_articles(vntc):
    refs = {f"https://baohiemxahoi.gov.vn/{i}": t for i, t in enumerate(vntc[:200])}
    arts = []
    for i in range(30):
        words = vntc[i].split()
        # province re-post: trims the tail and adds its own line
        body = " ".join(words[: len(words) * 85 // 100]) + " BHXH tỉnh Hà Tĩnh thông tin thêm."
        arts.append(Article(url=f"https://s/re-{i}", title="t", body_text=body))
    for i in range(250, 280):
        arts.append(Article(url=f"https://s/own-{i}", title="t", body_text=vntc[i]))
    arts.append(
        Article(
            url="https://s/src",
            title="t",
            body_text="Nội dung riêng",
            source_line="Nguồn: BHXH Việt Nam",
        )
    )
    arts.append(Article(url="https://s/unread", title="t", fetched=False, body_text=vntc[0]))
    t0 = time.perf_counter()
    got = find_reposts(arts, refs)
    elapsed = time.perf_counter() - t0
    long_enough = {f"https://s/re-{i}" for i in range(30) if len(vntc[i].split()) >= 40}
    flagged_re = {u for u in got if "/re-" in u}
    assert flagged_re == long_enough
    assert not [u for u in got if "/own-" in u]
    assert got["https://s/src"].startswith("nguồn ghi:") and "https://s/unread" not in got
    assert "trùng nội dung với https://baohiemxahoi.gov.vn/" in got["https://s/re-0"]
    assert elapsed < 10, elapsed


def test_monthly_stats_new_repost_bhyt_complete():
    run = [
        a("https://s/1", date(2026, 8, 3), title="Cấp thẻ BHYT cho học sinh"),
        a("https://s/2", date(2026, 8, 4)),
        a("https://s/3", date(2026, 8, 30), category_label="Chính sách y tế"),
        a("https://s/4", date(2026, 7, 2)),
        a("https://s/5", None),
        a("https://s/6", date(2026, 9, 2)),
    ]  # current month: not a full month
    hist = [
        stored("https://s/h1", date(2026, 6, 5)),
        stored("https://s/h2", date(2026, 6, 6), title="Khám chữa bệnh BHYT"),
    ]
    out = monthly_stats(
        run,
        hist,
        complete_since=date(2026, 7, 1),
        as_of=AS_OF,
        months=3,
        repost_of={"https://s/2": "nguồn ghi: BHXH Việt Nam", "https://s/h1": "x"},
        bhyt_label_slugs={"Chính sách y tế": "bhyt"},
    )
    assert out == {
        "2026-06": {"posts": 2, "new": 1, "repost": 1, "bhyt": 1, "complete": False},
        "2026-07": {"posts": 1, "new": 1, "repost": 0, "bhyt": 0, "complete": True},
        "2026-08": {"posts": 3, "new": 2, "repost": 1, "bhyt": 2, "complete": True},
    }
    assert list(monthly_stats([], [], None, AS_OF))[-1] == "2026-08"
    assert len(monthly_stats([], [], None, AS_OF)) == 12


def test_template_wording_with_other_titles_is_not_a_repost() -> None:
    from portal_lint.snapshot import Article
    from portal_lint.stats import find_reposts

    template = (
        "Thực hiện kế hoạch công tác năm, Bảo hiểm xã hội tỉnh đã tổ chức nhiều hoạt động tuyên truyền "
        "chính sách bảo hiểm xã hội, bảo hiểm y tế đến người lao động và người dân trên địa bàn. "
        "Qua đó góp phần nâng cao nhận thức của người dân về quyền lợi khi tham gia bảo hiểm. "
    ) * 3
    mine = Article(
        "https://a.vn/1",
        "Hội nghị đối thoại với doanh nghiệp tại huyện Cẩm Xuyên",
        body_text=template + "Hội nghị có 120 doanh nghiệp tham dự.",
        fetched=True,
    )
    refs = {
        "https://b.vn/9": (
            "Tập huấn nghiệp vụ thu cho đại lý tại thị xã Kỳ Anh",
            template + "Lớp tập huấn có 80 học viên.",
        )
    }
    assert find_reposts([mine], refs) == {}
    # the same story under (almost) the same title is a re-post
    refs2 = {
        "https://b.vn/9": (
            "Hội nghị đối thoại với doanh nghiệp tại huyện Cẩm Xuyên năm 2026",
            mine.body_text,
        )
    }
    assert "https://a.vn/1" in find_reposts([mine], refs2)
    # a verbatim copy is a re-post whatever its title
    refs3 = {"https://b.vn/9": ("Tin khác hẳn", mine.body_text)}
    assert "https://a.vn/1" in find_reposts([mine], refs3)


def test_sketch_cache_gives_the_same_reposts_without_the_bodies(vntc):
    from portal_lint.stats import SketchCache

    refs = {
        f"https://baohiemxahoi.gov.vn/{i}": (f"tiêu đề {i}", t) for i, t in enumerate(vntc[:60])
    }
    arts = [
        Article(
            url=f"https://s/re-{i}", title=f"tiêu đề {i}", body_text=vntc[i], content_hash=f"h{i}"
        )
        for i in range(10)
    ] + [Article(url="https://s/own", title="x", body_text=vntc[100], content_hash="h100")]
    expected = find_reposts(arts, refs)
    assert expected and "https://s/own" not in expected

    cache = SketchCache(maxsize=1000)
    hashed = {u: (t, b, f"c-{u}") for u, (t, b) in refs.items()}
    assert find_reposts(arts, hashed, sketches=cache) == expected
    assert len(cache) == len(refs) + len(arts)
    # second site: the references come without bodies, their sketches from the cache
    bodiless = {u: (t, None, h) for u, (t, _b, h) in hashed.items()}
    assert find_reposts(arts, bodiless, sketches=cache) == expected
    # without the cache they would have found nothing
    assert find_reposts(arts, bodiless, sketches=SketchCache(maxsize=1000)) == {}
    # bounded: the oldest sketches go first
    small = SketchCache(maxsize=5)
    find_reposts(arts, hashed, sketches=small)
    assert len(small) == 5


def test_store_reference_texts_leave_out_bodies_already_sketched(tmp_path):
    from datetime import datetime

    from portal_lint.stats import SketchCache
    from portal_lint.store.repo import Store

    store = Store(f"sqlite:///{tmp_path / 'r.db'}")
    try:
        now = datetime(2026, 11, 20, 8)
        other = [
            Article(url=f"https://b/{i}", title=f"t{i}", body_text=f"thân bài {i} " * 40,
                    published=now, content_hash=f"h{i}")
            for i in range(3)
        ]  # fmt: skip
        store.checkpoint_articles("b", "B", "https://b/", other, now)
        store.checkpoint_articles(
            "a", "A", "https://a/", [Article(url="https://a/1", title="t")], now
        )
        plain = store.reference_texts("a")
        assert set(plain) == {"https://b/0", "https://b/1", "https://b/2"}
        cache = SketchCache()
        cache.get(("https://b/1", "h1"), plain["https://b/1"][1])
        got = store.reference_texts("a", have=cache)
        assert got["https://b/1"] == ("t1", None, "h1")
        assert got["https://b/0"] == ("t0", plain["https://b/0"][1], "h0")
    finally:
        store.close()
